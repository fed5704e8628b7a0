import type { Task } from '../tasks/task.types.ts';

/** The project the user is looking at, from a path like `/projects/<id>/board`. */
export function projectIdInPath(pathname: string): string | null {
  return /^\/projects\/([0-9a-f-]{36})(?:\/|$)/i.exec(pathname)?.[1] ?? null;
}

/**
 * Where a task found in the palette opens: as a drawer over the board or list the user is on
 * when it belongs to that project, else on its own page.
 */
export function taskDestination(
  task: Pick<Task, 'key' | 'project_id'>,
  location: { pathname: string; search: string },
): string {
  const match = /^\/projects\/([0-9a-f-]{36})\/(board|list)\/?$/i.exec(location.pathname);
  if (match?.[1] === task.project_id) {
    // Keep the filters the user set; only the open task changes.
    const params = new URLSearchParams(location.search);
    params.set('task', task.key);
    return `${location.pathname}?${params.toString()}`;
  }
  return `/tasks/${encodeURIComponent(task.key)}`;
}
