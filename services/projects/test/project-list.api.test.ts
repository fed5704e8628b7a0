import type { TestApp } from '@pm/kernel/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Project } from '../src/contract/http.ts';
import { api, createProject, organizationWith, signUp, startProjects, type TestUser } from './helpers.ts';

describe('listing projects', () => {
  let test: TestApp;
  let owner: TestUser;

  beforeAll(async () => {
    test = await startProjects();
    owner = await signUp(test);
    await createProject(test, owner, await organizationWith(test, [[owner, 'member']]), {
      name: 'Elsewhere',
    });
  });
  afterAll(async () => test.close());

  it('lists visible projects by name with filters and keyset pagination', async () => {
    const other = await signUp(test);
    const listOrg = await organizationWith(test, [[other, 'member']]);
    const teamId = '6a3c4a55-7c55-4bb5-8a8f-2a4f3c1d9e01';
    const names = ['delta', 'Alpha', 'charlie', 'Bravo', 'echo'];
    for (const name of names) {
      await createProject(test, other, listOrg, {
        name,
        ...(name === 'echo' ? { team_id: teamId, status: 'completed' } : {}),
      });
    }
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const url: string = `/projects?organization_id=${listOrg}&limit=2${cursor ? `&cursor=${cursor}` : ''}`;
      const page = (await api(test, 'GET', url, { token: other.token })).json();
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.items.map((p: Project) => p.name));
      cursor = page.next_cursor;
    } while (cursor);
    expect(seen).toEqual(['Alpha', 'Bravo', 'charlie', 'delta', 'echo']);

    const names$ = async (query: string) =>
      (await api(test, 'GET', `/projects?organization_id=${listOrg}&${query}`, { token: other.token }))
        .json()
        .items.map((p: Project) => p.name);
    expect(await names$('status=completed')).toEqual(['echo']);
    expect(await names$(`team_id=${teamId}`)).toEqual(['echo']);
    expect(await names$('q=HAR')).toEqual(['charlie']);
    expect(await names$('q=%25')).toEqual([]);
    const badCursor = await api(test, 'GET', '/projects?cursor=nonsense', { token: other.token });
    expect(badCursor.statusCode).toBe(400);
    const tampered = Buffer.from(JSON.stringify(['alpha', 'not-a-uuid'])).toString('base64url');
    const tamperedRes = await api(test, 'GET', `/projects?cursor=${tampered}`, { token: other.token });
    expect(tamperedRes.json()).toMatchObject({ status: 400, errors: [{ field: 'cursor' }] });
    // The owner of the first organization sees none of these.
    expect(
      (await api(test, 'GET', `/projects?organization_id=${listOrg}`, { token: owner.token })).json().items,
    ).toEqual([]);
  });
});
