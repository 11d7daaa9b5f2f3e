import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyRequest } from 'fastify';
import { z, uuid } from '../../../shared/zod';
import {
  forwardResultSchema,
  registrationAggregateSchema,
  registrationCreateInput,
  registrationDetailSchema,
  registrationForwardInput,
  registrationItemInput,
  registrationListQuery,
  registrationReturnInput,
  registrationSummarySchema,
  registrationUpdateInput,
} from '../../../shared/movements/registration.schema';
import { accessFor } from '../../../shared/permissions';
import { anyOf } from '../../platform/http';
import { uploadedFile } from '../../platform/upload';
import { fail, raise, unwrap } from '../../platform/errors';
import { attachment } from '../../platform/attachment';
import { authOf } from '../auth/auth.guard';
import type { RegistrationService, RegViewer } from './registration.service';

const idParams = z.strictObject({ id: uuid });
const versionBody = z.strictObject({ version: z.number().int().positive() });
const importQuery = z.object({ version: z.coerce.number().int().positive() });
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export function registrationRoutes(service: RegistrationService): FastifyPluginAsyncZod {
  return async (app) => {
    const read = anyOf('read:registration:any', 'read:registration:own');
    const write = anyOf('write:registration:own');
    const decide = anyOf('decide:registration:any');
    const viewer = (request: FastifyRequest, action: 'read' | 'write' | 'decide'): RegViewer => {
      const { role, actor } = authOf(request);
      return { actor, scope: accessFor(role, action, 'registration') ?? raise('AUTH.FORBIDDEN') };
    };

    app.get(
      '/',
      {
        config: { access: read },
        schema: {
          tags: ['registration'],
          summary: 'Danh sách đăng ký thi đua của năm (tổng hợp của Sở, hoặc của đơn vị)',
          querystring: registrationListQuery,
          response: { 200: z.array(registrationSummarySchema) },
        },
      },
      async (request) => service.list(viewer(request, 'read'), request.query),
    );

    app.get(
      '/aggregate',
      {
        config: { access: read },
        schema: {
          tags: ['registration'],
          summary: 'Tổng hợp đăng ký theo danh hiệu và trạng thái',
          querystring: z.object({ year: z.coerce.number().int().min(2000).max(2100) }),
          response: { 200: registrationAggregateSchema },
        },
      },
      async (request) => service.aggregate(viewer(request, 'read'), request.query.year),
    );

    app.get(
      '/template',
      {
        config: { access: read },
        schema: { tags: ['registration'], summary: 'Tệp Excel mẫu để nhập danh sách đăng ký' },
      },
      async (_request, reply) => {
        const { registrationTemplate } = await import('./registration.excel');
        return attachment(reply, 'mau-dang-ky-thi-dua.xlsx', XLSX, await registrationTemplate());
      },
    );

    app.get(
      '/:id',
      {
        config: { access: read },
        schema: {
          tags: ['registration'],
          summary: 'Chi tiết bản đăng ký',
          params: idParams,
          response: { 200: registrationDetailSchema },
        },
      },
      async (request) => unwrap(await service.detail(viewer(request, 'read'), request.params.id)),
    );

    app.post(
      '/',
      {
        config: { access: write },
        schema: {
          tags: ['registration'],
          summary: 'Tạo bản đăng ký thi đua của đơn vị',
          body: registrationCreateInput,
          response: { 201: registrationDetailSchema },
        },
      },
      async (request, reply) =>
        reply.status(201).send(unwrap(await service.create(viewer(request, 'write'), request.body))),
    );

    app.put(
      '/:id',
      {
        config: { access: write },
        schema: {
          tags: ['registration'],
          summary: 'Sửa bản đăng ký (khi đang soạn hoặc bị trả lại)',
          params: idParams,
          body: registrationUpdateInput,
          response: { 200: registrationDetailSchema },
        },
      },
      async (request) =>
        unwrap(await service.update(viewer(request, 'write'), request.params.id, request.body)),
    );

    app.post(
      '/:id/items/import',
      {
        config: { access: write },
        schema: {
          tags: ['registration'],
          summary: 'Nhập danh sách đăng ký từ Excel (thay thế danh sách hiện có)',
          description: 'multipart/form-data, một tệp .xlsx theo mẫu (trường "file").',
          params: idParams,
          querystring: importQuery,
          response: { 200: registrationDetailSchema },
        },
      },
      async (request) => {
        const v = viewer(request, 'write');
        const file = await uploadedFile(request);
        const { bytes } = file;
        const { readRegistrationSheet } = await import('./registration.excel');
        const read = await readRegistrationSheet(bytes);
        if (read.errors.file) return unwrap(fail('REGISTRATION.ITEM_INVALID', read.errors));
        const codes = [...new Set(read.items.flatMap((i) => (i.personCode ? [i.personCode] : [])))];
        const people = new Map((await service.peopleByCode(codes)).map((p) => [p.code, p.id]));
        // Every bad row is named at once: the reader's, then unknown people and titles not meant for them.
        const errors: Record<string, string> = { ...read.errors };
        const items = read.items.map((i) => {
          const personId = i.personCode ? (people.get(i.personCode) ?? null) : null;
          if (i.personCode && !personId)
            errors[`row ${i.row}`] = `Dòng ${i.row}: không có cán bộ mã "${i.personCode}"`;
          const parsed = registrationItemInput.safeParse({
            recipientKind: i.recipientKind,
            personId,
            awardCode: i.awardCode,
            note: i.note,
          });
          if (!parsed.success && !errors[`row ${i.row}`])
            errors[`row ${i.row}`] = `Dòng ${i.row}: ${parsed.error.issues[0]?.message ?? 'không hợp lệ'}`;
          return { recipientKind: i.recipientKind, personId, awardCode: i.awardCode, note: i.note };
        });
        if (Object.keys(errors).length) return unwrap(fail('REGISTRATION.ITEM_INVALID', errors));
        const current = unwrap(await service.detail(v, request.params.id));
        return unwrap(
          await service.update(
            v,
            request.params.id,
            { note: current.note, items, version: request.query.version },
            'registration.import',
          ),
        );
      },
    );

    app.post(
      '/:id/submit',
      {
        config: { access: write },
        schema: {
          tags: ['registration'],
          summary: 'Gửi bản đăng ký lên Sở',
          params: idParams,
          body: versionBody,
          response: { 200: registrationDetailSchema },
        },
      },
      async (request) =>
        unwrap(await service.submit(viewer(request, 'write'), request.params.id, request.body.version)),
    );

    app.post(
      '/:id/approve',
      {
        config: { access: decide },
        schema: {
          tags: ['registration'],
          summary: 'Duyệt bản đăng ký',
          params: idParams,
          body: versionBody,
          response: { 200: registrationDetailSchema },
        },
      },
      async (request) =>
        unwrap(await service.approve(viewer(request, 'decide'), request.params.id, request.body.version)),
    );

    app.post(
      '/:id/return',
      {
        config: { access: decide },
        schema: {
          tags: ['registration'],
          summary: 'Trả lại bản đăng ký, nêu lý do',
          params: idParams,
          body: registrationReturnInput,
          response: { 200: registrationDetailSchema },
        },
      },
      async (request) =>
        unwrap(
          await service.returnWithReason(
            viewer(request, 'decide'),
            request.params.id,
            request.body.reason,
            request.body.version,
          ),
        ),
    );

    app.post(
      '/forward',
      {
        config: { access: decide },
        schema: {
          tags: ['registration'],
          summary: 'Tổng hợp các bản đăng ký đã duyệt và gửi cấp trên',
          body: registrationForwardInput,
          response: { 200: forwardResultSchema },
        },
      },
      async (request) => unwrap(await service.forward(viewer(request, 'decide'), request.body.year)),
    );
  };
}
