import autocannon from 'autocannon';

/** One measured scenario: what the table prints. */
export interface LoadRow {
  scenario: string;
  /** Answers per second over the measured run (warm-up excluded). */
  rps: number;
  /** Latency of 2xx answers in ms (autocannon's histogram has 1 ms resolution). */
  p50: number;
  p99: number;
  /** Connection errors, timeouts and non-2xx answers. */
  errors: number;
  requests: number;
  connections: number;
}

export interface LoadShape {
  connections: number;
  durationSec: number;
  warmupSec: number;
}

/** Builds the request sequence each connection cycles through; called again for the warm-up. */
export type RequestPlan = () => autocannon.Request[];

async function fire(
  url: string,
  requests: autocannon.Request[],
  connections: number,
  durationSec: number,
  headers: Record<string, string>,
) {
  return autocannon({
    url,
    connections,
    duration: durationSec,
    headers,
    requests,
    timeout: 10,
  });
}

/** Warm-up (discarded), then a fixed-time run at a fixed number of connections. */
export async function measure(
  name: string,
  url: string,
  plan: RequestPlan,
  shape: LoadShape,
  headers: Record<string, string> = {},
): Promise<LoadRow & { result: autocannon.Result }> {
  if (shape.warmupSec > 0) {
    await fire(url, plan(), shape.connections, shape.warmupSec, headers);
  }
  const result = await fire(url, plan(), shape.connections, shape.durationSec, headers);
  const requests = result['1xx'] + result['2xx'] + result['3xx'] + result['4xx'] + result['5xx'];
  return {
    scenario: name,
    rps: requests / result.duration,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.non2xx,
    requests,
    connections: shape.connections,
    result,
  };
}

/** Latency percentiles (ms) of a list of samples. */
export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) {
    return NaN;
  }
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}
