import type { LoadRow } from './load.ts';
import type { PostgresRunResult } from './postgres-run.ts';
import type { Bar } from './report.ts';
import { SCENARIO_NAMES as S } from './scenarios.ts';

const pct = (value: number) => `${(value * 100).toFixed(1)}%`;

function throughputBar(row: LoadRow | undefined, baseline: LoadRow, minRatio: number, maxP99: number): Bar {
  if (!row) {
    return { bar: `missing scenario`, pass: false, measured: '-' };
  }
  const ratio = row.rps / baseline.rps;
  return {
    bar: `${row.scenario}: ≥ ${pct(minRatio)} of node:http, p99 < ${maxP99} ms, no errors`,
    pass: ratio >= minRatio && row.p99 < maxP99 && row.errors === 0,
    measured: `${Math.round(row.rps)} req/s (${pct(ratio)}), p99 ${row.p99} ms, ${row.errors} errors`,
  };
}

/** The bars of issue #6, judged on the PostgreSQL run (the quick mode's numbers are not judged). */
export function judge(result: PostgresRunResult): Bar[] {
  const { section, live, memory, scale } = result;
  const row = (name: string) => section.rows.find((r) => r.scenario === name);
  const base = section.httpBaseline;
  const search = row(S.search);
  const lost = section.writes.reduce((sum, w) => sum + w.lost, 0);
  const [mediumList, largeList] = scale.list;
  return [
    throughputBar(row(S.list), base, 0.1, 25),
    throughputBar(row(S.filtered), base, 0.1, 25),
    throughputBar(row(S.get), base, 0.15, 25),
    throughputBar(row(S.create), base, 0.05, 40),
    throughputBar(row(S.status), base, 0.05, 40),
    {
      bar: 'no lost write (rows counted afterwards)',
      pass: lost === 0,
      measured: lost === 0 ? 'none lost' : `${lost} lost`,
    },
    {
      bar: 'search over the large project: p99 < 50 ms',
      pass: !!search && search.p99 < 50 && search.errors === 0,
      measured: `p99 ${search?.p99 ?? '-'} ms`,
    },
    {
      bar: 'scale: list p50 on the large project ≤ 1.5 × the medium one',
      pass: largeList.p50 <= 1.5 * mediumList.p50,
      measured: `${largeList.p50} ms vs ${mediumList.p50} ms (${(largeList.p50 / mediumList.p50).toFixed(2)}×)`,
    },
    {
      bar: 'live updates: p99 < 100 ms, nothing lost',
      pass: live.p99 < 100 && live.lost + live.warmup.lost === 0,
      measured: `p99 ${live.p99.toFixed(1)} ms, ${live.lost + live.warmup.lost} lost`,
    },
    {
      bar: 'memory: RSS < 300 MB after the run, growth ≤ 10% over the long mixed run',
      pass: memory.postRunRssBytes < 300 * 1024 * 1024 && memory.growth <= 0.1,
      measured: `${Math.round(memory.postRunRssBytes / 1048576)} MB, growth ${pct(memory.growth)}`,
    },
  ];
}
