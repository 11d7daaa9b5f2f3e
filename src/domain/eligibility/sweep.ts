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

export function sweep(input: SweepInput): SweepResult {
  const verdicts: Verdict[] = [];
  const members = new Map<string, MemberResult>();
  for (const p of input.people) {
    const run = new EvaluationRun(
      p.subject,
      p.history,
      input.pack,
      { year: input.year },
      { explain: input.explain ?? true },
    );
    const vs = run.all();
    verdicts.push(...vs);
    const titles = new Set<AwardCode>();
    for (const a of p.history.awards)
      if (a.year === input.year && a.track === 'regular') titles.add(a.awardCode);
    const pending: AwardCode[] = [];
    for (const v of vs) {
      if (v.status === 'eligible') titles.add(v.awardCode);
      else if (v.status === 'needs_review') pending.push(v.awardCode);
    }
    members.set(p.subject.id, {
      personId: p.subject.id,
      rating: ratingIn(p.history, input.year),
      titles: [...titles],
      pendingTitles: pending,
      disciplineLevel: disciplineInYear(p.history, input.year),
    });
  }
  for (const c of input.collectives) {
    const list: MemberResult[] = [];
    for (const id of c.memberIds) {
      const m = members.get(id);
      if (m) list.push(m);
    }
    const history: CollectiveHistory = { ...c.history, members: { [input.year]: list } };
    verdicts.push(
      ...new EvaluationRun(
        c.subject,
        history,
        input.pack,
        { year: input.year },
        { explain: input.explain ?? true },
      ).all(),
    );
  }
  return { verdicts, members };
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
    const list: MemberResult[] = [];
    for (const id of c.memberIds) {
      const m = members.get(id);
      if (m) list.push(m);
    }
    const history: CollectiveHistory = { ...c.history, members: { [input.year]: list } };
    out.push(...new EvaluationRun(c.subject, history, input.pack, { year: input.year }).all());
  }
  return out;
}

/** Verdicts that miss exactly one top-level criterion: what officers should look at next. */
export const isNearMiss = (v: Verdict) => v.status === 'ineligible' && v.missing.length === 1;
