/**
 * Block scoring (chấm điểm khối thi đua) as plain data. No national template exists (law.md "Blocks"):
 * criteria, maximum points, bonus and penalty items and tie rules are per block and per year, so they are
 * data here and the code only checks and adds them up.
 */
export type CriterionKind = 'score' | 'bonus' | 'penalty' | 'group';

export interface Criterion {
  id: string;
  code: string;
  label: string;
  parentId: string | null;
  kind: CriterionKind;
  /** For a group: the most its score items may add up to. */
  maxPoints: number;
  /** 0 for score and bonus items; negative for penalties (e.g. −5). */
  minPoints: number;
  evidenceRequired: boolean;
  order: number;
}

export interface ScoreValue {
  criterionId: string;
  selfScore: number | null;
  checkedScore: number | null;
  /** How many evidence links the member attached. */
  evidenceCount: number;
}

/**
 * After the total, a set breaks ties with these rules in order. `women_share` is the legal preference:
 * ties favour collectives with at least `threshold` (70%) women (Luật TĐKT 2022 art. 5; Nghị định
 * 152/2025 art. 4), with its citation kept beside the number.
 */
export type TieRule =
  { kind: 'criterion'; code: string } | { kind: 'women_share'; threshold: number; citation: string };

export const WOMEN_PREFERENCE: TieRule = {
  kind: 'women_share',
  threshold: 0.7,
  citation:
    'Luật Thi đua, khen thưởng 2022, Điều 5; Nghị định 152/2025/NĐ-CP, Điều 4 — ưu tiên tập thể có từ 70% nữ',
};

export type ScoreProblem =
  | { code: 'ABOVE_MAX'; criterionCode: string; max: number }
  | { code: 'BELOW_MIN'; criterionCode: string; min: number }
  | { code: 'NOT_SCORABLE'; criterionCode: string }
  | { code: 'PRECISION'; criterionCode: string }
  | { code: 'EVIDENCE_MISSING'; criterionCode: string }
  | { code: 'UNKNOWN_CRITERION'; criterionId: string };

export type CriteriaProblem =
  | { code: 'DUPLICATE_CODE'; criterionCode: string }
  | { code: 'PARENT_NOT_GROUP'; criterionCode: string }
  | { code: 'CYCLE'; criterionCode: string }
  | { code: 'BAD_RANGE'; criterionCode: string; detail: string }
  | { code: 'GROUP_OVERFLOW'; criterionCode: string; sum: number; max: number }
  | { code: 'EMPTY' }
  | { code: 'TIE_RULE_UNKNOWN_CRITERION'; criterionCode: string };
