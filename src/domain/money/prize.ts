/**
 * Prize money (tiền thưởng): coefficient × mức lương cơ sở in force on the decision date, rounded up to
 * the next 10.000 đồng, and the rules for a person or collective who receives several awards at once.
 *
 * The base salary is data (admins add rows as the Government changes it); coefficients come from the
 * rule packs. Nothing here knows today's date.
 */

/** One dated value of mức lương cơ sở, e.g. 2.340.000 đồng from 2024-07-01, with the instrument that set it. */
export type BaseSalaryRow = { effectiveFrom: string; amount: number; instrument: string };

const ISO_DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

function assertIsoDate(value: string, what: string): void {
  // 'yyyy-mm-dd' strings compare in date order, which is what the lookup below relies on.
  if (!ISO_DATE.test(value)) throw new RangeError(`${what} phải có dạng yyyy-mm-dd: ${value}`);
}

/**
 * The base salary row in force on `date`: the latest `effectiveFrom` ≤ `date`, whatever the order of
 * `rows`. Undefined before the first row. The amount is the one in force on the decision date
 * (Nghị định 91/2017/NĐ-CP art. 68; Nghị định 98/2023/NĐ-CP art. 53; Nghị định 152/2025/NĐ-CP
 * art. 49). Two rows from the same day with different amounts are contradictory data and throw rather
 * than let the row order pick a prize.
 */
export function baseSalaryOn(rows: readonly BaseSalaryRow[], date: string): BaseSalaryRow | undefined {
  assertIsoDate(date, 'Ngày');
  let best: BaseSalaryRow | undefined;
  for (const row of rows) {
    assertIsoDate(row.effectiveFrom, 'Ngày hiệu lực');
    if (row.effectiveFrom > date) continue;
    if (best === undefined || row.effectiveFrom > best.effectiveFrom) {
      best = row;
    } else if (row.effectiveFrom === best.effectiveFrom) {
      if (row.amount !== best.amount) {
        throw new RangeError(`Hai mức lương cơ sở khác nhau cùng hiệu lực từ ${row.effectiveFrom}`);
      }
      // Same day, same amount: keep the first instrument in code order so the answer is order-free.
      if (row.instrument < best.instrument) best = row;
    }
  }
  return best;
}

const ROUNDING_STEP = 10_000;

/**
 * Rounds up to the next multiple of 10.000 đồng; exact multiples are unchanged.
 * "Tiền thưởng sau khi nhân với hệ số mức lương cơ sở được làm tròn số lên hàng chục nghìn đồng":
 * Nghị định 91/2017/NĐ-CP art. 68(2) (V2017), Nghị định 98/2023/NĐ-CP art. 53 (V2024),
 * Nghị định 152/2025/NĐ-CP art. 49 (V2025). Up, never to the nearest: 223.500 → 230.000, although some
 * published tables print 220.000 or skip the rounding.
 */
export function roundUpTo10k(amount: number): number {
  if (!Number.isFinite(amount) || amount < 0) {
    throw new RangeError(`Số tiền phải là số không âm: ${amount}`);
  }
  // `%` is exact on doubles, so this never suffers the float error of Math.ceil(amount / 10000).
  const remainder = amount % ROUNDING_STEP;
  const rounded = remainder === 0 ? amount : amount - remainder + ROUNDING_STEP;
  if (!Number.isSafeInteger(rounded)) throw new RangeError(`Số tiền quá lớn: ${amount}`);
  return rounded;
}

/** A coefficient in hundredths (0.15 → 15), refusing more than two decimals rather than guessing. */
function toHundredths(value: number, what: string): bigint {
  const scaled = Math.round(value * 100);
  if (!Number.isFinite(value) || value < 0 || Math.abs(value * 100 - scaled) > 1e-6) {
    throw new RangeError(`${what} phải là số không âm, tối đa hai chữ số thập phân: ${value}`);
  }
  return BigInt(scaled);
}

export type PrizeInput = {
  /** Hệ số from the rule pack, e.g. 0.3 for Lao động tiên tiến; at most two decimals. */
  coefficient: number;
  /** Mức lương cơ sở in force on the decision date, whole đồng. */
  baseSalary: number;
  /** E.g. 1.5 for a household (hộ gia đình) under V2025; at most two decimals. Default 1. */
  multiplier?: number;
};

