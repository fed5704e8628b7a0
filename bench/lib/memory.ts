import { memoryOf } from './server.ts';

export interface MemoryReport {
  /** VmHWM of the server at the end of the run: its highest resident set. */
  peakRssBytes: number;
  /** Resident set a few seconds after the load stopped. */
  postRunRssBytes: number;
  /** Resident set once the long mixed run had warmed up (after its first tenth). */
  afterWarmupRssBytes: number;
  /** Resident set at the end of the long mixed run. */
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

/** Growth from after warm-up (the sample at a tenth of the run) to the end. */
export function memoryReport(pid: number, samples: number[], idleMs: number): Promise<MemoryReport> {
  const afterWarmup = samples[Math.floor(samples.length / 10)] ?? samples[0]!;
  const end = samples[samples.length - 1]!;
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
