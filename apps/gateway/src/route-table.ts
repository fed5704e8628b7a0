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
  /**
   * Paths inside another service's prefix that this service answers, with `:name` for one path
   * segment (`/projects/:project_id/tasks`): each, and what follows it, wins over the prefix.
   */
  patterns?: string[];
}

export const ROUTE_TABLE: RouteEntry[] = [
  {
    service: 'auth',
    prefixes: ['/auth'],
    isPublic: true,
    upstreamUrlEnv: 'AUTH_SERVICE_URL',
    rootPaths: ['/.well-known/jwks.json'],
  },
  {
    service: 'users',
    prefixes: ['/users', '/teams', '/organizations', '/invitations'],
    isPublic: false,
    upstreamUrlEnv: 'USERS_SERVICE_URL',
    publicPaths: ['/invitations/lookup'],
  },
  {
    service: 'projects',
    prefixes: ['/projects', '/project-templates'],
    isPublic: false,
    upstreamUrlEnv: 'PROJECTS_SERVICE_URL',
  },
  {
    service: 'tasks',
    prefixes: ['/tasks', '/my-work', '/task-templates', '/task-views'],
    patterns: ['/projects/:project_id/tasks', '/projects/:project_id/critical-path'],
    isPublic: false,
    upstreamUrlEnv: 'TASKS_SERVICE_URL',
  },
  {
    service: 'time-tracking',
    prefixes: ['/time-entries', '/timesheets', '/time-analytics', '/hourly-rates'],
    isPublic: false,
    upstreamUrlEnv: 'TIME_TRACKING_SERVICE_URL',
  },
  { service: 'files', prefixes: ['/files'], isPublic: false, upstreamUrlEnv: 'FILES_SERVICE_URL' },
  { service: 'comments', prefixes: ['/comments'], isPublic: false, upstreamUrlEnv: 'COMMENTS_SERVICE_URL' },
  {
    service: 'notifications',
    prefixes: ['/notifications'],
    isPublic: false,
    upstreamUrlEnv: 'NOTIFICATIONS_SERVICE_URL',
  },
  {
    service: 'analytics',
    prefixes: ['/analytics'],
    isPublic: false,
    upstreamUrlEnv: 'ANALYTICS_SERVICE_URL',
  },
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

export interface PathRule {
  entry: RouteEntry;
  /** Matches the rule's path alone or followed by `/…`. */
  matcher: RegExp;
  /** Segments, then literal segments: a longer, more literal rule is more specific. */
  specificity: [number, number];
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function ruleFor(entry: RouteEntry, path: string): PathRule {
  const segments = path.split('/').filter(Boolean);
  const source = segments
    .map((segment) => (segment.startsWith(':') ? '[^/]+' : escapeRegExp(segment)))
    .join('/');
  const literals = segments.filter((segment) => !segment.startsWith(':')).length;
  return { entry, matcher: new RegExp(`^/${source}(?:/|$)`), specificity: [segments.length, literals] };
}

function bySpecificity(a: PathRule, b: PathRule): number {
  return b.specificity[0] - a.specificity[0] || b.specificity[1] - a.specificity[1];
}

/** Every prefix and pattern of the table, the most specific first. */
export function pathRules(table: RouteEntry[] = ROUTE_TABLE): PathRule[] {
  return table
    .flatMap((entry) => [...entry.prefixes, ...(entry.patterns ?? [])].map((path) => ruleFor(entry, path)))
    .sort(bySpecificity);
}

const RULES = pathRules();

/**
 * The entry answering a path: the most specific prefix or pattern that starts it
 * (`/api/v1/projects/1/tasks` → tasks, `/api/v1/projects/1` → projects), if any.
 */
export function routeFor(path: string, rules: PathRule[] = RULES): RouteEntry | undefined {
  if (!path.startsWith(API_PREFIX)) {
    return undefined;
  }
  const rest = path.slice(API_PREFIX.length).split('?')[0] ?? '';
  return rules.find((rule) => rule.matcher.test(rest))?.entry;
}

/** A service the gateway forwards to in split mode: its base URL and every path it answers. */
export interface Upstream {
  service: string;
  url: string;
  /**
   * Full paths (`/api/v1/auth`, `/.well-known/jwks.json`, `/api/v1/projects/:project_id/tasks`),
   * each forwarded with what follows it; the router picks the most specific one for a request.
   */
  paths: string[];
}

/** The route-table entries whose upstream URL is configured; the rest are not proxied. */
export function configuredUpstreams(urls: Partial<Record<UpstreamUrlVariable, string>>): Upstream[] {
  return ROUTE_TABLE.flatMap((entry) => {
    const url = urls[entry.upstreamUrlEnv];
    if (!url) {
      return [];
    }
    const apiPaths = [...entry.prefixes, ...(entry.patterns ?? [])].map((path) => API_PREFIX + path);
    const paths = [...apiPaths, ...(entry.rootPaths ?? [])];
    return [{ service: entry.service, url: url.replace(/\/$/, ''), paths }];
  });
}
