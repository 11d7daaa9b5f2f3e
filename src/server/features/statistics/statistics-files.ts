/**
 * The statistics and the forms drawn as files. Word: the Nghị định 30/2020 format ("BÁO CÁO Thống kê khen
 * thưởng năm …"), the totals in the body and an annex with one table whose bold rows name each table. Excel: one sheet per table; a
 * form as the ministry prints it (form number, issuing text, reporting and receiving units, period, column
 * letters and numbers, signature block). Both draw the models only; no formula is ever written.
 */
import ExcelJS from 'exceljs';
import { ND30_TEXT_WIDTH_MM, renderNd30, type Nd30Table } from '../../platform/nd30';
import type { StatRow, Statistics, StatTable } from '../../../domain/reports/statistics';
import type { FormModel } from '../../../domain/reports/forms';
import type { FileIssuer } from './statistics.service';

/** 1.234.567 — Vietnamese thousands separators. */
export const formatCount = (n: number): string => n.toLocaleString('de-DE');
export const formatMoney = (n: number): string => `${formatCount(n)} đồng`;

const COLUMNS: { header: string; widthMm: number; align?: 'left' | 'center' | 'right' }[] = [
  { header: 'TT', widthMm: 10, align: 'center' },
  { header: 'Nội dung', widthMm: 55 },
  { header: 'Tổng số', widthMm: 18, align: 'right' },
  { header: 'Cá nhân', widthMm: 18, align: 'right' },
  { header: 'Tập thể', widthMm: 18, align: 'right' },
  { header: 'Hộ gia đình', widthMm: 16, align: 'right' },
  { header: 'Tiền thưởng (đồng)', widthMm: 30, align: 'right' },
];

const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X'];

function wordTable(s: Statistics): Nd30Table {
  if (COLUMNS.reduce((n, c) => n + c.widthMm, 0) !== ND30_TEXT_WIDTH_MM) throw new Error('column widths');
  const rows: Nd30Table['rows'] = [];
  s.tables.forEach((t, i) => {
    rows.push({ cells: [ROMAN[i] ?? String(i + 1), t.title, '', '', '', '', ''], bold: true });
    if (!t.rows.length) rows.push({ cells: ['', 'Không có số liệu', '', '', '', '', ''] });
    t.rows.forEach((r, j) =>
      rows.push({
        cells: [
          String(j + 1),
          r.label,
          formatCount(r.total),
          formatCount(r.individual),
          formatCount(r.collective),
          formatCount(r.household),
          formatCount(r.prize),
        ],
      }),
    );
  });
  return { columns: COLUMNS, rows };
}

export function statisticsWord(s: Statistics, now: Date, issuer: FileIssuer): Promise<Buffer> {
  const t = s.totals;
  const paragraphs = s.empty
    ? [`Năm ${s.year} không có khen thưởng trong phạm vi thống kê (${s.scope.label}).`]
    : [
        `Thống kê khen thưởng năm ${s.year} (phạm vi: ${s.scope.label}), tính từ các quyết định khen thưởng đã ban hành, không tính khen thưởng đã bị thu hồi.`,
        `Tổng số ${formatCount(t.awards)} lượt khen thưởng: ${formatCount(t.individual)} lượt cá nhân, ${formatCount(t.collective)} lượt tập thể, ${formatCount(t.household)} lượt hộ gia đình; tổng tiền thưởng ${formatMoney(t.prize)}.`,
        `Trong số cá nhân: nữ ${formatCount(t.female)}, nam ${formatCount(t.male)}; cán bộ lãnh đạo, quản lý ${formatCount(t.leader)}, người trực tiếp lao động, công tác ${formatCount(t.frontLine)}.`,
        'Chi tiết tại Phụ lục kèm theo báo cáo này.',
      ];
  return renderNd30({
    parentBody: issuer.parentBody,
    issuer: issuer.issuer,
    number: `Số:        /BC-${issuer.symbol}`,
    place: issuer.place,
    date: now,
    docType: 'Báo cáo',
    summary: s.title,
    paragraphs,
    tables: [],
    signature: { onBehalf: 'KT. GIÁM ĐỐC', title: 'PHÓ GIÁM ĐỐC', name: '' },
    recipients: ['Lưu: VT'],
    // The tables go in the annex, which nd30 writes as plain XML: a province has hundreds of unit rows,
    // which docx's object tree would take seconds to build.
    annex: {
      title: 'Phụ lục',
      subtitle: [`BẢNG THỐNG KÊ KHEN THƯỞNG NĂM ${s.year}`, `Phạm vi: ${s.scope.label}`],
      reference: `(Kèm theo Báo cáo số        /BC-${issuer.symbol} ngày     tháng     năm ${new Date(now.getTime() + 7 * 3600_000).getUTCFullYear()} của ${issuer.issuer})`,
      table: wordTable(s),
    },
  });
}

