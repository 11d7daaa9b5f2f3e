/**
 * Reads an officer's spreadsheet (.xlsx, or .csv in any encoding Vietnamese offices still produce) into
 * located registry records, reporting every problem the way the officer sees the file: the real row
 * number (the header is row 1) and the Vietnamese column header. Nothing here touches the database; the
 * result goes to runImport(), which applies it all-or-nothing.
 *
 * Hostile or broken input is refused before the parser sees it: oversized uploads, zip bombs (declared
 * and actual uncompressed sizes checked with yauzl before exceljs unzips anything), files that are not
 * spreadsheets, and more rows than one import may carry.
 */
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import chardet from 'chardet';
import yauzl from 'yauzl';
import { DATASET_ORDER, type DatasetKind } from '../../../../shared/registry/dataset.schema';
import type { ImportIssue } from '../../../../shared/registry/import.schema';
import { validateRecords, type LocatedDataset } from '../dataset-import';
import {
  GUIDE_SHEET,
  LISTS_SHEET,
  SHEETS,
  headerIndex,
  headerOf,
  kindOfSheetName,
  normalizeHeader,
  parseCell,
  type CellInput,
  type ColumnDef,
} from './sheets';

import {
  MAX_COMPRESSION_RATIO,
  MAX_IMPORT_BYTES,
  MAX_ROWS,
  MAX_UNCOMPRESSED_BYTES,
  MAX_XLSX_ROWS,
  MAX_ZIP_ENTRIES,
} from './limits';
export {
  MAX_COMPRESSION_RATIO,
  MAX_IMPORT_BYTES,
  MAX_ROWS,
  MAX_UNCOMPRESSED_BYTES,
  MAX_XLSX_ROWS,
  MAX_ZIP_ENTRIES,
};

export type ReadTarget = DatasetKind | 'workbook';

export interface SpreadsheetRead {
  data: LocatedDataset;
  errors: ImportIssue[];
  warnings: ImportIssue[];
  /** What was read: 'xlsx' or 'csv:<encoding>' (for logs and the preview). */
  format?: string;
}

const mb = (n: number) => `${Math.round(n / 1024 / 1024)} MB`;
const fileIssue = (kind: string, message: string, row = 0, column: string | null = null): ImportIssue => ({
  kind,
  row,
  column,
  value: null,
  message,
});

/** The size check routes and the CLI run before reading anything (also run by readSpreadsheet). */
export function checkImportSize(bytes: number, kind = 'file'): ImportIssue | null {
  if (bytes <= MAX_IMPORT_BYTES) return null;
  return fileIssue(
    kind,
    `Tệp quá lớn (${mb(bytes)}); giới hạn là ${mb(MAX_IMPORT_BYTES)}. Hãy chia nhỏ tệp hoặc dùng định dạng dữ liệu JSON qua dòng lệnh.`,
  );
}

const NOT_SPREADSHEET =
  'Tệp không phải bảng tính: chỉ nhận tệp Excel (.xlsx) hoặc CSV. Hãy mở tệp bằng Excel và lưu lại dưới dạng "Excel Workbook (.xlsx)".';

type Sniffed = 'zip' | 'ole' | 'text' | 'empty';
function sniff(buf: Buffer): Sniffed {
  if (buf.length === 0) return 'empty';
  if (buf.length >= 4 && buf.readUInt32BE(0) === 0x504b0304) return 'zip';
  if (buf.length >= 8 && buf.subarray(0, 8).equals(Buffer.from('d0cf11e0a1b11ae1', 'hex'))) return 'ole';
  return 'text';
}

/**
 * Entry point: detect the format (.xlsx by its zip signature, otherwise CSV text), refuse what must be
 * refused, read the records. Issues come sorted by sheet (import order) and row.
 */
