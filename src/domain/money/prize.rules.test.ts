import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
  baseSalaryOn,
  combinePrizes,
  prizeAmount,
  roundUpTo10k,
  SAME_PERIOD_TITLE_REASON,
  type BaseSalaryRow,
  type PrizeItem,
} from './prize';

// The dated table of law.md "Prize money", deliberately out of order: the lookup must not rely on it.
const BASE_SALARY: BaseSalaryRow[] = [
  { effectiveFrom: '2023-07-01', amount: 1_800_000, instrument: 'Nghị định 24/2023/NĐ-CP' },
  { effectiveFrom: '2018-07-01', amount: 1_390_000, instrument: 'Nghị định 72/2018/NĐ-CP' },
  { effectiveFrom: '2024-07-01', amount: 2_340_000, instrument: 'Nghị định 73/2024/NĐ-CP' },
  { effectiveFrom: '2019-07-01', amount: 1_490_000, instrument: 'Nghị định 38/2019/NĐ-CP' },
];

describe('baseSalaryOn — mức lương cơ sở in force on the decision date (NĐ 91/2017 art. 68)', () => {
  const sut = baseSalaryOn;

  test.each([
    ['before the first row', '2018-06-30', undefined],
    ['first day of 1.390.000', '2018-07-01', 1_390_000],
    ['first day of 1.490.000', '2019-07-01', 1_490_000],
    ['the 2020-07-01 rise to 1.600.000 never took effect', '2020-12-15', 1_490_000],
    ['last day of 1.490.000', '2023-06-30', 1_490_000],
    ['first day of 1.800.000', '2023-07-01', 1_800_000],
    ['last day of 1.800.000', '2024-06-30', 1_800_000],
    ['first day of 2.340.000', '2024-07-01', 2_340_000],
    ['after the last row', '2026-01-15', 2_340_000],
  ])('%s: %s → %s', (_name, date, amount) => {
    expect(sut(BASE_SALARY, date)?.amount).toBe(amount);
  });

  test('returns the whole row, with its instrument', () => {
    expect(sut(BASE_SALARY, '2020-12-15')).toEqual({
      effectiveFrom: '2019-07-01',
      amount: 1_490_000,
      instrument: 'Nghị định 38/2019/NĐ-CP',
    });
  });

  test('no rows → undefined', () => {
    expect(sut([], '2024-07-01')).toBeUndefined();
  });

  test('the order of the rows does not matter', () => {
    const dates = fc.constantFrom(
      '2018-06-30',
      '2019-06-30',
      '2019-07-01',
      '2023-06-30',
      '2023-07-01',
      '2030-01-01',
    );
    fc.assert(
      fc.property(fc.shuffledSubarray(BASE_SALARY, { minLength: 4, maxLength: 4 }), dates, (rows, date) => {
        expect(sut(rows, date)).toEqual(sut(BASE_SALARY, date));
      }),
    );
  });

  test('two rows from the same day with different amounts are contradictory', () => {
    const rows = [...BASE_SALARY, { effectiveFrom: '2024-07-01', amount: 2_500_000, instrument: 'typo' }];
    expect(() => sut(rows, '2024-08-01')).toThrow(RangeError);
  });

  test.each([['2024-7-1'], ['01/07/2024'], ['2024-13-01'], ['']])('rejects the date "%s"', (date) => {
    expect(() => sut(BASE_SALARY, date)).toThrow(RangeError);
  });
});

describe('roundUpTo10k — "làm tròn số lên hàng chục nghìn đồng" (NĐ 91/2017 art. 68(2); NĐ 98/2023 art. 53; NĐ 152/2025 art. 49)', () => {
  const sut = roundUpTo10k;

  test.each([
    [0, 0],
    [1, 10_000],
    [9_999, 10_000],
    [10_000, 10_000],
    [10_001, 20_000],
    [223_500, 230_000],
    [447_000, 450_000],
    [1_053_000, 1_060_000],
    [1_192_000, 1_200_000],
    [1_490_000, 1_490_000],
    [223_500.75, 230_000],
  ])('%d → %d', (amount, rounded) => {
    expect(sut(amount)).toBe(rounded);
  });

  test.each([[-1], [Number.NaN], [Number.POSITIVE_INFINITY]])('rejects %s with a RangeError', (amount) => {
    expect(() => sut(amount)).toThrow(RangeError);
  });

  test('is ≥ the amount, a multiple of 10.000 and less than the amount + 10.000', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000_000_000_000_000 }), (amount) => {
        const rounded = sut(amount);
        expect(rounded).toBeGreaterThanOrEqual(amount);
        expect(rounded % 10_000).toBe(0);
        expect(rounded).toBeLessThan(amount + 10_000);
      }),
    );
  });
});

