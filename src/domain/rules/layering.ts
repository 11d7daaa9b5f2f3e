/**
 * Local packs layered on a national pack: a province's or ministry's added criteria and quotas, in force
 * over their own dates. The result is an ordinary pack (its id names the layers), so the evaluator needs no
 * special case and every check still carries the citation of the layer it came from.
 */
import type { CriterionNode, LocalPack, Rule, RulePack } from './types';

const topId = (n: CriterionNode) => ('all' in n ? undefined : n.id);

export function localPackInForce(local: LocalPack, date: string): boolean {
  return local.effectiveFrom <= date && (!local.effectiveTo || local.effectiveTo >= date);
}

/** Apply the local packs in force on `date` (in the given order; a later one wins on the same id). */
export function layerPacks(national: RulePack, locals: readonly LocalPack[], date: string): RulePack {
  const active = locals.filter((l) => localPackInForce(l, date));
  if (!active.length) return national;
  const rules: Rule[] = national.rules.map((r) => ({ ...r, criteria: [...r.criteria] }));
  const quotas = [...national.quotas];
  for (const local of active) {
    for (const c of local.criteria) {
      let rule = rules.find((r) => r.awardCode === c.awardCode && r.recipientKind === c.recipientKind);
      if (!rule) {
        rule = { awardCode: c.awardCode, recipientKind: c.recipientKind, criteria: [] };
        rules.push(rule);
      }
      const id = topId(c.criterion);
      const at = id === undefined ? -1 : rule.criteria.findIndex((n) => topId(n) === id);
      if (at >= 0) rule.criteria[at] = c.criterion;
      else rule.criteria.push(c.criterion);
    }
    for (const q of local.quotas) {
      const at = quotas.findIndex((x) => x.id === q.id);
      if (at >= 0) quotas[at] = q;
      else quotas.push(q);
    }
  }
  return {
    ...national,
    id: [national.id, ...active.map((l) => l.id)].join('+'),
    name: [national.name, ...active.map((l) => l.name)].join(' + '),
    instruments: [...national.instruments, ...active.map((l) => l.citation)],
    rules,
    quotas,
  };
}
