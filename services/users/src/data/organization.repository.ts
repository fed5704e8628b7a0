import { decodeCursor, toPage, type Page } from '@pm/kernel';
import { sql, type Kysely } from 'kysely';
import type { Organization, OrganizationListQuery, OrgRole } from '../contract/http.ts';
import { organizationSettingsOf } from '../domain/profile-rules.ts';
import type { Db, OrganizationRow, UsersDatabase } from './users.tables.ts';

export function toOrganization(row: OrganizationRow, myRole: OrgRole): Organization {
  return {
    id: row.id,
    name: row.name,
    domain: row.domain,
    settings: organizationSettingsOf(row.settings),
    version: row.version,
    created_at: row.created_at.toISOString(),
    updated_at: row.updated_at.toISOString(),
    my_role: myRole,
  };
}

/** Columns an organization is written with; `settings` as JSON text. */
export interface OrganizationValues {
  name: string;
  domain: string | null;
  settings: string;
}

export class OrganizationRepository {
  constructor(private readonly db: Kysely<UsersDatabase>) {}

  private ofMember(db: Db, userId: string) {
    return db
      .selectFrom('organizations as o')
      .innerJoin('organization_members as m', 'm.organization_id', 'o.id')
      .selectAll('o')
      .select(['m.role as my_role', sql<string>`lower(o.name)`.as('sort_name')])
      .where('m.user_id', '=', userId);
  }

  async insert(trx: Db, values: OrganizationValues & { created_by: string }): Promise<OrganizationRow> {
    return trx.insertInto('organizations').values(values).returningAll().executeTakeFirstOrThrow();
  }

  async find(id: string, db: Db = this.db): Promise<OrganizationRow | undefined> {
    return db.selectFrom('organizations').selectAll().where('id', '=', id).executeTakeFirst();
  }

  /** The organization if the user is a member of it. */
  async findForMember(id: string, userId: string, db: Db = this.db): Promise<Organization | undefined> {
    const row = await this.ofMember(db, userId).where('o.id', '=', id).executeTakeFirst();
    return row ? toOrganization(row, row.my_role) : undefined;
  }

  /** Locks the row for the rest of the transaction: membership changes of one organization queue. */
  async lock(trx: Db, id: string): Promise<boolean> {
    const row = await trx
      .selectFrom('organizations')
      .select('id')
      .where('id', '=', id)
      .forUpdate()
      .executeTakeFirst();
    return row !== undefined;
  }

  /** Keyset on (lower(name), id). */
  async listForMember(userId: string, query: OrganizationListQuery): Promise<Page<Organization>> {
    const limit = query.limit ?? 25;
    const after = decodeCursor(query.cursor, 2);
    let select = this.ofMember(this.db, userId);
    if (after) {
      select = select.where(
        sql<boolean>`(lower(o.name), o.id) > (${String(after[0])}, ${String(after[1])}::uuid)`,
      );
    }
    const rows = await select
      .orderBy(sql`lower(o.name)`)
      .orderBy('o.id')
      .limit(limit + 1)
      .execute();
    return toPage(
      rows,
      limit,
      (row) => [row.sort_name, row.id],
      (row) => toOrganization(row, row.my_role),
    );
  }

  /** Every organization of the user, by name (for `GET /users/me`; a person has a handful). */
  async allForMember(userId: string, db: Db = this.db): Promise<Organization[]> {
    const rows = await this.ofMember(db, userId)
      .orderBy(sql`lower(o.name)`)
      .orderBy('o.id')
      .limit(1000)
      .execute();
    return rows.map((row) => toOrganization(row, row.my_role));
  }

  /** Applies changes only if the row is still at `version`; undefined means someone else won. */
  async updateAtVersion(
    trx: Db,
    id: string,
    version: number,
    changes: Partial<OrganizationValues>,
  ): Promise<OrganizationRow | undefined> {
    return trx
      .updateTable('organizations')
      .set({ ...changes, version: sql`version + 1`, updated_at: sql`now()` })
      .where('id', '=', id)
      .where('version', '=', version)
      .returningAll()
      .executeTakeFirst();
  }

  /** Organizations that let people of `domain` join and that the user is not in yet. */
  async joinableByDomain(trx: Db, domain: string, userId: string): Promise<OrganizationRow[]> {
    return trx
      .selectFrom('organizations as o')
      .selectAll('o')
      .where('o.domain', '=', domain)
      .where(sql<boolean>`(o.settings ->> 'allow_domain_join') = 'true'`)
      .where((eb) =>
        eb.not(
          eb.exists(
            eb
              .selectFrom('organization_members as m')
              .select(sql`1`.as('one'))
              .whereRef('m.organization_id', '=', 'o.id')
              .where('m.user_id', '=', userId),
          ),
        ),
      )
      .orderBy('o.created_at')
      .execute();
  }
}