const HEADER_FILL = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDCE6F1' } } as const;
const THIN = { style: 'thin' } as const;
const BOX = { top: THIN, bottom: THIN, left: THIN, right: THIN };

/** A sheet name Excel accepts: ≤ 31 characters, none of : \ / ? * [ ]. */
const sheetName = (i: number, t: StatTable) =>
  `${i + 1}. ${t.dimension}`.replace(/[:\\/?*[\]]/g, '-').slice(0, 31);

export async function statisticsWorkbook(s: Statistics): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'VinhDanh';
  s.tables.forEach((t, i) => {
    const ws = wb.addWorksheet(sheetName(i, t));
    ws.getCell(1, 1).value = t.title;
    ws.getCell(1, 1).font = { bold: true, size: 13 };
    ws.getCell(2, 1).value = `Năm ${s.year} — phạm vi: ${s.scope.label}`;
    if (!t.rows.length) ws.getCell(3, 1).value = 'Không có số liệu.';
    const headers = [t.dimension, 'Tổng số', 'Cá nhân', 'Tập thể', 'Hộ gia đình', 'Tiền thưởng (đồng)'];
    ws.columns = [{ width: 48 }, { width: 12 }, { width: 12 }, { width: 12 }, { width: 14 }, { width: 20 }];
    headers.forEach((h, c) => {
      const cell = ws.getCell(4, c + 1);
      cell.value = h;
      cell.font = { bold: true };
      cell.fill = HEADER_FILL;
      cell.border = BOX;
      cell.alignment = { wrapText: true, vertical: 'middle' };
    });
    const line = (r: number, label: string, x: Omit<StatRow, 'key' | 'label' | 'filter'>, bold = false) => {
      [label, x.total, x.individual, x.collective, x.household, x.prize].forEach((v, c) => {
        const cell = ws.getCell(r, c + 1);
        cell.value = v;
        cell.border = BOX;
        if (c > 0) cell.numFmt = '#,##0';
        if (bold) cell.font = { bold: true };
      });
    };
    t.rows.forEach((r, j) => line(5 + j, r.label, r));
    line(5 + t.rows.length, 'Cộng', t.totals, true);
    ws.views = [{ state: 'frozen', ySplit: 4 }];
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** A ministry form on one sheet, laid out as printed. */
export async function formWorkbook(f: FormModel): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'VinhDanh';
  const ws = wb.addWorksheet(`Bieu ${f.id}`);
  const lead = f.measureColumn ? 3 : 2; // A (content), B (code)[, C (measure)]
  const width = lead + f.columns.length;
  const half = Math.ceil(width / 2);
  ws.columns = [
    { width: 52 },
    { width: 8 },
    ...(f.measureColumn ? [{ width: 12 }] : []),
    ...f.columns.map(() => ({ width: 16 })),
  ];
  const put = (r: number, c: number, v: string, o: Partial<ExcelJS.Style> = {}) => {
    const cell = ws.getCell(r, c);
    cell.value = v;
    Object.assign(cell, o);
    return cell;
  };
  const merge = (r: number, c1: number, c2: number) => {
    if (c2 > c1) ws.mergeCells(r, c1, r, c2);
  };
  const h = f.header;
  put(1, 1, h.formNumber, { font: { bold: true } });
  put(1, half + 1, `Đơn vị báo cáo: ${h.reportingUnit}`, { font: { bold: true } });
  put(2, 1, h.issuedBy, { font: { italic: true } });
  put(2, half + 1, `Đơn vị nhận báo cáo: ${h.receivingUnit}`, { font: { bold: true } });
  put(3, 1, `Ngày nhận báo cáo: ${h.receiveDate}`);
  for (const r of [1, 2, 3]) merge(r, half + 1, width);
  put(5, 1, h.title, { font: { bold: true, size: 13 }, alignment: { horizontal: 'center', wrapText: true } });
  merge(5, 1, width);
  put(6, 1, h.period, { font: { italic: true }, alignment: { horizontal: 'center' } });
  merge(6, 1, width);
  if (h.unitOfMeasure) {
    put(7, 1, `Đơn vị tính: ${h.unitOfMeasure}`, {
      font: { italic: true },
      alignment: { horizontal: 'right' },
    });
    merge(7, 1, width);
  }
  // Two header rows: the group ("Chia ra") above, the column's own header below; then letters and numbers.
  const top = 9;
  const headStyle = (cell: ExcelJS.Cell) => {
    cell.font = { bold: true };
    cell.fill = HEADER_FILL;
    cell.border = BOX;
    cell.alignment = { wrapText: true, vertical: 'middle', horizontal: 'center' };
  };
  const fixed = ['', 'Mã số', ...(f.measureColumn ? ['Đơn vị tính'] : [])];
  fixed.forEach((label, c) => {
    headStyle(put(top, c + 1, label));
    headStyle(put(top + 1, c + 1, ''));
    ws.mergeCells(top, c + 1, top + 1, c + 1);
  });
  let c = lead + 1;
  while (c <= width) {
    const col = f.columns[c - lead - 1]!;
    if (!col.group) {
      headStyle(put(top, c, col.header));
      headStyle(put(top + 1, c, ''));
      ws.mergeCells(top, c, top + 1, c);
      c += 1;
      continue;
    }
    let end = c;
    while (end + 1 <= width && f.columns[end - lead]!.group === col.group) end += 1;
    headStyle(put(top, c, col.group));
    for (let k = c; k <= end; k++) {
      headStyle(put(top + 1, k, f.columns[k - lead - 1]!.header));
      if (k > c) headStyle(ws.getCell(top, k));
    }
    merge(top, c, end);
    c = end + 1;
  }
  ws.getRow(top + 1).height = 60;
  const letters = ['A', 'B', ...(f.measureColumn ? ['C'] : []), ...f.columns.map((x) => x.number)];
  letters.forEach((l, k) => headStyle(put(top + 2, k + 1, l)));
  let r = top + 3;
  for (const row of f.rows) {
    const cells: (string | number | null)[] = [
      row.label,
      row.code,
      ...(f.measureColumn ? [row.measure ?? ''] : []),
      ...(row.heading ? f.columns.map(() => '') : row.values),
    ];
    cells.forEach((v, k) => {
      const cell = ws.getCell(r, k + 1);
      cell.value = v;
      cell.border = BOX;
      if (typeof v === 'number') cell.numFmt = '#,##0';
      cell.alignment = { wrapText: true, vertical: 'top', ...(k > 0 ? { horizontal: 'center' } : {}) };
      if (row.bold || row.heading) cell.font = { bold: true };
    });
    r += 1;
  }
  r += 1;
  put(r, half + 1, '……, ngày … tháng … năm …', {
    font: { italic: true },
    alignment: { horizontal: 'center' },
  });
  merge(r, half + 1, width);
  put(r + 1, 1, 'Người lập biểu', { font: { bold: true }, alignment: { horizontal: 'center' } });
  put(r + 1, half + 1, 'Thủ trưởng đơn vị', { font: { bold: true }, alignment: { horizontal: 'center' } });
  merge(r + 1, half + 1, width);
  put(r + 2, 1, '(Ký, họ tên)', { font: { italic: true }, alignment: { horizontal: 'center' } });
  put(r + 2, half + 1, '(Ký, họ tên, đóng dấu)', {
    font: { italic: true },
    alignment: { horizontal: 'center' },
  });
  merge(r + 2, half + 1, width);
  r += 5;
  put(r, 1, 'Ghi chú:', { font: { bold: true } });
  f.notes.forEach((n, k) => {
    put(r + 1 + k, 1, `- ${n}`, { alignment: { wrapText: false } });
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}
