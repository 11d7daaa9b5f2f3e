/**
 * The evaluator: `evaluate(subject, history, pack, period, awardCode)` judges one title or form for one
 * subject and one achievement period, listing every check with the facts used and the citation.
 *
 * Verdicts: a criterion not met → `ineligible`; otherwise a criterion that needs a human judgement or data
 * the registry lacks → `needs_review`; otherwise `eligible`. Titles that depend on others in the same
 * period (CSTĐCS needs LĐTT; CSTĐ cấp tỉnh needs this year's CSTĐCS) are evaluated first, within one run,
 * and an initiative relied on by a title is not offered to the awards judged after it (one initiative, one
 * award; see `verdict` for which verdicts reserve).
 */
import { AWARD_CODES, type AwardCode, type Rating } from '../../shared/registry/catalog';
import type { CriterionNode, FactLeaf, JudgementLeaf, Operator, Rule, RulePack } from '../rules/types';
import {
  compareRating,
  factDef,
  severityRank,
  type FactContext,
  type FactResult,
  type FactType,
  type Severity,
  type TitleStanding,
} from './facts';
import type {
  Check,
  CheckStatus,
  CollectiveHistory,
  PersonHistory,
  Subject,
  Verdict,
  VerdictStatus,
} from './types';

export type History = PersonHistory | CollectiveHistory | Record<string, never>;

export interface Period {
  year: number;
}

export interface RunOptions {
  /**
   * Write the facts used into each check (default). Off, checks carry their status and criterion only:
   * a sweep over a province judges everyone that way and explains only the rows someone will read.
   */
  explain?: boolean;
  /** Initiatives already relied on by verdicts made elsewhere (e.g. pending nominations). */
  reserved?: Iterable<string>;
}

interface CompiledLeaf {
  type: FactType;
  subjects: readonly string[];
  compute: (c: FactContext, p: unknown) => FactResult;
  params: Record<string, unknown>;
  /**
   * The fact reads only the history, the year and its params (not the title being judged, the standings
   * or the initiatives already relied on): one subject's run computes it once, whichever rules ask.
   */
  memo: boolean;
  /** This compiled leaf's place in a run's memo of fact results. */
  slot: number;
}

// Leaves are pack-owned objects: their fact definition and parsed params are looked up once per leaf, not
// once per verdict (a province sweep makes millions of checks). Leaves asking the same fact with the same
// params share one compiled object, which is what a run memoises its results by.
const compiledLeaves = new WeakMap<object, CompiledLeaf>();
const compiledByKey = new Map<string, CompiledLeaf>();

function compiled(leaf: Pick<FactLeaf, 'fact' | 'params'>): CompiledLeaf {
  let c = compiledLeaves.get(leaf);
  if (!c) {
    const key = `${leaf.fact}|${JSON.stringify(leaf.params ?? {})}`;
    c = compiledByKey.get(key);
    if (!c) {
      const def = factDef(leaf.fact);
      if (!def) throw new Error(`Unknown fact ${leaf.fact}`);
      c = {
        type: def.type,
        subjects: def.subjects,
        compute: def.compute as (c: FactContext, p: unknown) => FactResult,
        params: def.params.parse(leaf.params ?? {}) as Record<string, unknown>,
        memo: !def.dependsOnRun,
        slot: compiledByKey.size,
      };
      compiledByKey.set(key, c);
    }
    compiledLeaves.set(leaf, c);
  }
  return c;
}

export function compare(
  type: FactType,
  actual: number | string | boolean,
  op: Operator,
  expected: unknown,
): boolean {
  if (op === 'in') return Array.isArray(expected) && expected.includes(actual);
  let d: number;
  if (type === 'rating') d = compareRating(actual as Rating, expected as Rating);
  else if (type === 'severity') d = severityRank(actual as Severity) - severityRank(expected as Severity);
  else if (type === 'boolean') d = actual === expected ? 0 : 1;
  else d = (actual as number) - (expected as number);
  switch (op) {
    case 'eq':
      return d === 0;
    case 'neq':
      return d !== 0;
    case 'gt':
      return d > 0;
    case 'gte':
      return d >= 0;
    case 'lt':
      return d < 0;
    case 'lte':
      return d <= 0;
  }
}

