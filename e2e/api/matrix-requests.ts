import {
  freshInvitation,
  freshMember,
  freshMilestone,
  freshProject,
  freshTeam,
  freshTemplate,
  invitationTo,
  uniqueEmail,
  versionAt,
  type Fixture,
  type Persona,
  type Person,
} from './matrix-fixtures.ts';

/** One cell: who asks (`me` is undefined for anonymous). */
export interface Cell {
  fx: Fixture;
  persona: Persona;
  me: Person | undefined;
}

/** What one cell sends; the method is the first word of the row's label. */
export interface CellRequest {
  url: string;
  body?: unknown;
}

type RequestFactory = (cell: Cell) => CellRequest | Promise<CellRequest>;

const org = (fx: Fixture) => `/organizations/${fx.org}`;
const project = (fx: Fixture) => `/projects/${fx.project}`;
const team = (fx: Fixture) => `/teams/${fx.team}`;
const subject = (fx: Fixture) => `/users/${fx.subject.id}`;

/**
 * How each row of the matrix builds its request. Bodies are valid, so an allowed call succeeds;
 * rows that destroy or change their target build a fresh one in every cell ("fresh…"), so every
 * cell tests the permission, never a resource an earlier cell removed.
 */
export const REQUESTS = {
  // ---- users service: people ----
  'GET /users/me': () => ({ url: '/users/me' }),
  'GET /users': () => ({ url: '/users' }),
  'GET /users?organization_id=:org': ({ fx }) => ({ url: `/users?organization_id=${fx.org}` }),
  'GET /users/:id': ({ fx }) => ({ url: subject(fx) }),
  'PUT /users/:id': async ({ fx }) => ({
    url: subject(fx),
    body: { version: await versionAt(fx, subject(fx)), bio: 'Edited by the matrix' },
  }),
  'PUT /users/:id (self)': async ({ fx, me }) => {
    const url = me ? `/users/${me.id}` : subject(fx);
    return { url, body: { version: await versionAt(fx, url, me?.token), timezone: 'Europe/Paris' } };
  },
  'DELETE /users/:id': async ({ fx }) => ({ url: `/users/${(await freshMember(fx)).id}` }),
  'GET /users/:id/teams': ({ fx }) => ({ url: `${subject(fx)}/teams` }),

  // ---- users service: organizations, members, invitations ----
  'GET /organizations': () => ({ url: '/organizations' }),
  'POST /organizations': () => ({ url: '/organizations', body: { name: 'Matrix side organization' } }),
  'GET /organizations/:id': ({ fx }) => ({ url: org(fx) }),
  'PUT /organizations/:id': async ({ fx }) => ({
    url: org(fx),
    body: { version: await versionAt(fx, org(fx)), name: 'Matrix workspace' },
  }),
  'GET /organizations/:id/members': ({ fx }) => ({ url: `${org(fx)}/members` }),
  'PUT /organizations/:id/members/:user_id': async ({ fx }) => ({
    url: `${org(fx)}/members/${(await freshMember(fx)).id}`,
    body: { role: 'guest' },
  }),
  'PUT /organizations/:id/members/:user_id (make owner)': async ({ fx }) => ({
    url: `${org(fx)}/members/${(await freshMember(fx)).id}`,
    body: { role: 'owner' },
  }),
  'DELETE /organizations/:id/members/:user_id': async ({ fx }) => ({
    url: `${org(fx)}/members/${(await freshMember(fx)).id}`,
  }),
  'GET /organizations/:id/invitations': ({ fx }) => ({ url: `${org(fx)}/invitations` }),
  'POST /organizations/:id/invitations': ({ fx }) => ({
    url: `${org(fx)}/invitations`,
    body: { email: uniqueEmail('invitee'), role: 'member' },
  }),
  'GET /invitations/lookup?token=': ({ fx }) => ({ url: `/invitations/lookup?token=${fx.strangerToken}` }),
  'POST /invitations/accept (sent to me)': async ({ fx, me }) => ({
    url: '/invitations/accept',
    body: { token: me ? await invitationTo(fx, me.email) : fx.strangerToken },
  }),
  'POST /invitations/accept (sent to someone else)': ({ fx }) => ({
    url: '/invitations/accept',
    body: { token: fx.strangerToken },
  }),
  'DELETE /invitations/:id': async ({ fx }) => ({ url: `/invitations/${await freshInvitation(fx)}` }),
  'POST /invitations/:id/resend': async ({ fx }) => ({
    url: `/invitations/${await freshInvitation(fx)}/resend`,
  }),

  // ---- users service: teams ----
  'GET /teams': () => ({ url: '/teams' }),
  'GET /teams?organization_id=:org': ({ fx }) => ({ url: `/teams?organization_id=${fx.org}` }),
  'POST /teams': ({ fx }) => ({ url: '/teams', body: { organization_id: fx.org, name: 'Side team' } }),
  'GET /teams/:id': ({ fx }) => ({ url: team(fx) }),
  'PUT /teams/:id': async ({ fx }) => ({
    url: team(fx),
    body: { version: await versionAt(fx, team(fx)), description: 'Edited by the matrix' },
  }),
  'PUT /teams/:id (led by projectMember)': async ({ fx }) => {
    const url = `/teams/${await freshTeam(fx, { lead: fx.people.projectMember })}`;
    return { url, body: { version: await versionAt(fx, url), name: 'Renamed team' } };
  },
  'DELETE /teams/:id': async ({ fx }) => ({ url: `/teams/${await freshTeam(fx)}` }),
  'GET /teams/:id/members': ({ fx }) => ({ url: `${team(fx)}/members` }),
  'POST /teams/:id/members': async ({ fx }) => ({
    url: `/teams/${await freshTeam(fx)}/members`,
    body: { user_id: fx.subject.id, role: 'member' },
  }),
  'POST /teams/:id/members (led by projectMember)': async ({ fx }) => ({
    url: `/teams/${await freshTeam(fx, { lead: fx.people.projectMember })}/members`,
    body: { user_id: fx.subject.id, role: 'member' },
  }),
  'PUT /teams/:id/members/:user_id': async ({ fx }) => ({
    url: `/teams/${await freshTeam(fx, { subject: true })}/members/${fx.subject.id}`,
    body: { role: 'lead' },
  }),
  'DELETE /teams/:id/members/:user_id': async ({ fx }) => ({
    url: `/teams/${await freshTeam(fx, { subject: true })}/members/${fx.subject.id}`,
  }),

  // ---- projects service: projects ----
  'GET /projects': () => ({ url: '/projects' }),
  'POST /projects': ({ fx }) => ({
    url: '/projects',
    body: { organization_id: fx.org, name: 'Side project' },
  }),
  'GET /projects/:id': ({ fx }) => ({ url: project(fx) }),
  'PUT /projects/:id': async ({ fx }) => ({
    url: project(fx),
    body: { version: await versionAt(fx, project(fx)), description: 'Edited by the matrix' },
  }),
  'DELETE /projects/:id': async ({ fx }) => ({ url: `/projects/${await freshProject(fx)}` }),
  'POST /projects/:id/archive': async ({ fx }) => ({ url: `/projects/${await freshProject(fx)}/archive` }),
  'POST /projects/:id/restore': async ({ fx }) => ({
    url: `/projects/${await freshProject(fx, { archived: true })}/restore`,
  }),
  'GET /projects/:id/analytics': ({ fx }) => ({ url: `${project(fx)}/analytics` }),
  'POST /projects/:id/save-as-template': ({ fx }) => ({
    url: `${project(fx)}/save-as-template`,
    body: { name: 'Side template' },
  }),

  // ---- projects service: milestones ----
  'GET /projects/:id/milestones': ({ fx }) => ({ url: `${project(fx)}/milestones` }),
  'POST /projects/:id/milestones': ({ fx }) => ({
    url: `${project(fx)}/milestones`,
    body: { title: 'Launch' },
  }),
  'PUT /projects/:id/milestones/:milestone_id': async ({ fx }) => {
    const milestone = await freshMilestone(fx);
    const body = { version: milestone.version, status: 'in_progress' };
    return { url: `${project(fx)}/milestones/${milestone.id}`, body };
  },
  'DELETE /projects/:id/milestones/:milestone_id': async ({ fx }) => ({
    url: `${project(fx)}/milestones/${(await freshMilestone(fx)).id}`,
  }),

  // ---- projects service: members ----
  'GET /projects/:id/members': ({ fx }) => ({ url: `${project(fx)}/members` }),
  'POST /projects/:id/members': async ({ fx }) => ({
    url: `/projects/${await freshProject(fx)}/members`,
    body: { user_id: fx.subject.id, role: 'member' },
  }),
  'PUT /projects/:id/members/:user_id': async ({ fx }) => ({
    url: `/projects/${await freshProject(fx, { subject: true })}/members/${fx.subject.id}`,
    body: { role: 'viewer' },
  }),
  'DELETE /projects/:id/members/:user_id': async ({ fx }) => ({
    url: `/projects/${await freshProject(fx, { subject: true })}/members/${fx.subject.id}`,
  }),

  // ---- projects service: templates ----
  'GET /project-templates': () => ({ url: '/project-templates' }),
  'GET /project-templates/:id': ({ fx }) => ({ url: `/project-templates/${fx.template}` }),
  'DELETE /project-templates/:id': async ({ fx }) => ({
    url: `/project-templates/${await freshTemplate(fx)}`,
  }),
} satisfies Record<string, RequestFactory>;

export type Endpoint = keyof typeof REQUESTS;
