/**
 * Properties of the evaluator over generated histories (fast-check):
 *  - adding a disqualifying fact never makes a verdict better (in particular never ineligible → eligible);
 *  - the order of history rows never matters;
 *  - the verdict's status agrees with its checks.
 * Histories are biased towards good records so that the higher titles and forms are reached.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
  AWARD_CODES,
  AWARD_TRACKS,
  DISCIPLINE_LEVELS,
  EFFECT_SCOPES,
  INITIATIVE_KINDS,
  LEAVE_KINDS,
  RATINGS,
  RECOGNITION_LEVELS,
  TRAINING_GRADES,
  type AwardCode,
  type Rating,
} from '../../shared/registry/catalog';
import { addDays, dayNumber } from '../calendar';
import { layerPacks } from '../rules/layering';
import { V2017, V2024, V2025 } from '../rules/packs';
import { absenceBelow, cite } from '../rules/packs/common';
import type { RulePack } from '../rules/types';
import { evaluate, evaluateAll } from './evaluate';
import type { Check, CollectiveHistory, MemberResult, PersonHistory, Verdict, VerdictStatus } from './types';
import { PERSON, UNIT } from './test-fixtures';

// PROP_RUNS=2000 for a deeper search; the default keeps the suite fast on a shared machine.
const RUNS = { numRuns: Number(process.env.PROP_RUNS ?? 120) };

const INDIVIDUAL_CODES: AwardCode[] = [
  'LDTT',
  'CSTDCS',
  'CSTD_TINH',
  'CSTD_TOANQUOC',
  'GIAY_KHEN',
  'BK_TINH',
  'BK_TTG',
  'HCLD_3',
];
const COLLECTIVE_CODES: AwardCode[] = ['TTLDTT', 'TTLDXS', 'CO_TINH', 'CO_CHINHPHU', 'GIAY_KHEN', 'BK_TINH'];

/**
 * A province's pack layered on V2024 with a leave limit (the national packs have none), so that the leave
 * fact — and its explanation, which lists the leaves — is exercised too.
 */
const WITH_LEAVE_LIMIT = layerPacks(
  V2024,
  [
    {
      id: 'CM-2024',
      name: 'Quy định của tỉnh (thử)',
      issuer: 'UBND tỉnh',
      effectiveFrom: '2024-01-01',
      criteria: [
        {
          awardCode: 'LDTT',
          recipientKind: 'individual',
          criterion: absenceBelow(40, cite('Quyết định của UBND tỉnh (thử)', 'Điều 5', { verified: false })),
        },
      ],
      quotas: [],
      citation: cite('Quyết định của UBND tỉnh (thử)', undefined, { verified: false }),
    },
  ],
  '2024-12-31',
);

const PACKS: Array<{ pack: RulePack; y: number }> = [
  { pack: V2017, y: 2020 },
  { pack: V2024, y: 2024 },
  { pack: V2025, y: 2025 },
  { pack: WITH_LEAVE_LIMIT, y: 2024 },
];

// ----------------------------------------------------------------------------------------- generators

const dateIn = (fromYear: number, toYear: number) =>
  fc
    .integer({ min: dayNumber(`${fromYear}-01-01`), max: dayNumber(`${toYear}-12-31`) })
    .map((n) => addDays('1970-01-01', n));

/** A span starting in [fromYear, toYear], lasting 1–500 days. */
const spanIn = (fromYear: number, toYear: number) =>
  fc.tuple(dateIn(fromYear, toYear), fc.integer({ min: 0, max: 500 })).map(([from, len]) => ({
    fromDate: from,
    toDate: addDays(from, len),
  }));

const goodishRating = fc.constantFrom<Rating>(
  'HTXSNV',
  'HTXSNV',
  'HTXSNV',
  'HTTNV',
  'HTTNV',
  'HTNV',
  'KHTNV',
);
const anyRating = fc.constantFrom(...RATINGS);

const AWARDED: AwardCode[] = [
  'LDTT',
  'CSTDCS',
  'CSTD_TINH',
  'CSTD_BO',
  'GIAY_KHEN',
  'BK_TINH',
  'BK_BO',
  'BK_TTG',
  'HCLD_3',
];
const track = fc.constantFrom(...AWARD_TRACKS, 'regular', 'regular', 'regular', 'regular');

