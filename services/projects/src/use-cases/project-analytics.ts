import type { ProjectAnalytics } from '../contract/http.ts';
import type { ProjectsDeps } from '../deps.ts';
import { daysBetween, utcDate } from '../domain/dates.ts';
import { projectFor } from './project-access.ts';

/**
 * What this service knows about a project's progress: milestones, members, the calendar. Task
 * counts belong to the tasks service; `tasks` stays null until they are wired in.
 */
export async function projectAnalytics(
  deps: ProjectsDeps,
  userId: string,
  projectId: string,
): Promise<ProjectAnalytics> {
  const project = await projectFor(deps, userId, projectId, 'read');
  const today = utcDate(deps.clock.now());
  const [milestoneCounts, memberCounts] = await Promise.all([
    deps.milestones.countByStatus(projectId, today),
    deps.members.countByRole(projectId),
  ]);
  const byStatus = { pending: 0, in_progress: 0, completed: 0 };
  milestoneCounts.forEach((count) => (byStatus[count.status] = count.n));
  const byRole = { admin: 0, member: 0, viewer: 0 };
  memberCounts.forEach((count) => (byRole[count.role] = count.n));
  const sum = (values: number[]) => values.reduce((total, n) => total + n, 0);
  return {
    project_id: projectId,
    milestones: {
      total: sum(Object.values(byStatus)),
      by_status: byStatus,
      overdue: sum(milestoneCounts.map((count) => count.overdue)),
    },
    members: { total: sum(Object.values(byRole)), by_role: byRole },
    days_remaining: project.end_date === null ? null : daysBetween(today, project.end_date),
    duration_days:
      project.start_date === null || project.end_date === null
        ? null
        : daysBetween(project.start_date, project.end_date),
    tasks: null,
  };
}
