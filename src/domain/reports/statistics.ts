/**
 * Statistics tables of emulation and commendation (bảng thống kê thi đua, khen thưởng) as a plain model.
 *
 * The data source hands over *cells*: award counts and prize money already aggregated by the database over
 * the finest grouping the tables need (unit × title/form × issuer × track × recipient kind × sex × leader).
 * A few thousand cells at most, even for a 60 000-person province; every table here is a sum over them, so
 * the tables always add up to the same totals (style.md, habit 10: the renderers only draw this).
 *
 * Counting: every number is a number of awards (lượt khen thưởng). An emulation title is held once a year,
 * so for titles awards and recipients are the same; a form counted here twice was given twice. Only issued,
 * not revoked awards are cells (the source leaves the others out).
 */
import {
  AWARD_CODE_LIST,
  AWARD_CODES,
  AWARD_TRACK_LABELS,
  AWARD_TRACKS,
  RECIPIENT_KIND_LABELS,
  RECIPIENT_KINDS,
  type AwardTrack,
  type RecipientKind,
} from '../../shared/registry/catalog';

/** One aggregate of the source: awards of one year with the same unit, code, issuer, track, kind, sex, leader. */
export interface StatCell {
  unitId: string | null;
  awardCode: string;
  issuer: string;
  track: string;
  recipientKind: string;
  /** Individuals only: 'male' | 'female'. */
  sex: string | null;
  /** Individuals only: the person holds a leadership post (people.is_leader). */
  leader: boolean | null;
  awards: number;
  /** Prize money in whole đồng (from the decisions' recipient lines; 0 for imported history). */
  prize: number;
}

/** Awards of earlier years, for the trend table. */
export interface YearCell {
  year: number;
  recipientKind: string;
  awards: number;
  prize: number;
}

export interface StatUnit {
  id: string;
  code: string;
  name: string;
}

export interface StatisticsInput {
  year: number;
  scope: { code: string | null; label: string };
  cells: readonly StatCell[];
  years: readonly YearCell[];
  units: readonly StatUnit[];
}

/** The drill-down filter behind a row: the query of GET /api/statistics/awards. */
export interface StatFilter {
  year?: number;
  unitId?: string;
  code?: string;
  issuer?: string;
  track?: string;
  recipientKind?: string;
  sex?: string;
  leader?: boolean;
}

export interface StatRow {
  key: string;
  label: string;
  /** All awards of the row. */
  total: number;
  individual: number;
  collective: number;
  household: number;
  prize: number;
  filter: StatFilter;
}

export const STAT_TABLES = [
  'byYear',
  'byUnit',
  'byAward',
  'byIssuer',
  'byTrack',
  'byRecipientKind',
  'bySex',
  'byLeader',
] as const;
export type StatTableKey = (typeof STAT_TABLES)[number];

export interface StatTable {
  key: StatTableKey;
  title: string;
  /** The first column's header. */
  dimension: string;
  rows: StatRow[];
  totals: Omit<StatRow, 'key' | 'label' | 'filter'>;
}

export interface Statistics {
  year: number;
  scope: { code: string | null; label: string };
  title: string;
  empty: boolean;
  totals: {
    awards: number;
    individual: number;
    collective: number;
    household: number;
    prize: number;
    female: number;
    male: number;
    leader: number;
    frontLine: number;
  };
  tables: StatTable[];
}

export const SEX_ROW_LABELS: Record<string, string> = { female: 'Nữ', male: 'Nam' };

export function statisticsTitle(year: number): string {
  return `Thống kê khen thưởng năm ${year}`;
}

const order = <T extends string>(list: readonly T[], v: string) => {
  const i = list.indexOf(v as T);
  return i < 0 ? list.length : i;
};

export function awardLabel(code: string): string {
  return (AWARD_CODES as Record<string, { label: string } | undefined>)[code]?.label ?? code;
}

type Acc = Omit<StatRow, 'key' | 'label' | 'filter'>;
const zero = (): Acc => ({ total: 0, individual: 0, collective: 0, household: 0, prize: 0 });

function add(acc: Acc, kind: string, awards: number, prize: number) {
  acc.total += awards;
  if (kind === 'individual' || kind === 'collective' || kind === 'household') acc[kind] += awards;
  acc.prize += prize;
}

function sumRows(rows: readonly Acc[]): Acc {
  const t = zero();
  for (const r of rows) {
    t.total += r.total;
    t.individual += r.individual;
    t.collective += r.collective;
    t.household += r.household;
    t.prize += r.prize;
  }
  return t;
}

/** Group cells by a key; rows keep the first-seen label and filter. */
function group(
  cells: readonly StatCell[],
  keyOf: (c: StatCell) => string | null,
  describe: (key: string) => { label: string; filter: StatFilter },
  sort: (a: StatRow, b: StatRow) => number,
): StatRow[] {
  const map = new Map<string, Acc>();
  for (const c of cells) {
    const k = keyOf(c);
    if (k === null) continue;
    let acc = map.get(k);
    if (!acc) map.set(k, (acc = zero()));
    add(acc, c.recipientKind, c.awards, c.prize);
  }
  return [...map.entries()].map(([key, acc]) => ({ key, ...describe(key), ...acc })).sort(sort);
}

