import { describe, expect, it } from 'vitest';
import type { LoadRow } from './lib/load.ts';
import { sectionText } from './lib/report.ts';
import { pausedSeconds } from './lib/wall-clock.ts';

const row = (scenario: string, pausedSec?: number): LoadRow => ({
  scenario,
  rps: 1000,
  p50: 1,
  p99: 2,
  errors: 0,
  requests: 8000,
  connections: 32,
  ...(pausedSec === undefined ? {} : { pausedSec }),
});

// A virtual machine that is stopped and resumed moves the wall clock on while the processes' own
// clocks stand still (bench/lib/wall-clock.ts): a scenario it ran in is named in the report.
describe('a machine paused during a scenario', () => {
  it('counts the wall clock moving past the process clock by a second or more', () => {
    expect(pausedSeconds(3, 4)).toBeUndefined();
    expect(pausedSeconds(-2, 900)).toBeUndefined();
    expect(pausedSeconds(12, 34_012)).toBe(34);
    expect(pausedSeconds(0, 1_449)).toBe(1.4);
  });

  it('names each paused scenario under its table', () => {
    const text = sectionText({
      title: 'PostgreSQL',
      httpBaseline: row('node:http baseline', 34),
      rows: [row('list (25 a page)'), row('change status', 2.5)],
      writes: [],
      notes: [],
    });
    const paused = text.split('\n').filter((line) => line.startsWith('- PAUSED'));
    expect(paused).toEqual([
      '- PAUSED: the machine stopped about 34 s while "node:http baseline" ran (the wall clock moved on, the processes did not): its figures are not comparable',
      '- PAUSED: the machine stopped about 2.5 s while "change status" ran (the wall clock moved on, the processes did not): its figures are not comparable',
    ]);
  });
});