function statusOf(type: FactType, r: FactResult, op: Operator, expected: unknown): CheckStatus {
  if (r.value === undefined) return 'unknown';
  const lo = compare(type, r.value, op, expected);
  if (r.upper === undefined) return lo ? 'met' : 'unmet';
  const hi = compare(type, r.upper, op, expected);
  return lo && hi ? 'met' : !lo && !hi ? 'unmet' : 'unknown';
}

const isJudgement = (n: CriterionNode): n is JudgementLeaf => 'judgement' in n;
const isAny = (n: CriterionNode): n is Extract<CriterionNode, { any: unknown }> => 'any' in n;
const isAll = (n: CriterionNode): n is Extract<CriterionNode, { all: unknown }> => 'all' in n;

function combine(children: readonly Check[], mode: 'all' | 'any'): CheckStatus {
  let met = false;
  let unmet = false;
  let unknown = false;
  for (const c of children) {
    if (c.status === 'met') met = true;
    else if (c.status === 'unmet') unmet = true;
    else unknown = true;
  }
  if (mode === 'all') return unmet ? 'unmet' : unknown ? 'unknown' : 'met';
  return met ? 'met' : unknown ? 'unknown' : 'unmet';
}

/** The id and wording of an `all` node, from its children's (the same for every subject): made once. */
const allLabels = new WeakMap<object, { id: string; criterion: string }>();
function labelsOfAll(node: object, children: readonly Check[]) {
  let l = allLabels.get(node);
  if (!l) {
    l = { id: children.map((c) => c.id).join('+'), criterion: children.map((c) => c.criterion).join(' và ') };
    allLabels.set(node, l);
  }
  return l;
}

const rulesByKind = new WeakMap<RulePack, Map<string, readonly Rule[]>>();
function rulesFor(pack: RulePack, kind: string): readonly Rule[] {
  let byKind = rulesByKind.get(pack);
  if (!byKind) rulesByKind.set(pack, (byKind = new Map()));
  let rules = byKind.get(kind);
  if (!rules) byKind.set(kind, (rules = pack.rules.filter((r) => r.recipientKind === kind)));
  return rules;
}

const ruleIndex = new WeakMap<RulePack, Map<string, Map<AwardCode, Rule>>>();

export function ruleFor(pack: RulePack, awardCode: AwardCode, kind: Subject['kind']): Rule | undefined {
  // Looked up for every verdict and every standing: indexed once per pack, by kind then code (no key
  // strings built per lookup).
  let index = ruleIndex.get(pack);
  if (!index) {
    index = new Map();
    for (const r of pack.rules) {
      let byCode = index.get(r.recipientKind);
      if (!byCode) index.set(r.recipientKind, (byCode = new Map()));
      if (!byCode.has(r.awardCode)) byCode.set(r.awardCode, r);
    }
    ruleIndex.set(pack, index);
  }
  return index.get(kind)?.get(awardCode);
}

/** The empty list verdicts share (frozen: half a million verdicts need not each own an empty array). */
const NONE = Object.freeze([]) as unknown as string[];

/** One subject, one pack, one period: verdicts are memoised so that dependent titles reuse them. */
export class EvaluationRun {
  private readonly verdicts = new Map<AwardCode, Verdict>();
  /** The titles being judged, innermost last (a verdict asks for the standing of another title). */
  private readonly inProgress: AwardCode[] = [];
  /** Results of the facts that do not depend on the run's state, by `CompiledLeaf.slot`. */
  private facts: Array<FactResult | undefined> | undefined;
  private readonly reserved: Set<string>;
  private readonly explain: boolean;