/** Random histories, and good careers with some records dropped (these reach BK TTg, HCLĐ, CSTĐ). */
function personHistory(y: number): fc.Arbitrary<PersonHistory> {
  return fc.oneof(randomHistory(y), career(y));
}

function career(y: number): fc.Arbitrary<PersonHistory> {
  const years = y - 7;
  const regular = (awardCode: AwardCode, year: number) => ({ awardCode, year, track: 'regular' as const });
  const candidates = [
    ...[1, 2, 3, 4, 5, 6].map((k) => regular('CSTDCS', y - k)),
    regular('CSTDCS', y),
    regular('CSTD_TINH', y - 3),
    regular('CSTD_TINH', y),
    regular('BK_TINH', y - 6),
    regular('BK_TINH', y - 1),
    regular('BK_TTG', y - 5),
    regular('LDTT', y),
    { awardCode: 'BK_TINH' as const, year: y - 5, track: 'thematic' as const },
  ];
  const initiativeCandidates = [
    { level: 'grassroots', effectScope: 'unit', year: y },
    { level: 'grassroots', effectScope: 'unit', year: y - 1 },
    { level: 'grassroots', effectScope: 'province', year: y },
    { level: 'grassroots', effectScope: 'province', year: y - 1 },
    { level: 'grassroots', effectScope: 'national', year: y - 2 },
    { level: 'province', effectScope: 'province', year: y - 2 },
    { level: 'province', effectScope: 'province', year: y - 3 },
    { level: 'grassroots', effectScope: 'unit', year: y - 3 },
    { level: 'grassroots', effectScope: 'unit', year: y - 4 },
  ] as const;
  return fc
    .record({
      ratings: fc.array(
        fc.constantFrom<Rating>('HTXSNV', 'HTXSNV', 'HTXSNV', 'HTXSNV', 'HTTNV', 'HTTNV', 'HTNV'),
        {
          minLength: 8,
          maxLength: 8,
        },
      ),
      awards: fc.subarray(candidates),
      initiatives: fc.subarray([...initiativeCandidates]),
      days: fc.array(fc.integer({ min: 0, max: 300 }), { minLength: 9, maxLength: 9 }),
      usedBy: fc.option(fc.record({ index: fc.nat(), awardCode: fc.constantFrom(...AWARDED) }), { freq: 3 }),
      rest: randomHistory(y),
    })
    .map(({ ratings, awards, initiatives, days, usedBy, rest }) => ({
      ...rest,
      evaluations: ratings.map((rating, i) => ({ year: years + i, rating, unitId: i % 3 ? 'u-a' : 'u-b' })),
      awards: awards.map((a, i) => ({ ...a, id: `c${i}` })),
      initiatives: initiatives.map((x, i) => ({
        id: `ci${i}`,
        kind: 'initiative' as const,
        level: x.level,
        effectScope: x.effectScope,
        recognitionDate: addDays(`${x.year}-01-01`, days[i]!),
        usedBy:
          usedBy && usedBy.index % initiatives.length === i
            ? { awardCode: usedBy.awardCode, year: x.year }
            : null,
      })),
      // Keep the random leaves, trainings and (rarely) disciplines of `rest`.
      disciplines: rest.disciplines.slice(0, rest.disciplines.length && days[8]! % 4 === 0 ? 1 : 0),
    }));
}

