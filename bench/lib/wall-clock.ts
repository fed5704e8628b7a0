/**
 * The wall clock in milliseconds, read through performance.now() (a fraction of a millisecond)
 * from the process's start, corrected by the wall clock's drift from it when `anchorWallClock`
 * last ran. A live update's answer and its receipts are timed in different processes. Read from
 * each process's start alone (performance.timeOrigin), a pause of the virtual machine after the
 * benchmark started and before the receivers did made every receipt look late by the pause: p50
 * 33,849 ms, p99 33,904 and max 33,970 in one full run, nothing lost (bench/RESULTS.md). Corrected
 * when the receivers and the writes start, every process reads the same wall clock.
 */
let anchor = performance.timeOrigin;

export function anchorWallClock(): void {
  const drift = wallClockDrift();
  // Date.now() counts whole milliseconds: a drift of a few is its rounding, not a pause.
  anchor = performance.timeOrigin + (Math.abs(drift) > 5 ? drift : 0);
}

/** How far the wall clock has moved past this process's own clock since the process started, ms. */
export function wallClockDrift(): number {
  return Date.now() - (performance.timeOrigin + performance.now());
}

/**
 * The seconds the machine was paused between two readings of wallClockDrift (the wall clock moved
 * on, the process's clock did not), or undefined below a second: the rounding and the slewing of
 * the wall clock stay far below it.
 */
export function pausedSeconds(driftBefore: number, driftAfter: number): number | undefined {
  const paused = Math.abs(driftAfter - driftBefore) / 1000;
  return paused >= 1 ? Math.round(paused * 10) / 10 : undefined;
}

export function wallClockNow(): number {
  return anchor + performance.now();
}
