import { randomUUID } from 'node:crypto';
import { call, type Fixture } from './matrix-fixtures.ts';

/** Creates something as O's owner; setup must succeed, the answer's body tells why when not. */
async function createdByOwner(fx: Fixture, url: string, body: unknown): Promise<string> {
  const res = await call(fx, 'POST', url, fx.people.owner.token, body);
  if (res.statusCode !== 201) {
    throw new Error(`setup: POST ${url} answered ${res.statusCode}: ${res.body}`);
  }
  return res.json<{ id: string }>().id;
}

/** Shared targets are made once per fixture, on first use. */
const onceEach = new WeakMap<Fixture, Map<string, Promise<string>>>();
function once(fx: Fixture, name: string, make: () => Promise<string>): Promise<string> {
  const made = onceEach.get(fx) ?? new Map<string, Promise<string>>();
  onceEach.set(fx, made);
  if (!made.has(name)) {
    made.set(name, make());
  }
  return made.get(name)!;
}

/** A task of P. */
export function matrixTask(fx: Fixture): Promise<string> {
  return once(fx, 'task', () =>
    createdByOwner(fx, `/projects/${fx.project}/tasks`, { title: 'Matrix task' }),
  );
}

/** A task template of O (`project: true`: of P only), by O's owner. */
export function freshTaskTemplate(fx: Fixture, opts: { project?: boolean } = {}): Promise<string> {
  return createdByOwner(fx, '/task-templates', {
    organization_id: fx.org,
    ...(opts.project ? { project_id: fx.project } : {}),
    name: 'Matrix task template',
    template_data: { title: 'Templated', subtasks: [{ title: 'Step' }] },
  });
}

export function matrixTaskTemplate(fx: Fixture, opts: { project?: boolean } = {}): Promise<string> {
  return once(fx, opts.project ? 'project template' : 'template', () => freshTaskTemplate(fx, opts));
}

/** A file attached by O's owner to the matrix task. */
export async function freshAttachment(fx: Fixture): Promise<{ task: string; id: string }> {
  const task = await matrixTask(fx);
  const id = await createdByOwner(fx, `/tasks/${task}/attachments`, { file_id: randomUUID() });
  return { task, id };
}

/** A view of P shared by O's owner. */
export function freshSharedView(fx: Fixture): Promise<string> {
  return createdByOwner(fx, '/task-views', {
    project_id: fx.project,
    name: 'Matrix view',
    layout: 'board',
    shared: true,
  });
}

export function matrixSharedView(fx: Fixture): Promise<string> {
  return once(fx, 'view', () => freshSharedView(fx));
}
