import fs from 'node:fs';
import path from 'node:path';
import { systemActor } from '../../server/platform/actor';
import type { DatasetChunks, LocatedDataset } from '../../server/features/registry/dataset-import';
import { SHEETS } from '../../server/features/registry/excel/sheets';
import { DATASET_ORDER } from '../../shared/registry/dataset.schema';
import type { ImportIssue, ImportSummary } from '../../shared/registry/import.schema';
import {
  CliFailure,
  EXIT,
  formatOption,
  parseCommand,
  UsageError,
  withDatabase,
  type CliContext,
  type Command,
} from '../context';
import { KIND_LIST, kindLabel, resolveTarget, type RegistryTarget } from './registry-targets';

const HELP = `Nhập dữ liệu sổ thi đua, khen thưởng từ tệp Excel (.xlsx), CSV hoặc JSON — xem trước rồi ghi,
tất cả hoặc không gì cả; nhập lại cùng một tệp không thay đổi gì.
(Import registry records from .xlsx, CSV or JSON: all-or-nothing, idempotent by natural keys.)

Cách dùng / Usage:
  npm run cli -- import <loại|dataset|workbook> <tệp> [--dry-run] [--format text|json]

Loại dữ liệu / Targets:
${KIND_LIST}
    (bí danh / aliases: evaluations, discipline, award-history, person-units, unit-evaluations, …)
    dataset            Bộ dữ liệu JSON đầy đủ (docs/dataset-format.md) / the JSON dataset document
    workbook           Tệp Excel nhiều trang tính, mỗi trang một loại / one .xlsx, a sheet per kind

Tệp / File:
  .json               Bộ dữ liệu JSON { "format": "vinhdanh-dataset", "version": 1, … }; với một loại cụ thể
                      cũng nhận một mảng bản ghi của loại đó. Không giới hạn dung lượng.
                      (JSON dataset; for one kind also a bare array of its records. No size limit.)
  .xlsx, .csv         Bảng tính theo mẫu (tiêu đề cột tiếng Việt), tối đa 20 MB; CSV chỉ chứa một loại.
                      (Spreadsheet with the template's Vietnamese headers, up to 20 MB; CSV holds one kind.)

Tùy chọn / Options:
  --dry-run     Chỉ xem trước: kiểm tra và đếm, không ghi gì / preview only, nothing is written
  --format      text (mặc định / default) hoặc / or json: { inserted, updated, unchanged, errors, warnings,
                committed, byKind } — chỉ JSON trên stdout / only JSON on stdout
  -h, --help    Trợ giúp / this help

Mỗi lỗi chỉ rõ dòng, cột, giá trị và lý do. Có lỗi thì không có gì được ghi; sửa tệp rồi nhập lại.
(Every error names row, column, value and reason; with any error nothing is written.)
Mã thoát / Exit: 0 đã nhập, hoặc chạy thử không có lỗi / imported, or a clean dry run;
  1 có lỗi, không ghi gì / errors, nothing written; 2 sai cú pháp / usage error.`;

/** How many issues the text report lists before "… và N lỗi khác". */
export const TEXT_ISSUE_LIMIT = 50;

interface ReadResult {
  data: LocatedDataset;
  /** A JSON dataset's records, streamed from the open file (closed by `close`). */
  chunks?: DatasetChunks;
  errors: ImportIssue[];
  warnings: ImportIssue[];
  bytes?: Buffer;
  sha256?: string;
  close?: () => void;
  /** 'json' or what readSpreadsheet read ('xlsx', 'csv:utf-8', …). */
  format: string;
  spreadsheet: boolean;
}

const fileIssue = (kind: string, message: string, column: string | null = null): ImportIssue => ({
  kind,
  row: 0,
  column,
  value: null,
  message,
});

const SPREADSHEET_EXT = new Set(['.xlsx', '.xlsm', '.xls', '.xltx', '.ods', '.csv', '.tsv', '.txt']);

function looksLikeJson(file: string, head: Buffer): boolean {
  const ext = path.extname(file).toLowerCase();
  if (ext === '.json') return true;
  if (SPREADSHEET_EXT.has(ext)) return false;
  const start = head
    .toString('utf8')
    .replace(/^\uFEFF/, '')
    .trimStart();
  return start.startsWith('{') || start.startsWith('[');
}

function statFile(file: string): fs.Stats {
  try {
    const stat = fs.statSync(file);
    if (!stat.isFile()) throw new CliFailure(`"${file}" không phải là tệp. (Not a file.)`);
    return stat;
  } catch (err) {
    if (err instanceof CliFailure) throw err;
    const code = (err as NodeJS.ErrnoException).code;
    throw new CliFailure(
      code === 'ENOENT'
        ? `Không tìm thấy tệp "${file}". (File not found.)`
        : `Không đọc được tệp "${file}": ${(err as Error).message}`,
    );
  }
}

