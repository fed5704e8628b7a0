import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  call,
  PERSONAS,
  problemCode,
  startFixture,
  type Fixture,
  type Method,
  type Persona,
  type SignedIn,
} from './matrix-fixtures.ts';
import { REQUESTS, type CellRequest, type Endpoint } from './matrix-requests.ts';
import { waitForTimeReadModel } from './matrix-time-fixtures.ts';

/*
 * Who may call what (ADR 0002; issue "Authorization matrix test"), users and projects services.
 * O = the organization under test, P = a project of O. Columns (personas, see matrix-fixtures.ts):
 *   owner  O's owner                      guest  O guest, not on P
 *   admin  O admin                        gOnP   O guest, explicit member of P
 *   pAdm   O member, P admin              other  owner of another organization, not in O
 *   pMem   O member, P member             anon   no token
 *   pView  O member, P viewer
 * Cells: the exact status. 2xx = allowed. 401 = no token. 403 = visible but the role does not
 * allow it (problem code FORBIDDEN). 404 = outside: O, P or the person is not visible to the caller.
 * Targets: :id is O, P, O's team or template, and users/members are "subject" (an O member with no
 * project role). Rows that destroy or change their target get a fresh one per cell. A note in
 * parentheses is a variant of the same route: (self) = the caller's own id; (make owner) = role
 * owner; (led by projectMember) = a team whose lead is pMem; (sent to me) = an invitation to the
 * caller's own email. How each row builds its request: matrix-requests.ts.
 */
type Statuses = [number, number, number, number, number, number, number, number, number];
const row = (endpoint: Endpoint, ...expected: Statuses) => ({ endpoint, expected });

