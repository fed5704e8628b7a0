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

/**
 * V8's allocation-site pretenuring, off. Under load V8 judged some of a request's allocation
 * sites long-lived and allocated their objects straight in the old generation; those objects died
 * with their request, but until then kept what the request allocated after them alive through
 * each young collection (a list page's rows among them). A quarter of all that was allocated was
 * promoted (~2.9 MB a scavenge, with 8 connections as with 32) and a full collection ran about
 * every 0.7 s: the stalls that made the p99. Without it, ~0.35 MB a scavenge, full collections a
 * third as often, and the list's p99 at 32 connections fell from 70–79 to 36–41 ms
 * (bench/RESULTS.md, 2026-12-06).
 */
const GC_FLAGS = [`--heap-growing-percent=${HEAP_GROWING_PERCENT}`, '--no-allocation-site-pretenuring'];

/** Applies {@link GC_FLAGS}; V8 reads them at each collection, so they hold from here on. */
export function tuneGarbageCollector(): void {
  for (const flag of GC_FLAGS) {
    setFlagsFromString(flag);
  }
}
