import { readdirSync, readFileSync } from 'node:fs';
import { cpus } from 'node:os';

/**
 * CPU time used so far, in milliseconds: the machine's cores (busy, stolen by the host, in all),
 * the server process's, PostgreSQL's processes' on this machine, and this process's (the load
 * generator: autocannon runs in it). Read from /proc (Linux), whose clock ticks are USER_HZ, 100 a
 * second on every Linux architecture.
 */
export interface CpuReading {
  /** When it was read (performance.now()). */
  atMs: number;
  machine: { busyMs: number; stolenMs: number; totalMs: number; cores: number };
  serverMs: number;
  /** Each PostgreSQL process's, by pid; empty when none runs here (a server on another machine). */
  postgresMs: Map<string, number>;
  loadGeneratorMs: number;
}

const MS_A_TICK = 10;

/** The machine's cores from the `cpu` line of /proc/stat: user nice system idle iowait irq softirq steal. */
function machineTicks(): CpuReading['machine'] {
  const [user, nice, system, idle, iowait, irq, softirq, steal] = readFileSync('/proc/stat', 'utf8')
    .split(/\s+/)
    .slice(1, 9)
    .map(Number);
  const busy = user! + nice! + system! + irq! + softirq!;
  const total = busy + idle! + iowait! + steal!;
  return {
    busyMs: busy * MS_A_TICK,
    stolenMs: steal! * MS_A_TICK,
    totalMs: total * MS_A_TICK,
    cores: cpus().length,
  };
}

/** A process's name and its user plus system time, or undefined once it has gone. */
function processTicks(pid: string): { name: string; ms: number } | undefined {
  let stat: string;
  try {
    stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return undefined;
  }
  // "pid (name) state ppid …": the name may hold spaces and parentheses; utime and stime are fields 14 and 15.
  const close = stat.lastIndexOf(')');
  const fields = stat.slice(close + 2).split(' ');
  return {
    name: stat.slice(stat.indexOf('(') + 1, close),
    ms: (Number(fields[11]) + Number(fields[12])) * MS_A_TICK,
  };
}

/** The reading now, or undefined where there is no /proc to read. */
export function readCpu(serverPid: number): CpuReading | undefined {
  let machine: CpuReading['machine'];
  try {
    machine = machineTicks();
  } catch {
    return undefined;
  }
  const postgresMs = new Map<string, number>();
  let serverMs = 0;
  for (const pid of readdirSync('/proc').filter((entry) => /^\d+$/.test(entry))) {
    const found = processTicks(pid);
    if (pid === String(serverPid)) {
      serverMs = found?.ms ?? 0;
    } else if (found?.name === 'postgres') {
      postgresMs.set(pid, found.ms);
    }
  }
  const usage = process.cpuUsage();
  return {
    atMs: performance.now(),
    machine,
    serverMs,
    postgresMs,
    loadGeneratorMs: (usage.user + usage.system) / 1000,
  };
}

/**
 * Where a scenario's CPU went, as a report line: each process's time a request (the server's also as
 * a share of one core: its JavaScript runs on one thread; past 100% its other threads worked too, as
 * password hashing does), and how busy the machine's cores were. Whether a scenario is bound by the
 * two cores, by the server's one thread or by neither is read here, run by run, instead of by hand
 * after it (bench/RESULTS.md).
 */
export function cpuText(scenario: string, requests: number, before: CpuReading, after: CpuReading): string {
  const perRequest = (ms: number) => `${(requests > 0 ? ms / requests : 0).toFixed(2)} ms`;
  // A process started meanwhile counts whole; one that ended meanwhile is missed (its time is gone).
  let postgresMs = 0;
  for (const [pid, ms] of after.postgresMs) {
    postgresMs += ms - (before.postgresMs.get(pid) ?? 0);
  }
  const serverMs = after.serverMs - before.serverMs;
  const wallMs = after.atMs - before.atMs;
  const spent = [
    `the server ${perRequest(serverMs)} (${wallMs > 0 ? Math.round((100 * serverMs) / wallMs) : 0}% of a core)`,
    ...(after.postgresMs.size === 0 ? [] : [`PostgreSQL ${perRequest(postgresMs)}`]),
    `the load generator ${perRequest(after.loadGeneratorMs - before.loadGeneratorMs)}`,
  ];
  const total = after.machine.totalMs - before.machine.totalMs;
  const share = (ms: number) => `${total > 0 ? Math.round((100 * ms) / total) : 0}%`;
  return (
    `CPU while "${scenario}" ran: ${spent.join(', ')} a request; ` +
    `the machine's ${after.machine.cores} cores ${share(after.machine.busyMs - before.machine.busyMs)} busy, ` +
    `${share(after.machine.stolenMs - before.machine.stolenMs)} stolen by the host`
  );
}
