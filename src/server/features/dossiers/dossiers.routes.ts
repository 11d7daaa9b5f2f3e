import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyRequest } from 'fastify';
import { z, uuid } from '../../../shared/zod';
import {
  actionInput,
  attachmentKindQuery,
  attachmentSchema,
  dossierCreateInput,
  dossierDetailSchema,
  dossierEventSchema,
  dossierListQuery,
  dossierSummarySchema,
  dossierUpdateInput,
  fromSuggestionsInput,
  importPreviewSchema,
  nomineeInput,
  nomineeSchema,
  nomineeUpdateInput,
  reasonInput,
  type NomineeParsed,
} from '../../../shared/dossiers/dossiers.schema';
import { holidayInput, holidayListQuery, holidaySchema } from '../../../shared/dossiers/holidays.schema';
import { notificationListQuery, notificationListSchema } from '../../../shared/dossiers/notifications.schema';
import { accessFor, can } from '../../../shared/permissions';
import { isoDate } from '../../../shared/zod';
import { anyOf, authenticated } from '../../platform/http';
import { uploadedFile } from '../../platform/upload';
import { fail, raise, unwrap } from '../../platform/errors';
import { attachment } from '../../platform/attachment';
import { authOf } from '../auth/auth.guard';
import type {
  DossierViewer,
  DossiersService,
  HolidaysService,
  NotificationsService,
} from './dossiers.service';

const idParams = z.strictObject({ id: uuid });
const nomineeParams = z.strictObject({ id: uuid, nomineeId: uuid });
const attachmentParams = z.strictObject({ id: uuid, attachmentId: uuid });
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const TAGS = ['dossiers'];