export async function readSpreadsheet(
  buffer: Buffer,
  filename: string,
  target: ReadTarget,
): Promise<SpreadsheetRead> {
  const result = await readUnsorted(buffer, filename, target);
  const order = (k: string) => (DATASET_ORDER as string[]).indexOf(k);
  const byPlace = (a: ImportIssue, b: ImportIssue) => order(a.kind) - order(b.kind) || a.row - b.row;
  result.errors.sort(byPlace);
  result.warnings.sort(byPlace);
  return result;
}

async function readUnsorted(buffer: Buffer, filename: string, target: ReadTarget): Promise<SpreadsheetRead> {
  const kindLabel = target === 'workbook' ? 'file' : target;
  const fail = (message: string): SpreadsheetRead => ({
    data: {},
    errors: [fileIssue(kindLabel, message)],
    warnings: [],
  });
  const tooBig = checkImportSize(buffer.length, kindLabel);
  if (tooBig) return { data: {}, errors: [tooBig], warnings: [] };
  const kind = sniff(buffer);
  const ext = /\.([a-z0-9]+)$/i.exec(filename)?.[1]?.toLowerCase() ?? '';
  if (kind === 'empty') return fail('Tệp trống');
  if (kind === 'ole')
    return fail(
      'Tệp Excel 97–2003 (.xls) hoặc tệp Excel có mật khẩu không được hỗ trợ. Hãy gỡ mật khẩu và lưu lại dưới dạng .xlsx.',
    );
  if (kind === 'zip') {
    const zip = await inspectZip(buffer);
    if (!zip.ok) return fail(zip.message);
    if (zip.rows > MAX_XLSX_ROWS)
      return fail(
        `Tệp Excel có ${zip.rows.toLocaleString('vi-VN')} dòng, vượt giới hạn ${MAX_XLSX_ROWS.toLocaleString('vi-VN')} dòng. Hãy chia nhỏ tệp, hoặc lưu dưới dạng CSV (tối đa ${MAX_ROWS.toLocaleString('vi-VN')} dòng).`,
      );
    return readXlsx(buffer, target);
  }
  // Text: a .xlsx that is not a zip is damaged or renamed; anything else must read as CSV text.
  if (['xlsx', 'xlsm', 'xls', 'xltx', 'ods'].includes(ext)) return fail(NOT_SPREADSHEET);
  const decoded = decodeText(buffer);
  if (!decoded) return fail(NOT_SPREADSHEET);
  if (target === 'workbook')
    return fail(
      'Tệp CSV chỉ chứa một danh sách; hãy chọn loại dữ liệu cần nhập, hoặc dùng tệp Excel nhiều trang tính.',
    );
  return { ...readCsvText(decoded.text, target), format: `csv:${decoded.encoding}` };
}

// ── zip safety ────────────────────────────────────────────────────────────────────────────────────────

/**
 * Refuses a zip that is not a workbook or that would unzip to too much. Declared sizes are checked first
 * (cheap, and enough for an honest bomb); then every part is inflated once with a running cap, because a
 * crafted zip can lie about its sizes and exceljs's unzipper would believe it. The same pass counts the
 * worksheets' rows, so an oversized workbook is refused before exceljs builds it in memory.
 */
