/**
 * Import templates: the data sheet(s) with the Vietnamese headers and nothing else, so that only what the
 * officer types is imported; a "Hướng dẫn" (guide) sheet explaining each column, with example rows that
 * live there and therefore never import by accident; and a hidden "Danh mục" sheet holding the allowed
 * values behind the drop-down lists (a sheet reference, because inline lists cannot hold labels with
 * commas and are capped at 255 characters).
 */
import ExcelJS from 'exceljs';
import { DATASET_ORDER, type DatasetKind } from '../../../../shared/registry/dataset.schema';
import { MAX_IMPORT_BYTES, MAX_XLSX_ROWS } from './read';
import { GUIDE_SHEET, LISTS_SHEET, SHEETS, formatText, type ColumnDef } from './sheets';
import { addDataSheet } from './write';

/** Rows of the data sheet that carry the drop-down lists. */
export const TEMPLATE_ROWS = 2000;

const colLetter = (n: number) => {
  let s = '';
  for (let i = n; i > 0; i = Math.floor((i - 1) / 26)) s = String.fromCharCode(65 + ((i - 1) % 26)) + s;
  return s;
};

interface Validations {
  add(address: string, validation: ExcelJS.DataValidation): void;
}

/** The guide's description of what a column accepts. */
export function allowedValues(col: ColumnDef): string {
  if (col.type === 'enum') return (col.options ?? []).map((o) => `${o.label} (${o.code})`).join('; ');
  if (col.type === 'bool') return 'Có; Không';
  return '';
}

function addLists(wb: ExcelJS.Workbook, kinds: DatasetKind[]) {
  const ws = wb.addWorksheet(LISTS_SHEET, { state: 'hidden' });
  const ranges = new Map<string, string>();
  let column = 0;
  const addList = (key: string, title: string, values: string[]) => {
    if (ranges.has(key)) return;
    column++;
    ws.getCell(1, column).value = title;
    ws.getCell(1, column).font = { bold: true };
    values.forEach((v, i) => (ws.getCell(i + 2, column).value = v));
    ws.getColumn(column).width = 40;
    const L = colLetter(column);
    ranges.set(key, `'${LISTS_SHEET}'!$${L}$2:$${L}$${values.length + 1}`);
  };
  addList('bool', 'Có/Không', ['Có', 'Không']);
  for (const kind of kinds) {
    for (const col of SHEETS[kind].columns) {
      if (col.type !== 'enum') continue;
      // Columns sharing a catalogue (the two "Xếp loại") share a list.
      const key = (col.options ?? []).map((o) => o.code).join('|');
      addList(
        key,
        col.header,
        (col.options ?? []).map((o) => o.label),
      );
    }
  }
  return (col: ColumnDef) =>
    col.type === 'bool'
      ? ranges.get('bool')
      : col.type === 'enum'
        ? ranges.get((col.options ?? []).map((o) => o.code).join('|'))
        : undefined;
}

function addValidations(
  ws: ExcelJS.Worksheet,
  kind: DatasetKind,
  listOf: (c: ColumnDef) => string | undefined,
) {
  const validations = (ws as unknown as { dataValidations: Validations }).dataValidations;
  SHEETS[kind].columns.forEach((col, i) => {
    const L = colLetter(i + 1);
    const range = `${L}2:${L}${TEMPLATE_ROWS + 1}`;
    const list = listOf(col);
    if (list) {
      validations.add(range, {
        type: 'list',
        allowBlank: true,
        formulae: [list],
        showErrorMessage: true,
        errorStyle: 'warning',
        errorTitle: col.header,
        error: 'Giá trị không có trong danh sách. Hãy chọn trong danh sách thả xuống.',
      });
    } else if (col.type === 'date') {
      validations.add(range, {
        type: 'date',
        operator: 'between',
        allowBlank: true,
        formulae: [new Date(Date.UTC(1900, 0, 1)), new Date(Date.UTC(2100, 11, 31))],
        showErrorMessage: true,
        errorStyle: 'warning',
        errorTitle: col.header,
        error: 'Nhập ngày dạng dd/mm/yyyy, ví dụ 31/12/2020.',
      });
    }
  });
}

