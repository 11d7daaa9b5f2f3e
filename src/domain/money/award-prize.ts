/**
 * Prize money of one award under a pack: coefficient × base salary in force on the decision date, times the
 * household multiplier where the pack has one, rounded up to 10.000 đồng (Nghị định 91/2017 art. 68(2)).
 */
import type { AwardCode, RecipientKind } from '../../shared/registry/catalog';
import type { Citation, IssuerLevel, PrizeCoefficient, RulePack } from '../rules/types';
import { amountInWords } from './vietnamese-words';
import { baseSalaryOn, prizeAmount, type BaseSalaryRow } from './prize';

export interface AwardPrizeInput {
  awardCode: AwardCode;
  recipientKind: RecipientKind;
  issuerLevel?: IssuerLevel;
  decisionDate: string;
}

export type AwardPrize =
  | {
      ok: true;
      amount: number;
      words: string;
      coefficient: number;
      multiplier: number;
      baseSalary: BaseSalaryRow;
      citation: Citation;
      /** "0,3 × 1.490.000 = 447.000 → 450.000" */
      formula: string;
    }
  | { ok: false; reason: 'NO_COEFFICIENT' | 'NO_BASE_SALARY'; message: string };

function coefficientFor(
  pack: RulePack,
  code: AwardCode,
  kind: RecipientKind,
  level: IssuerLevel | undefined,
) {
  const rows = pack.prizes.filter((p) => p.awardCode === code && p.recipientKind === kind);
  const exact = rows.find((p) => (p.issuerLevel ?? 'any') === (level ?? 'any'));
  const any = rows.find((p) => (p.issuerLevel ?? 'any') === 'any');
  // A Giấy khen whose issuer level is not given (or 'any') is paid as one from a unit head (the common case).
  const unitHead = rows.find((p) => p.issuerLevel === 'unit_head');
  return exact ?? any ?? (level === undefined || level === 'any' ? unitHead : undefined);
}

const dots = (n: number) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
const comma = (x: number) => String(x).replace('.', ',');

export function awardPrize(
  pack: RulePack,
  salaries: readonly BaseSalaryRow[],
  input: AwardPrizeInput,
): AwardPrize {
  let row: PrizeCoefficient | undefined;
  let multiplier = 1;
  let citation: Citation | undefined;
  if (input.recipientKind === 'household') {
    row = coefficientFor(pack, input.awardCode, 'household', input.issuerLevel);
    if (!row && pack.householdMultiplier) {
      row = coefficientFor(pack, input.awardCode, 'individual', input.issuerLevel);
      multiplier = pack.householdMultiplier.value;
      citation = pack.householdMultiplier.citation;
    }
  } else row = coefficientFor(pack, input.awardCode, input.recipientKind, input.issuerLevel);
  if (!row)
    return {
      ok: false,
      reason: 'NO_COEFFICIENT',
      message: `${pack.name} không quy định hệ số tiền thưởng cho hình thức này`,
    };
  const salary = baseSalaryOn(salaries, input.decisionDate);
  if (!salary)
    return {
      ok: false,
      reason: 'NO_BASE_SALARY',
      message: `Chưa có mức lương cơ sở áp dụng ngày ${input.decisionDate.split('-').reverse().join('/')}`,
    };
  const amount = prizeAmount({ coefficient: row.coefficient, baseSalary: salary.amount, multiplier });
  const raw = Math.round(row.coefficient * multiplier * salary.amount);
  return {
    ok: true,
    amount,
    words: amountInWords(amount),
    coefficient: row.coefficient,
    multiplier,
    baseSalary: salary,
    citation: citation ?? row.citation,
    formula:
      `${comma(row.coefficient)}${multiplier !== 1 ? ` × ${comma(multiplier)}` : ''} × ${dots(salary.amount)} = ${dots(raw)}` +
      (raw !== amount ? ` → ${dots(amount)} (làm tròn lên 10.000 đồng)` : ''),
  };
}
