/**
 * The facts a rule pack may test, and how each is computed from a subject's history (house style: rules are
 * `{ fact, op, value }` records validated against a table of allowed operators per fact type).
 *
 * A fact returns a value, or a range [lo, hi] when some inputs are still pending a human review (a member
 * whose LĐTT needs review may or may not count), or `unknown` when the registry lacks the data.
 */
import { z } from 'zod';
import {
  AWARD_CODES,
  AWARD_CODE_LIST,
  DISCIPLINE_LEVELS,
  DISCIPLINE_LEVEL_LABELS,
  EFFECT_SCOPES,
  INITIATIVE_KINDS,
  LEAVE_KINDS,
  LEAVE_KIND_LABELS,
  RATINGS,
  RATING_LABELS,
  RECOGNITION_LEVELS,
  TRAINING_GRADES,
  TRAINING_GRADE_LABELS,
  type AwardCode,
  type DisciplineLevel,
  type Rating,
  type RecipientKind,
} from '../../shared/registry/catalog';
import {
  addDays,
  addMonths,
  clip,
  daysInclusive,
  monthsFromDateToYearEnd,
  workingDays,
  yearEnd,
  yearStart,
} from '../calendar';
import type { Operator } from '../rules/types';
import type { CollectiveHistory, MemberResult, PersonHistory } from './types';

export type FactType = 'number' | 'rating' | 'severity' | 'boolean';

/** Severity: no discipline, then the levels in increasing order. */
export const SEVERITIES = ['none', ...DISCIPLINE_LEVELS] as const;
export type Severity = (typeof SEVERITIES)[number];

export const OPERATORS_BY_TYPE: Record<FactType, readonly Operator[]> = {
  number: ['eq', 'neq', 'gt', 'gte', 'lt', 'lte'],
  rating: ['eq', 'neq', 'gte', 'lte', 'in'],
  severity: ['eq', 'lt', 'lte'],
  boolean: ['eq'],
};

/** Where a title stands in the year being judged, as the evaluator sees it. */
export type TitleStanding = 'held' | 'eligible' | 'review' | 'no';

export interface IndividualContext {
  kind: 'individual';
  year: number;
  history: PersonHistory;
  /** The title being judged (an initiative already used by this very award is not "used"). */
  awardCode: AwardCode;
  standing: (code: AwardCode) => TitleStanding;
  /** Initiatives already relied on by other verdicts in the same run. */
  reserved: ReadonlySet<string>;
  /** Write `detail` (false in a sweep that explains only what someone will read). */
  explain: boolean;
}

export interface CollectiveContext {
  kind: 'collective';
  year: number;
  history: CollectiveHistory;
  awardCode: AwardCode;
  standing: (code: AwardCode) => TitleStanding;
  explain: boolean;
}

export type FactContext = IndividualContext | CollectiveContext;

export interface FactResult {
  /** undefined: unknown (the registry lacks the data). */
  value: number | string | boolean | undefined;
  /** Upper bound when pending reviews could raise the value (numbers only). */
  upper?: number;
  /** In words, for people ('' when the run does not explain). */
  detail: string;
  /** Initiatives the value counted, least valuable first (for "usable for one award only"). */
  items?: string[];
}

interface FactDef<P extends z.ZodType> {
  subjects: readonly RecipientKind[];
  type: FactType;
  params: P;
  describe: string;
  /**
   * The fact reads the run's state — the title being judged, other titles' standings, the initiatives
   * already relied on — so it is computed afresh each time a rule asks (the others once per subject).
   */
  dependsOnRun?: true;
  compute: (ctx: never, params: z.output<P>) => FactResult;
}

const ratingRank = (r: Rating) => RATINGS.length - RATINGS.indexOf(r); // HTXSNV 4 … KHTNV 1
export const compareRating = (a: Rating, b: Rating) => ratingRank(a) - ratingRank(b);
export const severityRank = (s: Severity) => SEVERITIES.indexOf(s);

