import { describe, expect, it, vi } from 'vitest';
import { ChannelRegistry } from './channel-registry.ts';

const event = { type: 'tasks.task.updated', data: { task_id: 't1' } };

describe('ChannelRegistry', () => {
  it('asks the hub once per channel and lets go with the last listener', () => {
    const registry = new ChannelRegistry();
    const first = vi.fn();
    const second = vi.fn();
    expect(registry.add('project:ABC', first)).toBe(true);
    expect(registry.add('project:abc', second)).toBe(false);
    expect(registry.channelsToSubscribe()).toEqual(['project:abc']);
    expect(registry.remove('project:abc', first)).toBe(false);
    expect(registry.remove('project:abc', first)).toBe(false);
    expect(registry.remove('project:abc', second)).toBe(true);
    expect(registry.size).toBe(0);
  });

  it('dispatches to the listeners of that channel only, whatever one of them throws', () => {
    const registry = new ChannelRegistry();
    const failing = vi.fn(() => {
      throw new Error('boom');
    });
    const listening = vi.fn();
    const other = vi.fn();
    const onError = vi.fn();
    registry.add('project:a', failing);
    registry.add('project:a', listening);
    registry.add('task:b', other);
    registry.dispatch('PROJECT:A', event, onError);
    expect(listening).toHaveBeenCalledWith(event);
    expect(other).not.toHaveBeenCalled();
    expect(onError).toHaveBeenCalledTimes(1);
    registry.dispatch('project:unknown', event, onError);
    expect(listening).toHaveBeenCalledTimes(1);
  });

  it('asks for a resync only for channels that were live before the drop', () => {
    const registry = new ChannelRegistry();
    registry.add('project:a', vi.fn());
    registry.add('task:b', vi.fn());
    expect(registry.markSubscribed('project:a')).toBe(false);
    expect(registry.stateOf('project:a')).toBe('subscribed');
    registry.connectionLost();
    expect(registry.stateOf('project:a')).toBe('pending');
    expect(registry.markSubscribed('project:a')).toBe(true);
    // task:b was never confirmed before the drop: its first data fetch is still current.
    expect(registry.markSubscribed('task:b')).toBe(false);
    // Once confirmed again, a second confirmation is not another gap.
    expect(registry.markSubscribed('project:a')).toBe(false);
  });

  it('keeps refused channels out of resubscription, transiently failed ones in', () => {
    const registry = new ChannelRegistry();
    registry.add('project:denied', vi.fn());
    registry.add('project:later', vi.fn());
    registry.add('project:ok', vi.fn());
    registry.markDenied('project:denied');
    registry.markSubscribed('project:ok');
    registry.markPending('project:later');
    expect(registry.pendingChannels()).toEqual(['project:later']);
    registry.connectionLost();
    expect(registry.stateOf('project:denied')).toBe('denied');
    expect(registry.channelsToSubscribe()).toEqual(['project:later', 'project:ok']);
  });
});
