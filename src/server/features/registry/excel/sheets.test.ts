import { describe, expect, it } from 'vitest';
import { DATASET_KINDS, DATASET_ORDER } from '../../../../shared/registry/dataset.schema';
import {
  SHEETS,
  excelSerialToIso,
  headerIndex,
  kindOfSheetName,
  normalizeHeader,
  parseCell,
  textToIsoDate,
  unprotect,
  type ColumnDef,
} from './sheets';

const col = (kind: keyof typeof SHEETS, field: string): ColumnDef =>
  SHEETS[kind].columns.find((c) => c.field === field)!;
const parsed = (c: ColumnDef, raw: Parameters<typeof parseCell>[1]) => {
  const r = parseCell(c, raw);
  return r.ok ? r.value : `ERROR: ${r.message}`;
};

describe('sheet definitions', () => {
  it.each(DATASET_ORDER)('%s: one column per schema field, headers unique, sheet name valid', (kind) => {
    const shape = (DATASET_KINDS[kind] as unknown as { shape: Record<string, unknown> }).shape;
    const fields = Object.keys(shape).filter((f) => f !== 'isDemo');
    const def = SHEETS[kind];
    expect(def.columns.map((c) => c.field).sort()).toEqual(fields.sort());
    const headers = def.columns.map((c) => normalizeHeader(c.header));
    expect(new Set(headers).size).toBe(headers.length);
    expect(def.sheetName.length).toBeLessThanOrEqual(31);
    expect(def.sheetName).not.toMatch(/[:\\/?*[\]]/);
    expect(kindOfSheetName(def.sheetName)).toBe(kind);
    // Examples in the guide are valid records.
    for (const example of def.examples) expect(DATASET_KINDS[kind].safeParse(example).error).toBeUndefined();
  });

  it('takes required and nullable from the zod schema', () => {
    expect(col('people', 'code')).toMatchObject({ required: true, nullable: false });
    expect(col('people', 'isLeader')).toMatchObject({ required: false, nullable: false });
    expect(col('people', 'dateOfBirth')).toMatchObject({ required: false, nullable: true });
    expect(col('initiatives', 'authorCodes')).toMatchObject({ required: false, type: 'codes' });
    expect(col('blocks', 'memberCodes')).toMatchObject({ required: true, type: 'codes' });
  });

  it('matches headers without case, diacritics, spacing, "*" or the parenthesised hint', () => {
    const index = headerIndex('people');
    for (const h of ['Họ và tên', 'HO VA TEN', '  họ   và tên * ', 'fullName', 'Họ tên'])
      expect(index.get(normalizeHeader(h))?.field).toBe('fullName');
    expect(index.get(normalizeHeader('Lãnh đạo'))?.field).toBe('isLeader');
    expect(index.get(normalizeHeader('lanh dao (co/khong)'))?.field).toBe('isLeader');
    expect(kindOfSheetName('can bo')).toBe('people');
    expect(kindOfSheetName('personEvaluations')).toBe('personEvaluations');
  });
});

