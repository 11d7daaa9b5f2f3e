import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z, uuid } from '../../../shared/zod';
import {
  candidateSchema,
  commentSchema,
  disclosureSchema,
  handleCommentSchema,
  publicCommentSchema,
  publicDisclosureSchema,
  publishSchema,
} from '../../../shared/disclosure/disclosure.schema';
import { anyOf } from '../../platform/http';
import { unwrap } from '../../platform/errors';
import { authOf } from '../auth/auth.guard';
import type { DisclosureService } from './disclosure.service';

const tags = ['disclosure'];

/** The officer's side: publish a list, read and handle comments. Mounted at /api/disclosures. */
export function disclosureRoutes(service: DisclosureService): FastifyPluginAsyncZod {
  return async (app) => {
    const read = anyOf('review:dossier:any', 'read:dossier:any');
    const review = anyOf('review:dossier:any');

    app.get(
      '/',
      {
        config: { access: read },
        schema: {
          tags,
          summary: 'Các danh sách đã công khai (đang hoặc đã hết thời hạn lấy ý kiến)',
          querystring: z.object({ status: z.enum(['open', 'closed', 'all']).default('all') }),
          response: { 200: z.array(disclosureSchema) },
        },
      },
      async (request) => service.list(request.query.status),
    );

    app.get(
      '/candidates',
      {
        config: { access: review },
        schema: {
          tags,
          summary: 'Hồ sơ đang thẩm định có thể công khai, với thời hạn tối thiểu',
          response: { 200: z.array(candidateSchema) },
        },
      },
      async () => service.candidates(),
    );

    app.post(
      '/',
      {
        config: { access: review },
        schema: {
          tags,
          summary: 'Công khai danh sách của một hồ sơ trong số ngày làm việc đã chọn',
          body: publishSchema,
          response: { 201: disclosureSchema },
        },
      },
      async (request, reply) => {
        const { actor } = authOf(request);
        return reply.status(201).send(unwrap(await service.publish(actor, request.body)));
      },
    );

    app.get(
      '/dossiers/:dossierId/comments',
      {
        config: { access: read },
        schema: {
          tags,
          summary: 'Ý kiến của nhân dân về danh sách công khai của hồ sơ',
          params: z.strictObject({ dossierId: uuid }),
          response: { 200: z.array(commentSchema) },
        },
      },
      async (request) => service.comments(request.params.dossierId),
    );

    app.post(
      '/comments/:commentId/handle',
      {
        config: { access: review },
        schema: {
          tags,
          summary: 'Đánh dấu ý kiến đã xử lý, kèm nội dung xử lý',
          params: z.strictObject({ commentId: uuid }),
          body: handleCommentSchema,
          response: { 200: z.object({ id: z.string() }) },
        },
      },
      async (request) => {
        const { actor } = authOf(request);
        return unwrap(await service.handleComment(actor, request.params.commentId, request.body.note));
      },
    );
  };
}

/** The public's side, without an account. Mounted at /api/public/disclosures. */
export function publicDisclosureRoutes(service: DisclosureService): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/',
      {
        config: { access: 'public' },
        schema: {
          tags,
          summary: 'Danh sách đang công khai lấy ý kiến (không cần đăng nhập)',
          response: { 200: z.array(disclosureSchema.omit({ comments: true, unhandled: true })) },
        },
      },
      async () => service.publicList(),
    );

    app.get(
      '/:id',
      {
        config: { access: 'public' },
        schema: {
          tags,
          summary: 'Danh sách người, tập thể được đề nghị khen thưởng của một đợt công khai',
          params: z.strictObject({ id: uuid }),
          response: { 200: publicDisclosureSchema.extend({ formToken: z.string() }) },
        },
      },
      async (request) => unwrap(await service.publicView(request.params.id)),
    );

    app.post(
      '/:id/comments',
      {
        config: { access: 'public' },
        schema: {
          tags,
          summary: 'Gửi ý kiến (giới hạn số lần gửi; cần mã biểu mẫu từ trang công khai)',
          params: z.strictObject({ id: uuid }),
          body: publicCommentSchema,
          response: { 201: z.object({ id: z.string() }) },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(unwrap(await service.submitComment(request.params.id, request.body, request.ip, request.id))),
    );
  };
}
