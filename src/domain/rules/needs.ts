/**
 * What of a subject's history a pack can look at: how many years back (the longest chain, count or window
 * of any criterion) and which award codes before the year judged (chains, prerequisites, "since the last
 * award"). The server reads no more than this — a province's LĐTT of earlier years is most of its award
 * history, and no criterion reads it.
 */
import type { AwardCode } from '../../shared/registry/catalog';
import type { CriterionNode, RulePack } from './types';

export interface HistoryNeeds {
  /** Years back including the year judged: records of years ≥ year − years + 1 suffice. */
  years: number;
  /** Award codes whose earlier years matter (awards of the year judged are always needed). */
  awardCodes: AwardCode[];
}

type Leafish = { fact: string; params?: Record<string, unknown>; op: string; value: unknown };

function leaves(nodes: readonly CriterionNode[]): Leafish[] {
  return nodes.flatMap((n): Leafish[] => {
    if ('all' in n) return leaves(n.all);
    if ('any' in n) return leaves(n.any);
    if ('judgement' in n) return n.presumedBy ? [n.presumedBy] : [];
    return [n];
  });
}

export function historyNeeds(pack: RulePack): HistoryNeeds {
  let years = 1;
  const codes = new Set<AwardCode>();
  const num = (v: unknown, fallback: number) => (typeof v === 'number' && Number.isFinite(v) ? v : fallback);
  for (const rule of pack.rules)
    for (const l of leaves(rule.criteria)) {
      const p = l.params ?? {};
      const since = p.sinceLastAward as AwardCode[] | undefined;
      since?.forEach((c) => codes.add(c));
      // A chain met at `value` needs `value` links; "gt" needs one more.
      const links = num(l.value, 1) + (l.op === 'gt' ? 1 : 0);
      switch (l.fact) {
        case 'titleChain':
          (p.awardCodes as AwardCode[]).forEach((c) => codes.add(c));
          years = Math.max(years, links * num(p.step, 1));
          break;
        case 'titleCount':
          (p.awardCodes as AwardCode[]).forEach((c) => codes.add(c));
          years = Math.max(years, num(p.years, 1));
          break;
        case 'ratingChain':
          years = Math.max(years, links);
          break;
        case 'ratingCount':
        case 'initiatives':
          years = Math.max(years, num(p.years, 1));
          break;
        case 'priorAward':
          (p.awardCodes as AwardCode[]).forEach((c) => codes.add(c));
          break;
      }
    }
  return { years, awardCodes: [...codes].sort() };
}
