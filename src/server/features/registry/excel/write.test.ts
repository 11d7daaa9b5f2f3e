import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import {
  DATASET_ORDER,
  datasetSchema,
  type Dataset,
  type DatasetInput,
} from '../../../../shared/registry/dataset.schema';
import { readSpreadsheet } from './read';
import { SHEETS } from './sheets';
import { buildTemplate, buildWorkbookTemplate, TEMPLATE_ROWS } from './template';
import { toCsv, writeCsv, writeSheet, writeTable, writeWorkbook } from './write';
import { loadXlsx, zipEntryText } from './test-support';

/** Every kind, every field, with the awkward values: commas, quotes, leading zeros, formula-like text. */
export const fullDataset = (): DatasetInput => ({
  format: 'vinhdanh-dataset',
  version: 1,
  units: [
    {
      code: 'XL-P1',
      name: 'Phòng "Kỹ thuật", nuôi trồng',
      shortName: 'P.KT',
      kind: 'division',
      parentCode: 'BL-TTKN',
      documentSymbol: 'KT',
      activeFrom: '2010-01-01',
      activeTo: '2025-06-30',
    },
    {
      code: 'XL-P2',
      name: 'Phòng Hành chính',
      kind: 'division',
      parentCode: 'BL-TTKN',
      activeFrom: '2010-01-01',
    },
  ],
  successions: [
    { predecessorCode: 'XL-P1', successorCode: 'XL-P2', effectiveDate: '2025-07-01', note: 'Sáp nhập' },
  ],
  blocks: [
    {
      year: 2020,
      name: 'Khối XL',
      organizerCode: 'BL-SNN',
      leadCode: 'XL-P1',
      deputyCode: 'XL-P2',
      memberCodes: ['XL-P1', 'XL-P2'],
    },
  ],
  people: [
    {
      code: 'XL001',
      fullName: 'Nguyễn Thị Thu',
      sex: 'female',
      dateOfBirth: '1985-04-12',
      ethnicity: 'Kinh',
      personalIdNumber: '094185000123',
      position: '-Kỹ sư, tổ trưởng',
      isLeader: false,
    },
    { code: 'XL002', fullName: '=HYPERLINK("http://x")', sex: 'male', position: '@SUM(A1)', isLeader: true },
  ],
  personUnits: [
    { personCode: 'XL001', unitCode: 'XL-P1', fromDate: '2015-03-01', toDate: '2019-12-31', position: '+1' },
    { personCode: 'XL001', unitCode: 'XL-P2', fromDate: '2020-01-01' },
    { personCode: 'XL002', unitCode: 'XL-P2', fromDate: '2020-01-01' },
  ],
  personEvaluations: [
    {
      personCode: 'XL001',
      year: 2020,
      rating: 'HTXSNV',
      unitCode: 'XL-P2',
      employmentStartDate: '2015-03-01',
      note: 'x',
    },
    { personCode: 'XL002', year: 2020, rating: 'KHTNV' },
  ],
  leaves: [
    { personCode: 'XL001', kind: 'injury_rescue', fromDate: '2019-02-01', toDate: '2019-07-31', note: 'n' },
  ],
  trainings: [
    {
      personCode: 'XL002',
      fromDate: '2018-09-01',
      toDate: '2019-06-30',
      grade: 'xuat_sac',
      institution: 'HV',
      goodConduct: false,
    },
    { personCode: 'XL001', fromDate: '2018-09-01', toDate: '2018-12-31', goodConduct: true },
  ],
  unitEvaluations: [{ unitCode: 'XL-P1', year: 2020, rating: 'HTTNV', memberCount: 0, note: 'n' }],
  disciplines: [
    {
      personCode: 'XL002',
      level: 'ha_bac_luong',
      decisionNumber: '05/QĐ-TTKN',
      decisionDate: '2017-05-05',
      fromDate: '2017-05-05',
      toDate: '2018-05-04',
      reason: 'Lý do; có dấu "ngoặc"',
    },
  ],
  initiatives: [
    {
      code: 'XL-SK-1',
      kind: 'research',
      title: 'Đề tài',
      level: 'ministry',
      recognitionDate: '2020-11-20',
      effectScope: 'province',
      recognizingBody: 'Bộ',
      authorCodes: ['XL001', 'XL002'],
    },
    {
      code: 'XL-SK-2',
      kind: 'initiative',
      title: 'Sáng kiến không tác giả trong hệ thống',
      level: 'grassroots',
      recognitionDate: '2020-11-20',
      effectScope: 'unit',
      recognizingBody: 'Sở',
      authorCodes: [],
    },
  ],
  awards: [
    {
      recipientKind: 'individual',
      personCode: 'XL001',
      awardCode: 'CSTDCS',
      year: 2020,
      track: 'regular',
      issuer: 'Giám đốc Sở',
      decisionNumber: '12/QĐ-SNN',
      decisionDate: '2021-01-15',
    },
    {
      recipientKind: 'collective',
      unitCode: 'XL-P1',
      awardCode: 'BK_TINH',
      year: 2020,
      track: 'ad_hoc',
      issuer: 'Chủ tịch UBND tỉnh',
      decisionNumber: '1/QĐ-UBND',
      decisionDate: '2021-01-15',
      note: '=1+1',
    },
    {
      recipientKind: 'household',
      householdName: 'Hộ ông Lâm Văn Tư',
      householdAddress: 'xã Vĩnh Hậu A',
      awardCode: 'GIAY_KHEN',
      year: 2020,
      track: 'thematic',
      issuer: 'Giám đốc Sở',
      decisionNumber: '30/QĐ-SNN',
      decisionDate: '2020-12-01',
    },
  ],
});

