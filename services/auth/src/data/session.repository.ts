import { randomUUID } from 'node:crypto';
import { sql, type Kysely, type Transaction } from 'kysely';
import type { AuthDatabase, RefreshTokenRow } from './auth.tables.ts';

type Db = Kysely<AuthDatabase> | Transaction<AuthDatabase>;

export interface SessionRow {
  id: string;
  user_agent: string | null;
  ip: string | null;
  created_at: Date;
  last_used_at: Date;
  expires_at: Date;
}

/** Refresh tokens, stored by hash; a session is the family of tokens rotated from one sign-in. */
export class SessionRepository {
  constructor(private readonly db: Kysely<AuthDatabase>) {}

  async insertToken(
    trx: Db,
    values: { user_id: string; family_id?: string; token_hash: string; expires_at: Date; user_agent: string | null; ip: string | null },
  ): Promise<RefreshTokenRow> {
    return trx
      .insertInto('refresh_tokens')
      .values({
        user_id: values.user_id,
        family_id: values.family_id ?? randomUUID(),
        token: values.token_hash,
        expires_at: values.expires_at,
        user_agent: values.user_agent,
        ip: values.ip,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
  }

  /** Locks the token row so two concurrent refreshes with one token cannot both succeed. */
  findTokenForUpdate(trx: Transaction<AuthDatabase>, tokenHash: string): Promise<RefreshTokenRow | undefined> {
    return trx.selectFrom('refresh_tokens').selectAll().where('token', '=', tokenHash).forUpdate().executeTakeFirst();
  }

  findToken(tokenHash: string): Promise<RefreshTokenRow | undefined> {
    return this.db.selectFrom('refresh_tokens').selectAll().where('token', '=', tokenHash).executeTakeFirst();
  }

  async markUsed(trx: Db, id: string): Promise<void> {
    await trx.updateTable('refresh_tokens').set({ used_at: sql`now()` }).where('id', '=', id).execute();
  }

  async revokeFamily(trx: Db, familyId: string): Promise<void> {
    await trx
      .updateTable('refresh_tokens')
      .set({ revoked_at: sql`now()` })
      .where('family_id', '=', familyId)
      .where('revoked_at', 'is', null)
      .execute();
  }

  /** Revokes the user's sessions, but `keepFamilyId` when given; returns the revoked family ids. */
  async revokeAllOfUser(trx: Db, userId: string, keepFamilyId?: string): Promise<string[]> {
    let query = trx
      .updateTable('refresh_tokens')
      .set({ revoked_at: sql`now()` })
      .where('user_id', '=', userId)
      .where('revoked_at', 'is', null);
    if (keepFamilyId) {
      query = query.where('family_id', '!=', keepFamilyId);
    }
    const rows = await query.returning('family_id').execute();
    return [...new Set(rows.map((row) => row.family_id))];
  }

  /** Active sessions: families whose newest token is unused, unrevoked and unexpired. */
  async listActive(userId: string): Promise<SessionRow[]> {
    const newest = this.db
      .selectFrom('refresh_tokens')
      .distinctOn('family_id')
      .select(['family_id', 'user_agent', 'ip', 'created_at', 'expires_at', 'used_at', 'revoked_at'])
      .select(sql<Date>`min(created_at) over (partition by family_id)`.as('first_created'))
      .where('user_id', '=', userId)
      .orderBy('family_id')
      .orderBy('created_at', 'desc')
      .as('newest');
    return this.db
      .selectFrom(newest)
      .select(['family_id as id', 'user_agent', 'ip', 'first_created as created_at', 'created_at as last_used_at', 'expires_at'])
      .where('used_at', 'is', null)
      .where('revoked_at', 'is', null)
      .where('expires_at', '>', sql<Date>`now()`)
      .orderBy('last_used_at', 'desc')
      .execute();
  }

  async familyBelongsTo(familyId: string, userId: string): Promise<boolean> {
    const row = await this.db
      .selectFrom('refresh_tokens')
      .select('id')
      .where('family_id', '=', familyId)
      .where('user_id', '=', userId)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    return row !== undefined;
  }
}
