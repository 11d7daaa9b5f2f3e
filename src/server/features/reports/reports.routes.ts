import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyRequest } from 'fastify';
import { z } from '../../../shared/zod';
import { accessFor } from '../../../shared/permissions';
import {
  narrativeHistorySchema,
  narrativeSaveInput,
  publishInput,
  publishResult,
  scopeOptionSchema,
  scopesQuery,
  summaryQuery,
  versionsQuery,
} from '../../../shared/reports/summary.schema';
import { anyOf } from '../../platform/http';
import { raise, unwrap } from '../../platform/errors';
import { attachment } from '../../platform/attachment';
import type { Clock } from '../../platform/clock';
import { authOf } from '../auth/auth.guard';
import type { ReportsService, Viewer } from './reports.service';
import { summaryWord, summaryWorkbook } from './summary-files';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export function reportsRoutes(service: ReportsService, clock: Clock): FastifyPluginAsyncZod {
  return async (app) => {
    // Reports: the department (and leaders, council) everything; a unit or block lead its own subtree.
    const read = anyOf('read:report:any', 'read:report:own');
    const write = anyOf('write:report:any');
    const viewer = (request: FastifyRequest): Viewer => {
      const { role, actor } = authOf(request);
      return { actor, scope: accessFor(role, 'read', 'report') ?? raise('AUTH.FORBIDDEN') };
    };
    const editor = (request: FastifyRequest): Viewer => {
      const { role, actor } = authOf(request);
      return { actor, scope: accessFor(role, 'write', 'report') ?? raise('AUTH.FORBIDDEN') };
    };

    app.get(
      '/summary',
      {
        config: { access: read },
        schema: {
          tags: ['reports'],
          summary:
            'Báo cáo tổng kết công tác thi đua, khen thưởng của một năm (JSON, Word hoặc Excel), với phần ' +
            'nhận định phiên bản mới nhất hoặc phiên bản được chọn',
          querystring: summaryQuery,
        },
      },
      async (request, reply) => {
        const q = request.query;
        const now = clock();
        const { report, issuer } = unwrap(
          await service.summaryWithIssuer(
            viewer(request),
            { year: q.year, scope: q.scope, version: q.version },
            now,
          ),
        );
        const name = `bao-cao-tong-ket-${q.year}`;
        if (q.format === 'docx')
          return attachment(reply, `${name}.docx`, DOCX, await summaryWord(report, now, issuer));
        if (q.format === 'xlsx')
          return attachment(reply, `${name}.xlsx`, XLSX, await summaryWorkbook(report));
        return report;
      },
    );

    app.get(
      '/summary/versions',
      {
        config: { access: read },
        schema: {
          tags: ['reports'],
          summary: 'Lịch sử các phiên bản phần nhận định của báo cáo tổng kết (mới nhất trước)',
          querystring: versionsQuery,
          response: { 200: narrativeHistorySchema },
        },
      },
      async (request) =>
        unwrap(await service.history(viewer(request), request.query.year, request.query.scope)),
    );

    app.put(
      '/summary/narrative',
      {
        config: { access: write },
        schema: {
          tags: ['reports'],
          summary:
            'Lưu phần nhận định (đánh giá chung, ưu điểm, tồn tại, bài học, phương hướng, kiến nghị) thành ' +
            'một phiên bản mới; từ chối nếu đã có phiên bản mới hơn phiên bản đang sửa',
          body: narrativeSaveInput,
          response: { 200: narrativeHistorySchema },
        },
      },
      async (request) => unwrap(await service.saveNarrative(editor(request), request.body)),
    );

    app.post(
      '/summary/publish',
      {
        config: { access: write },
        schema: {
          tags: ['reports'],
          summary: 'Đăng báo cáo tổng kết (số liệu và phần nhận định mới nhất) thành tin trên cổng thông tin',
          body: publishInput,
          response: { 200: publishResult },
        },
      },
      async (request) => unwrap(await service.publish(editor(request), request.body)),
    );

    app.get(
      '/scopes',
      {
        config: { access: read },
        schema: {
          tags: ['reports'],
          summary: 'Các phạm vi báo cáo được xem trong một năm: khối thi đua và đơn vị',
          querystring: scopesQuery,
          response: { 200: z.array(scopeOptionSchema) },
        },
      },
      async (request) => unwrap(await service.scopes(viewer(request), request.query.year)),
    );
  };
}
