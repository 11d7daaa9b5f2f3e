/**
 * Collective titles and forms (and the household Giấy khen), every national pack, with passing and failing
 * neighbours; members' results computed through `sweep`; chains of merged units through `mergeLineage`.
 */
import { describe, expect, test } from 'vitest';
import type { AwardCode, Rating } from '../../shared/registry/catalog';
import { V2017, V2024, V2025 } from '../rules/packs';
import type { RulePack } from '../rules/types';
import { evaluate } from './evaluate';
import { countsForYear, countsOn, mergeLineage, type Succession } from './lineage';
import { sweep, type SweepCollective, type SweepPerson } from './sweep';
import {
  allChecks,
  award,
  awards,
  checkOf,
  collectiveHistory,
  discipline,
  history,
  HOUSEHOLD,
  member,
  members,
  rated,
  training,
  UNIT,
} from './test-fixtures';
import type { CheckStatus, CollectiveHistory, Verdict, VerdictStatus } from './types';

interface Row {
  name: string;
  pack: RulePack;
  year: number;
  h: CollectiveHistory;
  status: VerdictStatus;
  because: Array<[string, CheckStatus]>;
}

function expectVerdict(v: Verdict, status: VerdictStatus, because: Array<[string, CheckStatus]>) {
  expect(
    v.status,
    allChecks(v.checks)
      .map((c) => `${c.id}: ${c.status} — ${c.detail}`)
      .join('\n'),
  ).toBe(status);
  for (const [id, s] of because) expect(checkOf(v, id).status, `check ${id}`).toBe(s);
}

const run = (code: AwardCode) => (r: Row) =>
  expectVerdict(evaluate(UNIT, r.h, r.pack, { year: r.year }, code), r.status, r.because);

/** A unit rated `rating` in `year` with the given members. */
const unitYear = (
  year: number,
  rating: Rating,
  list: ReturnType<typeof members>,
  more: Partial<CollectiveHistory> = {},
) => collectiveHistory({ evaluations: [{ year, rating }], members: { [year]: list }, ...more });

const PACKS = [
  { pack: V2017, y: 2020, art: 'Luật TĐKT 2003' },
  { pack: V2024, y: 2024, art: 'Luật TĐKT 2022' },
  { pack: V2025, y: 2025, art: 'Luật TĐKT 2022 (V2025)' },
] as const;

// ------------------------------------------------------------------------------------- Tập thể LĐTT

