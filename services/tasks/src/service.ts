import { fileURLToPath } from 'node:url';
import { requireAuth, type ServiceContext, type ServiceModule } from '@pm/kernel';
import type { Kysely } from 'kysely';
import { AccessRepository } from './data/access.repository.ts';
import { AttachmentRepository } from './data/attachment.repository.ts';
import { CriticalPathRepository } from './data/critical-path.repository.ts';
import { DependencyRepository } from './data/dependency.repository.ts';
import { MyWorkRepository } from './data/my-work.repository.ts';
import { SEARCH_BUDGET } from './data/search-budget.ts';
import { TaskListRepository } from './data/task-list.repository.ts';
import { TaskTemplateRepository } from './data/task-template.repository.ts';
import { TaskViewRepository } from './data/task-view.repository.ts';
import { TaskRepository } from './data/task.repository.ts';
import type { TasksDatabase } from './data/tasks.tables.ts';
import type { TasksDeps } from './deps.ts';
import { attachmentRoutes } from './routes/attachment.routes.ts';
import { bulkRoutes } from './routes/bulk.routes.ts';
import { criticalPathRoutes, projectCriticalPathRoutes } from './routes/critical-path.routes.ts';
import { dependencyRoutes } from './routes/dependency.routes.ts';
import { myWorkRoutes } from './routes/my-work.routes.ts';
import { projectTaskRoutes } from './routes/project-task.routes.ts';
import { taskTemplateRoutes } from './routes/task-template.routes.ts';
import { taskViewRoutes } from './routes/task-view.routes.ts';
import { taskRoutes } from './routes/task.routes.ts';
import { subscribeToReadModels } from './subscribers/read-model.subscriber.ts';
import { subscribeToTimeEvents } from './subscribers/time-events.subscriber.ts';
import { createTemplateTasks } from './subscribers/template-tasks.subscriber.ts';

/** The tasks service: tasks, their activity and dependencies, with read models of access. */
export function createTasksService(ctx: ServiceContext): ServiceModule & { deps: TasksDeps } {
  const db = ctx.db as Kysely<TasksDatabase>;
  const deps: TasksDeps = {
    db,
    access: new AccessRepository(db),
    tasks: new TaskRepository(db),
    lists: new TaskListRepository(db, SEARCH_BUDGET, ctx.database.kind === 'postgres'),
    dependencies: new DependencyRepository(db),
    templates: new TaskTemplateRepository(db),
    attachments: new AttachmentRepository(db),
    views: new TaskViewRepository(db),
    myWork: new MyWorkRepository(db),
    criticalPath: new CriticalPathRepository(db),
    outbox: ctx.outbox,
    bus: ctx.bus,
    clock: ctx.clock,
    logger: ctx.logger,
    metrics: ctx.metrics,
  };
  return {
    name: 'tasks',
    deps,
    // GET/POST /projects/{id}/tasks: the gateway routes /projects to the projects service in split
    // mode; there the same list is GET /tasks?project_id= and creation POST /tasks.
    routePrefixes: ['/tasks', '/my-work', '/task-templates', '/task-views'],
    migrationsDir: fileURLToPath(new URL('../migrations', import.meta.url)),
    routes: async (app) => {
      // Every route needs a caller; checking before validation answers 401, not 400, to anonymous requests.
      app.addHook('onRequest', async (request) => {
        requireAuth(request);
      });
      await app.register(taskRoutes, { prefix: '/tasks', deps });
      await app.register(dependencyRoutes, { prefix: '/tasks', deps });
      await app.register(bulkRoutes, { prefix: '/tasks', deps });
      await app.register(attachmentRoutes, { prefix: '/tasks', deps });
      await app.register(taskTemplateRoutes, { prefix: '/task-templates', deps });
      await app.register(taskViewRoutes, { prefix: '/task-views', deps });
      await app.register(projectTaskRoutes, { prefix: '/projects', deps });
      await app.register(criticalPathRoutes, { prefix: '/tasks', deps });
      await app.register(projectCriticalPathRoutes, { prefix: '/projects', deps });
      await app.register(myWorkRoutes, { prefix: '/my-work', deps });
    },
    start: async () => {
      await subscribeToReadModels({
        db,
        bus: ctx.bus,
        logger: ctx.logger,
        metrics: ctx.metrics,
        outbox: ctx.outbox,
        onProjectCreated: (event, trx, workflow) => createTemplateTasks(deps, event, trx, workflow),
      });
      await subscribeToTimeEvents({ db, bus: ctx.bus, logger: ctx.logger, metrics: ctx.metrics });
    },
  };
}
