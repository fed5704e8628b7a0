import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LeasedRedisRateLimitStore } from '../src/rate-limit-store.ts';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const prefix = `test-rl-store-${randomBytes(4).toString('hex')}:`;

let redis: Redis;
beforeAll(() => {
  redis = new Redis(REDIS_URL);
});
afterAll(async () => {
  const keys = await redis.keys(`${prefix}*`);
  if (keys.length > 0) {
    await redis.del(...keys);
  }
  await redis.quit();
});

function count(store: LeasedRedisRateLimitStore, key: string, windowMs: number, max: number) {
  return new Promise<{ current: number; ttl: number }>((resolve, reject) =>
    store.incr(
      key,
      (error, result) => (error || !result ? reject(error ?? new Error('no result')) : resolve(result)),
      windowMs,
      max,
    ),
  );
}

const leasedInRedis = async (key: string) => Number((await redis.get(prefix + key)) ?? 0);

describe('leased Redis rate-limit store', () => {
  it('goes to Redis once a lease, a tenth of what is left, and counts every request', async () => {
    const store = new LeasedRedisRateLimitStore(redis, prefix);
    const answers: number[] = [];
    for (let i = 0; i < 150; i += 1) {
      answers.push((await count(store, 'one', 60_000, 1_000)).current);
    }
    expect(answers).toEqual(Array.from({ length: 150 }, (_, i) => i + 1));
    // Leases of 100 (a tenth of 1,000), then 90 (of 900): two trips to Redis for 150 requests.
    expect(await leasedInRedis('one')).toBe(190);
    expect(await redis.pttl(prefix + 'one')).toBeGreaterThan(50_000);
  });

  it('lets through no more than the limit across instances, concurrent requests included', async () => {
    const instances = [0, 1, 2].map(() => new LeasedRedisRateLimitStore(redis, prefix));
    const answers = await Promise.all(
      Array.from({ length: 60 }, (_, i) => count(instances[i % 3]!, 'shared', 60_000, 40)),
    );
    const allowed = answers.filter((answer) => answer.current <= 40);
    // Fewer only when an instance ran out of requests with part of its lease left.
    expect(allowed.length).toBeLessThanOrEqual(40);
    expect(allowed.length).toBeGreaterThan(30);
    expect(await leasedInRedis('shared')).toBe(40);
    const latecomer = new LeasedRedisRateLimitStore(redis, prefix);
    expect((await count(latecomer, 'shared', 60_000, 40)).current).toBeGreaterThan(40);
  });

  it('takes one request at a time near the limit, so alternating instances share it exactly', async () => {
    const [first, second] = [0, 1].map(() => new LeasedRedisRateLimitStore(redis, prefix));
    const seen: number[] = [];
    for (let i = 0; i < 7; i += 1) {
      seen.push((await count(i % 2 === 0 ? first! : second!, 'near', 60_000, 5)).current);
    }
    expect(seen).toEqual([1, 2, 3, 4, 5, 6, 6]);
  });

  it('starts a new window when the last one ends', async () => {
    const store = new LeasedRedisRateLimitStore(redis, prefix);
    for (let i = 0; i < 4; i += 1) {
      await count(store, 'window', 150, 4);
    }
    expect((await count(store, 'window', 150, 4)).current).toBe(5);
    await new Promise((resolve) => setTimeout(resolve, 200));
    const next = await count(store, 'window', 150, 4);
    expect(next.current).toBe(1);
    expect(next.ttl).toBeLessThanOrEqual(150);
  });

  it('keeps the stores of routes with limits of their own apart from the global counters', async () => {
    const store = new LeasedRedisRateLimitStore(redis, prefix);
    const route = store.child({ routeInfo: { method: 'POST', url: '/x' } } as never);
    await count(store, 'split', 60_000, 10);
    await count(route, 'split', 60_000, 10);
    expect(await leasedInRedis('split')).toBe(1);
    expect(Number(await redis.get(`${prefix}POST/x-split`))).toBe(1);
  });
});
