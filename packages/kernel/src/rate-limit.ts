import type { KeyValueStore } from './cache/store.ts';
import { TooManyRequestsError } from './errors.ts';

export interface RateLimitRule {
  /** Requests allowed per window. */
  max: number;
  windowSeconds: number;
}

/** Counts attempts per key in fixed windows; throws 429 with Retry-After past the limit. */
export class RateLimiter {
  constructor(
    private readonly store: KeyValueStore,
    private readonly prefix = 'rl:',
  ) {}

  async consume(key: string, rule: RateLimitRule): Promise<void> {
    const { count, resetInMs } = await this.store.increment(this.prefix + key, rule.windowSeconds);
    if (count > rule.max) {
      throw new TooManyRequestsError(Math.max(1, Math.ceil(resetInMs / 1000)));
    }
  }

  async reset(key: string): Promise<void> {
    await this.store.del(this.prefix + key);
  }
}