  constructor(
    readonly subject: Subject,
    readonly history: History,
    readonly pack: RulePack,
    readonly period: Period,
    options: RunOptions = {},
  ) {
    this.reserved = new Set(options.reserved ?? []);
    this.explain = options.explain ?? true;
  }

  /** Every rule of the pack for this kind of subject, in the pack's order. */
  all(): Verdict[] {
    return rulesFor(this.pack, this.subject.kind).map((r) => this.verdict(r.awardCode));
  }

  verdict(awardCode: AwardCode): Verdict {
    const done = this.verdicts.get(awardCode);
    if (done) return done;
    const rule = ruleFor(this.pack, awardCode, this.subject.kind);
    if (!rule) throw new Error(`${this.pack.id} has no rule for ${awardCode} (${this.subject.kind})`);
    this.inProgress.push(awardCode);
    const initiativeIds: string[] = [];
    const ctx = this.context(awardCode);
    // Without explanations (a sweep), judging stops at the second criterion not met: the verdict
    // (ineligible, and not one criterion short) is settled, and the rows anyone reads are judged again in
    // full (`explainSubjects`).
    const checks: Check[] = [];
    let unmet = 0;
    for (const n of rule.criteria) {
      const c = this.check(n, ctx, initiativeIds);
      checks.push(c);
      if (c.status === 'unmet' && ++unmet === 2 && !this.explain) break;
    }
    // Quiet checks are shared objects, so the same statuses give the same list: one shared list (and list
    // of criteria missed) per rule and outcome instead of two arrays per verdict.
    const group = this.explain ? undefined : internedGroup(rule, checks);
    let overall: CheckStatus = 'met';
    let missing: string[] = NONE;
    for (const c of checks) {
      if (c.status === 'unmet') {
        overall = 'unmet';
        if (group) continue;
        if (missing === NONE) missing = [];
        missing.push(c.criterion);
      } else if (c.status === 'unknown' && overall === 'met') overall = 'unknown';
    }
    const status: VerdictStatus =
      overall === 'met' ? 'eligible' : overall === 'unmet' ? 'ineligible' : 'needs_review';
    const v: Verdict = {
      subject: this.subject,
      awardCode,
      year: this.period.year,
      packId: this.pack.id,
      status,
      checks: group ? group.checks : checks,
      missing: group ? group.missing : missing,
      initiativeIds: status === 'ineligible' || initiativeIds.length === 0 ? NONE : initiativeIds,
    };
    // One initiative, one award. Titles (conferred every year in the regular course) spend their
    // initiatives for the rest of the run, so a form judged later does not count them again. A title already
    // awarded this year spent its basis whatever today's facts say (its fresh verdict may differ when the
    // registry changed since). Forms do not reserve against each other: each is a separate proposal, and a
    // Bằng khen taking the initiatives would hide that a Huân chương could rest on them instead.
    if (AWARD_CODES[awardCode].kind === 'title' && (status !== 'ineligible' || this.held(awardCode)))
      for (const id of initiativeIds) this.reserved.add(id);
    this.inProgress.pop();
    this.verdicts.set(awardCode, v);
    return v;
  }

  /** Awarded for this period on the regular track. */
  private held(code: AwardCode): boolean {
    const awards = 'awards' in this.history ? this.history.awards : [];
    return awards.some((a) => a.awardCode === code && a.year === this.period.year && a.track === 'regular');
  }

  private standing = (code: AwardCode): TitleStanding => {
    if (this.held(code)) return 'held';
    if (this.inProgress.includes(code) || !ruleFor(this.pack, code, this.subject.kind)) return 'no';
    const s = this.verdict(code).status;
    return s === 'eligible' ? 'eligible' : s === 'needs_review' ? 'review' : 'no';
  };

