import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { MemoryKeyValueStore, MemoryPubSub } from '../src/cache/memory.ts';
import { RedisKeyValueStore, RedisPubSub } from '../src/cache/redis.ts';
import type { KeyValueStore, PubSub } from '../src/cache/store.ts';
import { RateLimiter } from '../src/rate-limit.ts';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

const adapters: [string, () => { store: KeyValueStore; pubsub: () => PubSub }][] = [
  ['memory', () => {
    const pubsub = new MemoryPubSub();
    return { store: new MemoryKeyValueStore(), pubsub: () => pubsub };
  }],
  ['redis', () => {
    const prefix = `test:${randomUUID()}:`;
    return { store: RedisKeyValueStore.connect(REDIS_URL, prefix), pubsub: () => RedisPubSub.connect(REDIS_URL, prefix) };
  }],
];

describe.each(adapters)('%s cache and pub/sub', (_name, make) => {
  it('stores values with expiry and counts in windows', async () => {
    const { store } = make();
    await store.set('a', '1', 1);
    expect(await store.get('a')).toBe('1');
    await store.del('a');
    expect(await store.get('a')).toBeNull();
    expect((await store.increment('n', 60)).count).toBe(1);
    const second = await store.increment('n', 60);
    expect(second.count).toBe(2);
    expect(second.resetInMs).toBeGreaterThan(50_000);
    await store.set('short', 'x', 1);
    await new Promise((resolve) => setTimeout(resolve, 1100));
    expect(await store.get('short')).toBeNull();
    await store.close();
  });

  it('limits with 429 and Retry-After past the maximum', async () => {
    const { store } = make();
    const limiter = new RateLimiter(store);
    await limiter.consume('k', { max: 2, windowSeconds: 30 });
    await limiter.consume('k', { max: 2, windowSeconds: 30 });
    await expect(limiter.consume('k', { max: 2, windowSeconds: 30 })).rejects.toMatchObject({
      httpStatus: 429,
      headers: { 'retry-after': expect.stringMatching(/^[1-3]\d?$/) },
    });
    await store.close();
  });

  it('fans messages out to every subscriber, across connections', async () => {
    const { pubsub } = make();
    const a = pubsub();
    const b = pubsub();
    const got: string[] = [];
    const unsubscribe = await b.subscribe('chan', (message) => got.push(message));
    await a.publish('chan', 'hello');
    await expect.poll(() => got).toEqual(['hello']);
    await unsubscribe();
    await a.publish('chan', 'after');
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(got).toEqual(['hello']);
    await a.close();
    if (a !== b) {
      await b.close();
    }
  });
});
