import { sql, type Kysely } from 'kysely';
import type { Db, ProfileRow, UsersDatabase } from './users.tables.ts';

/** Profile columns a PUT may change; preferences as JSON text. */
export interface ProfileChanges {
  avatar_url?: string | null;
  bio?: string | null;
  timezone?: string | null;
  language?: string | null;
  notification_preferences?: string;
}

export class ProfileRepository {
  constructor(private readonly db: Kysely<UsersDatabase>) {}

  async find(userId: string, db: Db = this.db): Promise<ProfileRow | undefined> {
    return db.selectFrom('user_profiles').selectAll().where('user_id', '=', userId).executeTakeFirst();
  }

  /** An empty profile (preferences take their defaults when read). */
  async ensure(trx: Db, userId: string): Promise<void> {
    await trx
      .insertInto('user_profiles')
      .values({ user_id: userId, notification_preferences: '{}' })
      .onConflict((oc) => oc.column('user_id').doNothing())
      .execute();
  }

  /** Applies changes only if the profile is still at `version`; undefined means someone else won. */
  async updateAtVersion(
    trx: Db,
    userId: string,
    version: number,
    changes: ProfileChanges,
  ): Promise<ProfileRow | undefined> {
    return trx
      .updateTable('user_profiles')
      .set({ ...changes, version: sql`version + 1`, updated_at: sql`now()` })
      .where('user_id', '=', userId)
      .where('version', '=', version)
      .returningAll()
      .executeTakeFirst();
  }

  async scrub(trx: Db, userId: string): Promise<void> {
    await trx
      .updateTable('user_profiles')
      .set({
        avatar_url: null,
        bio: null,
        timezone: null,
        language: null,
        notification_preferences: '{}',
        version: sql`version + 1`,
        updated_at: sql`now()`,
      })
      .where('user_id', '=', userId)
      .execute();
  }
}