// prettier-ignore
const MATRIX = [
  //                                                          owner  admin   pAdm   pMem  pView  guest   gOnP  other   anon
  row('GET /users/me',                                          200,   200,   200,   200,   200,   200,   200,   200,   401),
  row('GET /users',                                             200,   200,   200,   200,   200,   200,   200,   200,   401),
  row('GET /users?organization_id=:org',                        200,   200,   200,   200,   200,   200,   200,   404,   401),
  row('GET /users/:id',                                         200,   200,   200,   200,   200,   200,   200,   404,   401),
  row('PUT /users/:id',                                         200,   200,   403,   403,   403,   403,   403,   404,   401),
  row('PUT /users/:id (self)',                                  200,   200,   200,   200,   200,   200,   200,   200,   401),
  row('DELETE /users/:id',                                      204,   204,   403,   403,   403,   403,   403,   404,   401),
  row('GET /users/:id/teams',                                   200,   200,   200,   200,   200,   200,   200,   404,   401),
  //                                                          owner  admin   pAdm   pMem  pView  guest   gOnP  other   anon
  row('GET /organizations',                                     200,   200,   200,   200,   200,   200,   200,   200,   401),
  row('POST /organizations',                                    201,   201,   201,   201,   201,   201,   201,   201,   401),
  row('GET /organizations/:id',                                 200,   200,   200,   200,   200,   200,   200,   404,   401),
  row('PUT /organizations/:id',                                 200,   200,   403,   403,   403,   403,   403,   404,   401),
  row('GET /organizations/:id/members',                         200,   200,   200,   200,   200,   200,   200,   404,   401),
  row('PUT /organizations/:id/members/:user_id',                200,   200,   403,   403,   403,   403,   403,   404,   401),
  row('PUT /organizations/:id/members/:user_id (make owner)',   200,   403,   403,   403,   403,   403,   403,   404,   401),
  row('DELETE /organizations/:id/members/:user_id',             204,   204,   403,   403,   403,   403,   403,   404,   401),
  row('GET /organizations/:id/invitations',                     200,   200,   403,   403,   403,   403,   403,   404,   401),
  row('POST /organizations/:id/invitations',                    201,   201,   403,   403,   403,   403,   403,   404,   401),
  //                                                          owner  admin   pAdm   pMem  pView  guest   gOnP  other   anon
  row('GET /invitations/lookup?token=',                         200,   200,   200,   200,   200,   200,   200,   200,   200),
  row('POST /invitations/accept (sent to me)',                  200,   200,   200,   200,   200,   200,   200,   200,   401),
  row('POST /invitations/accept (sent to someone else)',        403,   403,   403,   403,   403,   403,   403,   403,   401),
  row('DELETE /invitations/:id',                                204,   204,   403,   403,   403,   403,   403,   404,   401),
  row('POST /invitations/:id/resend',                           200,   200,   403,   403,   403,   403,   403,   404,   401),
  //                                                          owner  admin   pAdm   pMem  pView  guest   gOnP  other   anon
  row('GET /teams',                                             200,   200,   200,   200,   200,   200,   200,   200,   401),
  row('GET /teams?organization_id=:org',                        200,   200,   200,   200,   200,   200,   200,   404,   401),
  row('POST /teams',                                            201,   201,   403,   403,   403,   403,   403,   404,   401),
  row('GET /teams/:id',                                         200,   200,   200,   200,   200,   200,   200,   404,   401),
  row('PUT /teams/:id',                                         200,   200,   403,   403,   403,   403,   403,   404,   401),
  row('PUT /teams/:id (led by projectMember)',                  200,   200,   403,   403,   403,   403,   403,   404,   401),
  row('DELETE /teams/:id',                                      204,   204,   403,   403,   403,   403,   403,   404,   401),
  row('GET /teams/:id/members',                                 200,   200,   200,   200,   200,   200,   200,   404,   401),
  row('POST /teams/:id/members',                                201,   201,   403,   403,   403,   403,   403,   404,   401),
  row('POST /teams/:id/members (led by projectMember)',         201,   201,   403,   201,   403,   403,   403,   404,   401),
  row('PUT /teams/:id/members/:user_id',                        200,   200,   403,   403,   403,   403,   403,   404,   401),
  row('DELETE /teams/:id/members/:user_id',                     204,   204,   403,   403,   403,   403,   403,   404,   401),
  //                                                          owner  admin   pAdm   pMem  pView  guest   gOnP  other   anon
  row('GET /projects',                                          200,   200,   200,   200,   200,   200,   200,   200,   401),
  row('POST /projects',                                         201,   201,   201,   201,   201,   403,   403,   404,   401),
  row('GET /projects/:id',                                      200,   200,   200,   200,   200,   404,   200,   404,   401),
  row('PUT /projects/:id',                                      200,   200,   200,   403,   403,   404,   403,   404,   401),
  row('DELETE /projects/:id',                                   204,   204,   204,   403,   403,   404,   403,   404,   401),
  row('POST /projects/:id/archive',                             200,   200,   200,   403,   403,   404,   403,   404,   401),
  row('POST /projects/:id/restore',                             200,   200,   200,   403,   403,   404,   403,   404,   401),
  row('GET /projects/:id/analytics',                            200,   200,   200,   200,   200,   404,   200,   404,   401),
  row('POST /projects/:id/save-as-template',                    201,   201,   201,   403,   403,   404,   403,   404,   401),
  //                                                          owner  admin   pAdm   pMem  pView  guest   gOnP  other   anon
  row('GET /projects/:id/milestones',                           200,   200,   200,   200,   200,   404,   200,   404,   401),
  row('POST /projects/:id/milestones',                          201,   201,   201,   201,   403,   404,   201,   404,   401),
  row('PUT /projects/:id/milestones/:milestone_id',             200,   200,   200,   200,   403,   404,   200,   404,   401),
  row('DELETE /projects/:id/milestones/:milestone_id',          204,   204,   204,   204,   403,   404,   204,   404,   401),
  row('GET /projects/:id/members',                              200,   200,   200,   200,   200,   404,   200,   404,   401),
  row('POST /projects/:id/members',                             201,   201,   201,   403,   403,   404,   403,   404,   401),
  row('PUT /projects/:id/members/:user_id',                     200,   200,   200,   403,   403,   404,   403,   404,   401),
  row('DELETE /projects/:id/members/:user_id',                  204,   204,   204,   403,   403,   404,   403,   404,   401),
  //                                                          owner  admin   pAdm   pMem  pView  guest   gOnP  other   anon
  row('GET /project-templates',                                 200,   200,   200,   200,   200,   200,   200,   200,   401),
  row('GET /project-templates/:id',                             200,   200,   200,   200,   200,   404,   404,   404,   401),
  row('DELETE /project-templates/:id',                          204,   204,   403,   403,   403,   404,   404,   404,   401),
  //                                                          owner  admin   pAdm   pMem  pView  guest   gOnP  other   anon
  row('GET /projects/:project_id/tasks',                        200,   200,   200,   200,   200,   404,   200,   404,   401),
  row('POST /projects/:project_id/tasks',                       201,   201,   201,   201,   403,   404,   201,   404,   401),
  row('GET /projects/:project_id/critical-path',                200,   200,   200,   200,   200,   404,   200,   404,   401),
  row('GET /tasks/critical-path?project_id=:project',           200,   200,   200,   200,   200,   404,   200,   404,   401),
  row('GET /my-work',                                           200,   200,   200,   200,   200,   200,   200,   200,   401),
  //                                                          owner  admin   pAdm   pMem  pView  guest   gOnP  other   anon
  row('GET /task-templates?organization_id=:org',              200,   200,   200,   200,   200,   200,   200,   404,   401),
  row('GET /task-templates?project_id=:project',                200,   200,   200,   200,   200,   404,   200,   404,   401),
  row('POST /task-templates',                                   201,   201,   201,   201,   201,   403,   403,   404,   401),
  row('POST /task-templates (of the project)',                  201,   201,   201,   201,   403,   404,   201,   404,   401),
  row('GET /task-templates/:id',                                200,   200,   200,   200,   200,   200,   200,   404,   401),
  row('PUT /task-templates/:id',                                200,   200,   403,   403,   403,   403,   403,   404,   401),
  row('PUT /task-templates/:id (of the project)',               200,   200,   200,   403,   403,   404,   403,   404,   401),
  row('DELETE /task-templates/:id',                             204,   204,   403,   403,   403,   403,   403,   404,   401),
  row('POST /task-templates/:id/apply',                         201,   201,   201,   201,   403,   404,   201,   404,   401),
  row('GET /tasks/:id/attachments',                             200,   200,   200,   200,   200,   404,   200,   404,   401),
  row('POST /tasks/:id/attachments',                            201,   201,   201,   201,   403,   404,   201,   404,   401),
  row('DELETE /tasks/:id/attachments/:attachment_id',           204,   204,   204,   403,   403,   404,   403,   404,   401),
  row('GET /task-views?project_id=:project',                    200,   200,   200,   200,   200,   404,   200,   404,   401),
  row('POST /task-views',                                       201,   201,   201,   201,   201,   404,   201,   404,   401),
  row('POST /task-views (shared)',                              201,   201,   201,   201,   403,   404,   201,   404,   401),
  row('GET /task-views/:id',                                    200,   200,   200,   200,   200,   404,   200,   404,   401),
  row('PUT /task-views/:id',                                    200,   200,   200,   403,   403,   404,   403,   404,   401),
  //                                                          owner  admin   pAdm   pMem  pView  guest   gOnP  other   anon
  row('GET /time-entries',                                      200,   200,   200,   200,   200,   200,   200,   200,   401),
  row('POST /time-entries',                                     201,   201,   201,   201,   403,   404,   201,   404,   401),
  row('GET /time-entries/:id',                                  200,   200,   200,   200,   404,   404,   404,   404,   401),
  row('PUT /time-entries/:id',                                  200,   200,   403,   200,   404,   404,   404,   404,   401),
  row('DELETE /time-entries/:id',                               204,   204,   403,   204,   404,   404,   404,   404,   401),
  row('GET /time-entries/timer',                                200,   200,   200,   200,   200,   200,   200,   200,   401),
  row('POST /time-entries/timer/start',                         201,   201,   201,   201,   403,   404,   201,   404,   401),
  row('POST /time-entries/timer/stop (after starting one on P)', 200,   200,   200,   200,   409,   409,   200,   409,   401),
  row('GET /timesheets?week=:week&user_id=:projectMember',      200,   200,   200,   200,   404,   404,   404,   404,   401),
  row('POST /timesheets',                                       201,   201,   201,   201,   201,   201,   201,   404,   401),
  row('GET /timesheets/approvals',                              200,   200,   200,   200,   200,   200,   200,   200,   401),
  row('GET /timesheets/:id',                                    200,   200,   200,   200,   404,   404,   404,   404,   401),
  row('PUT /timesheets/:id/approve',                            200,   200,   200,   403,   404,   404,   404,   404,   401),
  row('PUT /timesheets/:id/reject',                             200,   200,   200,   403,   404,   404,   404,   404,   401),
  row('PUT /timesheets/:id/reopen',                             200,   200,   200,   403,   404,   404,   404,   404,   401),
  row('GET /hourly-rates',                                      200,   200,   200,   200,   200,   200,   200,   200,   401),
  row('POST /hourly-rates',                                     201,   201,   403,   403,   403,   403,   403,   404,   401),
  row('GET /hourly-rates/:id',                                  200,   200,   403,   403,   403,   403,   403,   404,   401),
  row('PUT /hourly-rates/:id',                                  200,   200,   403,   403,   403,   403,   403,   404,   401),
  row('DELETE /hourly-rates/:id',                               204,   204,   403,   403,   403,   403,   403,   404,   401),
  row('GET /time-analytics?group_by=project',                   200,   200,   200,   200,   200,   200,   200,   200,   401),
  row('DELETE /task-views/:id',                                 204,   204,   204,   403,   403,   404,   403,   404,   401),
];

