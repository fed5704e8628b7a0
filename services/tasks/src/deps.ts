import type { Clock, EventBus, Logger, Metrics, Outbox } from '@pm/kernel';
import type { Kysely } from 'kysely';
import type { AccessRepository } from './data/access.repository.ts';
import type { AttachmentRepository } from './data/attachment.repository.ts';
import type { CriticalPathRepository } from './data/critical-path.repository.ts';
import type { DependencyRepository } from './data/dependency.repository.ts';
import type { MyWorkRepository } from './data/my-work.repository.ts';
import type { TaskListRepository } from './data/task-list.repository.ts';
import type { TaskTemplateRepository } from './data/task-template.repository.ts';
import type { TaskViewRepository } from './data/task-view.repository.ts';
import type { TaskRepository } from './data/task.repository.ts';
import type { TasksDatabase } from './data/tasks.tables.ts';

/** Everything the tasks use cases need, built once in service.ts. */
export interface TasksDeps {
  db: Kysely<TasksDatabase>;
  access: AccessRepository;
  tasks: TaskRepository;
  lists: TaskListRepository;
  dependencies: DependencyRepository;
  myWork: MyWorkRepository;
  criticalPath: CriticalPathRepository;
  templates: TaskTemplateRepository;
  attachments: AttachmentRepository;
  views: TaskViewRepository;
  outbox: Outbox;
  bus: EventBus;
  clock: Clock;
  logger: Logger;
  metrics: Metrics;
}
