/**
 * The server reads only what `historyNeeds` says a pack can look at. Judging from that cut history must give
 * the same verdicts as judging from the whole history.
 */
import { describe, expect, it } from 'vitest';
import { V2017, V2024, V2025 } from './packs';
import { historyNeeds } from './needs';
import { evaluateAll } from '../eligibility/evaluate';
import {
  award,
  awards,
  discipline,
  history,
  initiative,
  ratedYears,
  ratings,
} from '../eligibility/test-fixtures';
import type { PersonHistory } from '../eligibility/types';
import type { RulePack } from './types';

const long: PersonHistory[] = [
  history({
    evaluations: ratedYears(2008, 2025, 'HTXSNV'),
    awards: [
      ...awards(
        'LDTT',
        [
          2008, 2009, 2010, 2011, 2012, 2013, 2014, 2015, 2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023,
          2024,
        ],
      ),
      ...awards('CSTDCS', [2012, 2013, 2014, 2018, 2019, 2020, 2021, 2022, 2023]),
      award('BK_TINH', 2009),
      award('CSTD_TINH', 2014),
      award('BK_TTG', 2016),
      award('GIAY_KHEN', 2011, 'thematic'),
    ],
    initiatives: [
      initiative('a', '2019-11-01'),
      initiative('b', '2020-11-01'),
      initiative('c', '2021-10-01'),
      initiative('d', '2022-10-01'),
      initiative('e', '2023-10-01'),
      initiative('f', '2024-10-01'),
      initiative('g', '2025-10-01'),
      initiative('old', '2012-05-01'),
    ],
  }),
  history({
    evaluations: [
      ...ratedYears(2010, 2019, 'HTTNV'),
      ...Object.values(ratings({ 2020: 'HTNV', 2021: 'HTTNV' })),
    ],
    disciplines: [discipline('khien_trach', '2020-02-01')],
    awards: awards('CSTDCS', [2015, 2016, 2017]),
  }),
];

function cut(h: PersonHistory, pack: RulePack, year: number): PersonHistory {
  const needs = historyNeeds(pack);
  const from = year - needs.years + 1;
  const y = (iso: string) => Number(iso.slice(0, 4));
  return {
    evaluations: h.evaluations.filter((e) => e.year >= from && e.year <= year),
    leaves: h.leaves.filter((l) => y(l.toDate) >= from),
    trainings: h.trainings.filter((t) => y(t.toDate) >= from),
    disciplines: h.disciplines,
    initiatives: h.initiatives.filter((i) => y(i.recognitionDate) >= from && y(i.recognitionDate) <= year),
    awards: h.awards.filter(
      (a) => a.year <= year && (a.year === year || needs.awardCodes.includes(a.awardCode)),
    ),
  };
}

describe.each([
  [2020, V2017],
  [2023, V2017],
  [2024, V2024],
  [2025, V2025],
])('%i under %s', (year, pack) => {
  it('a history cut to the needs of the pack judges like the whole history', () => {
    for (const h of long) {
      const subject = { kind: 'individual' as const, id: 'p' };
      const whole = evaluateAll(subject, h, pack, { year }, { explain: false });
      const part = evaluateAll(subject, cut(h, pack, year), pack, { year }, { explain: false });
      expect(part.map((v) => [v.awardCode, v.status, v.missing])).toEqual(
        whole.map((v) => [v.awardCode, v.status, v.missing]),
      );
    }
  });

  it('names the codes of chains and prerequisites, and a window of at least six years', () => {
    const needs = historyNeeds(pack);
    expect(needs.years).toBeGreaterThanOrEqual(6);
    expect(needs.awardCodes).toEqual(expect.arrayContaining(['CSTDCS', 'BK_TINH', 'BK_TTG', 'CSTD_TINH']));
    expect(needs.awardCodes).not.toContain('LDTT');
  });
});
