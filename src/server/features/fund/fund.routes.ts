import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z, uuid } from '../../../shared/zod';
import {
  fundBudgetInput,
  fundBudgetSchema,
  fundChecksSchema,
  fundEntryInput,
  fundEntrySchema,
  fundEntryUpdate,
  fundLedgerQuery,
  fundPendingPrizeSchema,
  fundPrizeInput,
  fundSummarySchema,
  fundUnitSchema,
  fundYear,
  fundYearQuery,
} from '../../../shared/fund/fund.schema';
import { anyOf } from '../../platform/http';
import { unwrap } from '../../platform/errors';
import { attachment } from '../../platform/attachment';
import { authOf } from '../auth/auth.guard';
import type { FundService } from './fund.service';
import { fundLedgerWorkbook } from './fund-files';

const idParams = z.strictObject({ id: uuid });
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export function fundRoutes(service: FundService): FastifyPluginAsyncZod {
  return async (app) => {
    const read = anyOf('read:fund:any');
    const write = anyOf('write:fund:any');

    app.get(
      '/summary',
      {
        config: { access: read },
        schema: {
          tags: ['fund'],
          summary:
            'Quỹ thi đua, khen thưởng của năm: tổng thu, chi, số dư, chi thưởng, chi phong trào; theo đơn vị',
          querystring: fundYearQuery,
          response: { 200: fundSummarySchema },
        },
      },
      async (request) => service.summary(request.query.year),
    );

    app.get(
      '/units',
      {
        config: { access: read },
        schema: {
          tags: ['fund'],
          summary: 'Đơn vị có quỹ thi đua, khen thưởng (cơ quan ban hành quyết định)',
          response: { 200: z.array(fundUnitSchema) },
        },
      },
      async () => service.units(),
    );

    app.get(
      '/entries',
      {
        config: { access: read },
        schema: {
          tags: ['fund'],
          summary: 'Sổ quỹ: các khoản thu, chi của năm (một đơn vị hoặc tất cả)',
          querystring: fundLedgerQuery,
          response: { 200: z.array(fundEntrySchema) },
        },
      },
      async (request) => service.entries(request.query.year, request.query.unitId),
    );

    app.get(
      '/entries.xlsx',
      {
        config: { access: read },
        schema: { tags: ['fund'], summary: 'Sổ quỹ (Excel)', querystring: fundLedgerQuery },
      },
      async (request, reply) => {
        const { year, unitId } = request.query;
        const entries = await service.entries(year, unitId);
        const summary = await service.summary(year);
        return attachment(
          reply,
          `so-quy-thi-dua-khen-thuong-${year}.xlsx`,
          XLSX,
          await fundLedgerWorkbook(year, entries, summary, unitId),
        );
      },
    );

    app.post(
      '/entries',
      {
        config: { access: write },
        schema: {
          tags: ['fund'],
          summary: 'Ghi một khoản thu hoặc chi',
          body: fundEntryInput,
          response: { 201: fundEntrySchema },
        },
      },
      async (request, reply) =>
        reply.status(201).send(unwrap(await service.create(authOf(request).actor, request.body))),
    );

    app.put(
      '/entries/:id',
      {
        config: { access: write },
        schema: {
          tags: ['fund'],
          summary: 'Sửa một khoản thu, chi (khoản chi thưởng theo quyết định chỉ sửa ngày và nội dung)',
          params: idParams,
          body: fundEntryUpdate,
          response: { 200: fundEntrySchema },
        },
      },
      async (request) => unwrap(await service.update(authOf(request).actor, request.params.id, request.body)),
    );

    app.delete(
      '/entries/:id',
      {
        config: { access: write },
        schema: {
          tags: ['fund'],
          summary: 'Xóa một khoản thu, chi',
          params: idParams,
          querystring: z.strictObject({ version: z.coerce.number().int().min(1).optional() }),
          response: { 200: z.object({ id: uuid }) },
        },
      },
      async (request) =>
        unwrap(await service.remove(authOf(request).actor, request.params.id, request.query.version)),
    );

    app.get(
      '/pending-prizes',
      {
        config: { access: read },
        schema: {
          tags: ['fund'],
          summary: 'Quyết định đã ban hành trong năm có tiền thưởng chưa ghi vào sổ quỹ',
          querystring: fundLedgerQuery,
          response: { 200: z.array(fundPendingPrizeSchema) },
        },
      },
      async (request) => service.pendingPrizes(request.query.year, request.query.unitId),
    );

    app.post(
      '/prizes',
      {
        config: { access: write },
        schema: {
          tags: ['fund'],
          summary: 'Ghi chi tiền thưởng của một quyết định đã ban hành (một lần cho mỗi quyết định)',
          body: fundPrizeInput,
          response: { 201: fundEntrySchema },
        },
      },
      async (request, reply) =>
        reply.status(201).send(unwrap(await service.recordPrize(authOf(request).actor, request.body))),
    );

    app.get(
      '/budgets',
      {
        config: { access: read },
        schema: {
          tags: ['fund'],
          summary: 'Chi ngân sách thường xuyên của các đơn vị trong năm (căn cứ kiểm tra mức trích quỹ)',
          querystring: fundYearQuery,
          response: { 200: z.array(fundBudgetSchema) },
        },
      },
      async (request) => service.budgets(request.query.year),
    );

    app.put(
      '/budgets',
      {
        config: { access: write },
        schema: {
          tags: ['fund'],
          summary: 'Nhập chi ngân sách thường xuyên của đơn vị trong năm',
          body: fundBudgetInput,
          response: { 200: fundBudgetSchema },
        },
      },
      async (request) => unwrap(await service.setBudget(authOf(request).actor, request.body)),
    );

    app.get(
      '/checks',
      {
        config: { access: read },
        schema: {
          tags: ['fund'],
          summary: 'Kiểm tra mức trích, chi theo quy định (kèm căn cứ pháp lý)',
          querystring: z.strictObject({ year: fundYear, unitId: uuid }),
          response: { 200: fundChecksSchema },
        },
      },
      async (request) => unwrap(await service.checks(request.query.year, request.query.unitId)),
    );
  };
}
