import type { SqlExecutor } from './seed-tasks.ts';

/** PostgreSQL's WAL written and checkpoints begun so far, server-wide (pg_stat_wal, pg_stat_bgwriter). */
export interface WalReading {
  bytes: number;
  fullPageImages: number;
  checkpoints: number;
}

export async function readWal(db: SqlExecutor): Promise<WalReading> {
  const { rows } = await db.query<{ bytes: string; fpi: string; checkpoints: string }>(
    `select w.wal_bytes::text as bytes, w.wal_fpi::text as fpi,
       (b.checkpoints_timed + b.checkpoints_req)::text as checkpoints
     from pg_stat_wal w, pg_stat_bgwriter b`,
  );
  const row = rows[0]!;
  return { bytes: Number(row.bytes), fullPageImages: Number(row.fpi), checkpoints: Number(row.checkpoints) };
}

/**
 * What PostgreSQL wrote while a scenario's measured run went, as a report line. A checkpoint makes
 * the next change of every page write the whole page to the WAL, and the writes' p99 varied with
 * where checkpoints fell (bench/RESULTS.md): each run says where they fell.
 */
export function walText(scenario: string, requests: number, before: WalReading, after: WalReading): string {
  const perRequest = (value: number) => (requests > 0 ? value / requests : 0);
  const checkpoints = after.checkpoints - before.checkpoints;
  return (
    `PostgreSQL while "${scenario}" ran: ${(perRequest(after.bytes - before.bytes) / 1024).toFixed(1)} KB of WAL ` +
    `and ${perRequest(after.fullPageImages - before.fullPageImages).toFixed(2)} full-page images a request; ` +
    (checkpoints === 0
      ? 'no checkpoint began'
      : `${checkpoints} checkpoint${checkpoints === 1 ? '' : 's'} began`)
  );
}
