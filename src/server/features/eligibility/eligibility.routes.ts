import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyRequest } from 'fastify';
import { z, uuid } from '../../../shared/zod';
import {
  baseSalaryInput,
  baseSalarySchema,
  baseSalaryUpdate,
  localPackInput,
  localPackRowSchema,
  localPackToggle,
  localPackUpdate,
  packsResponseSchema,
  prizeQuery,
  prizeResponseSchema,
  quotaQuery,
  quotaResponseSchema,
  subjectVerdictsSchema,
  suggestionQuery,
  suggestionResponseSchema,
  yearQuery,
} from '../../../shared/eligibility/eligibility.schema';
import { accessFor } from '../../../shared/permissions';
import { anyOf } from '../../platform/http';
import { raise, unwrap } from '../../platform/errors';
import { attachment } from '../../platform/attachment';
import { suggestionsWorkbook } from './eligibility.export';
import { authOf } from '../auth/auth.guard';
import type { EligibilityService, Viewer } from './eligibility.service';
import type { RulesService } from './rules.service';

const idParams = z.strictObject({ id: uuid });
const packIdParams = z.strictObject({ id: z.string().regex(/^[A-Za-z0-9_.-]{2,40}$/, 'Mã không hợp lệ') });
export function eligibilityRoutes(service: EligibilityService): FastifyPluginAsyncZod {
  return async (app) => {
    const read = anyOf('read:eligibility:any', 'read:eligibility:own');
    const viewer = (request: FastifyRequest): Viewer => {
      const { role, actor } = authOf(request);
      return { actor, scope: accessFor(role, 'read', 'eligibility') ?? raise('AUTH.FORBIDDEN') };
    };

    app.get(
      '/suggestions',
      {
        config: { access: read },
        schema: {
          tags: ['eligibility'],
          summary: 'Gợi ý khen thưởng: ai đủ điều kiện, ai cần xem xét, ai thiếu một tiêu chuẩn',
          querystring: suggestionQuery,
          response: { 200: suggestionResponseSchema },
        },
      },
      async (request) => unwrap(await service.suggestions(viewer(request), request.query)),
    );

    app.get(
      '/suggestions/export',
      {
        config: { access: read },
        schema: {
          tags: ['eligibility'],
          summary: 'Xuất gợi ý khen thưởng ra Excel (đúng như đang lọc)',
          querystring: suggestionQuery,
        },
      },
      async (request, reply) => {
        const q = request.query;
        const r = unwrap(await service.suggestionExport(viewer(request), q));
        const buf = await suggestionsWorkbook(q, r);
        return attachment(
          reply,
          `goi-y-khen-thuong-${q.year}.xlsx`,
          'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
          buf,
        );
      },
    );

    app.get(
      '/people/:id',
      {
        config: { access: read },
        schema: {
          tags: ['eligibility'],
          summary: 'Điều kiện khen thưởng của một cá nhân trong năm',
          params: idParams,
          querystring: yearQuery,
          response: { 200: subjectVerdictsSchema },
        },
      },
      async (request) => unwrap(await service.person(viewer(request), request.params.id, request.query.year)),
    );

    app.get(
      '/units/:id',
      {
        config: { access: read },
        schema: {
          tags: ['eligibility'],
          summary: 'Điều kiện khen thưởng của một tập thể trong năm',
          params: idParams,
          querystring: yearQuery,
          response: { 200: subjectVerdictsSchema },
        },
      },
      async (request) => unwrap(await service.unit(viewer(request), request.params.id, request.query.year)),
    );

    app.get(
      '/quotas',
      {
        config: { access: read },
        schema: {
          tags: ['eligibility'],
          summary: 'Chỉ tiêu (đã dùng / được phép) theo năm và đơn vị',
          querystring: quotaQuery,
          response: { 200: quotaResponseSchema },
        },
      },
      async (request) =>
        unwrap(await service.quotas(viewer(request), request.query.year, request.query.unitId)),
    );
  };
}

export function rulesRoutes(service: RulesService): FastifyPluginAsyncZod {
  return async (app) => {
    const read = anyOf('read:eligibility:any', 'read:eligibility:own');
    const writeRules = anyOf('write:rules:any');
    const writeSalary = anyOf('write:salary:any');

    app.get(
      '/packs',
      {
        config: { access: read },
        schema: {
          tags: ['rules'],
          summary: 'Các bộ quy định (theo văn bản pháp luật) và quy định địa phương',
          response: { 200: packsResponseSchema },
        },
      },
      async () => service.packs(),
    );

    app.post(
      '/local-packs',
      {
        config: { access: writeRules },
        schema: {
          tags: ['rules'],
          summary: 'Thêm quy định địa phương',
          body: localPackInput,
          response: { 201: localPackRowSchema },
        },
      },
      async (request, reply) =>
        reply.status(201).send(unwrap(await service.createLocal(authOf(request).actor, request.body))),
    );

    app.put(
      '/local-packs/:id',
      {
        config: { access: writeRules },
        schema: {
          tags: ['rules'],
          summary: 'Sửa quy định địa phương',
          params: packIdParams,
          body: localPackUpdate,
          response: { 200: localPackRowSchema },
        },
      },
      async (request) =>
        unwrap(await service.updateLocal(authOf(request).actor, request.params.id, request.body)),
    );

    app.post(
      '/local-packs/:id/enabled',
      {
        config: { access: writeRules },
        schema: {
          tags: ['rules'],
          summary: 'Bật / tắt quy định địa phương',
          params: packIdParams,
          body: localPackToggle,
          response: { 200: localPackRowSchema },
        },
      },
      async (request) =>
        unwrap(
          await service.toggleLocal(
            authOf(request).actor,
            request.params.id,
            request.body.enabled,
            request.body.version,
          ),
        ),
    );

    app.get(
      '/base-salaries',
      {
        config: { access: read },
        schema: {
          tags: ['rules'],
          summary: 'Bảng mức lương cơ sở theo thời điểm',
          response: { 200: z.array(baseSalarySchema) },
        },
      },
      async () => service.salaries(),
    );

    app.post(
      '/base-salaries',
      {
        config: { access: writeSalary },
        schema: {
          tags: ['rules'],
          summary: 'Thêm mức lương cơ sở',
          body: baseSalaryInput,
          response: { 201: baseSalarySchema },
        },
      },
      async (request, reply) =>
        reply.status(201).send(unwrap(await service.createSalary(authOf(request).actor, request.body))),
    );

    app.put(
      '/base-salaries/:id',
      {
        config: { access: writeSalary },
        schema: {
          tags: ['rules'],
          summary: 'Sửa mức lương cơ sở',
          params: idParams,
          body: baseSalaryUpdate,
          response: { 200: baseSalarySchema },
        },
      },
      async (request) =>
        unwrap(await service.updateSalary(authOf(request).actor, request.params.id, request.body)),
    );

    app.delete(
      '/base-salaries/:id',
      {
        config: { access: writeSalary },
        schema: {
          tags: ['rules'],
          summary: 'Xóa mức lương cơ sở',
          params: idParams,
          response: { 200: z.object({ id: z.string() }) },
        },
      },
      async (request) => unwrap(await service.deleteSalary(authOf(request).actor, request.params.id)),
    );

    app.get(
      '/prize',
      {
        config: { access: read },
        schema: {
          tags: ['rules'],
          summary: 'Tính tiền thưởng (hệ số × lương cơ sở, làm tròn lên 10.000 đồng, bằng chữ)',
          querystring: prizeQuery,
          response: { 200: prizeResponseSchema },
        },
      },
      async (request) => unwrap(await service.prize(request.query)),
    );
  };
}
