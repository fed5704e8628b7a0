/** Runs a batch of items in one statement; answers one result per item, in the items' order. */
export type BatchWork<I, R> = (items: I[]) => Promise<R[]>;

export interface StatementBatcherOptions<I> {
  /** Most items in one batch. */
  maxBatch: number;
  /** Most batches running at once; items that come meanwhile wait and go together in the next. */
  maxRunning: number;
  /** Items with the same key never share a batch (say, two changes of one row): the later waits. */
  keyOf?: (item: I) => string;
}

interface Waiting<I, R> {
  item: I;
  resolve: (result: R) => void;
  reject: (error: unknown) => void;
}

/**
 * Group commit for writes: an item is run at once while fewer than `maxRunning` batches run, and
 * items that come while they do are run together, in one statement, as soon as one finishes. So
 * an idle server adds no wait, and a busy one pays a statement's fixed cost (its plan's locks on
 * every index, its executor start, its commit) once per batch instead of once per item: 8 status
 * changes in one statement ran 1.6 times as many changes a second as 8 statements did
 * (bench/RESULTS.md). A batch that fails is run again item by item, so one bad item fails alone
 * and the others are written. Lookups that many requests make one by one batch the same way
 * (several batches at once, as reads do not wait on each other).
 */
export class StatementBatcher<I, R> {
  private readonly waiting: Waiting<I, R>[] = [];
  private running = 0;

  constructor(
    private readonly work: BatchWork<I, R>,
    private readonly options: StatementBatcherOptions<I>,
  ) {}

  run(item: I): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      this.waiting.push({ item, resolve, reject });
      this.next();
    });
  }

  private next(): void {
    while (this.running < this.options.maxRunning && this.waiting.length > 0) {
      const batch = this.take();
      this.running += 1;
      void this.settle(batch).finally(() => {
        this.running -= 1;
        this.next();
      });
    }
  }

  /** The oldest waiting items, at most `maxBatch`, no two with the same key. */
  private take(): Waiting<I, R>[] {
    const { maxBatch, keyOf } = this.options;
    if (!keyOf) {
      return this.waiting.splice(0, maxBatch);
    }
    const keys = new Set<string>();
    const batch: Waiting<I, R>[] = [];
    for (let index = 0; index < this.waiting.length && batch.length < maxBatch;) {
      const key = keyOf(this.waiting[index]!.item);
      if (keys.has(key)) {
        index += 1;
        continue;
      }
      keys.add(key);
      batch.push(...this.waiting.splice(index, 1));
    }
    return batch;
  }

  private async settle(batch: Waiting<I, R>[]): Promise<void> {
    try {
      const results = await this.work(batch.map((entry) => entry.item));
      batch.forEach((entry, index) => entry.resolve(results[index]!));
    } catch (error) {
      if (batch.length === 1) {
        batch[0]!.reject(error);
        return;
      }
      await Promise.all(batch.map((entry) => this.settle([entry])));
    }
  }
}
