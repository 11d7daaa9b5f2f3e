import { afterEach, describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import iconv from 'iconv-lite';
import {
  MAX_IMPORT_BYTES,
  MAX_ROWS,
  MAX_XLSX_ROWS,
  checkImportSize,
  decodeText,
  readSpreadsheet as sut,
  vietnameseScore,
} from './read';
import { WORKBOOK_PARTS, deflatedZeros, toWindows1258, xlsxOf, zipOf } from './test-support';

const PEOPLE = [
  'Mã cán bộ',
  'Họ và tên',
  'Giới tính',
  'Ngày sinh',
  'Dân tộc',
  'Số định danh cá nhân',
  'Chức vụ',
  'Lãnh đạo (Có/Không)',
];
const people = (...rows: unknown[][]) => xlsxOf({ name: 'Cán bộ', rows: [PEOPLE, ...(rows as never[][])] });
const records = (r: Awaited<ReturnType<typeof sut>>) => (r.data.people ?? []).map((p) => p.record);
const rows = (r: Awaited<ReturnType<typeof sut>>) => (r.data.people ?? []).map((p) => p.row);

const NOT_SPREADSHEET = expect.stringContaining('Tệp không phải bảng tính');

describe('reading columns', () => {
  it('refuses a sheet missing required columns, naming them, and lists unknown columns as warnings', async () => {
    const file = await xlsxOf({
      name: 'Cán bộ',
      rows: [
        ['Mã cán bộ', 'Tên', 'Giới tính', 'Cột lạ'],
        ['CB001', 'Nguyễn Thị Thu', 'Nữ', 'x'],
      ],
    });
    const res = await sut(file, 'can-bo.xlsx', 'people');
    expect(res.data.people).toEqual([]);
    expect(res.errors).toEqual([
      {
        kind: 'people',
        row: 1,
        column: null,
        value: null,
        message: expect.stringContaining('Thiếu cột bắt buộc: "Họ và tên"'),
      },
    ]);
    expect(res.warnings.map((w) => w.column)).toEqual(['Tên', 'Cột lạ']);
    expect(res.warnings[0]!.message).toBe('Cột "Tên" không thuộc mẫu nhập; đã bỏ qua');
  });

  it('matches headers in any order, case and spelling without diacritics; optional columns may be absent', async () => {
    const file = await xlsxOf({
      name: 'Sheet1',
      rows: [
        ['GIOI TINH', 'ho va ten', '  Mã  cán bộ '],
        ['nu', 'Nguyễn Thị Thu', 'cb001'],
      ],
    });
    const res = await sut(file, 'x.xlsx', 'people');
    expect(res.errors).toEqual([]);
    expect(records(res)).toEqual([
      { code: 'CB001', fullName: 'Nguyễn Thị Thu', sex: 'female', isLeader: false },
    ]);
  });

  it('refuses a column given twice', async () => {
    const file = await xlsxOf({
      name: 'Cán bộ',
      rows: [
        ['Mã cán bộ', 'Họ và tên', 'Giới tính', 'Họ tên'],
        ['CB001', 'A', 'Nam', 'B'],
      ],
    });
    const res = await sut(file, 'x.xlsx', 'people');
    expect(res.errors[0]!.message).toBe('Cột "Họ và tên" xuất hiện hai lần (cột B và D)');
    expect(res.data.people).toEqual([]);
  });

  it('finds the header below title rows and keeps real row numbers', async () => {
    const file = await xlsxOf({
      name: 'Cán bộ',
      rows: [['DANH SÁCH CÁN BỘ NĂM 2020'], [], PEOPLE, ['CB001', 'Nguyễn Thị Thu', 'Nữ', '32/01/1985']],
    });
    const res = await sut(file, 'x.xlsx', 'people');
    expect(res.errors).toEqual([
      { kind: 'people', row: 4, column: 'Ngày sinh', value: '1985-01-32', message: 'Ngày không tồn tại' },
    ]);
  });
});

describe('reading cells', () => {
  it('skips empty rows (blank, or only spaces) and reports real row numbers', async () => {
    const file = await people(
      ['CB001', 'Nguyễn Thị Thu', 'Nữ'],
      [],
      ['  ', null, ' '],
      [],
      ['CB002', 'Trần Văn Bình', 'Nam', null, null, null, null, 'Có'],
      ['CB003', '', 'Nam'],
    );
    const res = await sut(file, 'x.xlsx', 'people');
    expect(rows(res)).toEqual([2, 6]);
    expect(res.errors).toEqual([
      { kind: 'people', row: 7, column: 'Họ và tên', value: null, message: 'Họ và tên: không được để trống' },
    ]);
  });

  it('gives a merged cell to its top-left cell only, and warns', async () => {
    const file = await xlsxOf({
      name: 'Cán bộ',
      rows: [PEOPLE, ['CB001', 'Nguyễn Thị Thu', 'Nữ', null, null, null, 'Kỹ sư'], ['CB002', 'Lê Thị Hoa']],
      setup: (ws) => {
        ws.mergeCells('C2:C3');
        ws.mergeCells('G2:G3');
      },
    });
    const res = await sut(file, 'x.xlsx', 'people');
    expect(records(res)).toEqual([
      {
        code: 'CB001',
        fullName: 'Nguyễn Thị Thu',
        sex: 'female',
        dateOfBirth: null,
        ethnicity: null,
        personalIdNumber: null,
        position: 'Kỹ sư',
        isLeader: false,
      },
    ]);
    expect(res.errors).toEqual([
      { kind: 'people', row: 3, column: 'Giới tính', value: null, message: 'Giới tính: không được để trống' },
    ]);
    expect(res.warnings).toEqual([
      expect.objectContaining({ row: 2, column: 'Giới tính', value: 'C2:C3' }),
      expect.objectContaining({ row: 2, column: 'Chức vụ', value: 'G2:G3' }),
    ]);
    expect(res.warnings[0]!.message).toContain('Ô gộp C2:C3: giá trị chỉ thuộc về ô đầu tiên');
  });

  it('uses the cached result of formulas; a formula without one is a row error', async () => {
    const file = await people(
      [
        { formula: 'UPPER("cb009")', result: 'CB009' },
        { formula: 'CONCAT("Lê ","Văn Tám")', result: 'Lê Văn Tám' },
        'Nam',
        { formula: 'DATE(1990,1,2)', result: new Date(Date.UTC(1990, 0, 2)) },
        null,
        null,
        null,
        { formula: 'TRUE()', result: true },
      ],
      ['CB010', { formula: 'A2&"x"' }, 'Nam'],
      ['CB011', 'Lê Văn Mười', 'Nam', { formula: '1/0', result: { error: '#DIV/0!' } }],
    );
    const res = await sut(file, 'x.xlsx', 'people');
    expect(records(res)).toEqual([
      expect.objectContaining({
        code: 'CB009',
        fullName: 'Lê Văn Tám',
        dateOfBirth: '1990-01-02',
        isLeader: true,
      }),
    ]);
    expect(res.errors).toEqual([
      {
        kind: 'people',
        row: 3,
        column: 'Họ và tên',
        value: null,
        message: expect.stringContaining('Ô chứa công thức chưa có giá trị tính sẵn'),
      },
      {
        kind: 'people',
        row: 4,
        column: 'Ngày sinh',
        value: null,
        message: 'Công thức cho kết quả lỗi #DIV/0!',
      },
    ]);
  });

  describe('dates in every form officers type them', () => {
    const tz = process.env.TZ;
    afterEach(() => {
      // Assigning undefined would set the string "undefined"; files share a worker (isolate: false).
      if (tz === undefined) delete process.env.TZ;
      else process.env.TZ = tz;
    });
    it.each(['Asia/Ho_Chi_Minh', 'America/Los_Angeles', 'UTC'])('with the server in %s', async (zone) => {
      process.env.TZ = zone;
      const file = await xlsxOf({
        name: 'Cán bộ',
        rows: [
          PEOPLE,
          ['CB001', 'A B', 'Nam', new Date(Date.UTC(1985, 3, 12))],
          ['CB002', 'A B', 'Nam', '12/04/1985'],
          ['CB003', 'A B', 'Nam', '12/4/1985'],
          ['CB004', 'A B', 'Nam', '1985-04-12'],
          ['CB005', 'A B', 'Nam', 31149],
          ['CB006', 'A B', 'Nam', '31149'],
          ['CB007', 'A B', 'Nam', 31149],
        ],
        setup: (ws) => {
          ws.getCell('D7').numFmt = 'dd/mm/yyyy';
          ws.getCell('D8').numFmt = 'dd/mm/yyyy';
        },
      });
      const res = await sut(file, 'x.xlsx', 'people');
      expect(res.errors).toEqual([]);
      expect(records(res).map((r) => r.dateOfBirth)).toEqual(Array(7).fill('1985-04-12'));
    });
  });

  it('reads enums by label or code, booleans in their spellings, numbers typed as text', async () => {
    const file = await xlsxOf({
      name: 'Đánh giá cán bộ',
      rows: [
        ['Mã cán bộ', 'Năm', 'Xếp loại'],
        ['CB001', '2020', 'Hoàn thành xuất sắc nhiệm vụ'],
        ['CB002', 2020, 'httnv'],
        ['CB003', '2020', 'Giỏi'],
      ],
    });
    const res = await sut(file, 'x.xlsx', 'personEvaluations');
    expect(res.data.personEvaluations!.map((r) => r.record)).toEqual([
      { personCode: 'CB001', year: 2020, rating: 'HTXSNV' },
      { personCode: 'CB002', year: 2020, rating: 'HTTNV' },
    ]);
    expect(res.errors).toEqual([
      {
        kind: 'personEvaluations',
        row: 4,
        column: 'Xếp loại',
        value: 'Giỏi',
        message: 'Xếp loại phải là HTXSNV, HTTNV, HTNV hoặc KHTNV',
      },
    ]);
  });

  it('reads a workbook sheet by sheet, skipping the guide and warning about foreign sheets', async () => {
    const file = await xlsxOf(
      {
        name: 'Hướng dẫn',
        rows: [
          ['Mã cán bộ', 'Họ và tên', 'Giới tính'],
          ['VIDU', 'Ví dụ', 'Nam'],
        ],
      },
      { name: 'Cán bộ', rows: [PEOPLE, ['CB001', 'Nguyễn Thị Thu', 'Nữ']] },
      {
        name: 'Khen thưởng',
        rows: [
          [
            'Đối tượng',
            'Mã cán bộ',
            'Danh hiệu, hình thức',
            'Năm',
            'Loại hình khen thưởng',
            'Cấp khen',
            'Số quyết định',
            'Ngày quyết định',
          ],
          [
            'Cá nhân',
            'CB001',
            'Lao động tiên tiến',
            2020,
            'Thường xuyên',
            'Giám đốc Sở',
            '12/QĐ-SNN',
            '15/01/2021',
          ],
        ],
      },
      { name: 'Trang tính 1', rows: [['abc']] },
    );
    const res = await sut(file, 'x.xlsx', 'workbook');
    expect(res.errors).toEqual([]);
    expect(records(res).map((r) => r.code)).toEqual(['CB001']);
    expect(res.data.awards!.map((r) => r.record)).toEqual([
      expect.objectContaining({
        recipientKind: 'individual',
        awardCode: 'LDTT',
        track: 'regular',
        decisionDate: '2021-01-15',
      }),
    ]);
    expect(res.warnings).toEqual([
      expect.objectContaining({
        kind: 'file',
        message: expect.stringContaining('Trang tính "Trang tính 1"'),
      }),
    ]);
    const csv = await sut(Buffer.from('a,b\n1,2\n'), 'x.csv', 'workbook');
    expect(csv.errors[0]!.message).toContain('Tệp CSV chỉ chứa một danh sách');
  });
});

describe('CSV in the encodings offices produce', () => {
  const text = [
    'Mã cán bộ;Họ và tên;Giới tính;Ngày sinh;Chức vụ',
    'CB001;Nguyễn Thị Thu;Nữ;12/04/1985;Kỹ sư',
    'CB002;Trần Văn Bình;Nam;01/09/1979;"Trưởng phòng; kiêm ""tổ trưởng"""',
    'CB003;Phạm Hồng Đức;Nam;1980-05-06;Phó trưởng phòng',
  ].join('\r\n');
  const expected = [
    { code: 'CB001', fullName: 'Nguyễn Thị Thu', position: 'Kỹ sư' },
    { code: 'CB002', fullName: 'Trần Văn Bình', position: 'Trưởng phòng; kiêm "tổ trưởng"' },
    { code: 'CB003', fullName: 'Phạm Hồng Đức', position: 'Phó trưởng phòng' },
  ].map((r) => expect.objectContaining(r));

  it.each([
    ['UTF-8 with BOM', () => Buffer.from(`\uFEFF${text}`, 'utf8'), 'csv:utf-8'],
    ['UTF-8 without BOM', () => Buffer.from(text, 'utf8'), 'csv:utf-8'],
    ['Windows-1258', () => toWindows1258(text), 'csv:windows-1258'],
    [
      'UTF-16LE with BOM, tab-separated (Excel "Unicode Text")',
      () => iconv.encode(text.replace(/;(?=(?:[^"]*"[^"]*")*[^"]*$)/gm, '\t'), 'utf-16le', { addBOM: true }),
      'csv:utf-16le',
    ],
    ['UTF-16BE without BOM', () => iconv.encode(text, 'utf-16be'), 'csv:utf-16be'],
    ['TCVN3 (ABC)', () => iconv.encode(text, 'tcvn'), 'csv:tcvn'],
    ['decomposed Unicode (NFD)', () => Buffer.from(text.normalize('NFD'), 'utf8'), 'csv:utf-8'],
  ])('%s', async (_name, bytes, format) => {
    const res = await sut(bytes(), 'can-bo.csv', 'people');
    expect(res.errors).toEqual([]);
    expect(res.format).toBe(format);
    expect(records(res)).toEqual(expected);
  });

  it('tells Windows-1258 from Windows-1252 by how Vietnamese the text reads', () => {
    const bytes = toWindows1258('Nguyễn Thị Thu, Trần Văn Bình, Phòng Kỹ thuật, Hoàn thành xuất sắc');
    expect(vietnameseScore(iconv.decode(bytes, 'windows1258'))).toBeGreaterThan(0);
    expect(vietnameseScore(iconv.decode(bytes, 'windows1252'))).toBeLessThan(0);
    expect(decodeText(bytes)?.text).toBe(
      'Nguyễn Thị Thu, Trần Văn Bình, Phòng Kỹ thuật, Hoàn thành xuất sắc',
    );
  });

  it('reports CSV rows by their line number, comma-separated too', async () => {
    const res = await sut(
      Buffer.from('Mã cán bộ,Họ và tên,Giới tính\nCB001,Nguyễn Thị Thu,Nữ\n\nCB002,Trần Văn Bình,Không rõ\n'),
      'x.csv',
      'people',
    );
    expect(rows(res)).toEqual([2]);
    expect(res.errors).toEqual([
      {
        kind: 'people',
        row: 4,
        column: 'Giới tính',
        value: 'Không rõ',
        message: 'Giới tính phải là Nam hoặc Nữ',
      },
    ]);
  });
});

describe('files that must be refused', () => {
  const PNG = Buffer.concat([
    Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489', 'hex'),
    randomBytes(200),
  ]);

  it.each([
    ['a PNG renamed .xlsx', PNG, 'anh.xlsx'],
    ['a PNG renamed .csv', PNG, 'anh.csv'],
    ['random bytes renamed .xlsx', randomBytes(4096), 'data.xlsx'],
    ['random bytes renamed .csv', randomBytes(4096), 'data.csv'],
    ['a text file renamed .xlsx', Buffer.from('Mã cán bộ,Họ và tên\n'), 'ds.xlsx'],
    [
      'a zip that is not a workbook (a .docx)',
      zipOf([{ name: 'word/document.xml', data: Buffer.from('<w/>') }]),
      'x.xlsx',
    ],
    ['a truncated workbook', Buffer.from('504b0304140000000800', 'hex'), 'x.xlsx'],
  ])('%s', async (_name, bytes, filename) => {
    const res = await sut(bytes, filename, 'people');
    expect(res.errors).toEqual([
      { kind: 'people', row: 0, column: null, value: null, message: NOT_SPREADSHEET },
    ]);
    expect(res.data).toEqual({});
  });

  it('explains .xls (Excel 97–2003) and empty files', async () => {
    const xls = Buffer.concat([Buffer.from('d0cf11e0a1b11ae1', 'hex'), Buffer.alloc(512)]);
    expect((await sut(xls, 'x.xls', 'people')).errors[0]!.message).toContain('(.xls)');
    expect((await sut(Buffer.alloc(0), 'x.xlsx', 'people')).errors[0]!.message).toBe('Tệp trống');
  });

  it('refuses a zip bomb before exceljs unzips it (declared size)', async () => {
    const zeros = await deflatedZeros(120);
    expect(zeros.data.length).toBeLessThan(1024 * 1024);
    const bomb = zipOf([
      ...WORKBOOK_PARTS,
      { name: 'xl/worksheets/sheet1.xml', data: zeros.data, compressed: zeros },
    ]);
    const res = await sut(bomb, 'bom.xlsx', 'people');
    expect(res.errors[0]!.message).toContain('zip bomb');
  });

  it('refuses a zip that compresses suspiciously well, and one that lies about its sizes', async () => {
    const zeros = await deflatedZeros(8);
    const dense = zipOf([
      ...WORKBOOK_PARTS,
      { name: 'xl/worksheets/sheet1.xml', data: zeros.data, compressed: zeros },
    ]);
    expect((await sut(dense, 'x.xlsx', 'people')).errors[0]!.message).toContain('zip bomb');
    const liar = zipOf([
      ...WORKBOOK_PARTS,
      { name: 'xl/worksheets/sheet1.xml', data: zeros.data, compressed: zeros, declaredSize: 1000 },
    ]);
    expect((await sut(liar, 'x.xlsx', 'people')).errors[0]!.message).toContain('zip bomb');
  });

  it(`refuses a 50 MB upload (limit ${MAX_IMPORT_BYTES / 1024 / 1024} MB) without reading it`, async () => {
    const big = Buffer.alloc(50 * 1024 * 1024, 0x41);
    expect(checkImportSize(big.length)?.message).toContain('giới hạn là 20 MB');
    expect(checkImportSize(MAX_IMPORT_BYTES)).toBeNull();
    const res = await sut(big, 'lon.csv', 'people');
    expect(res.errors).toEqual([
      {
        kind: 'people',
        row: 0,
        column: null,
        value: null,
        message: expect.stringContaining('Tệp quá lớn (50 MB)'),
      },
    ]);
  });

  it(`refuses a workbook of more than ${MAX_XLSX_ROWS} rows before loading it`, async () => {
    const rows = Array.from(
      { length: MAX_XLSX_ROWS + 1 },
      (_, i) => `<row r="${i + 1}"><c r="A${i + 1}"><v>${i}</v></c></row>`,
    );
    const sheet = Buffer.from(
      `<?xml version="1.0"?><worksheet><sheetData>${rows.join('')}</sheetData></worksheet>`,
    );
    const file = zipOf([...WORKBOOK_PARTS, { name: 'xl/worksheets/sheet1.xml', data: sheet }]);
    const res = await sut(file, 'x.xlsx', 'people');
    expect(res.errors[0]!.message).toContain(
      `Tệp Excel có ${(MAX_XLSX_ROWS + 1).toLocaleString('vi-VN')} dòng`,
    );
  });

  it(`refuses more than ${MAX_ROWS} rows`, async () => {
    const lines = ['Mã cán bộ,Họ và tên,Giới tính'];
    for (let i = 0; i <= MAX_ROWS; i++) lines.push(`CB${i},A B,Nam`);
    const res = await sut(Buffer.from(lines.join('\n')), 'x.csv', 'people');
    expect(res.errors[0]!.message).toContain('vượt giới hạn');
    expect(res.data).toEqual({});
  });
});
