import { sql, type Kysely } from 'kysely';
import type { HourlyRate } from '../contract/rate-http.ts';
import { table, type Db, type TimeTrackingDatabase } from './time.tables.ts';

export interface RateValues {
  organization_id: string;
  user_id: string;
  project_id: string | null;
  rate: number;
  currency: string;
  effective_from: string;
}

/** Postgres' unique_violation. */
export function isUniqueViolation(error: unknown): boolean {
  return (error as { code?: string } | null)?.code === '23505';
}

export class RateRepository {
  constructor(private readonly db: Kysely<TimeTrackingDatabase>) {}

  private rates(db: Db) {
    return db
      .selectFrom('hourly_rates')
      .select([
        'id',
        'organization_id',
        'user_id',
        'project_id',
        sql<number>`rate::float8`.as('rate'),
        'currency',
        sql<string>`to_char(effective_from, 'YYYY-MM-DD')`.as('effective_from'),
        'created_by',
        'version',
        'created_at',
        'updated_at',
      ]);
  }

  async find(id: string, db: Db = this.db): Promise<HourlyRate | undefined> {
    return (await this.rates(db).where('id', '=', id).executeTakeFirst()) as unknown as
      HourlyRate | undefined;
  }

  /** Rates of the organizations the viewer administers, plus the viewer's own; keyset on id. */
  async list(
    viewerId: string,
    filters: {
      organization_id?: string | undefined;
      user_id?: string | undefined;
      project_id?: string | undefined;
    },
    limit: number,
    offsetAfter?: string,
  ): Promise<HourlyRate[]> {
    let query = this.rates(this.db).where(sql<boolean>`(user_id = ${viewerId} or exists (
      select 1 from ${table('org_memberships')} om
      where om.organization_id = hourly_rates.organization_id and om.user_id = ${viewerId} and om.role in ('owner', 'admin')))`);
    if (filters.organization_id) {
      query = query.where('organization_id', '=', filters.organization_id);
    }
    if (filters.user_id) {
      query = query.where('user_id', '=', filters.user_id);
    }
    if (filters.project_id) {
      query = query.where('project_id', '=', filters.project_id);
    }
    if (offsetAfter) {
      query = query.where('id', '>', offsetAfter);
    }
    return (await query.orderBy('id').limit(limit).execute()) as unknown as HourlyRate[];
  }

  async insert(trx: Db, values: RateValues, createdBy: string, now: Date): Promise<string> {
    const row = await trx
      .insertInto('hourly_rates')
      .values({ ...values, created_by: createdBy, created_at: now, updated_at: now })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  }

  /** Applies the change if `version` is current; answers whether it was. */
  async update(
    trx: Db,
    id: string,
    version: number,
    values: Partial<RateValues>,
    now: Date,
  ): Promise<boolean> {
    const result = await trx
      .updateTable('hourly_rates')
      .set({ ...values, version: sql`version + 1`, updated_at: now })
      .where('id', '=', id)
      .where('version', '=', version)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  async delete(trx: Db, id: string): Promise<void> {
    await trx.deleteFrom('hourly_rates').where('id', '=', id).execute();
  }
}