function randomHistory(y: number): fc.Arbitrary<PersonHistory> {
  const years = y - 7;
  return fc.record({
    evaluations: fc
      .tuple(
        // One row for most years, good ratings more likely; sometimes a second row (a transfer).
        fc.array(fc.option(goodishRating, { freq: 8 }), { minLength: 8, maxLength: 8 }),
        fc.array(
          fc.record({
            year: fc.integer({ min: years, max: y }),
            rating: anyRating,
            unitId: fc.constantFrom('u-a', 'u-b'),
          }),
          { maxLength: 2 },
        ),
        fc.option(dateIn(y - 1, y), { freq: 4 }),
      )
      .map(([byYear, extra, start]) => [
        ...byYear.flatMap((r, i) =>
          r === null
            ? []
            : [
                {
                  year: years + i,
                  rating: r,
                  unitId: 'u-a',
                  ...(years + i === y && start ? { employmentStartDate: start } : {}),
                },
              ],
        ),
        ...extra,
      ]),
    leaves: fc.array(
      fc.tuple(fc.constantFrom(...LEAVE_KINDS), spanIn(y - 1, y)).map(([kind, s]) => ({ kind, ...s })),
      { maxLength: 2 },
    ),
    trainings: fc.array(
      fc
        .tuple(spanIn(y - 1, y), fc.option(fc.constantFrom(...TRAINING_GRADES)), fc.boolean())
        .map(([s, grade, goodConduct]) => ({ ...s, goodConduct, ...(grade ? { grade } : {}) })),
      { maxLength: 2 },
    ),
    disciplines: fc.array(
      fc
        .tuple(fc.constantFrom(...DISCIPLINE_LEVELS), spanIn(y - 3, y), fc.boolean())
        .map(([level, s, open]) => ({ level, fromDate: s.fromDate, ...(open ? {} : { toDate: s.toDate }) })),
      { maxLength: 1 },
    ),
    initiatives: fc
      .array(
        fc.record({
          kind: fc.constantFrom(...INITIATIVE_KINDS),
          level: fc.constantFrom(...RECOGNITION_LEVELS, 'grassroots', 'grassroots'),
          effectScope: fc.constantFrom(...EFFECT_SCOPES, 'unit'),
          recognitionDate: dateIn(years, y),
          usedBy: fc.option(
            fc.record({ awardCode: fc.constantFrom(...AWARDED), year: fc.integer({ min: years, max: y }) }),
            { freq: 5 },
          ),
        }),
        { maxLength: 8 },
      )
      .map((xs) => xs.map((x, i) => ({ ...x, id: `sk${i}` }))),
    awards: fc
      .array(
        fc.record({
          awardCode: fc.constantFrom(...AWARDED),
          year: fc.integer({ min: years, max: y }),
          track,
        }),
        { maxLength: 10 },
      )
      .map((xs) => xs.map((x, i) => ({ ...x, id: `a${i}` }))),
  });
}

const memberResult = fc.record({
  rating: fc.option(goodishRating, { freq: 10 }),
  titles: fc.subarray<AwardCode>(['LDTT', 'CSTDCS', 'LDTT', 'GIAY_KHEN']),
  pendingTitles: fc.subarray<AwardCode>(['LDTT', 'CSTDCS']),
  disciplineLevel: fc.option(fc.constantFrom(...DISCIPLINE_LEVELS), { freq: 6 }),
});

function unitHistory(y: number): fc.Arbitrary<CollectiveHistory> {
  const years = y - 3;
  return fc.record({
    evaluations: fc
      .tuple(
        fc.array(fc.option(goodishRating, { freq: 8 }), { minLength: 4, maxLength: 4 }),
        fc.option(fc.integer({ min: 1, max: 14 }), { freq: 3 }),
      )
      .map(([rs, count]) =>
        rs.flatMap((r, i) =>
          r === null
            ? []
            : [{ year: years + i, rating: r, ...(years + i === y && count ? { memberCount: count } : {}) }],
        ),
      ),
    awards: fc
      .array(
        fc.record({
          awardCode: fc.constantFrom<AwardCode>('TTLDTT', 'TTLDXS', 'CO_TINH', 'BK_TINH', 'GIAY_KHEN'),
          year: fc.integer({ min: years, max: y }),
          track,
        }),
        { maxLength: 5 },
      )
      .map((xs) => xs.map((x, i) => ({ ...x, id: `a${i}` }))),
    members: fc
      .array(memberResult, { maxLength: 10 })
      .map((ms) => ({ [y]: ms.map((m, i): MemberResult => ({ personId: `m${i}`, ...m })) })),
    blockRanks: fc
      .option(fc.integer({ min: 1, max: 4 }), { freq: 2 })
      .map((r) => (r === null ? {} : { [y]: r })),
  });
}

// --------------------------------------------------------------------------------------------- helpers

const isTitle = (code: AwardCode) => AWARD_CODES[code].kind === 'title';

const RANK: Record<VerdictStatus, number> = { ineligible: 0, needs_review: 1, eligible: 2 };

function statuses(vs: Verdict[]): Map<AwardCode, VerdictStatus> {
  return new Map(vs.map((v) => [v.awardCode, v.status]));
}

