/**
 * Person histories from what the database packed (one JSON array of compact tuples per kind of record,
 * people numbered 1…N in id order; see `eligibilityRepository.packedHistories`). Pure: the sweep's worker
 * thread builds its share of the histories from the same text the main thread reads (decision 046).
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
} from '../../../shared/registry/catalog';
import type { PersonHistory } from '../../../domain/eligibility/types';

/** `json_agg(...)::text` of one kind of record, of odd- and of even-numbered people (null: none). */
export interface PackedHalves {
  odd: string | null;
  even: string | null;
}

/** Each kind of record, packed, and the numbered ids. */
export interface PackedHistories {
  /** The people's ids, person n at position n − 1. */
  ids: string | null;
  evals: PackedHalves;
  leaves: PackedHalves;
  trainings: PackedHalves;
  discs: PackedHalves;
  inits: PackedHalves;
  awards: PackedHalves;
  regs: PackedHalves;
}

/** A person with no record in the window (rated this year, yet nothing else read). */
export const emptyHistory = (): PersonHistory => ({
  evaluations: [],
  leaves: [],
  trainings: [],
  disciplines: [],
  initiatives: [],
  awards: [],
});

/** The ids and the even halves only: what the sweep's worker reads (the odd halves are not copied to it). */
export function evenHalfOf(p: PackedHistories): PackedHistories {
  const even = (h: PackedHalves): PackedHalves => ({ odd: null, even: h.even });
  return {
    ids: p.ids,
    evals: even(p.evals),
    leaves: even(p.leaves),
    trainings: even(p.trainings),
    discs: even(p.discs),
    inits: even(p.inits),
    awards: even(p.awards),
    regs: even(p.regs),
  };
}

/** Which people to build: everyone, or the odd- or even-numbered half. */
export type Half = 'all' | 'odd' | 'even';

function parseText<T>(text: string | null): T[] {
  return text ? (JSON.parse(text) as T[]) : [];
}

/**
 * The histories of everyone or of one half (only that half's text is parsed), keyed by id, with the numbered
 * ids. A person with no record of a kind gets an empty list of it.
 */
export function buildHistories(
  packed: PackedHistories,
  year: number,
  half: Half,
): { personIds: string[]; byId: Map<string, PersonHistory> } {
  const parse = <T>(h: PackedHalves): T[] =>
    half === 'odd'
      ? parseText<T>(h.odd)
      : half === 'even'
        ? parseText<T>(h.even)
        : parseText<T>(h.odd).concat(parseText<T>(h.even));
  const personIds = parseText<string>(packed.ids);
  const out = new Map<string, PersonHistory>();
  const get = (n: number): PersonHistory => {
    const p = personIds[n - 1]!;
    let h = out.get(p);
    if (!h) {
      h = { evaluations: [], leaves: [], trainings: [], disciplines: [], initiatives: [], awards: [] };
      out.set(p, h);
    }
    return h;
  };
  for (const [p, y, rating, start] of parse<[number, number, Rating, string | null]>(packed.evals))
    get(p).evaluations.push({ year: Number(y), rating, employmentStartDate: start });
  for (const [p, kind, fromDate, toDate] of parse<[number, LeaveKind, string, string]>(packed.leaves))
    get(p).leaves.push({ kind, fromDate, toDate });
  for (const [p, fromDate, toDate, grade, goodConduct] of parse<
    [number, string, string, TrainingGrade | null, boolean]
  >(packed.trainings))
    get(p).trainings.push({ fromDate, toDate, grade, goodConduct: !!goodConduct });
  for (const [p, level, fromDate, toDate] of parse<[number, DisciplineLevel, string, string | null]>(
    packed.discs,
  ))
    get(p).disciplines.push({ level, fromDate, toDate });
  for (const [p, id, kind, level, effectScope, recognitionDate, usedCode, usedYear] of parse<
    [number, string, InitiativeKind, RecognitionLevel, EffectScope, string, AwardCode | null, number | null]
  >(packed.inits))
    get(p).initiatives.push({
      id,
      kind,
      level,
      effectScope,
      recognitionDate,
      usedBy: usedCode ? { awardCode: usedCode, year: Number(usedYear) } : null,
    });
  // The evaluator never needs an award's id: a short key stands in for it.
  for (const [p, awardCode, y, track] of parse<[number, AwardCode, number, AwardTrack]>(packed.awards))
    get(p).awards.push({ id: `${awardCode}/${y}/${track}`, awardCode, year: Number(y), track });
  for (const h of out.values()) h.registrations = [];
  for (const [p, awardCode] of parse<[number, AwardCode]>(packed.regs))
    get(p).registrations!.push({ year, awardCode });
  return { personIds, byId: out };
}
