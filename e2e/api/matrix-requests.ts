import { randomUUID } from 'node:crypto';
import {
  call,
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
import {
  freshAttachment,
  freshSharedView,
  freshTaskTemplate,
  matrixSharedView,
  matrixTask,
  matrixTaskTemplate,
} from './matrix-task-fixtures.ts';
import {
  freeHour,
  freeWeek,
  freshEntry,
  freshRate,
  freshTimesheet,
  timeTargets,
} from './matrix-time-fixtures.ts';

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

  // ---- tasks service (rows for the routes of the other services' prefixes, and the new ones) ----
  'GET /projects/:project_id/tasks': ({ fx }) => ({ url: `${project(fx)}/tasks` }),
  'POST /projects/:project_id/tasks': ({ fx }) => ({
    url: `${project(fx)}/tasks`,
    body: { title: 'Matrix task' },
  }),
  'GET /projects/:project_id/critical-path': ({ fx }) => ({ url: `${project(fx)}/critical-path` }),
  'GET /tasks/critical-path?project_id=:project': ({ fx }) => ({
    url: `/tasks/critical-path?project_id=${fx.project}`,
  }),
  'GET /my-work': () => ({ url: '/my-work' }),

  // ---- tasks service: task templates, attachments, saved views ----
  'GET /task-templates?organization_id=:org': ({ fx }) => ({
    url: `/task-templates?organization_id=${fx.org}`,
  }),
  'GET /task-templates?project_id=:project': ({ fx }) => ({
    url: `/task-templates?project_id=${fx.project}`,
  }),
  'POST /task-templates': ({ fx }) => ({
    url: '/task-templates',
    body: { organization_id: fx.org, name: 'Side template', template_data: { title: 'Side' } },
  }),
  'POST /task-templates (of the project)': ({ fx }) => ({
    url: '/task-templates',
    body: { organization_id: fx.org, project_id: fx.project, name: 'Side', template_data: { title: 'Side' } },
  }),
  'GET /task-templates/:id': async ({ fx }) => ({ url: `/task-templates/${await matrixTaskTemplate(fx)}` }),
  'PUT /task-templates/:id': async ({ fx }) => ({
    url: `/task-templates/${await matrixTaskTemplate(fx)}`,
    body: { description: 'Edited by the matrix' },
  }),
  'PUT /task-templates/:id (of the project)': async ({ fx }) => ({
    url: `/task-templates/${await matrixTaskTemplate(fx, { project: true })}`,
    body: { description: 'Edited by the matrix' },
  }),
  'DELETE /task-templates/:id': async ({ fx }) => ({ url: `/task-templates/${await freshTaskTemplate(fx)}` }),
  'POST /task-templates/:id/apply': async ({ fx }) => ({
    url: `/task-templates/${await matrixTaskTemplate(fx)}/apply`,
    body: { project_id: fx.project },
  }),
  'GET /tasks/:id/attachments': async ({ fx }) => ({ url: `/tasks/${await matrixTask(fx)}/attachments` }),
  'POST /tasks/:id/attachments': async ({ fx }) => ({
    url: `/tasks/${await matrixTask(fx)}/attachments`,
    body: { file_id: randomUUID(), file_name: 'matrix.txt' },
  }),
  'DELETE /tasks/:id/attachments/:attachment_id': async ({ fx }) => {
    const { task, id } = await freshAttachment(fx);
    return { url: `/tasks/${task}/attachments/${id}` };
  },
  'GET /task-views?project_id=:project': ({ fx }) => ({ url: `/task-views?project_id=${fx.project}` }),
  'POST /task-views': ({ fx }) => ({
    url: '/task-views',
    body: { project_id: fx.project, name: 'Mine', layout: 'list' },
  }),
  'POST /task-views (shared)': ({ fx }) => ({
    url: '/task-views',
    body: { project_id: fx.project, name: 'Ours', layout: 'board', shared: true },
  }),
  'GET /task-views/:id': async ({ fx }) => ({ url: `/task-views/${await matrixSharedView(fx)}` }),
  'PUT /task-views/:id': async ({ fx }) => ({
    url: `/task-views/${await matrixSharedView(fx)}`,
    body: { filters: { priority: 'high' } },
  }),
  'DELETE /task-views/:id': async ({ fx }) => ({ url: `/task-views/${await freshSharedView(fx)}` }),

  // ---- time tracking service (targets: P's member's time on P, O's subject's rate) ----
  'GET /time-entries': () => ({ url: '/time-entries' }),
  'POST /time-entries': ({ fx }) => ({ url: '/time-entries', body: { project_id: fx.project, ...freeHour() } }),
  'GET /time-entries/:id': async ({ fx }) => ({ url: `/time-entries/${(await timeTargets(fx)).entry}` }),
  'PUT /time-entries/:id': async ({ fx }) => ({
    url: `/time-entries/${await freshEntry(fx)}`,
    body: { version: 1, description: 'Edited by the matrix' },
  }),
  'DELETE /time-entries/:id': async ({ fx }) => ({ url: `/time-entries/${await freshEntry(fx)}` }),
  'GET /time-entries/timer': () => ({ url: '/time-entries/timer' }),
  'POST /time-entries/timer/start': ({ fx }) => ({
    url: '/time-entries/timer/start',
    body: { project_id: fx.project },
  }),
  'POST /time-entries/timer/stop (after starting one on P)': async ({ fx, me }) => {
    // Only those who may log time on P get a timer to stop; the others have none running.
    if (me) {
      await call(fx, 'POST', '/time-entries/timer/start', me.token, { project_id: fx.project });
    }
    return { url: '/time-entries/timer/stop' };
  },
  'GET /timesheets?week=:week&user_id=:projectMember': async ({ fx }) => {
    const { week } = await timeTargets(fx);
    const member = fx.people.projectMember.id;
    return { url: `/timesheets?week=${week}&user_id=${member}&organization_id=${fx.org}` };
  },
  'POST /timesheets': ({ fx }) => ({ url: '/timesheets', body: { week: freeWeek(), organization_id: fx.org } }),
  'GET /timesheets/approvals': () => ({ url: '/timesheets/approvals' }),
  'GET /timesheets/:id': async ({ fx }) => ({ url: `/timesheets/${(await timeTargets(fx)).sheet}` }),
  'PUT /timesheets/:id/approve': async ({ fx }) => ({ url: `/timesheets/${await freshTimesheet(fx)}/approve` }),
  'PUT /timesheets/:id/reject': async ({ fx }) => ({
    url: `/timesheets/${await freshTimesheet(fx)}/reject`,
    body: { reason: 'Matrix says no' },
  }),
  'PUT /timesheets/:id/reopen': async ({ fx }) => ({
    url: `/timesheets/${await freshTimesheet(fx, { approved: true })}/reopen`,
    body: { reason: 'Matrix reopens' },
  }),
  'GET /hourly-rates': () => ({ url: '/hourly-rates' }),
  'POST /hourly-rates': ({ fx }) => ({
    url: '/hourly-rates',
    body: { organization_id: fx.org, user_id: fx.subject.id, rate: 60, currency: 'EUR', effective_from: freeWeek() },
  }),
  'GET /hourly-rates/:id': async ({ fx }) => ({ url: `/hourly-rates/${(await timeTargets(fx)).rate}` }),
  'PUT /hourly-rates/:id': async ({ fx }) => ({
    url: `/hourly-rates/${await freshRate(fx)}`,
    body: { version: 1, rate: 65 },
  }),
  'DELETE /hourly-rates/:id': async ({ fx }) => ({ url: `/hourly-rates/${await freshRate(fx)}` }),
  'GET /time-analytics?group_by=project': () => ({ url: '/time-analytics?group_by=project' }),
} satisfies Record<string, RequestFactory>;

export type Endpoint = keyof typeof REQUESTS;