/** The titles a title presupposes in the same year (CSTĐ tỉnh/bộ: that year's CSTĐCS; CSTĐCS: LĐTT). */
const PRESUPPOSES: Partial<Record<AwardCode, AwardCode>> = {
  CSTD_TINH: 'CSTDCS',
  CSTD_BO: 'CSTDCS',
  CSTDCS: 'LDTT',
};

/**
 * The history as the registry keeps it: a title awarded in a year comes with the titles it presupposes
 * that year. Generated histories may break this (a CSTĐ tỉnh without that year's CSTĐCS); judged in one
 * run, such a history lets a computed CSTĐCS release an initiative it held while reviewing, which the
 * registry's own award would have spent.
 */
function consistent(h: PersonHistory): PersonHistory {
  const out = [...h.awards];
  const has = (code: AwardCode, year: number) =>
    out.some((a) => a.awardCode === code && a.year === year && a.track === 'regular');
  for (let i = 0; i < out.length; i++) {
    const a = out[i]!;
    const need = PRESUPPOSES[a.awardCode];
    if (a.track === 'regular' && need && !has(need, a.year))
      out.push({ id: `${a.id}-${need}`, awardCode: need, year: a.year, track: 'regular' });
  }
  return { ...h, awards: out };
}

/** Every code judged alone (any history), and all in one run (the history made consistent). */
function judgePerson(h: PersonHistory, pack: RulePack, y: number) {
  const all = statuses(evaluateAll(PERSON, consistent(h), pack, { year: y }));
  const alone = new Map(INDIVIDUAL_CODES.map((c) => [c, evaluate(PERSON, h, pack, { year: y }, c).status]));
  return { all, alone };
}

function neverBetter(
  before: Map<AwardCode, VerdictStatus>,
  after: Map<AwardCode, VerdictStatus>,
  what: string,
  only: (code: AwardCode) => boolean = () => true,
) {
  for (const [code, b] of before) {
    if (!only(code)) continue;
    const a = after.get(code)!;
    if (b === 'ineligible') expect(a, `${what}: ${code} ineligible → ${a}`).not.toBe('eligible');
    expect(RANK[a], `${what}: ${code} ${b} → ${a}`).toBeLessThanOrEqual(RANK[b]);
  }
}

function permutation<T>(xs: readonly T[]): fc.Arbitrary<T[]> {
  return xs.length < 2
    ? fc.constant([...xs])
    : fc.shuffledSubarray([...xs], { minLength: xs.length, maxLength: xs.length });
}

// ------------------------------------------------------------------------------------------ properties