const ttldttRows: Row[] = [
  // V2017: more than 50% (Luật TĐKT 2003 art. 28(1)(c)): exactly 50% fails.
  {
    name: 'Luật TĐKT 2003 Điều 28 điểm c — Tập thể LĐTT: 51 of 100 members LĐTT (51%) → eligible',
    pack: V2017,
    year: 2020,
    h: unitYear(2020, 'HTTNV', members(100, 51)),
    status: 'eligible',
    because: [
      ['unit_rating', 'met'],
      ['movement', 'met'],
      ['members_ldtt', 'met'],
      ['member_discipline', 'met'],
    ],
  },
  {
    name: 'Luật TĐKT 2003 Điều 28 điểm c — Tập thể LĐTT: 50 of 100 members LĐTT (exactly 50%) → ineligible',
    pack: V2017,
    year: 2020,
    h: unitYear(2020, 'HTTNV', members(100, 50)),
    status: 'ineligible',
    because: [['members_ldtt', 'unmet']],
  },
  {
    name: 'Luật TĐKT 2003 Điều 28 điểm c — Tập thể LĐTT: 1 of 2 members (50%) → ineligible',
    pack: V2017,
    year: 2020,
    h: unitYear(2020, 'HTTNV', members(2, 1)),
    status: 'ineligible',
    because: [['members_ldtt', 'unmet']],
  },
  {
    name: 'Luật TĐKT 2003 Điều 28 điểm c — Tập thể LĐTT: 6 of 10 listed, but 12 declared members (50%) → ineligible',
    pack: V2017,
    year: 2020,
    h: collectiveHistory({
      evaluations: [{ year: 2020, rating: 'HTTNV', memberCount: 12 }],
      members: { 2020: members(10, 6) },
    }),
    status: 'ineligible',
    because: [['members_ldtt', 'unmet']],
  },
  {
    name: 'Luật TĐKT 2003 Điều 28 điểm c — Tập thể LĐTT: 7 of 10 listed, 12 declared (58,3%) → eligible',
    pack: V2017,
    year: 2020,
    h: collectiveHistory({
      evaluations: [{ year: 2020, rating: 'HTTNV', memberCount: 12 }],
      members: { 2020: members(10, 7) },
    }),
    status: 'eligible',
    because: [['members_ldtt', 'met']],
  },
  // V2024/V2025: at least 70% (Luật TĐKT 2022 art. 28, unverified: docs/law-sources.md 6g).
  ...([V2024, V2025] as const).flatMap((pack): Row[] => {
    const y = pack === V2024 ? 2024 : 2025;
    return [
      {
        name: `Luật TĐKT 2022 Điều 28 (${pack.id}) — Tập thể LĐTT: 70 of 100 members LĐTT → eligible`,
        pack,
        year: y,
        h: unitYear(y, 'HTTNV', members(100, 70)),
        status: 'eligible',
        because: [['members_ldtt', 'met']],
      },
      {
        name: `Luật TĐKT 2022 Điều 28 (${pack.id}) — Tập thể LĐTT: 69 of 100 members LĐTT → ineligible`,
        pack,
        year: y,
        h: unitYear(y, 'HTTNV', members(100, 69)),
        status: 'ineligible',
        because: [['members_ldtt', 'unmet']],
      },
      {
        name: `Luật TĐKT 2022 Điều 28 (${pack.id}) — Tập thể LĐTT: 60 of 100 (enough under V2017) → ineligible`,
        pack,
        year: y,
        h: unitYear(y, 'HTTNV', members(100, 60)),
        status: 'ineligible',
        because: [['members_ldtt', 'unmet']],
      },
    ];
  }),
  ...PACKS.flatMap(({ pack, y, art }): Row[] => [
    {
      name: `${art} Điều 28 — Tập thể LĐTT: a member at cảnh cáo → ineligible`,
      pack,
      year: y,
      h: unitYear(y, 'HTTNV', members(10, 9, { 0: { disciplineLevel: 'canh_cao' } })),
      status: 'ineligible',
      because: [['member_discipline', 'unmet']],
    },
    {
      name: `${art} Điều 28 — Tập thể LĐTT: a member at hạ bậc lương → ineligible`,
      pack,
      year: y,
      h: unitYear(y, 'HTTNV', members(10, 9, { 9: { disciplineLevel: 'ha_bac_luong' } })),
      status: 'ineligible',
      because: [['member_discipline', 'unmet']],
    },
    {
      name: `${art} Điều 28 — Tập thể LĐTT: a member at khiển trách does not block → eligible`,
      pack,
      year: y,
      h: unitYear(y, 'HTTNV', members(10, 9, { 9: { disciplineLevel: 'khien_trach' } })),
      status: 'eligible',
      because: [['member_discipline', 'met']],
    },
    {
      name: `${art} Điều 28 — Tập thể LĐTT: the unit only HTNV → ineligible`,
      pack,
      year: y,
      h: unitYear(y, 'HTNV', members(10, 9)),
      status: 'ineligible',
      because: [['unit_rating', 'unmet']],
    },
    {
      name: `${art} Điều 28 — Tập thể LĐTT: no member list for the year → needs_review`,
      pack,
      year: y,
      h: unitYear(y, 'HTTNV', []),
      status: 'needs_review',
      because: [['members_ldtt', 'unknown']],
    },
    {
      name: `${art} Điều 28 — Tập thể LĐTT: no unit rating for the year → needs_review`,
      pack,
      year: y,
      h: collectiveHistory({ members: { [y]: members(10, 9) } }),
      status: 'needs_review',
      because: [
        ['unit_rating', 'unknown'],
        ['members_ldtt', 'met'],
      ],
    },
  ]),
];