/**
 * coefficient × multiplier × baseSalary, rounded up to 10.000 đồng once, at the end (art. 68(2) of
 * Nghị định 91/2017, art. 53 of 98/2023, art. 49 of 152/2025). The product is computed in integers
 * (coefficients in hundredths) because floating point can land just above a multiple of 10.000 and be
 * rounded up a whole step: 0.8 × 1.5 × 1_800_000 is 2_160_000.0000000005 in doubles, which would be paid as
 * 2.170.000 instead of 2.160.000.
 */
export function prizeAmount({ coefficient, baseSalary, multiplier = 1 }: PrizeInput): number {
  if (!Number.isSafeInteger(baseSalary) || baseSalary < 0) {
    throw new RangeError(`Mức lương cơ sở phải là số nguyên đồng không âm: ${baseSalary}`);
  }
  const scaled =
    toHundredths(coefficient, 'Hệ số') * toHundredths(multiplier, 'Hệ số nhân') * BigInt(baseSalary);
  // scaled is the amount in 1/10 000 đồng; round up to whole đồng first (which cannot change the
  // 10.000-đồng rounding that follows) so that roundUpTo10k sees an exact integer.
  const wholeDong = (scaled + 9_999n) / 10_000n;
  if (wholeDong > BigInt(Number.MAX_SAFE_INTEGER)) throw new RangeError('Số tiền thưởng quá lớn');
  return roundUpTo10k(Number(wholeDong));
}

/** One award's prize for one recipient, before the several-awards rules are applied. */
export type PrizeItem = {
  /** Identifies the item (e.g. the award id); unique within one call. */
  key: string;
  awardCode: string;
  /** 'title' = danh hiệu thi đua; 'form' = hình thức khen thưởng. */
  kind: 'title' | 'form';
  /** The achievement period the award is for (e.g. '2024' for năm công tác 2024). */
  periodKey: string;
  /** Amount in whole đồng, already rounded (prizeAmount). */
  amount: number;
};

export type PaidPrizeItem<T extends PrizeItem = PrizeItem> = T & { paid: boolean; reason?: string };

export const SAME_PERIOD_TITLE_REASON = 'Cùng thời điểm chỉ nhận tiền thưởng của danh hiệu cao nhất';

function byAwardCodeThenKey(a: PrizeItem, b: PrizeItem): number {
  // Plain code-unit comparison, not localeCompare: the result must not depend on the machine's ICU.
  if (a.awardCode !== b.awardCode) return a.awardCode < b.awardCode ? -1 : 1;
  if (a.key !== b.key) return a.key < b.key ? -1 : 1;
  return 0;
}

/**
 * Applies the several-awards rules to the prizes of ONE recipient:
 * - several titles for the same period: only the highest amount is paid;
 * - titles for different periods: each is paid;
 * - a title and a form together: both are paid (forms are always paid).
 * Source: Nghị định 91/2017/NĐ-CP art. 66(2)(c)–(d) (V2017, read in a secondary source — VERIFY);
 * the V2024 / V2025 equivalents are assumed unchanged (law.md "Prize money" — VERIFY).
 *
 * The outcome does not depend on input order: of equal highest amounts, the first by awardCode then key
 * is paid. `paid` keeps the input order so callers can line results up with their rows.
 */
export function combinePrizes<T extends PrizeItem>(
  items: readonly T[],
): { paid: Array<PaidPrizeItem<T>>; total: number } {
  const keys = new Set<string>();
  const winnerByPeriod = new Map<string, T>();
  for (const item of items) {
    if (keys.has(item.key)) throw new RangeError(`Khoá trùng: ${item.key}`);
    keys.add(item.key);
    if (!Number.isSafeInteger(item.amount) || item.amount < 0) {
      throw new RangeError(`Số tiền phải là số nguyên đồng không âm: ${item.amount}`);
    }
    if (item.kind !== 'title') continue;
    const current = winnerByPeriod.get(item.periodKey);
    if (
      current === undefined ||
      item.amount > current.amount ||
      (item.amount === current.amount && byAwardCodeThenKey(item, current) < 0)
    ) {
      winnerByPeriod.set(item.periodKey, item);
    }
  }

  let total = 0;
  const paid = items.map((item): PaidPrizeItem<T> => {
    if (item.kind === 'title' && winnerByPeriod.get(item.periodKey) !== item) {
      return { ...item, paid: false, reason: SAME_PERIOD_TITLE_REASON };
    }
    total += item.amount;
    return { ...item, paid: true };
  });
  if (!Number.isSafeInteger(total)) throw new RangeError('Tổng tiền thưởng quá lớn');
  return { paid, total };
}
