/**
 * Block scoring: scores within each criterion's range, totals with bonus and penalty, the checked score
 * over the member's own, ranking with explicit tie rules (law.md "Blocks"; the women preference of Luật
 * TĐKT 2022 art. 5), and the rotation of lead and deputy.
 */
import { describe, expect, it } from 'vitest';
import {
  describeProblem,
  missingEvidence,
  nextLeadership,
  rank,
  sheetTotals,
  validateCriteria,
  validateScore,
  WOMEN_PREFERENCE,
  type Criterion,
  type RankEntry,
  type ScoreValue,
  type TieRule,
} from './index';

const c = (
  id: string,
  kind: Criterion['kind'],
  maxPoints: number,
  minPoints = 0,
  parentId: string | null = null,
  evidenceRequired = false,
): Criterion => ({
  id,
  code: id,
  label: id,
  parentId,
  kind,
  maxPoints,
  minPoints,
  evidenceRequired,
  order: 0,
});

const TREE: Criterion[] = [
  c('A', 'group', 30),
  c('A1', 'score', 10, 0, 'A', true),
  c('A2', 'score', 20, 0, 'A'),
  c('B', 'group', 20),
  c('B1', 'score', 20, 0, 'B'),
  c('T', 'bonus', 5),
  c('P', 'penalty', 0, -5),
];
const byId = new Map(TREE.map((x) => [x.id, x]));
const s = (
  criterionId: string,
  selfScore: number | null,
  checkedScore: number | null = null,
  evidenceCount = 0,
): ScoreValue => ({
  criterionId,
  selfScore,
  checkedScore,
  evidenceCount,
});

describe('a score is checked against its criterion', () => {
  it.each([
    ['within range', 'A1', 10, null],
    ['zero is a score', 'A1', 0, null],
    ['above the maximum', 'A1', 10.5, 'ABOVE_MAX'],
    ['below the minimum (negative on a score item)', 'A2', -1, 'BELOW_MIN'],
    ['a penalty within its negative range', 'P', -5, null],
    ['a penalty below its minimum', 'P', -5.5, 'BELOW_MIN'],
    ['a penalty cannot be positive', 'P', 1, 'ABOVE_MAX'],
    ['a bonus above its maximum', 'T', 6, 'ABOVE_MAX'],
    ['a group is not scored directly', 'A', 5, 'NOT_SCORABLE'],
    ['three decimals refused', 'A2', 1.125, 'PRECISION'],
    ['two decimals accepted', 'A2', 1.25, null],
  ] as const)('%s', (_name, id, value, code) => {
    expect(validateScore(byId.get(id)!, value)?.code ?? null).toBe(code);
  });

  it('messages are Vietnamese and name the criterion and the limit', () => {
    expect(describeProblem(validateScore(byId.get('A1')!, 11)!)).toBe('Tiêu chí A1: điểm vượt mức tối đa 10');
    expect(describeProblem(validateScore(byId.get('P')!, -6)!)).toBe(
      'Tiêu chí P: điểm thấp hơn mức tối thiểu -5',
    );
  });
});

describe('a criteria tree is checked before it is saved', () => {
  it('the sample tree is valid', () => {
    expect(validateCriteria(TREE, [{ kind: 'criterion', code: 'A' }, WOMEN_PREFERENCE])).toEqual([]);
  });
  it.each<[string, Criterion[], TieRule[], string]>([
    ['empty', [], [], 'EMPTY'],
    ['duplicate code', [c('X', 'score', 5), { ...c('Y', 'score', 5), code: 'X' }], [], 'DUPLICATE_CODE'],
    ['item under an item', [c('X', 'score', 5), c('Y', 'score', 5, 0, 'X')], [], 'PARENT_NOT_GROUP'],
    ['penalty with a positive range', [c('X', 'penalty', 5, 0)], [], 'BAD_RANGE'],
    ['score with a negative minimum', [c('X', 'score', 5, -1)], [], 'BAD_RANGE'],
    ['min above max', [c('X', 'bonus', 1, 2)], [], 'BAD_RANGE'],
    [
      'group smaller than its items',
      [c('G', 'group', 10), c('X', 'score', 6, 0, 'G'), c('Y', 'score', 6, 0, 'G')],
      [],
      'GROUP_OVERFLOW',
    ],
    [
      'tie rule on an unknown criterion',
      [c('X', 'score', 5)],
      [{ kind: 'criterion', code: 'Z' }],
      'TIE_RULE_UNKNOWN_CRITERION',
    ],
    [
      'cycle',
      [
        { ...c('G', 'group', 10), parentId: 'H' },
        { ...c('H', 'group', 10), parentId: 'G' },
      ],
      [],
      'CYCLE',
    ],
  ])('%s', (_name, tree, rules, code) => {
    expect(validateCriteria(tree, rules).map((p) => p.code)).toContain(code);
  });
});