describe('prizeAmount — coefficient × mức lương cơ sở, rounded up once (NĐ 91/2017 art. 68; NĐ 98/2023 art. 53; NĐ 152/2025 art. 49)', () => {
  const sut = prizeAmount;

  test.each([
    ['Lao động tiên tiến, 0.3 × 1.490.000 = 447.000', 0.3, 1_490_000, undefined, 450_000],
    ['Tập thể lao động tiên tiến, 0.8 × 1.490.000 = 1.192.000', 0.8, 1_490_000, undefined, 1_200_000],
    ['Chiến sĩ thi đua cơ sở, 1.0 × 1.490.000', 1.0, 1_490_000, undefined, 1_490_000],
    [
      'Giấy khen of a commune chairman, 0.15 × 1.490.000 = 223.500 (up, not 220.000)',
      0.15,
      1_490_000,
      undefined,
      230_000,
    ],
    ['household (V2025), 1.5 × 0.3 × 2.340.000 = 1.053.000', 0.3, 2_340_000, 1.5, 1_060_000],
    ['Cờ thi đua của Chính phủ, 12.0 × 2.340.000', 12.0, 2_340_000, undefined, 28_080_000],
    ['Lao động tiên tiến, 0.3 × 1.390.000 = 417.000', 0.3, 1_390_000, undefined, 420_000],
    ['a zero coefficient pays nothing', 0, 2_340_000, undefined, 0],
  ])('%s → %d', (_name, coefficient, baseSalary, multiplier, amount) => {
    expect(sut({ coefficient, baseSalary, multiplier })).toBe(amount);
  });

  test('computes in integers: 0.8 × 1.5 × 1.800.000 is 2.160.000 exactly (doubles give 2.160.000,0000000005)', () => {
    expect(0.8 * 1.5 * 1_800_000).toBeGreaterThan(2_160_000);
    expect(sut({ coefficient: 0.8, multiplier: 1.5, baseSalary: 1_800_000 })).toBe(2_160_000);
  });

  test('rounds once, at the end: 0.15 × 1.5 × 1.390.000 = 312.750 → 320.000', () => {
    expect(sut({ coefficient: 0.15, multiplier: 1.5, baseSalary: 1_390_000 })).toBe(320_000);
  });

  test('a fractional đồng product still rounds up: 0.15 × 1.490.005 = 223.500,75 → 230.000', () => {
    expect(sut({ coefficient: 0.15, baseSalary: 1_490_005 })).toBe(230_000);
  });

  test.each([
    ['a coefficient with three decimals', { coefficient: 0.125, baseSalary: 1_490_000 }],
    ['a negative coefficient', { coefficient: -0.3, baseSalary: 1_490_000 }],
    ['a multiplier with three decimals', { coefficient: 0.3, baseSalary: 1_490_000, multiplier: 1.125 }],
    ['a fractional base salary', { coefficient: 0.3, baseSalary: 1_490_000.5 }],
    ['a negative base salary', { coefficient: 0.3, baseSalary: -1 }],
  ])('rejects %s', (_name, input) => {
    expect(() => sut(input)).toThrow(RangeError);
  });
});