describe('Tập thể lao động tiên tiến', () => {
  test.each(ttldttRows)('$name', run('TTLDTT'));

  test('the share is shown in Vietnamese with the head count', () => {
    const v = evaluate(UNIT, unitYear(2020, 'HTTNV', members(100, 50)), V2017, { year: 2020 }, 'TTLDTT');
    expect(checkOf(v, 'members_ldtt').detail).toBe('50/100 thành viên Lao động tiên tiến = 50%');
    expect(checkOf(v, 'members_ldtt').citation).toMatchObject({ article: 'Điều 28', point: 'điểm c' });
  });
});

// ------------------------------------------------------------------------------------- Tập thể LĐXS

/** 10 members: all HTTNV or better, 7 LĐTT, one of them CSTĐCS. */
const ldxsMembers = (extra: Parameters<typeof members>[2] = {}) =>
  members(10, 7, { 0: { rating: 'HTXSNV', titles: ['LDTT', 'CSTDCS'] }, ...extra });

const ttldxsRows: Row[] = PACKS.flatMap(({ pack, y, art }): Row[] => [
  {
    name: `${art} Điều 27 — Tập thể LĐXS: HTXSNV, 100% complete, 70% LĐTT, 1 CSTĐCS → eligible`,
    pack,
    year: y,
    h: unitYear(y, 'HTXSNV', ldxsMembers()),
    status: 'eligible',
    because: [
      ['unit_rating', 'met'],
      ['members_done', 'met'],
      ['members_ldtt', 'met'],
      ['members_cstdcs', 'met'],
      ['member_discipline', 'met'],
    ],
  },
  {
    name: `${art} Điều 27 — Tập thể LĐXS: the unit only HTTNV → ineligible`,
    pack,
    year: y,
    h: unitYear(y, 'HTTNV', ldxsMembers()),
    status: 'ineligible',
    because: [['unit_rating', 'unmet']],
  },
  {
    name: `${art} Điều 27 — Tập thể LĐXS: one member KHTNV (90% complete) → ineligible`,
    pack,
    year: y,
    h: unitYear(y, 'HTXSNV', ldxsMembers({ 9: { rating: 'KHTNV' } })),
    status: 'ineligible',
    because: [['members_done', 'unmet']],
  },
  {
    name: `${art} Điều 27 — Tập thể LĐXS: a member without a rating counts as not complete → ineligible`,
    pack,
    year: y,
    h: unitYear(y, 'HTXSNV', ldxsMembers({ 9: { rating: null } })),
    status: 'ineligible',
    because: [['members_done', 'unmet']],
  },
  {
    name: `${art} Điều 27 — Tập thể LĐXS: 6 of 10 LĐTT → ineligible`,
    pack,
    year: y,
    h: unitYear(y, 'HTXSNV', ldxsMembers({ 6: { rating: 'HTNV', titles: [] } })),
    status: 'ineligible',
    because: [['members_ldtt', 'unmet']],
  },
  {
    name: `${art} Điều 27 — Tập thể LĐXS: no member CSTĐCS → ineligible`,
    pack,
    year: y,
    h: unitYear(y, 'HTXSNV', members(10, 8)),
    status: 'ineligible',
    because: [['members_cstdcs', 'unmet']],
  },
  {
    name: `${art} Điều 27 — Tập thể LĐXS: a member at cảnh cáo → ineligible`,
    pack,
    year: y,
    h: unitYear(y, 'HTXSNV', ldxsMembers({ 8: { disciplineLevel: 'canh_cao' } })),
    status: 'ineligible',
    because: [['member_discipline', 'unmet']],
  },
]);

describe('Tập thể lao động xuất sắc', () => {
  test.each(ttldxsRows)('$name', run('TTLDXS'));
});

// ----------------------------------------------------------------------------- Cờ thi đua, Cờ Chính phủ

