import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from '../../../shared/zod';
import { auditEntrySchema, auditQuery, auditVerifySchema } from '../../../shared/audit/audit.schema';
import { paginated } from '../../../shared/paginated';
import type { Database } from '../../platform/db/database';
import { anyOf } from '../../platform/http';
import { verifyAuditChain } from '../../platform/audit';
import { auditRepository } from './audit.repository';

export function auditRoutes(database: Database): FastifyPluginAsyncZod {
  return async (app) => {
    const access = anyOf('read:audit:any');

    app.get(
      '/',
      {
        config: { access },
        schema: {
          tags: ['audit'],
          summary: 'Nhật ký thay đổi',
          querystring: auditQuery,
          response: { 200: paginated(auditEntrySchema) },
        },
      },
      async (request) => {
        const { rows, total } = await auditRepository.page(database.db, request.query);
        return {
          items: rows.map((r) => ({
            seq: Number(r.seq),
            at: r.at.toISOString(),
            requestId: r.requestId,
            actorId: r.actorId,
            actorName: r.actorName,
            action: r.action,
            entityType: r.entityType,
            entityId: r.entityId,
            before: r.before,
            after: r.after,
            hash: r.hash,
          })),
          total,
          page: request.query.page,
          pageSize: request.query.pageSize,
        };
      },
    );

    app.get(
      '/entity-types',
      {
        config: { access },
        schema: {
          tags: ['audit'],
          summary: 'Các loại đối tượng có trong nhật ký',
          response: { 200: z.array(z.string()) },
        },
      },
      async () => auditRepository.distinctEntityTypes(database.db),
    );

    app.get(
      '/verify',
      {
        config: { access },
        schema: {
          tags: ['audit'],
          summary: 'Kiểm tra chuỗi băm của nhật ký',
          response: { 200: auditVerifySchema },
        },
      },
      async () => verifyAuditChain(database.db),
    );
  };
}