export function buildStatistics(input: StatisticsInput): Statistics {
  const { year } = input;
  const cells = input.cells.filter((c) => c.awards > 0);
  const unitById = new Map(input.units.map((u) => [u.id, u]));
  const base: StatFilter = { year };
  const table = (key: StatTableKey, title: string, dimension: string, rows: StatRow[]): StatTable => ({
    key,
    title,
    dimension,
    rows,
    totals: sumRows(rows),
  });
  const byTotalDesc = (a: StatRow, b: StatRow) => b.total - a.total || a.label.localeCompare(b.label, 'vi');

  // Years: the trend up to the report's year (the source sends the window it chose).
  const yearMap = new Map<number, Acc>();
  for (const y of input.years) {
    let acc = yearMap.get(y.year);
    if (!acc) yearMap.set(y.year, (acc = zero()));
    add(acc, y.recipientKind, y.awards, y.prize);
  }
  const byYear = [...yearMap.entries()]
    .filter(([, acc]) => acc.total > 0)
    .sort(([a], [b]) => a - b)
    .map(([y, acc]) => ({ key: String(y), label: String(y), filter: { year: y }, ...acc }));

  const byUnit = group(
    cells,
    (c) => c.unitId ?? '',
    (k) => {
      const u = unitById.get(k);
      return {
        label: u ? u.name : '(không xác định đơn vị)',
        filter: k ? { ...base, unitId: k } : base,
      };
    },
    byTotalDesc,
  );
  const byAward = group(
    cells,
    (c) => c.awardCode,
    (k) => ({ label: awardLabel(k), filter: { ...base, code: k } }),
    (a, b) => order(AWARD_CODE_LIST, a.key) - order(AWARD_CODE_LIST, b.key) || a.key.localeCompare(b.key),
  );
  const byIssuer = group(
    cells,
    (c) => c.issuer,
    (k) => ({ label: k, filter: { ...base, issuer: k } }),
    byTotalDesc,
  );
  const byTrack = group(
    cells,
    (c) => c.track,
    (k) => ({
      label: AWARD_TRACK_LABELS[k as AwardTrack] ?? k,
      filter: { ...base, track: k },
    }),
    (a, b) => order(AWARD_TRACKS, a.key) - order(AWARD_TRACKS, b.key),
  );
  const byKind = group(
    cells,
    (c) => c.recipientKind,
    (k) => ({
      label: RECIPIENT_KIND_LABELS[k as RecipientKind] ?? k,
      filter: { ...base, recipientKind: k },
    }),
    (a, b) => order(RECIPIENT_KINDS, a.key) - order(RECIPIENT_KINDS, b.key),
  );
  const individuals = cells.filter((c) => c.recipientKind === 'individual');
  const bySex = group(
    individuals,
    (c) => c.sex ?? 'unknown',
    (k) => ({
      label: SEX_ROW_LABELS[k] ?? '(chưa ghi giới tính)',
      filter: k === 'unknown' ? { ...base, recipientKind: 'individual' } : { ...base, sex: k },
    }),
    (a, b) => order(['female', 'male', 'unknown'], a.key) - order(['female', 'male', 'unknown'], b.key),
  );
  const byLeader = group(
    individuals,
    (c) => (c.leader ? 'leader' : 'frontLine'),
    (k) => ({
      label: k === 'leader' ? 'Cán bộ lãnh đạo, quản lý' : 'Người trực tiếp lao động, công tác',
      filter: { ...base, leader: k === 'leader' },
    }),
    (a, b) => order(['leader', 'frontLine'], a.key) - order(['leader', 'frontLine'], b.key),
  );

  const all = sumRows(byKind);
  const pick = (rows: StatRow[], key: string) => rows.find((r) => r.key === key)?.total ?? 0;
  return {
    year,
    scope: input.scope,
    title: statisticsTitle(year),
    empty: all.total === 0,
    totals: {
      awards: all.total,
      individual: all.individual,
      collective: all.collective,
      household: all.household,
      prize: all.prize,
      female: pick(bySex, 'female'),
      male: pick(bySex, 'male'),
      leader: pick(byLeader, 'leader'),
      frontLine: pick(byLeader, 'frontLine'),
    },
    tables: [
      table('byYear', 'Khen thưởng theo năm', 'Năm', byYear),
      table('byUnit', 'Khen thưởng theo đơn vị', 'Đơn vị', byUnit),
      table('byAward', 'Khen thưởng theo danh hiệu, hình thức', 'Danh hiệu, hình thức', byAward),
      table('byIssuer', 'Khen thưởng theo cấp khen thưởng', 'Cấp khen thưởng', byIssuer),
      table('byTrack', 'Khen thưởng theo loại hình', 'Loại hình khen thưởng', byTrack),
      table('byRecipientKind', 'Khen thưởng theo đối tượng', 'Đối tượng', byKind),
      table('bySex', 'Cá nhân được khen thưởng theo giới tính', 'Giới tính', bySex),
      table('byLeader', 'Cá nhân được khen thưởng: lãnh đạo và người trực tiếp', 'Nhóm', byLeader),
    ],
  };
}

/** A share in percent with one decimal (0 when the whole is 0): 12,5 for 1 of 8. */
export function percent(part: number, whole: number): number {
  return whole > 0 ? Math.round((part * 1000) / whole) / 10 : 0;
}