describe('authorization matrix of the users and projects services (and the tasks routes listed)', () => {
  let fx: Fixture;
  beforeAll(async () => {
    fx = await startFixture();
  });
  afterAll(async () => fx?.close());

  it('has one row for every route of both services', () => {
    const rows = MATRIX.map((r) => r.endpoint);
    expect(new Set(rows).size, 'a row is listed twice').toBe(rows.length);
    expect([...rows].sort(), 'a request factory has no row').toEqual(Object.keys(REQUESTS).sort());
    // 'PUT /users/:id (self)' and 'GET /users?organization_id=:org' are variants of one route.
    // Parameters compare by position: /projects/:id (projects) and /projects/:project_id/tasks
    // (tasks) share a node of the route tree, which prints it as ':id|:project_id'.
    const shape = (route: string) => route.replace(/:[^/]+/g, ':param');
    const covered = new Set(
      rows.map((row) => shape(row.split(' ').slice(0, 2).join(' ').replace(/\?.*$/, ''))),
    );
    const routes = servedRoutes(fx)
      .filter((route) => SERVICE_ROUTE.test(route))
      .map(shape);
    expect(routes.length).toBeGreaterThan(40);
    expect({
      routesWithoutRow: routes.filter((route) => !covered.has(route)),
      rowsWithoutRoute: [...covered].filter((route) => !routes.includes(route)),
    }).toEqual({ routesWithoutRow: [], rowsWithoutRoute: [] });
  });

  it('answers every endpoint for every persona as the matrix says', async () => {
    await waitForProjectsReadModel(fx);
    await waitForTimeReadModel(fx);
    const mismatches: string[] = [];
    for (const { endpoint, expected } of MATRIX) {
      for (const [column, persona] of PERSONAS.entries()) {
        const mismatch = await checkCell(fx, endpoint, persona, expected[column]!);
        if (mismatch) {
          mismatches.push(`${endpoint} × ${persona}: ${mismatch}`);
        }
      }
    }
    const report = `${mismatches.length} cell(s) differ from the matrix:\n${mismatches.join('\n')}`;
    expect(mismatches, report).toEqual([]);
    // Several hundred cells, some creating accounts (Argon2): minutes on a busy two-core machine.
  }, 600_000);
});

