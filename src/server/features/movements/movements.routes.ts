import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyRequest } from 'fastify';
import { z, uuid } from '../../../shared/zod';
import {
  movementAggregateSchema,
  movementDetailSchema,
  movementInput,
  movementListQuery,
  movementSummarySchema,
  movementUpdateInput,
  notificationSchema,
  resultInput,
  unitResultSchema,
  versionInput,
} from '../../../shared/movements/movements.schema';
import { accessFor } from '../../../shared/permissions';
import { anyOf, authenticated } from '../../platform/http';
import { raise, unwrap } from '../../platform/errors';
import { attachment } from '../../platform/attachment';
import { authOf } from '../auth/auth.guard';
import type { MovementsService, Reporter, Viewer } from './movements.service';

const idParams = z.strictObject({ id: uuid });
const resultParams = z.strictObject({ id: uuid, unitId: uuid });

export function movementsRoutes(service: MovementsService): FastifyPluginAsyncZod {
  return async (app) => {
    const read = anyOf('read:movement:any', 'read:movement:own');
    const write = anyOf('write:movement:any');
    const report = anyOf('write:movement:any', 'report:movement:own');
    const viewer = (request: FastifyRequest): Viewer => {
      const { role, actor } = authOf(request);
      return { actor, scope: accessFor(role, 'read', 'movement') ?? raise('AUTH.FORBIDDEN') };
    };
    const reporter = (request: FastifyRequest): Reporter => {
      const { role, actor } = authOf(request);
      // The department enters results for any target unit; a unit only for itself.
      const scope =
        accessFor(role, 'write', 'movement') ?? (accessFor(role, 'report', 'movement') ? 'own' : null);
      return { actor, scope: scope ?? raise('AUTH.FORBIDDEN') };
    };

    app.get(
      '/',
      {
        config: { access: read },
        schema: {
          tags: ['movements'],
          summary: 'Danh sách phong trào thi đua',
          querystring: movementListQuery,
          response: { 200: z.array(movementSummarySchema) },
        },
      },
      async (request) => service.list(viewer(request), request.query),
    );

    app.get(
      '/notifications',
      {
        config: { access: authenticated },
        schema: {
          tags: ['movements'],
          summary: 'Thông báo gửi đơn vị của tôi (phát động phong trào, trả lại đăng ký…)',
          response: { 200: z.array(notificationSchema) },
        },
      },
      async (request) => service.notifications(authOf(request).actor),
    );

    app.get(
      '/:id',
      {
        config: { access: read },
        schema: {
          tags: ['movements'],
          summary: 'Chi tiết phong trào: chỉ tiêu, đơn vị thực hiện, kết quả',
          params: idParams,
          response: { 200: movementDetailSchema },
        },
      },
      async (request) => unwrap(await service.detail(viewer(request), request.params.id)),
    );

    app.get(
      '/:id/aggregate',
      {
        config: { access: read },
        schema: {
          tags: ['movements'],
          summary: 'Tổng hợp kết quả theo khối và toàn ngành',
          params: idParams,
          response: { 200: movementAggregateSchema },
        },
      },
      async (request) => unwrap(await service.aggregate(viewer(request), request.params.id)),
    );

    app.get(
      '/:id/results/export',
      {
        config: { access: read },
        schema: { tags: ['movements'], summary: 'Xuất kết quả phong trào ra Excel', params: idParams },
      },
      async (request, reply) => {
        const v = viewer(request);
        const detail = unwrap(await service.detail(v, request.params.id));
        const aggregate = unwrap(await service.aggregate(v, request.params.id));
        // exceljs loads on first use, not at server start.
        const { resultsWorkbook } = await import('./movements.export');
        return attachment(
          reply,
          `ket-qua-phong-trao-${detail.year}.xlsx`,
          'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
          await resultsWorkbook(detail, aggregate),
        );
      },
    );

    app.post(
      '/',
      {
        config: { access: write },
        schema: {
          tags: ['movements'],
          summary: 'Tạo phong trào (dự thảo)',
          body: movementInput,
          response: { 201: movementDetailSchema },
        },
      },
      async (request, reply) =>
        reply.status(201).send(unwrap(await service.create(authOf(request).actor, request.body))),
    );

    app.put(
      '/:id',
      {
        config: { access: write },
        schema: {
          tags: ['movements'],
          summary: 'Sửa phong trào (sau khi phát động chỉ sửa được nội dung, thời gian)',
          params: idParams,
          body: movementUpdateInput,
          response: { 200: movementDetailSchema },
        },
      },
      async (request) =>
        unwrap(
          await service.update(
            authOf(request).actor,
            request.params.id,
            request.body.movement,
            request.body.version,
          ),
        ),
    );

    app.post(
      '/:id/launch',
      {
        config: { access: write },
        schema: {
          tags: ['movements'],
          summary: 'Phát động: chốt đơn vị thực hiện và gửi thông báo',
          params: idParams,
          body: versionInput,
          response: { 200: movementDetailSchema },
        },
      },
      async (request) =>
        unwrap(await service.launch(authOf(request).actor, request.params.id, request.body.version)),
    );

    app.post(
      '/:id/close',
      {
        config: { access: write },
        schema: {
          tags: ['movements'],
          summary: 'Kết thúc phong trào (khóa báo cáo kết quả)',
          params: idParams,
          body: versionInput,
          response: { 200: movementDetailSchema },
        },
      },
      async (request) =>
        unwrap(await service.close(authOf(request).actor, request.params.id, request.body.version)),
    );

    app.put(
      '/:id/results/:unitId',
      {
        config: { access: report },
        schema: {
          tags: ['movements'],
          summary: 'Đơn vị báo cáo kết quả thực hiện phong trào',
          params: resultParams,
          body: resultInput,
          response: { 200: unitResultSchema },
        },
      },
      async (request) =>
        unwrap(
          await service.report(reporter(request), request.params.id, request.params.unitId, request.body),
        ),
    );
  };
}
