import { describe, expect, it } from 'vitest';
import type { WorkflowStatus } from '../projects/project.types.ts';
import { boardOrder, laneChange, lanesFor, neighboursOf, placeCard, tasksIn } from './board-layout.ts';
import type { Task } from './task.types.ts';

const statuses: WorkflowStatus[] = [
  { key: 'todo', name: 'To do', category: 'todo' },
  { key: 'doing', name: 'Doing', category: 'in_progress' },
  { key: 'done', name: 'Done', category: 'done' },
];

function task(id: string, status: string, extra: Partial<Task> = {}): Task {
  return {
    id,
    key: `WEB-${id}`,
    number: Number(id),
    organization_id: 'org',
    project_id: 'p',
    title: `Task ${id}`,
    description: null,
    status,
    status_category: statuses.find((s) => s.key === status)?.category ?? 'todo',
    priority: 'none',
    assigned_to: null,
    created_by: 'u',
    due_date: null,
    estimated_hours: null,
    actual_hours: null,
    tags: [],
    milestone_id: null,
    parent_task_id: null,
    rank: id,
    version: 1,
    is_blocked: false,
    subtasks: { total: 0, done: 0 },
    created_at: '2026-01-01T00:00:00Z',
    updated_at: '2026-01-01T00:00:00Z',
    ...extra,
  };
}

const board = [task('1', 'todo'), task('2', 'doing'), task('3', 'todo'), task('4', 'todo')];
const ids = (tasks: Task[]) => tasks.map((t) => t.id);

describe('placing a card', () => {
  it('moves it before the card it is dropped on, taking the column status and category', () => {
    const next = placeCard(board, '2', 'all|todo', { overId: '3', after: false }, statuses, 'none');
    expect(ids(tasksIn(next, 'all|todo', 'none'))).toEqual(['1', '2', '3', '4']);
    expect(next.find((t) => t.id === '2')).toMatchObject({ status: 'todo', status_category: 'todo' });
    expect(neighboursOf(next, '2', 'none')).toEqual({ after_id: '1', before_id: '3' });
  });

  it('puts it after the column’s last card when dropped on the column itself', () => {
    const next = placeCard(board, '1', 'all|done', { overId: null, after: false }, statuses, 'none');
    expect(ids(tasksIn(next, 'all|done', 'none'))).toEqual(['1']);
    expect(next.find((t) => t.id === '1')?.status_category).toBe('done');
    expect(neighboursOf(next, '1', 'none')).toEqual({});
    const last = placeCard(board, '1', 'all|todo', { overId: null, after: false }, statuses, 'none');
    expect(ids(tasksIn(last, 'all|todo', 'none'))).toEqual(['3', '4', '1']);
    expect(neighboursOf(last, '1', 'none')).toEqual({ after_id: '4' });
  });

  it('changes the assignee when dropped into another assignee’s lane', () => {
    const next = placeCard(board, '1', 'ann|doing', { overId: null, after: false }, statuses, 'assignee');
    expect(next.find((t) => t.id === '1')).toMatchObject({ assigned_to: 'ann', status: 'doing' });
    expect(laneChange('assignee', 'unassigned', 'ann')).toEqual({ assigned_to: 'ann' });
    expect(laneChange('assignee', 'ann', 'unassigned')).toEqual({ assigned_to: null });
    expect(laneChange('priority', 'low', 'high')).toEqual({ priority: 'high' });
    expect(laneChange('priority', 'low', 'low')).toBeNull();
  });
});

describe('lanes and reading order', () => {
  const people = new Map([
    ['zed', { display_name: 'Zed' }],
    ['ann', { display_name: 'Ann' }],
  ]) as never;
  const assigned = [
    task('1', 'todo', { assigned_to: 'zed' }),
    task('2', 'doing', { assigned_to: 'ann' }),
    task('3', 'todo'),
    task('4', 'todo', { assigned_to: 'ann' }),
  ];

  it('lists assignees by name with Unassigned last', () => {
    expect(lanesFor(assigned, 'assignee', people).map((l) => l.label)).toEqual(['Ann', 'Zed', 'Unassigned']);
    expect(lanesFor(assigned, 'priority', people)).toHaveLength(5);
  });

  it('walks lane by lane, column by column', () => {
    expect(ids(boardOrder(assigned, statuses, 'assignee', people))).toEqual(['4', '2', '1', '3']);
    expect(ids(boardOrder(assigned, statuses, 'none', people))).toEqual(['1', '3', '4', '2']);
  });
});