/** Asks as `persona`; returns how the answer differs from the cell, or undefined when it matches. */
async function checkCell(fx: Fixture, endpoint: Endpoint, persona: Persona, expected: number) {
  const me = persona === 'anonymous' ? undefined : fx.people[persona];
  let request: CellRequest;
  try {
    request = await REQUESTS[endpoint]({ fx, persona, me });
  } catch (error) {
    return `could not prepare the request: ${(error as Error).message}`;
  }
  const method = endpoint.split(' ')[0] as Method;
  const res = await call(fx, method, request.url, me?.token, request.body);
  const code = problemCode(res);
  if (res.statusCode !== expected) {
    return `expected ${expected}, got ${res.statusCode} ${code}`.trim();
  }
  // Same status for the wrong reason: a 403 that is not the role check, a 404 of a mistyped path.
  const forbiddenCode =
    endpoint === 'POST /invitations/accept (sent to someone else)' ? EMAIL_MISMATCH : FORBIDDEN;
  if ((expected === 403 && code !== forbiddenCode) || code === 'ROUTE_NOT_FOUND') {
    return `expected ${expected}${expected === 403 ? ` ${forbiddenCode}` : ''}, got ${res.statusCode} ${code}`;
  }
  return undefined;
}

/** ADR 0002: inside the organization, a forbidden action answers 403 FORBIDDEN. */
const FORBIDDEN = 'FORBIDDEN';
/** Accepting an invitation sent to another address is refused with its own code. */
const EMAIL_MISMATCH = 'USERS_INVITATION_EMAIL_MISMATCH';

