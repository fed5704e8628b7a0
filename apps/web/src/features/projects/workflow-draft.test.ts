import { describe, expect, it } from 'vitest';
import type { ProjectSettings } from './project.types.ts';
import {
  draftFrom,
  isWorkflowChanged,
  keyFromName,
  moveStatus,
  newDraftStatus,
  settingsFrom,
  workflowProblems,
} from './workflow-draft.ts';

const settings: ProjectSettings = {
  workflow: {
    statuses: [
      { key: 'todo', name: 'To do', category: 'todo', color: '#64748B' },
      { key: 'in_progress', name: 'In progress', category: 'in_progress', color: '#3B82F6' },
      { key: 'done', name: 'Done', category: 'done', color: '#22C55E' },
    ],
  },
};

describe('workflow draft', () => {
  it('derives keys the server accepts from names', () => {
    expect(keyFromName('In review')).toBe('in_review');
    expect(keyFromName('  QA / Staging ')).toBe('qa_staging');
    expect(keyFromName('2nd pass')).toBe('status_2nd_pass');
    expect(keyFromName('Prüfung')).toBe('prufung');
  });

  it('keeps existing keys and gives new statuses unique ones', () => {
    const draft = draftFrom(settings);
    const added = { ...newDraftStatus('in_progress'), name: 'Done' };
    const saved = settingsFrom([...draft, added], settings);
    expect(saved.workflow.statuses.map((s) => s.key)).toEqual(['todo', 'in_progress', 'done', 'done_2']);
    expect(saved.workflow.statuses[3]).toMatchObject({ category: 'in_progress', color: '#3B82F6' });
  });

  it('moves statuses within bounds', () => {
    const draft = draftFrom(settings);
    expect(moveStatus(draft, 0, 1).map((s) => s.key)).toEqual(['in_progress', 'todo', 'done']);
    expect(moveStatus(draft, 0, -1)).toBe(draft);
    expect(moveStatus(draft, 2, 1)).toBe(draft);
  });

  it('names what blocks saving: empty or repeated names, a missing category', () => {
    const draft = draftFrom(settings);
    const [todo, doing, done] = draft;
    const problems = workflowProblems([
      todo!,
      { ...doing!, name: 'to do' },
      { ...done!, name: ' ', category: 'todo' },
    ]);
    expect(problems.get(doing!.id)).toMatch(/another status/i);
    expect(problems.get(done!.id)).toMatch(/name/i);
    expect(problems.get('')).toBe('A workflow needs at least one "done" status.');
    expect(workflowProblems(draft).size).toBe(0);
  });

  it('notices changes of order, name and category only', () => {
    const draft = draftFrom(settings);
    expect(isWorkflowChanged(draft, settings)).toBe(false);
    expect(isWorkflowChanged(moveStatus(draft, 0, 1), settings)).toBe(true);
    expect(isWorkflowChanged([{ ...draft[0]!, name: 'To do ' }, draft[1]!, draft[2]!], settings)).toBe(false);
  });
});
