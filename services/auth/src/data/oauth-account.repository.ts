import type { Kysely, Transaction } from 'kysely';
import type { AuthDatabase } from './auth.tables.ts';

/** Accounts at sign-in providers linked to users, one row per (provider, subject). */
export class OAuthAccountRepository {
  constructor(private readonly db: Kysely<AuthDatabase>) {}

  async findUserId(provider: string, subject: string): Promise<string | undefined> {
    const row = await this.db
      .selectFrom('oauth_accounts')
      .select('user_id')
      .where('provider', '=', provider)
      .where('subject', '=', subject)
      .executeTakeFirst();
    return row?.user_id;
  }

  async insert(
    trx: Transaction<AuthDatabase>,
    values: { user_id: string; provider: string; subject: string; email: string | null },
  ): Promise<void> {
    await trx.insertInto('oauth_accounts').values(values).execute();
  }
}
