/** A shared key-value store with expiry: Redis in split mode, process memory on a laptop. */
export interface KeyValueStore {
  get(key: string): Promise<string | null>;
  set(key: string, value: string, ttlSeconds?: number): Promise<void>;
  del(key: string): Promise<void>;
  /** Adds one to a counter, starting its window on first use; returns the count and ms left. */
  increment(key: string, windowSeconds: number): Promise<{ count: number; resetInMs: number }>;
  close(): Promise<void>;
}

export type MessageHandler = (message: string) => void;

/** Fan-out messages between processes (Redis pub/sub) or within one (memory). */
export interface PubSub {
  publish(channel: string, message: string): Promise<void>;
  subscribe(channel: string, handler: MessageHandler): Promise<() => Promise<void>>;
  close(): Promise<void>;
}
