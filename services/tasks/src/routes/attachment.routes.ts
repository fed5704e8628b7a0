import { requireAuth } from '@pm/kernel';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { TaskParams } from '../contract/http.ts';
import {
  AddAttachmentBody,
  AttachmentParams,
  TaskAttachment,
  TaskAttachmentList,
} from '../contract/http-attachments.ts';
import type { TasksDeps } from '../deps.ts';
import { addAttachment, listAttachments, removeAttachment } from '../use-cases/manage-attachments.ts';

const tags = ['tasks'];

/** Files attached to a task (the files themselves live in the file service). */
export const attachmentRoutes: FastifyPluginAsyncTypebox<{ deps: TasksDeps }> = async (app, { deps }) => {
  app.get(
    '/:id/attachments',
    {
      schema: {
        tags,
        summary: "A task's attachments, oldest first",
        params: TaskParams,
        response: { 200: TaskAttachmentList },
      },
    },
    async (request) => ({ items: await listAttachments(deps, requireAuth(request).sub, request.params.id) }),
  );
  app.post(
    '/:id/attachments',
    {
      schema: {
        tags,
        summary: 'Attach a file (the same file twice answers 409)',
        params: TaskParams,
        body: AddAttachmentBody,
        response: { 201: TaskAttachment },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await addAttachment(deps, requireAuth(request).sub, request.params.id, request.body)),
  );
  app.delete(
    '/:id/attachments/:attachment_id',
    {
      schema: {
        tags,
        summary: 'Remove an attachment (its uploader or a project admin)',
        params: AttachmentParams,
        response: { 204: Type.Null() },
      },
    },
    async (request, reply) => {
      const { id, attachment_id: attachmentId } = request.params;
      await removeAttachment(deps, requireAuth(request).sub, id, attachmentId);
      return reply.status(204).send(null);
    },
  );
};
