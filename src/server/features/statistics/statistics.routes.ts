import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyRequest } from 'fastify';
import { accessFor } from '../../../shared/permissions';
import {
  dashboardQuery,
  formParams,
  formQuery,
  statAwardsPage,
  statAwardsQuery,
  statDossiersPage,
  statDossiersQuery,
  statisticsQuery,
} from '../../../shared/statistics/statistics.schema';
import { anyOf } from '../../platform/http';
import { raise, unwrap } from '../../platform/errors';
import { attachment } from '../../platform/attachment';
import { todayInVietnam } from '../../platform/dates';
import type { Clock } from '../../platform/clock';
import { authOf } from '../auth/auth.guard';
import type { StatisticsService, Viewer } from './statistics.service';
import { formWorkbook, statisticsWord, statisticsWorkbook } from './statistics-files';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export function statisticsRoutes(service: StatisticsService, clock: Clock): FastifyPluginAsyncZod {
  return async (app) => {
    // The department (read:report:any) sees everything; a unit (read:report:own) its own subtree.
    const read = anyOf('read:report:any', 'read:report:own');
    const viewer = (request: FastifyRequest): Viewer => {
      const { role, actor } = authOf(request);
      return { actor, scope: accessFor(role, 'read', 'report') ?? raise('AUTH.FORBIDDEN') };
    };

    app.get(
      '/',
      {
        config: { access: read },
        schema: {
          tags: ['statistics'],
          summary:
            'Bảng thống kê khen thưởng của một năm: theo năm, đơn vị, danh hiệu/hình thức, cấp, loại hình, đối tượng, giới tính, lãnh đạo, tiền thưởng (JSON, Excel hoặc Word)',
          querystring: statisticsQuery,
        },
      },
      async (request, reply) => {
        const q = request.query;
        const v = viewer(request);
        const stats = unwrap(await service.statistics(v, q.year, q.scope));
        const name = `thong-ke-khen-thuong-${q.year}`;
        if (q.format === 'xlsx')
          return attachment(reply, `${name}.xlsx`, XLSX, await statisticsWorkbook(stats));
        if (q.format === 'docx') {
          const now = clock();
          const issuer = await service.issuerFor(v, q.year, q.scope, todayInVietnam(clock));
          return attachment(reply, `${name}.docx`, DOCX, await statisticsWord(stats, now, issuer));
        }
        return stats;
      },
    );

    app.get(
      '/awards',
      {
        config: { access: read },
        schema: {
          tags: ['statistics'],
          summary: 'Danh sách khen thưởng đằng sau một con số của bảng thống kê (có phân trang)',
          querystring: statAwardsQuery,
          response: { 200: statAwardsPage },
        },
      },
      async (request) => unwrap(await service.awards(viewer(request), request.query)),
    );

    app.get(
      '/dossiers',
      {
        config: { access: read },
        schema: {
          tags: ['statistics'],
          summary:
            'Hồ sơ đề nghị khen thưởng đằng sau biểu đồ hồ sơ: theo trạng thái, hoặc trễ hạn (có phân trang)',
          querystring: statDossiersQuery,
          response: { 200: statDossiersPage },
        },
      },
      async (request) =>
        unwrap(await service.dossiers(viewer(request), request.query, todayInVietnam(clock))),
    );

    app.get(
      '/forms/:form',
      {
        config: { access: read },
        schema: {
          tags: ['statistics'],
          summary:
            'Biểu mẫu báo cáo thống kê ngành Nội vụ về thi đua, khen thưởng (0601, 0602, 0603.N/BNV-TĐKT), JSON hoặc Excel',
          params: formParams,
          querystring: formQuery,
        },
      },
      async (request, reply) => {
        const q = request.query;
        const form = unwrap(await service.form(viewer(request), request.params.form, q));
        if (q.format === 'xlsx')
          return attachment(reply, `bieu-${form.id}-${q.year}.xlsx`, XLSX, await formWorkbook(form));
        return form;
      },
    );

    app.get(
      '/dashboard',
      {
        config: { access: read },
        schema: {
          tags: ['statistics'],
          summary:
            'Bảng điều khiển: khen thưởng theo năm và đơn vị, cơ cấu danh hiệu, tỷ lệ nữ và người trực tiếp, hồ sơ theo trạng thái và trễ hạn, tỷ lệ khống chế, tiền thưởng',
          querystring: dashboardQuery,
        },
      },
      async (request) =>
        unwrap(
          await service.dashboard(
            viewer(request),
            request.query.year,
            request.query.scope,
            todayInVietnam(clock),
          ),
        ),
    );
  };
}
