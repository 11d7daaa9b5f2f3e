import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyRequest } from 'fastify';
import { z, uuid } from '../../../shared/zod';
import { paginated } from '../../../shared/paginated';
import { accessFor, can } from '../../../shared/permissions';
import { DATASET_ORDER, type DatasetKind } from '../../../shared/registry/dataset.schema';
import { importSummarySchema } from '../../../shared/registry/import.schema';
import {
  blockSaveSchema,
  blockSchema,
  datasetKindSchema,
  importQuery,
  lineageSchema,
  recordFilterQuery,
  recordListQuery,
  successionCreateSchema,
} from '../../../shared/registry/registry.schema';
import { maskPersonalId } from '../../../shared/people/people.schema';
import type { Database } from '../../platform/db/database';
import { uploadedFile } from '../../platform/upload';
import type { Clock } from '../../platform/clock';
import { attachment } from '../../platform/attachment';
import { anyOf } from '../../platform/http';
import { raise, unwrap } from '../../platform/errors';
import { unitsRepository } from '../units/units.repository';
import { authOf } from '../auth/auth.guard';
import { recordsRepository, toRecord, type RecordFilter } from './records.repository';
import { readJsonDataset, runImport } from './import.service';
import { MAX_IMPORT_BYTES } from './excel/limits';
import { SHEETS, formatText } from './excel/sheets';
import type { RegistryService } from './registry.service';

const kindParams = z.strictObject({ kind: datasetKindSchema });