export async function inspectZip(
  buffer: Buffer,
): Promise<{ ok: true; rows: number } | { ok: false; message: string }> {
  let zip: yauzl.ZipFile;
  try {
    zip = await yauzl.fromBufferPromise(buffer, {
      lazyEntries: true,
      autoClose: false,
      validateEntrySizes: true,
    });
  } catch {
    return { ok: false, message: NOT_SPREADSHEET };
  }
  const refuse = (message: string) => ({ ok: false as const, message });
  const bomb = `Tệp bị từ chối: dung lượng giải nén vượt giới hạn an toàn (${mb(MAX_UNCOMPRESSED_BYTES)}) hoặc tỷ lệ nén bất thường (có thể là "zip bomb").`;
  try {
    if (zip.entryCount > MAX_ZIP_ENTRIES) return refuse(bomb);
    const entries: yauzl.Entry[] = [];
    let declared = 0;
    for await (const entry of zip.eachEntry()) {
      declared += entry.uncompressedSize;
      const ratio = entry.uncompressedSize / Math.max(1, entry.compressedSize);
      if (
        declared > MAX_UNCOMPRESSED_BYTES ||
        (entry.uncompressedSize > 1024 * 1024 && ratio > MAX_COMPRESSION_RATIO)
      )
        return refuse(bomb);
      entries.push(entry);
    }
    const names = new Set(entries.map((e) => e.fileName));
    if (!names.has('xl/workbook.xml') || !names.has('[Content_Types].xml')) return refuse(NOT_SPREADSHEET);
    let actual = 0;
    let rows = 0;
    for (const entry of entries) {
      if (entry.fileName.endsWith('/')) continue;
      const isSheet = /^xl\/worksheets\/[^/]+\.xml$/.test(entry.fileName);
      let tail = '';
      const stream = await zip.openReadStreamPromise(entry);
      try {
        for await (const chunk of stream) {
          actual += (chunk as Buffer).length;
          if (isSheet) {
            // Count <row …> elements; the tail carries a tag split between two chunks.
            const text = tail + (chunk as Buffer).toString('latin1');
            rows += text.match(/<(?:\w+:)?row[\s>]/g)?.length ?? 0;
            tail = text.slice(-12).replace(/^.*>/s, '');
            if (tail.match(/<(?:\w+:)?row[\s>]/)) tail = '';
          }
          if (actual > MAX_UNCOMPRESSED_BYTES) {
            stream.destroy();
            return refuse(bomb);
          }
        }
      } catch {
        // yauzl refuses a part that inflates to more (or less) than it declared.
        return refuse(bomb);
      }
    }
    return { ok: true, rows };
  } catch {
    return refuse(NOT_SPREADSHEET);
  } finally {
    zip.close();
  }
}

// ── grids: what both formats become before records ────────────────────────────────────────────────────

interface GridCell {
  value: CellInput;
  /** A cell that has no usable value (formula without a cached result, #N/A…). */
  error?: string;
}
interface GridRow {
  row: number;
  cells: Map<number, GridCell>;
}
interface Merge {
  range: string;
  row: number;
  col: number;
}
interface Grid {
  name: string;
  rows: GridRow[];
  merges: Merge[];
}

const colLetters = (col: number) => {
  let s = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
};

async function readXlsx(buffer: Buffer, target: ReadTarget): Promise<SpreadsheetRead> {
  const errors: ImportIssue[] = [];
  const warnings: ImportIssue[] = [];
  const kindLabel = target === 'workbook' ? 'file' : target;
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(buffer as unknown as ArrayBuffer);
  } catch {
    return { data: {}, errors: [fileIssue(kindLabel, NOT_SPREADSHEET)], warnings };
  }
  const sheets = wb.worksheets.filter((ws) => {
    const n = normalizeHeader(ws.name);
    return n !== normalizeHeader(GUIDE_SHEET) && n !== normalizeHeader(LISTS_SHEET);
  });
  const rowCount = sheets.reduce((n, ws) => n + ws.actualRowCount, 0);
  if (rowCount > MAX_ROWS + sheets.length)
    return {
      data: {},
      errors: [
        fileIssue(
          kindLabel,
          `Tệp có ${rowCount.toLocaleString('vi-VN')} dòng, vượt giới hạn ${MAX_ROWS.toLocaleString('vi-VN')} dòng cho một lần nhập. Hãy chia nhỏ tệp.`,
        ),
      ],
      warnings,
    };

  const data: LocatedDataset = {};
  if (target === 'workbook') {
    const seen = new Set<DatasetKind>();
    for (const ws of sheets) {
      const kind = kindOfSheetName(ws.name);
      if (!kind) {
        warnings.push(
          fileIssue(
            'file',
            `Trang tính "${ws.name}" không ứng với loại dữ liệu nào (${DATASET_ORDER.map((k) => SHEETS[k].sheetName).join(', ')}); đã bỏ qua`,
          ),
        );
        continue;
      }
      if (seen.has(kind)) {
        errors.push(fileIssue(kind, `Có hai trang tính cho "${SHEETS[kind].sheetName}"`));
        continue;
      }
      seen.add(kind);
      const grid = worksheetToGrid(ws);
      if (!grid.rows.length) continue;
      setKind(data, kind, gridToRecords(kind, grid, errors, warnings, false));
    }
    if (!seen.size)
      errors.push(
        fileIssue(
          'file',
          `Không tìm thấy trang tính dữ liệu nào. Tên trang tính phải là một trong: ${DATASET_ORDER.map((k) => SHEETS[k].sheetName).join(', ')}.`,
        ),
      );
    return { data, errors, warnings, format: 'xlsx' };
  }
  const ws = sheets.find((s) => kindOfSheetName(s.name) === target) ?? sheets[0];
  if (!ws) return { data, errors: [fileIssue(target, 'Tệp không có trang tính dữ liệu nào')], warnings };
  setKind(data, target, gridToRecords(target, worksheetToGrid(ws), errors, warnings, true));
  return { data, errors, warnings, format: 'xlsx' };
}

