import { apiClient } from '../../shared/api/client.ts';
import { collectPages, seg, withQuery, type Page } from '../../shared/api/page.ts';
import type { CreateRateBody, HourlyRate, UpdateRateBody } from './time.types.ts';

const { request } = apiClient;
const rate = (id: string) => `/hourly-rates/${seg(id)}`;

interface RateFilters {
  organization_id: string;
  user_id?: string | undefined;
  project_id?: string | undefined;
}

/** One page of rates (an admin sees the organization's, anyone else only their own). */
export function listRates(
  filters: RateFilters & { limit?: number; cursor?: string | undefined },
  signal?: AbortSignal,
): Promise<Page<HourlyRate>> {
  return request<Page<HourlyRate>>(withQuery('/hourly-rates', { ...filters }), signal ? { signal } : {});
}

/** Every rate of an organization: a few per person, so a handful of pages at most. */
export function listAllRates(organizationId: string, signal?: AbortSignal): Promise<HourlyRate[]> {
  return collectPages((cursor) => listRates({ organization_id: organizationId, limit: 100, cursor }, signal));
}

/** A second rate for the same person, project and day answers 409 TIME_RATE_EXISTS. */
export function createRate(body: CreateRateBody): Promise<HourlyRate> {
  return request<HourlyRate>('/hourly-rates', { method: 'POST', body });
}

/** `version` is the state the edit is based on; a stale one answers 409 TIME_VERSION_CONFLICT. */
export function updateRate(id: string, body: UpdateRateBody): Promise<HourlyRate> {
  return request<HourlyRate>(rate(id), { method: 'PUT', body });
}

/** Approved entries keep the rate frozen on them; only future approvals see the change. */
export function deleteRate(id: string): Promise<void> {
  return request<void>(rate(id), { method: 'DELETE' });
}