const awardCode = z.enum(AWARD_CODE_LIST as [AwardCode, ...AwardCode[]]);
const rating = z.enum(RATINGS);
const sinceLastAward = z.array(awardCode).optional();
const label = (c: AwardCode) => AWARD_CODES[c].label;
const listYears = (ys: number[]) => (ys.length ? [...ys].sort((a, b) => a - b).join(', ') : 'không có');

/** Regular-track awards only count toward regular titles (Luật TĐKT 2022 art. 5; ad hoc and thematic do not). */
const regularYearsCache = new WeakMap<object, Map<readonly AwardCode[], Set<number>>>();
function regularYears(awards: PersonHistory['awards'], codes: readonly AwardCode[]): Set<number> {
  // Asked many times per subject with the same (pack-owned) code lists: computed once per history.
  let byCodes = regularYearsCache.get(awards);
  if (!byCodes) regularYearsCache.set(awards, (byCodes = new Map()));
  let ys = byCodes.get(codes);
  if (!ys) {
    ys = new Set<number>();
    for (const a of awards) if (a.track === 'regular' && codes.includes(a.awardCode)) ys.add(a.year);
    byCodes.set(codes, ys);
  }
  return ys;
}

/**
 * The first year a window may start: after the last award of the given codes before `year`, so that one
 * achievement earns one form (Luật TĐKT 2022 art. 5(3); Nghị định 152/2025 art. 4).
 */
function windowFloor(awards: PersonHistory['awards'], codes: readonly AwardCode[] | undefined, year: number) {
  if (!codes?.length) return -Infinity;
  let last = -Infinity;
  // Only a regular award spent the regular achievements: a thematic or ad hoc award rested on another
  // achievement (a movement, a sudden deed) and leaves the regular chain whole.
  for (const a of awards)
    if (a.track === 'regular' && codes.includes(a.awardCode) && a.year < year && a.year > last) last = a.year;
  return last + 1;
}

function ratingOf(
  h: { evaluations: Array<{ year: number; rating: Rating }> },
  y: number,
): Rating | undefined {
  // Several rows for one year (a transfer): the last one listed by the unit deciding at year end wins; the
  // evaluator must not depend on row order, so take the lowest, which is the safe reading.
  let r: Rating | undefined;
  for (const e of h.evaluations) if (e.year === y && (!r || compareRating(e.rating, r) < 0)) r = e.rating;
  return r;
}

function disciplineEnd(d: {
  level: DisciplineLevel;
  fromDate: string;
  toDate?: string | null;
}): string | null {
  if (d.toDate) return d.toDate;
  if (d.level === 'buoc_thoi_viec') return null;
  // Luật Cán bộ, công chức (amended 2019) art. 80(3), Luật Viên chức art. 56: a discipline is in force for
  // 12 months (18 for giáng chức and cách chức) when the decision states no period.
  const months = d.level === 'giang_chuc' || d.level === 'cach_chuc' ? 18 : 12;
  return addMonths(d.fromDate, months);
}

export function disciplineInYear(h: Pick<PersonHistory, 'disciplines'>, y: number): DisciplineLevel | null {
  let worst: DisciplineLevel | null = null;
  for (const d of h.disciplines) {
    if (!clip(d.fromDate, disciplineEnd(d), yearStart(y), yearEnd(y))) continue;
    if (!worst || DISCIPLINE_LEVELS.indexOf(d.level) > DISCIPLINE_LEVELS.indexOf(worst)) worst = d.level;
  }
  return worst;
}

const LEVEL_RANK: Record<(typeof RECOGNITION_LEVELS)[number], number> = {
  grassroots: 1,
  province: 2,
  ministry: 2,
  national: 3,
};
const SCOPE_RANK: Record<(typeof EFFECT_SCOPES)[number], number> = { unit: 1, province: 2, national: 3 };

function defineFact<P extends z.ZodType, C extends FactContext>(def: {
  subjects: readonly RecipientKind[];
  type: FactType;
  params: P;
  describe: string;
  dependsOnRun?: true;
  compute: (ctx: C, params: z.output<P>) => FactResult;
}): FactDef<P> {
  return def as unknown as FactDef<P>;
}

const none = z.object({}).strict();

