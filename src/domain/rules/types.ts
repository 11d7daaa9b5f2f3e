/**
 * Rule packs: what the law lists, as data (house style habit 4). Code in `../eligibility` knows how to
 * compute each named fact; a pack says which facts a title needs, compared how, against which value, and
 * where the law says so. A new decree is a new pack file plus tests.
 */
import type { AwardCode, RecipientKind } from '../../shared/registry/catalog';

/** Where a value comes from. `verified: false` means it was seen only in secondary sources (law.md VERIFY). */
export interface Citation {
  /** e.g. "Nghị định 91/2017/NĐ-CP" */
  instrument: string;
  /** e.g. "Điều 10" */
  article?: string;
  /** e.g. "khoản 3" */
  clause?: string;
  /** e.g. "điểm b" */
  point?: string;
  verified: boolean;
  /** Where the text was read (URL of the stored copy) or why it stays unverified. */
  source?: string;
  note?: string;
}

export type Operator = 'eq' | 'neq' | 'gt' | 'gte' | 'lt' | 'lte' | 'in';

export interface FactLeaf {
  /** Stable within the rule; local packs replace a criterion by this id. */
  id: string;
  /** What the criterion is, in Vietnamese, for people. */
  label: string;
  fact: string;
  params?: Record<string, unknown>;
  op: Operator;
  value: unknown;
  citation: Citation;
}

/**
 * A criterion that needs a human judgement ("gương mẫu chấp hành…", "tiêu biểu xuất sắc…"). When
 * `presumedBy` holds, the judgement is taken as made by the body that rated the subject (the yearly rating
 * assesses conduct and ethics); otherwise the verdict is `needs_review`.
 */
export interface JudgementLeaf {
  id: string;
  label: string;
  judgement: true;
  presumedBy?: Omit<FactLeaf, 'id' | 'label' | 'citation'> & { explain: string };
  citation: Citation;
}

export type Leaf = FactLeaf | JudgementLeaf;

export interface AllNode {
  all: CriterionNode[];
}
export interface AnyNode {
  /** Vietnamese: "Đạt một trong các tiêu chuẩn sau" and the like. */
  label: string;
  any: CriterionNode[];
  id: string;
}
export type CriterionNode = Leaf | AllNode | AnyNode;

export interface Rule {
  awardCode: AwardCode;
  recipientKind: RecipientKind;
  /** All must hold (an `any` node inside gives alternatives). */
  criteria: CriterionNode[];
  /** Set only by local packs that restrict a rule in time. */
  effectiveFrom?: string;
  effectiveTo?: string;
  note?: string;
}

export type Rounding = 'floor' | 'round' | 'ceil';

/** A cap on a title per issuer and year, as a share of another title's holders. */
export interface Quota {
  id: string;
  awardCode: AwardCode;
  /** The title whose holders make the base (CSTĐCS ≤ 15% of LĐTT). */
  basisAwardCode: AwardCode;
  maxShare: number;
  rounding: Rounding;
  /** A national ceiling that local packs may lower but not raise. */
  ceiling?: boolean;
  citation: Citation;
}

export type IssuerLevel = 'any' | 'unit_head' | 'commune';

export interface PrizeCoefficient {
  awardCode: AwardCode;
  recipientKind: RecipientKind;
  /** For Giấy khen, the coefficient depends on who signs it. */
  issuerLevel?: IssuerLevel;
  coefficient: number;
  citation: Citation;
}

export interface VoteThreshold {
  awardCodes: AwardCode[];
  /** Share of the council's total membership (not of those present). */
  minShareOfMembers: number;
  citation: Citation;
}

export interface RulePack {
  id: string;
  name: string;
  /** First day of the achievement periods it judges. */
  effectiveFrom: string;
  effectiveTo?: string;
  instruments: Citation[];
  rules: Rule[];
  quotas: Quota[];
  prizes: PrizeCoefficient[];
  /** Households get this multiple of the individual amount when no household coefficient is given. */
  householdMultiplier?: { value: number; citation: Citation };
  votes: VoteThreshold[];
}

/** A province's or ministry's additions, layered on the national pack in force. */
export interface LocalPack {
  id: string;
  name: string;
  /** Code of the issuing unit (the province People's Committee, a ministry). */
  issuer: string;
  effectiveFrom: string;
  effectiveTo?: string;
  /** Criteria added to a rule, or replacing the criterion with the same id. */
  criteria: Array<{ awardCode: AwardCode; recipientKind: RecipientKind; criterion: CriterionNode }>;
  /** Quotas replacing the national quota with the same id, or added. */
  quotas: Quota[];
  citation: Citation;
}
