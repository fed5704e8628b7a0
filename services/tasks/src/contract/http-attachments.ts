import { Type, type Static, type TSchema } from 'typebox';
import { TaskParams } from './http.ts';

const Uuid = Type.String({ format: 'uuid' });

function Nullable<T extends TSchema>(schema: T) {
  return Type.Union([schema, Type.Null()]);
}

/** A file (of the file service) attached to a task; name, size and type are copied for listing. */
export const TaskAttachment = Type.Object({
  id: Uuid,
  task_id: Uuid,
  file_id: Uuid,
  file_name: Nullable(Type.String()),
  size_bytes: Nullable(Type.Integer()),
  content_type: Nullable(Type.String()),
  uploaded_by: Uuid,
  created_at: Type.String({ format: 'date-time' }),
});
export type TaskAttachment = Static<typeof TaskAttachment>;
export const TaskAttachmentList = Type.Object({ items: Type.Array(TaskAttachment) });

export const AddAttachmentBody = Type.Object({
  file_id: Uuid,
  file_name: Type.Optional(Type.String({ minLength: 1, maxLength: 255 })),
  size_bytes: Type.Optional(Type.Integer({ minimum: 0, maximum: Number.MAX_SAFE_INTEGER })),
  /** A media type such as `image/png`. */
  content_type: Type.Optional(
    Type.String({
      maxLength: 255,
      pattern: '^[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]*/[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]*',
    }),
  ),
});
export type AddAttachmentBody = Static<typeof AddAttachmentBody>;

export const AttachmentParams = Type.Object({ id: TaskParams.properties.id, attachment_id: Uuid });
