import { appendFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import type { PostgresServer } from './database.ts';
import type { LoadRow } from './load.ts';
import type { MemoryReport } from './memory.ts';
import type { SeedTimings } from './seed-tasks.ts';
import type { LiveResult } from './websocket.ts';

export interface WriteCheck {
  what: string;
  sent: number;
  acknowledged: number;
  /** Acknowledged but not in the database afterwards. */
  lost: number;
}

export interface Bar {
  bar: string;
  pass: boolean;
  measured: string;
}

export interface SectionResult {
  title: string;
  httpBaseline: LoadRow;
  rows: LoadRow[];
  writes: WriteCheck[];
  notes: string[];
}

/** Requests a second: whole numbers, but one decimal below 10 so a slow scenario never reads as 0. */
const rate = (rps: number) => (rps < 10 ? rps.toFixed(1) : String(Math.round(rps)));
/** Milliseconds as roundMs keeps them (hundredths below 1 ms), whole from 10 ms. */
const ms = (value: number) =>
  Number.isFinite(value) ? value.toFixed(value < 1 ? 2 : value < 10 ? 1 : 0) : '-';
const mb = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;

function tableOf(section: SectionResult): string {
  const lines = [
    `| scenario | conns | req/s | p50 ms | p99 ms | errors | vs node:http |`,
    `| --- | ---: | ---: | ---: | ---: | ---: | ---: |`,
  ];
  for (const row of [section.httpBaseline, ...section.rows]) {
    const ratio = row.rps / section.httpBaseline.rps;
    lines.push(
      `| ${row.scenario} | ${row.connections} | ${rate(row.rps)} | ${ms(row.p50)} | ${ms(row.p99)} | ${row.errors} | ${(ratio * 100).toFixed(1)}% |`,
    );
  }
  return lines.join('\n');
}

function writesOf(section: SectionResult): string {
  return section.writes
    .map(
      (w) =>
        `- ${w.what}: ${w.sent} sent, ${w.acknowledged} acknowledged` +
        (w.sent > w.acknowledged ? ' (the others were in flight when a run stopped), ' : ', ') +
        (w.lost === 0 ? 'none lost' : `${w.lost} LOST`),
    )
    .join('\n');
}

/** A line for each scenario the machine was paused in (a virtual machine stopped and resumed). */
function pausesOf(section: SectionResult): string[] {
  return [section.httpBaseline, ...section.rows]
    .filter((row) => row.pausedSec !== undefined)
    .map(
      (row) =>
        `- PAUSED: the machine stopped about ${row.pausedSec} s while "${row.scenario}" ran ` +
        '(the wall clock moved on, the processes did not): its figures are not comparable',
    );
}

export function sectionText(section: SectionResult): string {
  return [
    `### ${section.title}`,
    '',
    tableOf(section),
    '',
    writesOf(section),
    ...section.notes.map((n) => `- ${n}`),
    ...pausesOf(section),
  ].join('\n');
}

export function seedText(timings: SeedTimings & { accountsMs: number }, tasks: number): string {
  const s = (value: number) => `${(value / 1000).toFixed(1)} s`;
  return (
    `Seed: accounts, organization, projects and members through the API ${s(timings.accountsMs)}; ` +
    `${tasks.toLocaleString('en')} tasks ${s(timings.tasksMs)}, sub-tasks/dependencies/counters ${s(timings.relationsMs)}, ` +
    `indexes ${s(timings.indexesMs)}, time entries (${timings.timeEntries}) ${s(timings.timeEntriesMs)}, vacuum analyze and checkpoint ${s(timings.vacuumMs)}`
  );
}

export function liveText(live: LiveResult): string {
  return (
    `Live updates: ${live.clients} clients, ${live.acknowledged}/${live.writes} writes acknowledged, ` +
    `${live.deliveries} deliveries, ${live.lost} lost, ${live.closedEarly} sockets closed early; ` +
    `after a warm-up (not timed) of ${live.warmup.acknowledged}/${live.warmup.writes} writes acknowledged, ` +
    `${live.warmup.deliveries} deliveries, ${live.warmup.lost} lost; ` +
    `delay from response to receipt p50 ${ms(live.p50)} ms, p99 ${ms(live.p99)} ms, max ${ms(live.max)} ms`
  );
}

export function memoryText(memory: MemoryReport): string {
  return (
    `Memory (server RSS): peak ${mb(memory.peakRssBytes)}, after the run ${mb(memory.postRunRssBytes)}; ` +
    `long mixed run ${mb(memory.afterWarmupRssBytes)} after warm-up → ${mb(memory.endRssBytes)} at the end (medians of a fifth of the run each) ` +
    `(${(memory.growth * 100).toFixed(1)}%, ${memory.samples} samples)`
  );
}

export function barsText(bars: Bar[]): string {
  return [
    '| bar | result | measured |',
    '| --- | --- | --- |',
    ...bars.map((b) => `| ${b.bar} | ${b.pass ? 'pass' : 'FAIL'} | ${b.measured} |`),
  ].join('\n');
}

/** CPU model, cores and memory from /proc and the OS, with the Node version and PostgreSQL's (version and settings). */
export function machineText(postgres: PostgresServer): string {
  const cpuinfo = existsSync('/proc/cpuinfo') ? readFileSync('/proc/cpuinfo', 'utf8') : '';
  const model = /^model name\s*:\s*(.*)$/m.exec(cpuinfo)?.[1] ?? cpus()[0]?.model ?? 'unknown CPU';
  const meminfo = existsSync('/proc/meminfo') ? readFileSync('/proc/meminfo', 'utf8') : '';
  const memKib = Number(/^MemTotal:\s+(\d+)/m.exec(meminfo)?.[1] ?? totalmem() / 1024);
  return `${model}, ${cpus().length} cores, ${(memKib / 1024 / 1024).toFixed(1)} GiB RAM; Node ${process.version}; PostgreSQL ${postgres.version}, ${postgres.settings}`;
}

const RESULTS = new URL('../RESULTS.md', import.meta.url);

/** Appends one dated run to bench/RESULTS.md. */
export function recordResults(text: string): void {
  if (!existsSync(RESULTS)) {
    writeFileSync(
      RESULTS,
      '# Benchmark results\n\nAppended by `npm run bench` (see the README, section Benchmark). Newest last.\n',
    );
  }
  appendFileSync(RESULTS, `\n${text}\n`);
}
