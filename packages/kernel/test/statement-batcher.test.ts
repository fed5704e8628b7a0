import { describe, expect, it } from 'vitest';
import { StatementBatcher } from '../src/db/statement-batcher.ts';

/** A batch's work that waits until released, recording each batch it was given. */
function heldWork(fail?: (item: string) => boolean) {
  const batches: string[][] = [];
  const releases: (() => void)[] = [];
  const work = async (items: string[]) => {
    batches.push(items);
    await new Promise<void>((resolve) => releases.push(resolve));
    if (fail && items.some(fail)) {
      throw new Error(`refused ${items.filter(fail).join(',')}`);
    }
    return items.map((item) => item.toUpperCase());
  };
  /** Lets every batch given so far finish, then waits for the batcher to start the next ones. */
  const release = async () => {
    releases.splice(0).forEach((resolve) => resolve());
    await new Promise((resolve) => setImmediate(resolve));
  };
  return { work, batches, release };
}

describe('StatementBatcher', () => {
  it('runs an item at once when idle, and the items that came meanwhile together next', async () => {
    const { work, batches, release } = heldWork();
    const batcher = new StatementBatcher(work, { maxBatch: 3, maxRunning: 1 });
    const first = batcher.run('a');
    expect(batches).toEqual([['a']]);
    const rest = ['b', 'c', 'd', 'e'].map((item) => batcher.run(item));
    expect(batches).toHaveLength(1);
    await release();
    expect(await first).toBe('A');
    expect(batches).toEqual([['a'], ['b', 'c', 'd']]);
    await release();
    expect(batches).toEqual([['a'], ['b', 'c', 'd'], ['e']]);
    await release();
    expect(await Promise.all(rest)).toEqual(['B', 'C', 'D', 'E']);
  });

  it('keeps items with the same key out of one batch, in their order', async () => {
    const { work, batches, release } = heldWork();
    const batcher = new StatementBatcher(work, { maxBatch: 10, maxRunning: 1, keyOf: (item) => item[0]! });
    const all = ['a1', 'a2', 'b1', 'a3', 'c1', 'b2'].map((item) => batcher.run(item));
    expect(batches).toEqual([['a1']]);
    await release();
    expect(batches[1]).toEqual(['a2', 'b1', 'c1']);
    await release();
    expect(batches[2]).toEqual(['a3', 'b2']);
    await release();
    expect(await Promise.all(all)).toEqual(['A1', 'A2', 'B1', 'A3', 'C1', 'B2']);
  });

  it('runs up to maxRunning batches at once', async () => {
    const { work, batches, release } = heldWork();
    const batcher = new StatementBatcher(work, { maxBatch: 10, maxRunning: 2 });
    const all = ['a', 'b', 'c', 'd'].map((item) => batcher.run(item));
    expect(batches).toEqual([['a'], ['b']]);
    await release();
    expect(batches).toEqual([['a'], ['b'], ['c', 'd']]);
    await release();
    expect(await Promise.all(all)).toEqual(['A', 'B', 'C', 'D']);
  });

  it('runs a failed batch again item by item: only the bad item fails', async () => {
    const { work, batches, release } = heldWork((item) => item === 'bad');
    const batcher = new StatementBatcher(work, { maxBatch: 10, maxRunning: 1 });
    const first = batcher.run('a');
    const results = ['b', 'bad', 'c'].map((item) => batcher.run(item).catch((error: Error) => error.message));
    await release();
    await first;
    expect(batches.at(-1)).toEqual(['b', 'bad', 'c']);
    await release();
    expect(batches.slice(2)).toEqual([['b'], ['bad'], ['c']]);
    await release();
    expect(await Promise.all(results)).toEqual(['B', 'refused bad', 'C']);
  });
});