describe('cell values', () => {
  it.each([
    ['Nữ', 'female'],
    ['nu', 'female'],
    ['NỮ', 'female'],
    ['female', 'female'],
    ['Nam', 'male'],
    ['  nam ', 'male'],
  ])('sex %j → %s', (raw, code) => expect(parsed(col('people', 'sex'), raw)).toBe(code));

  it.each([
    ['HTXSNV', 'HTXSNV'],
    ['htxsnv', 'HTXSNV'],
    ['Hoàn thành xuất sắc nhiệm vụ', 'HTXSNV'],
    ['hoan thanh tot nhiem vu', 'HTTNV'],
    ['Không hoàn thành nhiệm vụ', 'KHTNV'],
  ])('rating %j → %s', (raw, code) => expect(parsed(col('personEvaluations', 'rating'), raw)).toBe(code));

  it('passes an unknown enum value to the schema as typed (its message lists what is allowed)', () => {
    expect(parsed(col('personEvaluations', 'rating'), 'Giỏi')).toBe('Giỏi');
    expect(parsed(col('awards', 'awardCode'), 'Lao động tiên tiến')).toBe('LDTT');
    expect(parsed(col('initiatives', 'level'), 'cap bo, nganh')).toBe('ministry');
    expect(parsed(col('leaves', 'kind'), 'injury_rescue')).toBe('injury_rescue');
    expect(parsed(col('units', 'kind'), 'Đơn vị sự nghiệp công lập')).toBe('public_service');
  });

  it.each([
    ['Có', true],
    ['co', true],
    ['x', true],
    ['X', true],
    ['true', true],
    ['1', true],
    [1, true],
    [true, true],
    ['Không', false],
    ['khong', false],
    ['0', false],
    [false, false],
    ['', undefined],
    [null, undefined],
    ['có lẽ', 'ERROR: Phải là Có hoặc Không'],
  ] as const)('boolean %j → %s', (raw, value) => expect(parsed(col('people', 'isLeader'), raw)).toBe(value));

  it.each([
    ['31/12/2020', '2020-12-31'],
    ['1/2/2020', '2020-02-01'],
    ['01-02-2020', '2020-02-01'],
    ['01.02.2020', '2020-02-01'],
    ['2020-01-05', '2020-01-05'],
    ['2020/1/5', '2020-01-05'],
    ['2020-01-05T00:00:00.000Z', '2020-01-05'],
    ['  05/01/2020 ', '2020-01-05'],
    ['43831', '2020-01-01'],
    [43831, '2020-01-01'],
    [new Date(Date.UTC(2020, 0, 1)), '2020-01-01'],
    // A float that lands just before midnight is still that day.
    [new Date(Date.UTC(2020, 0, 1) - 1), '2020-01-01'],
    ['31/02/2020', '2020-02-31'], // the schema answers "Ngày không tồn tại"
    ['hôm qua', 'ERROR: Ngày không hợp lệ: nhập dạng dd/mm/yyyy (ví dụ 31/12/2020)'],
  ] as const)('date %j → %s', (raw, value) => expect(parsed(col('people', 'dateOfBirth'), raw)).toBe(value));

  it('converts Excel serials with the 1900 system', () => {
    expect(excelSerialToIso(43831)).toBe('2020-01-01');
    expect(excelSerialToIso(61)).toBe('1900-03-01');
    expect(excelSerialToIso(36526)).toBe('2000-01-01');
    expect(excelSerialToIso(0)).toBeNull();
    expect(textToIsoDate('12/2020')).toBeNull();
  });

  it('reads numbers typed as text, refuses fractions and words', () => {
    expect(parsed(col('blocks', 'year'), '2020')).toBe(2020);
    expect(parsed(col('blocks', 'year'), ' 2020 ')).toBe(2020);
    expect(parsed(col('blocks', 'year'), 2020)).toBe(2020);
    expect(parsed(col('unitEvaluations', 'memberCount'), 12.5)).toBe('ERROR: Phải là số nguyên');
    expect(parsed(col('blocks', 'year'), 'năm 2020')).toBe('ERROR: Phải là số nguyên');
  });

  it('splits code lists on commas, semicolons and line breaks', () => {
    expect(parsed(col('blocks', 'memberCodes'), 'BL-TTKN, BL-TTNS;BL-BQLR\nBL-X')).toEqual([
      'BL-TTKN',
      'BL-TTNS',
      'BL-BQLR',
      'BL-X',
    ]);
  });

  it('restores leading zeros of an id number Excel stored as a number', () => {
    expect(parsed(col('people', 'personalIdNumber'), 94079000123)).toBe('094079000123');
    expect(parsed(col('people', 'personalIdNumber'), 12345678)).toBe('012345678');
    expect(parsed(col('people', 'code'), 1001)).toBe('1001');
  });

  it('strips only the protective apostrophe of the CSV export', () => {
    expect(unprotect('\'=HYPERLINK("x")')).toBe('=HYPERLINK("x")');
    expect(unprotect("'@SUM(A1)")).toBe('@SUM(A1)');
    expect(unprotect("'-5")).toBe('-5');
    expect(unprotect("'Tổ 1")).toBe("'Tổ 1");
    expect(parsed(col('people', 'position'), "'+Trưởng")).toBe('+Trưởng');
  });
});
