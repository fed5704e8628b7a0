import { setFlagsFromString } from 'node:v8';

/**
 * How much V8 lets the old generation grow past what survived the last full collection before it
 * collects again, in percent. Left to itself V8 picks a factor of up to 4 for a fast collector,
 * so a server whose live heap is ~55 MB grew to ~240 MB of mostly garbage under load and kept it
 * when idle (it runs no full collection then). At 50% the benchmark's load left RSS at 174–180 MB
 * instead of 277–298 MB (peak 195 against 318 MB) with throughput within the machine's noise
 * (bench/RESULTS.md, 2026-12-05).
 */
export const HEAP_GROWING_PERCENT = 50;

/** Applies {@link HEAP_GROWING_PERCENT}; read by V8 at each collection, so it holds from here on. */
export function keepHeapSmall(): void {
  setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
}
