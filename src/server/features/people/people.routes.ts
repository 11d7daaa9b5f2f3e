import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyRequest } from 'fastify';
import { z, uuid } from '../../../shared/zod';
import {
  disciplineCreateSchema,
  evaluationUpsertSchema,
  leaveCreateSchema,
  personCreateSchema,
  personListQuery,
  personProfileSchema,
  personSummarySchema,
  personUpdateSchema,
  trainingCreateSchema,
  transferSchema,
} from '../../../shared/people/people.schema';
import { paginated } from '../../../shared/paginated';
import { accessFor, can } from '../../../shared/permissions';
import { anyOf } from '../../platform/http';
import { raise, unwrap } from '../../platform/errors';
import { authOf } from '../auth/auth.guard';
import type { PeopleService, Viewer } from './people.service';

const idParams = z.strictObject({ id: uuid });
const recordParams = z.strictObject({ id: uuid, recordId: uuid });
const RECORD_KINDS = { leaves: 'leave', trainings: 'training', disciplines: 'discipline' } as const;

export function peopleRoutes(service: PeopleService): FastifyPluginAsyncZod {
  return async (app) => {
    const read = anyOf('read:person:any', 'read:person:own');
    const write = anyOf('write:person:any', 'write:person:own');
    const viewer = (request: FastifyRequest, action: 'read' | 'write'): Viewer => {
      const { role, actor } = authOf(request);
      return {
        actor,
        scope: accessFor(role, action, 'person') ?? raise('AUTH.FORBIDDEN'),
        pii: can(role, 'read:pii:any'),
      };
    };

    app.get(
      '/',
      {
        config: { access: read },
        schema: {
          tags: ['people'],
          summary: 'Danh sách cán bộ (tìm không dấu, sắp theo tên)',
          querystring: personListQuery,
          response: { 200: paginated(personSummarySchema) },
        },
      },
      async (request) => service.list(viewer(request, 'read'), request.query),
    );

    app.get(
      '/:id',
      {
        config: { access: read },
        schema: {
          tags: ['people'],
          summary: 'Hồ sơ cán bộ',
          params: idParams,
          response: { 200: personProfileSchema },
        },
      },
      async (request) => unwrap(await service.profile(viewer(request, 'read'), request.params.id)),
    );

    app.post(
      '/',
      {
        config: { access: write },
        schema: {
          tags: ['people'],
          summary: 'Thêm cán bộ',
          body: personCreateSchema,
          response: { 201: personSummarySchema },
        },
      },
      async (request, reply) =>
        reply.status(201).send(unwrap(await service.create(viewer(request, 'write'), request.body))),
    );

    app.patch(
      '/:id',
      {
        config: { access: write },
        schema: {
          tags: ['people'],
          summary: 'Sửa thông tin cán bộ',
          params: idParams,
          body: personUpdateSchema,
          response: { 200: personSummarySchema },
        },
      },
      async (request) =>
        unwrap(await service.update(viewer(request, 'write'), request.params.id, request.body)),
    );

    app.post(
      '/:id/transfer',
      {
        config: { access: write },
        schema: {
          tags: ['people'],
          summary: 'Chuyển công tác',
          params: idParams,
          body: transferSchema,
          response: { 200: personSummarySchema },
        },
      },
      async (request) =>
        unwrap(await service.transfer(viewer(request, 'write'), request.params.id, request.body)),
    );

    app.put(
      '/:id/evaluations/:year',
      {
        config: { access: write },
        schema: {
          tags: ['people'],
          summary: 'Ghi kết quả đánh giá, xếp loại năm',
          params: z.strictObject({ id: uuid, year: z.coerce.number().int().min(1945).max(2100) }),
          body: evaluationUpsertSchema,
          response: { 200: z.object({ year: z.number() }) },
        },
      },
      async (request) =>
        unwrap(
          await service.upsertEvaluation(
            viewer(request, 'write'),
            request.params.id,
            request.params.year,
            request.body,
          ),
        ),
    );

    for (const [path, kind] of Object.entries(RECORD_KINDS)) {
      const body =
        kind === 'leave'
          ? leaveCreateSchema
          : kind === 'training'
            ? trainingCreateSchema
            : disciplineCreateSchema;
      const label =
        kind === 'leave' ? 'thời gian nghỉ' : kind === 'training' ? 'thời gian đào tạo' : 'kỷ luật';
      app.post(
        `/:id/${path}`,
        {
          config: { access: write },
          schema: {
            tags: ['people'],
            summary: `Thêm ${label}`,
            params: idParams,
            body,
            response: { 201: z.object({ id: z.string() }) },
          },
        },
        async (request, reply) =>
          reply
            .status(201)
            .send(
              unwrap(
                await service.addRecord(
                  viewer(request, 'write'),
                  request.params.id,
                  kind,
                  request.body as never,
                ),
              ),
            ),
      );
      app.delete(
        `/:id/${path}/:recordId`,
        {
          config: { access: write },
          schema: {
            tags: ['people'],
            summary: `Xóa ${label}`,
            params: recordParams,
            response: { 200: z.object({ deleted: z.literal(true) }) },
          },
        },
        async (request) =>
          unwrap(
            await service.deleteRecord(
              viewer(request, 'write'),
              request.params.id,
              kind,
              request.params.recordId,
            ),
          ),
      );
    }
  };
}
