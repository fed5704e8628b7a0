import { decodeCursor, toPage, type Page } from '@pm/kernel';
import { sql, type Kysely } from 'kysely';
import type { MemberListQuery, OrganizationMember, OrgRole } from '../contract/http.ts';
import { personColumns, toUserSummary, type PersonRow } from './person.ts';
import type { Db, UsersDatabase } from './users.tables.ts';

interface MemberRow extends PersonRow {
  organization_id: string;
  user_id: string;
  role: OrgRole;
  joined_at: Date;
}

function toMember(row: MemberRow): OrganizationMember {
  return {
    organization_id: row.organization_id,
    user_id: row.user_id,
    role: row.role,
    joined_at: row.joined_at.toISOString(),
    user: toUserSummary(row.user_id, row),
  };
}

/** Organization memberships. */
export class MemberRepository {
  constructor(private readonly db: Kysely<UsersDatabase>) {}

  private withPeople(db: Db) {
    return db
      .selectFrom('organization_members as m')
      .leftJoin('user_directory as d', 'd.user_id', 'm.user_id')
      .leftJoin('user_profiles as p', 'p.user_id', 'm.user_id')
      .select(['m.organization_id', 'm.user_id', 'm.role', 'm.joined_at', ...personColumns])
      .select(sql<string>`coalesce(lower(d.username), '')`.as('sort_name'));
  }

  async roleOf(organizationId: string, userId: string, db: Db = this.db): Promise<OrgRole | undefined> {
    const row = await db
      .selectFrom('organization_members')
      .select('role')
      .where('organization_id', '=', organizationId)
      .where('user_id', '=', userId)
      .executeTakeFirst();
    return row?.role;
  }

  async get(
    organizationId: string,
    userId: string,
    db: Db = this.db,
  ): Promise<OrganizationMember | undefined> {
    const row = await this.withPeople(db)
      .where('m.organization_id', '=', organizationId)
      .where('m.user_id', '=', userId)
      .executeTakeFirst();
    return row ? toMember(row) : undefined;
  }

  /** False when the person was a member already. */
  async add(trx: Db, organizationId: string, userId: string, role: OrgRole): Promise<boolean> {
    const row = await trx
      .insertInto('organization_members')
      .values({ organization_id: organizationId, user_id: userId, role })
      .onConflict((oc) => oc.columns(['organization_id', 'user_id']).doNothing())
      .returning('user_id')
      .executeTakeFirst();
    return row !== undefined;
  }

  async setRole(trx: Db, organizationId: string, userId: string, role: OrgRole): Promise<void> {
    await trx
      .updateTable('organization_members')
      .set({ role })
      .where('organization_id', '=', organizationId)
      .where('user_id', '=', userId)
      .execute();
  }

  async remove(trx: Db, organizationId: string, userId: string): Promise<void> {
    await trx
      .deleteFrom('organization_members')
      .where('organization_id', '=', organizationId)
      .where('user_id', '=', userId)
      .execute();
  }

  async countOwners(trx: Db, organizationId: string): Promise<number> {
    const row = await trx
      .selectFrom('organization_members')
      .select(sql<number>`count(*)::int`.as('n'))
      .where('organization_id', '=', organizationId)
      .where('role', '=', 'owner')
      .executeTakeFirstOrThrow();
    return row.n;
  }

  async countMembers(trx: Db, organizationId: string): Promise<number> {
    const row = await trx
      .selectFrom('organization_members')
      .select(sql<number>`count(*)::int`.as('n'))
      .where('organization_id', '=', organizationId)
      .executeTakeFirstOrThrow();
    return row.n;
  }

  /** Keyset on (lower(username), user_id). */
  async list(organizationId: string, query: MemberListQuery): Promise<Page<OrganizationMember>> {
    const limit = query.limit ?? 25;
    const after = decodeCursor(query.cursor, 2);
    let select = this.withPeople(this.db).where('m.organization_id', '=', organizationId);
    if (query.role) {
      select = select.where('m.role', '=', query.role);
    }
    if (after) {
      select = select.where(
        sql<boolean>`(coalesce(lower(d.username), ''), m.user_id) > (${String(after[0])}, ${String(after[1])}::uuid)`,
      );
    }
    const rows = await select
      .orderBy(sql`coalesce(lower(d.username), '')`)
      .orderBy('m.user_id')
      .limit(limit + 1)
      .execute();
    return toPage(rows, limit, (row) => [row.sort_name, row.user_id], toMember);
  }

  /** The user's memberships, by organization id (a stable order for locking). */
  async membershipsOf(
    userId: string,
    db: Db = this.db,
  ): Promise<{ organization_id: string; role: OrgRole }[]> {
    return db
      .selectFrom('organization_members')
      .select(['organization_id', 'role'])
      .where('user_id', '=', userId)
      .orderBy('organization_id')
      .execute();
  }

  /** The caller's and the target's roles in each organization they share. */
  async sharedRoles(
    callerId: string,
    targetId: string,
    db: Db = this.db,
  ): Promise<{ organization_id: string; caller_role: OrgRole; target_role: OrgRole }[]> {
    return db
      .selectFrom('organization_members as mine')
      .innerJoin('organization_members as theirs', 'theirs.organization_id', 'mine.organization_id')
      .select(['mine.organization_id', 'mine.role as caller_role', 'theirs.role as target_role'])
      .where('mine.user_id', '=', callerId)
      .where('theirs.user_id', '=', targetId)
      .execute();
  }

  /** Whether an account with this email (per the directory) is in the organization. */
  async hasMemberWithEmail(organizationId: string, email: string, db: Db = this.db): Promise<boolean> {
    const row = await db
      .selectFrom('organization_members as m')
      .innerJoin('user_directory as d', 'd.user_id', 'm.user_id')
      .select('m.user_id')
      .where('m.organization_id', '=', organizationId)
      .where(sql`lower(d.email)`, '=', email.toLowerCase())
      .executeTakeFirst();
    return row !== undefined;
  }
}