export const FACTS = {
  rating: defineFact({
    subjects: ['individual'],
    type: 'rating',
    params: none,
    describe: 'Xếp loại mức độ hoàn thành nhiệm vụ của năm',
    compute: (ctx: IndividualContext) => {
      const r = ratingOf(ctx.history, ctx.year);
      return {
        value: r,
        detail: !ctx.explain
          ? ''
          : r
            ? `Năm ${ctx.year}: ${RATING_LABELS[r]} (${r})`
            : `Chưa có kết quả xếp loại năm ${ctx.year}`,
      };
    },
  }),

  monthsEmployed: defineFact({
    subjects: ['individual'],
    type: 'number',
    params: none,
    describe: 'Số tháng công tác trong năm (người mới tuyển dụng)',
    compute: (ctx: IndividualContext) => {
      const evals = ctx.history.evaluations.filter((e) => e.year === ctx.year);
      if (!evals.length)
        return { value: undefined, detail: !ctx.explain ? '' : `Chưa có kết quả đánh giá năm ${ctx.year}` };
      const starts = evals.map((e) => e.employmentStartDate).filter((s): s is string => !!s);
      if (!starts.length) return { value: 12, detail: 'Không ghi ngày tuyển dụng: tính đủ 12 tháng' };
      const start = starts.sort()[0]!;
      const months = monthsFromDateToYearEnd(start, ctx.year);
      const shown = fmtNum(Math.floor(months * 10) / 10);
      return {
        value: months,
        detail: !ctx.explain
          ? ''
          : months >= 12
            ? `Tuyển dụng từ ${vnDate(start)}: đủ 12 tháng`
            : `Tuyển dụng từ ${vnDate(start)}: ${shown} tháng trong năm ${ctx.year}`,
      };
    },
  }),

  absenceWorkingDays: defineFact({
    subjects: ['individual'],
    type: 'number',
    params: z.object({ countedAsWork: z.array(z.enum(LEAVE_KINDS)) }).strict(),
    describe: 'Số ngày làm việc nghỉ trong năm (trừ các loại nghỉ được tính là thời gian công tác)',
    compute: (ctx: IndividualContext, p) => {
      let days = 0;
      const counted: string[] = [];
      const parts: string[] = [];
      for (const l of byDates(ctx.history.leaves)) {
        const c = clip(l.fromDate, l.toDate, yearStart(ctx.year), yearEnd(ctx.year));
        if (!c) continue;
        const n = workingDays(c[0], c[1]);
        if (p.countedAsWork.includes(l.kind))
          counted.push(`${LEAVE_KIND_LABELS[l.kind]} ${n} ngày (tính là thời gian công tác)`);
        else {
          days += n;
          parts.push(`${LEAVE_KIND_LABELS[l.kind]} ${n} ngày`);
        }
      }
      const all = [...parts, ...counted];
      return {
        value: days,
        detail: !ctx.explain ? '' : all.length ? `${all.join('; ')} — tính ${days} ngày nghỉ` : 'Không nghỉ',
      };
    },
  }),

  trainingConditions: defineFact({
    subjects: ['individual'],
    type: 'boolean',
    params: z
      .object({
        longFromMonths: z.number().int().positive(),
        longMinGrade: z.enum(TRAINING_GRADES).nullable(),
        shortNeedsGoodConduct: z.boolean(),
      })
      .strict(),
    describe: 'Đi học, bồi dưỡng trong năm đáp ứng điều kiện (thời gian học được tính là thời gian công tác)',
    compute: (ctx: IndividualContext, p) => {
      const notes: string[] = [];
      let ok = true;
      let unknown = false;
      for (const t of byDates(ctx.history.trainings)) {
        if (!clip(t.fromDate, t.toDate, yearStart(ctx.year), yearEnd(ctx.year))) continue;
        const long = addMonths(t.fromDate, p.longFromMonths) <= addDays(t.toDate, 1);
        const months = Math.round(daysInclusive(t.fromDate, t.toDate) / 30.4);
        if (long && p.longMinGrade) {
          // Nghị định 91/2017 art. 10(3): 1 year or more counts when the person both kept the school's
          // rules and was graded khá or better (docs/law-sources.md 1f) — conduct is not waived.
          const conduct = t.goodConduct ? '' : ', không chấp hành tốt quy định của cơ sở đào tạo';
          ok &&= t.goodConduct;
          if (!t.grade) {
            unknown = true;
            notes.push(`Học ${months} tháng, chưa có kết quả xếp loại${conduct}`);
          } else {
            const good = TRAINING_GRADES.indexOf(t.grade) <= TRAINING_GRADES.indexOf(p.longMinGrade);
            ok &&= good;
            notes.push(
              `Học ${months} tháng, xếp loại ${TRAINING_GRADE_LABELS[t.grade]}${good ? '' : ` (cần ${TRAINING_GRADE_LABELS[p.longMinGrade]} trở lên)`}${conduct}`,
            );
          }
        } else if (!long && p.shortNeedsGoodConduct) {
          ok &&= t.goodConduct;
          notes.push(
            `Học ${months} tháng, ${t.goodConduct ? 'chấp hành tốt quy định' : 'không chấp hành tốt quy định'} của cơ sở đào tạo`,
          );
        } else notes.push(`Học ${months} tháng`);
      }
      if (!notes.length) return { value: true, detail: 'Không đi học trong năm' };
      return {
        value: !ok ? false : unknown ? undefined : true,
        detail: !ctx.explain ? '' : notes.join('; '),
      };
    },
  }),

  disciplineLevel: defineFact({
    subjects: ['individual'],
    type: 'severity',
    params: none,
    describe: 'Hình thức kỷ luật cao nhất còn hiệu lực trong năm',
    compute: (ctx: IndividualContext) => {
      const d = disciplineInYear(ctx.history, ctx.year);
      return {
        value: d ?? 'none',
        detail: !ctx.explain
          ? ''
          : d
            ? `Bị kỷ luật ${DISCIPLINE_LEVEL_LABELS[d].toLowerCase()} trong năm ${ctx.year}`
            : 'Không bị kỷ luật',
      };
    },
  }),

  titleThisYear: defineFact({
    subjects: ['individual', 'collective'],
    type: 'boolean',
    params: z.object({ awardCodes: z.array(awardCode).min(1) }).strict(),
    dependsOnRun: true,
    describe: 'Đạt (hoặc đủ điều kiện) danh hiệu trong năm',
    compute: (ctx: FactContext, p) => {
      const standings = p.awardCodes.map((c) => [c, ctx.standing(c)] as const);
      const hit = standings.find(([, s]) => s === 'held' || s === 'eligible');
      if (hit)
        return {
          value: true,
          detail: !ctx.explain
            ? ''
            : `${label(hit[0])} năm ${ctx.year}: ${hit[1] === 'held' ? 'đã được công nhận' : 'đủ điều kiện'}`,
        };
      const review = standings.find(([, s]) => s === 'review');
      if (review)
        return {
          value: undefined,
          detail: !ctx.explain ? '' : `${label(review[0])} năm ${ctx.year}: cần xem xét`,
        };
      return {
        value: false,
        detail: !ctx.explain ? '' : `Chưa đạt ${p.awardCodes.map(label).join(' / ')} năm ${ctx.year}`,
      };
    },
  }),

  titleChain: defineFact({
    subjects: ['individual', 'collective'],
    type: 'number',
    params: z
      .object({
        awardCodes: z.array(awardCode).min(1),
        step: z.number().int().min(1).default(1),
        sinceLastAward,
      })
      .strict(),
    dependsOnRun: true,
    describe: 'Số năm (lần) liên tục đạt danh hiệu, tính đến năm xét',
    compute: (ctx: FactContext, p) => {
      const held = regularYears(ctx.history.awards, p.awardCodes);
      const floor = windowFloor(ctx.history.awards, p.sinceLastAward, ctx.year);
      const years: number[] = [];
      let pending = false;
      let y = ctx.year;
      for (; y >= floor; y -= p.step) {
        if (held.has(y)) years.push(y);
        else if (y === ctx.year) {
          const s = p.awardCodes.map((c) => ctx.standing(c));
          if (s.includes('eligible')) years.push(y);
          else if (s.includes('review')) pending = true;
          else break;
        } else break;
      }
      const n = years.length;
      const detail = !ctx.explain
        ? ''
        : `${p.awardCodes.map((c) => AWARD_CODES[c].label).join(' / ')}: ${listYears(years)}` +
          (n ? ` — ${n} ${p.step > 1 ? 'lần' : 'năm'} liên tục` : '') +
          (years.includes(ctx.year) && !held.has(ctx.year)
            ? ` (năm ${ctx.year}: đủ điều kiện, chưa công nhận)`
            : '') +
          (pending ? ` (năm ${ctx.year}: cần xem xét)` : '') +
          (Number.isFinite(floor) ? ` — tính từ năm ${floor}, sau lần khen gần nhất` : '');
      return pending ? { value: n, upper: n + 1, detail } : { value: n, detail };
    },
  }),

  titleCount: defineFact({
    subjects: ['individual', 'collective'],
    type: 'number',
    params: z
      .object({ awardCodes: z.array(awardCode).min(1), years: z.number().int().min(1), sinceLastAward })
      .strict(),
    dependsOnRun: true,
    describe: 'Số năm đạt danh hiệu trong khoảng thời gian xét',
    compute: (ctx: FactContext, p) => {
      const held = regularYears(ctx.history.awards, p.awardCodes);
      const from = Math.max(
        ctx.year - p.years + 1,
        windowFloor(ctx.history.awards, p.sinceLastAward, ctx.year),
      );
      const years: number[] = [];
      let pending = false;
      for (let y = from; y <= ctx.year; y++) {
        if (held.has(y)) years.push(y);
        else if (y === ctx.year) {
          const s = p.awardCodes.map((c) => ctx.standing(c));
          if (s.includes('eligible')) years.push(y);
          else if (s.includes('review')) pending = true;
        }
      }
      const detail = !ctx.explain
        ? ''
        : `${p.awardCodes.map(label).join(' / ')} trong ${from}–${ctx.year}: ${listYears(years)} — ${years.length} lần`;
      return pending
        ? { value: years.length, upper: years.length + 1, detail }
        : { value: years.length, detail };
    },
  }),

  ratingChain: defineFact({
    subjects: ['individual', 'collective'],
    type: 'number',
    params: z.object({ minRating: rating, sinceLastAward }).strict(),
    describe: 'Số năm liên tục được xếp loại từ mức tối thiểu trở lên, tính đến năm xét',
    compute: (ctx: FactContext, p) => {
      const floor = windowFloor(ctx.history.awards, p.sinceLastAward, ctx.year);
      const years: number[] = [];
      for (let y = ctx.year; y >= floor; y--) {
        const r = ratingOf(ctx.history, y);
        if (!r || compareRating(r, p.minRating) < 0) break;
        years.push(y);
      }
      return {
        value: years.length,
        detail: !ctx.explain
          ? ''
          : `${RATING_LABELS[p.minRating]} trở lên: ${listYears(years)} — ${years.length} năm liên tục` +
            (Number.isFinite(floor) ? ` (tính từ năm ${floor}, sau lần khen gần nhất)` : ''),
      };
    },
  }),

  ratingCount: defineFact({
    subjects: ['individual', 'collective'],
    type: 'number',
    params: z.object({ minRating: rating, years: z.number().int().min(1), sinceLastAward }).strict(),
    describe: 'Số năm được xếp loại từ mức tối thiểu trở lên trong khoảng thời gian xét',
    compute: (ctx: FactContext, p) => {
      const from = Math.max(
        ctx.year - p.years + 1,
        windowFloor(ctx.history.awards, p.sinceLastAward, ctx.year),
      );
      const years: number[] = [];
      for (let y = from; y <= ctx.year; y++) {
        const r = ratingOf(ctx.history, y);
        if (r && compareRating(r, p.minRating) >= 0) years.push(y);
      }
      return {
        value: years.length,
        detail: !ctx.explain
          ? ''
          : `${RATING_LABELS[p.minRating]} trở lên trong ${from}–${ctx.year}: ${listYears(years)} — ${years.length} năm`,
      };
    },
  }),

  initiatives: defineFact({
    subjects: ['individual'],
    type: 'number',
    params: z
      .object({
        minLevel: z.enum(RECOGNITION_LEVELS),
        minScope: z.enum(EFFECT_SCOPES).default('unit'),
        years: z.number().int().min(1),
        kinds: z.array(z.enum(INITIATIVE_KINDS)).default(['initiative', 'research']),
        sinceLastAward,
      })
      .strict(),
    dependsOnRun: true,
    describe:
      'Số sáng kiến, đề tài được công nhận (chưa dùng làm căn cứ khen thưởng khác) trong khoảng thời gian xét',
    compute: (ctx: IndividualContext, p) => {
      const from = Math.max(
        ctx.year - p.years + 1,
        windowFloor(ctx.history.awards, p.sinceLastAward, ctx.year),
      );
      const fits = ctx.history.initiatives.filter((i) => {
        const y = Number(i.recognitionDate.slice(0, 4));
        return (
          y >= from &&
          y <= ctx.year &&
          p.kinds.includes(i.kind) &&
          LEVEL_RANK[i.level] >= LEVEL_RANK[p.minLevel] &&
          SCOPE_RANK[i.effectScope] >= SCOPE_RANK[p.minScope]
        );
      });
      const usedByThis = (i: (typeof fits)[number]) =>
        !!i.usedBy && i.usedBy.awardCode === ctx.awardCode && i.usedBy.year === ctx.year;
      const usedElsewhere = fits
        .filter((i) => i.usedBy && !usedByThis(i))
        .sort((a, b) => a.id.localeCompare(b.id));
      const reserved = fits.filter((i) => !usedElsewhere.includes(i) && ctx.reserved.has(i.id));
      const free = fits
        .filter((i) => !usedElsewhere.includes(i) && !reserved.includes(i))
        .sort(
          (a, b) =>
            // The initiatives the registry records as the basis of this very award come first: an award
            // already made keeps its recorded basis instead of taking another one away from later awards.
            Number(usedByThis(b)) - Number(usedByThis(a)) ||
            LEVEL_RANK[a.level] - LEVEL_RANK[b.level] ||
            SCOPE_RANK[a.effectScope] - SCOPE_RANK[b.effectScope] ||
            a.recognitionDate.localeCompare(b.recognitionDate) ||
            a.id.localeCompare(b.id),
        );
      const parts = [`${free.length} sáng kiến/đề tài phù hợp (${from}–${ctx.year})`];
      if (usedElsewhere.length)
        parts.push(
          `${usedElsewhere.length} đã dùng cho khen thưởng khác (${usedElsewhere.map((i) => `${label(i.usedBy!.awardCode)} ${i.usedBy!.year}`).join(', ')})`,
        );
      if (reserved.length) parts.push(`${reserved.length} đã làm căn cứ cho danh hiệu khác cùng đợt`);
      return {
        value: free.length,
        detail: !ctx.explain ? '' : parts.join('; '),
        items: free.map((i) => i.id),
      };
    },
  }),

  priorAward: defineFact({
    subjects: ['individual', 'collective'],
    type: 'boolean',
    params: z
      .object({ awardCodes: z.array(awardCode).min(1), atLeastYearsBefore: z.number().int().min(0) })
      .strict(),
    describe: 'Đã được khen hình thức làm điều kiện, trước khoảng thời gian xét',
    compute: (ctx: FactContext, p) => {
      const before = ctx.year - p.atLeastYearsBefore;
      // Thematic and ad hoc awards are no basis for a regular (công trạng) proposal (law.md, cross-cutting
      // principles: Luật TĐKT 2022 art. 5; Nghị định 152/2025 art. 4).
      const hits = ctx.history.awards
        .filter((a) => a.track === 'regular' && p.awardCodes.includes(a.awardCode) && a.year <= before)
        .sort((a, b) => b.year - a.year || a.awardCode.localeCompare(b.awardCode));
      const h = hits[0];
      return h
        ? { value: true, detail: !ctx.explain ? '' : `${label(h.awardCode)} năm ${h.year}` }
        : {
            value: false,
            detail: !ctx.explain
              ? ''
              : `Chưa có ${p.awardCodes.map(label).join(' / ')} từ năm ${before} trở về trước`,
          };
    },
  }),

  unitRating: defineFact({
    subjects: ['collective'],
    type: 'rating',
    params: none,
    describe: 'Xếp loại mức độ hoàn thành nhiệm vụ của tập thể trong năm',
    compute: (ctx: CollectiveContext) => {
      const r = ratingOf(ctx.history, ctx.year);
      return {
        value: r,
        detail: !ctx.explain
          ? ''
          : r
            ? `Năm ${ctx.year}: ${RATING_LABELS[r]} (${r})`
            : `Chưa có kết quả xếp loại tập thể năm ${ctx.year}`,
      };
    },
  }),

  memberShareWithTitle: defineFact({
    subjects: ['collective'],
    type: 'number',
    params: z.object({ awardCode }).strict(),
    describe: 'Tỷ lệ (%) thành viên đạt danh hiệu trong năm',
    compute: (ctx: CollectiveContext, p) => {
      const { members, total } = membersOf(ctx);
      if (!total)
        return {
          value: undefined,
          detail: !ctx.explain ? '' : `Chưa có danh sách thành viên năm ${ctx.year}`,
        };
      const { n, pending } = titledCount(members, p.awardCode);
      const pct = (x: number) => (x * 100) / total;
      const detail = !ctx.explain
        ? ''
        : `${n}/${total} thành viên ${label(p.awardCode)} = ${fmtPct(pct(n))}%` +
          (pending ? ` (thêm ${pending} người đang cần xem xét)` : '');
      return pending ? { value: pct(n), upper: pct(n + pending), detail } : { value: pct(n), detail };
    },
  }),

  memberShareRating: defineFact({
    subjects: ['collective'],
    type: 'number',
    params: z.object({ minRating: rating }).strict(),
    describe: 'Tỷ lệ (%) thành viên được xếp loại từ mức tối thiểu trở lên',
    compute: (ctx: CollectiveContext, p) => {
      const { members, total } = membersOf(ctx);
      if (!total)
        return {
          value: undefined,
          detail: !ctx.explain ? '' : `Chưa có danh sách thành viên năm ${ctx.year}`,
        };
      const n = ratedAtLeast(members, p.minRating);
      return {
        value: (n * 100) / total,
        detail: !ctx.explain
          ? ''
          : `${n}/${total} thành viên ${RATING_LABELS[p.minRating].toLowerCase()} trở lên = ${fmtPct((n * 100) / total)}%`,
      };
    },
  }),

  memberTitleCount: defineFact({
    subjects: ['collective'],
    type: 'number',
    params: z.object({ awardCode }).strict(),
    describe: 'Số thành viên đạt danh hiệu trong năm',
    compute: (ctx: CollectiveContext, p) => {
      const { n, pending } = titledCount(membersOf(ctx).members, p.awardCode);
      const detail = !ctx.explain
        ? ''
        : `${n} thành viên ${label(p.awardCode)}` + (pending ? ` (thêm ${pending} người cần xem xét)` : '');
      return pending ? { value: n, upper: n + pending, detail } : { value: n, detail };
    },
  }),

  memberDisciplineLevel: defineFact({
    subjects: ['collective'],
    type: 'severity',
    params: none,
    describe: 'Hình thức kỷ luật cao nhất của thành viên trong năm',
    compute: (ctx: CollectiveContext) => {
      const { level: worst, count: who } = worstDiscipline(membersOf(ctx).members);
      return {
        value: worst,
        detail: !ctx.explain
          ? ''
          : worst === 'none'
            ? 'Không có thành viên bị kỷ luật'
            : `${who} thành viên bị kỷ luật ${DISCIPLINE_LEVEL_LABELS[worst].toLowerCase()}`,
      };
    },
  }),

  registered: defineFact({
    subjects: ['individual', 'collective'],
    type: 'boolean',
    params: z.object({ awardCodes: z.array(awardCode).optional() }).strict(),
    dependsOnRun: true,
    describe: 'Đã đăng ký thi đua danh hiệu trong năm (đơn vị đã gửi hoặc được duyệt)',
    compute: (ctx: FactContext, p) => {
      const regs = ctx.history.registrations;
      const codes = p.awardCodes ?? [ctx.awardCode];
      if (!regs) return { value: undefined, detail: `Chưa có dữ liệu đăng ký thi đua năm ${ctx.year}` };
      const hit = regs.find((r) => r.year === ctx.year && codes.includes(r.awardCode));
      return hit
        ? { value: true, detail: !ctx.explain ? '' : `Đã đăng ký ${label(hit.awardCode)} năm ${ctx.year}` }
        : {
            value: false,
            detail: !ctx.explain ? '' : `Không đăng ký ${codes.map(label).join(' / ')} năm ${ctx.year}`,
          };
    },
  }),

  blockRank: defineFact({
    subjects: ['collective'],
    type: 'number',
    params: none,
    describe: 'Thứ hạng trong khối, cụm thi đua',
    compute: (ctx: CollectiveContext) => {
      const r = ctx.history.blockRanks?.[ctx.year];
      return r === undefined
        ? { value: undefined, detail: !ctx.explain ? '' : `Khối thi đua chưa xếp hạng năm ${ctx.year}` }
        : { value: r, detail: !ctx.explain ? '' : `Xếp thứ ${r} trong khối thi đua năm ${ctx.year}` };
    },
  }),
} as const;