const flagRows: Row[] = PACKS.flatMap(({ pack, y, art }): Row[] => [
  {
    name: `${art} Điều 26 — Cờ thi đua tỉnh: HTXSNV, leading its block (rank 1) → eligible`,
    pack,
    year: y,
    h: unitYear(y, 'HTXSNV', ldxsMembers(), { blockRanks: { [y]: 1 } }),
    status: 'eligible',
    because: [
      ['block_lead', 'met'],
      ['model', 'met'],
    ],
  },
  {
    name: `${art} Điều 26 — Cờ thi đua tỉnh: ranked 2nd in its block → ineligible`,
    pack,
    year: y,
    h: unitYear(y, 'HTXSNV', ldxsMembers(), { blockRanks: { [y]: 2 } }),
    status: 'ineligible',
    because: [['block_lead', 'unmet']],
  },
  {
    name: `${art} Điều 26 — Cờ thi đua tỉnh: the block has not ranked yet → needs_review`,
    pack,
    year: y,
    h: unitYear(y, 'HTXSNV', ldxsMembers(), { blockRanks: { [y - 1]: 1 } }),
    status: 'needs_review',
    because: [
      ['block_lead', 'unknown'],
      ['model', 'unknown'],
    ],
  },
  {
    name: `${art} Điều 26 — Cờ thi đua tỉnh: rank 1 but the unit only HTTNV → ineligible`,
    pack,
    year: y,
    h: unitYear(y, 'HTTNV', ldxsMembers(), { blockRanks: { [y]: 1 } }),
    status: 'ineligible',
    because: [['unit_rating', 'unmet']],
  },
]);

describe('Cờ thi đua cấp tỉnh and Cờ thi đua của Chính phủ', () => {
  test.each(flagRows)('$name', run('CO_TINH'));

  test.each(PACKS)(
    '$art — Cờ Chính phủ: a flag holder still needs the council’s judgement → needs_review',
    ({ pack, y }) => {
      const v = evaluate(
        UNIT,
        unitYear(y, 'HTXSNV', ldxsMembers(), { blockRanks: { [y]: 1 } }),
        pack,
        { year: y },
        'CO_CHINHPHU',
      );
      expectVerdict(v, 'needs_review', [
        ['has_CO_TINH', 'met'],
        ['national_model', 'unknown'],
      ]);
    },
  );

  test.each(PACKS)('$art — Cờ Chính phủ: no provincial flag this year → ineligible', ({ pack, y }) => {
    const v = evaluate(
      UNIT,
      unitYear(y, 'HTXSNV', ldxsMembers(), { blockRanks: { [y]: 3 } }),
      pack,
      { year: y },
      'CO_CHINHPHU',
    );
    expectVerdict(v, 'ineligible', [['has_CO_TINH', 'unmet']]);
  });
});

// -------------------------------------------------------------------------- Bằng khen tỉnh (tập thể)

const twoYears = (y: number, first: Rating, second: Rating, more: Partial<CollectiveHistory> = {}) =>
  collectiveHistory({
    evaluations: [
      { year: y - 1, rating: first },
      { year: y, rating: second },
    ],
    members: { [y]: members(10, 8) },
    ...more,
  });

const bkTinhRows: Row[] = [
  ...PACKS.flatMap(({ pack, y }): Row[] => {
    const art = pack === V2017 ? 'NĐ 91/2017 Điều 39 khoản 2' : `Luật TĐKT 2022 Điều 74 khoản 2 (${pack.id})`;
    return [
      {
        name: `${art} — BK tỉnh (tập thể): HTXSNV ${y - 1} and ${y} → eligible`,
        pack,
        year: y,
        h: twoYears(y, 'HTXSNV', 'HTXSNV'),
        status: 'eligible',
        because: [['excellent_two_years', 'met']],
      },
      {
        name: `${art} — BK tỉnh (tập thể): HTTNV ${y - 1}, HTXSNV ${y} → ineligible`,
        pack,
        year: y,
        h: twoYears(y, 'HTTNV', 'HTXSNV'),
        status: 'ineligible',
        because: [['excellent_two_years', 'unmet']],
      },
      {
        name: `${art} — BK tỉnh (tập thể): BK tỉnh already in ${y - 1} → only ${y} counts, ineligible`,
        pack,
        year: y,
        h: twoYears(y, 'HTXSNV', 'HTXSNV', { awards: [award('BK_TINH', y - 1)] }),
        status: 'ineligible',
        because: [['excellent_two_years', 'unmet']],
      },
      {
        name: `${art} — BK tỉnh (tập thể): a member at cảnh cáo → ineligible`,
        pack,
        year: y,
        h: twoYears(y, 'HTXSNV', 'HTXSNV', {
          members: { [y]: members(10, 8, { 2: { disciplineLevel: 'canh_cao' } }) },
        }),
        status: 'ineligible',
        because: [['member_discipline', 'unmet']],
      },
    ];
  }),
  ...([V2024, V2025] as const).map((pack): Row => {
    const y = pack === V2024 ? 2024 : 2025;
    return {
      name: `Luật TĐKT 2022 Điều 74 khoản 2 (${pack.id}) — BK tỉnh (tập thể): Tập thể LĐXS ${y - 1} and ${y} (HTTNV ${y - 1} on record) → eligible`,
      pack,
      year: y,
      h: twoYears(y, 'HTTNV', 'HTXSNV', { awards: awards('TTLDXS', [y - 1, y]) }),
      status: 'eligible',
      because: [
        ['excellent_two_years', 'unmet'],
        ['ttldxs_two', 'met'],
      ],
    };
  }),
];

