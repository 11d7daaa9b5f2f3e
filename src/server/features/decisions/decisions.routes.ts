import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z, uuid } from '../../../shared/zod';
import {
  decisionCreateInput,
  decisionDetailSchema,
  decisionListQuery,
  decisionSummarySchema,
  decisionUpdateInput,
  previewQuery,
  versionInput,
} from '../../../shared/decisions/decisions.schema';
import { anyOf } from '../../platform/http';
import { unwrap } from '../../platform/errors';
import { attachment } from '../../platform/attachment';
import { todayInVietnam } from '../../platform/dates';
import type { Clock } from '../../platform/clock';
import { authOf } from '../auth/auth.guard';
import type { DecisionsService } from './decisions.service';

const idParams = z.strictObject({ id: uuid });
const approvedDossier = z.object({
  id: uuid,
  code: z.string(),
  title: z.string(),
  year: z.number(),
  proposingUnitName: z.string(),
  authorityUnitId: uuid,
  passed: z.number(),
});

export function decisionsRoutes(service: DecisionsService, clock: Clock): FastifyPluginAsyncZod {
  return async (app) => {
    const read = anyOf('read:decision:any');
    const write = anyOf('write:decision:any');
    const issue = anyOf('issue:decision:any');

    app.get(
      '/',
      {
        config: { access: read },
        schema: {
          tags: ['decisions'],
          summary: 'Danh sách quyết định (lọc theo năm thành tích, trạng thái, cơ quan ban hành)',
          querystring: decisionListQuery,
          response: { 200: z.array(decisionSummarySchema) },
        },
      },
      async (request) => service.list(request.query),
    );

    app.get(
      '/approved-dossiers',
      {
        config: { access: write },
        schema: {
          tags: ['decisions'],
          summary: 'Hồ sơ đã được Hội đồng thông qua, còn người chưa có quyết định',
          response: { 200: z.array(approvedDossier) },
        },
      },
      async () => service.approvedDossiers(),
    );

    app.get(
      '/:id',
      {
        config: { access: read },
        schema: {
          tags: ['decisions'],
          summary: 'Chi tiết quyết định; với dự thảo, tiền thưởng tính theo ngày ký (hoặc ngày xem thử)',
          params: idParams,
          querystring: previewQuery,
          response: { 200: decisionDetailSchema },
        },
      },
      async (request) => unwrap(await service.detail(request.params.id, request.query.decidedOn)),
    );

    app.get(
      '/:id/word',
      {
        config: { access: read },
        schema: {
          tags: ['decisions'],
          summary: 'Quyết định (Word, thể thức Nghị định 30/2020)',
          params: idParams,
        },
      },
      async (request, reply) => {
        const d = unwrap(await service.detail(request.params.id));
        const { decisionWord, decisionFileName } = await import('./decision-files');
        return attachment(
          reply,
          decisionFileName(d, 'docx'),
          'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
          await decisionWord(d, todayInVietnam(clock)),
        );
      },
    );

    app.get(
      '/:id/excel',
      {
        config: { access: read },
        schema: { tags: ['decisions'], summary: 'Danh sách kèm theo quyết định (Excel)', params: idParams },
      },
      async (request, reply) => {
        const d = unwrap(await service.detail(request.params.id));
        const { decisionWorkbook, decisionFileName } = await import('./decision-files');
        return attachment(
          reply,
          decisionFileName(d, 'xlsx'),
          'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
          await decisionWorkbook(d),
        );
      },
    );

    app.post(
      '/',
      {
        config: { access: write },
        schema: {
          tags: ['decisions'],
          summary: 'Dự thảo quyết định từ hồ sơ đã thông qua, hoặc quyết định đính chính/thu hồi',
          body: decisionCreateInput,
          response: { 201: decisionDetailSchema },
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
          tags: ['decisions'],
          summary: 'Sửa dự thảo (ngày ký, người ký, trích yếu, căn cứ, thứ tự danh sách)',
          params: idParams,
          body: decisionUpdateInput,
          response: { 200: decisionDetailSchema },
        },
      },
      async (request) => unwrap(await service.update(authOf(request).actor, request.params.id, request.body)),
    );

    app.delete(
      '/:id',
      {
        config: { access: write },
        schema: {
          tags: ['decisions'],
          summary: 'Xóa dự thảo (quyết định đã ban hành không xóa được)',
          params: idParams,
          querystring: z.object({ version: z.coerce.number().int().min(1).optional() }),
          response: { 200: z.object({ id: uuid }) },
        },
      },
      async (request) =>
        unwrap(await service.remove(authOf(request).actor, request.params.id, request.query.version)),
    );

    app.post(
      '/:id/issue',
      {
        config: { access: issue },
        schema: {
          tags: ['decisions'],
          summary: 'Ban hành: cấp số, chốt tiền thưởng, ghi lịch sử khen thưởng',
          params: idParams,
          body: versionInput,
          response: { 200: decisionDetailSchema },
        },
      },
      async (request) =>
        unwrap(await service.issue(authOf(request).actor, request.params.id, request.body.version)),
    );
  };
}
