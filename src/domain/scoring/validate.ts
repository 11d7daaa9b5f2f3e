/** Checks a criteria tree and the scores given against it. */
import { hasTwoDecimalsAtMost, sumPoints } from './points';
import type { Criterion, CriteriaProblem, ScoreProblem, TieRule } from './types';

/** Range rules per kind: score and bonus items from 0 up; penalties below 0 up to 0; groups cap their items. */
function rangeProblem(c: Criterion): string | null {
  if (!hasTwoDecimalsAtMost(c.maxPoints) || !hasTwoDecimalsAtMost(c.minPoints))
    return 'điểm chỉ lấy tối đa hai chữ số thập phân';
  if (c.minPoints > c.maxPoints) return 'điểm tối thiểu lớn hơn điểm tối đa';
  switch (c.kind) {
    case 'score':
    case 'bonus':
      if (c.minPoints < 0) return 'điểm tối thiểu không được âm';
      if (c.maxPoints <= 0) return 'điểm tối đa phải lớn hơn 0';
      return null;
    case 'penalty':
      if (c.minPoints >= 0) return 'điểm trừ phải có điểm tối thiểu âm';
      if (c.maxPoints > 0) return 'điểm trừ có điểm tối đa không quá 0';
      return null;
    case 'group':
      if (c.minPoints !== 0) return 'nhóm có điểm tối thiểu 0';
      if (c.maxPoints <= 0) return 'điểm tối đa của nhóm phải lớn hơn 0';
      return null;
  }
}

export function validateCriteria(criteria: readonly Criterion[], tieRules: readonly TieRule[] = []) {
  const problems: CriteriaProblem[] = [];
  if (criteria.length === 0) problems.push({ code: 'EMPTY' });
  const byId = new Map(criteria.map((c) => [c.id, c]));
  const seen = new Set<string>();
  for (const c of criteria) {
    if (seen.has(c.code)) problems.push({ code: 'DUPLICATE_CODE', criterionCode: c.code });
    seen.add(c.code);
    const detail = rangeProblem(c);
    if (detail) problems.push({ code: 'BAD_RANGE', criterionCode: c.code, detail });
    if (c.parentId !== null) {
      const parent = byId.get(c.parentId);
      if (!parent || parent.kind !== 'group')
        problems.push({ code: 'PARENT_NOT_GROUP', criterionCode: c.code });
    }
    // Walk up: a chain longer than the tree means a cycle.
    let at: Criterion | undefined = c;
    for (let steps = 0; at && at.parentId !== null; steps++) {
      if (steps > criteria.length) {
        problems.push({ code: 'CYCLE', criterionCode: c.code });
        break;
      }
      at = byId.get(at.parentId);
    }
  }
  for (const g of criteria.filter((c) => c.kind === 'group')) {
    const itemMax = criteria
      .filter((c) => c.parentId === g.id && (c.kind === 'score' || c.kind === 'group'))
      .map((c) => c.maxPoints);
    const sum = sumPoints(itemMax);
    if (sum > g.maxPoints)
      problems.push({ code: 'GROUP_OVERFLOW', criterionCode: g.code, sum, max: g.maxPoints });
  }
  for (const r of tieRules)
    if (r.kind === 'criterion' && !seen.has(r.code))
      problems.push({ code: 'TIE_RULE_UNKNOWN_CRITERION', criterionCode: r.code });
  return problems;
}

/** One score against its criterion: within [min, max], two decimals at most, never on a group. */
export function validateScore(criterion: Criterion, value: number): ScoreProblem | null {
  if (criterion.kind === 'group') return { code: 'NOT_SCORABLE', criterionCode: criterion.code };
  if (!hasTwoDecimalsAtMost(value)) return { code: 'PRECISION', criterionCode: criterion.code };
  if (value > criterion.maxPoints)
    return { code: 'ABOVE_MAX', criterionCode: criterion.code, max: criterion.maxPoints };
  if (value < criterion.minPoints)
    return { code: 'BELOW_MIN', criterionCode: criterion.code, min: criterion.minPoints };
  return null;
}

/**
 * Before a sheet is submitted: every item whose criterion requires evidence and that earns points (or a
 * bonus) has at least one evidence link. A zero score needs no proof.
 */
export function missingEvidence(
  criteria: readonly Criterion[],
  scores: readonly { criterionId: string; selfScore: number | null; evidenceCount: number }[],
): ScoreProblem[] {
  const byId = new Map(scores.map((s) => [s.criterionId, s]));
  return criteria
    .filter((c) => c.evidenceRequired && c.kind !== 'group' && c.kind !== 'penalty')
    .filter((c) => {
      const s = byId.get(c.id);
      return s !== undefined && (s.selfScore ?? 0) > 0 && s.evidenceCount === 0;
    })
    .map((c) => ({ code: 'EVIDENCE_MISSING', criterionCode: c.code }) as const);
}

/** Vietnamese wording of a problem, for the field messages the user reads. */
export function describeProblem(p: ScoreProblem | CriteriaProblem): string {
  const n = (x: number) => String(x).replace('.', ',');
  switch (p.code) {
    case 'ABOVE_MAX':
      return `Tiêu chí ${p.criterionCode}: điểm vượt mức tối đa ${n(p.max)}`;
    case 'BELOW_MIN':
      return `Tiêu chí ${p.criterionCode}: điểm thấp hơn mức tối thiểu ${n(p.min)}`;
    case 'NOT_SCORABLE':
      return `Tiêu chí ${p.criterionCode} là nhóm, không chấm điểm trực tiếp`;
    case 'PRECISION':
      return `Tiêu chí ${p.criterionCode}: điểm chỉ lấy tối đa hai chữ số thập phân`;
    case 'EVIDENCE_MISSING':
      return `Tiêu chí ${p.criterionCode} cần minh chứng kèm theo`;
    case 'UNKNOWN_CRITERION':
      return `Tiêu chí không thuộc bộ tiêu chí này`;
    case 'DUPLICATE_CODE':
      return `Mã tiêu chí ${p.criterionCode} bị trùng`;
    case 'PARENT_NOT_GROUP':
      return `Tiêu chí ${p.criterionCode} phải thuộc một nhóm tiêu chí`;
    case 'CYCLE':
      return `Tiêu chí ${p.criterionCode} nằm trong vòng lặp cha – con`;
    case 'BAD_RANGE':
      return `Tiêu chí ${p.criterionCode}: ${p.detail}`;
    case 'GROUP_OVERFLOW':
      return `Nhóm ${p.criterionCode}: tổng điểm tối đa các tiêu chí (${n(p.sum)}) vượt điểm của nhóm (${n(p.max)})`;
    case 'EMPTY':
      return 'Bộ tiêu chí chưa có tiêu chí nào';
    case 'TIE_RULE_UNKNOWN_CRITERION':
      return `Quy tắc xếp hạng khi bằng điểm dùng tiêu chí ${p.criterionCode} không có trong bộ`;
  }
}
