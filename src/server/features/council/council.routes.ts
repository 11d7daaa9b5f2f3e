import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyRequest } from 'fastify';
import { z, uuid } from '../../../shared/zod';
import {
  agendaAddSchema,
  attendanceSchema,
  councilCreateSchema,
  councilListItemSchema,
  councilSchema,
  councilUpdateSchema,
  memberInputSchema,
  paperBallotSchema,
  sessionCreateSchema,
  sessionViewSchema,
  versionSchema,
  voteSchema,
} from '../../../shared/council/council.schema';
import { can } from '../../../shared/permissions';
import { anyOf } from '../../platform/http';
import { unwrap } from '../../platform/errors';
import { attachment } from '../../platform/attachment';
import { authOf } from '../auth/auth.guard';
import type { CouncilService, Viewer } from './council.service';

const tags = ['council'];
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const councilParams = z.strictObject({ councilId: uuid });
const memberParams = z.strictObject({ memberId: uuid });
const sessionParams = z.strictObject({ sessionId: uuid });
const itemParams = z.strictObject({ itemId: uuid });
const receipt = z.object({ itemId: z.string(), memberId: z.string() });

/** Councils, members, sessions, attendance, ballots and tallies. Mounted at /api/councils. */
export function councilRoutes(service: CouncilService): FastifyPluginAsyncZod {
  return async (app) => {
    const read = anyOf('read:council:any');
    const manage = anyOf('manage:council:any');
    const vote = anyOf('vote:council:own');
    const viewer = (request: FastifyRequest): Viewer => {
      const { role, actor } = authOf(request);
      return { actor, manages: can(role, 'manage:council:any') };
    };

    app.get(
      '/',
      {
        config: { access: read },
        schema: {
          tags,
          summary: 'Các Hội đồng Thi đua – Khen thưởng',
          querystring: z.object({ year: z.coerce.number().int().min(1945).max(2100).optional() }),
          response: { 200: z.array(councilListItemSchema) },
        },
      },
      async (request) => service.listCouncils(viewer(request), request.query.year),
    );

    app.post(
      '/',
      {
        config: { access: manage },
        schema: {
          tags,
          summary: 'Lập Hội đồng của một cơ quan cho một năm',
          body: councilCreateSchema,
          response: { 201: councilSchema },
        },
      },
      async (request, reply) =>
        reply.status(201).send(unwrap(await service.createCouncil(viewer(request), request.body))),
    );

    app.get(
      '/:councilId',
      {
        config: { access: read },
        schema: {
          tags,
          summary: 'Hội đồng: thành viên và các phiên họp',
          params: councilParams,
          response: { 200: councilSchema },
        },
      },
      async (request) => unwrap(await service.getCouncil(viewer(request), request.params.councilId)),
    );

    app.patch(
      '/:councilId',
      {
        config: { access: manage },
        schema: {
          tags,
          summary: 'Sửa tên, hình thức bỏ phiếu',
          params: councilParams,
          body: councilUpdateSchema,
          response: { 200: councilSchema },
        },
      },
      async (request) =>
        unwrap(await service.updateCouncil(viewer(request), request.params.councilId, request.body)),
    );

    app.post(
      '/:councilId/members',
      {
        config: { access: manage },
        schema: {
          tags,
          summary: 'Thêm thành viên Hội đồng',
          params: councilParams,
          body: memberInputSchema,
          response: { 201: councilSchema },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(unwrap(await service.addMember(viewer(request), request.params.councilId, request.body))),
    );

    app.put(
      '/members/:memberId',
      {
        config: { access: manage },
        schema: {
          tags,
          summary: 'Sửa thành viên Hội đồng',
          params: memberParams,
          body: memberInputSchema,
          response: { 200: councilSchema },
        },
      },
      async (request) =>
        unwrap(await service.updateMember(viewer(request), request.params.memberId, request.body)),
    );

    app.delete(
      '/members/:memberId',
      {
        config: { access: manage },
        schema: {
          tags,
          summary: 'Xóa thành viên (khi chưa tham gia phiên họp nào)',
          params: memberParams,
          response: { 200: councilSchema },
        },
      },
      async (request) => unwrap(await service.removeMember(viewer(request), request.params.memberId)),
    );

    app.post(
      '/:councilId/sessions',
      {
        config: { access: manage },
        schema: {
          tags,
          summary: 'Lập phiên họp',
          params: councilParams,
          body: sessionCreateSchema,
          response: { 201: sessionViewSchema },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(unwrap(await service.createSession(viewer(request), request.params.councilId, request.body))),
    );

    app.get(
      '/sessions/:sessionId',
      {
        config: { access: read },
        schema: {
          tags,
          summary:
            'Phiên họp: thành phần, chương trình, ai đã bỏ phiếu (không bao giờ là phiếu của ai), kết quả khi đã đóng',
          params: sessionParams,
          response: { 200: sessionViewSchema },
        },
      },
      async (request) => unwrap(await service.getSession(viewer(request), request.params.sessionId)),
    );

    app.post(
      '/sessions/:sessionId/agenda',
      {
        config: { access: manage },
        schema: {
          tags,
          summary: 'Đưa hồ sơ vào chương trình (hồ sơ chuyển sang Hội đồng xét)',
          params: sessionParams,
          body: agendaAddSchema,
          response: { 200: sessionViewSchema },
        },
      },
      async (request) =>
        unwrap(await service.addToAgenda(viewer(request), request.params.sessionId, request.body.dossierId)),
    );

    app.put(
      '/sessions/:sessionId/attendance',
      {
        config: { access: manage },
        schema: {
          tags,
          summary: 'Điểm danh thành viên',
          params: sessionParams,
          body: attendanceSchema,
          response: { 200: sessionViewSchema },
        },
      },
      async (request) =>
        unwrap(await service.setAttendance(viewer(request), request.params.sessionId, request.body)),
    );

    app.post(
      '/sessions/:sessionId/open',
      {
        config: { access: manage },
        schema: {
          tags,
          summary: 'Khai mạc phiên họp (kiểm tra số thành viên tham dự)',
          params: sessionParams,
          body: versionSchema,
          response: { 200: sessionViewSchema },
        },
      },
      async (request) =>
        unwrap(await service.openSession(viewer(request), request.params.sessionId, request.body.version)),
    );

    app.post(
      '/sessions/:sessionId/close',
      {
        config: { access: manage },
        schema: {
          tags,
          summary: 'Kết thúc bỏ phiếu và kiểm phiếu',
          params: sessionParams,
          body: versionSchema,
          response: { 200: sessionViewSchema },
        },
      },
      async (request) =>
        unwrap(await service.closeSession(viewer(request), request.params.sessionId, request.body.version)),
    );

    app.get(
      '/sessions/:sessionId/minutes.docx',
      {
        config: { access: read },
        schema: { tags, summary: 'Biên bản kiểm phiếu (Word, Nghị định 30/2020)', params: sessionParams },
      },
      async (request, reply) => {
        const file = unwrap(await service.minutesDocx(viewer(request), request.params.sessionId));
        return attachment(reply, file.fileName, DOCX, file.buffer);
      },
    );

    app.post(
      '/items/:itemId/vote',
      {
        config: { access: vote },
        schema: {
          tags,
          summary: 'Thành viên bỏ phiếu (phiếu kín: chỉ ghi nhận đã bỏ phiếu)',
          params: itemParams,
          body: voteSchema,
          response: { 201: receipt },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(unwrap(await service.vote(viewer(request), request.params.itemId, request.body.choice))),
    );

    app.post(
      '/items/:itemId/paper-ballots',
      {
        config: { access: manage },
        schema: {
          tags,
          summary: 'Thư ký nhập phiếu giấy hoặc ý kiến bằng văn bản của một thành viên',
          params: itemParams,
          body: paperBallotSchema,
          response: { 201: receipt },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(
            unwrap(
              await service.paperBallot(
                viewer(request),
                request.params.itemId,
                request.body.memberId,
                request.body.choice,
              ),
            ),
          ),
    );
  };
}
