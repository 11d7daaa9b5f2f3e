import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z, uuid } from '../../../shared/zod';
import {
  unitCreateSchema,
  unitDeactivateSchema,
  unitListQuery,
  unitSchema,
  unitUpdateSchema,
} from '../../../shared/units/units.schema';
import { accessFor } from '../../../shared/permissions';
import { anyOf } from '../../platform/http';
import { raise, unwrap } from '../../platform/errors';
import { authOf } from '../auth/auth.guard';
import type { UnitsService } from './units.service';

const idParams = z.strictObject({ id: uuid });

export function unitsRoutes(units: UnitsService): FastifyPluginAsyncZod {
  return async (app) => {
    const readAccess = anyOf('read:unit:any', 'read:unit:own');
    const scopeOf = (request: Parameters<typeof authOf>[0]) => {
      const { role } = authOf(request);
      return accessFor(role, 'read', 'unit') ?? raise('AUTH.FORBIDDEN');
    };

    app.get(
      '/',
      {
        config: { access: readAccess },
        schema: {
          tags: ['units'],
          summary: 'Cây đơn vị',
          querystring: unitListQuery,
          response: { 200: z.array(unitSchema) },
        },
      },
      async (request) => units.list(authOf(request).actor, scopeOf(request), request.query.includeInactive),
    );

    app.get(
      '/:id',
      {
        config: { access: readAccess },
        schema: {
          tags: ['units'],
          summary: 'Chi tiết đơn vị',
          params: idParams,
          response: { 200: unitSchema },
        },
      },
      async (request) => unwrap(await units.get(authOf(request).actor, scopeOf(request), request.params.id)),
    );

    app.post(
      '/',
      {
        config: { access: anyOf('write:unit:any') },
        schema: {
          tags: ['units'],
          summary: 'Thêm đơn vị',
          body: unitCreateSchema,
          response: { 201: unitSchema },
        },
      },
      async (request, reply) => {
        const unit = unwrap(await units.create(authOf(request).actor, request.body));
        return reply.status(201).send(unit);
      },
    );

    app.patch(
      '/:id',
      {
        config: { access: anyOf('write:unit:any') },
        schema: {
          tags: ['units'],
          summary: 'Sửa đơn vị',
          params: idParams,
          body: unitUpdateSchema,
          response: { 200: unitSchema },
        },
      },
      async (request) => unwrap(await units.update(authOf(request).actor, request.params.id, request.body)),
    );

    app.post(
      '/:id/deactivate',
      {
        config: { access: anyOf('write:unit:any') },
        schema: {
          tags: ['units'],
          summary: 'Ngừng hoạt động đơn vị',
          params: idParams,
          body: unitDeactivateSchema,
          response: { 200: unitSchema },
        },
      },
      async (request) =>
        unwrap(await units.deactivate(authOf(request).actor, request.params.id, request.body)),
    );

    app.post(
      '/:id/reactivate',
      {
        config: { access: anyOf('write:unit:any') },
        schema: {
          tags: ['units'],
          summary: 'Cho đơn vị hoạt động trở lại',
          params: idParams,
          body: z.strictObject({ version: z.number().int().min(1) }),
          response: { 200: unitSchema },
        },
      },
      async (request) =>
        unwrap(await units.reactivate(authOf(request).actor, request.params.id, request.body.version)),
    );
  };
}
