import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z, uuid } from '../../../shared/zod';
import {
  printQuery,
  printableDecisionSchema,
  printableListSchema,
  templateInput,
  templateSchema,
  templateUpdate,
} from '../../../shared/certificates/certificates.schema';
import { fundYear } from '../../../shared/fund/fund.schema';
import { anyOf } from '../../platform/http';
import { unwrap } from '../../platform/errors';
import { attachment } from '../../platform/attachment';
import { authOf } from '../auth/auth.guard';
import type { CertificatesService } from './certificates.service';

const idParams = z.strictObject({ id: uuid });

export function certificatesRoutes(service: CertificatesService): FastifyPluginAsyncZod {
  return async (app) => {
    const print = anyOf('print:certificate:any');

    app.get(
      '/templates',
      {
        config: { access: print },
        schema: {
          tags: ['certificates'],
          summary: 'Mẫu giấy khen, bằng khen (vị trí các trường theo mm, đã căn chỉnh cho giấy in sẵn)',
          response: { 200: z.array(templateSchema) },
        },
      },
      async () => service.templates(),
    );

    app.post(
      '/templates',
      {
        config: { access: print },
        schema: {
          tags: ['certificates'],
          summary: 'Thêm mẫu giấy khen, bằng khen',
          body: templateInput,
          response: { 201: templateSchema },
        },
      },
      async (request, reply) =>
        reply.status(201).send(unwrap(await service.create(authOf(request).actor, request.body))),
    );

    app.put(
      '/templates/:id',
      {
        config: { access: print },
        schema: {
          tags: ['certificates'],
          summary: 'Sửa mẫu (khổ giấy, độ lệch máy in, vị trí, cỡ chữ, căn lề, độ rộng tối đa từng trường)',
          params: idParams,
          body: templateUpdate,
          response: { 200: templateSchema },
        },
      },
      async (request) => unwrap(await service.update(authOf(request).actor, request.params.id, request.body)),
    );

    app.delete(
      '/templates/:id',
      {
        config: { access: print },
        schema: {
          tags: ['certificates'],
          summary: 'Xóa mẫu',
          params: idParams,
          querystring: z.strictObject({ version: z.coerce.number().int().min(1).optional() }),
          response: { 200: z.object({ id: uuid }) },
        },
      },
      async (request) =>
        unwrap(await service.remove(authOf(request).actor, request.params.id, request.query.version)),
    );

    app.get(
      '/templates/:id/calibration.pdf',
      {
        config: { access: print },
        schema: {
          tags: ['certificates'],
          summary: 'Trang căn chỉnh của mẫu (lưới mm, dấu chữ thập tại vị trí từng trường, chữ mẫu)',
          params: idParams,
        },
      },
      async (request, reply) => {
        const r = unwrap(await service.calibration(request.params.id));
        return attachment(reply, r.filename, 'application/pdf', r.pdf);
      },
    );

    app.get(
      '/decisions',
      {
        config: { access: print },
        schema: {
          tags: ['certificates'],
          summary: 'Quyết định khen thưởng đã ban hành trong năm, số người nhận in được giấy khen, bằng khen',
          querystring: z.strictObject({ year: fundYear }),
          response: { 200: printableListSchema },
        },
      },
      async (request) => service.printable(request.query.year),
    );

    app.get(
      '/decisions/:id',
      {
        config: { access: print },
        schema: {
          tags: ['certificates'],
          summary: 'Người nhận của một quyết định đã ban hành và mẫu in tương ứng',
          params: idParams,
          response: { 200: printableDecisionSchema },
        },
      },
      async (request) => unwrap(await service.decision(request.params.id)),
    );

    app.get(
      '/decisions/:id/pdf',
      {
        config: { access: print },
        schema: {
          tags: ['certificates'],
          summary:
            'In giấy khen, bằng khen của quyết định (PDF, mỗi người nhận một trang; tùy chọn trang căn chỉnh)',
          params: idParams,
          querystring: printQuery,
        },
      },
      async (request, reply) => {
        const r = unwrap(await service.print(request.params.id, request.query));
        reply.header('x-certificate-pages', String(r.pages));
        return attachment(reply, r.filename, 'application/pdf', r.pdf);
      },
    );
  };
}
