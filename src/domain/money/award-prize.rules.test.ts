/**
 * Prize money of one award under a pack (`awardPrize`): the pack's coefficient × the base salary in force on
 * the decision date (× 1,5 for a household under V2025), rounded up to 10.000 đồng (NĐ 91/2017 Điều 68
 * khoản 2; NĐ 98/2023 Điều 53; NĐ 152/2025 Điều 49), with the amount in words.
 */
import { describe, expect, test } from 'vitest';
import { V2017, V2024, V2025 } from '../rules/packs';
import { awardPrize } from './award-prize';
import type { BaseSalaryRow } from './prize';

const SALARIES: BaseSalaryRow[] = [
  { effectiveFrom: '2018-07-01', amount: 1_390_000, instrument: 'Nghị định 72/2018/NĐ-CP' },
  { effectiveFrom: '2019-07-01', amount: 1_490_000, instrument: 'Nghị định 38/2019/NĐ-CP' },
  { effectiveFrom: '2023-07-01', amount: 1_800_000, instrument: 'Nghị định 24/2023/NĐ-CP' },
  { effectiveFrom: '2024-07-01', amount: 2_340_000, instrument: 'Nghị định 73/2024/NĐ-CP' },
];

describe('awardPrize — amounts', () => {
  test('NĐ 91/2017 Điều 69 — LĐTT 2020, decided 2021-01-18: 0,3 × 1.490.000 = 447.000 → 450.000', () => {
    const r = awardPrize(V2017, SALARIES, {
      awardCode: 'LDTT',
      recipientKind: 'individual',
      decisionDate: '2021-01-18',
    });
    expect(r).toMatchObject({
      ok: true,
      amount: 450_000,
      words: 'Bốn trăm năm mươi nghìn đồng',
      coefficient: 0.3,
      multiplier: 1,
      baseSalary: { effectiveFrom: '2019-07-01', amount: 1_490_000, instrument: 'Nghị định 38/2019/NĐ-CP' },
      citation: { instrument: 'Nghị định 91/2017/NĐ-CP', article: 'Điều 69', verified: true },
      formula: '0,3 × 1.490.000 = 447.000 → 450.000 (làm tròn lên 10.000 đồng)',
    });
  });

  test('NĐ 91/2017 Điều 69 — Tập thể LĐTT, 2021-01-18: 0,8 × 1.490.000 = 1.192.000 → 1.200.000', () => {
    const r = awardPrize(V2017, SALARIES, {
      awardCode: 'TTLDTT',
      recipientKind: 'collective',
      decisionDate: '2021-01-18',
    });
    expect(r).toMatchObject({
      ok: true,
      amount: 1_200_000,
      words: 'Một triệu hai trăm nghìn đồng',
      coefficient: 0.8,
    });
  });

  test('NĐ 91/2017 Điều 73 khoản 1 điểm d — Giấy khen of a commune chairman: 0,15 × 1.490.000 = 223.500 → 230.000', () => {
    const r = awardPrize(V2017, SALARIES, {
      awardCode: 'GIAY_KHEN',
      recipientKind: 'individual',
      issuerLevel: 'commune',
      decisionDate: '2021-01-18',
    });
    expect(r).toMatchObject({
      ok: true,
      amount: 230_000,
      words: 'Hai trăm ba mươi nghìn đồng',
      coefficient: 0.15,
      formula: '0,15 × 1.490.000 = 223.500 → 230.000 (làm tròn lên 10.000 đồng)',
    });
  });

  test('NĐ 91/2017 Điều 73 — Giấy khen of a unit head: 0,3; without an issuer level it is paid as a unit head’s', () => {
    const input = {
      awardCode: 'GIAY_KHEN',
      recipientKind: 'individual',
      decisionDate: '2021-01-18',
    } as const;
    expect(awardPrize(V2017, SALARIES, { ...input, issuerLevel: 'unit_head' })).toMatchObject({
      amount: 450_000,
    });
    expect(awardPrize(V2017, SALARIES, input)).toMatchObject({ amount: 450_000, coefficient: 0.3 });
    // A collective's Giấy khen is twice the individual's (Điều 73 khoản 2 điểm b): 0,3 × 1.490.000 = 447.000.
    expect(
      awardPrize(V2017, SALARIES, { ...input, recipientKind: 'collective', issuerLevel: 'commune' }),
    ).toMatchObject({ amount: 450_000, coefficient: 0.3 });
  });

  test('V2025 — household Giấy khen: 1,5 × 0,3 × 2.340.000 = 1.053.000 → 1.060.000', () => {
    const r = awardPrize(V2025, SALARIES, {
      awardCode: 'GIAY_KHEN',
      recipientKind: 'household',
      decisionDate: '2025-12-20',
    });
    expect(r).toMatchObject({
      ok: true,
      amount: 1_060_000,
      words: 'Một triệu không trăm sáu mươi nghìn đồng',
      coefficient: 0.3,
      multiplier: 1.5,
      citation: { instrument: 'Nghị định 152/2025/NĐ-CP', verified: false },
      formula: '0,3 × 1,5 × 2.340.000 = 1.053.000 → 1.060.000 (làm tròn lên 10.000 đồng)',
    });
  });

  test('V2025 — Giấy khen of any issuer is 0,3 (the commune rate is gone)', () => {
    expect(
      awardPrize(V2025, SALARIES, {
        awardCode: 'GIAY_KHEN',
        recipientKind: 'individual',
        issuerLevel: 'commune',
        decisionDate: '2025-12-20',
      }),
    ).toMatchObject({ ok: true, amount: 710_000, coefficient: 0.3 });
  });

  test('NĐ 152/2025 Điều 54 khoản 1 — BK tỉnh (cá nhân): 1,5 × 2.340.000 = 3.510.000, no rounding needed', () => {
    const r = awardPrize(V2025, SALARIES, {
      awardCode: 'BK_TINH',
      recipientKind: 'individual',
      decisionDate: '2025-12-20',
    });
    expect(r).toMatchObject({
      ok: true,
      amount: 3_510_000,
      words: 'Ba triệu năm trăm mười nghìn đồng',
      coefficient: 1.5,
      citation: { instrument: 'Nghị định 152/2025/NĐ-CP', article: 'Điều 54', verified: true },
      formula: '1,5 × 2.340.000 = 3.510.000',
    });
  });

  test.each([
    ['V2017 BK tỉnh 1,0, decided 2021-01-18', V2017, '2021-01-18', 1_490_000],
    ['V2024 BK tỉnh 1,0 (assumed as NĐ 91), decided 2024-06-30', V2024, '2024-06-30', 1_800_000],
    ['V2024 BK tỉnh 1,0, decided 2024-07-01 (new base salary)', V2024, '2024-07-01', 2_340_000],
  ] as const)('the base salary in force on the decision date: %s', (_n, pack, decisionDate, amount) => {
    expect(
      awardPrize(pack, SALARIES, { awardCode: 'BK_TINH', recipientKind: 'individual', decisionDate }),
    ).toMatchObject({ ok: true, amount, coefficient: 1 });
  });

  test('the order of the salary rows does not matter', () => {
    const input = { awardCode: 'LDTT', recipientKind: 'individual', decisionDate: '2021-01-18' } as const;
    expect(awardPrize(V2017, [...SALARIES].reverse(), input)).toEqual(awardPrize(V2017, SALARIES, input));
  });
});