export function dossiersRoutes(service: DossiersService): FastifyPluginAsyncZod {
  return async (app) => {
    const read = anyOf('read:dossier:any', 'read:dossier:own');
    const write = anyOf('write:dossier:own');
    const review = anyOf('review:dossier:any');
    const writeOrReview = anyOf('write:dossier:own', 'review:dossier:any');
    const reader = (request: FastifyRequest): DossierViewer => {
      const { role, actor } = authOf(request);
      return { actor, scope: accessFor(role, 'read', 'dossier') ?? raise('AUTH.FORBIDDEN') };
    };
    // The proposing unit writes within its own unit subtree only.
    const writer = (request: FastifyRequest): DossierViewer => {
      const { role, actor } = authOf(request);
      if (!can(role, 'write:dossier:own')) raise('AUTH.FORBIDDEN');
      return { actor, scope: 'own' };
    };
    const reviewer = (request: FastifyRequest): DossierViewer => {
      const { role, actor } = authOf(request);
      if (!can(role, 'review:dossier:any')) raise('AUTH.FORBIDDEN');
      return { actor, scope: 'any' };
    };
    const asRole = (request: FastifyRequest) =>
      can(authOf(request).role, 'review:dossier:any') ? 'department' : 'unit';

    app.get(
      '/',
      {
        config: { access: read },
        schema: {
          tags: TAGS,
          summary: 'Danh sách hồ sơ đề nghị khen thưởng (lọc theo năm, trạng thái, đơn vị, quá hạn)',
          querystring: dossierListQuery,
          response: { 200: z.array(dossierSummarySchema) },
        },
      },
      async (request) => service.list(reader(request), request.query),
    );

    app.get(
      '/template',
      { config: { access: write }, schema: { tags: TAGS, summary: 'Tệp Excel mẫu danh sách đề nghị' } },
      async (_request, reply) => {
        const { nomineeTemplate } = await import('./dossiers.excel');
        return attachment(reply, 'mau-danh-sach-de-nghi.xlsx', XLSX, await nomineeTemplate());
      },
    );

    app.get(
      '/:id',
      {
        config: { access: read },
        schema: {
          tags: TAGS,
          summary: 'Chi tiết hồ sơ: người được đề nghị, kết quả kiểm tra, tài liệu, thời hạn',
          params: idParams,
          response: { 200: dossierDetailSchema },
        },
      },
      async (request) => unwrap(await service.detail(reader(request), request.params.id)),
    );

    app.get(
      '/:id/timeline',
      {
        config: { access: read },
        schema: {
          tags: TAGS,
          summary: 'Quá trình xử lý hồ sơ',
          params: idParams,
          response: { 200: z.array(dossierEventSchema) },
        },
      },
      async (request) => unwrap(await service.timeline(reader(request), request.params.id)),
    );

    app.post(
      '/',
      {
        config: { access: write },
        schema: {
          tags: TAGS,
          summary: 'Lập hồ sơ đề nghị khen thưởng',
          body: dossierCreateInput,
          response: { 201: dossierDetailSchema },
        },
      },
      async (request, reply) =>
        reply.status(201).send(unwrap(await service.create(writer(request), request.body))),
    );

    app.put(
      '/:id',
      {
        config: { access: write },
        schema: {
          tags: TAGS,
          summary: 'Sửa thông tin chung của hồ sơ (khi đang soạn hoặc bị trả lại)',
          params: idParams,
          body: dossierUpdateInput,
          response: { 200: dossierDetailSchema },
        },
      },
      async (request) => unwrap(await service.update(writer(request), request.params.id, request.body)),
    );

    app.post(
      '/:id/nominees',
      {
        config: { access: write },
        schema: {
          tags: TAGS,
          summary: 'Thêm người, tập thể hoặc hộ gia đình được đề nghị',
          params: idParams,
          body: nomineeInput,
          response: { 201: nomineeSchema },
        },
      },
      async (request, reply) => {
        const [n] = unwrap(await service.addNominees(writer(request), request.params.id, [request.body]));
        return reply.status(201).send(n!);
      },
    );

    app.post(
      '/:id/nominees/from-suggestions',
      {
        config: { access: write },
        schema: {
          tags: TAGS,
          summary: 'Thêm từ gợi ý khen thưởng (máy chủ tự đánh giá lại từng người, tập thể)',
          params: idParams,
          body: fromSuggestionsInput,
          response: { 201: z.array(nomineeSchema) },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(unwrap(await service.addFromSuggestions(writer(request), request.params.id, request.body))),
    );

    app.post(
      '/:id/nominees/import',
      {
        config: { access: write },
        schema: {
          tags: TAGS,
          summary: 'Nhập danh sách đề nghị từ Excel: xem trước (commit=false) rồi ghi (commit=true)',
          description: 'multipart/form-data, một tệp .xlsx theo mẫu (trường "file").',
          params: idParams,
          querystring: z.object({ commit: z.enum(['true', 'false']).default('false') }),
          response: { 200: importPreviewSchema },
        },
      },
      async (request) => {
        const v = writer(request);
        const file = await uploadedFile(request);
        const { bytes } = file;
        const { readNomineeSheet } = await import('./dossiers.excel');
        const sheet = await readNomineeSheet(bytes);
        const errors: Record<string, string> = { ...sheet.errors };
        const people = new Map(
          (
            await service.peopleByCodes(
              sheet.rows.filter((r) => r.recipientKind === 'individual').map((r) => r.code),
            )
          ).map((p) => [p.code, p]),
        );
        const units = new Map(
          (
            await service.unitsByCodes(
              sheet.rows.filter((r) => r.recipientKind === 'collective').map((r) => r.code),
            )
          ).map((u) => [u.code, u]),
        );
        const parsed: NomineeParsed[] = [];
        const preview = sheet.rows.flatMap((r) => {
          const p = r.recipientKind === 'individual' ? people.get(r.code) : undefined;
          const u = r.recipientKind === 'collective' ? units.get(r.code) : undefined;
          if (r.recipientKind === 'individual' && !p) {
            errors[`row ${r.row}`] = `Dòng ${r.row}: không tìm thấy cán bộ có mã "${r.code}"`;
            return [];
          }
          if (r.recipientKind === 'collective' && !u) {
            errors[`row ${r.row}`] = `Dòng ${r.row}: không tìm thấy đơn vị có mã "${r.code}"`;
            return [];
          }
          parsed.push({
            recipientKind: r.recipientKind,
            personId: p?.id ?? null,
            unitId: u?.id ?? null,
            householdName: r.recipientKind === 'household' ? r.name : null,
            householdAddress: r.recipientKind === 'household' ? r.address || null : null,
            awardCode: r.awardCode,
            achievementSummary: r.achievementSummary,
            initiativeId: null,
          });
          return [
            {
              row: r.row,
              code: r.code,
              name: p?.fullName ?? u?.name ?? r.name,
              recipientKind: r.recipientKind,
              awardCode: r.awardCode,
              achievementSummary: r.achievementSummary,
            },
          ];
        });
        if (request.query.commit === 'true') {
          if (Object.keys(errors).length) return unwrap(fail('DOSSIER.NOMINEE_INVALID', errors));
          if (!parsed.length)
            return unwrap(fail('DOSSIER.NOMINEE_INVALID', { file: 'Tệp không có dòng nào' }));
          const added = await service.addNominees(v, request.params.id, parsed);
          if (!added.ok) {
            // Name the sheet's rows, not the positions in the list.
            const fields = Object.fromEntries(
              Object.entries(added.error.fields ?? {}).map(([k, m]) => {
                const i = Number(k.split('.')[0]);
                const row = preview[i]?.row;
                return row ? [`row ${row}`, `Dòng ${row}: ${m}`] : [k, m];
              }),
            );
            return unwrap(fail(added.error.code, fields));
          }
        }
        return { rows: preview, errors };
      },
    );

    app.put(
      '/:id/nominees/:nomineeId',
      {
        config: { access: write },
        schema: {
          tags: TAGS,
          summary: 'Sửa danh hiệu, tóm tắt thành tích hoặc sáng kiến của người được đề nghị',
          params: nomineeParams,
          body: nomineeUpdateInput,
          response: { 200: nomineeSchema },
        },
      },
      async (request) =>
        unwrap(
          await service.updateNominee(
            writer(request),
            request.params.id,
            request.params.nomineeId,
            request.body,
          ),
        ),
    );

    app.delete(
      '/:id/nominees/:nomineeId',
      {
        config: { access: write },
        schema: {
          tags: TAGS,
          summary: 'Bỏ một người khỏi danh sách đề nghị (khi đang soạn)',
          params: nomineeParams,
        },
      },
      async (request, reply) => {
        unwrap(await service.removeNominee(writer(request), request.params.id, request.params.nomineeId));
        return reply.status(204).send();
      },
    );

    for (const how of ['accept', 'exclude'] as const)
      app.post(
        `/:id/nominees/:nomineeId/${how}`,
        {
          config: { access: review },
          schema: {
            tags: TAGS,
            summary:
              how === 'accept'
                ? 'Chấp nhận người cần xem xét (bắt buộc nêu lý do)'
                : 'Loại người được đề nghị khỏi hồ sơ (bắt buộc nêu lý do)',
            params: nomineeParams,
            body: reasonInput,
            response: { 200: nomineeSchema },
          },
        },
        async (request) =>
          unwrap(
            await service.resolveNominee(
              reviewer(request),
              request.params.id,
              request.params.nomineeId,
              how,
              request.body.reason,
            ),
          ),
      );

    app.post(
      '/:id/checks',
      {
        config: { access: writeOrReview },
        schema: {
          tags: TAGS,
          summary: 'Kiểm tra điều kiện: kết quả xét từng người, chỉ tiêu, trùng lặp, sáng kiến, kỷ luật',
          params: idParams,
          response: { 200: dossierDetailSchema },
        },
      },
      async (request) => {
        const by = asRole(request);
        const v = by === 'department' ? reviewer(request) : writer(request);
        return unwrap(await service.check(v, request.params.id, by));
      },
    );

    app.post(
      '/:id/actions',
      {
        config: { access: writeOrReview },
        schema: {
          tags: TAGS,
          summary: 'Chuyển bước hồ sơ: gửi, tiếp nhận, thẩm định, trả lại, không chấp thuận, trình cấp trên',
          params: idParams,
          body: actionInput,
          response: { 200: dossierDetailSchema },
        },
      },
      async (request) => {
        // The state machine says who acts; the permission of that role is checked here.
        const unitAction = request.body.action === 'submit';
        const v = unitAction ? writer(request) : reviewer(request);
        return unwrap(await service.act(v, request.params.id, request.body));
      },
    );

    app.post(
      '/:id/attachments',
      {
        config: { access: write },
        schema: {
          tags: TAGS,
          summary: 'Đính kèm tài liệu (PDF, DOCX, JPG, PNG; tối đa 20 MB; kiểm tra theo nội dung tệp)',
          description: 'multipart/form-data, một tệp (trường "file"); loại tài liệu trong ?kind=.',
          params: idParams,
          querystring: attachmentKindQuery,
          response: { 201: attachmentSchema },
        },
      },
      async (request, reply) => {
        const v = writer(request);
        const file = await uploadedFile(request, 'DOSSIER.FILE_TOO_LARGE');
        const { bytes } = file;
        const a = unwrap(
          await service.upload(v, request.params.id, request.query.kind, file.filename, bytes),
        );
        return reply.status(201).send(a);
      },
    );

    app.get(
      '/:id/attachments/:attachmentId',
      {
        config: { access: read },
        schema: { tags: TAGS, summary: 'Tải tài liệu đính kèm', params: attachmentParams },
      },
      async (request, reply) => {
        const f = unwrap(
          await service.download(reader(request), request.params.id, request.params.attachmentId),
        );
        return attachment(reply, f.fileName, f.mimeType, f.bytes);
      },
    );

    app.delete(
      '/:id/attachments/:attachmentId',
      {
        config: { access: write },
        schema: { tags: TAGS, summary: 'Gỡ tài liệu đính kèm (khi đang soạn)', params: attachmentParams },
      },
      async (request, reply) => {
        unwrap(
          await service.removeAttachment(writer(request), request.params.id, request.params.attachmentId),
        );
        return reply.status(204).send();
      },
    );
  };
}

export function holidaysRoutes(service: HolidaysService): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/',
      {
        config: { access: authenticated },
        schema: {
          tags: ['holidays'],
          summary: 'Ngày nghỉ lễ và ngày làm bù (tính thời hạn theo ngày làm việc)',
          querystring: holidayListQuery,
          response: { 200: z.array(holidaySchema) },
        },
      },
      async (request) => service.list(request.query.year),
    );
    app.put(
      '/',
      {
        config: { access: anyOf('write:holiday:any') },
        schema: {
          tags: ['holidays'],
          summary: 'Thêm hoặc sửa một ngày nghỉ lễ / ngày làm bù',
          body: holidayInput,
          response: { 200: holidaySchema },
        },
      },
      async (request) => service.put(authOf(request).actor, request.body),
    );
    app.delete(
      '/:day',
      {
        config: { access: anyOf('write:holiday:any') },
        schema: {
          tags: ['holidays'],
          summary: 'Xóa một ngày nghỉ lễ',
          params: z.strictObject({ day: isoDate }),
        },
      },
      async (request, reply) => {
        unwrap(await service.remove(authOf(request).actor, request.params.day));
        return reply.status(204).send();
      },
    );
  };
}

