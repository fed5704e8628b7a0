import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  configuredUpstreams,
  pathRules,
  requiresToken,
  routeFor,
  type RouteEntry,
} from '../src/route-table.ts';
import { registerUpstreamProxies } from '../src/upstream-proxy.ts';

const service = (path: string) => routeFor(path)?.service;

describe('route table', () => {
  it('sends task paths nested under a project to the tasks service', () => {
    const id = '0b8e4f2a-3c1d-4e5f-8a9b-0c1d2e3f4a5b';
    expect(service(`/api/v1/projects/${id}/tasks`)).toBe('tasks');
    expect(service(`/api/v1/projects/${id}/tasks?status=todo&limit=50`)).toBe('tasks');
    expect(service(`/api/v1/projects/${id}/tasks/export`)).toBe('tasks');
    expect(service(`/api/v1/projects/${id}/critical-path?milestone_id=${id}`)).toBe('tasks');
  });

  it('leaves the rest of a project to the projects service', () => {
    expect(service('/api/v1/projects')).toBe('projects');
    expect(service('/api/v1/projects/p1')).toBe('projects');
    expect(service('/api/v1/projects/p1/members')).toBe('projects');
    // A segment that merely starts like a pattern's is not the pattern.
    expect(service('/api/v1/projects/p1/tasks-archive')).toBe('projects');
    expect(service('/api/v1/projects/p1/critical-paths')).toBe('projects');
    expect(service('/api/v1/project-templates/t1')).toBe('projects');
  });

  it('matches prefixes on whole segments only', () => {
    expect(service('/api/v1/tasks')).toBe('tasks');
    expect(service('/api/v1/tasks/WEB-1')).toBe('tasks');
    expect(service('/api/v1/task-views')).toBe('tasks');
    expect(service('/api/v1/tasksx')).toBeUndefined();
    expect(service('/api/v1/unknown')).toBeUndefined();
    expect(service('/tasks')).toBeUndefined();
  });

  it('orders rules from the most specific: more segments first, then more literal ones', () => {
    const table: RouteEntry[] = [
      { service: 'broad', prefixes: ['/a'], isPublic: false, upstreamUrlEnv: 'PROJECTS_SERVICE_URL' },
      {
        service: 'param',
        prefixes: [],
        patterns: ['/a/:id/b'],
        isPublic: false,
        upstreamUrlEnv: 'TASKS_SERVICE_URL',
      },
      { service: 'literal', prefixes: ['/a/x/b'], isPublic: false, upstreamUrlEnv: 'USERS_SERVICE_URL' },
    ];
    const rules = pathRules(table);
    expect(rules.map((rule) => rule.entry.service)).toEqual(['literal', 'param', 'broad']);
    expect(routeFor('/api/v1/a/x/b/c', rules)?.service).toBe('literal');
    expect(routeFor('/api/v1/a/y/b', rules)?.service).toBe('param');
    expect(routeFor('/api/v1/a/y', rules)?.service).toBe('broad');
  });

  it('requires a token on nested task paths like on the rest of the API', () => {
    expect(requiresToken('/api/v1/projects/p1/tasks')).toBe(true);
    expect(requiresToken('/api/v1/auth/login')).toBe(false);
    expect(requiresToken('/api/v1/invitations/lookup')).toBe(false);
  });

  it('lists the patterns among the paths forwarded to the configured upstream', () => {
    const upstreams = configuredUpstreams({ TASKS_SERVICE_URL: 'http://tasks:8080/' });
    expect(upstreams).toEqual([
      {
        service: 'tasks',
        url: 'http://tasks:8080',
        paths: expect.arrayContaining([
          '/api/v1/tasks',
          '/api/v1/projects/:project_id/tasks',
          '/api/v1/projects/:project_id/critical-path',
        ]) as string[],
      },
    ]);
  });
});

describe('upstream proxies in split mode', () => {
  const upstreamApps: FastifyInstance[] = [];
  let gateway: FastifyInstance;

  /** A stand-in service that answers every path with its name and the path it received. */
  async function echoService(name: string): Promise<string> {
    const app = Fastify();
    app.all('/*', async (request) => ({ service: name, url: request.url }));
    upstreamApps.push(app);
    return app.listen({ port: 0, host: '127.0.0.1' });
  }

  beforeAll(async () => {
    const urls = {
      PROJECTS_SERVICE_URL: await echoService('projects'),
      TASKS_SERVICE_URL: await echoService('tasks'),
    };
    gateway = Fastify();
    await registerUpstreamProxies(gateway, configuredUpstreams(urls));
    await gateway.ready();
  });
  afterAll(async () => {
    await gateway?.close();
    await Promise.all(upstreamApps.map((app) => app.close()));
  });

  it.each([
    ['/api/v1/projects', 'projects'],
    ['/api/v1/projects/p1', 'projects'],
    ['/api/v1/projects/p1/members?role=admin', 'projects'],
    ['/api/v1/projects/p1/tasks', 'tasks'],
    ['/api/v1/projects/p1/tasks?status=todo', 'tasks'],
    ['/api/v1/projects/p1/tasks/anything', 'tasks'],
    ['/api/v1/projects/p1/critical-path?milestone_id=m1', 'tasks'],
    ['/api/v1/tasks/WEB-1', 'tasks'],
  ])('forwards %s to %s with the path unchanged', async (url, expected) => {
    const res = await gateway.inject({ method: 'GET', url });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ service: expected, url });
  });

  it('forwards writes on nested task paths to the tasks service', async () => {
    const res = await gateway.inject({
      method: 'POST',
      url: '/api/v1/projects/p1/tasks',
      payload: { title: 'x' },
    });
    expect(res.json()).toEqual({ service: 'tasks', url: '/api/v1/projects/p1/tasks' });
  });
});