export type FactName = keyof typeof FACTS;
export const FACT_NAMES = Object.keys(FACTS) as FactName[];

export function factDef(name: string): FactDef<z.ZodType> | undefined {
  return (FACTS as Record<string, FactDef<z.ZodType>>)[name];
}

/** How many members hold a title, and how many more have it pending review (one pass). */
function titledCount(members: readonly MemberResult[], code: AwardCode) {
  let n = 0;
  let pending = 0;
  for (const m of members)
    if (m.titles.includes(code)) n++;
    else if (m.pendingTitles?.includes(code)) pending++;
  return { n, pending };
}

function ratedAtLeast(members: readonly MemberResult[], min: Rating): number {
  let n = 0;
  for (const m of members) if (m.rating && compareRating(m.rating, min) >= 0) n++;
  return n;
}

/** The members' worst discipline in the year, and how many have it. */
function worstDiscipline(members: readonly MemberResult[]) {
  let level: Severity = 'none';
  let count = 0;
  for (const m of members) {
    const sev: Severity = m.disciplineLevel ?? 'none';
    if (severityRank(sev) > severityRank(level)) {
      level = sev;
      count = 1;
    } else if (sev === level && sev !== 'none') count++;
  }
  return { level, count };
}

function membersOf(ctx: CollectiveContext) {
  const members = ctx.history.members[ctx.year] ?? [];
  const declared = ctx.history.evaluations.find((e) => e.year === ctx.year)?.memberCount;
  // The unit's declared head count is the denominator when given (members not rated still count).
  const total = declared && declared >= members.length ? declared : members.length;
  return { members, total };
}

/** Rows with dates in date order, so that details never depend on the order the registry listed them. */
function byDates<T extends { fromDate: string; toDate: string }>(rows: readonly T[]): T[] {
  return [...rows].sort(
    (a, b) =>
      a.fromDate.localeCompare(b.fromDate) ||
      a.toDate.localeCompare(b.toDate) ||
      JSON.stringify(a).localeCompare(JSON.stringify(b)),
  );
}

/** Vietnamese decimal comma, independent of the runtime's locale data. */
function fmtNum(x: number) {
  return String(x).replace('.', ',');
}

function fmtPct(x: number) {
  return fmtNum(Math.round(x * 10) / 10);
}

function vnDate(iso: string) {
  return `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
}

export { vnDate };