export function registryRoutes(
  database: Database,
  clock: Clock,
  registry: RegistryService,
): FastifyPluginAsyncZod {
  return async (app) => {
    const readRecords = anyOf('read:person:any', 'read:person:own');
    const importAccess = anyOf('import:registry:any', 'import:registry:own');

    /** The filter as the caller may see it: unit officers and block leads only their units. */
    const scoped = (request: FastifyRequest, f: RecordFilter): RecordFilter => {
      const { role, actor } = authOf(request);
      const access = accessFor(role, 'read', 'person') ?? raise('AUTH.FORBIDDEN');
      return access === 'own'
        ? { ...f, scopeRootUnitId: actor.unitId ?? '00000000-0000-0000-0000-000000000000' }
        : f;
    };
    const pii = (request: FastifyRequest) => can(authOf(request).role, 'read:pii:any');
    const maskRow = (request: FastifyRequest, kind: DatasetKind, row: Record<string, unknown>) =>
      kind === 'people' && !pii(request)
        ? { ...row, personalIdNumber: maskPersonalId((row.personalIdNumber as string) ?? null) }
        : row;

    app.get(
      '/records/:kind',
      {
        config: { access: readRecords },
        schema: {
          tags: ['registry'],
          summary: 'Danh sách bản ghi sổ theo dõi (lọc, phân trang)',
          params: kindParams,
          querystring: recordListQuery,
          response: { 200: paginated(z.record(z.string(), z.unknown())) },
        },
      },
      async (request) => {
        const kind = request.params.kind as DatasetKind;
        const { page, pageSize, ...filter } = request.query;
        const { rows, total } = await recordsRepository.page(
          database.db,
          kind,
          scoped(request, filter),
          page,
          pageSize,
        );
        return { items: rows.map((r) => maskRow(request, kind, r)), total, page, pageSize };
      },
    );

    app.get(
      '/records/:kind/export',
      {
        config: { access: readRecords },
        schema: {
          tags: ['registry'],
          summary: 'Xuất danh sách ra Excel (đúng như đang lọc)',
          params: kindParams,
          querystring: recordFilterQuery.extend({ format: z.enum(['xlsx', 'csv']).default('xlsx') }),
        },
      },
      async (request, reply) => {
        const kind = request.params.kind as DatasetKind;
        const { format, ...filter } = request.query;
        const rows = await recordsRepository.all(database.db, kind, scoped(request, filter));
        // Without the right to read personal data, the id number column is left out (not masked: a masked
        // value would not re-import).
        const records = rows.map((r) => {
          const rec = toRecord(kind, r);
          if (kind === 'people' && !pii(request)) delete rec.personalIdNumber;
          return rec;
        });
        const name = `${SHEETS[kind].sheetName}`;
        if (format === 'csv') {
          const cols = SHEETS[kind].columns;
          const { toCsv } = await import('./excel/write');
          const csv = toCsv(
            cols.map((c) => c.header),
            records.map((r) => cols.map((c) => (r[c.field] === undefined ? '' : formatText(c, r[c.field])))),
          );
          return attachment(reply, `${name}.csv`, 'text/csv; charset=utf-8', csv);
        }
        const { writeSheet } = await import('./excel/write');
        const buf = await writeSheet(kind, records as never);
        return attachment(
          reply,
          `${name}.xlsx`,
          'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
          buf,
        );
      },
    );

    app.get(
      '/templates/:target',
      {
        config: { access: importAccess },
        schema: {
          tags: ['registry'],
          summary: 'Tải mẫu Excel để nhập dữ liệu',
          params: z.strictObject({ target: z.union([datasetKindSchema, z.literal('workbook')]) }),
        },
      },
      async (request, reply) => {
        const target = request.params.target;
        const { buildTemplate, buildWorkbookTemplate } = await import('./excel/template');
        const buf =
          target === 'workbook' ? await buildWorkbookTemplate() : await buildTemplate(target as DatasetKind);
        const name =
          target === 'workbook'
            ? 'Mau-nhap-du-lieu-VinhDanh'
            : `Mau-${SHEETS[target as DatasetKind].sheetName}`;
        return attachment(
          reply,
          `${name}.xlsx`,
          'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
          buf,
        );
      },
    );

    app.get(
      '/dataset',
      {
        config: { access: anyOf('import:registry:any') },
        schema: { tags: ['registry'], summary: 'Xuất toàn bộ dữ liệu (định dạng JSON VinhDanh)' },
      },
      async (_request, reply) => {
        const doc: Record<string, unknown> = {
          format: 'vinhdanh-dataset',
          version: 1,
          generatedAt: clock().toISOString(),
        };
        for (const kind of DATASET_ORDER) {
          doc[kind] = (await recordsRepository.all(database.db, kind, {})).map((r) => toRecord(kind, r));
        }
        return attachment(
          reply,
          'vinhdanh-dataset.json',
          'application/json; charset=utf-8',
          JSON.stringify(doc, null, 1),
        );
      },
    );

    app.post(
      '/import',
      {
        config: { access: importAccess },
        schema: {
          tags: ['registry'],
          summary: 'Nhập dữ liệu: xem trước (preview) rồi ghi (commit), tất cả hoặc không gì cả',
          description: `multipart/form-data, một tệp (trường "file"), tối đa ${MAX_IMPORT_BYTES / 1024 / 1024} MB.`,
          querystring: importQuery,
          response: { 200: importSummarySchema },
        },
      },
      async (request) => {
        const { role, actor } = authOf(request);
        const access = accessFor(role, 'import', 'registry') ?? raise('AUTH.FORBIDDEN');
        const file = await uploadedFile(request);
        const { bytes } = file;
        const { target, mode } = request.query;
        const isJson = target === 'dataset' || file.filename.toLowerCase().endsWith('.json');
        // exceljs and friends load on first use, not at server start.
        const { localizeIssues, readSpreadsheet } = await import('./excel/read');
        const read = isJson
          ? { ...readJsonDataset(bytes.toString('utf8')), warnings: [] }
          : await readSpreadsheet(bytes, file.filename, target as DatasetKind | 'workbook');
        const scope = {
          unitIds:
            access === 'own'
              ? new Set(actor.unitId ? await unitsRepository.subtreeIds(database.db, actor.unitId) : [])
              : null,
        };
        const summary = await runImport(
          database,
          actor,
          clock,
          {
            data: read.data,
            readErrors: read.errors,
            readWarnings: read.warnings,
            source: { name: file.filename, bytes, kind: target },
          },
          scope,
          mode,
        );
        // Spreadsheet imports name columns by their Vietnamese headers, also for reference errors.
        if (!isJson) {
          summary.errors = localizeIssues(summary.errors);
          summary.warnings = localizeIssues(summary.warnings);
        }
        return summary;
      },
    );

    // ── blocks
    app.get(
      '/blocks',
      {
        config: { access: anyOf('read:block:any') },
        schema: {
          tags: ['registry'],
          summary: 'Khối thi đua theo năm',
          querystring: z.object({ year: z.coerce.number().int().min(1945).max(2100).optional() }),
          response: { 200: z.array(blockSchema) },
        },
      },
      async (request) => registry.listBlocks(request.query.year),
    );
    app.post(
      '/blocks',
      {
        config: { access: anyOf('write:block:any') },
        schema: {
          tags: ['registry'],
          summary: 'Thêm khối thi đua',
          body: blockSaveSchema,
          response: { 201: blockSchema },
        },
      },
      async (request, reply) =>
        reply.status(201).send(unwrap(await registry.saveBlock(authOf(request).actor, null, request.body))),
    );
    app.put(
      '/blocks/:id',
      {
        config: { access: anyOf('write:block:any') },
        schema: {
          tags: ['registry'],
          summary: 'Sửa khối thi đua (thành viên, Khối trưởng, Khối phó)',
          params: z.strictObject({ id: uuid }),
          body: blockSaveSchema,
          response: { 200: blockSchema },
        },
      },
      async (request) =>
        unwrap(await registry.saveBlock(authOf(request).actor, request.params.id, request.body)),
    );

    // ── successions and lineage
    app.get(
      '/units/:id/lineage',
      {
        config: { access: anyOf('read:unit:any') },
        schema: {
          tags: ['registry'],
          summary: 'Quá trình sáp nhập, kế thừa của đơn vị',
          params: z.strictObject({ id: uuid }),
          response: { 200: lineageSchema },
        },
      },
      async (request) => unwrap(await registry.lineage(request.params.id)),
    );
    app.post(
      '/successions',
      {
        config: { access: anyOf('write:unit:any') },
        schema: {
          tags: ['registry'],
          summary: 'Ghi nhận đơn vị kế thừa (sáp nhập, hợp nhất)',
          body: successionCreateSchema,
          response: { 201: z.object({ id: z.string() }) },
        },
      },
      async (request, reply) =>
        reply.status(201).send(unwrap(await registry.addSuccession(authOf(request).actor, request.body))),
    );
    app.delete(
      '/successions/:id',
      {
        config: { access: anyOf('write:unit:any') },
        schema: {
          tags: ['registry'],
          summary: 'Xóa quan hệ kế thừa',
          params: z.strictObject({ id: uuid }),
          response: { 200: z.object({ deleted: z.literal(true) }) },
        },
      },
      async (request) => unwrap(await registry.removeSuccession(authOf(request).actor, request.params.id)),
    );
  };
}
