import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyRequest } from 'fastify';
import { z, uuid } from '../../../shared/zod';
import {
  blockSummarySchema,
  boardSchema,
  checkScoreSchema,
  copyCriteriaSchema,
  criteriaSaveSchema,
  evidenceParams,
  evidenceUploadQuery,
  exportQuery,
  lockSchema,
  openSchema,
  proposalSchema,
  rankingRowSchema,
  rotationSchema,
  selfScoreSchema,
  sheetSchema,
  yearQuery,
} from '../../../shared/scoring/scoring.schema';
import { accessFor, can } from '../../../shared/permissions';
import { anyOf } from '../../platform/http';
import { uploadedFile } from '../../platform/upload';
import { raise, unwrap } from '../../platform/errors';
import { attachment } from '../../platform/attachment';
import type { Clock } from '../../platform/clock';
import { authOf } from '../auth/auth.guard';
import type { ScoringService, Viewer } from './scoring.service';
import { rankingReport, rankingWorkbook, sheetReport, sheetWorkbook } from './scoring.export';
import { rankingWord, scoreSheetWord } from './word/scoring-word';

const blockParams = z.strictObject({ blockId: uuid });
const sheetParams = z.strictObject({ sheetId: uuid });
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export function scoringRoutes(service: ScoringService, clock: Clock): FastifyPluginAsyncZod {
  return async (app) => {
    const read = anyOf('read:scoring:any', 'read:scoring:own');
    const lead = anyOf('lead:scoring:own');
    const write = anyOf('write:scoring:own');
    const viewer = (request: FastifyRequest): Viewer => {
      const { role, actor } = authOf(request);
      return {
        actor,
        scope: accessFor(role, 'read', 'scoring') ?? raise('AUTH.FORBIDDEN'),
        mayLead: can(role, 'lead:scoring:own'),
      };
    };
    const tags = ['scoring'];

    app.get(
      '/blocks',
      {
        config: { access: read },
        schema: {
          tags,
          summary: 'Các khối thi đua và tình trạng chấm điểm',
          querystring: yearQuery,
          response: { 200: z.array(blockSummarySchema) },
        },
      },
      async (request) => service.listBlocks(viewer(request), request.query.year),
    );

    app.get(
      '/rankings',
      {
        config: { access: read },
        schema: {
          tags,
          summary: 'Xếp hạng của mọi khối trong năm (tạm tính khi chưa khóa)',
          querystring: z.object({ year: z.coerce.number().int().min(1945).max(2100) }),
          response: {
            200: z.array(
              z.object({
                blockId: z.string(),
                blockName: z.string(),
                status: z.string(),
                ranking: z.array(rankingRowSchema),
              }),
            ),
          },
        },
      },
      async (request) => service.yearRankings(viewer(request), request.query.year),
    );

    app.get(
      '/blocks/:blockId',
      {
        config: { access: read },
        schema: {
          tags,
          summary: 'Bảng chấm điểm của khối: tiêu chí, phiếu điểm, xếp hạng, đề nghị',
          params: blockParams,
          response: { 200: boardSchema },
        },
      },
      async (request) => unwrap(await service.board(viewer(request), request.params.blockId)),
    );

    app.put(
      '/blocks/:blockId/criteria',
      {
        config: { access: lead },
        schema: {
          tags,
          summary: 'Lưu bộ tiêu chí (Khối trưởng, Khối phó; khi còn dự thảo)',
          params: blockParams,
          body: criteriaSaveSchema,
          response: { 200: boardSchema },
        },
      },
      async (request) =>
        unwrap(await service.saveCriteria(viewer(request), request.params.blockId, request.body)),
    );

    app.post(
      '/blocks/:blockId/criteria/copy',
      {
        config: { access: lead },
        schema: {
          tags,
          summary: 'Sao chép bộ tiêu chí năm trước',
          params: blockParams,
          body: copyCriteriaSchema,
          response: { 200: boardSchema },
        },
      },
      async (request) =>
        unwrap(await service.copyCriteria(viewer(request), request.params.blockId, request.body.fromBlockId)),
    );

    app.post(
      '/blocks/:blockId/open',
      {
        config: { access: lead },
        schema: {
          tags,
          summary: 'Mở chấm điểm',
          params: blockParams,
          body: openSchema,
          response: { 200: boardSchema },
        },
      },
      async (request) =>
        unwrap(await service.open(viewer(request), request.params.blockId, request.body.version)),
    );

    app.put(
      '/sheets/:sheetId/self',
      {
        config: { access: write },
        schema: {
          tags,
          summary: 'Đơn vị tự chấm điểm phiếu của mình (kèm minh chứng)',
          params: sheetParams,
          body: selfScoreSchema,
          response: { 200: sheetSchema },
        },
      },
      async (request) =>
        unwrap(await service.selfScore(viewer(request), request.params.sheetId, request.body)),
    );

    app.put(
      '/sheets/:sheetId/check',
      {
        config: { access: lead },
        schema: {
          tags,
          summary: 'Khối trưởng, Khối phó chấm chéo (bắt buộc nêu lý do)',
          params: sheetParams,
          body: checkScoreSchema,
          response: { 200: sheetSchema },
        },
      },
      async (request) => unwrap(await service.check(viewer(request), request.params.sheetId, request.body)),
    );

    app.post(
      '/blocks/:blockId/lock',
      {
        config: { access: lead },
        schema: {
          tags,
          summary: 'Khóa kết quả sau khi Hội nghị khối thông qua',
          params: blockParams,
          body: lockSchema,
          response: { 200: boardSchema },
        },
      },
      async (request) => unwrap(await service.lock(viewer(request), request.params.blockId, request.body)),
    );

    app.put(
      '/blocks/:blockId/proposal',
      {
        config: { access: lead },
        schema: {
          tags,
          summary: 'Đề nghị Cờ thi đua (đơn vị dẫn đầu) và Bằng khen',
          params: blockParams,
          body: proposalSchema,
          response: { 200: boardSchema },
        },
      },
      async (request) => unwrap(await service.propose(viewer(request), request.params.blockId, request.body)),
    );

    app.post(
      '/blocks/:blockId/proposal/dossier',
      {
        config: { access: lead },
        schema: {
          tags,
          summary: 'Lập hồ sơ đề nghị từ đề nghị của khối (một lần; gọi lại trả về hồ sơ đã lập)',
          params: blockParams,
          response: { 200: boardSchema },
        },
      },
      async (request) => unwrap(await service.proposalDossier(viewer(request), request.params.blockId)),
    );

    app.post(
      '/sheets/:sheetId/evidence',
      {
        config: { access: write },
        schema: {
          tags,
          summary: 'Tải tệp minh chứng cho một tiêu chí của phiếu mình (PDF, DOCX, JPG, PNG; tối đa 20 MB)',
          description: 'multipart/form-data, một tệp (trường "file"); tiêu chí trong ?criterionId=.',
          params: sheetParams,
          querystring: evidenceUploadQuery,
          response: { 200: sheetSchema },
        },
      },
      async (request) => {
        const file = await uploadedFile(request, 'DOSSIER.FILE_TOO_LARGE');
        const { bytes } = file;
        return unwrap(
          await service.uploadEvidence(
            viewer(request),
            request.params.sheetId,
            request.query.criterionId,
            file.filename,
            bytes,
          ),
        );
      },
    );

    app.get(
      '/sheets/:sheetId/evidence/:sha256',
      {
        config: { access: read },
        schema: { tags, summary: 'Tải tệp minh chứng (kiểm tra mã sha256)', params: evidenceParams },
      },
      async (request, reply) => {
        const f = unwrap(
          await service.evidenceFile(viewer(request), request.params.sheetId, request.params.sha256),
        );
        return attachment(reply, f.fileName, f.mimeType, f.bytes);
      },
    );

    app.post(
      '/blocks/:blockId/rotation',
      {
        config: { access: lead },
        schema: {
          tags,
          summary: 'Bầu Khối trưởng, Khối phó năm sau theo luân phiên',
          params: blockParams,
          body: rotationSchema,
          response: { 200: boardSchema },
        },
      },
      async (request) => unwrap(await service.rotate(viewer(request), request.params.blockId, request.body)),
    );

    app.get(
      '/blocks/:blockId/ranking/export',
      {
        config: { access: read },
        schema: {
          tags,
          summary: 'Xuất kết quả xếp hạng (Excel hoặc Word)',
          params: blockParams,
          querystring: exportQuery,
        },
      },
      async (request, reply) => {
        const board = unwrap(await service.board(viewer(request), request.params.blockId));
        const report = rankingReport(board);
        const name = `xep-hang-thi-dua-${board.block.year}`;
        return request.query.format === 'docx'
          ? attachment(reply, `${name}.docx`, DOCX, await rankingWord(report, clock()))
          : attachment(reply, `${name}.xlsx`, XLSX, await rankingWorkbook(report));
      },
    );

    app.get(
      '/sheets/:sheetId/export',
      {
        config: { access: read },
        schema: {
          tags,
          summary: 'Xuất phiếu chấm điểm (Excel hoặc Word)',
          params: sheetParams,
          querystring: exportQuery,
        },
      },
      async (request, reply) => {
        const v = viewer(request);
        const { blockId } = unwrap(await service.sheetBlockId(v, request.params.sheetId));
        const board = unwrap(await service.board(v, blockId));
        const sheet = board.sheets.find((s) => s.id === request.params.sheetId) ?? raise('NOT_FOUND');
        const report = sheetReport(board, sheet);
        const name = `phieu-cham-diem-${board.block.year}-${sheet.unitCode}`;
        return request.query.format === 'docx'
          ? attachment(reply, `${name}.docx`, DOCX, await scoreSheetWord(report, clock()))
          : attachment(reply, `${name}.xlsx`, XLSX, await sheetWorkbook(report));
      },
    );
  };
}
