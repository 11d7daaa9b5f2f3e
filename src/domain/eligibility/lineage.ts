/**
 * Lineage of merged and renamed units: a successor carries its predecessors' records from before the
 * succession (law.md: "successor units propose for their predecessors' achievements"; Nghị định
 * 152/2025 art. 4). Pure: the server reads the successions and the records, this decides which count.
 */

export interface Succession {
  predecessorId: string;
  successorId: string;
  /** The day the successor took over (ISO date). */
  effectiveDate: string;
}

/**
 * The units whose history counts for `unitId`: the unit itself (value `null`: all its records) and every
 * predecessor, transitively, with the date before which its records count (exclusive). Along a path the
 * earliest succession date binds (A → B on 2025-03-01 → C on 2025-07-01: A's records count for C only
 * before 2025-03-01); when a predecessor is reached by several paths the latest of their dates wins.
 * Cycles in bad data are harmless. The result does not depend on the order of `successions`.
 */
export function mergeLineage(
  successions: readonly Succession[],
  unitId: string,
): ReadonlyMap<string, string | null> {
  const out = new Map<string, string | null>([[unitId, null]]);
  const queue = [unitId];
  while (queue.length) {
    const cur = queue.shift()!;
    const curBefore = out.get(cur) ?? null;
    for (const s of successions) {
      if (s.successorId !== cur) continue;
      const before = curBefore === null || s.effectiveDate < curBefore ? s.effectiveDate : curBefore;
      const known = out.get(s.predecessorId);
      // Only a later date widens what counts; each widening uses one of finitely many dates, so this ends.
      if (known === undefined || (known !== null && before > known)) {
        out.set(s.predecessorId, before);
        queue.push(s.predecessorId);
      }
    }
  }
  return out;
}

/** Whether a dated record of `unitId` (a decision, a recognition) counts in the lineage. */
export function countsOn(lineage: ReadonlyMap<string, string | null>, unitId: string, date: string): boolean {
  const before = lineage.get(unitId);
  if (before === undefined) return false;
  return before === null || date < before;
}

/**
 * Whether a yearly record of `unitId` (the year's rating, a title for the year) counts: the year began
 * before the succession. In the year of a succession both the predecessor's and the successor's rows may
 * count; the evaluator then takes the lower rating (facts.ts `ratingOf`).
 */
export function countsForYear(
  lineage: ReadonlyMap<string, string | null>,
  unitId: string,
  year: number,
): boolean {
  return countsOn(lineage, unitId, `${String(year).padStart(4, '0')}-01-01`);
}