describe.each(PACKS)('$pack.id — adding a disqualifying fact never makes a verdict better', ({ pack, y }) => {
  const h = personHistory(y);

  test('a discipline (khiển trách or above) in the year', () => {
    fc.assert(
      fc.property(
        h,
        fc.constantFrom(...DISCIPLINE_LEVELS),
        dateIn(y, y),
        fc.boolean(),
        (hist, level, from, open) => {
          const before = judgePerson(hist, pack, y);
          const worse = {
            ...hist,
            disciplines: [
              ...hist.disciplines,
              { level, fromDate: from, ...(open ? {} : { toDate: addDays(from, 30) }) },
            ],
          };
          const after = judgePerson(worse, pack, y);
          neverBetter(before.all, after.all, 'run');
          neverBetter(before.alone, after.alone, 'alone');
        },
      ),
      RUNS,
    );
  });

  test('a KHTNV rating replacing the year’s rating', () => {
    fc.assert(
      fc.property(h, (hist) => {
        const before = judgePerson(hist, pack, y);
        const rows = hist.evaluations.map((e) => (e.year === y ? { ...e, rating: 'KHTNV' as const } : e));
        const worse = {
          ...hist,
          evaluations: rows.some((e) => e.year === y)
            ? rows
            : [...rows, { year: y, rating: 'KHTNV' as const }],
        };
        const after = judgePerson(worse, pack, y);
        neverBetter(before.all, after.all, 'run');
        neverBetter(before.alone, after.alone, 'alone');
      }),
      RUNS,
    );
  });

  test('removing an initiative', () => {
    fc.assert(
      fc.property(
        h.filter((x) => x.initiatives.length > 0),
        fc.nat(),
        (hist, k) => {
          const before = judgePerson(hist, pack, y);
          const i = k % hist.initiatives.length;
          const worse = { ...hist, initiatives: hist.initiatives.filter((_, j) => j !== i) };
          const after = judgePerson(worse, pack, y);
          // In one run titles spend their initiatives before forms are judged: losing an initiative can cost
          // a title and so free for a form what the title had spent. The allocation moves; no title gains.
          neverBetter(before.all, after.all, 'run', isTitle);
          neverBetter(before.alone, after.alone, 'alone');
        },
      ),
      RUNS,
    );
  });

  test('marking an initiative as used by another award', () => {
    fc.assert(
      fc.property(
        h.filter((x) => x.initiatives.some((i) => !i.usedBy)),
        fc.nat(),
        fc.constantFrom(...AWARDED),
        fc.integer({ min: 1, max: 5 }),
        (hist, k, code, back) => {
          const before = judgePerson(hist, pack, y);
          const free = hist.initiatives.filter((i) => !i.usedBy);
          const target = free[k % free.length]!.id;
          const worse = {
            ...hist,
            initiatives: hist.initiatives.map((i) =>
              i.id === target ? { ...i, usedBy: { awardCode: code, year: y - back } } : i,
            ),
          };
          const after = judgePerson(worse, pack, y);
          // In one run titles spend their initiatives before forms are judged: losing an initiative can cost
          // a title and so free for a form what the title had spent. The allocation moves; no title gains.
          neverBetter(before.all, after.all, 'run', isTitle);
          neverBetter(before.alone, after.alone, 'alone');
        },
      ),
      RUNS,
    );
  });

  test('collective: a member disciplined at cảnh cáo or above, or the unit rated KHTNV', () => {
    fc.assert(
      fc.property(
        unitHistory(y),
        fc.constantFrom(...DISCIPLINE_LEVELS.slice(1)),
        fc.nat(),
        (hist, level, k) => {
          const judge = (x: CollectiveHistory) => statuses(evaluateAll(UNIT, x, pack, { year: y }));
          const before = judge(hist);
          const ms = hist.members[y] ?? [];
          if (ms.length) {
            const i = k % ms.length;
            const warned = {
              ...hist,
              members: { [y]: ms.map((m, j) => (j === i ? { ...m, disciplineLevel: level } : m)) },
            };
            neverBetter(before, judge(warned), 'member discipline');
            const noLdtt = {
              ...hist,
              members: {
                [y]: ms.map((m, j) =>
                  j === i ? { ...m, titles: m.titles.filter((t) => t !== 'LDTT'), pendingTitles: [] } : m,
                ),
              },
            };
            neverBetter(before, judge(noLdtt), 'member loses LĐTT');
          }
          const rows = hist.evaluations.map((e) => (e.year === y ? { ...e, rating: 'KHTNV' as const } : e));
          const khtnv = {
            ...hist,
            evaluations: rows.some((e) => e.year === y)
              ? rows
              : [...rows, { year: y, rating: 'KHTNV' as const }],
          };
          neverBetter(before, judge(khtnv), 'unit KHTNV');
        },
      ),
      RUNS,
    );
  });
});

describe.each(PACKS)('$pack.id — the order of history rows never matters', ({ pack, y }) => {
  test('individual: every array shuffled → same statuses, checks, missing and initiatives', () => {
    const shuffled = personHistory(y).chain((h) =>
      fc
        .record({
          evaluations: permutation(h.evaluations),
          leaves: permutation(h.leaves),
          trainings: permutation(h.trainings),
          disciplines: permutation(h.disciplines),
          initiatives: permutation(h.initiatives),
          awards: permutation(h.awards),
        })
        .map((s) => [h, s] as const),
    );
    fc.assert(
      fc.property(shuffled, ([h, s]) => {
        const strip = (vs: Verdict[]) =>
          vs.map((v) => ({
            code: v.awardCode,
            status: v.status,
            checks: v.checks,
            missing: v.missing,
            ids: v.initiativeIds,
          }));
        expect(strip(evaluateAll(PERSON, s, pack, { year: y }))).toEqual(
          strip(evaluateAll(PERSON, h, pack, { year: y })),
        );
      }),
      RUNS,
    );
  });

  test('collective: evaluations, awards and members shuffled → same verdicts', () => {
    const shuffled = unitHistory(y).chain((h) =>
      fc
        .record({
          evaluations: permutation(h.evaluations),
          awards: permutation(h.awards),
          members: permutation(h.members[y] ?? []),
        })
        .map((s) => [h, { ...h, ...s, members: { [y]: s.members } }] as const),
    );
    fc.assert(
      fc.property(shuffled, ([h, s]) => {
        const strip = (vs: Verdict[]) =>
          vs.map((v) => ({ code: v.awardCode, status: v.status, checks: v.checks }));
        expect(strip(evaluateAll(UNIT, s, pack, { year: y }))).toEqual(
          strip(evaluateAll(UNIT, h, pack, { year: y })),
        );
      }),
      RUNS,
    );
  });
});

