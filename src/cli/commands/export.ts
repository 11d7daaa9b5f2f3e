import fs from 'node:fs';
import path from 'node:path';
import {
  recordsRepository,
  toRecord,
  type RecordFilter,
} from '../../server/features/registry/records.repository';
import type { RecordOf } from '../../server/features/registry/dataset-import';
import type { AnyRecords } from '../../server/features/registry/excel/write';
import { unitsRepository } from '../../server/features/units/units.repository';
import type { Database } from '../../server/platform/db/database';
import { DATASET_ORDER, type DatasetKind } from '../../shared/registry/dataset.schema';
import {
  CliFailure,
  EXIT,
  parseCommand,
  stringOption,
  UsageError,
  withDatabase,
  type CliContext,
  type Command,
} from '../context';
import { KIND_LIST, kindLabel, resolveTarget } from './registry-targets';

const HELP = `Xuất dữ liệu sổ thi đua, khen thưởng: một danh sách ra Excel (.xlsx) hoặc CSV, nhiều danh sách ra
một tệp Excel, hoặc toàn bộ ra bộ dữ liệu JSON. Tệp xuất ra nhập lại được (import) mà không thay đổi gì.
(Export one list to .xlsx/CSV, all lists to one workbook, or everything to the JSON dataset; exports
re-import as unchanged.)

Cách dùng / Usage:
  npm run cli -- export <loại> --out <tệp.xlsx|tệp.csv> [--year N] [--unit <mã đơn vị>] [--q <từ khóa>] [--force]
  npm run cli -- export workbook --out <tệp.xlsx> [--year N] [--unit <mã đơn vị>] [--q <từ khóa>] [--force]
  npm run cli -- export dataset --out <tệp.json> [--force]

Loại dữ liệu / Kinds:
${KIND_LIST}

Tùy chọn / Options:
  --out <tệp>     Tệp đích; định dạng theo đuôi tệp / output file, format by extension
  --year N        Chỉ năm N (danh sách có năm) / only year N (lists that have a year)
  --unit <mã>     Chỉ đơn vị này và các đơn vị trực thuộc / only this unit and the units under it
  --q <từ khóa>   Tìm theo tên, không phân biệt dấu ("nguyen thi thu") / diacritic-insensitive search
  --force         Ghi đè nếu tệp đã tồn tại / overwrite an existing file
  -h, --help      Trợ giúp / this help

Bộ lọc giống trang danh sách: lọc gì thì xuất nấy. Với "workbook", danh sách không có thuộc tính lọc (ví dụ
năm của danh sách đơn vị) được xuất đầy đủ. Bộ dữ liệu JSON luôn gồm toàn bộ dữ liệu, các bản ghi theo thứ tự
cố định (theo khóa tự nhiên), nên cùng dữ liệu cho cùng tệp trên PGlite và PostgreSQL (trừ "generatedAt").
(Filters work as on the list pages. The JSON dataset is always complete and canonically ordered, so the same
data exports identically on either engine, generatedAt aside.)
Mã thoát / Exit: 0 đã xuất / exported, 1 tệp đã tồn tại hoặc không tìm thấy đơn vị / file exists or unknown unit,
  2 sai cú pháp / usage error.`;

type Records = Record<string, unknown>[];

/**
 * The JSON dataset document: envelope, then every kind in import order, one record per line (readable,
 * diffable, and not much larger than minified).
 */
export function datasetDocument(generatedAt: string, data: Partial<Record<DatasetKind, Records>>): string {
  const parts = [
    `  "format": "vinhdanh-dataset"`,
    `  "version": 1`,
    `  "generatedAt": ${JSON.stringify(generatedAt)}`,
  ];
  for (const kind of DATASET_ORDER) {
    const records = data[kind] ?? [];
    parts.push(
      records.length === 0
        ? `  ${JSON.stringify(kind)}: []`
        : `  ${JSON.stringify(kind)}: [\n${records.map((r) => `    ${JSON.stringify(r)}`).join(',\n')}\n  ]`,
    );
  }
  return `{\n${parts.join(',\n')}\n}\n`;
}

/**
 * Canonical order for the dataset: by the record's own content (its natural key comes first), so the
 * order never depends on database ids or on ties in the list order, and two installations holding the
 * same data write the same file.
 */
export function canonicalOrder(records: Records): Records {
  return records
    .map((r) => ({ r, key: JSON.stringify(r) }))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .map((x) => x.r);
}

function parseYear(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!/^\d{4}$/.test(value.trim()) || n < 1945 || n > 2100) {
    throw new UsageError(`--year phải là một năm từ 1945 đến 2100 (nhận được "${value}")`, 'export');
  }
  return n;
}

const size = (bytes: number) =>
  bytes >= 1024 * 1024
    ? `${(bytes / 1024 / 1024).toFixed(1).replace('.', ',')} MB`
    : `${Math.ceil(bytes / 1024)} KB`;

/** Writes beside the target and renames, so a failed export never leaves half a file under the name. */
function writeFileAtomic(file: string, body: Buffer | string, overwrite: boolean): void {
  if (!overwrite && fs.existsSync(file)) {
    throw new CliFailure(`Tệp "${file}" đã tồn tại; dùng --force để ghi đè. (File exists; use --force.)`);
  }
  const tmp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
  try {
    fs.writeFileSync(tmp, body);
    fs.renameSync(tmp, file);
  } catch (err) {
    fs.rmSync(tmp, { force: true });
    throw new CliFailure(`Không ghi được tệp "${file}": ${(err as Error).message}`);
  }
}

