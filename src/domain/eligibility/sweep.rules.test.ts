/**
 * The sweep judges a province without writing the facts, and explains only the rows someone reads: the
 * two must never disagree. Checked on a varied group under every national pack.
 */
import { describe, expect, it } from 'vitest';
import { V2017, V2024, V2025 } from '../rules/packs';
import { explainSubjects, sweep, type SweepInput } from './sweep';
import { award, awards, discipline, history, initiative, ratedYears, ratings } from './test-fixtures';
import type { Verdict } from './types';

const people: SweepInput['people'] = [
  {
    subject: { kind: 'individual', id: 'a' },
    history: history({ evaluations: ratedYears(2014, 2025, 'HTXSNV') }),
  },
  {
    subject: { kind: 'individual', id: 'b' },
    history: history({
      evaluations: ratedYears(2014, 2025, 'HTTNV'),
      awards: [...awards('CSTDCS', [2021, 2022, 2023, 2024]), award('BK_TINH', 2016)],
      initiatives: [initiative('i1', '2024-11-01'), initiative('i2', '2023-11-01')],
    }),
  },
  {
    subject: { kind: 'individual', id: 'c' },
    history: history({
      evaluations: ratings({ 2023: 'HTNV', 2024: 'HTTNV', 2025: 'KHTNV' }),
      disciplines: [discipline('khien_trach', '2024-03-01')],
    }),
  },
];
const collectives: SweepInput['collectives'] = [
  {
    subject: { kind: 'collective', id: 'u' },
    history: {
      evaluations: [
        { year: 2024, rating: 'HTXSNV', memberCount: 3 },
        { year: 2025, rating: 'HTTNV', memberCount: 3 },
      ],
      awards: [],
    },
    memberIds: ['a', 'b', 'c'],
  },
];

const key = (v: Verdict) =>
  `${v.subject.id}/${v.awardCode}/${v.status}/${v.missing.join('|')}/${v.checks.map((c) => `${c.id}:${c.status}`).join(',')}`;

describe.each([
  [2020, V2017],
  [2024, V2024],
  [2025, V2025],
])('sweep %i (%s)', (year, pack) => {
  const input = (explain: boolean): SweepInput => ({ year, pack, people, collectives, explain });

  it('judges the same with and without explanations', () => {
    const quiet = sweep(input(false));
    const loud = sweep(input(true));
    // Same verdicts and the same "one criterion short"; a quiet run may stop at the second criterion not met.
    const verdictOf = (v: Verdict) =>
      `${v.subject.id}/${v.awardCode}/${v.status}/${v.missing.length < 2 ? v.missing.join() : 'many'}`;
    expect(quiet.verdicts.map(verdictOf)).toEqual(loud.verdicts.map(verdictOf));
    for (const [i, v] of loud.verdicts.entries())
      if (v.missing.length < 2) expect(key(quiet.verdicts[i]!)).toBe(key(v));
    // Quiet checks carry no computed facts (constant wordings may remain).
    expect(quiet.verdicts.flatMap((v) => v.checks).filter((c) => c.detail === '').length).toBeGreaterThan(10);
    expect(loud.verdicts.flatMap((v) => v.checks).every((c) => c.detail !== '')).toBe(true);
  });

  it('explains chosen subjects exactly as a full explained sweep does', () => {
    const quiet = sweep(input(false));
    const loud = sweep(input(true));
    const picked = explainSubjects(input(false), quiet.members, new Set(['b', 'u']));
    const expected = loud.verdicts.filter((v) => v.subject.id === 'b' || v.subject.id === 'u');
    expect(picked).toEqual(expected);
  });
});
