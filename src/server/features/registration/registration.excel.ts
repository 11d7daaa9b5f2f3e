/**
 * The registration list as a spreadsheet: a template to fill in, and a reader that turns a filled-in sheet
 * into items, with every problem named by its row (the header is row 1). Only .xlsx; size and zip safety
 * are checked before exceljs unzips anything (the registry's checks).
 */
import ExcelJS from 'exceljs';
import { AWARD_CODES, AWARD_CODE_LIST, type AwardCode } from '../../../shared/registry/catalog';
import { foldVietnamese } from '../../../shared/vietnamese';
import { awardCodeByFoldedLabel, cellText, openFirstSheet } from '../registry/excel/sheet';

export const HEADERS = [
  'STT',
  'Đối tượng (Tập thể/Cá nhân)',
  'Mã cán bộ',
  'Họ và tên',
  'Danh hiệu, hình thức',
  'Ghi chú',
];
const MAX_ROWS = 2000;

export async function registrationTemplate(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'VinhDanh';
  const ws = wb.addWorksheet('Đăng ký thi đua');
  ws.addRow(HEADERS).font = { bold: true };
  ws.columns = [8, 26, 16, 30, 36, 30].map((width) => ({ width }));
  ws.addRow([1, 'Tập thể', '', '', 'TTLDXS', '']);
  ws.addRow([2, 'Cá nhân', 'NV-0001', 'Nguyễn Văn A (ví dụ)', 'CSTDCS', '']);
  const codes = wb.addWorksheet('Danh mục');
  codes.addRow(['Mã', 'Danh hiệu, hình thức', 'Dành cho']).font = { bold: true };
  codes.columns = [{ width: 16 }, { width: 44 }, { width: 30 }];
  for (const code of AWARD_CODE_LIST) {
    const a = AWARD_CODES[code];
    codes.addRow([
      code,
      a.label,
      (a.recipients as readonly string[])
        .filter((r) => r !== 'household')
        .map((r) => (r === 'individual' ? 'Cá nhân' : 'Tập thể'))
        .join(', '),
    ]);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export interface ReadItem {
  row: number;
  recipientKind: 'collective' | 'individual';
  personCode: string | null;
  awardCode: AwardCode;
  note: string;
}

export async function readRegistrationSheet(
  buffer: Buffer,
): Promise<{ items: ReadItem[]; errors: Record<string, string> }> {
  const sheet = await openFirstSheet(buffer, MAX_ROWS);
  if (!sheet.ok) return { items: [], errors: { file: sheet.message } };
  const { ws, col } = sheet;
  const [cKind, cCode, cAward, cNote] = [
    col(HEADERS[1]!),
    col(HEADERS[2]!),
    col(HEADERS[4]!),
    col(HEADERS[5]!),
  ];
  if (!cKind || !cAward)
    return {
      items: [],
      errors: { file: `Thiếu cột "${HEADERS[1]}" hoặc "${HEADERS[4]}": hãy dùng tệp mẫu` },
    };
  const items: ReadItem[] = [];
  const errors: Record<string, string> = {};
  ws.eachRow((row, n) => {
    if (n === 1) return;
    const kindText = foldVietnamese(cellText(row.getCell(cKind).value));
    const code = cCode ? cellText(row.getCell(cCode).value) : '';
    const awardText = cellText(row.getCell(cAward).value);
    if (!kindText && !code && !awardText) return;
    const recipientKind = kindText.startsWith('tap the')
      ? 'collective'
      : kindText.startsWith('ca nhan')
        ? 'individual'
        : null;
    if (!recipientKind) {
      errors[`row ${n}`] = `Dòng ${n}: cột "${HEADERS[1]}" phải là "Tập thể" hoặc "Cá nhân"`;
      return;
    }
    const awardCode = awardCodeByFoldedLabel.get(foldVietnamese(awardText));
    if (!awardCode) {
      errors[`row ${n}`] = `Dòng ${n}: không nhận ra danh hiệu, hình thức "${awardText}"`;
      return;
    }
    if (recipientKind === 'individual' && !code) {
      errors[`row ${n}`] = `Dòng ${n}: đăng ký cá nhân cần mã cán bộ`;
      return;
    }
    items.push({
      row: n,
      recipientKind,
      personCode: recipientKind === 'individual' ? code : null,
      awardCode,
      note: cNote ? cellText(row.getCell(cNote).value) : '',
    });
  });
  return { items, errors };
}
