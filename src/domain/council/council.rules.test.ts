import { describe, expect, it } from 'vitest';
import { V2017, V2024, V2025, packForYear } from '../rules/packs';
import {
  checkQuorum,
  councilQuorum,
  citationText,
  countChoices,
  DEFAULT_QUORUM,
  requiredYes,
  tally,
  thresholdLabel,
  voteRequirement,
} from './council';

describe('thresholds from the pack of the nominee’s year', () => {
  it.each([
    ['NĐ 98/2023 art. 30(7): CSTĐCS needs 80 % (2024)', 2024, 'CSTDCS', 0.8],
    ['NĐ 98/2023 art. 30(7): Cờ thi đua cấp tỉnh needs 80 % (2024)', 2024, 'CO_TINH', 0.8],
    ['NĐ 98/2023 art. 30(7): CSTĐ cấp tỉnh needs 90 % (2024)', 2024, 'CSTD_TINH', 0.9],
    ['NĐ 91/2017 art. 45(8): CSTĐ cấp tỉnh needs 90 % (2020)', 2020, 'CSTD_TINH', 0.9],
    ['NĐ 91/2017 art. 45(8): CSTĐ toàn quốc needs 90 % (2020)', 2020, 'CSTD_TOANQUOC', 0.9],
    ['V2025: CSTĐCS needs 80 %', 2025, 'CSTDCS', 0.8],
    ['no listed threshold (LĐTT): more than half of the members', 2020, 'LDTT', null],
    ['no listed threshold (Giấy khen): more than half of the members', 2024, 'GIAY_KHEN', null],
  ])('%s', (_rule, year, code, share) => {
    const r = voteRequirement(packForYear(year), code);
    expect(r.share).toBe(share);
    expect(citationText(r.citation)).not.toBe('');
  });

  it('the packs are the expected versions', () => {
    expect([packForYear(2020), packForYear(2024), packForYear(2025)]).toEqual([V2017, V2024, V2025]);
  });

  it('NĐ 91/2017 art. 45(8) is cited with its clause', () => {
    expect(citationText(voteRequirement(V2017, 'CSTD_TINH').citation)).toBe(
      'khoản 8 Điều 45 Nghị định 91/2017/NĐ-CP',
    );
  });
});

describe('yes votes needed: a share of the TOTAL membership (law.md "Council votes")', () => {
  it.each([
    ['7 members, 80 % → 6 (5.6 rounds up)', 7, 0.8, 6],
    ['7 members, 90 % → 7 (6.3 rounds up)', 7, 0.9, 7],
    ['10 members, 80 % → 8 exactly (no float drift)', 10, 0.8, 8],
    ['10 members, 90 % → 9', 10, 0.9, 9],
    ['9 members, 2/3 → 6', 9, 2 / 3, 6],
    ['7 members, more than half → 4', 7, null, 4],
    ['8 members, more than half → 5 (half is not enough)', 8, null, 5],
  ])('%s', (_rule, total, share, need) => {
    expect(requiredYes(total, share)).toBe(need);
  });
});

describe('tally against the threshold', () => {
  it.each([
    [
      'CSTĐCS, 7 members, 6 present, 6 yes: passes (6/7 = 85.7 % ≥ 80 %)',
      { yes: 6, no: 0, abstain: 0 },
      7,
      0.8,
      'passed',
    ],
    [
      'CSTĐCS, 7 members, 6 present, 5 yes 1 no: fails (5/7 = 71.4 %), though 5/6 of those present',
      { yes: 5, no: 1, abstain: 0 },
      7,
      0.8,
      'failed',
    ],
    [
      'CSTĐ cấp tỉnh, 7 members, 6 yes: fails (85.7 % < 90 %)',
      { yes: 6, no: 1, abstain: 0 },
      7,
      0.9,
      'failed',
    ],
    ['CSTĐ cấp tỉnh, 7 members, 7 yes: passes', { yes: 7, no: 0, abstain: 0 }, 7, 0.9, 'passed'],
    [
      'majority, 8 members, 4 yes 4 abstain: fails (half is not more than half)',
      { yes: 4, no: 0, abstain: 4 },
      8,
      null,
      'failed',
    ],
    ['majority, 8 members, 5 yes: passes', { yes: 5, no: 2, abstain: 1 }, 8, null, 'passed'],
    ['no members: never passes', { yes: 0, no: 0, abstain: 0 }, 0, null, 'failed'],
  ] as const)('%s', (_rule, votes, total, share, result) => {
    const t = tally(votes, total, share);
    expect(t.result).toBe(result);
    if (total > 0) expect(t.shareOfMembers).toBeCloseTo(votes.yes / total, 10);
  });

  it('counts ballots by choice', () => {
    expect(countChoices(['yes', 'no', 'yes', 'abstain', 'yes'])).toEqual({ yes: 3, no: 1, abstain: 1 });
  });
});

describe('quorum: ≥ 2/3 of the members present or voting in writing (provincial example, configurable)', () => {
  it.each([
    ['7 members, 5 present → valid (5 ≥ 4.67)', 7, 5, 0, true],
    ['7 members, 4 present → not valid', 7, 4, 0, false],
    ['7 members, 4 present + 1 in writing → valid', 7, 4, 1, true],
    ['9 members, 6 present → valid (exactly 2/3)', 9, 6, 0, true],
    ['9 members, 5 present → not valid', 9, 5, 0, false],
    ['no members → never valid', 0, 0, 0, false],
  ])('%s', (_rule, membersTotal, present, absentWritten, ok) => {
    expect(checkQuorum({ membersTotal, present, absentWritten }).ok).toBe(ok);
  });

  it('a stricter rule (80 % present for award sessions, written opinions not counted) is a parameter', () => {
    const rule = { ...DEFAULT_QUORUM, minShare: 0.8, countWritten: false };
    expect(checkQuorum({ membersTotal: 7, present: 5, absentWritten: 2 }, rule)).toMatchObject({
      ok: false,
      counted: 5,
      required: 6,
    });
    expect(checkQuorum({ membersTotal: 7, present: 6, absentWritten: 0 }, rule).ok).toBe(true);
  });
});

describe('a council’s own quorum rule (stored as a fraction)', () => {
  it.each([
    ['2/3 with written opinions is the default rule', 2, 3, true, 7, 4, 1, true],
    [
      '4/5 present, written opinions not counted: 5 present + 2 written of 7 → not valid',
      4,
      5,
      false,
      7,
      5,
      2,
      false,
    ],
    ['4/5 present: 6 of 7 → valid', 4, 5, false, 7, 6, 0, true],
    ['1/2: 5 of 10 → valid (at least half)', 1, 2, true, 10, 5, 0, true],
  ])('%s', (_rule, num, den, written, membersTotal, present, absentWritten, ok) => {
    expect(checkQuorum({ membersTotal, present, absentWritten }, councilQuorum(num, den, written)).ok).toBe(
      ok,
    );
  });

  it('the default fraction keeps the default rule and its citation', () => {
    expect(councilQuorum(2, 3, true)).toBe(DEFAULT_QUORUM);
    expect(councilQuorum(4, 5, false).citation.note).toContain('4/5');
  });
});

describe('labels', () => {
  it.each([
    [0.8, '80%'],
    [0.9, '90%'],
    [2 / 3, '66,67%'],
    [null, 'quá 1/2'],
  ])('%s → %s', (share, label) => expect(thresholdLabel(share)).toBe(label));
});