describe('Bằng khen tỉnh — tập thể', () => {
  test.each(bkTinhRows)('$name', run('BK_TINH'));
});

// -------------------------------------------------------------------- Giấy khen: tập thể, hộ gia đình

describe('Giấy khen — tập thể and hộ gia đình', () => {
  test.each(PACKS)('$art — Giấy khen (tập thể): HTTNV → eligible; HTNV → ineligible', ({ pack, y }) => {
    expectVerdict(
      evaluate(UNIT, unitYear(y, 'HTTNV', members(5, 3)), pack, { year: y }, 'GIAY_KHEN'),
      'eligible',
      [['unit_rating', 'met']],
    );
    expectVerdict(
      evaluate(UNIT, unitYear(y, 'HTNV', members(5, 3)), pack, { year: y }, 'GIAY_KHEN'),
      'ineligible',
      [['unit_rating', 'unmet']],
    );
  });

  test.each(PACKS)(
    '$art — Giấy khen (hộ gia đình): contribution is a judgement → needs_review',
    ({ pack, y }) => {
      const v = evaluate(HOUSEHOLD, {}, pack, { year: y }, 'GIAY_KHEN');
      expectVerdict(v, 'needs_review', [['contribution', 'unknown']]);
      expect(v.checks).toHaveLength(1);
      expect(checkOf(v, 'contribution').detail).toBe('Cần người có thẩm quyền xem xét, đánh giá');
    },
  );

  test('a household has no rule for Bằng khen tỉnh in the national packs: the evaluator says so', () => {
    expect(() => evaluate(HOUSEHOLD, {}, V2024, { year: 2024 }, 'BK_TINH')).toThrow(/no rule for BK_TINH/);
  });
});

// ------------------------------------------------------------------ Members' titles through the sweep

