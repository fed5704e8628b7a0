import type { Kysely, Selectable } from 'kysely';
import type { TaskAttachment } from '../contract/http-attachments.ts';
import type { TaskAttachmentsTable } from './templates-attachments-views.tables.ts';
import type { Db, TasksDatabase } from './tasks.tables.ts';

export interface NewAttachment {
  task_id: string;
  file_id: string;
  file_name: string | null;
  size_bytes: number | null;
  content_type: string | null;
  uploaded_by: string;
}

function toAttachment(row: Selectable<TaskAttachmentsTable>): TaskAttachment {
  return {
    ...row,
    size_bytes: row.size_bytes === null ? null : Number(row.size_bytes),
    created_at: new Date(row.created_at).toISOString(),
  };
}

/** Files attached to tasks (`task_attachments`), oldest first. */
export class AttachmentRepository {
  constructor(private readonly db: Kysely<TasksDatabase>) {}

  async list(taskId: string): Promise<TaskAttachment[]> {
    const rows = await this.db
      .selectFrom('task_attachments')
      .selectAll()
      .where('task_id', '=', taskId)
      .orderBy('created_at')
      .orderBy('id')
      .execute();
    return rows.map(toAttachment);
  }

  async find(taskId: string, attachmentId: string): Promise<TaskAttachment | undefined> {
    const row = await this.db
      .selectFrom('task_attachments')
      .selectAll()
      .where('task_id', '=', taskId)
      .where('id', '=', attachmentId)
      .executeTakeFirst();
    return row ? toAttachment(row) : undefined;
  }

  async count(trx: Db, taskId: string): Promise<number> {
    const row = await trx
      .selectFrom('task_attachments')
      .select((eb) => eb.fn.countAll<string>().as('count'))
      .where('task_id', '=', taskId)
      .executeTakeFirstOrThrow();
    return Number(row.count);
  }

  /** The new attachment, or undefined when the file is already attached to the task. */
  async insert(trx: Db, values: NewAttachment, now: Date): Promise<TaskAttachment | undefined> {
    const row = await trx
      .insertInto('task_attachments')
      .values({ ...values, created_at: now })
      .onConflict((oc) => oc.columns(['task_id', 'file_id']).doNothing())
      .returningAll()
      .executeTakeFirst();
    return row ? toAttachment(row) : undefined;
  }

  async delete(trx: Db, id: string): Promise<void> {
    await trx.deleteFrom('task_attachments').where('id', '=', id).execute();
  }
}
