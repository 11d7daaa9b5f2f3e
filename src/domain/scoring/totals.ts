/** Totals of one score sheet: per item, per group, and the sheet's total (score items + bonus + penalty). */
import { fromHundredths, toHundredths } from './points';
import type { Criterion, ScoreValue } from './types';

/** The score that counts: the checked score when the lead or deputy set one, else the member's own. */
export const finalScore = (s: Pick<ScoreValue, 'selfScore' | 'checkedScore'> | undefined): number | null =>
  s ? (s.checkedScore ?? s.selfScore) : null;

export interface SheetTotals {
  /** Final score per item (null when nobody scored it), group subtotals per group id. */
  byCriterion: Map<string, number | null>;
  /** Final score per criterion code (items and groups), for tie rules and exports. */
  byCode: Record<string, number>;
  base: number;
  bonus: number;
  penalty: number;
  total: number;
  /** The member's own total, before any cross-check. */
  selfTotal: number;
  /** How many items differ from the member's own score after cross-check. */
  adjusted: number;
}

export function sheetTotals(criteria: readonly Criterion[], scores: readonly ScoreValue[]): SheetTotals {
  const byId = new Map(scores.map((s) => [s.criterionId, s]));
  const byCriterion = new Map<string, number | null>();
  const groupSum = new Map<string, number>();
  const parentOf = new Map(criteria.map((c) => [c.id, c.parentId]));
  let base = 0;
  let bonus = 0;
  let penalty = 0;
  let self = 0;
  let adjusted = 0;
  for (const c of criteria) {
    if (c.kind === 'group') continue;
    const s = byId.get(c.id);
    const f = finalScore(s);
    byCriterion.set(c.id, f);
    const h = toHundredths(f ?? 0);
    self += toHundredths(s?.selfScore ?? 0);
    if (s && s.checkedScore !== null && s.checkedScore !== s.selfScore) adjusted++;
    if (c.kind === 'score') base += h;
    else if (c.kind === 'bonus') bonus += h;
    else penalty += h;
    // Add to every group above it.
    for (let p = c.parentId; p !== null && p !== undefined; p = parentOf.get(p) ?? null)
      groupSum.set(p, (groupSum.get(p) ?? 0) + h);
  }
  const byCode: Record<string, number> = {};
  for (const c of criteria) {
    if (c.kind === 'group') byCriterion.set(c.id, fromHundredths(groupSum.get(c.id) ?? 0));
    byCode[c.code] = byCriterion.get(c.id) ?? 0;
  }
  return {
    byCriterion,
    byCode,
    base: fromHundredths(base),
    bonus: fromHundredths(bonus),
    penalty: fromHundredths(penalty),
    total: fromHundredths(base + bonus + penalty),
    selfTotal: fromHundredths(self),
    adjusted,
  };
}
