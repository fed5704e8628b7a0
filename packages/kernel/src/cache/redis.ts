import { Redis } from 'ioredis';
import type { KeyValueStore, MessageHandler, PubSub } from './store.ts';

export class RedisKeyValueStore implements KeyValueStore {
  constructor(
    readonly client: Redis,
    private readonly prefix = 'pm:',
  ) {}

  static connect(url: string, prefix?: string): RedisKeyValueStore {
    // Auto-pipelining sends the commands of one event-loop turn in one write: under load each request
    // asks Redis two or three things (token denylist, rate limit).
    const client = new Redis(url, { maxRetriesPerRequest: 2, lazyConnect: false, enableAutoPipelining: true });
    return new RedisKeyValueStore(client, prefix);
  }

  get(key: string): Promise<string | null> {
    return this.client.get(this.prefix + key);
  }

  async set(key: string, value: string, ttlSeconds?: number): Promise<void> {
    if (ttlSeconds) {
      await this.client.set(this.prefix + key, value, 'EX', Math.max(1, Math.ceil(ttlSeconds)));
    } else {
      await this.client.set(this.prefix + key, value);
    }
  }

  async del(key: string): Promise<void> {
    await this.client.del(this.prefix + key);
  }

  async increment(key: string, windowSeconds: number): Promise<{ count: number; resetInMs: number }> {
    const name = this.prefix + key;
    const result = await this.client
      .multi()
      .incr(name)
      .pexpire(name, windowSeconds * 1000, 'NX')
      .pttl(name)
      .exec();
    const count = Number(result?.[0]?.[1] ?? 1);
    const ttl = Number(result?.[2]?.[1] ?? windowSeconds * 1000);
    return { count, resetInMs: ttl > 0 ? ttl : windowSeconds * 1000 };
  }

  async close(): Promise<void> {
    await this.client.quit();
  }
}

export class RedisPubSub implements PubSub {
  private readonly handlers = new Map<string, Set<MessageHandler>>();

  constructor(
    private readonly publisher: Redis,
    private readonly subscriber: Redis,
    private readonly prefix = 'pm:',
  ) {
    subscriber.on('message', (channel: string, message: string) => {
      this.handlers.get(channel)?.forEach((handler) => handler(message));
    });
  }

  static connect(url: string, prefix?: string): RedisPubSub {
    // The publishes of one turn (an event goes to its project's, its task's and its people's
    // channels) share one write: status changes at 32 connections made 4 writes to Redis each.
    return new RedisPubSub(new Redis(url, { enableAutoPipelining: true }), new Redis(url), prefix);
  }

  async publish(channel: string, message: string): Promise<void> {
    await this.publisher.publish(this.prefix + channel, message);
  }

  async subscribe(channel: string, handler: MessageHandler): Promise<() => Promise<void>> {
    const name = this.prefix + channel;
    let set = this.handlers.get(name);
    if (!set) {
      set = new Set();
      this.handlers.set(name, set);
      await this.subscriber.subscribe(name);
    }
    set.add(handler);
    return async () => {
      set.delete(handler);
      if (set.size === 0) {
        this.handlers.delete(name);
        await this.subscriber.unsubscribe(name);
      }
    };
  }

  async close(): Promise<void> {
    await Promise.all([this.publisher.quit(), this.subscriber.quit()]);
  }
}
