import type { Clock, EventBus, Logger, Metrics, Outbox } from '@pm/kernel';
import type { Kysely } from 'kysely';
import type { AccessRepository } from './data/access.repository.ts';
import type { DependencyRepository } from './data/dependency.repository.ts';
import type { TaskListRepository } from './data/task-list.repository.ts';
import type { TaskRepository } from './data/task.repository.ts';
import type { TasksDatabase } from './data/tasks.tables.ts';

/** Everything the tasks use cases need, built once in service.ts. */
export interface TasksDeps {
  db: Kysely<TasksDatabase>;
  access: AccessRepository;
  tasks: TaskRepository;
  lists: TaskListRepository;
  dependencies: DependencyRepository;
  outbox: Outbox;
  bus: EventBus;
  clock: Clock;
  logger: Logger;
  metrics: Metrics;
}
