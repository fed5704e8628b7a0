import { linkIn, type Mailbox } from '@pm/kernel/testing';
import { Api, eachLimited, pollUntil, Session } from './api.ts';
import type { DataShape } from './options.ts';

/** Argon2 is slow on purpose: more sign-ups at once only queue on the two cores. */
const SIGN_UP_CONCURRENCY = 8;
const PASSWORD = 'plum-orbit-cactus-42';

export interface BenchUser {
  id: string;
  email: string;
  password: string;
  session: Session;
}

export type ProjectRole = 'large' | 'medium' | 'live' | 'small';

export interface WorkflowStatus {
  key: string;
  category: 'todo' | 'in_progress' | 'done';
}

export interface BenchProject {
  id: string;
  key: string;
  role: ProjectRole;
  tasks: number;
  memberIds: string[];
  statuses: WorkflowStatus[];
}

/** One organization: the first person's workspace, everyone else invited into it. */
export interface World {
  organizationId: string;
  owner: BenchUser;
  users: BenchUser[];
  projects: BenchProject[];
}

async function signUp(api: Api, runId: string, index: number): Promise<{ id: string; email: string }> {
  const username = `b${runId}u${index}`;
  const email = `${username}@example.com`;
  const { body } = await api.call<{ id: string }>('POST', '/auth/register', {
    body: { email, username, password: PASSWORD, first_name: `Bench${index}`, last_name: 'User' },
    expect: [201],
  });
  return { id: body.id, email };
}

/** Invited first, then signed up: the invitation waiting for the address means no workspace of their own. */
async function join(api: Api, mailbox: Mailbox, runId: string, index: number): Promise<BenchUser> {
  const account = await signUp(api, runId, index);
  const session = await Session.signIn(api, account.email, PASSWORD);
  const mail = await mailbox.waitFor(account.email, (m) => /invited/i.test(m.subject), 60_000);
  const token = linkIn(mail, '/invitations/accept').searchParams.get('token');
  // The users service learns of the account through an event; until then acceptance may be refused.
  await pollUntil(`${account.email} to accept the invitation`, async () => {
    const res = await api.call('POST', '/invitations/accept', {
      token: session.token,
      body: { token },
      expect: [200, 400, 403, 404, 409],
    });
    return res.status === 200 ? true : undefined;
  });
  return { ...account, password: PASSWORD, session };
}

function projectPlan(shape: DataShape): { role: ProjectRole; key: string; tasks: number }[] {
  const fixed: { role: ProjectRole; key: string; tasks: number }[] = [
    { role: 'large', key: 'LARGE', tasks: shape.largeTasks },
    { role: 'medium', key: 'MEDIUM', tasks: shape.mediumTasks },
    { role: 'live', key: 'LIVE', tasks: shape.smallTasks },
  ];
  const small = Array.from({ length: Math.max(0, shape.projects - fixed.length) }, (_, i) => ({
    role: 'small' as const,
    key: `SMALL${i + 1}`,
    tasks: shape.smallTasks,
  }));
  return [...fixed, ...small];
}

async function createProjects(
  api: Api,
  world: Omit<World, 'projects'>,
  shape: DataShape,
): Promise<BenchProject[]> {
  const others = world.users.filter((user) => user.id !== world.owner.id);
  const projects: BenchProject[] = [];
  for (const [index, plan] of projectPlan(shape).entries()) {
    const { body } = await api.call<{
      id: string;
      key: string;
      settings: { workflow: { statuses: WorkflowStatus[] } };
    }>('POST', '/projects', {
      token: world.owner.session.token,
      body: {
        organization_id: world.organizationId,
        name: `${plan.key[0]}${plan.key.slice(1).toLowerCase()} project`,
        key: plan.key,
      },
      expect: [201],
    });
    const members =
      plan.role === 'small'
        ? Array.from(
            { length: Math.min(shape.smallProjectMembers, others.length) },
            (_, i) => others[(index * 7 + i) % others.length]!,
          )
        : others;
    const statuses = body.settings.workflow.statuses.map(({ key, category }) => ({ key, category }));
    projects.push({
      id: body.id,
      key: body.key,
      role: plan.role,
      tasks: plan.tasks,
      memberIds: [world.owner.id, ...members.map((m) => m.id)],
      statuses,
    });
  }
  const additions = projects.flatMap((project) =>
    project.memberIds.slice(1).map((userId) => ({ project, userId })),
  );
  await eachLimited(additions, SIGN_UP_CONCURRENCY, ({ project, userId }) =>
    api.call('POST', `/projects/${project.id}/members`, {
      token: world.owner.session.token,
      body: { user_id: userId, role: 'member' },
      expect: [201, 200],
    }),
  );
  return projects;
}

/** Waits until the tasks service's read models (fed by events) let a plain member read each project. */
async function waitForReadModels(api: Api, world: World): Promise<void> {
  for (const project of world.projects) {
    const lastMemberId = project.memberIds[project.memberIds.length - 1]!;
    const member = world.users.find((user) => user.id === lastMemberId)!;
    await pollUntil(`the tasks read model of ${project.key}`, async () => {
      const res = await api.call('GET', `/projects/${project.id}/tasks?limit=1`, {
        token: member.session.token,
        expect: [200, 404],
      });
      return res.status === 200 ? true : undefined;
    });
  }
}

/** People, the organization, projects and project members, all through the API as users make them. */
export async function seedAccounts(
  api: Api,
  mailbox: Mailbox,
  shape: DataShape,
  runId: string,
): Promise<World> {
  const ownerAccount = await signUp(api, runId, 0);
  const owner: BenchUser = {
    ...ownerAccount,
    password: PASSWORD,
    session: await Session.signIn(api, ownerAccount.email, PASSWORD),
  };
  const organizationId = await pollUntil('the first workspace', async () => {
    const { body } = await api.call<{ items: { id: string }[] }>('GET', '/organizations', {
      token: owner.session.token,
    });
    return body.items[0]?.id;
  });
  const indexes = Array.from({ length: shape.users - 1 }, (_, i) => i + 1);
  await eachLimited(indexes, SIGN_UP_CONCURRENCY, (index) =>
    api.call('POST', `/organizations/${organizationId}/invitations`, {
      token: owner.session.token,
      body: { email: `b${runId}u${index}@example.com`, role: 'member' },
      expect: [201],
    }),
  );
  const others = await eachLimited(indexes, SIGN_UP_CONCURRENCY, (index) => join(api, mailbox, runId, index));
  const people = { organizationId, owner, users: [owner, ...others] };
  const world = { ...people, projects: await createProjects(api, people, shape) };
  await waitForReadModels(api, world);
  return world;
}
