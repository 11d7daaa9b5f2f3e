/**
 * Exports registry records to .xlsx and CSV with the import headers, so an export re-imports unchanged.
 * Values are formatted for Vietnamese readers: real Excel dates shown dd/mm/yyyy, enums as their
 * Vietnamese labels, booleans Có/Không.
 *
 * Formula injection (CSV injection): text beginning with = + - @ tab or CR must never run in Excel.
 * In .xlsx every text goes in as a string cell (shared string), which Excel displays and never evaluates —
 * only an explicit `{ formula }` value makes exceljs write a formula, and this module never does. In CSV
 * nothing marks text as text, so such a value is prefixed with an apostrophe (Excel hides it and keeps
 * the cell as text); readSpreadsheet() strips that apostrophe again, so round trips are exact.
 */
import ExcelJS from 'exceljs';
import { DATASET_ORDER, type DatasetKind } from '../../../../shared/registry/dataset.schema';
import type { RecordOf } from '../dataset-import';
import {
  EXCEL_DATE_FORMAT,
  SHEETS,
  formatCell,
  formatText,
  looksLikeFormula,
  type ColumnDef,
} from './sheets';

export type AnyRecords = { [K in DatasetKind]?: readonly RecordOf<K>[] };

const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDCE6F1' } };
const REQUIRED_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFCE4D6' } };

export function columnNumFmt(col: ColumnDef): string | undefined {
  if (col.type === 'date') return EXCEL_DATE_FORMAT;
  // Codes and id numbers stay text, so Excel keeps leading zeros.
  if (col.type === 'code' || col.type === 'codes' || col.field === 'personalIdNumber') return '@';
  return undefined;
}

/** Adds a data sheet for one kind: styled header row (frozen, filter), column widths and formats, rows. */
export function addDataSheet(
  wb: ExcelJS.Workbook,
  kind: DatasetKind,
  records: readonly object[],
  opts: { sheetName?: string; notes?: boolean } = {},
): ExcelJS.Worksheet {
  const def = SHEETS[kind];
  const ws = wb.addWorksheet(opts.sheetName ?? def.sheetName, {
    views: [{ state: 'frozen', ySplit: 1 }],
  });
  ws.columns = def.columns.map((col) => ({
    key: col.field,
    width: col.width,
    style: columnNumFmt(col) ? { numFmt: columnNumFmt(col)! } : {},
  }));
  const header = ws.getRow(1);
  def.columns.forEach((col, i) => {
    const cell = header.getCell(i + 1);
    cell.value = col.header;
    cell.font = { bold: true };
    cell.fill = col.required ? REQUIRED_FILL : HEADER_FILL;
    cell.alignment = { vertical: 'middle', wrapText: true };
    cell.border = { bottom: { style: 'thin' } };
    if (opts.notes) cell.note = `${col.required ? 'Bắt buộc. ' : ''}${col.hint}`;
  });
  header.height = 30;
  for (const record of records) {
    const r = record as Record<string, unknown>;
    ws.addRow(def.columns.map((col) => formatCell(col, r[col.field])));
  }
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: def.columns.length } };
  return ws;
}

async function toBuffer(wb: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function newWorkbook(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'VinhDanh';
  // A fixed date keeps exports of the same data byte-comparable between runs and engines.
  wb.created = new Date(Date.UTC(2020, 0, 1));
  wb.modified = wb.created;
  return wb;
}

/** One kind → an .xlsx with the import headers (re-importable as that kind). */
export async function writeSheet<K extends DatasetKind>(
  kind: K,
  records: readonly RecordOf<K>[],
  opts: { sheetName?: string } = {},
): Promise<Buffer> {
  const wb = newWorkbook();
  addDataSheet(wb, kind, records, opts);
  return toBuffer(wb);
}

/** Several kinds → one .xlsx, a sheet per kind in import order (re-importable as a workbook). */
export async function writeWorkbook(data: AnyRecords): Promise<Buffer> {
  const wb = newWorkbook();
  for (const kind of DATASET_ORDER) {
    const records = data[kind];
    if (records) addDataSheet(wb, kind, records);
  }
  if (!wb.worksheets.length) addDataSheet(wb, 'people', []);
  return toBuffer(wb);
}

export type TableValue = string | number | boolean | Date | null | undefined;
export interface TableColumn {
  header: string;
  width?: number;
  /** Excel number format, e.g. 'dd/mm/yyyy' for Date values or '#,##0' for money. */
  numFmt?: string;
}

/**
 * Any list (what a page shows, filtered) → .xlsx. Dates must be Dates at UTC midnight to show the right
 * day. Text is always written as text, never as a formula.
 */
export async function writeTable(
  sheetName: string,
  columns: TableColumn[],
  rows: TableValue[][],
): Promise<Buffer> {
  const wb = newWorkbook();
  const ws = wb.addWorksheet(sheetName.replace(/[:\\/?*[\]]/g, ' ').slice(0, 31), {
    views: [{ state: 'frozen', ySplit: 1 }],
  });
  ws.columns = columns.map((c) => ({
    width: c.width ?? Math.max(12, Math.min(50, c.header.length + 4)),
    style: c.numFmt ? { numFmt: c.numFmt } : {},
  }));
  const header = ws.addRow(columns.map((c) => c.header));
  header.font = { bold: true };
  header.eachCell((cell) => {
    cell.fill = HEADER_FILL;
  });
  for (const row of rows) ws.addRow(row.map((v) => (v === undefined ? null : v)));
  return toBuffer(wb);
}

// ── CSV ───────────────────────────────────────────────────────────────────────────────────────────────

/** Neutralise text that Excel would take for a formula, then quote as RFC 4180 requires. */
export function csvField(value: string, protect = true): string {
  const v = protect && looksLikeFormula(value) ? `'${value}` : value;
  return /[",;\r\n\t]/.test(v) || v !== v.trim() ? `"${v.replace(/"/g, '""')}"` : v;
}

const BOM = '\uFEFF';

/** Any table → CSV: UTF-8 with BOM (so Excel reads Vietnamese correctly), comma-separated, CRLF. */
export function toCsv(headers: string[], rows: TableValue[][]): Buffer {
  const lines = [headers.map((h) => csvField(h)).join(',')];
  for (const row of rows) {
    lines.push(
      row
        .map((v) => {
          if (v === null || v === undefined) return '';
          if (v instanceof Date) {
            const iso = v.toISOString().slice(0, 10);
            return `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
          }
          if (typeof v === 'number') return String(v);
          if (typeof v === 'boolean') return v ? 'Có' : 'Không';
          return csvField(v);
        })
        .join(','),
    );
  }
  return Buffer.from(BOM + lines.join('\r\n') + '\r\n', 'utf8');
}

/** One kind → CSV with the import headers (re-importable). */
export function writeCsv<K extends DatasetKind>(kind: K, records: readonly RecordOf<K>[]): Buffer {
  const def = SHEETS[kind];
  const lines = [def.columns.map((c) => csvField(c.header)).join(',')];
  for (const record of records) {
    const r = record as Record<string, unknown>;
    lines.push(
      def.columns
        .map((col) => {
          const text = formatText(col, r[col.field]);
          // Numbers (years, counts) are not text; everything else is protected.
          return col.type === 'int' ? text : csvField(text);
        })
        .join(','),
    );
  }
  return Buffer.from(BOM + lines.join('\r\n') + '\r\n', 'utf8');
}
