/**
 * Individual titles and forms, every national pack: each rule with a passing case and failing neighbours,
 * named after the article it exercises. Histories are written by hand (test-fixtures.ts); the years are
 * those of each pack's period (V2017: 2020, V2024: 2024, V2025: 2025) unless a case says otherwise.
 */
import { describe, expect, test } from 'vitest';
import type { AwardCode } from '../../shared/registry/catalog';
import { layerPacks } from '../rules/layering';
import { absenceBelow, cite } from '../rules/packs/common';
import { packForYear, V2017, V2024, V2025 } from '../rules/packs';
import type { LocalPack, RulePack } from '../rules/types';
import { evaluate, evaluateAll } from './evaluate';
import {
  allChecks,
  award,
  awards,
  checkOf,
  discipline,
  history,
  initiative,
  leave,
  PERSON,
  rated,
  ratedYears,
  ratings,
  training,
} from './test-fixtures';
import type { CheckStatus, PersonHistory, Verdict, VerdictStatus } from './types';

interface Row {
  name: string;
  pack: RulePack;
  year: number;
  h: PersonHistory;
  status: VerdictStatus;
  /** Checks that decide the case, with the status each must have. */
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
  expectVerdict(evaluate(PERSON, r.h, r.pack, { year: r.year }, code), r.status, r.because);

/** Each national pack with the year it judges and the article names of its instruments. */
const PACKS = [
  {
    pack: V2017,
    y: 2020,
    ldtt: 'Luật TĐKT 2003 Điều 24, NĐ 91/2017 Điều 10',
    cstdcs: 'Luật TĐKT 2003 Điều 23',
    tinh: 'Luật TĐKT 2003 Điều 22',
    toanquoc: 'Luật TĐKT 2003 Điều 21',
    giaykhen: 'NĐ 91/2017 Điều 40',
  },
  {
    pack: V2024,
    y: 2024,
    ldtt: 'Luật TĐKT 2022 Điều 24, TT 01/2024',
    cstdcs: 'Luật TĐKT 2022 Điều 23',
    tinh: 'Luật TĐKT 2022 Điều 22',
    toanquoc: 'Luật TĐKT 2022 Điều 21',
    giaykhen: 'Luật TĐKT 2022 Điều 75',
  },
  {
    pack: V2025,
    y: 2025,
    ldtt: 'Luật TĐKT 2022 Điều 24, TT 15/2025 (V2025)',
    cstdcs: 'Luật TĐKT 2022 Điều 23 (V2025)',
    tinh: 'Luật TĐKT 2022 Điều 22 (V2025)',
    toanquoc: 'Luật TĐKT 2022 Điều 21 (V2025)',
    giaykhen: 'Luật TĐKT 2022 Điều 75 (V2025)',
  },
] as const;

describe('Rule version by achievement period (law.md "Rule versions")', () => {
  test.each([
    [2018, 'V2017'],
    [2020, 'V2017'],
    [2023, 'V2017'],
    [2024, 'V2024'],
    [2025, 'V2025'],
    [2026, 'V2025'],
  ])('packForYear(%i) → %s', (year, id) => {
    expect(packForYear(year).id).toBe(id);
  });

  test('a pack judges only under its own id', () => {
    const v = evaluate(
      PERSON,
      history({ evaluations: [rated(2020, 'HTTNV')] }),
      V2017,
      { year: 2020 },
      'LDTT',
    );
    expect(v.packId).toBe('V2017');
    expect(v.year).toBe(2020);
  });
});

// ---------------------------------------------------------------------------------------------- LĐTT

const ldttRows: Row[] = PACKS.flatMap(({ pack, y, ldtt }) => [
  {
    name: `${ldtt} — LĐTT: HTTNV, đủ 12 tháng → eligible`,
    pack,
    year: y,
    h: history({ evaluations: [rated(y, 'HTTNV', { employmentStartDate: `${y - 3}-09-01` })] }),
    status: 'eligible',
    because: [
      ['rating', 'met'],
      ['conduct', 'met'],
      ['new_hire', 'met'],
      ['training', 'met'],
      ['discipline', 'met'],
    ],
  },
  {
    name: `${ldtt} — LĐTT: HTXSNV → eligible`,
    pack,
    year: y,
    h: history({ evaluations: [rated(y, 'HTXSNV')] }),
    status: 'eligible',
    because: [['rating', 'met']],
  },
  {
    name: `${ldtt} — LĐTT: only HTNV → ineligible`,
    pack,
    year: y,
    h: history({ evaluations: [rated(y, 'HTNV')] }),
    status: 'ineligible',
    because: [['rating', 'unmet']],
  },
  {
    name: `${ldtt} — LĐTT: KHTNV → ineligible`,
    pack,
    year: y,
    h: history({ evaluations: [rated(y, 'KHTNV')] }),
    status: 'ineligible',
    because: [['rating', 'unmet']],
  },
  {
    name: `${ldtt} — LĐTT: no rating for the year (only the previous one) → needs_review`,
    pack,
    year: y,
    h: history({ evaluations: [rated(y - 1, 'HTXSNV')] }),
    status: 'needs_review',
    because: [
      ['rating', 'unknown'],
      ['new_hire', 'unknown'],
    ],
  },
  {
    name: `${ldtt} — LĐTT: khiển trách decided in the year → ineligible`,
    pack,
    year: y,
    h: history({
      evaluations: [rated(y, 'HTTNV')],
      disciplines: [discipline('khien_trach', `${y}-05-10`, `${y + 1}-05-09`)],
    }),
    status: 'ineligible',
    because: [['discipline', 'unmet']],
  },
  {
    name: `${ldtt} — LĐTT: cảnh cáo in the year → ineligible`,
    pack,
    year: y,
    h: history({
      evaluations: [rated(y, 'HTXSNV')],
      disciplines: [discipline('canh_cao', `${y}-11-20`, `${y + 1}-11-19`)],
    }),
    status: 'ineligible',
    because: [['discipline', 'unmet']],
  },
  {
    name: `${ldtt} — LĐTT: discipline that ended in the previous year → eligible`,
    pack,
    year: y,
    h: history({
      evaluations: [rated(y, 'HTTNV')],
      disciplines: [discipline('khien_trach', `${y - 1}-01-02`, `${y - 1}-12-31`)],
    }),
    status: 'eligible',
    because: [['discipline', 'met']],
  },
  {
    name: `${ldtt} — LĐTT: open-ended khiển trách from ${y - 1}-06-01 lasts 12 months, into ${y} → ineligible`,
    pack,
    year: y,
    h: history({
      evaluations: [rated(y, 'HTTNV')],
      disciplines: [discipline('khien_trach', `${y - 1}-06-01`)],
    }),
    status: 'ineligible',
    because: [['discipline', 'unmet']],
  },
  {
    name: `${ldtt} — LĐTT: open-ended khiển trách from ${y - 2}-06-01 is over by ${y} → eligible`,
    pack,
    year: y,
    h: history({
      evaluations: [rated(y, 'HTTNV')],
      disciplines: [discipline('khien_trach', `${y - 2}-06-01`, null)],
    }),
    status: 'eligible',
    because: [['discipline', 'met']],
  },
  {
    name: `${ldtt} — LĐTT: open-ended giáng chức from ${y - 2}-09-01 lasts 18 months, into ${y} → ineligible`,
    pack,
    year: y,
    h: history({
      evaluations: [rated(y, 'HTTNV')],
      disciplines: [discipline('giang_chuc', `${y - 2}-09-01`)],
    }),
    status: 'ineligible',
    because: [['discipline', 'unmet']],
  },
  {
    name: `${ldtt} — LĐTT: maternity leave of 6 months counts as working time → eligible`,
    pack,
    year: y,
    h: history({
      evaluations: [rated(y, 'HTTNV')],
      leaves: [leave('maternity', `${y}-02-01`, `${y}-07-31`)],
    }),
    status: 'eligible',
    because: [['rating', 'met']],
  },
  {
    name: `${ldtt} — LĐTT: training under 1 year, good conduct at the school → eligible`,
    pack,
    year: y,
    h: history({
      evaluations: [rated(y, 'HTTNV')],
      trainings: [training(`${y}-03-01`, `${y}-08-31`, true)],
    }),
    status: 'eligible',
    because: [['training', 'met']],
  },
  {
    name: `${ldtt} — LĐTT: training under 1 year without good conduct → ineligible`,
    pack,
    year: y,
    h: history({
      evaluations: [rated(y, 'HTTNV')],
      trainings: [training(`${y}-03-01`, `${y}-08-31`, false)],
    }),
    status: 'ineligible',
    because: [['training', 'unmet']],
  },
  {
    name: `${ldtt} — LĐTT: training of 11 months 30 days graded trung bình is "under 1 year" → eligible`,
    pack,
    year: y,
    h: history({
      evaluations: [rated(y, 'HTTNV')],
      trainings: [training(`${y - 1}-09-01`, `${y}-08-30`, true, 'trung_binh')],
    }),
    status: 'eligible',
    because: [['training', 'met']],
  },
]);

const ldttVersionRows: Row[] = [
  // V2017: new hires under 10 months are not considered (NĐ 91/2017 art. 10); months count by day share.
  {
    name: 'NĐ 91/2017 Điều 10 — LĐTT: hired 2020-03-01, 10 months in 2020 → eligible',
    pack: V2017,
    year: 2020,
    h: history({ evaluations: [rated(2020, 'HTTNV', { employmentStartDate: '2020-03-01' })] }),
    status: 'eligible',
    because: [['new_hire', 'met']],
  },
  {
    name: 'NĐ 91/2017 Điều 10 — LĐTT: hired 2020-03-02, 9.97 months in 2020 → ineligible',
    pack: V2017,
    year: 2020,
    h: history({ evaluations: [rated(2020, 'HTTNV', { employmentStartDate: '2020-03-02' })] }),
    status: 'ineligible',
    because: [['new_hire', 'unmet']],
  },
  {
    name: 'NĐ 91/2017 Điều 10 — LĐTT: hired 2020-06-01 (7 months) is under 10 → ineligible',
    pack: V2017,
    year: 2020,
    h: history({ evaluations: [rated(2020, 'HTTNV', { employmentStartDate: '2020-06-01' })] }),
    status: 'ineligible',
    because: [['new_hire', 'unmet']],
  },
  // V2024: under 6 months (TT 01/2024).
  {
    name: 'TT 01/2024 — LĐTT: hired 2024-06-01, 7 months → eligible',
    pack: V2024,
    year: 2024,
    h: history({ evaluations: [rated(2024, 'HTTNV', { employmentStartDate: '2024-06-01' })] }),
    status: 'eligible',
    because: [['new_hire', 'met']],
  },
  {
    name: 'TT 01/2024 — LĐTT: hired 2024-08-01, 5 months → ineligible',
    pack: V2024,
    year: 2024,
    h: history({ evaluations: [rated(2024, 'HTTNV', { employmentStartDate: '2024-08-01' })] }),
    status: 'ineligible',
    because: [['new_hire', 'unmet']],
  },
  {
    name: 'TT 01/2024 — LĐTT: hired 2024-07-01, exactly 6 months → eligible',
    pack: V2024,
    year: 2024,
    h: history({ evaluations: [rated(2024, 'HTTNV', { employmentStartDate: '2024-07-01' })] }),
    status: 'eligible',
    because: [['new_hire', 'met']],
  },
  {
    name: 'TT 01/2024 — LĐTT: hired 2024-07-02, just under 6 months → ineligible',
    pack: V2024,
    year: 2024,
    h: history({ evaluations: [rated(2024, 'HTTNV', { employmentStartDate: '2024-07-02' })] }),
    status: 'ineligible',
    because: [['new_hire', 'unmet']],
  },
  {
    name: 'TT 15/2025 (unverified, 6 months as TT 01/2024) — LĐTT: hired 2025-08-01, 5 months → ineligible',
    pack: V2025,
    year: 2025,
    h: history({ evaluations: [rated(2025, 'HTTNV', { employmentStartDate: '2025-08-01' })] }),
    status: 'ineligible',
    because: [['new_hire', 'unmet']],
  },
  {
    name: 'TT 15/2025 (unverified) — LĐTT: hired 2025-06-01, 7 months → eligible',
    pack: V2025,
    year: 2025,
    h: history({ evaluations: [rated(2025, 'HTTNV', { employmentStartDate: '2025-06-01' })] }),
    status: 'eligible',
    because: [['new_hire', 'met']],
  },
  // Training of 1 year or more: V2017 needs conduct and grade khá (NĐ 91/2017 art. 10(3)); V2024 counts the
  // time without a grade condition (TT 01/2024, docs/law-sources.md 7b).
  {
    name: 'NĐ 91/2017 Điều 10 khoản 3 — LĐTT: training ≥ 1 year graded trung bình → ineligible',
    pack: V2017,
    year: 2020,
    h: history({
      evaluations: [rated(2020, 'HTTNV')],
      trainings: [training('2019-09-01', '2020-08-31', true, 'trung_binh')],
    }),
    status: 'ineligible',
    because: [['training', 'unmet']],
  },
  {
    name: 'NĐ 91/2017 Điều 10 khoản 3 — LĐTT: training ≥ 1 year graded khá, good conduct → eligible',
    pack: V2017,
    year: 2020,
    h: history({
      evaluations: [rated(2020, 'HTTNV')],
      trainings: [training('2019-09-01', '2020-08-31', true, 'kha')],
    }),
    status: 'eligible',
    because: [['training', 'met']],
  },
  {
    name: 'NĐ 91/2017 Điều 10 khoản 3 — LĐTT: training ≥ 1 year graded khá but without good conduct → ineligible',
    pack: V2017,
    year: 2020,
    h: history({
      evaluations: [rated(2020, 'HTTNV')],
      trainings: [training('2019-09-01', '2020-08-31', false, 'gioi')],
    }),
    status: 'ineligible',
    because: [['training', 'unmet']],
  },
  {
    name: 'NĐ 91/2017 Điều 10 khoản 3 — LĐTT: training ≥ 1 year not yet graded → needs_review',
    pack: V2017,
    year: 2020,
    h: history({
      evaluations: [rated(2020, 'HTTNV')],
      trainings: [training('2019-09-01', '2020-08-31', true)],
    }),
    status: 'needs_review',
    because: [['training', 'unknown']],
  },
  {
    name: 'TT 01/2024 — LĐTT: training ≥ 1 year graded trung bình still counts → eligible',
    pack: V2024,
    year: 2024,
    h: history({
      evaluations: [rated(2024, 'HTTNV')],
      trainings: [training('2023-09-01', '2024-08-31', true, 'trung_binh')],
    }),
    status: 'eligible',
    because: [['training', 'met']],
  },
  {
    name: 'TT 15/2025 (unverified) — LĐTT: training ≥ 1 year graded trung bình still counts → eligible',
    pack: V2025,
    year: 2025,
    h: history({
      evaluations: [rated(2025, 'HTTNV')],
      trainings: [training('2024-09-01', '2025-08-31', true, 'trung_binh')],
    }),
    status: 'eligible',
    because: [['training', 'met']],
  },
];

describe('LĐTT — Lao động tiên tiến', () => {
  test.each([...ldttRows, ...ldttVersionRows])('$name', run('LDTT'));

  test('NĐ 91/2017 Điều 10 — the new-hire check shows the months, in Vietnamese', () => {
    const v = evaluate(
      PERSON,
      history({ evaluations: [rated(2020, 'HTTNV', { employmentStartDate: '2020-03-02' })] }),
      V2017,
      { year: 2020 },
      'LDTT',
    );
    expect(checkOf(v, 'new_hire').detail).toBe('Tuyển dụng từ 02/03/2020: 9,9 tháng trong năm 2020');
    expect(v.missing).toEqual(['Công tác từ 10 tháng trở lên trong năm (người mới tuyển dụng)']);
  });

  // The national packs set no leave limit (the 40-working-day rule was NĐ 65/2014 art. 5(6), dropped by
  // NĐ 91/2017: docs/law-sources.md 1b). A province may add one as a local criterion; maternity leave and
  // injury treatment still count as working time under it.
  const localLeaveLimit: LocalPack = {
    id: 'CM-2020',
    name: 'Quy định của tỉnh (ví dụ)',
    issuer: 'UBND tỉnh',
    effectiveFrom: '2020-01-01',
    criteria: [
      {
        awardCode: 'LDTT',
        recipientKind: 'individual',
        criterion: absenceBelow(40, cite('Quyết định của UBND tỉnh (ví dụ)', 'Điều 5', { verified: false })),
      },
    ],
    quotas: [],
    citation: cite('Quyết định của UBND tỉnh (ví dụ)', undefined, { verified: false }),
  };
  const withLimit = layerPacks(V2017, [localLeaveLimit], '2020-12-31');

  test.each([
    ['maternity leave of 6 months is working time → eligible', 'maternity', 'eligible', 'met'],
    [
      'injury treatment after a rescue, 6 months, is working time → eligible',
      'injury_rescue',
      'eligible',
      'met',
    ],
    ['sick leave of 6 months exceeds the local limit → ineligible', 'sick', 'ineligible', 'unmet'],
  ] as const)('local leave limit (40 working days) — %s', (_n, kind, status, check) => {
    const h = history({
      evaluations: [rated(2020, 'HTTNV')],
      leaves: [leave(kind, '2020-02-03', '2020-07-31')],
    });
    expectVerdict(evaluate(PERSON, h, withLimit, { year: 2020 }, 'LDTT'), status, [['absence', check]]);
  });
});

// -------------------------------------------------------------------------------------------- CSTĐCS

const goodYear = (y: number, rating: 'HTTNV' | 'HTXSNV' = 'HTTNV') => rated(y, rating);

const cstdcsRows: Row[] = [
  ...PACKS.flatMap(({ pack, y, cstdcs }): Row[] => [
    {
      name: `${cstdcs} — CSTĐCS: LĐTT and an initiative recognised in the year → eligible`,
      pack,
      year: y,
      h: history({ evaluations: [goodYear(y)], initiatives: [initiative('sk1', `${y}-06-15`)] }),
      status: 'eligible',
      because: [
        ['has_LDTT', 'met'],
        ['initiative', 'met'],
      ],
    },
    {
      name: `${cstdcs} — CSTĐCS: LĐTT and an accepted research topic → eligible`,
      pack,
      year: y,
      h: history({
        evaluations: [goodYear(y)],
        initiatives: [initiative('dt1', `${y}-10-01`, { kind: 'research' })],
      }),
      status: 'eligible',
      because: [['initiative', 'met']],
    },
    {
      name: `${cstdcs} — CSTĐCS: HTTNV, initiative recognised the previous year only → ineligible`,
      pack,
      year: y,
      h: history({ evaluations: [goodYear(y)], initiatives: [initiative('sk1', `${y - 1}-12-31`)] }),
      status: 'ineligible',
      because: [['initiative', 'unmet']],
    },
    {
      name: `${cstdcs} — CSTĐCS: an initiative but not LĐTT (HTNV) → ineligible`,
      pack,
      year: y,
      h: history({ evaluations: [rated(y, 'HTNV')], initiatives: [initiative('sk1', `${y}-06-15`)] }),
      status: 'ineligible',
      because: [['has_LDTT', 'unmet']],
    },
    {
      name: `${cstdcs} — CSTĐCS: HTXSNV and an initiative but khiển trách in the year (no LĐTT) → ineligible`,
      pack,
      year: y,
      h: history({
        evaluations: [goodYear(y, 'HTXSNV')],
        initiatives: [initiative('sk1', `${y}-06-15`)],
        disciplines: [discipline('khien_trach', `${y}-02-01`, `${y + 1}-01-31`)],
      }),
      status: 'ineligible',
      because: [['has_LDTT', 'unmet']],
    },
    {
      name: `${cstdcs} — CSTĐCS: the only initiative already used by a Giấy khen → ineligible`,
      pack,
      year: y,
      h: history({
        evaluations: [goodYear(y)],
        initiatives: [initiative('sk1', `${y}-06-15`, { usedBy: { awardCode: 'GIAY_KHEN', year: y } })],
      }),
      status: 'ineligible',
      because: [['initiative', 'unmet']],
    },
    {
      name: `${cstdcs} — CSTĐCS: the initiative is recorded as used by this CSTĐCS ${y} → counted, eligible`,
      pack,
      year: y,
      h: history({
        evaluations: [goodYear(y)],
        initiatives: [initiative('sk1', `${y}-06-15`, { usedBy: { awardCode: 'CSTDCS', year: y } })],
      }),
      status: 'eligible',
      because: [['initiative', 'met']],
    },
    {
      name: `${cstdcs} — CSTĐCS: the initiative was used by CSTĐCS ${y - 1} → not counted again, ineligible`,
      pack,
      year: y,
      h: history({
        evaluations: [goodYear(y)],
        initiatives: [initiative('sk1', `${y}-01-10`, { usedBy: { awardCode: 'CSTDCS', year: y - 1 } })],
      }),
      status: 'ineligible',
      because: [['initiative', 'unmet']],
    },
  ]),
  // The HTXSNV route exists only under Luật TĐKT 2022 art. 23 (docs/law-sources.md 6c); under V2017 an
  // initiative or topic is required (docs/law-sources.md consequence 2).
  {
    name: 'Luật TĐKT 2003 Điều 23 — CSTĐCS: HTXSNV without an initiative → ineligible (V2017 requires one)',
    pack: V2017,
    year: 2020,
    h: history({ evaluations: [goodYear(2020, 'HTXSNV')] }),
    status: 'ineligible',
    because: [
      ['has_LDTT', 'met'],
      ['initiative', 'unmet'],
    ],
  },
  ...([V2024, V2025] as const).flatMap((pack): Row[] => {
    const y = pack === V2024 ? 2024 : 2025;
    return [
      {
        name: `Luật TĐKT 2022 Điều 23 (${pack.id}) — CSTĐCS: HTXSNV without an initiative → eligible`,
        pack,
        year: y,
        h: history({ evaluations: [goodYear(y, 'HTXSNV')] }),
        status: 'eligible',
        because: [
          ['achievement', 'met'],
          ['excellent', 'met'],
          ['initiative', 'unmet'],
        ],
      },
      {
        name: `Luật TĐKT 2022 Điều 23 (${pack.id}) — CSTĐCS: HTTNV without an initiative → ineligible`,
        pack,
        year: y,
        h: history({ evaluations: [goodYear(y)] }),
        status: 'ineligible',
        because: [
          ['achievement', 'unmet'],
          ['excellent', 'unmet'],
        ],
      },
    ];
  }),
];

describe('CSTĐCS — Chiến sĩ thi đua cơ sở', () => {
  test.each(cstdcsRows)('$name', run('CSTDCS'));

  test('Luật TĐKT 2022 Điều 23 — HTXSNV route keeps the initiative free (none reserved)', () => {
    const h = history({
      evaluations: [goodYear(2024, 'HTXSNV')],
      initiatives: [initiative('sk1', '2024-03-01')],
    });
    const v = evaluate(PERSON, h, V2024, { year: 2024 }, 'CSTDCS');
    expect(v.status).toBe('eligible');
    expect(v.initiativeIds).toEqual([]);
  });

  test('Luật TĐKT 2003 Điều 23 — the verdict names the initiative it rests on', () => {
    const h = history({ evaluations: [goodYear(2020)], initiatives: [initiative('sk1', '2020-03-01')] });
    expect(evaluate(PERSON, h, V2017, { year: 2020 }, 'CSTDCS').initiativeIds).toEqual(['sk1']);
  });
});

// ----------------------------------------------------------------------------------------- CSTĐ tỉnh

const cstdTinhRows: Row[] = PACKS.flatMap(({ pack, y, tinh }): Row[] => [
  {
    name: `${tinh} — CSTĐ tỉnh: CSTĐCS ${y - 2}–${y} and a province-wide initiative → eligible`,
    pack,
    year: y,
    h: history({
      evaluations: ratedYears(y - 2, y, 'HTTNV'),
      awards: awards('CSTDCS', [y - 2, y - 1, y]),
      initiatives: [initiative('skt', `${y - 1}-05-01`, { effectScope: 'province' })],
    }),
    status: 'eligible',
    because: [
      ['chain', 'met'],
      ['initiative', 'met'],
    ],
  },
  {
    name: `${tinh} — CSTĐ tỉnh: this year's CSTĐCS found eligible (not yet awarded) completes the chain → eligible`,
    pack,
    year: y,
    h: history({
      evaluations: ratedYears(y - 2, y, 'HTTNV'),
      awards: awards('CSTDCS', [y - 2, y - 1]),
      initiatives: [
        initiative('sk-nam-nay', `${y}-04-01`),
        initiative('skt', `${y - 1}-05-01`, { effectScope: 'province' }),
      ],
    }),
    status: 'eligible',
    because: [
      ['chain', 'met'],
      ['initiative', 'met'],
    ],
  },
  {
    name: `${tinh} — CSTĐ tỉnh: only 2 consecutive CSTĐCS → ineligible`,
    pack,
    year: y,
    h: history({
      evaluations: ratedYears(y - 2, y, 'HTTNV'),
      awards: awards('CSTDCS', [y - 1, y]),
      initiatives: [initiative('skt', `${y - 1}-05-01`, { effectScope: 'province' })],
    }),
    status: 'ineligible',
    because: [['chain', 'unmet']],
  },
  {
    name: `${tinh} — CSTĐ tỉnh: 3 CSTĐCS with a gap (${y - 3}, ${y - 2}, ${y}) → ineligible`,
    pack,
    year: y,
    h: history({
      evaluations: ratedYears(y - 3, y, 'HTTNV'),
      awards: awards('CSTDCS', [y - 3, y - 2, y]),
      initiatives: [initiative('skt', `${y - 1}-05-01`, { effectScope: 'province' })],
    }),
    status: 'ineligible',
    because: [['chain', 'unmet']],
  },
  {
    name: `${tinh} — CSTĐ tỉnh: 3 CSTĐCS but initiatives with effect in the unit only → ineligible`,
    pack,
    year: y,
    h: history({
      evaluations: ratedYears(y - 2, y, 'HTTNV'),
      awards: awards('CSTDCS', [y - 2, y - 1, y]),
      initiatives: [initiative('sk1', `${y - 1}-05-01`), initiative('sk2', `${y}-05-01`)],
    }),
    status: 'ineligible',
    because: [
      ['chain', 'met'],
      ['initiative', 'unmet'],
    ],
  },
  {
    name: `${tinh} — CSTĐ tỉnh: the province-wide initiative dates from ${y - 3}, outside the 3 years → ineligible`,
    pack,
    year: y,
    h: history({
      evaluations: ratedYears(y - 2, y, 'HTTNV'),
      awards: awards('CSTDCS', [y - 2, y - 1, y]),
      initiatives: [initiative('skt', `${y - 3}-12-31`, { effectScope: 'province' })],
    }),
    status: 'ineligible',
    because: [['initiative', 'unmet']],
  },
  {
    name: `${tinh} — CSTĐ tỉnh: an initiative with nationwide effect also has province-wide effect → eligible`,
    pack,
    year: y,
    h: history({
      evaluations: ratedYears(y - 2, y, 'HTTNV'),
      awards: awards('CSTDCS', [y - 2, y - 1, y]),
      initiatives: [initiative('skq', `${y - 2}-01-01`, { effectScope: 'national' })],
    }),
    status: 'eligible',
    because: [['initiative', 'met']],
  },
  {
    name: `${tinh} — CSTĐ tỉnh: the province-wide initiative already used by CSTĐCS ${y - 1} → ineligible`,
    pack,
    year: y,
    h: history({
      evaluations: ratedYears(y - 2, y, 'HTTNV'),
      awards: awards('CSTDCS', [y - 2, y - 1, y]),
      initiatives: [
        initiative('skt', `${y - 1}-05-01`, {
          effectScope: 'province',
          usedBy: { awardCode: 'CSTDCS', year: y - 1 },
        }),
      ],
    }),
    status: 'ineligible',
    because: [['initiative', 'unmet']],
  },
  {
    name: `${tinh} — CSTĐ tỉnh: a thematic-track CSTĐCS record does not count in the regular chain → ineligible`,
    pack,
    year: y,
    h: history({
      evaluations: ratedYears(y - 2, y, 'HTTNV'),
      awards: [award('CSTDCS', y - 2, 'thematic'), ...awards('CSTDCS', [y - 1, y])],
      initiatives: [initiative('skt', `${y - 1}-05-01`, { effectScope: 'province' })],
    }),
    status: 'ineligible',
    because: [['chain', 'unmet']],
  },
  {
    name: `${tinh} — CSTĐ tỉnh: chain across unit transfers (a different unit each year) → eligible`,
    pack,
    year: y,
    h: history({
      evaluations: [
        rated(y - 2, 'HTTNV', { unitId: 'so-noi-vu' }),
        rated(y - 1, 'HTXSNV', { unitId: 'so-tai-chinh' }),
        rated(y, 'HTTNV', { unitId: 'ubnd-xa' }),
      ],
      awards: awards('CSTDCS', [y - 2, y - 1]),
      initiatives: [
        initiative('sk-nam-nay', `${y}-04-01`),
        initiative('skt', `${y - 2}-05-01`, { effectScope: 'province' }),
      ],
    }),
    status: 'eligible',
    because: [['chain', 'met']],
  },
]);

describe('CSTĐ cấp tỉnh', () => {
  test.each(cstdTinhRows)('$name', run('CSTD_TINH'));

  // Restart after discipline: a disciplined year has no CSTĐCS, so the chain starts again after it.
  describe.each(PACKS)('$pack.id — restart after a disciplined year', ({ pack, y }) => {
    const base = y - 5; // CSTĐCS base, base+1; base+2 disciplined; then base+3, base+4, base+5 = y
    const h = (upTo: number) =>
      history({
        evaluations: ratedYears(base, upTo, 'HTTNV'),
        disciplines: [discipline('khien_trach', `${base + 2}-03-01`, `${base + 2}-12-31`)],
        awards: awards(
          'CSTDCS',
          [base, base + 1, base + 3, base + 4, base + 5].filter((x) => x < upTo),
        ),
        initiatives: [
          initiative('sk-ky-luat', `${base + 2}-04-01`),
          initiative('sk-y', `${upTo}-04-01`),
          initiative('skt', `${upTo - 1}-02-01`, { effectScope: 'province' }),
        ],
      });

    test(`the disciplined year ${base + 2} earns no CSTĐCS`, () => {
      const v = evaluate(PERSON, h(base + 2), pack, { year: base + 2 }, 'CSTDCS');
      expectVerdict(v, 'ineligible', [['has_LDTT', 'unmet']]);
    });

    test(`${base + 4}: CSTĐCS ${base}, ${base + 1}, —, ${base + 3}, ${base + 4} → only 2 consecutive, ineligible`, () => {
      const v = evaluate(PERSON, h(base + 4), pack, { year: base + 4 }, 'CSTD_TINH');
      expectVerdict(v, 'ineligible', [['chain', 'unmet']]);
      expect(checkOf(v, 'chain').detail).toContain(`${base + 3}, ${base + 4} — 2 năm liên tục`);
    });

    test(`${base + 5}: 3 new consecutive CSTĐCS ${base + 3}–${base + 5} → eligible`, () => {
      const v = evaluate(PERSON, h(base + 5), pack, { year: base + 5 }, 'CSTD_TINH');
      expectVerdict(v, 'eligible', [
        ['chain', 'met'],
        ['initiative', 'met'],
      ]);
    });
  });
});

// ------------------------------------------------------------------------------------ CSTĐ toàn quốc

const cstdTqRows: Row[] = PACKS.flatMap(({ pack, y, toanquoc }): Row[] => [
  {
    name: `${toanquoc} — CSTĐ toàn quốc: CSTĐ tỉnh ${y - 3} and ${y}, a nationwide initiative → eligible`,
    pack,
    year: y,
    h: history({
      evaluations: ratedYears(y - 5, y, 'HTXSNV'),
      awards: awards('CSTD_TINH', [y - 3, y]),
      initiatives: [initiative('skq', `${y - 2}-05-01`, { effectScope: 'national' })],
    }),
    status: 'eligible',
    because: [
      ['chain', 'met'],
      ['initiative', 'met'],
    ],
  },
  {
    name: `${toanquoc} — CSTĐ toàn quốc: CSTĐ cấp bộ ${y - 3} then CSTĐ tỉnh ${y} also chain → eligible`,
    pack,
    year: y,
    h: history({
      evaluations: ratedYears(y - 5, y, 'HTXSNV'),
      awards: [award('CSTD_BO', y - 3), award('CSTD_TINH', y)],
      initiatives: [initiative('skq', `${y - 5}-01-01`, { effectScope: 'national' })],
    }),
    status: 'eligible',
    because: [['chain', 'met']],
  },
  {
    name: `${toanquoc} — CSTĐ toàn quốc: one CSTĐ tỉnh only → ineligible`,
    pack,
    year: y,
    h: history({
      evaluations: ratedYears(y - 5, y, 'HTXSNV'),
      awards: awards('CSTD_TINH', [y]),
      initiatives: [initiative('skq', `${y - 2}-05-01`, { effectScope: 'national' })],
    }),
    status: 'ineligible',
    because: [['chain', 'unmet']],
  },
  {
    name: `${toanquoc} — CSTĐ toàn quốc: CSTĐ tỉnh ${y - 4} and ${y} are not consecutive terms → ineligible`,
    pack,
    year: y,
    h: history({
      evaluations: ratedYears(y - 5, y, 'HTXSNV'),
      awards: awards('CSTD_TINH', [y - 4, y]),
      initiatives: [initiative('skq', `${y - 2}-05-01`, { effectScope: 'national' })],
    }),
    status: 'ineligible',
    because: [['chain', 'unmet']],
  },
  {
    name: `${toanquoc} — CSTĐ toàn quốc: initiative with province-wide effect only → ineligible`,
    pack,
    year: y,
    h: history({
      evaluations: ratedYears(y - 5, y, 'HTXSNV'),
      awards: awards('CSTD_TINH', [y - 3, y]),
      initiatives: [initiative('skt', `${y - 2}-05-01`, { effectScope: 'province' })],
    }),
    status: 'ineligible',
    because: [['initiative', 'unmet']],
  },
  {
    name: `${toanquoc} — CSTĐ toàn quốc: nationwide initiative of ${y - 6}, outside the 6 years → ineligible`,
    pack,
    year: y,
    h: history({
      evaluations: ratedYears(y - 5, y, 'HTXSNV'),
      awards: awards('CSTD_TINH', [y - 3, y]),
      initiatives: [initiative('skq', `${y - 6}-12-31`, { effectScope: 'national' })],
    }),
    status: 'ineligible',
    because: [['initiative', 'unmet']],
  },
]);

describe('CSTĐ toàn quốc', () => {
  test.each(cstdTqRows)('$name', run('CSTD_TOANQUOC'));
});

// ------------------------------------------------------------------------------------------ Giấy khen

const giayKhenRows: Row[] = PACKS.flatMap(({ pack, y, giaykhen }): Row[] => [
  {
    name: `${giaykhen} — Giấy khen (cá nhân): HTTNV, exemplary conduct presumed → eligible`,
    pack,
    year: y,
    h: history({ evaluations: [rated(y, 'HTTNV')] }),
    status: 'eligible',
    because: [
      ['conduct', 'met'],
      ['rating', 'met'],
      ['discipline', 'met'],
    ],
  },
  {
    name: `${giaykhen} — Giấy khen (cá nhân): only HTNV → ineligible`,
    pack,
    year: y,
    h: history({ evaluations: [rated(y, 'HTNV')] }),
    status: 'ineligible',
    because: [
      ['rating', 'unmet'],
      ['conduct', 'unknown'],
    ],
  },
  {
    name: `${giaykhen} — Giấy khen (cá nhân): khiển trách in the year → ineligible`,
    pack,
    year: y,
    h: history({
      evaluations: [rated(y, 'HTXSNV')],
      disciplines: [discipline('khien_trach', `${y}-09-01`, `${y + 1}-08-31`)],
    }),
    status: 'ineligible',
    because: [['discipline', 'unmet']],
  },
  {
    name: `${giaykhen} — Giấy khen (cá nhân): no rating for the year → needs_review`,
    pack,
    year: y,
    h: history(),
    status: 'needs_review',
    because: [
      ['rating', 'unknown'],
      ['conduct', 'unknown'],
    ],
  },
]);

describe('Giấy khen — cá nhân', () => {
  test.each(giayKhenRows)('$name', run('GIAY_KHEN'));

  test('the presumption of conduct says so in the check', () => {
    const v = evaluate(
      PERSON,
      history({ evaluations: [rated(2024, 'HTTNV')] }),
      V2024,
      { year: 2024 },
      'GIAY_KHEN',
    );
    expect(checkOf(v, 'conduct').presumed).toBe(true);
    expect(checkOf(v, 'conduct').detail).toContain('Được coi là đáp ứng');
  });
});

// --------------------------------------------------------------------------------------- Bằng khen tỉnh

const bkTinh2017: Row[] = [
  {
    name: 'NĐ 91/2017 Điều 39 khoản 1 điểm c — BK tỉnh: HTXSNV 2019–2020 with 2 initiatives → eligible',
    pack: V2017,
    year: 2020,
    h: history({
      evaluations: ratedYears(2019, 2020, 'HTXSNV'),
      initiatives: [initiative('sk19', '2019-05-01'), initiative('sk20', '2020-05-01')],
    }),
    status: 'eligible',
    because: [
      ['rating', 'met'],
      ['excellent_two_years', 'met'],
      ['initiatives', 'met'],
      ['discipline', 'met'],
    ],
  },
  {
    name: 'NĐ 91/2017 Điều 39 khoản 1 điểm c — BK tỉnh: HTXSNV 2020 only (2019 HTTNV) → ineligible',
    pack: V2017,
    year: 2020,
    h: history({
      evaluations: ratings({ 2019: 'HTTNV', 2020: 'HTXSNV' }),
      initiatives: [initiative('sk19', '2019-05-01'), initiative('sk20', '2020-05-01')],
    }),
    status: 'ineligible',
    because: [['excellent_two_years', 'unmet']],
  },
  {
    name: 'NĐ 91/2017 Điều 39 khoản 1 điểm c — BK tỉnh: HTXSNV 2019–2020 with 1 initiative → ineligible',
    pack: V2017,
    year: 2020,
    h: history({
      evaluations: ratedYears(2019, 2020, 'HTXSNV'),
      initiatives: [initiative('sk20', '2020-05-01')],
    }),
    status: 'ineligible',
    because: [['initiatives', 'unmet']],
  },
  {
    name: 'NĐ 91/2017 Điều 39 — BK tỉnh: khiển trách in the year → ineligible',
    pack: V2017,
    year: 2020,
    h: history({
      evaluations: ratedYears(2019, 2020, 'HTXSNV'),
      initiatives: [initiative('sk19', '2019-05-01'), initiative('sk20', '2020-05-01')],
      disciplines: [discipline('khien_trach', '2020-10-01')],
    }),
    status: 'ineligible',
    because: [['discipline', 'unmet']],
  },
  {
    name: 'NĐ 91/2017 Điều 39 — BK tỉnh: HTXSNV years in two units (a transfer) still chain → eligible',
    pack: V2017,
    year: 2020,
    h: history({
      evaluations: [rated(2019, 'HTXSNV', { unitId: 'so-a' }), rated(2020, 'HTXSNV', { unitId: 'so-b' })],
      initiatives: [initiative('sk19', '2019-05-01'), initiative('sk20', '2020-05-01')],
    }),
    status: 'eligible',
    because: [['excellent_two_years', 'met']],
  },
  {
    // Two rows for one year (moved mid-year, both units rated): the engine takes the lower rating so that
    // the result does not depend on row order. law.md: the unit at evaluation time decides; the registry is
    // expected to hold that unit's row only.
    name: 'NĐ 91/2017 Điều 39 — BK tỉnh: two rows for 2020 (HTXSNV, HTTNV) → the lower one counts, ineligible',
    pack: V2017,
    year: 2020,
    h: history({
      evaluations: [
        rated(2019, 'HTXSNV', { unitId: 'so-a' }),
        rated(2020, 'HTXSNV', { unitId: 'so-a' }),
        rated(2020, 'HTTNV', { unitId: 'so-b' }),
      ],
      initiatives: [initiative('sk19', '2019-05-01'), initiative('sk20', '2020-05-01')],
    }),
    status: 'ineligible',
    because: [['excellent_two_years', 'unmet']],
  },
];

const bkTinh2022: Row[] = ([V2024, V2025] as const).flatMap((pack): Row[] => {
  const y = pack === V2024 ? 2024 : 2025;
  const art = `Luật TĐKT 2022 Điều 74 khoản 1 (${pack.id})`;
  return [
    {
      name: `${art} — BK tỉnh: CSTĐCS ${y - 1} and ${y} → eligible (điểm c)`,
      pack,
      year: y,
      h: history({ evaluations: ratedYears(y - 1, y, 'HTTNV'), awards: awards('CSTDCS', [y - 1, y]) }),
      status: 'eligible',
      because: [
        ['achievement', 'met'],
        ['cstdcs_two', 'met'],
      ],
    },
    {
      name: `${art} — BK tỉnh: CSTĐCS ${y - 1} held and ${y} found eligible (HTXSNV) → eligible`,
      pack,
      year: y,
      h: history({
        evaluations: ratings({ [y - 1]: 'HTTNV', [y]: 'HTXSNV' }),
        awards: awards('CSTDCS', [y - 1]),
      }),
      status: 'eligible',
      because: [['cstdcs_two', 'met']],
    },
    {
      name: `${art} — BK tỉnh: CSTĐCS ${y} only, HTTNV ${y - 1} → ineligible`,
      pack,
      year: y,
      h: history({ evaluations: ratedYears(y - 1, y, 'HTTNV'), awards: awards('CSTDCS', [y]) }),
      status: 'ineligible',
      because: [
        ['achievement', 'unmet'],
        ['cstdcs_two', 'unmet'],
      ],
    },
    {
      name: `${art} — BK tỉnh: HTXSNV ${y - 1}–${y} with 2 initiatives → eligible (điểm d)`,
      pack,
      year: y,
      h: history({
        evaluations: ratedYears(y - 1, y, 'HTXSNV'),
        initiatives: [initiative('sk1', `${y - 1}-05-01`), initiative('sk2', `${y}-05-01`)],
      }),
      status: 'eligible',
      because: [
        ['cstdcs_two', 'unmet'],
        ['excellent_two_years', 'met'],
        ['two_initiatives', 'met'],
      ],
    },
    {
      name: `${art} — BK tỉnh: HTXSNV ${y - 1}–${y} with 1 initiative → ineligible`,
      pack,
      year: y,
      h: history({
        evaluations: ratedYears(y - 1, y, 'HTXSNV'),
        initiatives: [initiative('sk2', `${y}-05-01`)],
      }),
      status: 'ineligible',
      because: [['two_initiatives', 'unmet']],
    },
    {
      name: `${art} — BK tỉnh: CSTĐCS ${y - 1}–${y} but HTNV now → ineligible`,
      pack,
      year: y,
      h: history({
        evaluations: ratings({ [y - 1]: 'HTTNV', [y]: 'HTNV' }),
        awards: awards('CSTDCS', [y - 1, y]),
      }),
      status: 'ineligible',
      because: [['rating', 'unmet']],
    },
    {
      name: `${art}, Điều 5 — BK tỉnh: CSTĐCS ${y - 1}–${y} but cảnh cáo in ${y} → ineligible`,
      pack,
      year: y,
      h: history({
        evaluations: ratedYears(y - 1, y, 'HTTNV'),
        awards: awards('CSTDCS', [y - 1, y]),
        disciplines: [discipline('canh_cao', `${y}-12-01`)],
      }),
      status: 'ineligible',
      because: [['discipline', 'unmet']],
    },
  ];
});

describe('Bằng khen của Chủ tịch UBND tỉnh — cá nhân', () => {
  test.each([...bkTinh2017, ...bkTinh2022])('$name', run('BK_TINH'));
});

// One achievement earns one form (Luật TĐKT 2022 art. 5; NĐ 152/2025 art. 4). The brief's example
// (BK 2020 on CSTĐCS 2019–2020; 2021 no; 2022 yes) is run under the Luật 2022 rule (2 consecutive
// CSTĐCS), which only exists from 2024: the same years shifted to 2024–2026.
describe('One achievement, one form — Luật TĐKT 2022 Điều 5 / NĐ 152/2025 Điều 4', () => {
  const bkOn = (year: number, cstdcs: number[]) =>
    evaluate(
      PERSON,
      history({
        evaluations: ratedYears(2023, year, 'HTTNV'),
        awards: [...awards('CSTDCS', cstdcs), award('BK_TINH', 2024)],
      }),
      packForYear(year),
      { year },
      'BK_TINH',
    );

  test('Luật TĐKT 2022 Điều 74 — BK tỉnh 2024 rested on CSTĐCS 2023–2024', () => {
    const v = evaluate(
      PERSON,
      history({ evaluations: ratedYears(2023, 2024, 'HTTNV'), awards: awards('CSTDCS', [2023, 2024]) }),
      V2024,
      { year: 2024 },
      'BK_TINH',
    );
    expect(v.status).toBe('eligible');
  });

  test('BK tỉnh 2025 with CSTĐCS 2023, 2024, 2025: the years before the 2024 award are spent → ineligible', () => {
    const v = bkOn(2025, [2023, 2024, 2025]);
    expectVerdict(v, 'ineligible', [['cstdcs_two', 'unmet']]);
    expect(checkOf(v, 'cstdcs_two').detail).toContain('tính từ năm 2025, sau lần khen gần nhất');
  });

  test('BK tỉnh 2026 with CSTĐCS 2025–2026 (after the 2024 award) → eligible', () => {
    expectVerdict(bkOn(2026, [2023, 2024, 2025, 2026]), 'eligible', [['cstdcs_two', 'met']]);
  });

  test('a thematic BK tỉnh (for a movement) does not spend the regular chain → eligible in 2025', () => {
    const v = evaluate(
      PERSON,
      history({
        evaluations: ratedYears(2023, 2025, 'HTTNV'),
        awards: [...awards('CSTDCS', [2024, 2025]), award('BK_TINH', 2024, 'thematic')],
      }),
      V2025,
      { year: 2025 },
      'BK_TINH',
    );
    expectVerdict(v, 'eligible', [['cstdcs_two', 'met']]);
  });

  describe('V2017 (NĐ 91/2017 Điều 39): the brief’s years 2020, 2021, 2022', () => {
    // BK tỉnh 2020 on HTXSNV 2019–2020 and initiatives sk19, sk20 (recorded as used by it).
    const spent = [
      initiative('sk19', '2019-05-01', { usedBy: { awardCode: 'BK_TINH', year: 2020 } }),
      initiative('sk20', '2020-05-01', { usedBy: { awardCode: 'BK_TINH', year: 2020 } }),
    ];
    const h = (year: number) =>
      history({
        evaluations: ratedYears(2019, year, 'HTXSNV'),
        awards: [award('BK_TINH', 2020)],
        initiatives: [...spent, initiative('sk21a', '2021-03-01'), initiative('sk21b', '2021-09-01')],
      });

    test('2021: HTXSNV 2019–2021, but only 2021 is after the 2020 award → ineligible', () => {
      const v = evaluate(PERSON, h(2021), V2017, { year: 2021 }, 'BK_TINH');
      expectVerdict(v, 'ineligible', [
        ['excellent_two_years', 'unmet'],
        ['initiatives', 'met'],
      ]);
    });

    test('2022: HTXSNV 2021–2022 with two new initiatives → eligible', () => {
      const v = evaluate(PERSON, h(2022), V2017, { year: 2022 }, 'BK_TINH');
      expectVerdict(v, 'eligible', [
        ['excellent_two_years', 'met'],
        ['initiatives', 'met'],
      ]);
      expect(v.initiativeIds).toEqual(['sk21a', 'sk21b']);
    });
  });
});

// ------------------------------------------------------------------------------------- Bằng khen TTg

const bkTtg2017Base = () =>
  history({
    evaluations: ratedYears(2015, 2020, 'HTXSNV'),
    awards: [award('BK_TINH', 2015)],
    initiatives: [2016, 2017, 2018, 2019, 2020].map((y) => initiative(`sk${y}`, `${y}-04-01`)),
  });

const bkTtgRows: Row[] = [
  {
    name: 'NĐ 91/2017 Điều 38 khoản 1 điểm c — BK TTg: BK tỉnh 2015, HTXSNV 2016–2020, 5 initiatives → eligible',
    pack: V2017,
    year: 2020,
    h: bkTtg2017Base(),
    status: 'eligible',
    because: [
      ['prior_bk', 'met'],
      ['excellent_five_years', 'met'],
      ['initiatives', 'met'],
    ],
  },
  {
    name: 'NĐ 91/2017 Điều 38 khoản 1 điểm c — BK TTg: a Bằng khen cấp bộ 2015 is also a prerequisite → eligible',
    pack: V2017,
    year: 2020,
    h: { ...bkTtg2017Base(), awards: [award('BK_BO', 2015)] },
    status: 'eligible',
    because: [['prior_bk', 'met']],
  },
  {
    name: 'NĐ 91/2017 Điều 38 khoản 1 điểm c — BK TTg: BK tỉnh only in 2016 (4 years before) → ineligible',
    pack: V2017,
    year: 2020,
    h: { ...bkTtg2017Base(), awards: [award('BK_TINH', 2016)] },
    status: 'ineligible',
    because: [['prior_bk', 'unmet']],
  },
  {
    name: 'NĐ 91/2017 Điều 38, Luật 2022 Điều 5 principle — BK TTg: a thematic BK tỉnh 2015 is no prerequisite → ineligible',
    pack: V2017,
    year: 2020,
    h: { ...bkTtg2017Base(), awards: [award('BK_TINH', 2015, 'thematic')] },
    status: 'ineligible',
    because: [['prior_bk', 'unmet']],
  },
  {
    name: 'NĐ 91/2017 Điều 38 khoản 1 điểm c — BK TTg: no Bằng khen held → ineligible',
    pack: V2017,
    year: 2020,
    h: { ...bkTtg2017Base(), awards: [] },
    status: 'ineligible',
    because: [['prior_bk', 'unmet']],
  },
  {
    name: 'NĐ 91/2017 Điều 38 khoản 1 điểm c — BK TTg: 2018 only HTTNV breaks the 5 years → ineligible',
    pack: V2017,
    year: 2020,
    h: {
      ...bkTtg2017Base(),
      evaluations: [
        ...ratedYears(2015, 2017, 'HTXSNV'),
        rated(2018, 'HTTNV'),
        ...ratedYears(2019, 2020, 'HTXSNV'),
      ],
    },
    status: 'ineligible',
    because: [['excellent_five_years', 'unmet']],
  },
  {
    name: 'NĐ 91/2017 Điều 38 khoản 1 điểm c — BK TTg: 4 initiatives → ineligible',
    pack: V2017,
    year: 2020,
    h: { ...bkTtg2017Base(), initiatives: bkTtg2017Base().initiatives.slice(1) },
    status: 'ineligible',
    because: [['initiatives', 'unmet']],
  },
  {
    name: 'NĐ 91/2017 Điều 38, principle of no award during discipline — BK TTg: khiển trách in 2020 → ineligible',
    pack: V2017,
    year: 2020,
    h: { ...bkTtg2017Base(), disciplines: [discipline('khien_trach', '2020-06-01')] },
    status: 'ineligible',
    because: [['discipline', 'unmet']],
  },
  ...([V2024, V2025] as const).flatMap((pack): Row[] => {
    const y = pack === V2024 ? 2024 : 2025;
    const art = `Luật TĐKT 2022 Điều 73 khoản 1 điểm b (${pack.id})`;
    const base = () =>
      history({
        evaluations: ratedYears(y - 5, y, 'HTTNV'),
        awards: [award('BK_TINH', y - 5), ...awards('CSTDCS', [y - 4, y - 2, y])],
      });
    return [
      {
        name: `${art} — BK TTg: BK tỉnh ${y - 5}, HTTNV ${y - 4}–${y}, CSTĐCS 3 times → eligible`,
        pack,
        year: y,
        h: base(),
        status: 'eligible',
        because: [
          ['prior_bk', 'met'],
          ['good_five_years', 'met'],
          ['cstdcs_three', 'met'],
        ],
      },
      {
        name: `${art} — BK TTg: CSTĐCS only twice → ineligible`,
        pack,
        year: y,
        h: { ...base(), awards: [award('BK_TINH', y - 5), ...awards('CSTDCS', [y - 4, y - 2])] },
        status: 'ineligible',
        because: [['cstdcs_three', 'unmet']],
      },
      {
        name: `${art} — BK TTg: ${y - 3} only HTNV breaks the 5 years → ineligible`,
        pack,
        year: y,
        h: {
          ...base(),
          evaluations: [
            ...ratedYears(y - 5, y - 4, 'HTTNV'),
            rated(y - 3, 'HTNV'),
            ...ratedYears(y - 2, y, 'HTTNV'),
          ],
        },
        status: 'ineligible',
        because: [['good_five_years', 'unmet']],
      },
      {
        name: `${art} — BK TTg: BK tỉnh only in ${y - 4} → ineligible`,
        pack,
        year: y,
        h: { ...base(), awards: [award('BK_TINH', y - 4), ...awards('CSTDCS', [y - 4, y - 2, y])] },
        status: 'ineligible',
        because: [['prior_bk', 'unmet']],
      },
      {
        name: `${art}, Điều 5 — BK TTg: an ad hoc (đột xuất) BK tỉnh ${y - 5} is no prerequisite → ineligible`,
        pack,
        year: y,
        h: { ...base(), awards: [award('BK_TINH', y - 5, 'ad_hoc'), ...awards('CSTDCS', [y - 4, y - 2, y])] },
        status: 'ineligible',
        because: [['prior_bk', 'unmet']],
      },
      {
        name: `${art} — BK TTg: CSTĐCS awarded as a thematic record does not count → ineligible`,
        pack,
        year: y,
        h: {
          ...base(),
          awards: [
            award('BK_TINH', y - 5),
            ...awards('CSTDCS', [y - 4, y - 2]),
            award('CSTDCS', y, 'thematic'),
          ],
        },
        status: 'ineligible',
        because: [['cstdcs_three', 'unmet']],
      },
      {
        name: `${art}, Điều 5 — BK TTg: cảnh cáo in ${y} → ineligible`,
        pack,
        year: y,
        h: { ...base(), disciplines: [discipline('canh_cao', `${y}-03-01`)] },
        status: 'ineligible',
        because: [['discipline', 'unmet']],
      },
    ];
  }),
];

describe('Bằng khen của Thủ tướng Chính phủ — cá nhân', () => {
  test.each(bkTtgRows)('$name', run('BK_TTG'));
});

// ---------------------------------------------------------------------------------- HCLĐ hạng Ba

const hcld2017Base = () =>
  history({
    evaluations: ratedYears(2015, 2020, 'HTXSNV'),
    awards: [award('BK_TTG', 2015)],
    initiatives: [
      initiative('skt1', '2017-04-01', { level: 'province', effectScope: 'province' }),
      initiative('skt2', '2019-04-01', { level: 'province', effectScope: 'province' }),
    ],
  });

const hcldRows: Row[] = [
  {
    name: 'NĐ 91/2017 Điều 24 — HCLĐ hạng Ba: BK TTg 2015, HTXSNV 2016–2020, 2 province-level initiatives → eligible',
    pack: V2017,
    year: 2020,
    h: hcld2017Base(),
    status: 'eligible',
    because: [
      ['prior_bk_ttg', 'met'],
      ['excellent_five_years', 'met'],
      ['initiatives', 'met'],
    ],
  },
  {
    name: 'NĐ 91/2017 Điều 24 — HCLĐ hạng Ba: initiatives recognised at ministry level count as well → eligible',
    pack: V2017,
    year: 2020,
    h: {
      ...hcld2017Base(),
      initiatives: [
        initiative('skb1', '2017-04-01', { level: 'ministry', effectScope: 'province' }),
        initiative('skb2', '2018-04-01', { level: 'ministry', effectScope: 'province' }),
      ],
    },
    status: 'eligible',
    because: [['initiatives', 'met']],
  },
  {
    name: 'NĐ 91/2017 Điều 24 — HCLĐ hạng Ba: initiatives recognised at grassroots level only → ineligible',
    pack: V2017,
    year: 2020,
    h: {
      ...hcld2017Base(),
      initiatives: [initiative('sk1', '2017-04-01'), initiative('sk2', '2019-04-01')],
    },
    status: 'ineligible',
    because: [['initiatives', 'unmet']],
  },
  {
    name: 'NĐ 91/2017 Điều 24 — HCLĐ hạng Ba: a BK tỉnh but no BK TTg → ineligible',
    pack: V2017,
    year: 2020,
    h: { ...hcld2017Base(), awards: [award('BK_TINH', 2012)] },
    status: 'ineligible',
    because: [['prior_bk_ttg', 'unmet']],
  },
  {
    name: 'NĐ 91/2017 Điều 24 — HCLĐ hạng Ba: BK TTg only in 2016 → ineligible',
    pack: V2017,
    year: 2020,
    h: { ...hcld2017Base(), awards: [award('BK_TTG', 2016)] },
    status: 'ineligible',
    because: [['prior_bk_ttg', 'unmet']],
  },
  {
    name: 'NĐ 91/2017 Điều 24 — HCLĐ hạng Ba: HTTNV in 2019 breaks the 5 excellent years → ineligible',
    pack: V2017,
    year: 2020,
    h: {
      ...hcld2017Base(),
      evaluations: [...ratedYears(2015, 2018, 'HTXSNV'), rated(2019, 'HTTNV'), rated(2020, 'HTXSNV')],
    },
    status: 'ineligible',
    because: [['excellent_five_years', 'unmet']],
  },
  {
    name: 'NĐ 91/2017 Điều 24, principle of no award during discipline — HCLĐ hạng Ba: khiển trách in 2020 → ineligible',
    pack: V2017,
    year: 2020,
    h: { ...hcld2017Base(), disciplines: [discipline('khien_trach', '2020-02-01', '2020-12-31')] },
    status: 'ineligible',
    because: [['discipline', 'unmet']],
  },
  ...([V2024, V2025] as const).flatMap((pack): Row[] => {
    const y = pack === V2024 ? 2024 : 2025;
    const art = `Luật TĐKT 2022 Điều 44 khoản 1 điểm e (${pack.id})`;
    const base = () =>
      history({
        evaluations: [
          ...ratedYears(y - 5, y, 'HTTNV').filter((e) => e.year !== y - 2),
          rated(y - 2, 'HTXSNV'),
        ],
        awards: [award('BK_TTG', y - 5), ...awards('CSTDCS', [y - 4, y - 2, y])],
      });
    return [
      {
        name: `${art} — HCLĐ hạng Ba: BK TTg ${y - 5}, 5 years HTTNV with 1 HTXSNV and 3 CSTĐCS → eligible`,
        pack,
        year: y,
        h: base(),
        status: 'eligible',
        because: [
          ['prior_bk_ttg', 'met'],
          ['good_five_years', 'met'],
          ['one_excellent', 'met'],
          ['cstdcs_three', 'met'],
        ],
      },
      {
        name: `${art} — HCLĐ hạng Ba: no HTXSNV year → ineligible`,
        pack,
        year: y,
        h: { ...base(), evaluations: ratedYears(y - 5, y, 'HTTNV') },
        status: 'ineligible',
        because: [['one_excellent', 'unmet']],
      },
      {
        name: `${art} — HCLĐ hạng Ba: CSTĐCS only twice → ineligible`,
        pack,
        year: y,
        h: { ...base(), awards: [award('BK_TTG', y - 5), ...awards('CSTDCS', [y - 4, y - 2])] },
        status: 'ineligible',
        because: [['cstdcs_three', 'unmet']],
      },
      {
        name: `${art} — HCLĐ hạng Ba: a BK tỉnh but no BK TTg → ineligible`,
        pack,
        year: y,
        h: { ...base(), awards: [award('BK_TINH', y - 5), ...awards('CSTDCS', [y - 4, y - 2, y])] },
        status: 'ineligible',
        because: [['prior_bk_ttg', 'unmet']],
      },
      {
        name: `${art}, Điều 5 — HCLĐ hạng Ba: khiển trách in ${y} → ineligible`,
        pack,
        year: y,
        h: { ...base(), disciplines: [discipline('khien_trach', `${y}-01-15`)] },
        status: 'ineligible',
        because: [['discipline', 'unmet']],
      },
    ];
  }),
];

describe('Huân chương Lao động hạng Ba — cá nhân', () => {
  test.each(hcldRows)('$name', run('HCLD_3'));
});

// -------------------------------------------------------------------- One initiative, one award

describe('An initiative is the basis of one award only (law.md; Bộ Nội vụ guidance)', () => {
  // V2017: CSTĐCS 2020 needs an initiative of 2020; BK tỉnh 2020 needs 2 in 2019–2020 (NĐ 91/2017 Điều 39).
  const twoInitiatives = history({
    evaluations: ratedYears(2019, 2020, 'HTXSNV'),
    initiatives: [initiative('sk19', '2019-05-01'), initiative('sk20', '2020-05-01')],
  });
  const byCode = (vs: Verdict[]) => new Map(vs.map((v) => [v.awardCode, v]));

  test('BK tỉnh judged alone rests on both initiatives → eligible', () => {
    const v = evaluate(PERSON, twoInitiatives, V2017, { year: 2020 }, 'BK_TINH');
    expect(v.status).toBe('eligible');
    expect(v.initiativeIds).toEqual(['sk19', 'sk20']);
  });

  test('in one run CSTĐCS (judged first) reserves sk20, so BK tỉnh sees one fewer → ineligible', () => {
    const vs = byCode(evaluateAll(PERSON, twoInitiatives, V2017, { year: 2020 }));
    expect(vs.get('CSTDCS')!.status).toBe('eligible');
    expect(vs.get('CSTDCS')!.initiativeIds).toEqual(['sk20']);
    const bk = vs.get('BK_TINH')!;
    expectVerdict(bk, 'ineligible', [['initiatives', 'unmet']]);
    expect(checkOf(bk, 'initiatives').detail).toBe(
      '1 sáng kiến/đề tài phù hợp (2019–2020); 1 đã làm căn cứ cho danh hiệu khác cùng đợt',
    );
  });

  test('with a third initiative both are eligible, on disjoint initiatives', () => {
    const h = {
      ...twoInitiatives,
      initiatives: [...twoInitiatives.initiatives, initiative('sk19b', '2019-11-01')],
    };
    const vs = byCode(evaluateAll(PERSON, h, V2017, { year: 2020 }));
    expect(vs.get('CSTDCS')!.initiativeIds).toEqual(['sk20']);
    expect(vs.get('BK_TINH')!.status).toBe('eligible');
    expect(vs.get('BK_TINH')!.initiativeIds).toEqual(['sk19', 'sk19b']);
  });

  test('initiatives reserved elsewhere (pending nominations) are not offered', () => {
    const v = evaluate(PERSON, twoInitiatives, V2017, { year: 2020 }, 'BK_TINH', { reserved: ['sk19'] });
    expectVerdict(v, 'ineligible', [['initiatives', 'unmet']]);
  });

  test('an initiative marked as used by another award is not counted, and the check says by which', () => {
    const h = {
      ...twoInitiatives,
      initiatives: [
        initiative('sk19', '2019-05-01', { usedBy: { awardCode: 'GIAY_KHEN', year: 2019 } }),
        initiative('sk20', '2020-05-01'),
      ],
    };
    const v = evaluate(PERSON, h, V2017, { year: 2020 }, 'BK_TINH');
    expectVerdict(v, 'ineligible', [['initiatives', 'unmet']]);
    expect(checkOf(v, 'initiatives').detail).toBe(
      '1 sáng kiến/đề tài phù hợp (2019–2020); 1 đã dùng cho khen thưởng khác (Giấy khen 2019)',
    );
  });

  test('a CSTĐCS already awarded keeps the initiative recorded as used by it, leaving the others free', () => {
    // CSTĐCS 2020 was awarded on skA; skB (an earlier date) was not used. BK tỉnh must see skB and sk19.
    const h = history({
      evaluations: ratedYears(2019, 2020, 'HTXSNV'),
      awards: [award('CSTDCS', 2020)],
      initiatives: [
        initiative('sk19', '2019-05-01'),
        initiative('skB', '2020-01-15'),
        initiative('skA', '2020-03-01', { usedBy: { awardCode: 'CSTDCS', year: 2020 } }),
      ],
    });
    const vs = byCode(evaluateAll(PERSON, h, V2017, { year: 2020 }));
    expect(vs.get('CSTDCS')!.initiativeIds).toEqual(['skA']);
    expect(vs.get('BK_TINH')!.status).toBe('eligible');
    expect(vs.get('BK_TINH')!.initiativeIds).toEqual(['sk19', 'skB']);
  });

  test('V2024: CSTĐCS by HTXSNV reserves no initiative, so BK tỉnh (điểm d) keeps both', () => {
    const h = history({
      evaluations: ratedYears(2023, 2024, 'HTXSNV'),
      initiatives: [initiative('sk23', '2023-05-01'), initiative('sk24', '2024-05-01')],
    });
    const vs = byCode(evaluateAll(PERSON, h, V2024, { year: 2024 }));
    expect(vs.get('CSTDCS')!.status).toBe('eligible');
    expect(vs.get('CSTDCS')!.initiativeIds).toEqual([]);
    const bk = vs.get('BK_TINH')!;
    expectVerdict(bk, 'eligible', [['two_initiatives', 'met']]);
    expect(bk.initiativeIds).toEqual(['sk23', 'sk24']);
  });

  test('V2024: CSTĐCS by an initiative (HTTNV) reserves the least valuable one, leaving the province-wide one for CSTĐ tỉnh', () => {
    const h = history({
      evaluations: ratedYears(2022, 2024, 'HTTNV'),
      awards: awards('CSTDCS', [2022, 2023]),
      initiatives: [
        initiative('skt', '2024-02-01', { effectScope: 'province' }),
        initiative('sk', '2024-06-01', { effectScope: 'unit' }),
      ],
    });
    const vs = byCode(evaluateAll(PERSON, h, V2024, { year: 2024 }));
    expect(vs.get('CSTDCS')!.initiativeIds).toEqual(['sk']);
    expect(vs.get('CSTD_TINH')!.status).toBe('eligible');
    expect(vs.get('CSTD_TINH')!.initiativeIds).toEqual(['skt']);
  });
});

describe('Which verdicts of a run reserve initiatives (EvaluationRun.verdict)', () => {
  const byCode = (vs: Verdict[]) => new Map(vs.map((v) => [v.awardCode, v]));

  test('titles first: CSTĐCS and CSTĐ tỉnh spend sk20 and skt19, so BK tỉnh is left with one', () => {
    const h = history({
      evaluations: ratedYears(2013, 2020, 'HTXSNV'),
      awards: awards('CSTDCS', [2018, 2019]),
      initiatives: [
        initiative('sk19', '2019-01-01'),
        initiative('sk20', '2020-01-01', { effectScope: 'province' }),
        initiative('skt19', '2019-01-01', { effectScope: 'province' }),
      ],
    });
    const vs = byCode(evaluateAll(PERSON, h, V2017, { year: 2020 }));
    expect(vs.get('CSTDCS')!.initiativeIds).toEqual(['sk20']);
    expect(vs.get('CSTD_TINH')!.initiativeIds).toEqual(['skt19']);
    expectVerdict(vs.get('BK_TINH')!, 'ineligible', [['initiatives', 'unmet']]);
    // Without sk20 there is no CSTĐCS 2020 and so no CSTĐ tỉnh: their initiatives go back to BK tỉnh.
    const without = { ...h, initiatives: h.initiatives.filter((i) => i.id !== 'sk20') };
    const ws = byCode(evaluateAll(PERSON, without, V2017, { year: 2020 }));
    expect(ws.get('CSTD_TINH')!.status).toBe('ineligible');
    expect(ws.get('BK_TINH')!.status).toBe('eligible');
    expect(ws.get('BK_TINH')!.initiativeIds).toEqual(['sk19', 'skt19']);
  });

  test('forms are separate proposals: BK TTg and HCLĐ hạng Ba may both show the same free initiatives', () => {
    const h = history({
      evaluations: ratedYears(2013, 2020, 'HTXSNV'),
      awards: [award('BK_TINH', 2014), award('BK_TTG', 2015)],
      initiatives: [
        initiative('sk16', '2016-04-01'),
        initiative('sk17', '2017-04-01'),
        initiative('sk19', '2019-04-01'),
        initiative('skt17', '2017-06-01', { level: 'province', effectScope: 'province' }),
        initiative('skt18', '2018-06-01', { level: 'province', effectScope: 'province' }),
      ],
    });
    const vs = byCode(evaluateAll(PERSON, h, V2017, { year: 2020 }));
    expect(vs.get('BK_TTG')!.status).toBe('eligible');
    expect(vs.get('BK_TTG')!.initiativeIds).toEqual(['sk16', 'sk17', 'sk19', 'skt17', 'skt18']);
    expect(vs.get('HCLD_3')!.status).toBe('eligible');
    expect(vs.get('HCLD_3')!.initiativeIds).toEqual(['skt17', 'skt18']);
  });

  test('a CSTĐCS already awarded keeps its initiative spent even when today’s facts refuse it', () => {
    // CSTĐCS 2020 was awarded; a reprimand recorded later in 2020 makes its fresh verdict ineligible, but
    // the award stands and rested on skt20: CSTĐ tỉnh may not rest on it too.
    const h = history({
      evaluations: ratedYears(2018, 2020, 'HTXSNV'),
      awards: awards('CSTDCS', [2018, 2019, 2020]),
      disciplines: [discipline('khien_trach', '2020-11-15')],
      initiatives: [initiative('skt20', '2020-03-01', { effectScope: 'province' })],
    });
    const vs = byCode(evaluateAll(PERSON, h, V2017, { year: 2020 }));
    expect(vs.get('CSTDCS')!.status).toBe('ineligible');
    expectVerdict(vs.get('CSTD_TINH')!, 'ineligible', [
      ['chain', 'met'],
      ['initiative', 'unmet'],
    ]);
    // Judged alone (nothing else in the run), CSTĐ tỉnh sees skt20: the registry should record its use.
    expect(evaluate(PERSON, h, V2017, { year: 2020 }, 'CSTD_TINH').status).toBe('eligible');
  });
});

// ------------------------------------------------------------------------ Citations on every check

describe('Every check carries a citation with an instrument', () => {
  const rich = (y: number) =>
    history({
      evaluations: [...ratedYears(y - 6, y, 'HTXSNV')],
      awards: [award('BK_TINH', y - 6), award('BK_TTG', y - 5), ...awards('CSTDCS', [y - 2, y - 1])],
      initiatives: [
        initiative('sk1', `${y}-02-01`),
        initiative('sk2', `${y - 1}-02-01`, { effectScope: 'province' }),
        initiative('sk3', `${y - 2}-02-01`, { level: 'province', effectScope: 'national' }),
      ],
      trainings: [training(`${y}-03-01`, `${y}-05-31`, true)],
      leaves: [leave('maternity', `${y}-06-01`, `${y}-11-30`)],
    });

  test.each(PACKS)('$pack.id: every individual verdict, every check and branch', ({ pack, y }) => {
    const vs = evaluateAll(PERSON, rich(y), pack, { year: y });
    expect(vs.map((v) => v.awardCode)).toEqual([
      'LDTT',
      'CSTDCS',
      'CSTD_TINH',
      'CSTD_TOANQUOC',
      'GIAY_KHEN',
      'BK_TINH',
      'BK_TTG',
      'HCLD_3',
    ]);
    const checks = vs.flatMap((v) => allChecks(v.checks));
    expect(checks.length).toBeGreaterThan(25);
    for (const c of checks) {
      expect(c.citation.instrument, `${c.id}`).toMatch(/^(Luật|Nghị định|Thông tư) /);
      expect(typeof c.citation.verified).toBe('boolean');
      expect(c.detail.length, `${c.id} explains itself`).toBeGreaterThan(0);
    }
  });
});
