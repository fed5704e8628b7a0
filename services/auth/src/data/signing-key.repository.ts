import { sql, type Kysely } from 'kysely';
import type { AuthDatabase } from './auth.tables.ts';

export interface StoredKey {
  kid: string;
  private_jwk: Record<string, unknown>;
  public_jwk: Record<string, unknown>;
  created_at: Date;
  retired_at: Date | null;
}

export class SigningKeyRepository {
  constructor(private readonly db: Kysely<AuthDatabase>) {}

  newestActive(): Promise<StoredKey | undefined> {
    return this.db
      .selectFrom('signing_keys')
      .selectAll()
      .where('retired_at', 'is', null)
      .orderBy('created_at', 'desc')
      .executeTakeFirst();
  }

  /** Keys whose tokens may still be valid: active ones and those retired less than `graceSeconds` ago. */
  published(graceSeconds: number): Promise<StoredKey[]> {
    return this.db
      .selectFrom('signing_keys')
      .selectAll()
      .where((eb) =>
        eb.or([
          eb('retired_at', 'is', null),
          eb('retired_at', '>', sql<Date>`now() - make_interval(secs => ${graceSeconds})`),
        ]),
      )
      .orderBy('created_at', 'desc')
      .execute();
  }

  /** Adds a key and retires the others, in one transaction. */
  async rotateTo(key: { kid: string; private_jwk: Record<string, unknown>; public_jwk: Record<string, unknown> }): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      await trx.updateTable('signing_keys').set({ retired_at: sql`now()` }).where('retired_at', 'is', null).execute();
      await trx
        .insertInto('signing_keys')
        .values({ kid: key.kid, private_jwk: JSON.stringify(key.private_jwk), public_jwk: JSON.stringify(key.public_jwk) })
        .execute();
    });
  }

  async insertIfNoneActive(key: { kid: string; private_jwk: Record<string, unknown>; public_jwk: Record<string, unknown> }): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      await sql`select pg_advisory_xact_lock(hashtext('auth:signing-keys'))`.execute(trx);
      const active = await trx.selectFrom('signing_keys').select('kid').where('retired_at', 'is', null).executeTakeFirst();
      if (!active) {
        await trx
          .insertInto('signing_keys')
          .values({ kid: key.kid, private_jwk: JSON.stringify(key.private_jwk), public_jwk: JSON.stringify(key.public_jwk) })
          .execute();
      }
    });
  }
}
