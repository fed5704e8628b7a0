/** The seed's kong.yml as data: which service answers which paths under /api/v1. */
export interface RouteEntry {
  service: string;
  prefixes: string[];
  /** Public routes pass without a token (the service still checks its own protected ones). */
  isPublic: boolean;
}

export const ROUTE_TABLE: RouteEntry[] = [
  { service: 'auth', prefixes: ['/auth'], isPublic: true },
  { service: 'users', prefixes: ['/users', '/teams', '/organizations', '/invitations'], isPublic: false },
  { service: 'projects', prefixes: ['/projects'], isPublic: false },
  { service: 'tasks', prefixes: ['/tasks'], isPublic: false },
  { service: 'time-tracking', prefixes: ['/time-entries', '/timesheets', '/time-analytics'], isPublic: false },
  { service: 'files', prefixes: ['/files'], isPublic: false },
  { service: 'comments', prefixes: ['/comments'], isPublic: false },
  { service: 'notifications', prefixes: ['/notifications'], isPublic: false },
  { service: 'analytics', prefixes: ['/analytics'], isPublic: false },
];

export const API_PREFIX = '/api/v1';

/** The entry whose prefix starts the path (`/api/v1/tasks/1` → tasks), if any. */
export function routeFor(path: string): RouteEntry | undefined {
  if (!path.startsWith(API_PREFIX)) {
    return undefined;
  }
  const rest = path.slice(API_PREFIX.length).split('?')[0] ?? '';
  return ROUTE_TABLE.find((entry) => entry.prefixes.some((prefix) => rest === prefix || rest.startsWith(`${prefix}/`)));
}
