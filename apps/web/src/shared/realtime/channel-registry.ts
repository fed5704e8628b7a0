import type { RealtimeEvent } from './realtime.types.ts';

export type RealtimeListener = (event: RealtimeEvent) => void;

/** Where a channel stands on the current connection. */
export type ChannelState = 'pending' | 'subscribed' | 'denied';

interface ChannelEntry {
  listeners: Set<RealtimeListener>;
  state: ChannelState;
  /** The channel was live on an earlier connection: events may have been missed since. */
  missedEvents: boolean;
}

/** The hub answers with lower-cased names; one spelling keeps the bookkeeping consistent. */
export function normalizeChannel(channel: string): string {
  return channel.trim().toLowerCase();
}

/**
 * The bookkeeping of one tab's subscriptions, apart from any socket: which channels have
 * listeners, which of them the hub confirmed on the current connection, and which must be told
 * to refetch once they are live again after a drop.
 */
export class ChannelRegistry {
  private readonly entries = new Map<string, ChannelEntry>();

  /** Registers a listener; true when it is the channel's first (the hub must be asked). */
  add(channel: string, listener: RealtimeListener): boolean {
    const name = normalizeChannel(channel);
    const existing = this.entries.get(name);
    if (existing) {
      existing.listeners.add(listener);
      return false;
    }
    this.entries.set(name, { listeners: new Set([listener]), state: 'pending', missedEvents: false });
    return true;
  }

  /** Removes a listener; true when it was the channel's last (the hub can be told to stop). */
  remove(channel: string, listener: RealtimeListener): boolean {
    const name = normalizeChannel(channel);
    const entry = this.entries.get(name);
    if (!entry?.listeners.delete(listener) || entry.listeners.size > 0) {
      return false;
    }
    this.entries.delete(name);
    return true;
  }

  has(channel: string): boolean {
    return this.entries.has(normalizeChannel(channel));
  }

  stateOf(channel: string): ChannelState | undefined {
    return this.entries.get(normalizeChannel(channel))?.state;
  }

  /** Channels to (re)subscribe on a fresh connection: all but those the hub refused. */
  channelsToSubscribe(): string[] {
    return [...this.entries].filter(([, entry]) => entry.state !== 'denied').map(([name]) => name);
  }

  /** Channels the hub has to be asked for (again), e.g. after a transient refusal. */
  pendingChannels(): string[] {
    return [...this.entries].filter(([, entry]) => entry.state === 'pending').map(([name]) => name);
  }

  get size(): number {
    return this.entries.size;
  }

  /**
   * The hub confirmed a channel. Returns true when its listeners must resync: it had been live
   * on an earlier connection, so events published during the gap were not delivered.
   */
  markSubscribed(channel: string): boolean {
    const entry = this.entries.get(normalizeChannel(channel));
    if (!entry) {
      return false;
    }
    const resync = entry.missedEvents;
    entry.state = 'subscribed';
    entry.missedEvents = false;
    return resync;
  }

  /** The hub refused a channel (no access, bad name): it is not asked for again on reconnects. */
  markDenied(channel: string): void {
    const entry = this.entries.get(normalizeChannel(channel));
    if (entry) {
      entry.state = 'denied';
    }
  }

  /** The hub could not check the channel now; it stays pending to be asked again. */
  markPending(channel: string): void {
    const entry = this.entries.get(normalizeChannel(channel));
    if (entry) {
      entry.state = 'pending';
    }
  }

  /** The connection dropped: every live channel may miss events until it is confirmed again. */
  connectionLost(): void {
    for (const entry of this.entries.values()) {
      if (entry.state === 'subscribed') {
        entry.missedEvents = true;
      }
      if (entry.state !== 'denied') {
        entry.state = 'pending';
      }
    }
  }

  /** Hands an event to the channel's listeners; one failing listener does not starve the others. */
  dispatch(channel: string, event: RealtimeEvent, onError: (error: unknown) => void = reportError): void {
    const entry = this.entries.get(normalizeChannel(channel));
    if (!entry) {
      return;
    }
    for (const listener of [...entry.listeners]) {
      try {
        listener(event);
      } catch (error) {
        onError(error);
      }
    }
  }
}

function reportError(error: unknown): void {
  console.error('realtime listener failed', error);
}
