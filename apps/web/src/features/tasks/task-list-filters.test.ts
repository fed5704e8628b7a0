import { describe, expect, it } from 'vitest';
import {
  cleanFilters,
  countFilters,
  isSameQuery,
  readFilters,
  readSort,
  writeFilters,
} from './task-list-filters.ts';

const USER = '6f1c7f43-2a5e-4c8e-9d3a-1b2c3d4e5f60';

describe('task list filters in the URL', () => {
  it('reads valid filters and drops values the API would refuse', () => {
    const params = new URLSearchParams({
      status: 'in_review',
      status_category: 'doing',
      assignee: USER,
      priority: 'high',
      tag: 'has space',
      due_before: '2030-02-30x',
      due_after: '2030-01-01',
      overdue: 'true',
      blocked: 'yes',
      q: '  ',
      sort: 'due_date',
      task: 'WEB-1',
    });
    expect(readFilters(params)).toEqual({
      status: 'in_review',
      assignee: USER,
      priority: 'high',
      due_after: '2030-01-01',
      overdue: true,
    });
    expect(readSort(params)).toBe('due_date');
    expect(readSort(new URLSearchParams({ sort: 'title' }))).toBeUndefined();
  });

  it('accepts me and unassigned as the assignee, nothing else that is not a user id', () => {
    expect(readFilters(new URLSearchParams({ assignee: 'me' }))).toEqual({ assignee: 'me' });
    expect(readFilters(new URLSearchParams({ assignee: 'unassigned' }))).toEqual({ assignee: 'unassigned' });
    expect(readFilters(new URLSearchParams({ assignee: 'bob' }))).toEqual({});
  });

  it('writes filters and sort back, keeping the parameters that are not filters', () => {
    const before = new URLSearchParams({ task: 'WEB-7', view: 'v1', priority: 'low', sort: 'priority' });
    const next = writeFilters(before, { status: 'todo', blocked: false, q: 'login bug' }, 'rank');
    expect(Object.fromEntries(next)).toEqual({
      task: 'WEB-7',
      view: 'v1',
      status: 'todo',
      blocked: 'false',
      q: 'login bug',
    });
    expect(readFilters(next)).toEqual({ status: 'todo', blocked: false, q: 'login bug' });
  });

  it('cleans a stored view: unknown names and wrong types are left out', () => {
    expect(
      cleanFilters({ priority: 'urgent', overdue: true, parent_task_id: USER, tag: 42, sort: 'rank' }),
    ).toEqual({ priority: 'urgent', overdue: true });
  });

  it('counts filters and compares queries whatever their order', () => {
    expect(countFilters({})).toBe(0);
    expect(countFilters({ q: 'x', overdue: false })).toBe(2);
    expect(
      isSameQuery(
        { filters: { tag: 'ui', priority: 'low' }, sort: undefined },
        { filters: { priority: 'low', tag: 'ui' }, sort: 'rank' },
      ),
    ).toBe(true);
    expect(
      isSameQuery({ filters: { tag: 'ui' }, sort: 'due_date' }, { filters: { tag: 'ui' }, sort: 'rank' }),
    ).toBe(false);
  });
});