describe('combinePrizes — several awards (NĐ 91/2017 art. 66(2)(c)–(d))', () => {
  const sut = combinePrizes;

  const ldtt2024: PrizeItem = {
    key: 'a1',
    awardCode: 'LDTT',
    kind: 'title',
    periodKey: '2024',
    amount: 710_000,
  };
  const cstdcs2024: PrizeItem = {
    key: 'a2',
    awardCode: 'CSTDCS',
    kind: 'title',
    periodKey: '2024',
    amount: 2_340_000,
  };
  const ldtt2023: PrizeItem = {
    key: 'a3',
    awardCode: 'LDTT',
    kind: 'title',
    periodKey: '2023',
    amount: 540_000,
  };
  const giayKhen2024: PrizeItem = {
    key: 'a4',
    awardCode: 'GK_SO',
    kind: 'form',
    periodKey: '2024',
    amount: 710_000,
  };
  const bangKhen2024: PrizeItem = {
    key: 'a5',
    awardCode: 'BK_TINH',
    kind: 'form',
    periodKey: '2024',
    amount: 2_340_000,
  };

  const paidKeys = (items: PrizeItem[]) =>
    sut(items)
      .paid.filter((item) => item.paid)
      .map((item) => item.key)
      .sort();

  test.each([
    ['no awards', [], [], 0],
    ['one title', [ldtt2024], ['a1'], 710_000],
    ['same period, two titles: the highest only (c)', [ldtt2024, cstdcs2024], ['a2'], 2_340_000],
    ['different periods: each title (d)', [ldtt2024, ldtt2023], ['a1', 'a3'], 1_250_000],
    ['a title and a form together: both', [ldtt2024, giayKhen2024], ['a1', 'a4'], 1_420_000],
    [
      'forms are paid beside the highest title',
      [giayKhen2024, cstdcs2024, ldtt2024, bangKhen2024],
      ['a2', 'a4', 'a5'],
      5_390_000,
    ],
    [
      'two periods, two titles each, one form',
      [
        ldtt2024,
        cstdcs2024,
        ldtt2023,
        { ...cstdcs2024, key: 'a6', periodKey: '2023', amount: 1_800_000 },
        giayKhen2024,
      ],
      ['a2', 'a4', 'a6'],
      4_850_000,
    ],
  ])('%s', (_name, items, keys, total) => {
    expect(paidKeys(items)).toEqual(keys);
    expect(sut(items).total).toBe(total);
  });

  test('an unpaid title says why; paid items carry no reason; input order and fields are kept', () => {
    const result = sut([ldtt2024, cstdcs2024, giayKhen2024]);
    expect(result.paid).toEqual([
      { ...ldtt2024, paid: false, reason: SAME_PERIOD_TITLE_REASON },
      { ...cstdcs2024, paid: true },
      { ...giayKhen2024, paid: true },
    ]);
    expect(SAME_PERIOD_TITLE_REASON).toBe('Cùng thời điểm chỉ nhận tiền thưởng của danh hiệu cao nhất');
  });

  test('extra fields of the caller survive', () => {
    const result = sut([{ ...ldtt2024, personId: 'p-1' }]);
    expect(result.paid[0]?.personId).toBe('p-1');
  });

  test.each([
    ['input order', [ldtt2024, { ...ldtt2024, key: 'a0', awardCode: 'CSTT' }]],
    ['reversed', [{ ...ldtt2024, key: 'a0', awardCode: 'CSTT' }, ldtt2024]],
  ])('equal amounts in one period: the first by awardCode is paid (%s)', (_name, items) => {
    expect(paidKeys(items)).toEqual(['a0']);
  });

  test.each([
    [
      'input order',
      [
        { ...ldtt2024, key: 'b' },
        { ...ldtt2024, key: 'a' },
      ],
    ],
    [
      'reversed',
      [
        { ...ldtt2024, key: 'a' },
        { ...ldtt2024, key: 'b' },
      ],
    ],
  ])('equal amounts and awardCode: the first by key is paid (%s)', (_name, items) => {
    expect(paidKeys(items)).toEqual(['a']);
  });

  test('rejects duplicate keys and amounts that are not whole đồng', () => {
    expect(() => sut([ldtt2024, { ...cstdcs2024, key: 'a1' }])).toThrow(RangeError);
    expect(() => sut([{ ...ldtt2024, amount: 710_000.5 }])).toThrow(RangeError);
    expect(() => sut([{ ...ldtt2024, amount: -1 }])).toThrow(RangeError);
  });

  test('total and the paid set do not depend on input order', () => {
    const item = fc.record({
      awardCode: fc.constantFrom('LDTT', 'CSTDCS', 'CSTD_TINH', 'GK', 'BK'),
      kind: fc.constantFrom('title' as const, 'form' as const),
      periodKey: fc.constantFrom('2022', '2023', '2024'),
      amount: fc.constantFrom(0, 450_000, 710_000, 1_490_000, 2_340_000),
    });
    const items = fc
      .array(item, { maxLength: 12 })
      .map((rows) => rows.map((row, index): PrizeItem => ({ ...row, key: `k${index}` })));
    fc.assert(
      fc.property(
        items.chain((rows) =>
          fc.tuple(fc.constant(rows), fc.shuffledSubarray(rows, { minLength: rows.length })),
        ),
        ([rows, shuffled]) => {
          const a = sut(rows);
          const b = sut(shuffled);
          expect(b.total).toBe(a.total);
          expect(paidKeys(shuffled)).toEqual(paidKeys(rows));
        },
      ),
    );
  });
});
