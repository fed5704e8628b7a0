import type { Clock, EventBus, Logger, Metrics, Outbox } from '@pm/kernel';
import type { Kysely } from 'kysely';
import type { MemberRepository } from './data/member.repository.ts';
import type { MilestoneRepository } from './data/milestone.repository.ts';
import type { OrgMembershipRepository } from './data/org-membership.repository.ts';
import type { ProjectRepository } from './data/project.repository.ts';
import type { ProjectsDatabase } from './data/projects.tables.ts';
import type { TemplateRepository } from './data/template.repository.ts';

/** Everything the projects use cases need, built once in service.ts. */
export interface ProjectsDeps {
  db: Kysely<ProjectsDatabase>;
  projects: ProjectRepository;
  milestones: MilestoneRepository;
  members: MemberRepository;
  templates: TemplateRepository;
  orgMemberships: OrgMembershipRepository;
  outbox: Outbox;
  bus: EventBus;
  clock: Clock;
  logger: Logger;
  metrics: Metrics;
}