function addGuide(wb: ExcelJS.Workbook, kinds: DatasetKind[]) {
  const ws = wb.addWorksheet(GUIDE_SHEET);
  ws.columns = [{ width: 34 }, { width: 12 }, { width: 60 }, { width: 80 }];
  const title = ws.addRow(['Hướng dẫn nhập dữ liệu VinhDanh']);
  title.font = { bold: true, size: 14 };
  for (const line of [
    `Nhập dữ liệu vào trang tính ${kinds.map((k) => `"${SHEETS[k].sheetName}"`).join(', ')}, bắt đầu từ dòng 2. Không đổi tên trang tính, không sửa dòng tiêu đề (dòng 1); có thể đổi thứ tự cột.`,
    'Cột tô màu cam là bắt buộc. Dòng trống được bỏ qua. Ngày nhập dạng dd/mm/yyyy (ví dụ 31/12/2020) hoặc yyyy-mm-dd.',
    'Danh mục (giới tính, xếp loại, …) chọn trong danh sách thả xuống; cũng nhận mã (ví dụ HTXSNV) hoặc tên không dấu.',
    'Tham chiếu đến đơn vị, cán bộ bằng mã (Mã đơn vị, Mã cán bộ). Nhập lại cùng tệp không tạo bản ghi trùng: bản ghi có cùng mã được cập nhật.',
    'Công thức được chấp nhận nếu tệp đã được Excel tính và lưu. Ô gộp chỉ tính cho ô đầu tiên; nên bỏ gộp ô trước khi nhập.',
    `Giới hạn: tệp tối đa ${MAX_IMPORT_BYTES / 1024 / 1024} MB, ${MAX_XLSX_ROWS.toLocaleString('vi-VN')} dòng. Mỗi lần nhập đều xem trước; dữ liệu chỉ được ghi khi không còn lỗi nào.`,
    'Các dòng ví dụ dưới đây chỉ để tham khảo; chúng không được nhập.',
  ])
    ws.addRow([line]);
  for (const kind of kinds) {
    const def = SHEETS[kind];
    ws.addRow([]);
    const h = ws.addRow([`Trang tính "${def.sheetName}"`, '', def.description]);
    h.font = { bold: true, size: 12 };
    const th = ws.addRow(['Cột', 'Bắt buộc', 'Định dạng, ghi chú', 'Giá trị được phép']);
    th.font = { bold: true };
    for (const col of def.columns) {
      const r = ws.addRow([col.header, col.required ? 'Có' : '', col.hint, allowedValues(col)]);
      r.alignment = { wrapText: true, vertical: 'top' };
    }
    ws.addRow(['Ví dụ (không được nhập):']).font = { italic: true };
    ws.addRow(def.columns.map((c) => c.header)).font = { italic: true, bold: true };
    for (const example of def.examples) {
      const r = ws.addRow(def.columns.map((c) => formatText(c, example[c.field])));
      r.font = { italic: true, color: { argb: 'FF7F7F7F' } };
    }
  }
}

async function build(kinds: DatasetKind[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'VinhDanh';
  for (const kind of kinds) addDataSheet(wb, kind, [], { notes: true });
  addGuide(wb, kinds);
  const listOf = addLists(wb, kinds);
  for (const kind of kinds) addValidations(wb.getWorksheet(SHEETS[kind].sheetName)!, kind, listOf);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** The import template of one kind (downloadable from that list's page). */
export function buildTemplate(kind: DatasetKind): Promise<Buffer> {
  return build([kind]);
}

/** One workbook holding every kind as a sheet, in import order. */
export function buildWorkbookTemplate(): Promise<Buffer> {
  return build(DATASET_ORDER);
}
