import type { ColumnType, Generated, Kysely, Selectable, Transaction } from 'kysely';
import type { InvitableRole, OrgRole, TeamRole } from '../contract/http.ts';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
/** JSONB: read as a value, written as JSON text. */
type Json = ColumnType<unknown, string, string>;

export interface UserDirectoryTable {
  user_id: string;
  email: string | null;
  username: string;
  first_name: string | null;
  last_name: string | null;
  is_active: Generated<boolean>;
  email_verified: Generated<boolean>;
  deleted_at: Timestamp | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface UserProfilesTable {
  id: Generated<string>;
  user_id: string;
  avatar_url: string | null;
  bio: string | null;
  timezone: string | null;
  language: string | null;
  notification_preferences: Json;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface OrganizationsTable {
  id: Generated<string>;
  name: string;
  domain: string | null;
  settings: Json;
  created_by: string | null;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface OrganizationMembersTable {
  organization_id: string;
  user_id: string;
  role: OrgRole;
  joined_at: Timestamp;
}

export interface TeamsTable {
  id: Generated<string>;
  organization_id: string;
  name: string;
  description: string | null;
  owner_id: string;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface TeamMembersTable {
  id: Generated<string>;
  team_id: string;
  user_id: string;
  role: TeamRole;
  joined_at: Timestamp;
}

export interface InvitationsTable {
  id: Generated<string>;
  organization_id: string;
  team_id: string | null;
  email: string;
  role: InvitableRole;
  token_hash: string;
  invited_by: string;
  status: ColumnType<
    'pending' | 'accepted' | 'revoked',
    'pending' | undefined,
    'pending' | 'accepted' | 'revoked'
  >;
  expires_at: Timestamp;
  accepted_by: string | null;
  accepted_at: Timestamp | null;
  revoked_at: Timestamp | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface UsersDatabase {
  user_directory: UserDirectoryTable;
  user_profiles: UserProfilesTable;
  organizations: OrganizationsTable;
  organization_members: OrganizationMembersTable;
  teams: TeamsTable;
  team_members: TeamMembersTable;
  invitations: InvitationsTable;
  outbox: { id: string; type: string; envelope: string };
}

export type Db = Kysely<UsersDatabase> | Transaction<UsersDatabase>;
export type DirectoryRow = Selectable<UserDirectoryTable>;
export type ProfileRow = Selectable<UserProfilesTable>;
export type OrganizationRow = Selectable<OrganizationsTable>;
export type TeamRow = Selectable<TeamsTable>;
export type InvitationRow = Selectable<InvitationsTable>;
