import { sql, type Kysely } from 'kysely';
import type { OrgRole } from '../domain/project-role.ts';
import type { Db, ProjectsDatabase } from './projects.tables.ts';

/** The local copy of organization memberships, fed by users.member.* events. */
export class OrgMembershipRepository {
  constructor(private readonly db: Kysely<ProjectsDatabase>) {}

  /** The user's role in the organization; null when not (or no longer) a member. */
  async roleOf(organizationId: string, userId: string, db: Db = this.db): Promise<OrgRole | null> {
    const row = await db
      .selectFrom('org_memberships')
      .select('role')
      .where('organization_id', '=', organizationId)
      .where('user_id', '=', userId)
      .executeTakeFirst();
    return row?.role ?? null;
  }

  /**
   * Records the membership as of `occurredAt` (role null: removed) unless a newer event was already
   * applied, so events delivered out of order settle on the latest state. True when applied.
   */
  async applyIfNewer(
    trx: Db,
    organizationId: string,
    userId: string,
    role: OrgRole | null,
    occurredAt: Date,
  ): Promise<boolean> {
    const applied = await trx
      .insertInto('org_memberships')
      .values({ organization_id: organizationId, user_id: userId, role, updated_at: occurredAt })
      .onConflict((oc) =>
        oc
          .columns(['organization_id', 'user_id'])
          .doUpdateSet({ role: sql`excluded.role`, updated_at: sql`excluded.updated_at` })
          .where(sql<boolean>`org_memberships.updated_at <= excluded.updated_at`),
      )
      .returning('user_id')
      .executeTakeFirst();
    return applied !== undefined;
  }
}
