import { describe, expect, it } from 'vitest';
import { defaultProjectSettings, workflowProblems } from './workflow.ts';
import { effectiveProjectRole, mayDo } from './project-role.ts';

describe('workflow rules', () => {
  it('accepts the default workflow', () => {
    expect(workflowProblems(defaultProjectSettings())).toEqual([]);
  });

  it('names repeated keys and missing categories', () => {
    const statuses = [
      { key: 'a', name: 'A', category: 'todo' as const },
      { key: 'a', name: 'B', category: 'todo' as const },
      { key: 'c', name: 'C', category: 'done' as const },
    ];
    expect(workflowProblems({ workflow: { statuses } })).toEqual([
      { field: 'settings.workflow.statuses[1].key', message: 'repeats the key "a"' },
      { field: 'settings.workflow.statuses', message: 'needs at least one status of category "in_progress"' },
    ]);
  });
});

describe('effective project role (ADR 0002)', () => {
  it.each([
    ['owner', null, 'admin'],
    ['admin', 'viewer', 'admin'],
    ['member', 'member', 'member'],
    ['member', null, 'viewer'],
    ['guest', 'viewer', 'viewer'],
    ['guest', null, null],
    [null, 'admin', null],
  ] as const)('organization %s with membership %s → %s', (orgRole, memberRole, expected) => {
    expect(effectiveProjectRole(orgRole, memberRole)).toBe(expected);
  });

  it('orders permissions viewer < member < admin', () => {
    expect([mayDo('viewer', 'read'), mayDo('viewer', 'manage_milestones')]).toEqual([true, false]);
    expect([mayDo('member', 'manage_milestones'), mayDo('member', 'manage_project')]).toEqual([true, false]);
    expect(mayDo('admin', 'manage_project')).toBe(true);
  });
});
