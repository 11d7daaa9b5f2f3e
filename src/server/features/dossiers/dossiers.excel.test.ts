import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { HEADERS, readNomineeSheet } from './dossiers.excel';

const sheet = async (header: (string | null)[], rows: unknown[][]) => {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Danh sách đề nghị');
  header.forEach((h, i) => {
    if (h) ws.getRow(1).getCell(i + 1).value = h;
  });
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
};

describe('nominee sheet reader', () => {
  it('reads a sheet whose optional header cells are empty (a sparse header row)', async () => {
    const file = await sheet(
      [HEADERS[0]!, HEADERS[1]!, HEADERS[2]!, HEADERS[3]!, null, HEADERS[5]!],
      [[1, 'Hộ gia đình', '', 'Hộ bà Lê Thị Hai', '', 'Giấy khen']],
    );
    expect(await readNomineeSheet(file)).toEqual({
      rows: [
        {
          row: 2,
          recipientKind: 'household',
          code: '',
          name: 'Hộ bà Lê Thị Hai',
          address: '',
          awardCode: 'GIAY_KHEN',
          achievementSummary: '',
        },
      ],
      errors: {},
    });
  });

  it('names each bad row in Vietnamese', async () => {
    const file = await sheet(HEADERS, [
      [1, 'Đơn vị', 'X', '', '', 'LDTT'],
      [2, 'Cá nhân', '', '', '', 'LDTT'],
      [3, 'Tập thể', 'BL-TTNS', '', '', 'LDTT'],
      [4, 'Hộ gia đình', '', '', '', 'GIAY_KHEN'],
    ]);
    expect((await readNomineeSheet(file)).errors).toEqual({
      'row 2': 'Dòng 2: cột "Đối tượng" phải là "Cá nhân", "Tập thể" hoặc "Hộ gia đình"',
      'row 3': 'Dòng 3: cần mã cán bộ (cá nhân) hoặc mã đơn vị (tập thể)',
      'row 4': 'Dòng 4: Lao động tiên tiến không dành cho đối tượng này',
      'row 5': 'Dòng 5: cần tên hộ gia đình',
    });
  });

  it('refuses a file that is not a spreadsheet and a sheet without the required columns', async () => {
    expect((await readNomineeSheet(Buffer.from('%PDF-1.4'))).errors.file).toBeTruthy();
    expect((await readNomineeSheet(await sheet(['STT', 'Tên'], []))).errors).toEqual({
      file: 'Thiếu cột bắt buộc: hãy dùng tệp mẫu',
    });
  });
});
