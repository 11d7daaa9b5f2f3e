/**
 * The fund's ledger arithmetic and its legal checks, over plain entries (no database, no clock).
 *
 * Balance = opening (carried over from the previous year) + income − spending. The legal checks of the pack
 * in force (packs.ts) return a verdict each, with the reason in Vietnamese and the citation:
 * - the budget share of the year is at most 1,0% (1,5% in remote areas) of the unit's recurrent spending;
 * - spending on organising movements is at most 20% of the fund (opening + income);
 * - spending never exceeds what the fund holds — checked in date order, so a payment made before the money
 *   arrived is caught even when the year ends positive.
 */
import { formatDong } from '../money/vietnamese-words';
import type { FundCitation, FundPack } from './packs';

export const FUND_DIRECTIONS = ['income', 'expense'] as const;
export type FundDirection = (typeof FUND_DIRECTIONS)[number];

export const INCOME_CATEGORIES = ['budget_share', 'donation', 'carried_over', 'other_income'] as const;
export const EXPENSE_CATEGORIES = ['prize', 'movement', 'other_expense'] as const;
export type IncomeCategory = (typeof INCOME_CATEGORIES)[number];
export type ExpenseCategory = (typeof EXPENSE_CATEGORIES)[number];
export type FundCategory = IncomeCategory | ExpenseCategory;

export const FUND_CATEGORY_LABELS: Record<FundCategory, string> = {
  budget_share: 'Trích từ ngân sách',
  donation: 'Đóng góp, tài trợ',
  carried_over: 'Kết dư năm trước chuyển sang',
  other_income: 'Thu khác',
  prize: 'Chi tiền thưởng theo quyết định',
  movement: 'Chi tổ chức phong trào thi đua',
  other_expense: 'Chi khác',
};

export function directionOf(category: FundCategory): FundDirection {
  return (INCOME_CATEGORIES as readonly string[]).includes(category) ? 'income' : 'expense';
}

export function categoryMatches(direction: string, category: string): boolean {
  return direction === 'income'
    ? (INCOME_CATEGORIES as readonly string[]).includes(category)
    : direction === 'expense' && (EXPENSE_CATEGORIES as readonly string[]).includes(category);
}

export interface LedgerEntry {
  entryDate: string;
  direction: FundDirection;
  category: FundCategory;
  /** Whole đồng, positive. */
  amount: number;
}

export interface FundTotals {
  /** Carried over from the previous year. */
  opening: number;
  /** Income of the year, the opening balance left out. */
  income: number;
  expense: number;
  balance: number;
  budgetShare: number;
  donations: number;
  prizes: number;
  movements: number;
}

export function fundTotals(entries: readonly LedgerEntry[]): FundTotals {
  const t: FundTotals = {
    opening: 0,
    income: 0,
    expense: 0,
    balance: 0,
    budgetShare: 0,
    donations: 0,
    prizes: 0,
    movements: 0,
  };
  for (const e of entries) {
    if (e.direction === 'income') {
      if (e.category === 'carried_over') t.opening += e.amount;
      else t.income += e.amount;
      if (e.category === 'budget_share') t.budgetShare += e.amount;
      if (e.category === 'donation') t.donations += e.amount;
    } else {
      t.expense += e.amount;
      if (e.category === 'prize') t.prizes += e.amount;
      if (e.category === 'movement') t.movements += e.amount;
    }
  }
  t.balance = t.opening + t.income - t.expense;
  return t;
}

/** The running balance after each entry, in date order (income before spending on the same day). */
export function runningBalance<T extends LedgerEntry>(
  entries: readonly T[],
): { entry: T; balance: number }[] {
  const sorted = [...entries].sort(
    (a, b) =>
      a.entryDate.localeCompare(b.entryDate) ||
      (a.direction === b.direction ? 0 : a.direction === 'income' ? -1 : 1),
  );
  let balance = 0;
  return sorted.map((entry) => {
    balance += entry.direction === 'income' ? entry.amount : -entry.amount;
    return { entry, balance };
  });
}

export type CheckCode = 'BUDGET_SHARE_CEILING' | 'MOVEMENT_SHARE' | 'NO_OVERSPEND';

export interface FundVerdict {
  code: CheckCode;
  /** ok: within the law; violation: beyond it; unknown: a figure the check needs is missing. */
  status: 'ok' | 'violation' | 'unknown';
  /** The limit and the actual figure in đồng, when both are known. */
  limit: number | null;
  actual: number;
  reason: string;
  citation: FundCitation;
  packId: string;
}

