import { apiClient } from '../../shared/api/client.ts';
import { seg } from '../../shared/api/page.ts';
import type { Me, UpdateUserBody, User } from '@pm/users/contract';

const { request } = apiClient;

/** The caller with their profile (and notification preferences) from the users service. */
export function getMe(signal?: AbortSignal): Promise<Me> {
  return request<Me>('/users/me', signal ? { signal } : {});
}

export function updateUser(id: string, body: UpdateUserBody): Promise<User> {
  return request<User>(`/users/${seg(id)}`, { method: 'PUT', body });
}