/** The readers pull in exceljs and the import engine: loaded when a command runs, not for `--help`. */
const engine = () => import('../../server/features/registry/import.service');
const reader = () => import('../../server/features/registry/excel/read');

/**
 * A JSON file is never read whole: one pass indexes it (structure, envelope, where each kind's array is,
 * sha256), then runImport reads each kind's records a chunk at a time from the open file (decision 042).
 */
async function readJson(file: string, size: number, target: RegistryTarget): Promise<ReadResult> {
  const { indexJsonDataset, jsonDatasetChunks } = await engine();
  const { fileSource } = await import('../../server/features/registry/json-stream');
  const fd = fs.openSync(file, 'r');
  try {
    const source = fileSource(fd, size);
    // A bare array is one kind's records.
    const dataset = indexJsonDataset(source, 'kind' in target ? { kind: target.kind } : {});
    const errors = [...dataset.errors];
    if ('kind' in target) {
      // `import people x.json` must not quietly import units too, nor quietly skip them.
      for (const other of DATASET_ORDER) {
        if (other === target.kind) continue;
        if ((dataset.counts[other] ?? 0) > 0 || errors.some((e) => e.kind === other)) {
          errors.push(
            fileIssue(
              'dataset',
              `Tệp có dữ liệu "${SHEETS[other].sheetName}" (${other}); lệnh "import ${target.kind}" chỉ nhập ` +
                `"${SHEETS[target.kind].sheetName}". Dùng "import dataset" để nhập cả tệp.`,
              other,
            ),
          );
        }
      }
    }
    return {
      // Read even when the file has errors: every record's problems are reported, nothing is written.
      chunks: jsonDatasetChunks(source, dataset),
      data: {},
      errors,
      warnings: [],
      sha256: dataset.sha256,
      format: 'json',
      spreadsheet: false,
      close: () => fs.closeSync(fd),
    };
  } catch (err) {
    fs.closeSync(fd);
    throw err;
  }
}

async function readInput(file: string, target: RegistryTarget): Promise<ReadResult> {
  const stat = statFile(file);
  const fd = fs.openSync(file, 'r');
  const head = Buffer.alloc(Math.min(64, stat.size));
  try {
    fs.readSync(fd, head, 0, head.length, 0);
  } finally {
    fs.closeSync(fd);
  }
  if (looksLikeJson(file, head)) return readJson(file, stat.size, target);
  const { checkImportSize, readSpreadsheet } = await reader();
  const label = 'kind' in target ? target.kind : 'file';
  // Refuse an oversized spreadsheet before reading it into memory.
  const tooBig = checkImportSize(stat.size, label);
  if (tooBig) {
    return {
      data: {},
      errors: [tooBig],
      warnings: [],
      bytes: Buffer.alloc(0),
      format: 'spreadsheet',
      spreadsheet: true,
    };
  }
  const bytes = fs.readFileSync(file);
  const read = await readSpreadsheet(bytes, path.basename(file), 'kind' in target ? target.kind : 'workbook');
  return {
    data: read.data,
    errors: read.errors,
    warnings: read.warnings,
    bytes,
    format: read.format ?? 'xlsx',
    spreadsheet: true,
  };
}

// ── text report ──────────────────────────────────────────────────────────────────────────────────────

function table(head: string[], rows: string[][], right: number[] = []): string[] {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (right.includes(i) ? c.padStart(widths[i]!) : c.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  return [line(head), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)];
}

const clip = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

export function issueTable(issues: ImportIssue[], noun: string, limit = TEXT_ISSUE_LIMIT): string[] {
  const shown = issues
    .slice(0, limit)
    .map((i) => [
      (DATASET_ORDER as string[]).includes(i.kind) ? kindLabel(i.kind) : 'Cả tệp (file)',
      i.row > 0 ? String(i.row) : '—',
      i.column ?? '—',
      i.value === null ? '' : clip(JSON.stringify(i.value).slice(1, -1), 40),
      i.message,
    ]);
  const lines = table(
    ['Loại / Trang tính', 'Dòng', 'Cột', 'Giá trị', noun === 'lỗi' ? 'Lỗi' : 'Cảnh báo'],
    shown,
    [1],
  );
  if (issues.length > limit) lines.push(`… và ${issues.length - limit} ${noun} khác`);
  return lines;
}

