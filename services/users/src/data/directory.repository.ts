import { decodeCursor, toPage, type Page } from '@pm/kernel';
import { sql, type Kysely } from 'kysely';
import type { UserListQuery, UserSummary } from '../contract/http.ts';
import { containsPattern, personColumns, toUserSummary } from './person.ts';
import type { Db, DirectoryRow, UsersDatabase } from './users.tables.ts';

export interface DirectoryValues {
  user_id: string;
  email: string;
  username: string;
  first_name: string | null;
  last_name: string | null;
  email_verified: boolean;
}

/** The read model of auth accounts. A deleted (scrubbed) row never takes personal data back. */
export class DirectoryRepository {
  constructor(private readonly db: Kysely<UsersDatabase>) {}

  async find(userId: string, db: Db = this.db): Promise<DirectoryRow | undefined> {
    return db.selectFrom('user_directory').selectAll().where('user_id', '=', userId).executeTakeFirst();
  }

  /** The account event wins over a placeholder row written earlier from token claims. */
  async upsert(trx: Db, values: DirectoryValues): Promise<DirectoryRow | undefined> {
    return trx
      .insertInto('user_directory')
      .values(values)
      .onConflict((oc) =>
        oc
          .column('user_id')
          .doUpdateSet((eb) => ({
            email: eb.ref('excluded.email'),
            username: eb.ref('excluded.username'),
            first_name: eb.ref('excluded.first_name'),
            last_name: eb.ref('excluded.last_name'),
            email_verified: eb.ref('excluded.email_verified'),
            updated_at: sql`now()`,
          }))
          .where('user_directory.deleted_at', 'is', null),
      )
      .returningAll()
      .executeTakeFirst();
  }

  async insertIfMissing(trx: Db, values: DirectoryValues): Promise<void> {
    await trx
      .insertInto('user_directory')
      .values(values)
      .onConflict((oc) => oc.column('user_id').doNothing())
      .execute();
  }

  async updateNames(
    trx: Db,
    userId: string,
    values: { username: string; first_name: string | null; last_name: string | null },
  ): Promise<void> {
    await trx
      .updateTable('user_directory')
      .set({ ...values, updated_at: sql`now()` })
      .where('user_id', '=', userId)
      .where('deleted_at', 'is', null)
      .execute();
  }

  async markVerified(trx: Db, userId: string): Promise<DirectoryRow | undefined> {
    return trx
      .updateTable('user_directory')
      .set({ email_verified: true, updated_at: sql`now()` })
      .where('user_id', '=', userId)
      .where('deleted_at', 'is', null)
      .returningAll()
      .executeTakeFirst();
  }

  /**
   * Keeps the id (authorship stays attributable) and drops everything that identifies the person.
   * Written even when the account event has not arrived yet, so that it cannot bring the data back.
   */
  async scrub(trx: Db, userId: string, now: Date): Promise<void> {
    const tombstone = {
      email: null,
      username: `deleted-${userId.slice(0, 8)}`,
      first_name: 'Deleted',
      last_name: 'user',
      is_active: false,
      email_verified: false,
      deleted_at: now,
      updated_at: now,
    };
    await trx
      .insertInto('user_directory')
      .values({ user_id: userId, ...tombstone })
      .onConflict((oc) => oc.column('user_id').doUpdateSet(tombstone))
      .execute();
  }

  /** Live people who share an organization (or the given one) with the caller. */
  private visibleTo(callerId: string, organizationId: string | undefined) {
    return this.db
      .selectFrom('user_directory as d')
      .leftJoin('user_profiles as p', 'p.user_id', 'd.user_id')
      .select(['d.user_id', ...personColumns, sql<string>`lower(d.username)`.as('sort_name')])
      .where('d.deleted_at', 'is', null)
      .where((eb) =>
        eb.exists(
          eb
            .selectFrom('organization_members as mine')
            .innerJoin('organization_members as theirs', 'theirs.organization_id', 'mine.organization_id')
            .select(sql`1`.as('one'))
            .where('mine.user_id', '=', callerId)
            .whereRef('theirs.user_id', '=', 'd.user_id')
            .$if(organizationId !== undefined, (qb) =>
              qb.where('mine.organization_id', '=', organizationId!),
            ),
        ),
      );
  }

  /**
   * People who share an organization with the caller (or one given organization), matched by
   * username, email or name. Keyset on (lower(username), user_id).
   */
  async search(callerId: string, query: UserListQuery): Promise<Page<UserSummary>> {
    const limit = query.limit ?? 25;
    const after = decodeCursor(query.cursor, 2);
    let select = this.visibleTo(callerId, query.organization_id);
    if (query.q) {
      const pattern = containsPattern(query.q);
      select = select.where((eb) =>
        eb.or([
          eb('d.username', 'ilike', pattern),
          eb('d.email', 'ilike', pattern),
          eb(sql`coalesce(d.first_name, '') || ' ' || coalesce(d.last_name, '')`, 'ilike', pattern),
        ]),
      );
    }
    if (after) {
      select = select.where(
        sql<boolean>`(lower(d.username), d.user_id) > (${String(after[0])}, ${String(after[1])}::uuid)`,
      );
    }
    const rows = await select
      .orderBy(sql`lower(d.username)`)
      .orderBy('d.user_id')
      .limit(limit + 1)
      .execute();
    return toPage(
      rows,
      limit,
      (row) => [row.sort_name, row.user_id],
      (row) => toUserSummary(row.user_id, row),
    );
  }
}
