import { sql, type Kysely, type Transaction } from 'kysely';
import type { AuthDatabase } from './auth.tables.ts';

type Db = Kysely<AuthDatabase> | Transaction<AuthDatabase>;
type Purpose = 'verify_email' | 'reset_password';

/** Single-use tokens sent by email; only their hash is stored. */
export class EmailTokenRepository {
  async insert(trx: Db, values: { user_id: string; purpose: Purpose; token_hash: string; expires_at: Date }): Promise<void> {
    // A new link replaces older ones of the same purpose.
    await trx
      .updateTable('email_tokens')
      .set({ used_at: sql`now()` })
      .where('user_id', '=', values.user_id)
      .where('purpose', '=', values.purpose)
      .where('used_at', 'is', null)
      .execute();
    await trx.insertInto('email_tokens').values(values).execute();
  }

  /** Marks a valid token used and returns its user, or undefined when invalid, used or expired. */
  async consume(trx: Db, purpose: Purpose, tokenHash: string): Promise<string | undefined> {
    const row = await trx
      .updateTable('email_tokens')
      .set({ used_at: sql`now()` })
      .where('token_hash', '=', tokenHash)
      .where('purpose', '=', purpose)
      .where('used_at', 'is', null)
      .where('expires_at', '>', sql<Date>`now()`)
      .returning('user_id')
      .executeTakeFirst();
    return row?.user_id;
  }
}