/** Every kind's records as exchange records, read in one consistent snapshot. */
async function readRecords(database: Database, kinds: DatasetKind[], filter: RecordFilter) {
  return database.db.transaction(
    async (tx) => {
      const out: Partial<Record<DatasetKind, Records>> = {};
      for (const kind of kinds) {
        const rows = await recordsRepository.all(tx, kind, filter);
        out[kind] = rows.map((row) => toRecord(kind, row));
      }
      return out;
    },
    { isolationLevel: 'repeatable read', accessMode: 'read only' },
  );
}

async function run(argv: string[], ctx: CliContext): Promise<number> {
  const parsed = parseCommand(
    'export',
    argv,
    {
      out: { type: 'string' },
      year: { type: 'string' },
      unit: { type: 'string' },
      q: { type: 'string' },
      force: { type: 'boolean' },
    },
    1,
  );
  if (parsed.help) {
    ctx.out(HELP);
    return EXIT.ok;
  }
  const target = resolveTarget('export', parsed.positionals[0]);
  const out = stringOption(parsed, 'out');
  if (!out) throw new UsageError('Thiếu tệp đích: --out <tệp> (missing --out)', 'export');
  const ext = path.extname(out).toLowerCase();
  const year = parseYear(stringOption(parsed, 'year'));
  const unitCode = stringOption(parsed, 'unit')?.trim().toUpperCase();
  const q = stringOption(parsed, 'q')?.trim() || undefined;
  const force = parsed.values.force === true;

  if ('all' in target && target.all === 'dataset') {
    if (ext !== '.json') {
      throw new UsageError(
        'Bộ dữ liệu được xuất ra tệp .json; để xuất Excel nhiều trang tính, dùng "export workbook --out <tệp.xlsx>"',
        'export',
      );
    }
    if (year !== undefined || unitCode || q) {
      throw new UsageError(
        'Bộ dữ liệu JSON luôn gồm toàn bộ dữ liệu; --year, --unit, --q chỉ dùng khi xuất danh sách hoặc workbook',
        'export',
      );
    }
  } else if ('all' in target) {
    if (ext !== '.xlsx') throw new UsageError('"export workbook" ghi tệp .xlsx (--out <tệp.xlsx>)', 'export');
  } else if (ext !== '.xlsx' && ext !== '.csv') {
    throw new UsageError(`Định dạng không hỗ trợ "${ext || out}": dùng đuôi .xlsx hoặc .csv`, 'export');
  }
  // Before touching the database: the answer does not depend on it.
  if (!force && fs.existsSync(out)) {
    throw new CliFailure(`Tệp "${out}" đã tồn tại; dùng --force để ghi đè. (File exists; use --force.)`);
  }
  if (!fs.existsSync(path.dirname(path.resolve(out)))) {
    throw new CliFailure(`Thư mục "${path.dirname(out)}" không tồn tại. (Directory not found.)`);
  }

  const kinds = 'kind' in target ? [target.kind] : DATASET_ORDER;
  const data = await withDatabase(ctx, async (database) => {
    const filter: RecordFilter = { year, q };
    if (unitCode) {
      const unit = await unitsRepository.findByCode(database.db, unitCode);
      if (!unit)
        throw new CliFailure(
          `Không tìm thấy đơn vị có mã "${unitCode}"; chưa xuất gì. (No unit with this code.)`,
        );
      filter.unitId = unit.id;
    }
    return readRecords(database, kinds, filter);
  });

  let body: Buffer | string;
  // exceljs is loaded only when a spreadsheet is written, not for `--help` or a JSON export.
  const writer = () => import('../../server/features/registry/excel/write');
  if ('kind' in target) {
    const { writeCsv, writeSheet } = await writer();
    const records = (data[target.kind] ?? []) as unknown as readonly RecordOf<typeof target.kind>[];
    body = ext === '.csv' ? writeCsv(target.kind, records) : await writeSheet(target.kind, records);
  } else if (target.all === 'workbook') {
    body = await (await writer()).writeWorkbook(data as AnyRecords);
  } else {
    const canonical: Partial<Record<DatasetKind, Records>> = {};
    for (const kind of kinds) canonical[kind] = canonicalOrder(data[kind] ?? []);
    body = datasetDocument(ctx.clock().toISOString(), canonical);
  }
  writeFileAtomic(out, body, force);

  const total = kinds.reduce((n, k) => n + (data[k]?.length ?? 0), 0);
  const bytes = typeof body === 'string' ? Buffer.byteLength(body) : body.length;
  ctx.out(`Đã xuất ${total} bản ghi từ ${ctx.describeDatabase()}`);
  ctx.out(`  vào / to: ${path.resolve(out)} (${size(bytes)})`);
  for (const kind of kinds) ctx.out(`  ${kindLabel(kind).padEnd(40)} ${data[kind]?.length ?? 0}`);
  ctx.out(`(Exported ${total} records.)`);
  return EXIT.ok;
}

export const exportCommand: Command = {
  name: 'export',
  summary: 'Xuất dữ liệu ra Excel, CSV, JSON / Export registry records',
  help: HELP,
  run,
};
