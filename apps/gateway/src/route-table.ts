import type { UpstreamUrlVariable } from './config.ts';

/** The seed's kong.yml as data: which service answers which paths under /api/v1. */
export interface RouteEntry {
  service: string;
  prefixes: string[];
  /** Public routes pass without a token (the service still checks its own protected ones). */
  isPublic: boolean;
  /** Variable holding the service's base URL in split mode; unset, the gateway does not proxy it. */
  upstreamUrlEnv: UpstreamUrlVariable;
  /** Paths outside /api/v1 the service also answers, proxied as they are. */
  rootPaths?: string[];
  /** Paths under a protected prefix that pass without a token (an invitation's public lookup). */
  publicPaths?: string[];
}

export const ROUTE_TABLE: RouteEntry[] = [
  { service: 'auth', prefixes: ['/auth'], isPublic: true, upstreamUrlEnv: 'AUTH_SERVICE_URL', rootPaths: ['/.well-known/jwks.json'] },
  {
    service: 'users',
    prefixes: ['/users', '/teams', '/organizations', '/invitations'],
    isPublic: false,
    upstreamUrlEnv: 'USERS_SERVICE_URL',
    publicPaths: ['/invitations/lookup'],
  },
  { service: 'projects', prefixes: ['/projects', '/project-templates'], isPublic: false, upstreamUrlEnv: 'PROJECTS_SERVICE_URL' },
  { service: 'tasks', prefixes: ['/tasks'], isPublic: false, upstreamUrlEnv: 'TASKS_SERVICE_URL' },
  {
    service: 'time-tracking',
    prefixes: ['/time-entries', '/timesheets', '/time-analytics'],
    isPublic: false,
    upstreamUrlEnv: 'TIME_TRACKING_SERVICE_URL',
  },
  { service: 'files', prefixes: ['/files'], isPublic: false, upstreamUrlEnv: 'FILES_SERVICE_URL' },
  { service: 'comments', prefixes: ['/comments'], isPublic: false, upstreamUrlEnv: 'COMMENTS_SERVICE_URL' },
  { service: 'notifications', prefixes: ['/notifications'], isPublic: false, upstreamUrlEnv: 'NOTIFICATIONS_SERVICE_URL' },
  { service: 'analytics', prefixes: ['/analytics'], isPublic: false, upstreamUrlEnv: 'ANALYTICS_SERVICE_URL' },
];

export const API_PREFIX = '/api/v1';

/** Whether a path needs a signed-in caller before the gateway forwards it. */
export function requiresToken(path: string): boolean {
  const route = routeFor(path);
  if (!route || route.isPublic) {
    return false;
  }
  const rest = path.slice(API_PREFIX.length).split('?')[0] ?? '';
  return !(route.publicPaths ?? []).includes(rest);
}

/** The entry whose prefix starts the path (`/api/v1/tasks/1` → tasks), if any. */
export function routeFor(path: string): RouteEntry | undefined {
  if (!path.startsWith(API_PREFIX)) {
    return undefined;
  }
  const rest = path.slice(API_PREFIX.length).split('?')[0] ?? '';
  return ROUTE_TABLE.find((entry) => entry.prefixes.some((prefix) => rest === prefix || rest.startsWith(`${prefix}/`)));
}

/** A service the gateway forwards to in split mode: its base URL and every path it answers. */
export interface Upstream {
  service: string;
  url: string;
  /** Full paths (`/api/v1/auth`, `/.well-known/jwks.json`), each forwarded with what follows it. */
  paths: string[];
}

/** The route-table entries whose upstream URL is configured; the rest are not proxied. */
export function configuredUpstreams(urls: Partial<Record<UpstreamUrlVariable, string>>): Upstream[] {
  return ROUTE_TABLE.flatMap((entry) => {
    const url = urls[entry.upstreamUrlEnv];
    if (!url) {
      return [];
    }
    const paths = [...entry.prefixes.map((prefix) => API_PREFIX + prefix), ...(entry.rootPaths ?? [])];
    return [{ service: entry.service, url: url.replace(/\/$/, ''), paths }];
  });
}
