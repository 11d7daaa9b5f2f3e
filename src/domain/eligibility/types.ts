/**
 * What the evaluator reads: plain records of one subject (a person, a collective, a household) as the
 * registry holds them. The server builds these from the database; tests write them by hand.
 */
import type {
  AwardCode,
  AwardTrack,
  DisciplineLevel,
  EffectScope,
  InitiativeKind,
  LeaveKind,
  Rating,
  RecipientKind,
  RecognitionLevel,
  TrainingGrade,
} from '../../shared/registry/catalog';
import type { Citation } from '../rules/types';

export interface HeldAward {
  id: string;
  awardCode: AwardCode;
  year: number;
  track: AwardTrack;
}

export interface PersonHistory {
  evaluations: Array<{
    year: number;
    rating: Rating;
    unitId?: string | null;
    employmentStartDate?: string | null;
  }>;
  leaves: Array<{ kind: LeaveKind; fromDate: string; toDate: string }>;
  trainings: Array<{ fromDate: string; toDate: string; grade?: TrainingGrade | null; goodConduct: boolean }>;
  disciplines: Array<{ level: DisciplineLevel; fromDate: string; toDate?: string | null }>;
  initiatives: Array<{
    id: string;
    kind: InitiativeKind;
    level: RecognitionLevel;
    effectScope: EffectScope;
    recognitionDate: string;
    /** The award that used it as its basis; null while unused. */
    usedBy?: { awardCode: AwardCode; year: number } | null;
  }>;
  awards: HeldAward[];
  /**
   * Titles registered for at the start of a year (đăng ký thi đua, submitted or approved), when the
   * registry holds registrations; absent, a criterion that needs registration cannot be judged.
   */
  registrations?: Array<{ year: number; awardCode: AwardCode }>;
}

/** A member's result in the year, for collective criteria computed from members. */
export interface MemberResult {
  personId: string;
  rating: Rating | null;
  /** Titles held or found eligible for the year. */
  titles: AwardCode[];
  /** Titles whose verdict needs a human review for the year. */
  pendingTitles?: AwardCode[];
  disciplineLevel: DisciplineLevel | null;
}

export interface CollectiveHistory {
  evaluations: Array<{ year: number; rating: Rating; memberCount?: number | null }>;
  awards: HeldAward[];
  /** Members per year (people rated in the unit or its sub-units that year). */
  members: Record<number, MemberResult[]>;
  /** Titles the unit registered for (đăng ký thi đua, submitted or approved). */
  registrations?: Array<{ year: number; awardCode: AwardCode }>;
  /** Rank in its emulation block per year (1 = leading), when the block has ranked. */
  blockRanks?: Record<number, number>;
}

export interface Subject {
  kind: RecipientKind;
  id: string;
  name?: string;
}

export type CheckStatus = 'met' | 'unmet' | 'unknown';

export interface Check {
  id: string;
  criterion: string;
  status: CheckStatus;
  /** The facts used, in Vietnamese: "CSTĐCS 2021, 2022, 2023 — 3 năm liên tục". */
  detail: string;
  citation: Citation;
  /** For alternatives: the checks of each branch. */
  children?: Check[];
  /** Judgement taken as made by a presumption. */
  presumed?: boolean;
}

export type VerdictStatus = 'eligible' | 'ineligible' | 'needs_review';

export interface Verdict {
  subject: Subject;
  awardCode: AwardCode;
  year: number;
  packId: string;
  status: VerdictStatus;
  checks: Check[];
  /** Top-level criteria not met (an alternative counts as one). */
  missing: string[];
  /** Initiatives this verdict rests on (one award each). */
  initiativeIds: string[];
}