describe('awardPrize — failures', () => {
  test('no coefficient in the pack: KNC (the issuer sets it), a household Bằng khen under V2017', () => {
    expect(
      awardPrize(V2017, SALARIES, {
        awardCode: 'KNC',
        recipientKind: 'individual',
        decisionDate: '2021-01-18',
      }),
    ).toEqual({
      ok: false,
      reason: 'NO_COEFFICIENT',
      message:
        'Luật TĐKT 2003 (sửa đổi 2013), Nghị định 91/2017/NĐ-CP không quy định hệ số tiền thưởng cho hình thức này',
    });
    // V2017 has no household multiplier: a household's amount is not derived from the individual's.
    expect(
      awardPrize(V2017, SALARIES, {
        awardCode: 'BK_TINH',
        recipientKind: 'household',
        decisionDate: '2021-01-18',
      }),
    ).toMatchObject({ ok: false, reason: 'NO_COEFFICIENT' });
  });

  test('V2024 has no "any issuer" Giấy khen rate: "any" is paid as a unit head\'s Giấy khen (0,3), like no level', () => {
    const input = {
      awardCode: 'GIAY_KHEN',
      recipientKind: 'individual',
      decisionDate: '2024-12-20',
    } as const;
    expect(awardPrize(V2024, SALARIES, { ...input, issuerLevel: 'any' })).toMatchObject({
      ok: true,
      coefficient: 0.3,
      amount: 710_000,
    });
    expect(awardPrize(V2024, SALARIES, input)).toMatchObject({ ok: true, coefficient: 0.3, amount: 710_000 });
  });

  test("NĐ 152/2025 — a commune Giấy khen is paid the one rate for every issuer (0,3), not V2017's 0,15", () => {
    expect(
      awardPrize(V2025, SALARIES, {
        awardCode: 'GIAY_KHEN',
        recipientKind: 'individual',
        issuerLevel: 'commune',
        decisionDate: '2025-12-20',
      }),
    ).toMatchObject({ ok: true, coefficient: 0.3, amount: 710_000 });
  });

  test('a decision date before the first base salary row', () => {
    expect(
      awardPrize(V2017, SALARIES, {
        awardCode: 'LDTT',
        recipientKind: 'individual',
        decisionDate: '2018-06-30',
      }),
    ).toEqual({
      ok: false,
      reason: 'NO_BASE_SALARY',
      message: 'Chưa có mức lương cơ sở áp dụng ngày 30/06/2018',
    });
  });

  test('an empty salary table', () => {
    expect(
      awardPrize(V2025, [], { awardCode: 'LDTT', recipientKind: 'individual', decisionDate: '2025-12-20' }),
    ).toMatchObject({ ok: false, reason: 'NO_BASE_SALARY' });
  });

  test('the missing coefficient is reported before the salary is looked up', () => {
    expect(
      awardPrize(V2017, [], { awardCode: 'KNC', recipientKind: 'individual', decisionDate: '2010-01-01' }),
    ).toMatchObject({ ok: false, reason: 'NO_COEFFICIENT' });
  });
});