  private context(awardCode: AwardCode): FactContext {
    // Spelled out rather than spread: made once per verdict, half a million times in a province sweep.
    const { year } = this.period;
    if (this.subject.kind === 'individual')
      return {
        kind: 'individual',
        year,
        awardCode,
        standing: this.standing,
        explain: this.explain,
        history: this.history as PersonHistory,
        reserved: this.reserved,
      };
    return {
      kind: 'collective',
      year,
      awardCode,
      standing: this.standing,
      explain: this.explain,
      history: this.history as CollectiveHistory,
    };
  }

  private runFact(leaf: Pick<FactLeaf, 'fact' | 'params'>, c: CompiledLeaf, ctx: FactContext): FactResult {
    if (!c.subjects.includes(this.subject.kind))
      throw new Error(`Fact ${leaf.fact} does not apply to ${this.subject.kind}`);
    if (!c.memo) return c.compute(ctx, c.params);
    let r = this.facts?.[c.slot];
    if (!r) {
      r = c.compute(ctx, c.params);
      (this.facts ??= [])[c.slot] = r;
    }
    return r;
  }

  private check(node: CriterionNode, ctx: FactContext, initiativeIds: string[]): Check {
    if (isAll(node)) {
      const children = node.all.map((n) => this.check(n, ctx, initiativeIds));
      const status = combine(children, 'all');
      const labels = labelsOfAll(node, children);
      if (!this.explain) {
        const shared = internedNode(node, children, () => ({
          id: labels.id,
          criterion: labels.criterion,
          status,
          detail: '',
          citation: children[0]!.citation,
          children,
        }));
        if (shared) return shared;
      }
      return {
        id: labels.id,
        criterion: labels.criterion,
        status,
        detail: this.explain ? children.map((c) => c.detail).join('; ') : '',
        citation: children[0]!.citation,
        children,
      };
    }
    if (isAny(node)) {
      // Each branch collects its own initiatives; only the branch that carries the verdict keeps them.
      const branches = node.any.map((n) => {
        const ids: string[] = [];
        return { check: this.check(n, ctx, ids), ids };
      });
      const children = branches.map((b) => b.check);
      const status = combine(children, 'any');
      const winner =
        branches.find((b) => b.check.status === 'met') ?? branches.find((b) => b.check.status === 'unknown');
      if (winner && status !== 'unmet') initiativeIds.push(...winner.ids);
      if (!this.explain) {
        const shared = internedNode(node, children, () => ({
          id: node.id,
          criterion: node.label,
          status,
          detail: '',
          citation: children[0]!.citation,
          children,
        }));
        if (shared) return shared;
      }
      return {
        id: node.id,
        criterion: node.label,
        status,
        detail: !this.explain
          ? ''
          : status === 'met'
            ? `Đạt: ${winner!.check.criterion}`
            : status === 'unknown'
              ? `Cần xem xét: ${winner!.check.criterion}`
              : 'Chưa đạt tiêu chuẩn nào',
        citation: children[0]!.citation,
        children,
      };
    }
    if (isJudgement(node)) {
      if (node.presumedBy) {
        const c = compiled(node.presumedBy);
        const r = this.runFact(node.presumedBy, c, ctx);
        if (statusOf(c.type, r, node.presumedBy.op, node.presumedBy.value) === 'met') {
          if (!this.explain) return quietLeaf(node, 'met', true);
          return {
            id: node.id,
            criterion: node.label,
            status: 'met',
            presumed: true,
            detail: this.explain ? `${node.presumedBy.explain} (${r.detail})` : '',
            citation: node.citation,
          };
        }
      }
      if (!this.explain) return quietLeaf(node, 'unknown', false, JUDGEMENT_DETAIL);
      return {
        id: node.id,
        criterion: node.label,
        status: 'unknown',
        detail: JUDGEMENT_DETAIL,
        citation: node.citation,
      };
    }
    const c = compiled(node);
    const r = this.runFact(node, c, ctx);
    const status = statusOf(c.type, r, node.op, node.value);
    if (
      status === 'met' &&
      r.items &&
      typeof node.value === 'number' &&
      (node.op === 'gte' || node.op === 'gt')
    )
      initiativeIds.push(...r.items.slice(0, node.op === 'gte' ? node.value : node.value + 1));
    if (!this.explain) return quietLeaf(node, status);
    return { id: node.id, criterion: node.label, status, detail: r.detail, citation: node.citation };
  }
}

