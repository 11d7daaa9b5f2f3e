/**
 * The suggestion sweep: every person, then every collective of a scope, judged for every title and form of
 * the pack in one achievement year. Individuals go first because collective criteria are computed from the
 * members' results (Tập thể LĐTT: share of members with LĐTT — held, or found eligible now).
 */
import type { AwardCode } from '../../shared/registry/catalog';
import type { RulePack } from '../rules/types';
import { EvaluationRun } from './evaluate';
import { compareRating, disciplineInYear } from './facts';
import type { CollectiveHistory, MemberResult, PersonHistory, Subject, Verdict } from './types';

export interface SweepPerson {
  subject: Subject;
  history: PersonHistory;
}

export interface SweepCollective {
  subject: Subject;
  history: Omit<CollectiveHistory, 'members'>;
  /** People rated in the unit or its sub-units in the year. */
  memberIds: readonly string[];
}

export interface SweepInput {
  year: number;
  pack: RulePack;
  people: readonly SweepPerson[];
  collectives: readonly SweepCollective[];
  /** Write the facts into every check (default true); see `explainSubjects` for explaining a few later. */
  explain?: boolean;
}

export interface SweepResult {
  verdicts: Verdict[];
  members: Map<string, MemberResult>;
}

function ratingIn(h: PersonHistory, y: number) {
  let r: MemberResult['rating'] = null;
  for (const e of h.evaluations)
    if (e.year === y && (r === null || compareRating(e.rating, r) < 0)) r = e.rating;
  return r;
}

/** A collective's history with the year's results of its members (those judged). */
function withMembers(
  c: SweepCollective,
  year: number,
  results: ReadonlyMap<string, MemberResult>,
): CollectiveHistory {
  const members: MemberResult[] = [];
  for (const id of c.memberIds) {
    const m = results.get(id);
    if (m) members.push(m);
  }
  return { ...c.history, members: { [year]: members } };
}

/**
 * A sweep taken in steps: people in any order, then the collectives, whose criteria read the members'
 * results (another thread's people are added to `members` as it reports them). `sweep` is the one-step form.
 */
export class Sweep {
  readonly members = new Map<string, MemberResult>();

  constructor(
    readonly year: number,
    readonly pack: RulePack,
    readonly explain = true,
  ) {}

  /** One person's verdicts (every rule for individuals, in the pack's order); records their member result. */
  person(p: SweepPerson): Verdict[] {
    const { year } = this;
    const vs = new EvaluationRun(p.subject, p.history, this.pack, { year }, { explain: this.explain }).all();
    const titles = new Set<AwardCode>();
    for (const a of p.history.awards) if (a.year === year && a.track === 'regular') titles.add(a.awardCode);
    const pending: AwardCode[] = [];
    for (const v of vs) {
      if (v.status === 'eligible') titles.add(v.awardCode);
      else if (v.status === 'needs_review') pending.push(v.awardCode);
    }
    this.members.set(p.subject.id, {
      personId: p.subject.id,
      rating: ratingIn(p.history, year),
      titles: [...titles],
      pendingTitles: pending,
      disciplineLevel: disciplineInYear(p.history, year),
    });
    return vs;
  }

  /** The collectives' verdicts, from the results of the people recorded so far, appended to `out`. */
  collectives(list: readonly SweepCollective[], out: Verdict[] = []): Verdict[] {
    for (const c of list) {
      const history = withMembers(c, this.year, this.members);
      const run = new EvaluationRun(
        c.subject,
        history,
        this.pack,
        { year: this.year },
        { explain: this.explain },
      );
      for (const v of run.all()) out.push(v);
    }
    return out;
  }
}

export function sweep(input: SweepInput): SweepResult {
  const s = new Sweep(input.year, input.pack, input.explain ?? true);
  const verdicts: Verdict[] = [];
  for (const p of input.people) for (const v of s.person(p)) verdicts.push(v);
  s.collectives(input.collectives, verdicts);
  return { verdicts, members: s.members };
}

/**
 * The explained verdicts of a few subjects of a sweep already made without explanations (the rows on a
 * page, in an export): the same verdicts, with the facts written into every check. Collectives reuse the
 * members' results of the sweep, so nothing is judged differently.
 */
export function explainSubjects(
  input: SweepInput,
  members: ReadonlyMap<string, MemberResult>,
  ids: ReadonlySet<string>,
): Verdict[] {
  const out: Verdict[] = [];
  for (const p of input.people)
    if (ids.has(p.subject.id))
      out.push(...new EvaluationRun(p.subject, p.history, input.pack, { year: input.year }).all());
  for (const c of input.collectives) {
    if (!ids.has(c.subject.id)) continue;
    const history = withMembers(c, input.year, members);
    out.push(...new EvaluationRun(c.subject, history, input.pack, { year: input.year }).all());
  }
  return out;
}

/** Verdicts that miss exactly one top-level criterion: what officers should look at next. */
export const isNearMiss = (v: Verdict) => v.status === 'ineligible' && v.missing.length === 1;
