/**
 * Prize money of a decision's recipient lines: the coefficient of the pack that judges each line's
 * achievement year, times the base salary in force on the decision date, rounded up to 10.000 đồng
 * (Nghị định 91/2017/NĐ-CP art. 68(2); 98/2023 art. 53; 152/2025 art. 49), households × the pack's
 * multiplier (V2025); one recipient with several titles for the same period is paid the highest only
 * (art. 66(2)(c)), also across decisions: a title whose period already had a title paid by an earlier
 * decision is paid only the difference, so that the period's total is the highest title's amount.
 */
import type { AwardCode, RecipientKind } from '../../shared/registry/catalog';
import { AWARD_CODES } from '../../shared/registry/catalog';
import type { IssuerLevel, RulePack } from '../rules/types';
import { awardPrize } from '../money/award-prize';
import { baseSalaryOn, combinePrizes, type BaseSalaryRow } from '../money/prize';
import { amountInWords } from '../money/vietnamese-words';

export interface PrizeLineInput {
  /** Unique within the decision (the recipient line id). */
  key: string;
  recipientKey: string;
  recipientKind: RecipientKind;
  awardCode: AwardCode;
  /** Achievement year: chooses the pack. */
  year: number;
}

/** A title already paid to the same recipient for the same year by another issued decision. */
export interface PriorPaid {
  recipientKey: string;
  year: number;
  amount: number;
  decisionNumber: string;
}

export interface PrizeLine {
  key: string;
  coefficient: number | null;
  multiplier: number;
  /** The full amount the award carries. */
  amount: number;
  /** What this decision pays (0 when a higher title of the same period is paid). */
  paid: number;
  note: string | null;
  packId: string;
}

export type DecisionPrizes =
  | { ok: true; baseSalary: number; lines: PrizeLine[]; total: number; words: string }
  | { ok: false; reason: 'NO_BASE_SALARY'; message: string };

const dots = (n: number) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, '.');

export function decisionPrizes(input: {
  lines: readonly PrizeLineInput[];
  decisionDate: string;
  salaries: readonly BaseSalaryRow[];
  packForYear: (year: number) => RulePack;
  issuerLevel?: IssuerLevel;
  prior?: readonly PriorPaid[];
}): DecisionPrizes {
  const salary = baseSalaryOn(input.salaries, input.decisionDate);
  if (!salary)
    return {
      ok: false,
      reason: 'NO_BASE_SALARY',
      message: `Chưa có mức lương cơ sở áp dụng ngày ${input.decisionDate.split('-').reverse().join('/')}`,
    };
  const packs = new Map<number, RulePack>();
  const packOf = (y: number) => {
    let p = packs.get(y);
    if (!p) packs.set(y, (p = input.packForYear(y)));
    return p;
  };
  const base = input.lines.map((l) => {
    const pack = packOf(l.year);
    const r = awardPrize(pack, input.salaries, {
      awardCode: l.awardCode,
      recipientKind: l.recipientKind,
      decisionDate: input.decisionDate,
      ...(input.issuerLevel ? { issuerLevel: input.issuerLevel } : {}),
    });
    return {
      line: l,
      packId: pack.id,
      coefficient: r.ok ? r.coefficient : null,
      multiplier: r.ok ? r.multiplier : 1,
      amount: r.ok ? r.amount : 0,
      note: r.ok ? null : `${pack.name} không quy định mức tiền thưởng cho hình thức này`,
    };
  });

  // Several titles for one recipient and one period in this decision: the highest only.
  const byRecipient = new Map<string, typeof base>();
  for (const b of base) {
    const list = byRecipient.get(b.line.recipientKey) ?? [];
    list.push(b);
    byRecipient.set(b.line.recipientKey, list);
  }
  const paidInDecision = new Map<string, boolean>();
  for (const list of byRecipient.values()) {
    if (list.length < 2) continue;
    const { paid } = combinePrizes(
      list.map((b) => ({
        key: b.line.key,
        awardCode: b.line.awardCode,
        kind: AWARD_CODES[b.line.awardCode].kind,
        periodKey: String(b.line.year),
        amount: b.amount,
      })),
    );
    for (const p of paid) paidInDecision.set(p.key, p.paid);
  }

  const priorBest = new Map<string, PriorPaid>();
  for (const p of input.prior ?? []) {
    const k = `${p.recipientKey}|${p.year}`;
    const cur = priorBest.get(k);
    if (!cur || p.amount > cur.amount) priorBest.set(k, p);
  }

  let total = 0;
  const lines = base.map((b): PrizeLine => {
    let paid = b.amount;
    let note = b.note;
    if (paidInDecision.get(b.line.key) === false) {
      paid = 0;
      note = 'Cùng kỳ chỉ nhận tiền thưởng của danh hiệu cao nhất';
    } else if (AWARD_CODES[b.line.awardCode].kind === 'title') {
      const prior = priorBest.get(`${b.line.recipientKey}|${b.line.year}`);
      if (prior) {
        paid = Math.max(0, b.amount - prior.amount);
        note =
          paid === 0
            ? `Đã nhận tiền thưởng danh hiệu cao hơn cùng kỳ (QĐ ${prior.decisionNumber})`
            : `Đã nhận ${dots(prior.amount)} đồng cùng kỳ (QĐ ${prior.decisionNumber}); chi phần chênh lệch`;
      }
    }
    total += paid;
    return {
      key: b.line.key,
      coefficient: b.coefficient,
      multiplier: b.multiplier,
      amount: b.amount,
      paid,
      note,
      packId: b.packId,
    };
  });
  if (!Number.isSafeInteger(total)) throw new RangeError('Tổng tiền thưởng quá lớn');
  return { ok: true, baseSalary: salary.amount, lines, total, words: amountInWords(total) };
}