function textReport(
  summary: ImportSummary,
  file: string,
  read: ReadResult,
  dryRun: boolean,
  where: string,
): string[] {
  const lines: string[] = [];
  const mode = dryRun ? 'chạy thử, không ghi gì (dry run)' : 'nhập và ghi (commit)';
  lines.push(`Nhập dữ liệu từ ${file} (${read.format}) vào ${where} — ${mode}`);
  lines.push('');
  const kinds = DATASET_ORDER.filter((k) => summary.byKind[k]);
  const counts = kinds.map((k) => {
    const c = summary.byKind[k]!;
    return [kindLabel(k), String(c.inserted), String(c.updated), String(c.unchanged)];
  });
  counts.push(['Tổng / total', String(summary.inserted), String(summary.updated), String(summary.unchanged)]);
  const head = summary.committed ? 'Loại dữ liệu' : 'Loại dữ liệu (dự kiến / would be)';
  lines.push(...table([head, 'Thêm mới', 'Cập nhật', 'Không đổi'], counts, [1, 2, 3]));
  if (summary.warnings.length) {
    lines.push('', `Cảnh báo (${summary.warnings.length}) / Warnings — không chặn việc nhập / do not block:`);
    lines.push(...issueTable(summary.warnings, 'cảnh báo'));
  }
  if (summary.errors.length) {
    lines.push('', `Lỗi (${summary.errors.length}) / Errors:`);
    lines.push(...issueTable(summary.errors, 'lỗi'));
  }
  return lines;
}

// ── command ──────────────────────────────────────────────────────────────────────────────────────────

async function run(argv: string[], ctx: CliContext): Promise<number> {
  const parsed = parseCommand(
    'import',
    argv,
    { 'dry-run': { type: 'boolean' }, format: { type: 'string' } },
    2,
  );
  if (parsed.help) {
    ctx.out(HELP);
    return EXIT.ok;
  }
  const format = formatOption('import', parsed);
  const [word, file] = parsed.positionals;
  const target = resolveTarget('import', word);
  if (!file) throw new UsageError('Thiếu tệp cần nhập: import <loại> <tệp> (missing file)', 'import');
  const dryRun = parsed.values['dry-run'] === true;

  const read = await readInput(file, target);
  const sourceKind = 'kind' in target ? target.kind : target.all;
  const { runImport } = await engine();
  let summary: ImportSummary;
  try {
    summary = await withDatabase(ctx, (database) =>
      runImport(
        database,
        systemActor(null, 'cli'),
        ctx.clock,
        {
          data: read.data,
          chunks: read.chunks,
          readErrors: read.errors,
          readWarnings: read.warnings,
          source: { name: path.basename(file), bytes: read.bytes, sha256: read.sha256, kind: sourceKind },
        },
        { unitIds: null },
        dryRun ? 'preview' : 'commit',
      ),
    );
  } finally {
    read.close?.();
  }
  if (read.spreadsheet) {
    // Reference errors come back by field name; the officer knows the column header.
    const { localizeIssues } = await reader();
    summary = {
      ...summary,
      errors: localizeIssues(summary.errors),
      warnings: localizeIssues(summary.warnings),
    };
  }
  const failed = summary.errors.length > 0;

  if (format === 'json') {
    const { inserted, updated, unchanged, errors, warnings, committed, byKind } = summary;
    ctx.out(JSON.stringify({ inserted, updated, unchanged, errors, warnings, committed, byKind }, null, 2));
    return failed ? EXIT.failure : EXIT.ok;
  }

  for (const line of textReport(summary, file, read, dryRun, ctx.describeDatabase())) ctx.out(line);
  ctx.out('');
  if (failed) {
    ctx.err(
      `✖ Có ${summary.errors.length} lỗi nên không có gì được ghi. Sửa các dòng trên rồi nhập lại.` +
        ` (${summary.errors.length} errors; nothing was written.)`,
    );
    return EXIT.failure;
  }
  if (summary.committed) {
    ctx.out(
      `✓ Đã nhập: ${summary.inserted} thêm mới, ${summary.updated} cập nhật, ${summary.unchanged} không đổi.` +
        ' (Imported in one transaction; audited as "cli".)',
    );
  } else {
    ctx.out('✓ Chạy thử: tệp hợp lệ, chưa ghi gì. Chạy lại không có --dry-run để nhập.');
    ctx.out('  (Dry run: the file is valid; nothing was written.)');
  }
  return EXIT.ok;
}

export const importCommand: Command = {
  name: 'import',
  summary: 'Nhập dữ liệu từ Excel, CSV, JSON / Import registry records',
  help: HELP,
  run,
};
