/**
 * Ranking of a block's members with explicit tie rules: the total first, then the set's rules in their
 * order (named criteria, the legal preference for collectives with ≥ 70% women). Members still equal
 * after every rule share a rank (1, 2, 2, 4) and are listed by name.
 */
import { toHundredths } from './points';
import type { TieRule } from './types';

export interface RankEntry {
  unitId: string;
  name: string;
  total: number;
  /** Final score per criterion code (items and group subtotals). */
  byCode: Record<string, number>;
  /** Share of women among the people rated in the unit that year (0–1); null when nobody was rated. */
  womenShare: number | null;
}

/** What separated a member from the one ranked just above it. */
export type DecidedBy =
  | { by: 'total' }
  | { by: 'criterion'; code: string }
  | { by: 'women_share'; threshold: number; citation: string }
  | { by: 'tie' };

export interface Ranked extends RankEntry {
  rank: number;
  /** null for the first member. */
  decidedBy: DecidedBy | null;
}

/** Compares two entries by one rule: negative when `a` goes first. */
function compareBy(rule: TieRule | { kind: 'total' }, a: RankEntry, b: RankEntry): number {
  switch (rule.kind) {
    case 'total':
      return toHundredths(b.total) - toHundredths(a.total);
    case 'criterion':
      return toHundredths(b.byCode[rule.code] ?? 0) - toHundredths(a.byCode[rule.code] ?? 0);
    case 'women_share': {
      // A preference, not a score: only whether the threshold is reached counts. Unknown share: not reached.
      const reached = (e: RankEntry) => (e.womenShare !== null && e.womenShare >= rule.threshold ? 1 : 0);
      return reached(b) - reached(a);
    }
  }
}

const nameOrder = new Intl.Collator('vi', { sensitivity: 'base' });

export function rank(entries: readonly RankEntry[], tieRules: readonly TieRule[]): Ranked[] {
  const rules: (TieRule | { kind: 'total' })[] = [{ kind: 'total' }, ...tieRules];
  const decide = (a: RankEntry, b: RankEntry): { cmp: number; rule: (typeof rules)[number] | null } => {
    for (const rule of rules) {
      const cmp = compareBy(rule, a, b);
      if (cmp !== 0) return { cmp, rule };
    }
    return { cmp: 0, rule: null };
  };
  const sorted = [...entries].sort(
    (a, b) => decide(a, b).cmp || nameOrder.compare(a.name, b.name) || (a.unitId < b.unitId ? -1 : 1),
  );
  const out: Ranked[] = [];
  sorted.forEach((e, i) => {
    if (i === 0) {
      out.push({ ...e, rank: 1, decidedBy: null });
      return;
    }
    const prev = out[i - 1]!;
    const { rule } = decide(prev, e);
    const decidedBy: DecidedBy =
      rule === null
        ? { by: 'tie' }
        : rule.kind === 'total'
          ? { by: 'total' }
          : rule.kind === 'criterion'
            ? { by: 'criterion', code: rule.code }
            : { by: 'women_share', threshold: rule.threshold, citation: rule.citation };
    out.push({ ...e, rank: rule === null ? prev.rank : i + 1, decidedBy });
  });
  return out;
}

/** Vietnamese wording of why a member ranks below the previous one. */
export function describeDecision(d: DecidedBy | null): string {
  if (d === null) return '';
  switch (d.by) {
    case 'total':
      return 'Tổng điểm';
    case 'criterion':
      return `Bằng tổng điểm; hơn ở tiêu chí ${d.code}`;
    case 'women_share':
      return `Bằng điểm; ưu tiên tập thể có từ ${Math.round(d.threshold * 100)}% nữ`;
    case 'tie':
      return 'Đồng hạng';
  }
}