function setKind(data: LocatedDataset, kind: DatasetKind, records: unknown[]) {
  (data as Record<DatasetKind, unknown[]>)[kind] = records;
}

function worksheetToGrid(ws: ExcelJS.Worksheet): Grid {
  const rows: GridRow[] = [];
  const merges = new Map<string, { master: ExcelJS.Cell; maxRow: number; maxCol: number }>();
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells = new Map<number, GridCell>();
    row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
      if (cell.type === ExcelJS.ValueType.Merge) {
        // exceljs repeats the top-left value in every cell of a merge; it belongs to the top-left only.
        const master = cell.master;
        const m = merges.get(master.address) ?? { master, maxRow: 0, maxCol: 0 };
        m.maxRow = Math.max(m.maxRow, rowNumber);
        m.maxCol = Math.max(m.maxCol, colNumber);
        merges.set(master.address, m);
        return;
      }
      cells.set(colNumber, unwrapCell(cell));
    });
    if (cells.size) rows.push({ row: rowNumber, cells });
  });
  return {
    name: ws.name,
    rows,
    merges: [...merges.values()].map(({ master, maxRow, maxCol }) => {
      const row = Number(master.row);
      const col = Number(master.col);
      return { range: `${master.address}:${colLetters(maxCol)}${maxRow}`, row, col };
    }),
  };
}

function richText(v: unknown): string {
  if (v && typeof v === 'object' && 'richText' in v)
    return (v as ExcelJS.CellRichTextValue).richText.map((r) => r.text).join('');
  return v === null || v === undefined ? '' : String(v);
}

function unwrapCell(cell: ExcelJS.Cell): GridCell {
  const v = cell.value;
  switch (cell.type) {
    case ExcelJS.ValueType.Null:
      return { value: null };
    case ExcelJS.ValueType.Number:
    case ExcelJS.ValueType.String:
    case ExcelJS.ValueType.Boolean:
    case ExcelJS.ValueType.Date:
      return { value: v as CellInput };
    case ExcelJS.ValueType.RichText:
      return { value: richText(v) };
    case ExcelJS.ValueType.Hyperlink:
      return { value: richText((v as ExcelJS.CellHyperlinkValue).text) };
    case ExcelJS.ValueType.Error:
      return { value: null, error: `Ô có lỗi ${(v as ExcelJS.CellErrorValue).error}` };
    case ExcelJS.ValueType.Formula: {
      // The value Excel computed and saved with the file; VinhDanh never evaluates formulas itself.
      const result = (v as ExcelJS.CellFormulaValue).result;
      if (result === undefined || result === null)
        return {
          value: null,
          error:
            'Ô chứa công thức chưa có giá trị tính sẵn. Hãy mở tệp bằng Excel rồi lưu lại, hoặc dán đặc biệt dạng giá trị',
        };
      if (typeof result === 'object' && !(result instanceof Date) && 'error' in result)
        return { value: null, error: `Công thức cho kết quả lỗi ${result.error}` };
      return { value: result as CellInput };
    }
    default:
      return { value: richText(v) };
  }
}