describe('Members’ results computed through sweep (individuals first, then collectives)', () => {
  const person = (id: string, h: ReturnType<typeof history>): SweepPerson => ({
    subject: { kind: 'individual', id },
    history: h,
  });
  const unit = (
    memberIds: string[],
    rating: Rating,
    year: number,
    more: Partial<CollectiveHistory> = {},
  ): SweepCollective => ({
    subject: UNIT,
    history: { evaluations: [{ year, rating }], awards: [], ...more },
    memberIds,
  });
  const ids = (n: number) => Array.from({ length: n }, (_, i) => `p${i + 1}`);
  const verdictOf = (vs: Verdict[], code: AwardCode) =>
    vs.find((v) => v.subject.kind === 'collective' && v.awardCode === code)!;

  /** `good` people HTTNV (LĐTT eligible, not yet awarded), the rest HTNV. */
  function people(
    year: number,
    n: number,
    good: number,
    extra: Record<number, Partial<ReturnType<typeof history>>> = {},
  ) {
    return ids(n).map((id, i) =>
      person(id, history({ evaluations: [rated(year, i < good ? 'HTTNV' : 'HTNV')], ...extra[i] })),
    );
  }

  test('V2024: 7 of 10 members found LĐTT-eligible (none awarded yet) make the unit Tập thể LĐTT', () => {
    const r = sweep({
      year: 2024,
      pack: V2024,
      people: people(2024, 10, 7),
      collectives: [unit(ids(10), 'HTTNV', 2024)],
    });
    const v = verdictOf(r.verdicts, 'TTLDTT');
    expectVerdict(v, 'eligible', [['members_ldtt', 'met']]);
    expect(checkOf(v, 'members_ldtt').detail).toBe('7/10 thành viên Lao động tiên tiến = 70%');
    expect(r.members.get('p1')!.titles).toContain('LDTT');
    expect(r.members.get('p10')!.titles).not.toContain('LDTT');
  });

  test('V2024: 6 of 10 → ineligible', () => {
    const r = sweep({
      year: 2024,
      pack: V2024,
      people: people(2024, 10, 6),
      collectives: [unit(ids(10), 'HTTNV', 2024)],
    });
    expectVerdict(verdictOf(r.verdicts, 'TTLDTT'), 'ineligible', [['members_ldtt', 'unmet']]);
  });

  test('a recorded LĐTT award counts even without this year’s computation succeeding', () => {
    const ps = people(2024, 10, 6);
    ps[9] = person('p10', history({ evaluations: [rated(2024, 'HTNV')], awards: [award('LDTT', 2024)] }));
    const r = sweep({ year: 2024, pack: V2024, people: ps, collectives: [unit(ids(10), 'HTTNV', 2024)] });
    expect(r.members.get('p10')!.titles).toContain('LDTT');
    expectVerdict(verdictOf(r.verdicts, 'TTLDTT'), 'eligible', [['members_ldtt', 'met']]);
  });

  test('a member’s discipline comes from their own history: cảnh cáo blocks, khiển trách does not', () => {
    const warned = people(2024, 10, 9, { 9: { disciplines: [discipline('canh_cao', '2024-04-01')] } });
    const r1 = sweep({
      year: 2024,
      pack: V2024,
      people: warned,
      collectives: [unit(ids(10), 'HTTNV', 2024)],
    });
    expectVerdict(verdictOf(r1.verdicts, 'TTLDTT'), 'ineligible', [['member_discipline', 'unmet']]);
    const reprimanded = people(2024, 10, 9, {
      9: { disciplines: [discipline('khien_trach', '2024-04-01')] },
    });
    const r2 = sweep({
      year: 2024,
      pack: V2024,
      people: reprimanded,
      collectives: [unit(ids(10), 'HTTNV', 2024)],
    });
    expectVerdict(verdictOf(r2.verdicts, 'TTLDTT'), 'eligible', [['member_discipline', 'met']]);
  });

  test('Tập thể LĐXS from members: a member found CSTĐCS-eligible (HTXSNV, V2024) supplies the CSTĐCS', () => {
    const ps = people(2024, 10, 10);
    ps[0] = person('p1', history({ evaluations: [rated(2024, 'HTXSNV')] }));
    const r = sweep({ year: 2024, pack: V2024, people: ps, collectives: [unit(ids(10), 'HTXSNV', 2024)] });
    expect(r.members.get('p1')!.titles).toEqual(expect.arrayContaining(['LDTT', 'CSTDCS']));
    expectVerdict(verdictOf(r.verdicts, 'TTLDXS'), 'eligible', [['members_cstdcs', 'met']]);
  });

  // Pending reviews: V2017, a member on a 1-year course whose grade has not come in has LĐTT pending
  // (NĐ 91/2017 art. 10(3)). It makes the unit's verdict needs_review only if it could tip the share.
  const pendingGrade = { trainings: [training('2019-09-01', '2020-08-31', true)] };
  test.each([
    [
      '5 LĐTT + 1 pending of 10: 50%–60% straddles "more than 50%" → needs_review',
      5,
      'needs_review',
      'unknown',
    ],
    ['6 LĐTT + 1 pending of 10: 60% already → eligible', 6, 'eligible', 'met'],
    ['4 LĐTT + 1 pending of 10: at most 50% → ineligible', 4, 'ineligible', 'unmet'],
  ] as const)('Luật TĐKT 2003 Điều 28 — %s', (_n, good, status, check) => {
    const ps = people(2020, 10, good + 1, { [good]: pendingGrade });
    const r = sweep({ year: 2020, pack: V2017, people: ps, collectives: [unit(ids(10), 'HTTNV', 2020)] });
    expect(r.members.get(`p${good + 1}`)!.pendingTitles).toContain('LDTT');
    const v = verdictOf(r.verdicts, 'TTLDTT');
    expectVerdict(v, status, [['members_ldtt', check]]);
    expect(checkOf(v, 'members_ldtt').detail).toContain('(thêm 1 người đang cần xem xét)');
  });

  test('people not among the unit’s members do not count, and missing member ids are skipped', () => {
    const r = sweep({
      year: 2024,
      pack: V2024,
      people: people(2024, 4, 4),
      collectives: [unit(['p1', 'p2', 'ghost'], 'HTTNV', 2024)],
    });
    expect(checkOf(verdictOf(r.verdicts, 'TTLDTT'), 'members_ldtt').detail).toBe(
      '2/2 thành viên Lao động tiên tiến = 100%',
    );
  });
});

