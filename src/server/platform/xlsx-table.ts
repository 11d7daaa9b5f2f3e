/**
 * A plain Excel table: title rows, a styled header, text and number cells. Every text goes in as a string
 * cell, which Excel shows and never evaluates (no formula injection: this module never writes formulas).
 */
import ExcelJS from 'exceljs';

export interface TableColumn<T> {
  header: string;
  width: number;
  value: (row: T) => string | number | null;
}

export async function xlsxTable<T>(opts: {
  sheetName: string;
  title: string[];
  columns: TableColumn<T>[];
  rows: readonly T[];
}): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'VinhDanh';
  const ws = wb.addWorksheet(opts.sheetName.slice(0, 31));
  opts.title.forEach((t, i) => {
    const cell = ws.getCell(i + 1, 1);
    cell.value = t;
    cell.font = { bold: i === 0, size: i === 0 ? 13 : 11 };
  });
  const headerRow = opts.title.length + 2;
  ws.columns = opts.columns.map((c) => ({ width: c.width }));
  opts.columns.forEach((c, i) => {
    const cell = ws.getCell(headerRow, i + 1);
    cell.value = c.header;
    cell.font = { bold: true };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDCE6F1' } };
    cell.alignment = { vertical: 'middle', wrapText: true };
    cell.border = { bottom: { style: 'thin' } };
  });
  ws.views = [{ state: 'frozen', ySplit: headerRow }];
  opts.rows.forEach((row, r) => {
    opts.columns.forEach((c, i) => {
      const v = c.value(row);
      const cell = ws.getCell(headerRow + 1 + r, i + 1);
      cell.value = v === null ? null : v;
      cell.alignment = { vertical: 'top', wrapText: true };
    });
  });
  ws.autoFilter = {
    from: { row: headerRow, column: 1 },
    to: { row: headerRow + Math.max(opts.rows.length, 1), column: opts.columns.length },
  };
  return Buffer.from(await wb.xlsx.writeBuffer());
}
