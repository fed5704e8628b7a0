import { subscribeWithInbox, type EventBus, type EventEnvelope, type Metrics } from '@pm/kernel';
import { UserEmailVerified, UserProfileUpdated, UserRegistered } from '@pm/auth/contract';
import type { Transaction } from 'kysely';
import type { UsersDatabase } from '../data/users.tables.ts';
import type { UsersDeps } from '../deps.ts';
import { recordEmailVerified, recordNamesChanged, recordRegistration } from '../use-cases/join-on-sign-up.ts';

/**
 * Keeps the user directory in step with the auth service and sets new people up. The inbox makes
 * each event count once; everything runs on the inbox transaction (`trx`) only.
 */
async function handle(deps: UsersDeps, event: EventEnvelope, trx: Transaction<UsersDatabase>): Promise<void> {
  if (UserRegistered.is(event)) {
    await recordRegistration(deps, trx, event.data);
  } else if (UserEmailVerified.is(event)) {
    await recordEmailVerified(deps, trx, event.data.user_id, event.data.email);
  } else if (UserProfileUpdated.is(event)) {
    await recordNamesChanged(deps, trx, event.data);
  } else {
    // Retrying cannot fix a malformed event: record it in the inbox and say so loudly.
    deps.logger.error(
      { event_id: event.id, type: event.type },
      'auth event with an unexpected shape ignored',
    );
  }
}

export async function subscribeToAuthEvents(
  deps: UsersDeps,
  options: { bus: EventBus; metrics?: Metrics },
): Promise<void> {
  await subscribeWithInbox({
    bus: options.bus,
    db: deps.db,
    outbox: deps.outbox,
    consumer: 'users',
    patterns: [UserRegistered.type, UserEmailVerified.type, UserProfileUpdated.type],
    handler: (event, trx) => handle(deps, event, trx as Transaction<UsersDatabase>),
    ...(options.metrics ? { metrics: options.metrics } : {}),
  });
}