/** All-node checks are named by joining their children's ids with "+"; others with children are alternatives. */
function expectConsistent(c: Check) {
  if (!c.children?.length) return;
  c.children.forEach(expectConsistent);
  const s = c.children.map((x) => x.status);
  const isAll = c.id === c.children.map((x) => x.id).join('+');
  const expected = isAll
    ? s.includes('unmet')
      ? 'unmet'
      : s.includes('unknown')
        ? 'unknown'
        : 'met'
    : s.includes('met')
      ? 'met'
      : s.includes('unknown')
        ? 'unknown'
        : 'unmet';
  expect(c.status, `${c.id}`).toBe(expected);
}

function expectVerdictConsistent(v: Verdict) {
  const s = v.checks.map((c) => c.status);
  expect(v.status === 'eligible', `${v.awardCode} eligible ⇔ all met`).toBe(s.every((x) => x === 'met'));
  expect(v.status === 'ineligible', `${v.awardCode} ineligible ⇔ some unmet`).toBe(s.includes('unmet'));
  expect(v.status === 'needs_review').toBe(!s.includes('unmet') && s.includes('unknown'));
  expect(v.missing).toEqual(v.checks.filter((c) => c.status === 'unmet').map((c) => c.criterion));
  if (v.status === 'ineligible') expect(v.initiativeIds).toEqual([]);
  expect(new Set(v.initiativeIds).size).toBe(v.initiativeIds.length);
  v.checks.forEach(expectConsistent);
}

describe.each(PACKS)('$pack.id — the verdict agrees with its checks', ({ pack, y }) => {
  test('individual: eligible ⇔ all met; ineligible ⇔ some unmet; alternatives and conjunctions combine', () => {
    fc.assert(
      fc.property(personHistory(y), (h) => {
        const vs = evaluateAll(PERSON, h, pack, { year: y });
        expect(vs.map((v) => v.awardCode)).toEqual(INDIVIDUAL_CODES);
        vs.forEach(expectVerdictConsistent);
        // One initiative, one award: what a title rests on is not offered to any other verdict of the run
        // (forms are separate proposals and may each show the same free initiative).
        const byTitles = vs
          .filter((v) => AWARD_CODES[v.awardCode].kind === 'title')
          .flatMap((v) => v.initiativeIds);
        expect(new Set(byTitles).size).toBe(byTitles.length);
        for (const v of vs.filter((x) => AWARD_CODES[x.awardCode].kind === 'form'))
          for (const id of v.initiativeIds) expect(byTitles, `${v.awardCode} ${id}`).not.toContain(id);
      }),
      RUNS,
    );
  });

  test('collective: the same', () => {
    fc.assert(
      fc.property(unitHistory(y), (h) => {
        const vs = evaluateAll(UNIT, h, pack, { year: y });
        expect(vs.map((v) => v.awardCode)).toEqual(COLLECTIVE_CODES);
        vs.forEach(expectVerdictConsistent);
      }),
      RUNS,
    );
  });
});

test('the generators reach both outcomes of every individual code (the properties are not vacuous)', () => {
  const seen = new Map<string, Set<VerdictStatus>>();
  for (const { pack, y } of PACKS)
    fc.assert(
      fc.property(personHistory(y), (h) => {
        for (const v of evaluateAll(PERSON, h, pack, { year: y })) {
          const s = seen.get(v.awardCode) ?? new Set();
          s.add(v.status);
          seen.set(v.awardCode, s);
        }
      }),
      { numRuns: 300, seed: 2024 },
    );
  console.log(Object.fromEntries([...seen].map(([k, v]) => [k, [...v].join(',')])));
  for (const code of INDIVIDUAL_CODES) {
    expect(seen.get(code)?.has('eligible'), `${code} eligible`).toBe(true);
    expect(seen.get(code)?.has('ineligible'), `${code} ineligible`).toBe(true);
  }
});