// --------------------------------------------------------------------------- Chains of a merged unit

describe('Chains of a merged unit', () => {
  // The server merges the lineage (mergeLineage below picks the records) and passes the successor one
  // history holding its predecessors' records from before the succession.
  test('Luật TĐKT 2022 Điều 74 khoản 2 — successor (from 2025-07-01) with the predecessor’s HTXSNV 2024 → BK tỉnh 2025 eligible', () => {
    const merged = collectiveHistory({
      evaluations: [
        { year: 2024, rating: 'HTXSNV' }, // the predecessor's
        { year: 2025, rating: 'HTXSNV' }, // the successor's
      ],
      members: { 2025: members(10, 8) },
    });
    expectVerdict(evaluate(UNIT, merged, V2025, { year: 2025 }, 'BK_TINH'), 'eligible', [
      ['excellent_two_years', 'met'],
    ]);
    const alone = { ...merged, evaluations: [{ year: 2025, rating: 'HTXSNV' as const }] };
    expectVerdict(evaluate(UNIT, alone, V2025, { year: 2025 }, 'BK_TINH'), 'ineligible', [
      ['excellent_two_years', 'unmet'],
    ]);
  });

  test('the predecessor’s BK tỉnh of 2024 also closes the successor’s window (one achievement, one form)', () => {
    const merged = collectiveHistory({
      evaluations: [
        { year: 2023, rating: 'HTXSNV' },
        { year: 2024, rating: 'HTXSNV' },
        { year: 2025, rating: 'HTXSNV' },
      ],
      awards: [award('BK_TINH', 2024)],
      members: { 2025: members(10, 8) },
    });
    expectVerdict(evaluate(UNIT, merged, V2025, { year: 2025 }, 'BK_TINH'), 'ineligible', [
      ['excellent_two_years', 'unmet'],
    ]);
  });
});

