/** The officers' side of the portal: news items, categories and web links. Mounted at /api/news. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z, uuid } from '../../../shared/zod';
import { paginated } from '../../../shared/paginated';
import {
  newsCategoryInput,
  newsCategorySchema,
  newsItemInput,
  newsItemListQuery,
  newsItemSchema,
  newsItemUpdate,
  webLinkInput,
  webLinkSchema,
} from '../../../shared/portal/news.schema';
import { anyOf } from '../../platform/http';
import { unwrap } from '../../platform/errors';
import { authOf } from '../auth/auth.guard';
import type { NewsService } from './news.service';

const tags = ['news'];
const idParams = z.strictObject({ id: uuid });
const removed = z.object({ id: uuid });

export function newsRoutes(service: NewsService): FastifyPluginAsyncZod {
  return async (app) => {
    const access = anyOf('write:news:any');

    app.get(
      '/categories',
      {
        config: { access },
        schema: { tags, summary: 'Chuyên mục tin', response: { 200: z.array(newsCategorySchema) } },
      },
      async () => service.categories(),
    );

    app.post(
      '/categories',
      {
        config: { access },
        schema: {
          tags,
          summary: 'Thêm chuyên mục tin (đường dẫn tạo từ tên nếu để trống)',
          body: newsCategoryInput,
          response: { 201: newsCategorySchema },
        },
      },
      async (request, reply) =>
        reply.status(201).send(unwrap(await service.createCategory(authOf(request).actor, request.body))),
    );

    app.put(
      '/categories/:id',
      {
        config: { access },
        schema: {
          tags,
          summary: 'Sửa chuyên mục tin',
          params: idParams,
          body: newsCategoryInput,
          response: { 200: newsCategorySchema },
        },
      },
      async (request) =>
        unwrap(await service.updateCategory(authOf(request).actor, request.params.id, request.body)),
    );

    app.get(
      '/items',
      {
        config: { access },
        schema: {
          tags,
          summary: 'Danh sách tin (lọc theo trạng thái, chuyên mục, tiêu đề không dấu)',
          querystring: newsItemListQuery,
          response: { 200: paginated(newsItemSchema) },
        },
      },
      async (request) => service.items(request.query),
    );

    app.get(
      '/items/:id',
      {
        config: { access },
        schema: { tags, summary: 'Chi tiết tin', params: idParams, response: { 200: newsItemSchema } },
      },
      async (request) => unwrap(await service.item(request.params.id)),
    );

    app.post(
      '/items',
      {
        config: { access },
        schema: {
          tags,
          summary:
            'Viết tin: nội dung được lọc HTML theo danh sách cho phép khi lưu; thời điểm đăng tương lai là hẹn giờ',
          body: newsItemInput,
          response: { 201: newsItemSchema },
        },
      },
      async (request, reply) =>
        reply.status(201).send(unwrap(await service.createItem(authOf(request).actor, request.body))),
    );

    app.put(
      '/items/:id',
      {
        config: { access },
        schema: {
          tags,
          summary: 'Sửa tin, đăng hoặc gỡ xuống (kèm phiên bản đã đọc)',
          params: idParams,
          body: newsItemUpdate,
          response: { 200: newsItemSchema },
        },
      },
      async (request) =>
        unwrap(await service.updateItem(authOf(request).actor, request.params.id, request.body)),
    );

    app.delete(
      '/items/:id',
      {
        config: { access },
        schema: {
          tags,
          summary: 'Xóa tin',
          params: idParams,
          querystring: z.object({ version: z.coerce.number().int().min(1).optional() }),
          response: { 200: removed },
        },
      },
      async (request) =>
        unwrap(await service.removeItem(authOf(request).actor, request.params.id, request.query.version)),
    );

    app.get(
      '/links',
      {
        config: { access },
        schema: { tags, summary: 'Liên kết website', response: { 200: z.array(webLinkSchema) } },
      },
      async () => service.links(),
    );

    app.post(
      '/links',
      {
        config: { access },
        schema: {
          tags,
          summary: 'Thêm liên kết website (http/https)',
          body: webLinkInput,
          response: { 201: webLinkSchema },
        },
      },
      async (request, reply) =>
        reply.status(201).send(unwrap(await service.createLink(authOf(request).actor, request.body))),
    );

    app.put(
      '/links/:id',
      {
        config: { access },
        schema: {
          tags,
          summary: 'Sửa liên kết website',
          params: idParams,
          body: webLinkInput,
          response: { 200: webLinkSchema },
        },
      },
      async (request) =>
        unwrap(await service.updateLink(authOf(request).actor, request.params.id, request.body)),
    );

    app.delete(
      '/links/:id',
      {
        config: { access },
        schema: { tags, summary: 'Xóa liên kết website', params: idParams, response: { 200: removed } },
      },
      async (request) => unwrap(await service.removeLink(authOf(request).actor, request.params.id)),
    );
  };
}
