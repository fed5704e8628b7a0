import { subscribeWithInbox, type EventBus, type Metrics } from '@pm/kernel';
import { UserDeleted } from '@pm/users/contract';
import { sql, type Transaction } from 'kysely';
import type { AuthDatabase } from '../data/auth.tables.ts';
import type { AuthDeps } from '../deps.ts';
import { denySession } from '../use-cases/sign-out.ts';

/**
 * A deleted user (users.user.deleted) can no longer sign in: the account is deactivated, its
 * sessions end, provider links go, and what identifies the person is replaced. The id stays, so
 * what they created remains attributable.
 */
export async function deactivateDeletedUser(trx: Transaction<AuthDatabase>, userId: string): Promise<string[]> {
  await trx
    .updateTable('users')
    .set({
      is_active: false,
      email: sql<string>`'deleted+' || id || '@deleted.invalid'`,
      username: sql<string>`'deleted-' || replace(id::text, '-', '')`,
      first_name: null,
      last_name: null,
      password_hash: null,
      updated_at: sql`now()`,
    })
    .where('id', '=', userId)
    .execute();
  await trx.deleteFrom('oauth_accounts').where('user_id', '=', userId).execute();
  await trx.deleteFrom('email_tokens').where('user_id', '=', userId).execute();
  const revoked = await trx
    .updateTable('refresh_tokens')
    .set({ revoked_at: sql`now()` })
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .returning('family_id')
    .execute();
  return [...new Set(revoked.map((row) => row.family_id))];
}

export async function subscribeToUserDeletions(deps: AuthDeps, bus: EventBus, metrics: Metrics): Promise<void> {
  await subscribeWithInbox({
    bus,
    db: deps.db,
    consumer: 'auth',
    patterns: [UserDeleted.type],
    metrics,
    handler: async (event, trx) => {
      if (!UserDeleted.is(event)) {
        return;
      }
      const families = await deactivateDeletedUser(trx as Transaction<AuthDatabase>, event.data.user_id);
      // The denylist lives in the cache, outside the transaction; a retry would deny again, harmlessly.
      await Promise.all(families.map((family) => denySession(deps, family)));
    },
  });
}
