import {
  subscribeWithInbox,
  type EventBus,
  type EventEnvelope,
  type Logger,
  type Metrics,
  type Outbox,
} from '@pm/kernel';
import type { Kysely, Transaction } from 'kysely';
import { ProjectMemberRemoved } from '../contract/events.ts';
import { MemberRepository } from '../data/member.repository.ts';
import { OrgMembershipRepository } from '../data/org-membership.repository.ts';
import type { ProjectsDatabase } from '../data/projects.tables.ts';
import type { OrgRole } from '../domain/project-role.ts';
import { OrgMemberAdded, OrgMemberRemoved, OrgMemberRoleChanged } from './users-events.ts';

export interface MembershipSubscriberOptions {
  bus: EventBus;
  /** The projects schema (`database.forSchema('projects')`). */
  db: Kysely<ProjectsDatabase>;
  outbox: Outbox;
  logger: Logger;
  metrics?: Metrics;
  /** Queue and inbox name; tests pass their own so they never share the real queue. */
  consumer?: string;
}

interface MembershipChange {
  organizationId: string;
  userId: string;
  role: OrgRole | null;
}

function changeOf(event: EventEnvelope): MembershipChange | undefined {
  if (OrgMemberAdded.is(event) || OrgMemberRoleChanged.is(event)) {
    return { organizationId: event.data.organization_id, userId: event.data.user_id, role: event.data.role };
  }
  if (OrgMemberRemoved.is(event)) {
    return { organizationId: event.data.organization_id, userId: event.data.user_id, role: null };
  }
  return undefined;
}

/**
 * Keeps `org_memberships` in step with the users service. The inbox makes each event count once;
 * `occurred_at` orders them, so a late, older event never undoes a newer one. Leaving an
 * organization also ends the person's memberships in its projects (announced as
 * projects.member.removed, so the tasks service's read model follows).
 */
export async function subscribeToOrgMemberships(options: MembershipSubscriberOptions): Promise<void> {
  await subscribeWithInbox({
    bus: options.bus,
    db: options.db,
    outbox: options.outbox,
    consumer: options.consumer ?? 'projects',
    patterns: ['users.member.*'],
    handler: membershipHandler(options),
    ...(options.metrics ? { metrics: options.metrics } : {}),
  });
}

function membershipHandler(options: MembershipSubscriberOptions) {
  const memberships = new OrgMembershipRepository(options.db);
  const members = new MemberRepository(options.db);
  return async (event: EventEnvelope, trx: Transaction<ProjectsDatabase>): Promise<void> => {
    const change = changeOf(event);
    const occurredAt = new Date(event.occurred_at);
    if (!change || Number.isNaN(occurredAt.getTime())) {
      // Retrying cannot fix a malformed event: record it in the inbox and say so loudly.
      options.logger.error(
        { event_id: event.id, type: event.type },
        'membership event with an unexpected shape ignored',
      );
      return;
    }
    const { organizationId, userId, role } = change;
    const applied = await memberships.applyIfNewer(trx, organizationId, userId, role, occurredAt);
    if (!applied || role !== null) {
      return;
    }
    const projectIds = await members.deleteInOrganization(trx, organizationId, userId);
    const removed = projectIds.map((projectId) =>
      ProjectMemberRemoved.create(
        { project_id: projectId, organization_id: organizationId, user_id: userId },
        { actor_id: event.actor_id, org_id: organizationId, project_id: projectId },
      ),
    );
    await options.outbox.add(trx, ...removed);
  };
}
