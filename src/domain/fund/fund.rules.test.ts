/** The emulation fund's arithmetic and legal checks, table-driven and named after the articles. */
import { describe, expect, it } from 'vitest';
import {
  FUND_V2017,
  FUND_V2024,
  FUND_V2025,
  categoryMatches,
  fundChecks,
  fundPackForYear,
  fundTotals,
  percentOf,
  runningBalance,
  type LedgerEntry,
} from './index';

const income = (entryDate: string, amount: number, category: LedgerEntry['category'] = 'budget_share') =>
  ({ entryDate, direction: 'income', category, amount }) as const satisfies LedgerEntry;
const spend = (entryDate: string, amount: number, category: LedgerEntry['category'] = 'prize') =>
  ({ entryDate, direction: 'expense', category, amount }) as const satisfies LedgerEntry;

describe('the decree that judges a fund year', () => {
  it.each([
    [2018, FUND_V2017],
    [2020, FUND_V2017],
    [2023, FUND_V2017],
    [2024, FUND_V2024],
    [2025, FUND_V2025],
    [2026, FUND_V2025],
    [2010, FUND_V2017],
  ])('%i → %o', (year, pack) => {
    expect(fundPackForYear(year).id).toBe(pack.id);
  });
});

describe('balance = opening (carried over) + income − spending', () => {
  it('keeps the opening apart from the year’s income', () => {
    const t = fundTotals([
      income('2020-01-01', 20_000_000, 'carried_over'),
      income('2020-02-01', 300_000_000),
      income('2020-03-01', 50_000_000, 'donation'),
      spend('2020-08-14', 12_450_000),
      spend('2020-05-05', 40_000_000, 'movement'),
      spend('2020-06-01', 1_000_000, 'other_expense'),
    ]);
    expect(t).toEqual({
      opening: 20_000_000,
      income: 350_000_000,
      expense: 53_450_000,
      balance: 316_550_000,
      budgetShare: 300_000_000,
      donations: 50_000_000,
      prizes: 12_450_000,
      movements: 40_000_000,
    });
  });

  it('runs the balance in date order, income before spending on the same day', () => {
    const r = runningBalance([spend('2020-03-01', 10), income('2020-03-01', 30), income('2020-01-01', 5)]);
    expect(r.map((x) => x.balance)).toEqual([5, 35, 25]);
  });

  it.each([
    ['income', 'budget_share', true],
    ['income', 'donation', true],
    ['income', 'carried_over', true],
    ['income', 'other_income', true],
    ['income', 'prize', false],
    ['expense', 'prize', true],
    ['expense', 'movement', true],
    ['expense', 'other_expense', true],
    ['expense', 'donation', false],
    ['sideways', 'prize', false],
  ])('%s may be %s: %s', (direction, category, expected) => {
    expect(categoryMatches(direction, category)).toBe(expected);
  });
});

const verdict = (
  entries: LedgerEntry[],
  budget: Parameters<typeof fundChecks>[1],
  year: number,
  code: string,
) => fundChecks(entries, budget, fundPackForYear(year)).find((v) => v.code === code)!;

