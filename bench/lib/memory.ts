import { memoryOf } from './server.ts';

export interface MemoryReport {
  /** VmHWM of the server at the end of the run: its highest resident set. */
  peakRssBytes: number;
  /** Resident set a few seconds after the load stopped. */
  postRunRssBytes: number;
  /** Median resident set over the window after the long mixed run's first tenth (its warm-up). */
  afterWarmupRssBytes: number;
  /** Median resident set over the same length of window at the end of the long mixed run. */
  endRssBytes: number;
  growth: number;
  samples: number;
}

/** Samples a process's RSS once a second while `run` goes on. */
export async function sampleRssDuring<T>(
  pid: number,
  run: Promise<T>,
): Promise<{ value: T; samples: number[] }> {
  const samples: number[] = [memoryOf(pid).rssBytes];
  const timer = setInterval(() => samples.push(memoryOf(pid).rssBytes), 1000);
  try {
    const value = await run;
    samples.push(memoryOf(pid).rssBytes);
    return { value, samples };
  } finally {
    clearInterval(timer);
  }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/**
 * Growth from after warm-up to the end, each the median of a window (a fifth of the run): single
 * samples swing with the garbage collector (the heap in use went from 65 to 213 MB and back every
 * 20 s or so of one steady run), so one sample against another measured the collector's phase, not
 * growth (−7.7% and +19.4% in two runs of the same code).
 */
export function memoryReport(pid: number, samples: number[], idleMs: number): Promise<MemoryReport> {
  const window = Math.max(1, Math.floor(samples.length / 5));
  const start = Math.floor(samples.length / 10);
  const afterWarmup = median(samples.slice(start, start + window));
  const end = median(samples.slice(-window));
  return new Promise((resolve) =>
    setTimeout(() => {
      const now = memoryOf(pid);
      resolve({
        peakRssBytes: now.peakRssBytes,
        postRunRssBytes: now.rssBytes,
        afterWarmupRssBytes: afterWarmup,
        endRssBytes: end,
        growth: (end - afterWarmup) / afterWarmup,
        samples: samples.length,
      });
    }, idleMs),
  );
}
