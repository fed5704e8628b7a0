import autocannon from 'autocannon';
import { pausedSeconds, wallClockDrift } from './wall-clock.ts';

/** One measured scenario: what the table prints. */
export interface LoadRow {
  scenario: string;
  /** Answers per second over the measured run (warm-up excluded). */
  rps: number;
  /** Latency of 2xx answers in ms, to 0.1 ms (each answer's own time, not autocannon's 1 ms histogram). */
  p50: number;
  p99: number;
  /** Connection errors, timeouts and non-2xx answers. */
  errors: number;
  requests: number;
  connections: number;
  /** The seconds the machine was paused while it ran (wall-clock.ts): its figures are not comparable. */
  pausedSec?: number;
}

export interface LoadShape {
  connections: number;
  durationSec: number;
  warmupSec: number;
}

/** Builds the request sequence each connection cycles through; called again for the warm-up. */
export type RequestPlan = () => autocannon.Request[];

/** One autocannon run; `onAnswer` hears each answer's status and time (ms, from process.hrtime). */
function fire(
  url: string,
  requests: autocannon.Request[],
  connections: number,
  durationSec: number,
  headers: Record<string, string>,
  onAnswer?: (status: number, ms: number) => void,
): Promise<autocannon.Result> {
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      { url, connections, duration: durationSec, headers, requests, timeout: 10 },
      (error, result) =>
        error ? reject(error instanceof Error ? error : new Error(String(error))) : resolve(result),
    );
    if (onAnswer) {
      instance.on('response', (_client, status, _bytes, ms) => onAnswer(status, ms));
    }
  });
}

/** Warm-up (discarded), then a fixed-time run at a fixed number of connections. */
export async function measure(
  name: string,
  url: string,
  plan: RequestPlan,
  shape: LoadShape,
  headers: Record<string, string> = {},
  /** Called after the warm-up, just before the measured run starts. */
  beforeMeasured?: () => Promise<void>,
): Promise<LoadRow & { result: autocannon.Result }> {
  if (shape.warmupSec > 0) {
    await fire(url, plan(), shape.connections, shape.warmupSec, headers);
  }
  await beforeMeasured?.();
  // autocannon times each answer with process.hrtime but keeps whole milliseconds in its histogram:
  // at 2–3 ms a rounding flips the scale bar (1.5×). The answers' own times keep the tenths (roundMs).
  const latencies: number[] = [];
  const driftBefore = wallClockDrift();
  const result = await fire(url, plan(), shape.connections, shape.durationSec, headers, (status, ms) => {
    if (status >= 200 && status < 300) {
      latencies.push(ms);
    }
  });
  const pausedSec = pausedSeconds(driftBefore, wallClockDrift());
  latencies.sort((a, b) => a - b);
  const requests = result['1xx'] + result['2xx'] + result['3xx'] + result['4xx'] + result['5xx'];
  return {
    scenario: name,
    rps: requests / result.duration,
    p50: roundMs(percentile(latencies, 50)),
    p99: roundMs(percentile(latencies, 99)),
    errors: result.errors + result.non2xx,
    requests,
    connections: shape.connections,
    ...(pausedSec === undefined ? {} : { pausedSec }),
    result,
  };
}

/**
 * A latency to the tenth of a millisecond, to the hundredth below 1 ms: the node:http baseline's
 * answers took 0.04 ms at 2 connections, which read as 0.
 */
export function roundMs(ms: number): number {
  return ms < 1 ? Math.round(ms * 100) / 100 : Math.round(ms * 10) / 10;
}

/** Latency percentiles (ms) of a list of samples. */
export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) {
    return NaN;
  }
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}
