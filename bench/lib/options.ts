/** What one run does: sizes, connections and durations of the full benchmark or of `--quick`. */
export interface BenchOptions {
  quick: boolean;
  /** Keep the benchmark database (and the embedded data folder) after the run. */
  keep: boolean;
  /** Append the table to bench/RESULTS.md (always for full runs). */
  record: boolean;
  postgres: DataShape &
    LoadShape &
    LiveShape & { scaleConnections: number; scaleDurationSec: number; memoryDurationSec: number };
  embedded: DataShape & LoadShape;
}

export interface DataShape {
  users: number;
  /** Projects in all: the large one, the medium one, the live-updates one and small ones. */
  projects: number;
  largeTasks: number;
  mediumTasks: number;
  smallTasks: number;
  /** Project members of each small project (the large and medium ones have everyone). */
  smallProjectMembers: number;
}

export interface LoadShape {
  connections: number;
  durationSec: number;
  warmupSec: number;
  signInConnections: number;
}

export interface LiveShape {
  wsClients: number;
  wsProcesses: number;
  wsWritesPerSec: number;
  /** Writes at the same rate before the measured ones, while sockets and code paths warm up: checked for loss, not timed. */
  wsWarmupSec: number;
  wsDurationSec: number;
}

const FULL: Omit<BenchOptions, 'quick' | 'keep' | 'record'> = {
  postgres: {
    users: 200,
    projects: 20,
    largeTasks: 1_000_000,
    mediumTasks: 10_000,
    smallTasks: 100,
    smallProjectMembers: 10,
    connections: 32,
    // 7 s a scenario with its warm-up: with the 5-minute memory run the whole run fits in 10 minutes
    // (10.1 min with a 2 s warm-up, 3 s scale runs and 2 s embedded ones on a slow machine, bench/RESULTS.md).
    // A second at 32 connections is a thousand requests or more: every path warm before it is timed.
    durationSec: 6,
    warmupSec: 1,
    signInConnections: 4,
    wsClients: 1000,
    wsProcesses: 4,
    wsWritesPerSec: 100,
    wsWarmupSec: 1,
    wsDurationSec: 10,
    scaleConnections: 4,
    // Judged on p50 alone: 2 s at 4 connections is thousands of answers.
    scaleDurationSec: 2,
    memoryDurationSec: 300,
  },
  embedded: {
    users: 10,
    projects: 4,
    largeTasks: 10_000,
    mediumTasks: 1_000,
    smallTasks: 100,
    smallProjectMembers: 5,
    connections: 4,
    // Shorter than the PostgreSQL run's: its numbers are reported, not judged, and a full run stays
    // under the 10 minutes on a slower machine (9.8–9.9 min with 3 s + 1 s, 10.1 with 2 s +
    // 0.5 s, bench/RESULTS.md).
    durationSec: 1.5,
    warmupSec: 0.5,
    signInConnections: 2,
  },
};

const QUICK: typeof FULL = {
  postgres: {
    users: 8,
    projects: 4,
    largeTasks: 5_000,
    mediumTasks: 500,
    smallTasks: 20,
    smallProjectMembers: 3,
    connections: 4,
    durationSec: 1,
    warmupSec: 0.2,
    signInConnections: 2,
    wsClients: 20,
    wsProcesses: 2,
    wsWritesPerSec: 20,
    wsWarmupSec: 0.5,
    wsDurationSec: 1,
    scaleConnections: 2,
    scaleDurationSec: 1,
    memoryDurationSec: 5,
  },
  embedded: {
    users: 3,
    projects: 4,
    largeTasks: 1_000,
    mediumTasks: 200,
    smallTasks: 10,
    smallProjectMembers: 2,
    connections: 2,
    durationSec: 1,
    warmupSec: 0.2,
    signInConnections: 1,
  },
};

const USAGE = `usage: npm run bench -- [--quick] [--keep] [--record] [--tasks=N]
  --quick    seconds and small data (what the test command runs); numbers are not judged
  --keep     keep the benchmark database and data folder
  --record   append a quick run's table to bench/RESULTS.md too (full runs always do)
  --tasks=N  tasks of the large project (default 1,000,000; quick 5,000)`;

export function parseOptions(argv: string[]): BenchOptions {
  const flags = new Set(argv.filter((arg) => !arg.includes('=')));
  const values = new Map(
    argv.filter((arg) => arg.includes('=')).map((arg) => arg.split('=', 2) as [string, string]),
  );
  const known = new Set(['--quick', '--keep', '--record', '--tasks']);
  const unknown = [...flags, ...values.keys()].filter((name) => !known.has(name));
  if (unknown.length > 0) {
    throw new Error(`unknown option ${unknown.join(', ')}\n${USAGE}`);
  }
  const quick = flags.has('--quick');
  const shape = quick ? QUICK : FULL;
  const tasks = values.get('--tasks');
  const largeTasks = tasks === undefined ? shape.postgres.largeTasks : Number(tasks);
  if (!Number.isInteger(largeTasks) || largeTasks < 100) {
    throw new Error(`--tasks must be an integer of at least 100\n${USAGE}`);
  }
  return {
    quick,
    keep: flags.has('--keep'),
    record: !quick || flags.has('--record'),
    postgres: { ...shape.postgres, largeTasks },
    embedded: shape.embedded,
  };
}