const JUDGEMENT_DETAIL = 'Cần người có thẩm quyền xem xét, đánh giá';

/**
 * Without explanations a leaf's check is the same for every subject with the same status (no facts
 * written): one frozen object per leaf and status instead of one per subject — a province sweep makes
 * millions of them, and the collector's time was a fifth of the sweep. Shared checks get a number, so that
 * a list of them (an `all`/`any` node's children, a verdict's checks) can be shared the same way.
 */
const sharedIds = new WeakMap<Check, number>();
let lastSharedId = 0;
function share<T extends Check>(c: T): T {
  sharedIds.set(c, ++lastSharedId);
  return Object.freeze(c);
}

const quietLeaves = new WeakMap<object, Partial<Record<string, Check>>>();
function quietLeaf(
  node: FactLeaf | JudgementLeaf,
  status: CheckStatus,
  presumed = false,
  detail = '',
): Check {
  let byStatus = quietLeaves.get(node);
  if (!byStatus) quietLeaves.set(node, (byStatus = {}));
  return (byStatus[presumed ? 'presumed' : status] ??= share({
    id: node.id,
    criterion: node.label,
    status,
    detail,
    citation: node.citation,
    ...(presumed ? { presumed: true } : {}),
  }));
}

/** The key of a list of shared checks ('' when one of them is not shared). */
function sharedKey(checks: readonly Check[]): string {
  let key = '';
  for (const c of checks) {
    const id = sharedIds.get(c);
    if (id === undefined) return '';
    key += `${id},`;
  }
  return key;
}

const sharedNodes = new WeakMap<object, Map<string, Check>>();
/** The shared check of an `all`/`any` node whose children are all shared (undefined otherwise). */
function internedNode(node: object, children: readonly Check[], make: () => Check): Check | undefined {
  const key = sharedKey(children);
  if (!key) return undefined;
  let byKey = sharedNodes.get(node);
  if (!byKey) sharedNodes.set(node, (byKey = new Map()));
  let c = byKey.get(key);
  if (!c) {
    c = make();
    Object.freeze(c.children);
    byKey.set(key, (c = share(c)));
  }
  return c;
}

const sharedGroups = new WeakMap<object, Map<string, { checks: Check[]; missing: string[] }>>();
/** A verdict's checks and criteria missed, shared per rule and outcome when every check is shared. */
function internedGroup(rule: object, checks: Check[]) {
  const key = sharedKey(checks);
  if (!key) return undefined;
  let byKey = sharedGroups.get(rule);
  if (!byKey) sharedGroups.set(rule, (byKey = new Map()));
  let g = byKey.get(key);
  if (!g) {
    const missing = checks.filter((c) => c.status === 'unmet').map((c) => c.criterion);
    g = {
      checks: Object.freeze(checks) as Check[],
      missing: missing.length ? (Object.freeze(missing) as string[]) : NONE,
    };
    byKey.set(key, g);
  }
  return g;
}

/** Judge one title or form. */
export function evaluate(
  subject: Subject,
  history: History,
  pack: RulePack,
  period: Period,
  awardCode: AwardCode,
  options?: RunOptions,
): Verdict {
  return new EvaluationRun(subject, history, pack, period, options).verdict(awardCode);
}

/** Judge every title and form the pack has for this kind of subject. */
export function evaluateAll(
  subject: Subject,
  history: History,
  pack: RulePack,
  period: Period,
  options?: RunOptions,
): Verdict[] {
  return new EvaluationRun(subject, history, pack, period, options).all();
}

export const awardLabel = (code: AwardCode) => AWARD_CODES[code].label;