/** Membership events reach the projects read model asynchronously: wait until it reflects O and P. */
async function waitForProjectsReadModel(fx: Fixture): Promise<void> {
  const roleOnP: Partial<Record<Persona, string>> = {
    owner: 'admin',
    orgAdmin: 'admin',
    projectAdmin: 'admin',
    projectMember: 'member',
    projectViewer: 'viewer',
    guestOnP: 'member',
  };
  for (const [persona, role] of Object.entries(roleOnP)) {
    const token = fx.people[persona as SignedIn].token;
    const url = `/projects/${fx.project}`;
    await expect.poll(async () => (await call(fx, 'GET', url, token)).json().my_role).toBe(role);
  }
  // A guest off P may not create projects in O: 403 once the read model knows them, 404 before.
  const body = { organization_id: fx.org, name: 'Never created' };
  const guest = fx.people.guest.token;
  await expect.poll(async () => (await call(fx, 'POST', '/projects', guest, body)).statusCode).toBe(403);
  // The tasks service keeps its own read model: every persona with a role on P sees its tasks.
  for (const persona of Object.keys(roleOnP)) {
    const token = fx.people[persona as SignedIn].token;
    await expect
      .poll(async () => (await call(fx, 'GET', `/tasks?project_id=${fx.project}`, token)).statusCode)
      .toBe(200);
  }
}

const SERVICE_ROUTE = /^[A-Z]+ \/(users|organizations|teams|invitations|projects|project-templates|my-work|tasks\/critical-path|task-templates|task-views|tasks\/[^/]+\/attachments|time-entries|timesheets|hourly-rates|time-analytics)\b/;

/** "METHOD /path" of every route under /api/v1 (HEAD left out), read from Fastify's route tree. */
function servedRoutes(fx: Fixture): string[] {
  const parents: string[] = [];
  const routes: string[] = [];
  for (const line of fx.test.app.printRoutes({ commonPrefix: false }).split('\n')) {
    const match = /^([│ ]*)[├└]── (\S+)(?: \(([^)]*)\))?$/.exec(line);
    if (!match) {
      continue;
    }
    const depth = match[1]!.length / 4;
    const path = (parents[depth - 1] ?? '') + match[2]!;
    parents[depth] = path;
    for (const method of match[3]?.split(', ') ?? []) {
      if (method !== 'HEAD' && path.startsWith('/api/v1/')) {
        routes.push(`${method} ${path.slice('/api/v1'.length)}`);
      }
    }
  }
  return routes;
}
