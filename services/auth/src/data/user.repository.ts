import { sql, type Kysely, type Transaction } from 'kysely';
import type { User } from '../contract/http.ts';
import type { AuthDatabase, UserRow } from './auth.tables.ts';

type Db = Kysely<AuthDatabase> | Transaction<AuthDatabase>;

export interface UserWithSecret extends User {
  password_hash: string | null;
}

function toUser(row: UserRow, roles: string[]): UserWithSecret {
  return {
    id: row.id,
    email: row.email,
    username: row.username,
    first_name: row.first_name,
    last_name: row.last_name,
    is_active: row.is_active,
    email_verified: row.email_verified,
    roles,
    created_at: row.created_at.toISOString(),
    updated_at: row.updated_at.toISOString(),
    password_hash: row.password_hash,
  };
}

/** Drops the password hash before a user leaves the service. */
export function publicUser(user: UserWithSecret): User {
  const { password_hash: _hash, ...rest } = user;
  return rest;
}

export class UserRepository {
  constructor(private readonly db: Kysely<AuthDatabase>) {}

  private async withRoles(db: Db, row: UserRow | undefined): Promise<UserWithSecret | undefined> {
    if (!row) {
      return undefined;
    }
    const roles = await db.selectFrom('user_roles').select('role').where('user_id', '=', row.id).orderBy('role').execute();
    return toUser(
      row,
      roles.map((r) => r.role),
    );
  }

  async findById(id: string, db: Db = this.db): Promise<UserWithSecret | undefined> {
    return this.withRoles(db, await db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst());
  }

  /** By email or username, case-insensitively. */
  async findByLogin(login: string): Promise<UserWithSecret | undefined> {
    const row = await this.db
      .selectFrom('users')
      .selectAll()
      .where((eb) =>
        eb.or([eb(sql`lower(email)`, '=', login.toLowerCase()), eb(sql`lower(username)`, '=', login.toLowerCase())]),
      )
      .executeTakeFirst();
    return this.withRoles(this.db, row);
  }

  async findByEmail(email: string, db: Db = this.db): Promise<UserWithSecret | undefined> {
    const row = await db.selectFrom('users').selectAll().where(sql`lower(email)`, '=', email.toLowerCase()).executeTakeFirst();
    return this.withRoles(db, row);
  }

  async isTaken(field: 'email' | 'username', value: string, exceptId?: string): Promise<boolean> {
    let query = this.db.selectFrom('users').select('id').where(sql`lower(${sql.ref(field)})`, '=', value.toLowerCase());
    if (exceptId) {
      query = query.where('id', '!=', exceptId);
    }
    return (await query.executeTakeFirst()) !== undefined;
  }

  async insert(
    trx: Db,
    values: { email: string; username: string; password_hash: string | null; first_name: string | null; last_name: string | null; email_verified?: boolean },
    roles: string[],
  ): Promise<UserWithSecret> {
    const row = await trx.insertInto('users').values(values).returningAll().executeTakeFirstOrThrow();
    if (roles.length > 0) {
      await trx.insertInto('user_roles').values(roles.map((role) => ({ user_id: row.id, role }))).execute();
    }
    return toUser(row, [...roles].sort());
  }

  async update(
    trx: Db,
    id: string,
    values: Partial<Pick<UserRow, 'first_name' | 'last_name' | 'username' | 'password_hash' | 'email_verified'>>,
  ): Promise<UserWithSecret> {
    const row = await trx
      .updateTable('users')
      .set({ ...values, updated_at: sql`now()` })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    return (await this.withRoles(trx, row))!;
  }
}
