import { describe, expect, it } from 'vitest';
import type { DependencyType } from '../contract/http.ts';
import { planCriticalPath, type PlanDependency, type PlanInput, type PlanTask } from './critical-path.ts';

// 2026-11-23 is a Monday.
const MONDAY = '2026-11-23';

function task(key: string, hours: number | null, isDone = false): PlanTask {
  return { id: key, key, title: `Task ${key}`, estimated_hours: hours, is_done: isDone };
}

function link(taskKey: string, dependsOn: string, type: DependencyType = 'finish_to_start'): PlanDependency {
  return { task_id: taskKey, depends_on_task_id: dependsOn, dependency_type: type };
}

function plan(input: Partial<PlanInput> & Pick<PlanInput, 'tasks'>) {
  const result = planCriticalPath({ today: MONDAY, outside: [], dependencies: [], ...input });
  const byKey = new Map(result.tasks.map((t) => [t.key, t]));
  return { ...result, of: (key: string) => byKey.get(key)!, path: result.path.map((p) => p.key) };
}

describe('critical path', () => {
  it('chains finish-to-start work and gives parallel work its slack', () => {
    const result = plan({
      tasks: [task('A', 16), task('B', 8), task('C', null)],
      dependencies: [link('B', 'A')],
    });
    expect(result.path).toEqual(['A', 'B']);
    expect(result).toMatchObject({ earliest_finish: '2026-11-25', duration_days: 3 });
    expect(result.of('A')).toMatchObject({
      duration_days: 2,
      earliest_start: MONDAY,
      earliest_finish: '2026-11-24',
      slack_days: 0,
      critical: true,
    });
    expect(result.of('B')).toMatchObject({ earliest_start: '2026-11-25', earliest_finish: '2026-11-25' });
    expect(result.of('C')).toMatchObject({
      duration_days: 1,
      earliest_start: MONDAY,
      latest_start: '2026-11-25',
      latest_finish: '2026-11-25',
      slack_days: 2,
      critical: false,
    });
  });

  it('lets start-to-start work run alongside its predecessor', () => {
    const result = plan({
      tasks: [task('A', 24), task('B', 16)],
      dependencies: [link('B', 'A', 'start_to_start')],
    });
    expect(result.of('B')).toMatchObject({ earliest_start: MONDAY, slack_days: 1, critical: false });
    expect(result.path).toEqual(['A']);
    expect(result.duration_days).toBe(3);
  });

  it('makes finish-to-finish work end no earlier than its predecessor', () => {
    const result = plan({
      tasks: [task('A', 24), task('B', 8)],
      dependencies: [link('B', 'A', 'finish_to_finish')],
    });
    expect(result.of('B')).toMatchObject({ earliest_start: '2026-11-25', earliest_finish: '2026-11-25' });
    expect(result.path).toEqual(['A', 'B']);
  });

  it('makes start-to-finish work end no earlier than its predecessor starts', () => {
    const result = plan({
      tasks: [task('X', 24), task('A', 8), task('B', 8)],
      dependencies: [link('A', 'X'), link('B', 'A', 'start_to_finish')],
    });
    // A starts on day 3 (Thursday); B must end by then at the earliest: it runs on day 2.
    expect(result.of('A').earliest_start).toBe('2026-11-26');
    expect(result.of('B')).toMatchObject({ earliest_start: '2026-11-25', earliest_finish: '2026-11-25' });
    expect(result.of('B')).toMatchObject({ slack_days: 1, critical: false });
    expect(result.path).toEqual(['X', 'A']);
  });

  it('skips weekends, and starts on Monday when asked on a Saturday', () => {
    const friday = plan({ today: '2026-11-27', tasks: [task('A', 16)] });
    expect(friday.of('A')).toMatchObject({ earliest_start: '2026-11-27', earliest_finish: '2026-11-30' });
    const saturday = plan({ today: '2026-11-28', tasks: [task('A', 80)] });
    expect(saturday.of('A')).toMatchObject({ earliest_start: '2026-11-30', earliest_finish: '2026-12-11' });
    expect(saturday.earliest_finish).toBe('2026-12-11');
    expect(saturday.assumptions[0]).toContain('2026-11-30');
  });

  it('counts done tasks as finished: they hold nothing back and are not listed', () => {
    const result = plan({
      tasks: [task('A', 80, true), task('B', 8)],
      dependencies: [link('B', 'A')],
      omittedDoneCount: 2,
    });
    expect(result.tasks.map((t) => t.key)).toEqual(['B']);
    expect(result.of('B').earliest_start).toBe(MONDAY);
    expect(result.assumptions).toContainEqual(expect.stringContaining('3 done tasks count as finished'));
    const many = plan({ tasks: [task('B', 8)], omittedDoneCount: 10_001 });
    expect(many.assumptions).toContainEqual(
      expect.stringContaining('More than 10,000 done tasks count as finished'),
    );
  });

  it('gives tasks without an estimate one day and rounds estimates up to whole days', () => {
    const result = plan({ tasks: [task('A', null), task('B', 0), task('C', 4), task('D', 20)] });
    expect(result.tasks.map((t) => t.duration_days)).toEqual([1, 1, 1, 3]);
    expect(result.assumptions).toContainEqual(
      expect.stringContaining('2 tasks without an estimate count as 1 working day: A, B'),
    );
  });

  it('takes open predecessors outside the scope as fixed constraints and ignores done ones', () => {
    const result = plan({
      tasks: [task('M1', 8), task('M2', 8)],
      outside: [task('OUT', 16), task('GONE', 40, true), task('FAR', 40)],
      // FAR is a predecessor of OUT, which is not followed.
      dependencies: [link('M1', 'OUT'), link('M2', 'GONE'), link('OUT', 'FAR')],
    });
    expect(result.tasks.map((t) => t.key)).toEqual(['M1', 'M2']);
    expect(result.of('M1')).toMatchObject({ earliest_start: '2026-11-25', critical: true });
    expect(result.of('M2')).toMatchObject({ earliest_start: MONDAY, slack_days: 2 });
    expect(result.path).toEqual(['M1']);
    expect(result.assumptions).toContainEqual(
      expect.stringMatching(/1 open task outside the scope .* is a fixed constraint.*: OUT\.$/),
    );
  });

  it('still plans when links form a cycle, saying it ignored them', () => {
    const result = plan({
      tasks: [task('A', 8), task('B', 8), task('C', 8)],
      dependencies: [link('A', 'B'), link('B', 'A'), link('C', 'B')],
    });
    expect(result.tasks).toHaveLength(3);
    expect(result.assumptions).toContainEqual(
      expect.stringContaining('2 dependencies caught in a cycle were ignored'),
    );
  });

  it('has no finish when nothing is left to do', () => {
    const result = plan({ tasks: [task('A', 8, true)] });
    expect(result).toMatchObject({ earliest_finish: null, duration_days: 0, path: [], tasks: [] });
  });
});