export interface FundBudget {
  recurrentSpending: number;
  remoteArea: boolean;
}

/** Basis points of an amount, rounded down to the đồng (a ceiling is never exceeded by rounding). */
export const shareOf = (amount: number, bp: number) => Math.floor((amount * bp) / 10000);

/** Basis points as a Vietnamese percentage: 100 → "1%", 150 → "1,5%", 2000 → "20%" (no locale data needed). */
export function percentOf(bp: number): string {
  const whole = Math.floor(bp / 100);
  const frac = bp % 100;
  return frac ? `${whole},${String(frac).padStart(2, '0').replace(/0$/, '')}%` : `${whole}%`;
}
const pct = percentOf;

export function fundChecks(
  entries: readonly LedgerEntry[],
  budget: FundBudget | null,
  pack: FundPack,
): FundVerdict[] {
  const t = fundTotals(entries);
  const out: FundVerdict[] = [];

  // 1. Budget share ceiling.
  const bp = budget?.remoteArea ? pack.budgetShareBp.remote : pack.budgetShareBp.plains;
  const area = budget?.remoteArea ? 'miền núi, vùng sâu, vùng xa, hải đảo' : 'đồng bằng';
  if (!budget) {
    out.push({
      code: 'BUDGET_SHARE_CEILING',
      status: 'unknown',
      limit: null,
      actual: t.budgetShare,
      reason: `Chưa nhập tổng chi ngân sách thường xuyên của năm: chưa kiểm tra được mức trích từ ngân sách (${formatDong(t.budgetShare)}).`,
      citation: pack.budgetShareBp.citation,
      packId: pack.id,
    });
  } else {
    const limit = shareOf(budget.recurrentSpending, bp);
    const over = t.budgetShare > limit;
    out.push({
      code: 'BUDGET_SHARE_CEILING',
      status: over ? 'violation' : 'ok',
      limit,
      actual: t.budgetShare,
      reason: over
        ? `Trích từ ngân sách ${formatDong(t.budgetShare)} vượt mức tối đa ${pct(bp)} chi thường xuyên (${area}) là ${formatDong(limit)}.`
        : `Trích từ ngân sách ${formatDong(t.budgetShare)} trong mức tối đa ${pct(bp)} chi thường xuyên (${area}) là ${formatDong(limit)}.`,
      citation: pack.budgetShareBp.citation,
      packId: pack.id,
    });
  }

  // 2. Movements: at most 20% of the fund (opening + income of the year).
  const fund = t.opening + t.income;
  const movementLimit = shareOf(fund, pack.movementShareBp.max);
  const movementOver = t.movements > movementLimit;
  out.push({
    code: 'MOVEMENT_SHARE',
    status: movementOver ? 'violation' : 'ok',
    limit: movementLimit,
    actual: t.movements,
    reason: movementOver
      ? `Chi tổ chức phong trào ${formatDong(t.movements)} vượt ${pct(pack.movementShareBp.max)} tổng quỹ (${formatDong(fund)}) là ${formatDong(movementLimit)}.`
      : `Chi tổ chức phong trào ${formatDong(t.movements)} trong mức ${pct(pack.movementShareBp.max)} tổng quỹ (${formatDong(fund)}) là ${formatDong(movementLimit)}.`,
    citation: pack.movementShareBp.citation,
    packId: pack.id,
  });

  // 3. Never spend beyond the balance, in date order.
  const firstNegative = runningBalance(entries).find((r) => r.balance < 0);
  out.push({
    code: 'NO_OVERSPEND',
    status: firstNegative ? 'violation' : 'ok',
    limit: fund,
    actual: t.expense,
    reason: firstNegative
      ? `Chi vượt số dư quỹ: ngày ${vnDate(firstNegative.entry.entryDate)} số dư còn ${formatDong(firstNegative.balance)}.`
      : `Tổng chi ${formatDong(t.expense)} trong phạm vi nguồn quỹ ${formatDong(fund)}; số dư ${formatDong(t.balance)}.`,
    citation: pack.noOverspend,
    packId: pack.id,
  });
  return out;
}

/** yyyy-mm-dd → dd/mm/yyyy. */
export function vnDate(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${d}/${m}/${y}`;
}