// ── grid → records ────────────────────────────────────────────────────────────────────────────────────

/** The header is the row, among the first ten, that names the most known columns (row 1 if none). */
function findHeader(kind: DatasetKind, grid: Grid): GridRow | undefined {
  const index = headerIndex(kind);
  let best: GridRow | undefined;
  let bestScore = 0;
  for (const r of grid.rows.slice(0, 10)) {
    let score = 0;
    for (const cell of r.cells.values())
      if (typeof cell.value === 'string' && index.has(normalizeHeader(cell.value))) score++;
    if (score > bestScore) {
      best = r;
      bestScore = score;
    }
  }
  return best ?? grid.rows[0];
}

function gridToRecords(
  kind: DatasetKind,
  grid: Grid,
  errors: ImportIssue[],
  warnings: ImportIssue[],
  single: boolean,
): unknown[] {
  const def = SHEETS[kind];
  const header = findHeader(kind, grid);
  if (!header) {
    if (single) errors.push(fileIssue(kind, 'Tệp không có dữ liệu (không có dòng tiêu đề)'));
    return [];
  }
  const index = headerIndex(kind);
  const columns = new Map<number, ColumnDef>();
  const seen = new Map<string, number>();
  let fileError = false;
  for (const [col, cell] of [...header.cells.entries()].sort((a, b) => a[0] - b[0])) {
    const text = cell.value === null || cell.value === undefined ? '' : String(cell.value).trim();
    if (!text) continue;
    const def = index.get(normalizeHeader(text));
    if (!def) {
      warnings.push({
        kind,
        row: header.row,
        column: text,
        value: null,
        message: `Cột "${text}" không thuộc mẫu nhập; đã bỏ qua`,
      });
      continue;
    }
    if (seen.has(def.field)) {
      errors.push({
        kind,
        row: header.row,
        column: def.header,
        value: text,
        message: `Cột "${def.header}" xuất hiện hai lần (cột ${colLetters(seen.get(def.field)!)} và ${colLetters(col)})`,
      });
      fileError = true;
      continue;
    }
    seen.set(def.field, col);
    columns.set(col, def);
  }
  const missing = def.columns.filter((c) => c.required && !seen.has(c.field));
  if (missing.length) {
    errors.push({
      kind,
      row: header.row,
      column: null,
      value: null,
      message: `Thiếu cột bắt buộc: ${missing.map((c) => `"${c.header}"`).join(', ')}. Hãy dùng tệp mẫu của VinhDanh (trang tính "${def.sheetName}").`,
    });
    fileError = true;
  }
  if (fileError) return [];

  for (const m of grid.merges) {
    const col = columns.get(m.col);
    if (m.row <= header.row || !col) continue;
    warnings.push({
      kind,
      row: m.row,
      column: col.header,
      value: m.range,
      message: `Ô gộp ${m.range}: giá trị chỉ thuộc về ô đầu tiên (dòng ${m.row}); các ô còn lại được coi là trống`,
    });
  }

  const raw: { row: number; value: Record<string, unknown>; columnOf: (f: string) => string }[] = [];
  const cellErrors = new Set<string>();
  const rowsWithErrors = new Set<number>();
  const columnOf = (field: string) => headerOf(kind, field);
  for (const r of grid.rows) {
    if (r.row <= header.row) continue;
    let hasValue = false;
    for (const [col, cell] of r.cells) {
      if (!columns.has(col)) continue;
      if (
        cell.error ||
        !(cell.value === null || cell.value === undefined || String(cell.value).trim() === '')
      )
        hasValue = true;
    }
    if (!hasValue) continue; // empty rows are skipped
    const value: Record<string, unknown> = {};
    const rowError = (col: ColumnDef, v: CellInput, message: string) => {
      errors.push({
        kind,
        row: r.row,
        column: col.header,
        value:
          v === null || v === undefined ? null : v instanceof Date ? v.toISOString().slice(0, 10) : String(v),
        message,
      });
      cellErrors.add(`${r.row}|${col.header}`);
      rowsWithErrors.add(r.row);
    };
    for (const [colNumber, col] of columns) {
      const cell = r.cells.get(colNumber);
      if (cell?.error) {
        rowError(col, null, cell.error);
        continue;
      }
      const parsed = parseCell(col, cell?.value);
      if (!parsed.ok) {
        rowError(col, cell?.value, parsed.message);
        continue;
      }
      if (parsed.value === undefined) {
        if (col.required) rowError(col, null, `${col.header}: không được để trống`);
        else if (col.nullable) value[col.field] = null;
        continue;
      }
      value[col.field] = parsed.value;
    }
    raw.push({ row: r.row, value, columnOf });
    if (raw.length > MAX_ROWS) break;
  }
  // The schema judges every row; where a cell was already refused above, its own message stands alone.
  const schemaErrors: ImportIssue[] = [];
  const records = validateRecords(kind, raw, schemaErrors);
  for (const e of schemaErrors) if (!cellErrors.has(`${e.row}|${e.column}`)) errors.push(e);
  return records.filter((r) => !rowsWithErrors.has(r.row));
}

