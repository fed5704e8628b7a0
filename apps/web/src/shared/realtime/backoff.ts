export interface BackoffOptions {
  /** Delay ceiling before jitter for the first retry. */
  baseMs: number;
  /** Largest delay, however many attempts failed. */
  maxMs: number;
}

export const RECONNECT_BACKOFF: BackoffOptions = { baseMs: 500, maxMs: 30_000 };

/**
 * Delay before reconnect attempt `attempt` (0 = first retry): "full jitter", a random delay
 * between a quarter of the exponential ceiling and the ceiling, so that after a gateway restart
 * thousands of tabs do not reconnect in the same instant, yet none retries in a tight loop.
 */
export function reconnectDelayMs(
  attempt: number,
  options: BackoffOptions = RECONNECT_BACKOFF,
  random: () => number = Math.random,
): number {
  const exponent = Math.min(Math.max(0, Math.floor(attempt)), 30);
  const ceiling = Math.min(options.maxMs, options.baseMs * 2 ** exponent);
  const floor = ceiling / 4;
  return Math.round(floor + (ceiling - floor) * random());
}