/** Records compared without their empty optional fields (absent and null mean the same). */
const clean = (r: object) =>
  Object.fromEntries(Object.entries(r).filter(([, v]) => v !== null && v !== undefined));
const parsed = (): Dataset => datasetSchema.parse(fullDataset());

describe('export → import round trip', () => {
  it('a workbook of every kind reads back the same records', async () => {
    const d = parsed();
    const file = await writeWorkbook(d);
    const res = await readSpreadsheet(file, 'xuat.xlsx', 'workbook');
    expect(res.errors).toEqual([]);
    expect(res.warnings).toEqual([]);
    for (const kind of DATASET_ORDER) {
      expect(
        res.data[kind]!.map((r) => clean(r.record)),
        kind,
      ).toEqual(d[kind].map(clean));
      expect(res.data[kind]!.map((r) => r.row)).toEqual(d[kind].map((_, i) => i + 2));
    }
  });

  it.each(DATASET_ORDER)('%s: one sheet and CSV read back the same records', async (kind) => {
    const d = parsed();
    const records = d[kind] as never[];
    const xlsx = await readSpreadsheet(await writeSheet(kind, records), 'x.xlsx', kind);
    expect(xlsx.errors).toEqual([]);
    expect(xlsx.data[kind]!.map((r) => clean(r.record))).toEqual(d[kind].map(clean));
    const csv = await readSpreadsheet(writeCsv(kind, records), 'x.csv', kind);
    expect(csv.errors).toEqual([]);
    expect(csv.data[kind]!.map((r) => clean(r.record))).toEqual(d[kind].map(clean));
  });

  it('formats for Vietnamese readers: real dates shown dd/mm/yyyy, labels, Có/Không', async () => {
    const wb = await loadXlsx(await writeSheet('people', parsed().people));
    const ws = wb.getWorksheet('Cán bộ')!;
    expect(ws.getRow(1).values).toEqual([undefined, ...SHEETS.people.columns.map((c) => c.header)]);
    expect(ws.getCell('D2').value).toEqual(new Date(Date.UTC(1985, 3, 12)));
    expect(ws.getCell('D2').numFmt).toBe('dd/mm/yyyy');
    expect(ws.getCell('C2').value).toBe('Nữ');
    expect(ws.getCell('H2').value).toBe('Không');
    expect(ws.getCell('H3').value).toBe('Có');
    expect(ws.getCell('F2').value).toBe('094185000123');
    expect(ws.getRow(1).font?.bold ?? ws.getCell('A1').font?.bold).toBe(true);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    const csv = writeCsv('people', parsed().people).toString('utf8');
    expect(csv.startsWith('\uFEFFMã cán bộ,Họ và tên,')).toBe(true);
    expect(csv).toContain('XL001,Nguyễn Thị Thu,Nữ,12/04/1985,Kinh,094185000123,');
  });
});