// ── CSV ───────────────────────────────────────────────────────────────────────────────────────────────

const VI_LETTERS = new Set(
  'aàáảãạăằắẳẵặâầấẩẫậbcdđeèéẻẽẹêềếểễệfghiìíỉĩịjklmnoòóỏõọôồốổỗộơờớởỡợpqrstuùúủũụưừứửữựvwxyỳýỷỹỵz',
);
const TONED = /[\u0300\u0301\u0303\u0309\u0323]/;

/**
 * How Vietnamese a decoded text looks: words with non-ASCII letters count +1 when they are well-formed
 * Vietnamese syllables (letters of the alphabet, at most one tone mark, no capital in the middle) and −1
 * otherwise. "Nguyễn" read from Windows-1258 bytes as Windows-1252 becomes "NguyêÞn" and scores −1.
 */
export function vietnameseScore(text: string): number {
  let score = 0;
  for (const word of text.normalize('NFC').split(/[^\p{L}\p{M}]+/u)) {
    if (!word || /^[\x20-\x7e]*$/.test(word)) continue;
    let ok = true;
    let tones = 0;
    let prevLower = false;
    for (const ch of word) {
      const lower = ch.toLowerCase();
      if (!VI_LETTERS.has(lower)) {
        ok = false;
        break;
      }
      if (TONED.test(ch.normalize('NFD'))) tones++;
      const isUpper = ch !== lower;
      if (isUpper && prevLower) ok = false;
      prevLower = !isUpper;
    }
    score += ok && tones <= 1 ? 1 : -1;
  }
  return score;
}

/**
 * Decodes CSV bytes: BOMs first, UTF-16 by its zero bytes, strict UTF-8, and otherwise the legacy code
 * page (Windows-1258, Windows-1252, TCVN3, or chardet's guess) whose text reads most like Vietnamese.
 * Returns null for binary content.
 */
