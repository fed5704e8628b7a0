import { decodeCursor, toPage, type Page } from '@pm/kernel';
import { sql, type Kysely } from 'kysely';
import type { InvitableRole, Invitation, InvitationListQuery, InvitationStatus } from '../contract/http.ts';
import type { Db, InvitationRow, UsersDatabase } from './users.tables.ts';

/** `expired` is not stored: a pending invitation past its expiry reads as expired. */
export function statusOf(row: InvitationRow, now: Date): InvitationStatus {
  return row.status === 'pending' && row.expires_at <= now ? 'expired' : row.status;
}

export function toInvitation(row: InvitationRow, now: Date): Invitation {
  return {
    id: row.id,
    organization_id: row.organization_id,
    team_id: row.team_id,
    email: row.email,
    role: row.role,
    status: statusOf(row, now),
    invited_by: row.invited_by,
    expires_at: row.expires_at.toISOString(),
    accepted_at: row.accepted_at?.toISOString() ?? null,
    created_at: row.created_at.toISOString(),
  };
}

/** What the public accept page shows, joined from the organization, team and inviter. */
export interface InvitationDetails extends InvitationRow {
  organization_name: string;
  team_name: string | null;
  inviter_username: string | null;
  inviter_first_name: string | null;
  inviter_last_name: string | null;
}

export class InvitationRepository {
  constructor(private readonly db: Kysely<UsersDatabase>) {}

  async insert(
    trx: Db,
    values: {
      organization_id: string;
      team_id: string | null;
      email: string;
      role: InvitableRole;
      token_hash: string;
      invited_by: string;
      expires_at: Date;
    },
  ): Promise<InvitationRow> {
    return trx.insertInto('invitations').values(values).returningAll().executeTakeFirstOrThrow();
  }

  async findById(id: string, db: Db = this.db, lock = false): Promise<InvitationRow | undefined> {
    let select = db.selectFrom('invitations').selectAll().where('id', '=', id);
    if (lock) {
      select = select.forUpdate();
    }
    return select.executeTakeFirst();
  }

  async findByTokenHash(
    tokenHash: string,
    db: Db = this.db,
    lock = false,
  ): Promise<InvitationRow | undefined> {
    let select = db.selectFrom('invitations').selectAll().where('token_hash', '=', tokenHash);
    if (lock) {
      select = select.forUpdate();
    }
    return select.executeTakeFirst();
  }

  async detailsByTokenHash(tokenHash: string): Promise<InvitationDetails | undefined> {
    return this.db
      .selectFrom('invitations as i')
      .innerJoin('organizations as o', 'o.id', 'i.organization_id')
      .leftJoin('teams as t', 't.id', 'i.team_id')
      .leftJoin('user_directory as d', 'd.user_id', 'i.invited_by')
      .selectAll('i')
      .select([
        'o.name as organization_name',
        't.name as team_name',
        'd.username as inviter_username',
        'd.first_name as inviter_first_name',
        'd.last_name as inviter_last_name',
      ])
      .where('i.token_hash', '=', tokenHash)
      .executeTakeFirst();
  }

  /** Whether a pending, unexpired invitation waits for this address (in any organization). */
  async hasOpenFor(trx: Db, email: string, now: Date): Promise<boolean> {
    const row = await trx
      .selectFrom('invitations')
      .select('id')
      .where(sql`lower(email)`, '=', email.toLowerCase())
      .where('status', '=', 'pending')
      .where('expires_at', '>', now)
      .executeTakeFirst();
    return row !== undefined;
  }

  /** The pending invitation of this address to this organization, expired or not. */
  async findPending(trx: Db, organizationId: string, email: string): Promise<InvitationRow | undefined> {
    return trx
      .selectFrom('invitations')
      .selectAll()
      .where('organization_id', '=', organizationId)
      .where(sql`lower(email)`, '=', email.toLowerCase())
      .where('status', '=', 'pending')
      .executeTakeFirst();
  }

  async revoke(trx: Db, id: string, now: Date): Promise<void> {
    await trx
      .updateTable('invitations')
      .set({ status: 'revoked', revoked_at: now, updated_at: now })
      .where('id', '=', id)
      .execute();
  }

  async accept(trx: Db, id: string, userId: string, now: Date): Promise<void> {
    await trx
      .updateTable('invitations')
      .set({ status: 'accepted', accepted_by: userId, accepted_at: now, updated_at: now })
      .where('id', '=', id)
      .execute();
  }

  /** A new token and expiry; the old link stops working. */
  async renew(trx: Db, id: string, tokenHash: string, expiresAt: Date, now: Date): Promise<InvitationRow> {
    return trx
      .updateTable('invitations')
      .set({ token_hash: tokenHash, expires_at: expiresAt, updated_at: now })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
  }

  /** Newest first: keyset on (created_at desc, id desc). */
  async list(organizationId: string, query: InvitationListQuery, now: Date): Promise<Page<Invitation>> {
    const limit = query.limit ?? 25;
    const after = decodeCursor(query.cursor, 2);
    // The sort key travels as text: a JavaScript Date would cut PostgreSQL's microseconds and skip rows.
    let select = this.db
      .selectFrom('invitations')
      .selectAll()
      .select(sql<string>`created_at::text`.as('sort_at'))
      .where('organization_id', '=', organizationId);
    if (query.status === 'pending') {
      select = select.where('status', '=', 'pending').where('expires_at', '>', now);
    } else if (query.status === 'expired') {
      select = select.where('status', '=', 'pending').where('expires_at', '<=', now);
    } else if (query.status) {
      select = select.where('status', '=', query.status);
    }
    if (after) {
      select = select.where(
        sql<boolean>`(created_at, id) < (${String(after[0])}::timestamptz, ${String(after[1])}::uuid)`,
      );
    }
    const rows = await select
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(limit + 1)
      .execute();
    return toPage(
      rows,
      limit,
      (row) => [row.sort_at, row.id],
      (row) => toInvitation(row, now),
    );
  }
}
