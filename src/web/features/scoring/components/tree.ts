import type { CriterionRow, ScoreRow } from '../../../../shared/scoring/scoring.schema';

export type TreeRow = CriterionRow & { depth: number };

/** The criteria in reading order (each group followed by its items), with their depth. */
export function treeOrder(criteria: CriterionRow[]): TreeRow[] {
  const out: TreeRow[] = [];
  const visit = (parentId: string | null, depth: number) => {
    for (const c of criteria.filter((x) => x.parentId === parentId)) {
      out.push({ ...c, depth });
      visit(c.id, depth + 1);
    }
  };
  visit(null, 0);
  return out;
}

export const finalOf = (s: Pick<ScoreRow, 'selfScore' | 'checkedScore'> | undefined) =>
  s ? (s.checkedScore ?? s.selfScore) : null;

/** Final score per criterion id, groups summing the items under them (in hundredths, then back). */
export function finalsOf(
  criteria: CriterionRow[],
  scores: Map<string, number | null>,
): Map<string, number | null> {
  const out = new Map<string, number | null>();
  const sums = new Map<string, number>();
  const parent = new Map(criteria.map((c) => [c.id, c.parentId]));
  for (const c of criteria) {
    if (c.kind === 'group') continue;
    const v = scores.get(c.id) ?? null;
    out.set(c.id, v);
    for (let p = c.parentId; p; p = parent.get(p) ?? null)
      sums.set(p, (sums.get(p) ?? 0) + Math.round((v ?? 0) * 100));
  }
  for (const c of criteria) if (c.kind === 'group') out.set(c.id, (sums.get(c.id) ?? 0) / 100);
  return out;
}

export const fmt = (n: number | null | undefined) =>
  n === null || n === undefined ? '' : n.toLocaleString('vi-VN', { maximumFractionDigits: 2 });
