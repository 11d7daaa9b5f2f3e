import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from '../../../shared/zod';
import { ping, type Database } from '../../platform/db/database';
import { VERSION } from '../../version';

export const healthSchema = z.object({
  status: z.enum(['ok', 'degraded']),
  database: z.enum(['pglite', 'postgres']),
  version: z.string(),
});

export function healthRoutes(database: Database): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/health',
      {
        config: { access: 'public' },
        logLevel: 'warn',
        schema: {
          tags: ['system'],
          summary: 'Tình trạng hệ thống',
          response: { 200: healthSchema, 503: healthSchema },
        },
      },
      async (_request, reply) => {
        const up = await ping(database).catch(() => false);
        return reply
          .status(up ? 200 : 503)
          .send({ status: up ? 'ok' : 'degraded', database: database.kind, version: VERSION });
      },
    );
  };
}
