import { fileURLToPath } from 'node:url';
import { requireAuth, type ServiceContext, type ServiceModule } from '@pm/kernel';
import type { Kysely } from 'kysely';
import { MemberRepository } from './data/member.repository.ts';
import { MilestoneRepository } from './data/milestone.repository.ts';
import { OrgMembershipRepository } from './data/org-membership.repository.ts';
import { ProjectRepository } from './data/project.repository.ts';
import type { ProjectsDatabase } from './data/projects.tables.ts';
import { TemplateRepository } from './data/template.repository.ts';
import type { ProjectsDeps } from './deps.ts';
import { memberRoutes } from './routes/member.routes.ts';
import { projectLifecycleRoutes } from './routes/project-lifecycle.routes.ts';
import { milestoneRoutes } from './routes/milestone.routes.ts';
import { projectRoutes } from './routes/project.routes.ts';
import { templateRoutes } from './routes/template.routes.ts';
import { subscribeToOrgMemberships } from './subscribers/org-membership.subscriber.ts';

/** The projects service: projects, milestones, project members and templates (ADR 0002). */
export function createProjectsService(ctx: ServiceContext): ServiceModule & { deps: ProjectsDeps } {
  const db = ctx.db as Kysely<ProjectsDatabase>;
  const deps: ProjectsDeps = {
    db,
    projects: new ProjectRepository(db),
    milestones: new MilestoneRepository(db),
    members: new MemberRepository(db),
    templates: new TemplateRepository(db),
    orgMemberships: new OrgMembershipRepository(db),
    outbox: ctx.outbox,
    bus: ctx.bus,
    clock: ctx.clock,
    logger: ctx.logger,
    metrics: ctx.metrics,
  };
  return {
    name: 'projects',
    deps,
    routePrefixes: ['/projects', '/project-templates'],
    migrationsDir: fileURLToPath(new URL('../migrations', import.meta.url)),
    routes: async (app) => {
      // Every route needs a caller; checking before validation answers 401, not 400, to anonymous requests.
      app.addHook('onRequest', async (request) => {
        requireAuth(request);
      });
      await app.register(projectRoutes, { prefix: '/projects', deps });
      await app.register(projectLifecycleRoutes, { prefix: '/projects', deps });
      await app.register(milestoneRoutes, { prefix: '/projects', deps });
      await app.register(memberRoutes, { prefix: '/projects', deps });
      await app.register(templateRoutes, { prefix: '/project-templates', deps });
    },
    start: () =>
      subscribeToOrgMemberships({
        db,
        bus: ctx.bus,
        outbox: ctx.outbox,
        logger: ctx.logger,
        metrics: ctx.metrics,
      }),
  };
}
