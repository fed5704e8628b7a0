import { createAuthService } from '@pm/auth/service';
import type { ServiceFactory } from '@pm/kernel';
import { createProjectsService } from '@pm/projects/service';
import { createTasksService } from '@pm/tasks/service';
import { createTimeTrackingService } from '@pm/time-tracking/service';
import { createUsersService } from '@pm/users/service';

/** Every service this build can run, by name; the launcher starts all or one of them. */
export const SERVICE_FACTORIES: Record<string, ServiceFactory> = {
  auth: createAuthService,
  users: createUsersService,
  projects: createProjectsService,
  tasks: createTasksService,
  'time-tracking': createTimeTrackingService,
};
