import { describe, expect, it } from 'vitest';
import { projectIdInPath, taskDestination } from './palette-routes.ts';

const PROJECT = '0b6c2f0e-4f4e-4d8a-9a51-2f7d1c3b5e60';
const OTHER = '7d1e9a2b-3c4d-4e5f-8a9b-0c1d2e3f4a5b';

describe('where the palette leads', () => {
  it('finds the project of the page the user is on', () => {
    expect(projectIdInPath(`/projects/${PROJECT}/board`)).toBe(PROJECT);
    expect(projectIdInPath(`/projects/${PROJECT}`)).toBe(PROJECT);
    expect(projectIdInPath('/projects')).toBeNull();
    expect(projectIdInPath('/my-work')).toBeNull();
  });

  it("opens a task of the list or board's project in its drawer, keeping the filters", () => {
    const to = taskDestination(
      { key: 'WEB-7', project_id: PROJECT },
      { pathname: `/projects/${PROJECT}/list`, search: '?priority=high&task=WEB-1' },
    );
    expect(to).toBe(`/projects/${PROJECT}/list?priority=high&task=WEB-7`);
  });

  it('opens any other task on its own page', () => {
    const elsewhere = { pathname: `/projects/${OTHER}/board`, search: '' };
    expect(taskDestination({ key: 'WEB-7', project_id: PROJECT }, elsewhere)).toBe('/tasks/WEB-7');
    expect(taskDestination({ key: 'WEB-7', project_id: PROJECT }, { pathname: '/', search: '' })).toBe(
      '/tasks/WEB-7',
    );
  });
});