export function notificationsRoutes(service: NotificationsService): FastifyPluginAsyncZod {
  return async (app) => {
    const access = anyOf('read:notification:own');
    // The department's officers also read what is addressed to the units above their office.
    const upward = (request: FastifyRequest) => can(authOf(request).role, 'review:dossier:any');
    app.get(
      '/',
      {
        config: { access },
        schema: {
          tags: ['notifications'],
          summary: 'Thông báo của đơn vị tôi, và số chưa đọc',
          querystring: notificationListQuery,
          response: { 200: notificationListSchema },
        },
      },
      async (request) =>
        service.list(authOf(request).actor, upward(request), request.query.unreadOnly ?? false),
    );
    app.post(
      '/read-all',
      {
        config: { access },
        schema: {
          tags: ['notifications'],
          summary: 'Đánh dấu tất cả đã đọc',
          response: { 200: z.object({ marked: z.number() }) },
        },
      },
      async (request) => unwrap(await service.markRead(authOf(request).actor, upward(request), 'all')),
    );
    app.post(
      '/:id/read',
      {
        config: { access },
        schema: {
          tags: ['notifications'],
          summary: 'Đánh dấu một thông báo đã đọc',
          params: idParams,
          response: { 200: z.object({ marked: z.number() }) },
        },
      },
      async (request) =>
        unwrap(await service.markRead(authOf(request).actor, upward(request), request.params.id)),
    );
  };
}