describe('mergeLineage — which units’ records count for a successor', () => {
  // The demo's 2025 reorganisation: BL-SNN and BL-STNMT → BL-SNNMT (2025-03-01) → CM-SNNMT (2025-07-01).
  const S: Succession[] = [
    { predecessorId: 'BL-SNN', successorId: 'BL-SNNMT', effectiveDate: '2025-03-01' },
    { predecessorId: 'BL-STNMT', successorId: 'BL-SNNMT', effectiveDate: '2025-03-01' },
    { predecessorId: 'BL-SNNMT', successorId: 'CM-SNNMT', effectiveDate: '2025-07-01' },
    { predecessorId: 'BL-UBND', successorId: 'CM-UBND', effectiveDate: '2025-07-01' },
  ];

  test('the unit and all predecessors transitively, each with the earliest date on its path', () => {
    expect(Object.fromEntries(mergeLineage(S, 'CM-SNNMT'))).toEqual({
      'CM-SNNMT': null,
      'BL-SNNMT': '2025-07-01',
      'BL-SNN': '2025-03-01',
      'BL-STNMT': '2025-03-01',
    });
  });

  test('a unit without predecessors is its own lineage; other branches are not reached', () => {
    expect(Object.fromEntries(mergeLineage(S, 'CM-UBND'))).toEqual({
      'CM-UBND': null,
      'BL-UBND': '2025-07-01',
    });
    expect(Object.fromEntries(mergeLineage(S, 'BL-SNN'))).toEqual({ 'BL-SNN': null });
    expect(Object.fromEntries(mergeLineage([], 'X'))).toEqual({ X: null });
  });

  test('predecessors’ records count only before the succession date; the unit’s own always', () => {
    const l = mergeLineage(S, 'CM-SNNMT');
    expect(countsOn(l, 'BL-SNN', '2025-02-28')).toBe(true);
    expect(countsOn(l, 'BL-SNN', '2025-03-01')).toBe(false);
    expect(countsOn(l, 'BL-SNNMT', '2025-06-30')).toBe(true);
    expect(countsOn(l, 'BL-SNNMT', '2025-07-01')).toBe(false);
    expect(countsOn(l, 'CM-SNNMT', '2030-01-01')).toBe(true);
    expect(countsOn(l, 'BL-UBND', '2020-01-01')).toBe(false);
    // Yearly records: the year began before the succession.
    expect(countsForYear(l, 'BL-SNN', 2024)).toBe(true);
    expect(countsForYear(l, 'BL-SNN', 2025)).toBe(true);
    expect(countsForYear(l, 'BL-SNN', 2026)).toBe(false);
  });

  test('a predecessor reached by two paths keeps the later date (the wider window)', () => {
    const diamond: Succession[] = [
      { predecessorId: 'A', successorId: 'B', effectiveDate: '2022-01-01' },
      { predecessorId: 'A', successorId: 'C', effectiveDate: '2024-01-01' },
      { predecessorId: 'B', successorId: 'D', effectiveDate: '2023-01-01' },
      { predecessorId: 'C', successorId: 'D', effectiveDate: '2025-01-01' },
    ];
    const expected = { D: null, B: '2023-01-01', C: '2025-01-01', A: '2024-01-01' };
    expect(Object.fromEntries(mergeLineage(diamond, 'D'))).toEqual(expected);
    expect(Object.fromEntries(mergeLineage([...diamond].reverse(), 'D'))).toEqual(expected);
  });

  test('cycles in bad data end, and the unit itself stays unrestricted', () => {
    const cycle: Succession[] = [
      { predecessorId: 'A', successorId: 'B', effectiveDate: '2021-01-01' },
      { predecessorId: 'B', successorId: 'A', effectiveDate: '2022-01-01' },
    ];
    expect(Object.fromEntries(mergeLineage(cycle, 'B'))).toEqual({ B: null, A: '2021-01-01' });
  });

  test('merged records feed the evaluator: the BK tỉnh chain of CM-SNNMT in 2025', () => {
    const l = mergeLineage(S, 'CM-SNNMT');
    const rows = [
      { u: 'BL-SNN', year: 2024, rating: 'HTXSNV' as const },
      { u: 'BL-UBND', year: 2024, rating: 'HTTNV' as const }, // another lineage: ignored
      { u: 'CM-SNNMT', year: 2025, rating: 'HTXSNV' as const },
    ];
    const h = collectiveHistory({
      evaluations: rows
        .filter((r) => countsForYear(l, r.u, r.year))
        .map(({ year, rating }) => ({ year, rating })),
      members: { 2025: members(10, 8) },
    });
    expect(h.evaluations).toHaveLength(2);
    expectVerdict(evaluate(UNIT, h, V2025, { year: 2025 }, 'BK_TINH'), 'eligible', [
      ['excellent_two_years', 'met'],
    ]);
  });
});

test('member() defaults: HTTNV, no title, no discipline', () => {
  expect(member('x')).toEqual({ personId: 'x', rating: 'HTTNV', titles: [], disciplineLevel: null });
});