describe('totals: score items, bonus and penalty; the checked score counts over the own score', () => {
  it.each<
    [
      string,
      ScoreValue[],
      { total: number; base: number; bonus: number; penalty: number; selfTotal: number; A: number },
    ]
  >([
    ['nothing scored', [], { total: 0, base: 0, bonus: 0, penalty: 0, selfTotal: 0, A: 0 }],
    [
      'own scores only',
      [s('A1', 9.5), s('A2', 18), s('B1', 17.25), s('T', 2), s('P', -1)],
      { total: 45.75, base: 44.75, bonus: 2, penalty: -1, selfTotal: 45.75, A: 27.5 },
    ],
    [
      'cross-checked scores replace the own ones',
      [s('A1', 9.5, 8), s('A2', 18), s('B1', 17.25), s('T', 2, 0), s('P', -1, -3)],
      { total: 40.25, base: 43.25, bonus: 0, penalty: -3, selfTotal: 45.75, A: 26 },
    ],
    [
      'decimals add up exactly',
      [s('A1', 0.1), s('A2', 0.2)],
      { total: 0.3, base: 0.3, bonus: 0, penalty: 0, selfTotal: 0.3, A: 0.3 },
    ],
  ])('%s', (_name, scores, want) => {
    const t = sheetTotals(TREE, scores);
    expect({
      total: t.total,
      base: t.base,
      bonus: t.bonus,
      penalty: t.penalty,
      selfTotal: t.selfTotal,
      A: t.byCode.A,
    }).toEqual(want);
  });

  it('counts the items the lead changed', () => {
    expect(sheetTotals(TREE, [s('A1', 9, 8), s('A2', 10, 10)]).adjusted).toBe(1);
  });

  it('evidence is required only where the criterion says so and points are claimed', () => {
    expect(
      missingEvidence(TREE, [s('A1', 5), s('A2', 5)]).map((p) =>
        'criterionCode' in p ? p.criterionCode : '',
      ),
    ).toEqual(['A1']);
    expect(missingEvidence(TREE, [s('A1', 5, null, 1)])).toEqual([]);
    expect(missingEvidence(TREE, [s('A1', 0)])).toEqual([]);
  });
});

const e = (
  unitId: string,
  total: number,
  byCode: Record<string, number> = {},
  womenShare: number | null = null,
): RankEntry => ({
  unitId,
  name: `Đơn vị ${unitId}`,
  total,
  byCode,
  womenShare,
});

describe('ranking with explicit tie rules', () => {
  const rows = (r: ReturnType<typeof rank>) => r.map((x) => [x.unitId, x.rank, x.decidedBy?.by ?? null]);

  it('the total decides first', () => {
    expect(rows(rank([e('b', 90), e('a', 95), e('c', 80)], []))).toEqual([
      ['a', 1, null],
      ['b', 2, 'total'],
      ['c', 3, 'total'],
    ]);
  });

  it('equal totals: the named criteria decide, in the order the set lists them', () => {
    const entries = [
      e('x', 90, { A: 25, B: 20 }),
      e('y', 90, { A: 25, B: 22 }),
      e('z', 90, { A: 28, B: 10 }),
    ];
    expect(
      rows(
        rank(entries, [
          { kind: 'criterion', code: 'A' },
          { kind: 'criterion', code: 'B' },
        ]),
      ),
    ).toEqual([
      ['z', 1, null],
      ['y', 2, 'criterion'],
      ['x', 3, 'criterion'],
    ]);
    // The other order of the same rules gives another ranking: the order is data.
    expect(
      rows(
        rank(entries, [
          { kind: 'criterion', code: 'B' },
          { kind: 'criterion', code: 'A' },
        ]),
      ).map((r) => r[0]),
    ).toEqual(['y', 'x', 'z']);
  });

  it.each<[string, number | null, number | null, string]>([
    ['≥ 70% women goes first (Luật TĐKT 2022 art. 5)', 0.5, 0.7, 'w'],
    ['both below the threshold: still tied', 0.69, 0.5, 'tie'],
    ['both at or above: still tied (a preference, not a score)', 0.8, 0.95, 'tie'],
    ['unknown share does not reach the threshold', null, 0.75, 'w'],
  ])('equal totals and criteria, women preference: %s', (_name, otherShare, wShare, first) => {
    const r = rank(
      [e('o', 90, { A: 20 }, otherShare), e('w', 90, { A: 20 }, wShare)],
      [{ kind: 'criterion', code: 'A' }, WOMEN_PREFERENCE],
    );
    if (first === 'tie') {
      expect(r.map((x) => x.rank)).toEqual([1, 1]);
      expect(r[1]!.decidedBy).toEqual({ by: 'tie' });
    } else {
      expect(r[0]!.unitId).toBe(first);
      expect(r[1]!.decidedBy?.by).toBe('women_share');
    }
  });

  it('the women preference applies only after the criteria listed before it', () => {
    const r = rank(
      [e('w', 90, { A: 19 }, 0.9), e('o', 90, { A: 20 }, 0.1)],
      [{ kind: 'criterion', code: 'A' }, WOMEN_PREFERENCE],
    );
    expect(r.map((x) => x.unitId)).toEqual(['o', 'w']);
  });

  it('members still equal share a rank, and the next rank skips (1, 2, 2, 4)', () => {
    expect(rank([e('a', 99), e('b', 90), e('c', 90), e('d', 80)], []).map((x) => x.rank)).toEqual([
      1, 2, 2, 4,
    ]);
  });
});

describe('rotation of lead and deputy', () => {
  const order = ['u1', 'u2', 'u3', 'u4'];
  it.each<[string, string | null, string | null, { lead: string; deputy: string | null }]>([
    [
      "this year's deputy leads next year; the next member deputises",
      'u1',
      'u2',
      { lead: 'u2', deputy: 'u3' },
    ],
    ['wraps around the order', 'u3', 'u4', { lead: 'u4', deputy: 'u1' }],
    ['skips the outgoing lead', 'u1', 'u4', { lead: 'u4', deputy: 'u2' }],
    ['no deputy: the member after the lead leads', 'u2', null, { lead: 'u3', deputy: 'u4' }],
    ['nobody yet: the first member leads', null, null, { lead: 'u1', deputy: 'u2' }],
  ])('%s', (_name, lead, deputy, want) => {
    expect(nextLeadership(order, lead, deputy)).toEqual(want);
  });
  it('a block of one has no deputy', () => {
    expect(nextLeadership(['u1'], 'u1', null)).toEqual({ lead: 'u1', deputy: null });
  });
});
