import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyRequest } from 'fastify';
import { z } from '../../../shared/zod';
import { accessFor } from '../../../shared/permissions';
import { anyOf } from '../../platform/http';
import { raise, unwrap } from '../../platform/errors';
import { attachment } from '../../platform/attachment';
import type { Clock } from '../../platform/clock';
import { authOf } from '../auth/auth.guard';
import type { ReportsService, Viewer } from './reports.service';
import { summaryWord, summaryWorkbook } from './summary-files';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export const summaryQuery = z.strictObject({
  year: z.coerce.number().int().min(1990, 'Năm không hợp lệ').max(2100, 'Năm không hợp lệ'),
  /** A unit code or a block id. */
  scope: z.string().trim().max(80).optional(),
  format: z.enum(['json', 'docx', 'xlsx']).default('json'),
});

export function reportsRoutes(service: ReportsService, clock: Clock): FastifyPluginAsyncZod {
  return async (app) => {
    // The summary shows what eligibility shows: the department everything, a unit its own subtree.
    const read = anyOf('read:eligibility:any', 'read:eligibility:own');
    const viewer = (request: FastifyRequest): Viewer => {
      const { role, actor } = authOf(request);
      return { actor, scope: accessFor(role, 'read', 'eligibility') ?? raise('AUTH.FORBIDDEN') };
    };

    app.get(
      '/summary',
      {
        config: { access: read },
        schema: {
          tags: ['reports'],
          summary: 'Báo cáo tổng kết công tác thi đua, khen thưởng của một năm (JSON, Word hoặc Excel)',
          querystring: summaryQuery,
        },
      },
      async (request, reply) => {
        const q = request.query;
        const now = clock();
        const { report, issuer } = unwrap(
          await service.summaryWithIssuer(viewer(request), { year: q.year, scope: q.scope }, now),
        );
        const name = `bao-cao-tong-ket-${q.year}`;
        if (q.format === 'docx')
          return attachment(reply, `${name}.docx`, DOCX, await summaryWord(report, now, issuer));
        if (q.format === 'xlsx')
          return attachment(reply, `${name}.xlsx`, XLSX, await summaryWorkbook(report));
        return report;
      },
    );
  };
}
