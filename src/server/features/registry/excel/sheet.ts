/**
 * Reading a filled-in list template (registration, nominees): the first worksheet of an .xlsx, opened only
 * after the size and zip checks of the registry import, its header row (row 1) matched by folded text, cell
 * values as plain text, award codes recognised by code or by label.
 */
import ExcelJS from 'exceljs';
import { AWARD_CODES, AWARD_CODE_LIST, type AwardCode } from '../../../../shared/registry/catalog';
import { foldVietnamese } from '../../../../shared/vietnamese';
import { checkImportSize, inspectZip } from './read';

/** "CSTDCS", "cstdcs" and "Chiến sĩ thi đua cơ sở" (folded) all name CSTDCS. */
export const awardCodeByFoldedLabel: ReadonlyMap<string, AwardCode> = new Map(
  AWARD_CODE_LIST.flatMap((c) => [
    [foldVietnamese(c), c] as const,
    [foldVietnamese(AWARD_CODES[c].label), c] as const,
  ]),
);

export function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'object' && 'richText' in v)
    return v.richText
      .map((t) => t.text)
      .join('')
      .trim();
  if (typeof v === 'object' && 'text' in v) return String(v.text).trim();
  if (typeof v === 'object' && 'result' in v) return String(v.result ?? '').trim();
  return String(v).trim();
}

export type OpenedSheet =
  | {
      ok: true;
      ws: ExcelJS.Worksheet;
      /** 1-based column of a header (matched without diacritics or case), 0 when absent. */
      col(name: string): number;
    }
  | { ok: false; message: string };

export async function openFirstSheet(buffer: Buffer, maxRows: number): Promise<OpenedSheet> {
  const tooLarge = checkImportSize(buffer.length);
  if (tooLarge) return { ok: false, message: tooLarge.message };
  const zip = await inspectZip(buffer);
  if (!zip.ok) return { ok: false, message: zip.message };
  if (zip.rows > maxRows + 1) return { ok: false, message: `Tối đa ${maxRows} dòng` };
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buffer as unknown as ArrayBuffer);
  const ws = wb.worksheets[0];
  if (!ws) return { ok: false, message: 'Tệp không có trang tính nào' };
  // Array.from fills the holes of a sparse row (an empty header cell), which map() would skip.
  const header = Array.from(ws.getRow(1).values as ExcelJS.CellValue[])
    .slice(1)
    .map(cellText)
    .map(foldVietnamese);
  return { ok: true, ws, col: (name) => header.indexOf(foldVietnamese(name)) + 1 };
}
