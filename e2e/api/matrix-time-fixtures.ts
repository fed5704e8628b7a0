import { expect, vi } from 'vitest';
import { call, type Fixture, type Person } from './matrix-fixtures.ts';

/** Setup steps must succeed; the answer's body tells why when they do not. */
async function must(
  fx: Fixture,
  method: 'POST' | 'PUT',
  url: string,
  token: string,
  body: unknown,
  status: number,
) {
  const res = await call(fx, method, url, token, body);
  if (res.statusCode !== status) {
    throw new Error(`setup: ${method} ${url} answered ${res.statusCode}, not ${status}: ${res.body}`);
  }
  return res.json<{ id: string }>();
}

// Every entry the matrix logs gets an hour of its own, and every timesheet a week of its own, so
// no two ever overlap or share a week, whichever order the rows run in.
let hour = 0;
let week = 0;
const DAY_MS = 86_400_000;

/** A free hour in 2024: `{ start_time, end_time }`. */
export function freeHour(): { start_time: string; end_time: string } {
  hour += 1;
  const start = Date.UTC(2024, 0, 1, 0) + hour * 3_600_000;
  return { start_time: new Date(start).toISOString(), end_time: new Date(start + 3_600_000).toISOString() };
}

/** A Monday in 2023 no timesheet used yet. */
export function freeWeek(): string {
  week += 1;
  return new Date(Date.UTC(2023, 0, 2) + week * 7 * DAY_MS).toISOString().slice(0, 10);
}

/** An entry of P's member on P (`person` may log it instead). */
export async function freshEntry(fx: Fixture, person: Person = fx.people.projectMember): Promise<string> {
  const body = { project_id: fx.project, ...freeHour() };
  return (await must(fx, 'POST', '/time-entries', person.token, body, 201)).id;
}

/** The submitted week of P's member holding one entry on P; `approved` by O's owner too. */
export async function freshTimesheet(
  fx: Fixture,
  opts: { approved?: boolean; monday?: string } = {},
): Promise<string> {
  const member = fx.people.projectMember;
  const monday = opts.monday ?? freeWeek();
  const body = { project_id: fx.project, start_time: `${monday}T09:00:00Z`, end_time: `${monday}T10:00:00Z` };
  await must(fx, 'POST', '/time-entries', member.token, body, 201);
  const sheet = await must(
    fx,
    'POST',
    '/timesheets',
    member.token,
    { week: monday, organization_id: fx.org },
    201,
  );
  if (opts.approved) {
    await must(fx, 'PUT', `/timesheets/${sheet.id}/approve`, fx.people.owner.token, undefined, 200);
  }
  return sheet.id;
}

/** A rate of O's subject, set by O's owner. */
export async function freshRate(fx: Fixture): Promise<string> {
  const body = {
    organization_id: fx.org,
    user_id: fx.subject.id,
    rate: 55,
    currency: 'EUR',
    effective_from: freeWeek(),
  };
  return (await must(fx, 'POST', '/hourly-rates', fx.people.owner.token, body, 201)).id;
}

/** Made once per fixture: the week and sheet the read-only rows look at, an entry, a rate. */
const shared = new WeakMap<Fixture, Promise<{ entry: string; week: string; sheet: string; rate: string }>>();
export function timeTargets(fx: Fixture) {
  if (!shared.has(fx)) {
    shared.set(
      fx,
      (async () => {
        const monday = freeWeek();
        return {
          entry: await freshEntry(fx),
          week: monday,
          sheet: await freshTimesheet(fx, { monday }),
          rate: await freshRate(fx),
        };
      })(),
    );
  }
  return shared.get(fx)!;
}

/** Time tracking keeps its own read model of O and P: wait until it knows every persona's place. */
export async function waitForTimeReadModel(fx: Fixture): Promise<void> {
  await vi.waitFor(
    async () => {
      const rows = await fx.test.database.root
        .selectFrom('time_tracking.project_memberships')
        .select('user_id')
        .where('project_id', '=', fx.project)
        .where('role', 'is not', null)
        .execute();
      expect(rows.length).toBeGreaterThanOrEqual(4);
      const org = await fx.test.database.root
        .selectFrom('time_tracking.org_memberships')
        .select('user_id')
        .where('organization_id', '=', fx.org)
        .where('role', 'is not', null)
        .execute();
      expect(org.length).toBeGreaterThanOrEqual(8);
    },
    { timeout: 10_000, interval: 50 },
  );
}
