import type { User } from './auth.types.ts';

/** "Ada Lovelace", or the username when no name is set. */
export function displayName(user: Pick<User, 'first_name' | 'last_name' | 'username'>): string {
  const full = [user.first_name, user.last_name].filter(Boolean).join(' ').trim();
  return full || user.username;
}