export function decodeText(buf: Buffer): { text: string; encoding: string } | null {
  const sample = buf.subarray(0, 64 * 1024);
  let encoding: string | null = null;
  let body = buf;
  if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) {
    encoding = 'utf-8';
    body = buf.subarray(3);
  } else if (buf[0] === 0xff && buf[1] === 0xfe) {
    encoding = 'utf-16le';
    body = buf.subarray(2);
  } else if (buf[0] === 0xfe && buf[1] === 0xff) {
    encoding = 'utf-16be';
    body = buf.subarray(2);
  } else {
    let evenZeros = 0;
    let oddZeros = 0;
    for (let i = 0; i < sample.length; i++) {
      if (sample[i] !== 0) continue;
      if (i % 2) oddZeros++;
      else evenZeros++;
    }
    const half = sample.length / 2;
    if (oddZeros > half * 0.3 && evenZeros < half * 0.05) encoding = 'utf-16le';
    else if (evenZeros > half * 0.3 && oddZeros < half * 0.05) encoding = 'utf-16be';
    else if (evenZeros + oddZeros > 0) return null; // zero bytes never occur in 8-bit text
  }
  if (!encoding) {
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(buf);
      encoding = 'utf-8';
    } catch {
      const candidates = new Set(['windows-1258', 'windows-1252', 'tcvn']);
      for (const m of chardet.analyse(sample).slice(0, 3)) {
        const name = m.name.toLowerCase();
        if (/^(iso-8859-\d+|windows-125\d)$/.test(name) && iconv.encodingExists(name)) candidates.add(name);
      }
      let best = -Infinity;
      for (const c of candidates) {
        const score = vietnameseScore(iconv.decode(sample, c));
        if (score > best) {
          best = score;
          encoding = c;
        }
      }
    }
  }
  const text = iconv.decode(body, encoding!).normalize('NFC');
  let controls = 0;
  for (const ch of text.slice(0, 64 * 1024)) {
    const code = ch.charCodeAt(0);
    if ((code < 0x20 && code !== 9 && code !== 10 && code !== 13) || code === 0xfffd || code === 0x7f)
      controls++;
  }
  if (controls > Math.max(2, text.length * 0.005)) return null;
  return { text, encoding: encoding! };
}

/** RFC 4180 CSV: quoted fields with doubled quotes and line breaks; `,`, `;` or tab, whichever the header uses. */
export function parseCsv(text: string): string[][] {
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const count = (ch: string) => firstLine.split(ch).length - 1;
  const sep = [';', '\t'].reduce((best, ch) => (count(ch) > count(best) ? ch : best), ',');
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let i = 0;
  while (i < text.length) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
        i++;
        continue;
      }
      field += ch;
      i++;
      continue;
    }
    if (ch === '"' && field === '') {
      quoted = true;
      i++;
    } else if (ch === sep) {
      row.push(field);
      field = '';
      i++;
    } else if (ch === '\r' || ch === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i += ch === '\r' && text[i + 1] === '\n' ? 2 : 1;
    } else {
      field += ch;
      i++;
    }
    if (rows.length > MAX_ROWS + 1) break;
  }
  if (field !== '' || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/** Reads CSV text (already decoded) as one kind. */
export function readCsvText(text: string, kind: DatasetKind): SpreadsheetRead {
  const errors: ImportIssue[] = [];
  const warnings: ImportIssue[] = [];
  const rows = parseCsv(text.replace(/^\uFEFF/, ''));
  if (rows.length > MAX_ROWS + 1)
    return {
      data: {},
      errors: [
        fileIssue(
          kind,
          `Tệp có hơn ${MAX_ROWS.toLocaleString('vi-VN')} dòng, vượt giới hạn cho một lần nhập. Hãy chia nhỏ tệp.`,
        ),
      ],
      warnings,
    };
  const grid: Grid = {
    name: kind,
    merges: [],
    rows: rows.map((cells, i) => ({
      row: i + 1,
      cells: new Map(cells.map((value, c) => [c + 1, { value }])),
    })),
  };
  const data: LocatedDataset = {};
  setKind(data, kind, gridToRecords(kind, grid, errors, warnings, true));
  return { data, errors, warnings };
}

/**
 * runImport() reports reference problems by field name (`unitCode`); for a spreadsheet the officer
 * needs the header ("Mã đơn vị"). Call on the summary's errors and warnings of a spreadsheet import.
 */
export function localizeIssues(issues: ImportIssue[]): ImportIssue[] {
  return issues.map((i) =>
    i.column && (DATASET_ORDER as string[]).includes(i.kind)
      ? { ...i, column: headerOf(i.kind as DatasetKind, i.column) }
      : i,
  );
}
