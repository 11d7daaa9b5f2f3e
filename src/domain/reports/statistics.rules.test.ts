/** The statistics model over hand-made cells: every table sums the same cells; filters point at the rows. */
import { describe, expect, it } from 'vitest';
import { buildStatistics, percent, type StatCell } from './statistics';

const U1 = '00000000-0000-4000-8000-000000000001';
const U2 = '00000000-0000-4000-8000-000000000002';
const cell = (o: Partial<StatCell>): StatCell => ({
  unitId: U1,
  awardCode: 'LDTT',
  issuer: 'Giám đốc Sở',
  track: 'regular',
  recipientKind: 'individual',
  sex: 'female',
  leader: false,
  awards: 1,
  prize: 0,
  ...o,
});

describe('buildStatistics', () => {
  const sut = buildStatistics({
    year: 2020,
    scope: { code: null, label: 'Toàn bộ dữ liệu' },
    units: [
      { id: U1, code: 'A', name: 'Trung tâm A' },
      { id: U2, code: 'B', name: 'Ban B' },
    ],
    cells: [
      cell({ awards: 10, sex: 'female' }),
      cell({ awards: 5, sex: 'male', leader: true, unitId: U2 }),
      cell({ awardCode: 'CSTDCS', awards: 2, sex: 'male', prize: 2_000_000 }),
      cell({
        awardCode: 'TTLDTT',
        recipientKind: 'collective',
        sex: null,
        leader: null,
        awards: 3,
        prize: 6_000_000,
      }),
      cell({
        awardCode: 'BK_TINH',
        issuer: 'Chủ tịch UBND tỉnh',
        track: 'thematic',
        recipientKind: 'household',
        sex: null,
        leader: null,
        awards: 1,
        prize: 1_000_000,
      }),
      cell({ awards: 0 }),
    ],
    years: [
      { year: 2019, recipientKind: 'individual', awards: 7, prize: 0 },
      { year: 2020, recipientKind: 'individual', awards: 17, prize: 2_000_000 },
      { year: 2020, recipientKind: 'collective', awards: 3, prize: 6_000_000 },
      { year: 2020, recipientKind: 'household', awards: 1, prize: 1_000_000 },
    ],
  });
  const table = (k: string) => sut.tables.find((t) => t.key === k)!;

  it('totals by recipient kind, prize, sex and leadership', () => {
    expect(sut.totals).toEqual({
      awards: 21,
      individual: 17,
      collective: 3,
      household: 1,
      prize: 9_000_000,
      female: 10,
      male: 7,
      leader: 5,
      frontLine: 12,
    });
    expect(sut.empty).toBe(false);
    expect(sut.title).toBe('Thống kê khen thưởng năm 2020');
  });

  it.each(['byUnit', 'byAward', 'byIssuer', 'byTrack', 'byRecipientKind'])('%s adds up to 21 awards', (k) => {
    expect(table(k).totals.total).toBe(21);
    expect(table(k).totals.prize).toBe(9_000_000);
  });

  it('titles in catalogue order, units by count, with drill-down filters', () => {
    expect(table('byAward').rows.map((r) => r.key)).toEqual(['LDTT', 'CSTDCS', 'TTLDTT', 'BK_TINH']);
    expect(table('byAward').rows[0]).toMatchObject({
      label: 'Lao động tiên tiến',
      total: 15,
      filter: { year: 2020, code: 'LDTT' },
    });
    expect(table('byUnit').rows.map((r) => [r.label, r.total])).toEqual([
      ['Trung tâm A', 16],
      ['Ban B', 5],
    ]);
    expect(table('byUnit').rows[1]!.filter).toEqual({ year: 2020, unitId: U2 });
    expect(table('bySex').rows.map((r) => [r.label, r.total, r.filter.sex])).toEqual([
      ['Nữ', 10, 'female'],
      ['Nam', 7, 'male'],
    ]);
    expect(table('byLeader').rows.map((r) => [r.key, r.total, r.filter.leader])).toEqual([
      ['leader', 5, true],
      ['frontLine', 12, false],
    ]);
    expect(table('byTrack').rows.map((r) => r.label)).toEqual([
      'Thường xuyên (công trạng)',
      'Chuyên đề, theo phong trào',
    ]);
  });

  it('the year table is the trend window, oldest first', () => {
    expect(table('byYear').rows.map((r) => [r.key, r.total, r.prize])).toEqual([
      ['2019', 7, 0],
      ['2020', 21, 9_000_000],
    ]);
  });

  it('no cells: an empty result with empty tables, not an error', () => {
    const e = buildStatistics({
      year: 1995,
      scope: { code: null, label: '' },
      cells: [],
      years: [],
      units: [],
    });
    expect(e.empty).toBe(true);
    expect(e.tables.every((t) => t.rows.length === 0 && t.totals.total === 0)).toBe(true);
  });

  it.each([
    [1, 8, 12.5],
    [0, 0, 0],
    [2, 3, 66.7],
  ])('percent(%i, %i) = %d', (a, b, p) => expect(percent(a, b)).toBe(p));
});
