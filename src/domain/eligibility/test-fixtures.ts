/**
 * Builders for the eligibility tests: explicit, hand-written histories (no random data outside the
 * property tests). Not imported by production code.
 */
import type {
  AwardCode,
  AwardTrack,
  DisciplineLevel,
  EffectScope,
  InitiativeKind,
  LeaveKind,
  Rating,
  RecognitionLevel,
  TrainingGrade,
} from '../../shared/registry/catalog';
import type {
  Check,
  CollectiveHistory,
  HeldAward,
  MemberResult,
  PersonHistory,
  Subject,
  Verdict,
} from './types';

export const PERSON: Subject = { kind: 'individual', id: 'p1', name: 'Nguyễn Văn A' };
export const UNIT: Subject = { kind: 'collective', id: 'u1', name: 'Phòng Tổ chức' };
export const HOUSEHOLD: Subject = { kind: 'household', id: 'h1', name: 'Hộ ông Trần Văn B' };

export type Evaluation = PersonHistory['evaluations'][number];
export type Initiative = PersonHistory['initiatives'][number];

export function history(p: Partial<PersonHistory> = {}): PersonHistory {
  return { evaluations: [], leaves: [], trainings: [], disciplines: [], initiatives: [], awards: [], ...p };
}

export function rated(year: number, rating: Rating, more: Partial<Evaluation> = {}): Evaluation {
  return { year, rating, ...more };
}

/** One rating per year, e.g. `ratings({ 2019: 'HTXSNV', 2020: 'HTTNV' })`. */
export function ratings(byYear: Record<number, Rating>): Evaluation[] {
  return Object.entries(byYear).map(([y, r]) => rated(Number(y), r));
}

/** The same rating for every year from `from` to `to`. */
export function ratedYears(from: number, to: number, rating: Rating): Evaluation[] {
  const out: Evaluation[] = [];
  for (let y = from; y <= to; y++) out.push(rated(y, rating));
  return out;
}

export function award(awardCode: AwardCode, year: number, track: AwardTrack = 'regular'): HeldAward {
  return { id: `${awardCode}-${year}-${track}`, awardCode, year, track };
}

export function awards(awardCode: AwardCode, years: number[], track: AwardTrack = 'regular'): HeldAward[] {
  return years.map((y) => award(awardCode, y, track));
}

export function initiative(
  id: string,
  recognitionDate: string,
  more: Partial<{
    kind: InitiativeKind;
    level: RecognitionLevel;
    effectScope: EffectScope;
    usedBy: { awardCode: AwardCode; year: number } | null;
  }> = {},
): Initiative {
  return {
    id,
    recognitionDate,
    kind: more.kind ?? 'initiative',
    level: more.level ?? 'grassroots',
    effectScope: more.effectScope ?? 'unit',
    usedBy: more.usedBy ?? null,
  };
}

export function discipline(level: DisciplineLevel, fromDate: string, toDate?: string | null) {
  return { level, fromDate, ...(toDate === undefined ? {} : { toDate }) };
}

export function leave(kind: LeaveKind, fromDate: string, toDate: string) {
  return { kind, fromDate, toDate };
}

export function training(fromDate: string, toDate: string, goodConduct: boolean, grade?: TrainingGrade) {
  return { fromDate, toDate, goodConduct, ...(grade ? { grade } : {}) };
}

export function collectiveHistory(p: Partial<CollectiveHistory> = {}): CollectiveHistory {
  return { evaluations: [], awards: [], members: {}, ...p };
}

/** A member's year: rating, titles held or found eligible, discipline. */
export function member(personId: string, more: Partial<Omit<MemberResult, 'personId'>> = {}): MemberResult {
  return { personId, rating: 'HTTNV', titles: [], disciplineLevel: null, ...more };
}

/**
 * `n` members, the first `withLdtt` of them LĐTT (and HTTNV), the rest HTNV without a title.
 * `extra` changes individual members by index.
 */
export function members(
  n: number,
  withLdtt: number,
  extra: Record<number, Partial<Omit<MemberResult, 'personId'>>> = {},
): MemberResult[] {
  return Array.from({ length: n }, (_, i) =>
    member(`m${i + 1}`, {
      ...(i < withLdtt ? { rating: 'HTTNV', titles: ['LDTT'] } : { rating: 'HTNV', titles: [] }),
      ...extra[i],
    }),
  );
}

/** Every check of a verdict, depth first (alternatives and their branches included). */
export function allChecks(checks: readonly Check[]): Check[] {
  return checks.flatMap((c) => [c, ...allChecks(c.children ?? [])]);
}

/** The check with this id, searched through alternatives; throws when absent (a typo must not pass). */
export function checkOf(v: Verdict, id: string): Check {
  const c = allChecks(v.checks).find((x) => x.id === id);
  if (!c) throw new Error(`No check "${id}" in ${v.awardCode}: ${allChecks(v.checks).map((x) => x.id)}`);
  return c;
}
