/**
 * Building blocks shared by the national packs: instrument names, a citation helper, and criteria whose
 * wording is the same across versions (only the citation and the threshold change).
 */
import type { AwardCode, LeaveKind } from '../../../shared/registry/catalog';
import type { Citation, CriterionNode, FactLeaf, JudgementLeaf } from '../types';

export const LUAT_2003 = 'Luật Thi đua, khen thưởng 2003 (sửa đổi, bổ sung 2013)';
export const LUAT_2022 = 'Luật Thi đua, khen thưởng số 06/2022/QH15';
export const ND_91_2017 = 'Nghị định 91/2017/NĐ-CP';
export const TT_12_2019 = 'Thông tư 12/2019/TT-BNV';
export const ND_98_2023 = 'Nghị định 98/2023/NĐ-CP';
export const TT_01_2024 = 'Thông tư 01/2024/TT-BNV';
export const ND_152_2025 = 'Nghị định 152/2025/NĐ-CP';
export const TT_15_2025 = 'Thông tư 15/2025/TT-BNV';

export function cite(
  instrument: string,
  article?: string,
  more: Partial<Omit<Citation, 'instrument' | 'article'>> = {},
): Citation {
  // Verified means a source was read: a citation without one is shown as unverified.
  return {
    instrument,
    ...(article ? { article } : {}),
    ...more,
    verified: more.verified ?? Boolean(more.source),
  };
}

/** law.md marks the item VERIFY: seen only in secondary sources. */
export const unverified = (note: string) => ({ verified: false, source: 'law.md (VERIFY)', note });

/** Maternity leave and treatment of injuries from rescuing people or property, or from combat, count as work. */
export const LEAVE_COUNTED_AS_WORK: LeaveKind[] = ['maternity', 'injury_rescue', 'injury_combat'];

export function ratingAtLeastGood(citation: Citation): FactLeaf {
  return {
    id: 'rating',
    label: 'Hoàn thành tốt nhiệm vụ trở lên',
    fact: 'rating',
    op: 'gte',
    value: 'HTTNV',
    citation,
  };
}

export function exemplaryConduct(label: string, citation: Citation): JudgementLeaf {
  return {
    id: 'conduct',
    label,
    judgement: true,
    presumedBy: {
      fact: 'rating',
      op: 'gte',
      value: 'HTTNV',
      explain: 'Được coi là đáp ứng: kết quả đánh giá hằng năm đã xét phẩm chất, đạo đức, ý thức chấp hành',
    },
    citation,
  };
}

export function newHire(months: number, citation: Citation): FactLeaf {
  return {
    id: 'new_hire',
    label: `Công tác từ ${months} tháng trở lên trong năm (người mới tuyển dụng)`,
    fact: 'monthsEmployed',
    op: 'gte',
    value: months,
    citation,
  };
}

export function absenceBelow(days: number, citation: Citation): FactLeaf {
  return {
    id: 'absence',
    label: `Nghỉ dưới ${days} ngày làm việc (không tính thai sản, điều trị thương tích do cứu người, cứu tài sản, chiến đấu)`,
    fact: 'absenceWorkingDays',
    params: { countedAsWork: LEAVE_COUNTED_AS_WORK },
    op: 'lt',
    value: days,
    citation,
  };
}

export function trainingOk(longMinGrade: 'kha' | null, citation: Citation): FactLeaf {
  return {
    id: 'training',
    label:
      longMinGrade === null
        ? 'Đi học dưới 01 năm chấp hành tốt quy định của cơ sở đào tạo'
        : 'Đi học dưới 01 năm chấp hành tốt quy định; từ 01 năm trở lên đạt loại khá trở lên',
    fact: 'trainingConditions',
    params: { longFromMonths: 12, longMinGrade, shortNeedsGoodConduct: true },
    op: 'eq',
    value: true,
    citation,
  };
}

export function noDiscipline(citation: Citation): FactLeaf {
  return {
    id: 'discipline',
    label: 'Không bị kỷ luật từ hình thức khiển trách trở lên trong năm',
    fact: 'disciplineLevel',
    op: 'lt',
    value: 'khien_trach',
    citation,
  };
}

export function holdsThisYear(code: AwardCode, label: string, citation: Citation): FactLeaf {
  return {
    id: `has_${code}`,
    label,
    fact: 'titleThisYear',
    params: { awardCodes: [code] },
    op: 'eq',
    value: true,
    citation,
  };
}

export function initiatives(
  id: string,
  label: string,
  params: { minLevel: string; minScope?: string; years: number; sinceLastAward?: AwardCode[] },
  count: number,
  citation: Citation,
): FactLeaf {
  return { id, label, fact: 'initiatives', params, op: 'gte', value: count, citation };
}

export function unitRatingAtLeast(rating: 'HTTNV' | 'HTXSNV', label: string, citation: Citation): FactLeaf {
  return { id: 'unit_rating', label, fact: 'unitRating', op: 'gte', value: rating, citation };
}

export function membersNotWarned(citation: Citation): FactLeaf {
  return {
    id: 'member_discipline',
    label: 'Không có cá nhân bị kỷ luật từ hình thức cảnh cáo trở lên',
    fact: 'memberDisciplineLevel',
    op: 'lt',
    value: 'canh_cao',
    citation,
  };
}

export function collectiveMovement(
  label: string,
  presumedRating: 'HTTNV' | 'HTXSNV',
  citation: Citation,
): JudgementLeaf {
  return {
    id: 'movement',
    label,
    judgement: true,
    presumedBy: {
      fact: 'unitRating',
      op: 'gte',
      value: presumedRating,
      explain: 'Được coi là đáp ứng: kết quả đánh giá tập thể hằng năm đã xét phong trào và nội bộ',
    },
    citation,
  };
}

export function anyOf(id: string, label: string, any: CriterionNode[]): CriterionNode {
  return { id, label, any };
}