describe('budget share ceiling', () => {
  it.each([
    // [name, year, recurrent spending, remote, budget share, status, limit, citation]
    [
      'Điều 65 NĐ 91/2017: 1,0% in the plains, at the limit',
      2020,
      30_000_000_000,
      false,
      300_000_000,
      'ok',
      300_000_000,
      'Điều 65 Nghị định 91/2017/NĐ-CP',
    ],
    [
      'Điều 65 NĐ 91/2017: 1,0% in the plains, one đồng over',
      2020,
      30_000_000_000,
      false,
      300_000_001,
      'violation',
      300_000_000,
      'Điều 65 Nghị định 91/2017/NĐ-CP',
    ],
    [
      'Điều 65 NĐ 91/2017: 1,5% in remote areas',
      2020,
      30_000_000_000,
      true,
      450_000_000,
      'ok',
      450_000_000,
      'Điều 65 Nghị định 91/2017/NĐ-CP',
    ],
    [
      'Điều 50 NĐ 98/2023: 1,0% in the plains',
      2024,
      10_000_000_000,
      false,
      150_000_000,
      'violation',
      100_000_000,
      'Điều 50 Nghị định 98/2023/NĐ-CP',
    ],
    [
      'Điểm b khoản 3 Điều 46 NĐ 152/2025: 1,0% province and commune',
      2025,
      10_000_000_000,
      false,
      100_000_000,
      'ok',
      100_000_000,
      'Điểm b khoản 3 Điều 46 Nghị định 152/2025/NĐ-CP',
    ],
    [
      'Điểm b khoản 3 Điều 46 NĐ 152/2025: 1,5% mountain, remote, island',
      2025,
      10_000_000_000,
      true,
      150_000_001,
      'violation',
      150_000_000,
      'Điểm b khoản 3 Điều 46 Nghị định 152/2025/NĐ-CP',
    ],
  ] as const)('%s', (_name, year, spending, remote, share, status, limit, ref) => {
    const v = verdict(
      [income(`${year}-02-01`, share)],
      { recurrentSpending: spending, remoteArea: remote },
      year,
      'BUDGET_SHARE_CEILING',
    );
    expect(v).toMatchObject({ status, limit, actual: share, citation: { ref } });
    expect(v.reason).toContain(status === 'ok' ? 'trong mức tối đa' : 'vượt mức tối đa');
  });

  it('cannot judge without the recurrent spending', () => {
    const v = verdict([income('2020-02-01', 1)], null, 2020, 'BUDGET_SHARE_CEILING');
    expect(v.status).toBe('unknown');
    expect(v.reason).toContain('Chưa nhập tổng chi ngân sách thường xuyên');
  });

  it('donations do not count toward the budget ceiling', () => {
    const v = verdict(
      [income('2020-02-01', 100), income('2020-02-02', 10_000, 'donation')],
      { recurrentSpending: 10_000, remoteArea: false },
      2020,
      'BUDGET_SHARE_CEILING',
    );
    expect(v).toMatchObject({ status: 'ok', limit: 100, actual: 100 });
  });
});

describe('20% of the fund for organising movements', () => {
  it.each([
    ['Điều 66 NĐ 91/2017 (TT 71/2011): within 20%', 2020, 1_000_000_000, 200_000_000, 'ok'],
    ['Điều 66 NĐ 91/2017 (TT 71/2011): above 20%', 2020, 1_000_000_000, 200_000_001, 'violation'],
    ['NĐ 152/2025 (sử dụng quỹ): within 20%', 2025, 500_000_000, 100_000_000, 'ok'],
    ['NĐ 152/2025 (sử dụng quỹ): above 20%', 2025, 500_000_000, 120_000_000, 'violation'],
  ] as const)('%s', (_name, year, fund, movements, status) => {
    const v = verdict(
      [income(`${year}-01-10`, fund, 'donation'), spend(`${year}-05-01`, movements, 'movement')],
      null,
      year,
      'MOVEMENT_SHARE',
    );
    expect(v).toMatchObject({ status, limit: fund / 5, actual: movements });
  });

  it('counts the opening balance in the fund', () => {
    const v = verdict(
      [income('2020-01-01', 100_000_000, 'carried_over'), spend('2020-05-01', 20_000_000, 'movement')],
      null,
      2020,
      'MOVEMENT_SHARE',
    );
    expect(v).toMatchObject({ status: 'ok', limit: 20_000_000 });
  });
});

describe('spending only within the fund (Khoản 2, 3 Điều 64 NĐ 91/2017)', () => {
  it.each([
    ['spent after the money arrived', [income('2020-01-10', 100), spend('2020-02-01', 100)], 'ok'],
    ['spent beyond the year’s fund', [income('2020-01-10', 100), spend('2020-02-01', 101)], 'violation'],
    [
      'spent before the money arrived, though the year ends positive',
      [spend('2020-01-05', 50), income('2020-01-10', 100)],
      'violation',
    ],
  ] as const)('%s', (_name, entries, status) => {
    const v = verdict([...entries], null, 2020, 'NO_OVERSPEND');
    expect(v.status).toBe(status);
    if (status === 'violation') expect(v.reason).toMatch(/^Chi vượt số dư quỹ: ngày \d\d\/\d\d\/2020/);
  });
});

it.each([
  [100, '1%'],
  [150, '1,5%'],
  [2000, '20%'],
  [125, '1,25%'],
])('percentOf(%i) = %s', (bp, text) => {
  expect(percentOf(bp)).toBe(text);
});
