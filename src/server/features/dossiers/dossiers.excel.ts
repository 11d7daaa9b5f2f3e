/**
 * Nominees from a spreadsheet: a template to fill in and a reader naming every bad row in Vietnamese (the
 * header is row 1). Only .xlsx; size and zip safety are checked before exceljs unzips anything (the
 * registry's checks). Rows name people by staff code and collectives by unit code.
 */
import ExcelJS from 'exceljs';
import { AWARD_CODES, AWARD_CODE_LIST, type AwardCode } from '../../../shared/registry/catalog';
import { foldVietnamese } from '../../../shared/vietnamese';
import { awardCodeByFoldedLabel, cellText, openFirstSheet } from '../registry/excel/sheet';

export const HEADERS = [
  'STT',
  'Đối tượng (Cá nhân/Tập thể/Hộ gia đình)',
  'Mã cán bộ hoặc mã đơn vị',
  'Họ tên, tên tập thể hoặc tên hộ',
  'Địa chỉ (hộ gia đình)',
  'Danh hiệu, hình thức',
  'Tóm tắt thành tích',
];
const MAX_ROWS = 2000;

export async function nomineeTemplate(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'VinhDanh';
  const ws = wb.addWorksheet('Danh sách đề nghị');
  ws.addRow(HEADERS).font = { bold: true };
  ws.columns = [6, 26, 22, 32, 30, 30, 50].map((width) => ({ width }));
  ws.addRow([1, 'Cá nhân', 'NV-0001', 'Nguyễn Văn A (ví dụ)', '', 'CSTDCS', 'Hoàn thành xuất sắc nhiệm vụ…']);
  ws.addRow([2, 'Tập thể', 'BL-TTNS', '', '', 'TTLDXS', '']);
  ws.addRow([3, 'Hộ gia đình', '', 'Hộ ông Trần Văn B', 'Ấp 3, xã Vĩnh Lợi', 'GIAY_KHEN', '']);
  const codes = wb.addWorksheet('Danh mục');
  codes.addRow(['Mã', 'Danh hiệu, hình thức']).font = { bold: true };
  codes.columns = [{ width: 16 }, { width: 44 }];
  for (const code of AWARD_CODE_LIST) codes.addRow([code, AWARD_CODES[code].label]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export interface ReadNominee {
  row: number;
  recipientKind: 'individual' | 'collective' | 'household';
  code: string;
  name: string;
  address: string;
  awardCode: AwardCode;
  achievementSummary: string;
}

export async function readNomineeSheet(
  buffer: Buffer,
): Promise<{ rows: ReadNominee[]; errors: Record<string, string> }> {
  const sheet = await openFirstSheet(buffer, MAX_ROWS);
  if (!sheet.ok) return { rows: [], errors: { file: sheet.message } };
  const { ws, col } = sheet;
  const [cKind, cCode, cName, cAddr, cAward, cSummary] = HEADERS.slice(1).map(col);
  if (!cKind || !cAward || !cCode)
    return { rows: [], errors: { file: 'Thiếu cột bắt buộc: hãy dùng tệp mẫu' } };
  const rows: ReadNominee[] = [];
  const errors: Record<string, string> = {};
  ws.eachRow((row, n) => {
    if (n === 1) return;
    const get = (c: number | undefined) => (c ? cellText(row.getCell(c).value) : '');
    const kindText = foldVietnamese(get(cKind));
    const code = get(cCode);
    const name = get(cName);
    const awardText = get(cAward);
    if (!kindText && !code && !awardText && !name) return;
    const recipientKind = kindText.startsWith('ca nhan')
      ? 'individual'
      : kindText.startsWith('tap the')
        ? 'collective'
        : kindText.startsWith('ho')
          ? 'household'
          : null;
    if (!recipientKind) {
      errors[`row ${n}`] = `Dòng ${n}: cột "Đối tượng" phải là "Cá nhân", "Tập thể" hoặc "Hộ gia đình"`;
      return;
    }
    const awardCode = awardCodeByFoldedLabel.get(foldVietnamese(awardText));
    if (!awardCode) {
      errors[`row ${n}`] = `Dòng ${n}: không nhận ra danh hiệu, hình thức "${awardText}"`;
      return;
    }
    if (!(AWARD_CODES[awardCode].recipients as readonly string[]).includes(recipientKind)) {
      errors[`row ${n}`] = `Dòng ${n}: ${AWARD_CODES[awardCode].label} không dành cho đối tượng này`;
      return;
    }
    if (recipientKind !== 'household' && !code) {
      errors[`row ${n}`] = `Dòng ${n}: cần mã cán bộ (cá nhân) hoặc mã đơn vị (tập thể)`;
      return;
    }
    if (recipientKind === 'household' && !name) {
      errors[`row ${n}`] = `Dòng ${n}: cần tên hộ gia đình`;
      return;
    }
    rows.push({
      row: n,
      recipientKind,
      code,
      name,
      address: get(cAddr),
      awardCode,
      achievementSummary: get(cSummary).slice(0, 5000),
    });
  });
  return { rows, errors };
}
