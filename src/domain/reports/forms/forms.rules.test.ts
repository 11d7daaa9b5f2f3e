/**
 * The ministry's forms (Thông tư 02/2023/TT-BNV, biểu 0601–0603.N/BNV-TĐKT) over hand-made data: the rows
 * each form defines, the header, cells the data cannot fill left null.
 */
import { describe, expect, it } from 'vitest';
import { buildForm, durationOf, periodMonths, type FormMovement } from './index';
import type { StatCell } from '../statistics';

const ctx = { year: 2020, reportingUnit: 'Sở Nông nghiệp', receivingUnit: 'Sở Nội vụ' };
const cell = (o: Partial<StatCell>): StatCell => ({
  unitId: 'u1',
  awardCode: 'BK_TINH',
  issuer: 'Chủ tịch UBND tỉnh',
  track: 'thematic',
  recipientKind: 'individual',
  sex: 'female',
  leader: false,
  awards: 1,
  prize: 0,
  ...o,
});
const units = [
  { id: 'u1', code: 'A', name: 'A', kind: 'public_service' },
  { id: 'u2', code: 'B', name: 'B', kind: 'enterprise' },
];
const values = (f: ReturnType<typeof buildForm>, code: string) => f.rows.find((r) => r.code === code)!.values;

describe('periods of movements (form 0601, "thời hạn thi đua")', () => {
  it.each([
    ['2020-01-01', '2020-12-31', 12, 'one'],
    ['2020-01-01', '2020-06-30', 6, 'under1'],
    ['2020-03-15', '2021-03-14', 12, 'one'],
    ['2020-01-01', '2021-12-31', 24, 'oneToThree'],
    ['2018-01-01', '2020-12-31', 36, 'threeToFive'],
    ['2016-01-01', '2020-12-31', 60, 'fivePlus'],
  ])('%s … %s is %i months (%s)', (from, to, months, d) => {
    expect(periodMonths(from, to)).toBe(months);
    expect(durationOf({ periodFrom: from, periodTo: to })).toBe(d);
  });
});

describe('form 0601 — Số phong trào thi đua', () => {
  const m = (o: Partial<FormMovement>): FormMovement => ({
    kind: 'regular',
    level: 'agency',
    forBlock: false,
    periodFrom: '2020-01-01',
    periodTo: '2020-12-31',
    ...o,
  });
  const f = buildForm('0601', ctx, {
    cells: [],
    units: [],
    movements: [
      m({ forBlock: true }),
      m({ kind: 'thematic', periodFrom: '2016-01-01' }),
      m({ kind: 'thematic', level: 'province', periodTo: '2020-06-30' }),
    ],
  });
  it('header and columns as printed', () => {
    expect(f.header).toMatchObject({
      formNumber: 'Biểu số: 0601.N/BNV-TĐKT',
      title: 'SỐ PHONG TRÀO THI ĐUA',
      period: 'Năm 2020 (từ ngày 01/12/2019 đến ngày 30/11/2020)',
      reportingUnit: 'Sở Nông nghiệp',
      receivingUnit: 'Sở Nội vụ',
      unitOfMeasure: 'Phong trào',
    });
    expect(f.columns.map((c) => c.number)).toEqual(['1=(2+3+4)', '2', '3', '4']);
  });
  it('rows split by scope, duration and kind; column 1 = 2 + 3 + 4', () => {
    expect(values(f, '01')).toEqual([3, 0, 1, 2]);
    expect(values(f, '04')).toEqual([1, 0, 0, 1]);
    expect(values(f, '05')).toEqual([1, 0, 0, 1]);
    expect(values(f, '03')).toEqual([1, 0, 1, 0]);
    expect(['06', '07', '08', '09', '10'].map((c) => values(f, c)[0])).toEqual([1, 1, 0, 0, 1]);
    expect(values(f, '11')[0]).toBe(2);
    expect(values(f, '12')[0]).toBe(1);
    for (const r of f.rows.filter((x) => !x.heading))
      expect(r.values[0]).toBe(r.values[1]! + r.values[2]! + r.values[3]!);
  });
});

describe('forms 0602 and 0603 — số lượng khen thưởng', () => {
  const cells = [
    cell({ awards: 3 }),
    cell({ recipientKind: 'collective', sex: null, leader: null, awards: 4 }),
    cell({
      recipientKind: 'collective',
      unitId: 'u2',
      sex: null,
      leader: null,
      awards: 2,
      awardCode: 'CO_TINH',
      track: 'regular',
    }),
    cell({ awardCode: 'KNC', issuer: 'Bộ trưởng Bộ Nội vụ', leader: true }),
    cell({ awardCode: 'BK_TTG', recipientKind: 'household', sex: null, leader: null, track: 'ad_hoc' }),
    cell({ awardCode: 'LDTT', awards: 300, track: 'regular' }),
  ];
  const f3 = buildForm('0603', ctx, { cells, units, movements: [] });
  const f2 = buildForm('0602', ctx, { cells, units, movements: [] });
  it('0603: Bằng khen, CSTĐ cấp tỉnh, Cờ, Kỷ niệm chương; LĐTT is not on it', () => {
    expect(f3.header.formNumber).toBe('Biểu số: 0603.N/BNV-TĐKT');
    expect(values(f3, '01')).toEqual([10, 7, 0, 2, 1]);
    expect(values(f3, '02')).toEqual([6, 4, 0, 2, 0]);
    expect(values(f3, '03')).toEqual([2, 0, 0, 2, 0]);
    expect(values(f3, '05')).toEqual([4, 3, 0, 0, 1]);
    expect(values(f3, '09')).toEqual([1, 0, 0, 0, 1]);
    expect(values(f3, '10')).toEqual([3, 3, 0, 0, 0]);
    expect(values(f3, '07')).toEqual([null, null, null, null, null]);
    expect(values(f3, '11')[0]).toBe(2);
    expect(values(f3, '12')[0]).toBe(8);
  });
  it('0602: state-level awards only', () => {
    expect(f2.header.title).toBe('SỐ LƯỢNG KHEN THƯỞNG CẤP NHÀ NƯỚC');
    const total = values(f2, '01');
    expect(total[0]).toBe(1);
    expect(values(f2, '04')[0]).toBe(1);
    expect(values(f2, '13')[0]).toBe(1);
  });
});