describe('formula injection', () => {
  const hostile = () =>
    datasetSchema.parse({
      format: 'vinhdanh-dataset',
      version: 1,
      people: [
        { code: 'X1', fullName: '=HYPERLINK("http://x")', sex: 'male', position: '@SUM(A1)' },
        { code: 'X2', fullName: '+cmd|" /C calc"!A0', sex: 'female', position: '-2+3' },
      ],
    }).people;

  it('xlsx: hostile text is a string cell, never a formula', async () => {
    const file = await writeSheet('people', hostile());
    const wb = await loadXlsx(file);
    const ws = wb.getWorksheet('Cán bộ')!;
    for (const addr of ['B2', 'G2', 'B3', 'G3']) {
      expect(ws.getCell(addr).type, addr).toBe(ExcelJS.ValueType.String);
      expect(ws.getCell(addr).formula, addr).toBeUndefined();
    }
    expect(ws.getCell('B2').value).toBe('=HYPERLINK("http://x")');
    // What Excel reads: no <f> (formula) element anywhere in the sheet.
    const xml = await zipEntryText(file, 'xl/worksheets/sheet1.xml');
    expect(xml).not.toMatch(/<f[ >]/);
    const table = await writeTable(
      'Danh sách',
      [{ header: 'Họ và tên' }],
      [['=HYPERLINK("http://x")'], ['@SUM(A1)']],
    );
    expect(await zipEntryText(table, 'xl/worksheets/sheet1.xml')).not.toMatch(/<f[ >]/);
  });

  it('CSV: hostile text gets the protective apostrophe, which the reader strips again', async () => {
    const csv = writeCsv('people', hostile()).toString('utf8');
    expect(csv).toContain(`"'=HYPERLINK(""http://x"")"`);
    expect(csv).toContain(`'@SUM(A1)`);
    expect(csv).toContain(`"'+cmd|"" /C calc""!A0"`);
    expect(csv).toContain(`'-2+3`);
    const back = await readSpreadsheet(Buffer.from(csv, 'utf8'), 'x.csv', 'people');
    expect(back.data.people!.map((r) => clean(r.record))).toEqual(hostile().map(clean));
    const list = toCsv(['Họ và tên', 'Năm', 'Ngày'], [['=1+1', -5, new Date(Date.UTC(2020, 0, 2))]]).toString(
      'utf8',
    );
    expect(list).toBe("\uFEFFHọ và tên,Năm,Ngày\r\n'=1+1,-5,02/01/2020\r\n");
  });
});

describe('templates', () => {
  it('people: headers bold and frozen, guide sheet, hidden lists behind drop-downs, no data rows', async () => {
    const file = await buildTemplate('people');
    const wb = await loadXlsx(file);
    expect(wb.worksheets.map((w) => [w.name, w.state])).toEqual([
      ['Cán bộ', 'visible'],
      ['Hướng dẫn', 'visible'],
      ['Danh mục', 'hidden'],
    ]);
    const ws = wb.getWorksheet('Cán bộ')!;
    expect(ws.actualRowCount).toBe(1);
    expect(ws.getCell('A1').font?.bold).toBe(true);
    expect(ws.getCell('A1').note).toBeTruthy();
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(ws.getColumn(2).width).toBe(30);
    expect(ws.getCell('C2').dataValidation).toMatchObject({
      type: 'list',
      formulae: ["'Danh mục'!$B$2:$B$3"],
    });
    expect(ws.getCell(`H${TEMPLATE_ROWS + 1}`).dataValidation).toMatchObject({
      type: 'list',
      formulae: ["'Danh mục'!$A$2:$A$3"],
    });
    expect(wb.getWorksheet('Danh mục')!.getColumn(2).values).toEqual([undefined, 'Giới tính', 'Nam', 'Nữ']);
    const guide = wb.getWorksheet('Hướng dẫn')!;
    const guideText = JSON.stringify(guide.getSheetValues());
    expect(guideText).toContain('Nguyễn Thị Thu'); // the example row lives in the guide
    // Reading the untouched template imports nothing, examples included.
    const read = await readSpreadsheet(file, 'mau.xlsx', 'people');
    expect(read).toMatchObject({ data: { people: [] }, errors: [], warnings: [] });
    const asWorkbook = await readSpreadsheet(file, 'mau.xlsx', 'workbook');
    expect(asWorkbook.errors).toEqual([]);
    expect(asWorkbook.data).toEqual({ people: [] });
  });

  it('the workbook template holds every kind as one sheet, in import order', async () => {
    const wb = await loadXlsx(await buildWorkbookTemplate());
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      ...DATASET_ORDER.map((k) => SHEETS[k].sheetName),
      'Hướng dẫn',
      'Danh mục',
    ]);
    const ratings = wb.getWorksheet('Đánh giá cán bộ')!.getCell('C2').dataValidation;
    const unitRatings = wb.getWorksheet('Đánh giá đơn vị')!.getCell('C2').dataValidation;
    expect(ratings.formulae).toEqual(unitRatings.formulae);
    for (const kind of DATASET_ORDER) {
      const ws = wb.getWorksheet(SHEETS[kind].sheetName)!;
      SHEETS[kind].columns.forEach((c, i) => expect(ws.getCell(1, i + 1).value).toBe(c.header));
    }
  });
});
