import type { UserSummary } from '../contract/http.ts';
import { displayName } from '../domain/roles.ts';

/** Directory and profile columns of a person, as queries joining `d` and `p` select them. */
export const personColumns = [
  'd.username',
  'd.email',
  'd.first_name',
  'd.last_name',
  'd.is_active',
  'p.avatar_url',
] as const;

export interface PersonRow {
  username: string | null;
  email: string | null;
  first_name: string | null;
  last_name: string | null;
  is_active: boolean | null;
  avatar_url: string | null;
}

/** A member whose account event has not arrived yet still lists, under a placeholder name. */
export function toUserSummary(userId: string, row: PersonRow): UserSummary {
  const username = row.username ?? '';
  return {
    id: userId,
    username,
    email: row.email,
    first_name: row.first_name,
    last_name: row.last_name,
    display_name:
      displayName({ username, first_name: row.first_name, last_name: row.last_name }) || 'Unknown user',
    avatar_url: row.avatar_url,
    is_active: row.is_active ?? true,
  };
}

/** `%text%` for ILIKE, with the pattern characters of the text escaped. */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
