import { decodeCursor, ForbiddenError, toPage, ValidationError, type Page } from '@pm/kernel';
import type { CreateRateBody, HourlyRate, RateListQuery, UpdateRateBody } from '../contract/rate-http.ts';
import { isUniqueViolation } from '../data/rate.repository.ts';
import type { TimeTrackingDeps } from '../deps.ts';
import {
  RateExistsError,
  RateNotFoundError,
  UnknownReferenceError,
  VersionConflictError,
} from '../domain/time.errors.ts';
import { isAdminOf, type Caller } from './caller-scope.ts';

/** Rates are set by the organization's owners and admins; a person reads their own. */
async function requireAdmin(
  deps: TimeTrackingDeps,
  caller: Caller,
  organizationId: string,
  notFound: () => Error,
) {
  if (await isAdminOf(deps, caller.id, organizationId)) {
    return;
  }
  if (await deps.readModels.orgRole(caller.id, organizationId)) {
    throw new ForbiddenError('Only organization owners and admins set hourly rates');
  }
  throw notFound();
}

async function visibleRate(deps: TimeTrackingDeps, caller: Caller, id: string): Promise<HourlyRate> {
  const rate = await deps.rates.find(id);
  if (
    !rate ||
    (rate.user_id !== caller.id && !(await deps.readModels.orgRole(caller.id, rate.organization_id)))
  ) {
    throw new RateNotFoundError();
  }
  return rate;
}

async function saving<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    throw isUniqueViolation(error) ? new RateExistsError() : error;
  }
}

export async function createRate(
  deps: TimeTrackingDeps,
  caller: Caller,
  body: CreateRateBody,
): Promise<HourlyRate> {
  const org = body.organization_id;
  await requireAdmin(deps, caller, org, () => new UnknownReferenceError('Organization', 'organization_id'));
  if (!(await deps.readModels.orgRole(body.user_id, org))) {
    throw new UnknownReferenceError('Member of the organization', 'user_id');
  }
  const projectId = body.project_id ?? null;
  if (projectId && (await deps.readModels.projectAccess(caller.id, projectId))?.organization_id !== org) {
    throw new UnknownReferenceError('Project of the organization', 'project_id');
  }
  const now = deps.clock.now();
  return saving(() =>
    deps.db.transaction().execute(async (trx) => {
      const id = await deps.rates.insert(trx, { ...body, project_id: projectId }, caller.id, now);
      return (await deps.rates.find(id, trx))!;
    }),
  );
}

export async function getRate(deps: TimeTrackingDeps, caller: Caller, id: string): Promise<HourlyRate> {
  const rate = await visibleRate(deps, caller, id);
  if (rate.user_id !== caller.id) {
    await requireAdmin(deps, caller, rate.organization_id, () => new RateNotFoundError());
  }
  return rate;
}

export async function updateRate(
  deps: TimeTrackingDeps,
  caller: Caller,
  id: string,
  body: UpdateRateBody,
): Promise<HourlyRate> {
  const rate = await visibleRate(deps, caller, id);
  await requireAdmin(deps, caller, rate.organization_id, () => new RateNotFoundError());
  const { version, ...changes } = body;
  return saving(() =>
    deps.db.transaction().execute(async (trx) => {
      if (!(await deps.rates.update(trx, id, version, changes, deps.clock.now()))) {
        throw new VersionConflictError('rate', await deps.rates.find(id, trx));
      }
      return (await deps.rates.find(id, trx))!;
    }),
  );
}

/** Entries whose timesheet was approved keep the rate frozen on them. */
export async function deleteRate(deps: TimeTrackingDeps, caller: Caller, id: string): Promise<void> {
  const rate = await visibleRate(deps, caller, id);
  await requireAdmin(deps, caller, rate.organization_id, () => new RateNotFoundError());
  await deps.db.transaction().execute((trx) => deps.rates.delete(trx, id));
}

export async function listRates(
  deps: TimeTrackingDeps,
  caller: Caller,
  query: RateListQuery,
): Promise<Page<HourlyRate>> {
  const limit = query.limit ?? 25;
  const [afterId] = decodeCursor(query.cursor, 1) ?? [];
  if (afterId !== undefined && (typeof afterId !== 'string' || !/^[0-9a-f-]{36}$/i.test(afterId))) {
    throw new ValidationError([{ field: 'cursor', message: 'is not a cursor this list gave out' }]);
  }
  const rows = await deps.rates.list(caller.id, query, limit + 1, afterId ?? undefined);
  return toPage(rows, limit, (row) => [row.id]);
}
