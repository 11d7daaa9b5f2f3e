/**
 * A synthetic province for the registry benchmarks (issue 3): units, blocks, people, unit history,
 * yearly evaluations, leave, training, discipline, initiatives and past awards, in the JSON dataset
 * format (src/shared/registry/dataset.schema.ts). Everyone in it is fictional.
 *
 * Pure and deterministic: the output depends only on the options. All randomness comes from seeded
 * sfc32 streams (one for the unit tree, one per person, one per unit-year), never from Math.random or the
 * clock, so the same options give byte-identical JSON on any machine, and a person's records do not
 * change when `--people` grows (person i draws from its own stream).
 *
 * Shape of the province (fictional "tỉnh Phú An", codes P01-…):
 *  - 13 provincial departments and 7 district-level localities (P01-D01 … P01-D20), each with 5–20 units
 *    (P01-D03-U07) and, for hospitals, schools, sub-departments and some centres, sub-units
 *    (P01-D03-U07-T02). In the middle year two communes of the first district merge into a new one
 *    (activeTo, succession records, and their people move to the merged commune).
 *  - 4 emulation blocks per year (khối thi đua) over the departments, Khối trưởng / Khối phó rotating.
 *  - People: weighted Vietnamese family names, middle and given names by sex, date of birth, ethnicity,
 *    unique 12-digit personal ids (province prefix 099, which no province holds), ~10 % leaders,
 *    hire dates (new hires inside the period carry employmentStartDate), ~5 % transferred mid-period.
 *  - Per person and year: a rating (≈ HTXSNV 15 %, HTTNV 60 %, HTNV 20 %, KHTNV 5 %; correlated over the
 *    years through a per-person ability), maternity and sick leave, training, ~1 % discipline (rating
 *    then at most HTNV), initiatives (~3 % of people a year, mostly grassroots, with co-authors from the
 *    same unit), and awards consistent with them: LĐTT for HTTNV+ without discipline, CSTĐCS for LĐTT
 *    holders with an initiative that year, Giấy khen, Bằng khen of the province after two HTXSNV years,
 *    CSTĐ cấp tỉnh after three CSTĐCS years with a province-level initiative.
 *  - Per unit and year: a rating with member counts, collective titles (TTLĐTT, TTLĐXS), Giấy khen, the
 *    province's Cờ thi đua to the best department of each block, and a few households.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  DATASET_ORDER,
  type AwardRecord,
  type BlockRecord,
  type DatasetInput,
  type DatasetKind,
  type DisciplineRecord,
  type InitiativeRecord,
  type LeaveRecord,
  type PersonEvaluationRecord,
  type PersonRecord,
  type PersonUnitRecord,
  type SuccessionRecord,
  type TrainingRecord,
  type UnitEvaluationRecord,
  type UnitRecord,
} from '../src/shared/registry/dataset.schema';
import type { AwardCode, DisciplineLevel, Rating, TrainingGrade } from '../src/shared/registry/catalog';
import type { UnitKind } from '../src/shared/units/units.schema';

export interface GenerateOptions {
  /** Number of people (1 … 1 000 000). */
  people: number;
  /** Number of years of yearly records, ending with endYear (1 … 40). */
  years: number;
  /** Any integer; the same seed gives the same dataset. */
  seed: number;
  /** Last year with evaluations (default 2024, the last year before the 2025 reorganisation). */
  endYear?: number;
}

export const DEFAULT_END_YEAR = 2024;
export const MAX_PEOPLE = 1_000_000;
export const PROVINCE_CODE = 'P01';
export const PROVINCE_NAME = 'tỉnh Phú An';

export type DatasetRecord = {
  units: UnitRecord;
  successions: SuccessionRecord;
  blocks: BlockRecord;
  people: PersonRecord;
  personUnits: PersonUnitRecord;
  personEvaluations: PersonEvaluationRecord;
  leaves: LeaveRecord;
  trainings: TrainingRecord;
  unitEvaluations: UnitEvaluationRecord;
  disciplines: DisciplineRecord;
  initiatives: InitiativeRecord;
  awards: AwardRecord;
};
export type Emit = <K extends DatasetKind>(kind: K, record: DatasetRecord[K]) => void;

export interface GenerateSummary {
  options: Required<GenerateOptions>;
  description: string;
  byKind: Record<DatasetKind, number>;
  records: number;
}

// ─────────────────────────────────────────────────────────────────────────────────────────── randomness

/** 32-bit integer hash of a few integers (murmur3 finaliser over a running mix). */
function hash32(...xs: number[]): number {
  let h = 0x9e3779b9;
  for (const x of xs) {
    h = Math.imul(h ^ (x | 0), 0x85ebca6b);
    h ^= h >>> 13;
    h = Math.imul(h, 0xc2b2ae35);
    h ^= h >>> 16;
    h = (h + 0x6a09e667) | 0;
  }
  return h >>> 0;
}

/** sfc32 (Chris Doty-Humphrey's Small Fast Counting generator), seeded from a hash of the stream ids. */
export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d = 1;
  constructor(...ids: number[]) {
    this.a = hash32(...ids, 1);
    this.b = hash32(...ids, 2);
    this.c = hash32(...ids, 3);
    for (let i = 0; i < 12; i++) this.next();
  }
  /** Uniform in [0, 1). */
  next(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return (t >>> 0) / 4294967296;
  }
  /** Integer in [lo, hi]. */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(xs: readonly T[]): T {
    return xs[Math.floor(this.next() * xs.length)]!;
  }
  /** Standard normal (Box–Muller). */
  normal(): number {
    const u = 1 - this.next();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * this.next());
  }
}

/** Weighted choice from precomputed cumulative weights. */
class Weighted<T> {
  private readonly cum: number[] = [];
  private readonly total: number;
  constructor(private readonly items: readonly (readonly [T, number])[]) {
    let s = 0;
    for (const [, w] of items) this.cum.push((s += w));
    this.total = s;
  }
  pick(rng: Rng): T {
    const x = rng.next() * this.total;
    let lo = 0;
    let hi = this.cum.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.cum[mid]! > x) hi = mid;
      else lo = mid + 1;
    }
    return this.items[lo]![0];
  }
}

const w = <T>(items: readonly (readonly [T, number])[]) => new Weighted(items);
/** "Nguyễn:380 Trần:110" → weighted names. */
const names = (spec: string) =>
  w(spec.split(' ').map((item) => [item.split(':')[0]!, Number(item.split(':')[1])] as const));

// ──────────────────────────────────────────────────────────────────────────────────────────────── dates

/** Days since 1970-01-01 (proleptic Gregorian; Howard Hinnant's days_from_civil, no Date objects). */
export function dayOf(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}
/** [year, month, day] of a day number (civil_from_days). */
function civil(day: number): [number, number, number] {
  const z = day + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return [yoe + era * 400 + (m <= 2 ? 1 : 0), m, d];
}
const isoCache = new Map<number, string>();
/** yyyy-mm-dd of a day number (memoised: a dataset uses a few tens of thousands of distinct days). */
export function iso(day: number): string {
  let s = isoCache.get(day);
  if (s === undefined) {
    const [y, m, d] = civil(day);
    s = `${y}-${m < 10 ? '0' : ''}${m}-${d < 10 ? '0' : ''}${d}`;
    isoCache.set(day, s);
  }
  return s;
}
const yearStart = (y: number) => dayOf(y, 1, 1);
const yearEnd = (y: number) => dayOf(y, 12, 31);

// ──────────────────────────────────────────────────────────────────────────────────────────────── names

const FAMILY_NAMES = names(
  'Nguyễn:380 Trần:110 Lê:95 Phạm:70 Huỳnh:30 Hoàng:20 Phan:45 Võ:35 Vũ:15 Đặng:21 Bùi:20 Đỗ:14 Hồ:13 ' +
    'Ngô:13 Dương:10 Lý:6 Trương:10 Đinh:8 Đoàn:6 Lâm:6 Mai:5 Trịnh:4 Lương:4 Cao:4 Tô:3 Tạ:3 Châu:3 ' +
    'Thái:3 Hà:3 Quách:2 La:2 Kiều:1 Diệp:1',
);
const KHMER_FAMILY_NAMES = names('Thạch:30 Danh:25 Sơn:20 Kim:10 Lý:8 Châu:7');
const MALE_MIDDLE = names(
  'Văn:300 Minh:90 Hữu:70 Đức:60 Quốc:55 Thanh:50 Công:40 Hoàng:35 Quang:35 Đình:35 Xuân:30 Ngọc:25 ' +
    'Trọng:25 Thành:25 Duy:25 Tấn:25 Hồng:15 Gia:15 Anh:15 Chí:15',
);
const FEMALE_MIDDLE = names(
  'Thị:400 Ngọc:90 Thu:55 Thanh:55 Kim:45 Hồng:45 Minh:35 Mỹ:35 Phương:30 Thùy:30 Bích:25 Hoài:20 ' +
    'Diễm:15 Khánh:15 Quỳnh:15 Bảo:15 Tuyết:10',
);
/** Women named "Thị" often carry a second middle name: Nguyễn Thị Thu Hà. */
const FEMALE_SECOND_MIDDLE = ['Thu', 'Ngọc', 'Kim', 'Thanh', 'Hồng', 'Mỹ', 'Bích', 'Minh'] as const;
// prettier-ignore
const MALE_GIVEN = [
  'An', 'Bảo', 'Bình', 'Cường', 'Dũng', 'Duy', 'Đạt', 'Đức', 'Hải', 'Hậu', 'Hiếu', 'Hòa', 'Hoàng', 'Hùng',
  'Hưng', 'Huy', 'Khang', 'Khánh', 'Khoa', 'Kiên', 'Lâm', 'Lộc', 'Long', 'Luân', 'Minh', 'Nam', 'Nghĩa',
  'Nhân', 'Phát', 'Phong', 'Phúc', 'Quân', 'Quang', 'Sang', 'Sơn', 'Tài', 'Tâm', 'Thắng', 'Thành', 'Thịnh',
  'Thông', 'Toàn', 'Trí', 'Trung', 'Tuấn', 'Tùng', 'Việt', 'Vinh', 'Vũ', 'Khôi',
] as const;
// prettier-ignore
const FEMALE_GIVEN = [
  'Anh', 'Ánh', 'Châu', 'Chi', 'Diệp', 'Dung', 'Duyên', 'Giang', 'Hà', 'Hạnh', 'Hằng', 'Hiền', 'Hoa',
  'Hồng', 'Huệ', 'Hương', 'Huyền', 'Lan', 'Liên', 'Linh', 'Loan', 'Mai', 'My', 'Nga', 'Ngân', 'Ngọc',
  'Nhung', 'Nhi', 'Oanh', 'Phương', 'Quyên', 'Quỳnh', 'Tâm', 'Thảo', 'Thanh', 'Thơ', 'Thu', 'Thúy', 'Thủy',
  'Trang', 'Trâm', 'Trinh', 'Tuyết', 'Uyên', 'Vân', 'Vy', 'Xuân', 'Yến', 'Đào', 'Diễm',
] as const;
const ETHNICITY = w([
  ['Kinh', 91],
  ['Khmer', 6],
  ['Hoa', 3],
] as const);

// prettier-ignore
const PLACE_A = [
  'An', 'Phú', 'Mỹ', 'Long', 'Tân', 'Vĩnh', 'Hòa', 'Thạnh', 'Bình', 'Hưng', 'Phước', 'Thới', 'Lộc', 'Châu',
  'Đại', 'Gia', 'Ninh', 'Tài', 'Khánh', 'Trường',
] as const;
// prettier-ignore
const PLACE_B = [
  'Thạnh', 'Hưng', 'Lợi', 'Phú', 'Bình', 'Hòa', 'An', 'Long', 'Tân', 'Thuận', 'Điền', 'Trung', 'Đông',
  'Tây', 'Hiệp', 'Khánh', 'Mỹ', 'Lộc', 'Phước', 'Quới',
] as const;

// ──────────────────────────────────────────────────────────────────────────────────────────── unit tree

type Sector =
  'office' | 'admin' | 'finance' | 'econ' | 'agri' | 'education' | 'health' | 'social' | 'culture';
type UnitRole =
  | 'department'
  | 'district'
  | 'division'
  | 'subagency'
  | 'centre'
  | 'hospital'
  | 'school'
  | 'commune'
  | 'ward'
  | 'khoa'
  | 'to'
  | 'phong';

interface UnitSpec {
  code: string;
  name: string;
  kind: UnitKind;
  role: UnitRole;
  parent: number | null;
  dept: number;
  /** Relative headcount (0 for units nobody is placed in directly). */
  weight: number;
  activeFrom: string;
  activeTo?: string;
  documentSymbol?: string;
  shortName?: string;
}

interface DeptSpec {
  name: string;
  symbol: string;
  sector: Sector;
  district: boolean;
}

const DEPARTMENTS: DeptSpec[] = [
  { name: 'Văn phòng Ủy ban nhân dân tỉnh', symbol: 'VP', sector: 'office', district: false },
  { name: 'Sở Nội vụ', symbol: 'SNV', sector: 'admin', district: false },
  { name: 'Sở Tài chính', symbol: 'STC', sector: 'finance', district: false },
  { name: 'Sở Kế hoạch và Đầu tư', symbol: 'SKHĐT', sector: 'finance', district: false },
  { name: 'Sở Tư pháp', symbol: 'STP', sector: 'admin', district: false },
  { name: 'Sở Công Thương', symbol: 'SCT', sector: 'econ', district: false },
  { name: 'Sở Nông nghiệp và Phát triển nông thôn', symbol: 'SNN', sector: 'agri', district: false },
  { name: 'Sở Tài nguyên và Môi trường', symbol: 'STNMT', sector: 'agri', district: false },
  { name: 'Sở Giao thông vận tải', symbol: 'SGTVT', sector: 'econ', district: false },
  { name: 'Sở Giáo dục và Đào tạo', symbol: 'SGDĐT', sector: 'education', district: false },
  { name: 'Sở Y tế', symbol: 'SYT', sector: 'health', district: false },
  { name: 'Sở Lao động – Thương binh và Xã hội', symbol: 'SLĐTBXH', sector: 'social', district: false },
  { name: 'Sở Văn hóa, Thể thao và Du lịch', symbol: 'SVHTTDL', sector: 'culture', district: false },
  { name: 'Thành phố Phú An', symbol: 'TP', sector: 'admin', district: true },
  { name: 'Thị xã Long Điền', symbol: 'TX', sector: 'admin', district: true },
  { name: 'Huyện Mỹ Thạnh', symbol: 'UBND', sector: 'admin', district: true },
  { name: 'Huyện Tân Quới', symbol: 'UBND', sector: 'admin', district: true },
  { name: 'Huyện Vĩnh Lợi', symbol: 'UBND', sector: 'admin', district: true },
  { name: 'Huyện Hòa Điền', symbol: 'UBND', sector: 'admin', district: true },
  { name: 'Huyện Gia Hiệp', symbol: 'UBND', sector: 'admin', district: true },
];

interface UnitTemplate {
  name: string;
  kind: UnitKind;
  role: UnitRole;
  weight: number;
}
const T = (name: string, kind: UnitKind, role: UnitRole, weight: number): UnitTemplate => ({
  name,
  kind,
  role,
  weight,
});

function sectorUnits(dept: DeptSpec, place: () => string): UnitTemplate[] {
  if (dept.district) {
    const offices = [
      T('Văn phòng HĐND và UBND', 'division', 'division', 14),
      T('Phòng Nội vụ', 'division', 'division', 8),
      T('Phòng Tài chính – Kế hoạch', 'division', 'division', 10),
      T('Phòng Giáo dục và Đào tạo', 'division', 'division', 10),
      T('Phòng Tài nguyên và Môi trường', 'division', 'division', 9),
      T('Phòng Nông nghiệp và Phát triển nông thôn', 'division', 'division', 9),
      T('Phòng Văn hóa và Thông tin', 'division', 'division', 7),
      T('Phòng Lao động – Thương binh và Xã hội', 'division', 'division', 8),
      T('Phòng Tư pháp', 'division', 'division', 6),
      T('Thanh tra', 'division', 'division', 6),
    ];
    const communes = Array.from({ length: 10 }, () => T(`UBND xã ${place()}`, 'commune', 'commune', 24));
    return [...communes.slice(0, 6), ...offices.slice(0, 5), ...communes.slice(6), ...offices.slice(5)];
  }
  const common = [
    T('Văn phòng', 'division', 'division', 14),
    T('Thanh tra', 'division', 'division', 8),
    T('Phòng Kế hoạch – Tài chính', 'division', 'division', 9),
    T('Phòng Tổ chức cán bộ', 'division', 'division', 7),
    T('Phòng Pháp chế', 'division', 'division', 6),
  ];
  const centre = (n: string, weight = 30) => T(n, 'public_service', 'centre', weight);
  const sub = (n: string, weight = 40) => T(n, 'state_agency', 'subagency', weight);
  let special: UnitTemplate[];
  switch (dept.sector) {
    case 'health':
      special = [
        T('Bệnh viện Đa khoa tỉnh', 'public_service', 'hospital', 900),
        T('Bệnh viện Sản – Nhi', 'public_service', 'hospital', 450),
        T('Bệnh viện Y dược cổ truyền', 'public_service', 'hospital', 200),
        T('Bệnh viện Lao và Bệnh phổi', 'public_service', 'hospital', 150),
        centre('Trung tâm Kiểm soát bệnh tật', 160),
        ...Array.from({ length: 8 }, () => T(`Trung tâm Y tế ${place()}`, 'public_service', 'hospital', 260)),
        sub('Chi cục Dân số – Kế hoạch hóa gia đình'),
        sub('Chi cục An toàn vệ sinh thực phẩm'),
      ];
      break;
    case 'education':
      special = [
        T('Trường THPT chuyên Phú An', 'public_service', 'school', 110),
        T('Trường Cao đẳng Sư phạm', 'public_service', 'school', 140),
        ...Array.from({ length: 14 }, () => T(`Trường THPT ${place()}`, 'public_service', 'school', 90)),
      ];
      break;
    case 'agri':
      special =
        dept.symbol === 'SNN'
          ? [
              sub('Chi cục Thủy lợi'),
              sub('Chi cục Trồng trọt và Bảo vệ thực vật', 60),
              sub('Chi cục Chăn nuôi và Thú y', 60),
              sub('Chi cục Kiểm lâm', 80),
              sub('Chi cục Thủy sản'),
              centre('Trung tâm Khuyến nông', 50),
              centre('Trung tâm Nước sạch và Vệ sinh môi trường nông thôn'),
            ]
          : [
              centre('Văn phòng Đăng ký đất đai', 140),
              centre('Trung tâm Quan trắc tài nguyên và môi trường'),
              centre('Trung tâm Phát triển quỹ đất'),
              sub('Chi cục Biển và Hải đảo'),
            ];
      break;
    case 'social':
      special = [
        centre('Trung tâm Công tác xã hội', 60),
        centre('Trung tâm Dịch vụ việc làm'),
        centre('Cơ sở cai nghiện ma túy', 50),
        T('Trường Cao đẳng Nghề', 'public_service', 'school', 120),
      ];
      break;
    case 'culture':
      special = [
        centre('Thư viện tỉnh'),
        centre('Bảo tàng tỉnh'),
        centre('Trung tâm Văn hóa – Nghệ thuật', 45),
        centre('Trung tâm Huấn luyện và Thi đấu thể dục thể thao', 50),
        centre('Nhà hát Cải lương', 40),
        centre('Trung tâm Xúc tiến Du lịch', 20),
      ];
      break;
    case 'econ':
      special =
        dept.symbol === 'SGTVT'
          ? [
              centre('Trung tâm Đăng kiểm xe cơ giới'),
              sub('Ban Quản lý bảo trì đường bộ', 45),
              centre('Cảng vụ Đường thủy nội địa', 25),
            ]
          : [
              sub('Chi cục Quản lý thị trường', 80),
              centre('Trung tâm Khuyến công và Tư vấn phát triển công nghiệp', 25),
            ];
      break;
    case 'finance':
      special = [
        centre(
          dept.symbol === 'STC' ? 'Trung tâm Thông tin và Dịch vụ tài chính' : 'Trung tâm Xúc tiến đầu tư',
          20,
        ),
      ];
      break;
    case 'office':
      special = [
        centre('Trung tâm Phục vụ hành chính công', 40),
        centre('Cổng Thông tin điện tử', 15),
        centre('Nhà khách', 20),
      ];
      break;
    default:
      special = [
        centre(dept.symbol === 'STP' ? 'Trung tâm Trợ giúp pháp lý' : 'Trung tâm Lưu trữ lịch sử', 20),
        centre('Phòng Công chứng số 1', 15),
      ];
  }
  return [...special, ...common];
}

function subUnitNames(role: UnitRole, rng: Rng): string[] {
  const take = (pool: readonly string[], lo: number, hi: number) =>
    pool.slice(0, rng.int(lo, Math.min(hi, pool.length)));
  switch (role) {
    case 'hospital':
      return take(
        [
          'Khoa Khám bệnh',
          'Khoa Nội tổng hợp',
          'Khoa Ngoại tổng hợp',
          'Khoa Hồi sức tích cực – Chống độc',
          'Khoa Sản',
          'Khoa Nhi',
          'Khoa Xét nghiệm',
          'Khoa Dược',
          'Phòng Điều dưỡng',
          'Phòng Kế hoạch tổng hợp',
        ],
        5,
        10,
      );
    case 'school':
      return take(
        [
          'Tổ Toán – Tin',
          'Tổ Ngữ văn',
          'Tổ Ngoại ngữ',
          'Tổ Khoa học tự nhiên',
          'Tổ Khoa học xã hội',
          'Tổ Văn phòng',
        ],
        4,
        6,
      );
    case 'subagency':
      return take(
        ['Phòng Hành chính – Tổng hợp', 'Phòng Nghiệp vụ', 'Phòng Thanh tra – Pháp chế', 'Đội Kiểm tra số 1'],
        2,
        4,
      );
    case 'centre':
      return rng.chance(0.5)
        ? take(['Phòng Hành chính – Tổng hợp', 'Phòng Nghiệp vụ', 'Phòng Dịch vụ'], 2, 3)
        : [];
    default:
      return [];
  }
}

/** "Huyện Mỹ Thạnh" → "huyện Mỹ Thạnh" (inside a sentence). */
const locality = (name: string) => name.replace(/^(Huyện|Thị xã|Thành phố)/, (m) => m.toLowerCase());

const subRole = (role: UnitRole): UnitRole =>
  role === 'hospital' ? 'khoa' : role === 'school' ? 'to' : 'phong';

interface Province {
  units: UnitSpec[];
  /** Units people may be placed in directly, with weights. */
  placement: Weighted<number>;
  /** Merged communes (closed) and the commune they merged into; null when no merge falls in the period. */
  merge: { from: [number, number]; into: number; day: number } | null;
  blocks: { name: string; members: number[] }[];
}

function buildProvince(seed: number, startYear: number, endYear: number): Province {
  const rng = new Rng(seed, 0x0417);
  const usedPlaces = new Set<string>();
  const place = () => {
    for (;;) {
      const a = rng.pick(PLACE_A);
      const b = rng.pick(PLACE_B);
      const name = `${a} ${b}`;
      if (a !== b && !usedPlaces.has(name)) {
        usedPlaces.add(name);
        return name;
      }
    }
  };
  const units: UnitSpec[] = [
    {
      code: PROVINCE_CODE,
      name: `Ủy ban nhân dân ${PROVINCE_NAME}`,
      shortName: 'UBND tỉnh',
      kind: 'state_agency',
      role: 'department',
      parent: null,
      dept: -1,
      weight: 0,
      activeFrom: '1976-02-20',
      documentSymbol: 'UBND',
    },
  ];
  let merge: Province['merge'] = null;
  const mergeYear = startYear + Math.floor((endYear - startYear + 1) / 2);
  DEPARTMENTS.forEach((dept, d) => {
    const deptIndex = units.length;
    const deptCode = `${PROVINCE_CODE}-D${String(d + 1).padStart(2, '0')}`;
    units.push({
      code: deptCode,
      name: dept.district ? `Ủy ban nhân dân ${locality(dept.name)}` : dept.name,
      shortName: dept.district ? dept.name : undefined,
      kind: 'state_agency',
      role: dept.district ? 'district' : 'department',
      parent: 0,
      dept: d,
      weight: 6,
      activeFrom: `${rng.int(1976, 1989)}-01-01`,
      documentSymbol: dept.symbol,
    });
    const templates = sectorUnits(dept, place);
    const n = Math.min(rng.int(5, 20), templates.length);
    // Keep the big operational units first (hospitals, schools, communes), then offices.
    const chosen = templates.slice(0, n);
    chosen.forEach((t, u) => {
      const unitIndex = units.length;
      const code = `${deptCode}-U${String(u + 1).padStart(2, '0')}`;
      const from = Number(units[deptIndex]!.activeFrom.slice(0, 4)) + rng.int(0, 3);
      const subs = subUnitNames(t.role, rng);
      units.push({
        code,
        name: t.name,
        kind: t.kind,
        role: t.role,
        parent: deptIndex,
        dept: d,
        weight: subs.length ? t.weight * 0.15 : t.weight,
        activeFrom: `${from}-01-01`,
      });
      subs.forEach((s, k) => {
        units.push({
          code: `${code}-T${String(k + 1).padStart(2, '0')}`,
          name: s,
          kind: 'division',
          role: subRole(t.role),
          parent: unitIndex,
          dept: d,
          weight: (t.weight * 0.85) / subs.length,
          activeFrom: `${from + rng.int(0, 2)}-01-01`,
        });
      });
    });
    // One merger of communes inside the period (Nghị quyết of the Standing Committee, 2019–2021 style).
    if (dept.district && !merge && mergeYear > startYear && mergeYear <= endYear) {
      const communes = units
        .map((x, i) => [x, i] as const)
        .filter(([x]) => x.parent === deptIndex && x.role === 'commune');
      if (communes.length >= 2) {
        const [a, b] = [communes.at(-2)!, communes.at(-1)!];
        const day = dayOf(mergeYear, 1, 1);
        a[0].activeTo = iso(day - 1);
        b[0].activeTo = iso(day - 1);
        const into = units.length;
        units.push({
          code: `${deptCode}-U${String(n + 1).padStart(2, '0')}`,
          name: `UBND xã ${a[0].name.replace('UBND xã ', '')} ${b[0].name.replace('UBND xã ', '').split(' ')[1]}`,
          kind: 'commune',
          role: 'commune',
          parent: deptIndex,
          dept: d,
          weight: 0,
          activeFrom: iso(day),
        });
        merge = { from: [a[1], b[1]], into, day };
      }
    }
  });
  const placement = w(units.map((u, i) => [i, u.weight] as const).filter(([, wt]) => wt > 0));
  const deptUnits = units
    .map((u, i) => [u, i] as const)
    .filter(([u]) => u.parent === 0)
    .map(([, i]) => i);
  const blocks = [
    {
      name: 'Khối các cơ quan tổng hợp, nội chính',
      members: deptUnits.filter(
        (i) =>
          ['office', 'admin'].includes(DEPARTMENTS[units[i]!.dept]!.sector) &&
          !DEPARTMENTS[units[i]!.dept]!.district,
      ),
    },
    {
      name: 'Khối các sở, ngành kinh tế',
      members: deptUnits.filter((i) =>
        ['finance', 'econ', 'agri'].includes(DEPARTMENTS[units[i]!.dept]!.sector),
      ),
    },
    {
      name: 'Khối các sở, ngành văn hóa – xã hội',
      members: deptUnits.filter((i) =>
        ['education', 'health', 'social', 'culture'].includes(DEPARTMENTS[units[i]!.dept]!.sector),
      ),
    },
    {
      name: 'Cụm thi đua các huyện, thị xã, thành phố',
      members: deptUnits.filter((i) => DEPARTMENTS[units[i]!.dept]!.district),
    },
  ];
  return { units, placement, merge, blocks };
}

// ─────────────────────────────────────────────────────────────────────────────────────────────── people

const LEADER_TITLES: Record<UnitRole, [string, string]> = {
  department: ['Giám đốc', 'Phó Giám đốc'],
  district: ['Chủ tịch UBND', 'Phó Chủ tịch UBND'],
  division: ['Trưởng phòng', 'Phó Trưởng phòng'],
  subagency: ['Chi cục trưởng', 'Phó Chi cục trưởng'],
  centre: ['Giám đốc', 'Phó Giám đốc'],
  hospital: ['Giám đốc', 'Phó Giám đốc'],
  school: ['Hiệu trưởng', 'Phó Hiệu trưởng'],
  commune: ['Chủ tịch UBND xã', 'Phó Chủ tịch UBND xã'],
  ward: ['Chủ tịch UBND phường', 'Phó Chủ tịch UBND phường'],
  khoa: ['Trưởng khoa', 'Phó Trưởng khoa'],
  to: ['Tổ trưởng', 'Tổ phó'],
  phong: ['Trưởng phòng', 'Phó Trưởng phòng'],
};
const STAFF_TITLES: Partial<Record<UnitRole, readonly string[]>> = {
  hospital: ['Bác sĩ', 'Điều dưỡng', 'Điều dưỡng', 'Kỹ thuật viên', 'Dược sĩ', 'Nhân viên'],
  khoa: ['Bác sĩ', 'Bác sĩ', 'Điều dưỡng', 'Điều dưỡng', 'Điều dưỡng', 'Kỹ thuật viên', 'Hộ lý'],
  school: ['Giáo viên', 'Giáo viên', 'Nhân viên'],
  to: ['Giáo viên', 'Giáo viên', 'Giáo viên', 'Giáo viên', 'Nhân viên'],
  commune: [
    'Công chức Văn phòng – Thống kê',
    'Công chức Tài chính – Kế toán',
    'Công chức Địa chính – Xây dựng',
    'Công chức Tư pháp – Hộ tịch',
    'Công chức Văn hóa – Xã hội',
  ],
};
const DEFAULT_STAFF = [
  'Chuyên viên',
  'Chuyên viên',
  'Chuyên viên chính',
  'Cán sự',
  'Kế toán',
  'Nhân viên',
] as const;

interface Period {
  unit: number;
  from: number;
}

interface Person {
  code: string;
  sex: 'male' | 'female';
  birthYear: number;
  birthDay: number;
  hireDay: number;
  ability: number;
  periods: Period[];
  record: PersonRecord;
}

function makePerson(seed: number, i: number, province: Province, startYear: number, endYear: number): Person {
  const rng = new Rng(seed, 0x0b0d, i);
  const sex = rng.chance(0.55) ? 'female' : 'male';
  const ethnicity = ETHNICITY.pick(rng);
  const family = ethnicity === 'Khmer' ? KHMER_FAMILY_NAMES.pick(rng) : FAMILY_NAMES.pick(rng);
  let middle: string = (sex === 'female' ? FEMALE_MIDDLE : MALE_MIDDLE).pick(rng);
  if (sex === 'female' && middle === 'Thị' && rng.chance(0.3)) middle += ` ${rng.pick(FEMALE_SECOND_MIDDLE)}`;
  let given: string = rng.pick(sex === 'female' ? FEMALE_GIVEN : MALE_GIVEN);
  if (middle.endsWith(given)) given = rng.pick(sex === 'female' ? FEMALE_GIVEN : MALE_GIVEN);
  const fullName = middle.endsWith(given) ? `${family} ${given}` : `${family} ${middle} ${given}`;

  // Working age through the period: 22 at the latest at the end, at most 59 at the end.
  const birthYear = endYear - rng.int(25, 59);
  const birthDay = dayOf(birthYear, 1, 1) + rng.int(0, 364);
  const hireYear = Math.min(endYear, Math.max(1995, birthYear + 22 + Math.floor(rng.next() ** 2 * 10)));
  const hireDay = Math.max(birthDay + 22 * 365, dayOf(hireYear, rng.int(1, 12), 1) + rng.int(0, 27));
  const ability = rng.normal();

  const merge = province.merge;
  const pickUnit = (day: number) => {
    const u = province.placement.pick(rng);
    return merge && merge.from.includes(u) && day >= merge.day ? merge.into : u;
  };
  const periods: Period[] = [{ unit: pickUnit(hireDay), from: hireDay }];
  const periodStart = yearStart(startYear);
  if (rng.chance(0.05)) {
    const earliest = Math.max(hireDay + 180, periodStart);
    const latest = yearEnd(endYear) - 30;
    if (earliest < latest) {
      const day = earliest + rng.int(0, latest - earliest);
      const [ty, tm] = civil(day);
      const from = dayOf(ty, tm, 1);
      const current = periods[0]!.unit;
      let target = pickUnit(from);
      // Most transfers stay inside the department.
      if (rng.chance(0.7)) {
        for (let k = 0; k < 8 && province.units[target]!.dept !== province.units[current]!.dept; k++)
          target = pickUnit(from);
      }
      if (target !== current && from > hireDay) periods.push({ unit: target, from });
    }
  }
  if (merge) {
    for (let k = 0; k < periods.length; k++) {
      const p = periods[k]!;
      const next = periods[k + 1];
      if (merge.from.includes(p.unit) && p.from < merge.day && (!next || next.from > merge.day)) {
        periods.splice(k + 1, 0, { unit: merge.into, from: merge.day });
        k++;
      }
    }
    for (let k = periods.length - 1; k > 0; k--)
      if (periods[k]!.unit === periods[k - 1]!.unit) periods.splice(k, 1);
  }

  const lastUnit = province.units[periods.at(-1)!.unit]!;
  const isLeader = rng.chance(0.1);
  const position = isLeader
    ? LEADER_TITLES[lastUnit.role][rng.chance(0.25) ? 0 : 1]
    : rng.pick(STAFF_TITLES[lastUnit.role] ?? DEFAULT_STAFF);
  // CCCD: province (099: held by no province), century-and-sex digit, year of birth, then a 6-digit
  // serial that is a bijection of i (so unique for up to a million people).
  const centurySex = (birthYear >= 2000 ? 2 : 0) + (sex === 'female' ? 1 : 0);
  const serial = (i * 7919 + ((seed >>> 0) % 1_000_000) * 104_729) % 1_000_000;
  const personalIdNumber = `099${centurySex}${String(birthYear % 100).padStart(2, '0')}${String(serial).padStart(6, '0')}`;
  const code = `${PROVINCE_CODE}-CB${String(i + 1).padStart(6, '0')}`;
  const record: PersonRecord = {
    code,
    fullName,
    sex,
    dateOfBirth: iso(birthDay),
    ethnicity,
    personalIdNumber,
    position,
    isLeader,
    isDemo: false,
  };
  return { code, sex, birthYear, birthDay, hireDay, ability, periods, record };
}

const unitAt = (p: Person, day: number): number | null => {
  let u: number | null = null;
  for (const period of p.periods) if (period.from <= day) u = period.unit;
  return u;
};

// ──────────────────────────────────────────────────────────────────────────────────── yearly catalogues

/** Quantiles of a standard normal: 15 % above 1.036, 5 % below −1.645, 25 % below −0.674. */
function ratingOf(score: number): Rating {
  if (score > 1.036) return 'HTXSNV';
  if (score > -0.674) return 'HTTNV';
  if (score > -1.645) return 'HTNV';
  return 'KHTNV';
}
const DISCIPLINE = w<DisciplineLevel>([
  ['khien_trach', 64],
  ['canh_cao', 27],
  ['ha_bac_luong', 6],
  ['giang_chuc', 3],
]);
const GRADES = w<TrainingGrade>([
  ['xuat_sac', 15],
  ['gioi', 45],
  ['kha', 35],
  ['trung_binh', 5],
]);
const INSTITUTIONS = [
  'Trường Chính trị tỉnh Phú An',
  'Học viện Chính trị khu vực IV',
  'Học viện Hành chính Quốc gia',
  'Trường Đại học Cần Thơ',
  'Trường Bồi dưỡng cán bộ tài chính',
] as const;
const TOPICS = [
  'cải cách thủ tục hành chính',
  'chuyển đổi số trong xử lý hồ sơ',
  'lưu trữ hồ sơ điện tử',
  'quản lý tài sản công',
  'tiếp công dân',
  'công tác thi đua, khen thưởng',
  'thu ngân sách',
  'chăm sóc người bệnh',
  'dạy học theo chương trình mới',
  'phòng chống dịch bệnh',
  'quản lý đất đai',
  'xây dựng nông thôn mới',
  'bảo vệ môi trường',
  'an toàn thực phẩm',
] as const;
const TITLE_FORMS = [
  'Giải pháp nâng cao hiệu quả',
  'Ứng dụng công nghệ thông tin trong',
  'Đổi mới quy trình',
  'Một số biện pháp nâng cao chất lượng',
  'Sổ tay hướng dẫn',
] as const;
const SK_LEVEL = w([
  ['grassroots', 85],
  ['province', 12],
  ['ministry', 3],
] as const);
const UNIT_RATING = w<Rating>([
  ['HTXSNV', 25],
  ['HTTNV', 60],
  ['HTNV', 12],
  ['KHTNV', 3],
]);

/** A decision number shared by everyone the same body awarded the same thing in the same year. */
function decision(seed: number, issuerKey: number, year: number, what: number, symbol: string) {
  const n = 1 + (hash32(seed, issuerKey, year, what) % 2400);
  return `${n}/QĐ-${symbol}`;
}
const AWARD_KEY: Record<AwardCode, number> = Object.fromEntries(
  [
    'LDTT',
    'CSTDCS',
    'CSTD_TINH',
    'CSTD_BO',
    'CSTD_TOANQUOC',
    'TTLDTT',
    'TTLDXS',
    'CO_TINH',
    'CO_CHINHPHU',
    'GIAY_KHEN',
    'BK_TINH',
    'BK_BO',
    'BK_TTG',
    'HCLD_3',
    'HCLD_2',
    'HCLD_1',
    'KNC',
  ].map((c, i) => [c, i + 1]),
) as Record<AwardCode, number>;

// ───────────────────────────────────────────────────────────────────────────────────────────── generate

function normalise(options: GenerateOptions): Required<GenerateOptions> {
  const { people, years, seed } = options;
  const endYear = options.endYear ?? DEFAULT_END_YEAR;
  if (!Number.isInteger(people) || people < 1 || people > MAX_PEOPLE)
    throw new RangeError(`people must be an integer in 1…${MAX_PEOPLE}`);
  if (!Number.isInteger(years) || years < 1 || years > 40)
    throw new RangeError('years must be an integer in 1…40');
  if (!Number.isInteger(seed)) throw new RangeError('seed must be an integer');
  if (!Number.isInteger(endYear) || endYear - years + 1 < 1990 || endYear > 2090)
    throw new RangeError('endYear must be an integer, with endYear − years + 1 ≥ 1990');
  return { people, years, seed, endYear };
}

export function describe(options: GenerateOptions): string {
  const o = normalise(options);
  return (
    `Dữ liệu tổng hợp để đo hiệu năng — mọi người, đơn vị trong tệp đều là hư cấu (${PROVINCE_NAME} giả định). ` +
    `Synthetic benchmark data, fictional people and units: generate --people ${o.people} --years ${o.years} ` +
    `--seed ${o.seed} --end-year ${o.endYear} (VinhDanh bench/synthetic.ts).`
  );
}

/**
 * The core: emits every record, each kind in a fixed order (units, blocks, then person by person, then
 * unit by unit), so a writer can stream it. Records of one kind are emitted in a deterministic order.
 */
export function generateRecords(options: GenerateOptions, emit: Emit): GenerateSummary {
  const o = normalise(options);
  const { seed, endYear } = o;
  const startYear = endYear - o.years + 1;
  const byKind = Object.fromEntries(DATASET_ORDER.map((k) => [k, 0])) as Record<DatasetKind, number>;
  const out: Emit = (kind, record) => {
    byKind[kind]++;
    emit(kind, record);
  };
  const province = buildProvince(seed, startYear, endYear);
  const { units } = province;
  const deptOf = (u: number) => (units[u]!.dept >= 0 ? units[u]!.dept : 0);
  const deptUnit = (d: number) => 1 + units.slice(1).findIndex((u) => u.dept === d && u.parent === 0);
  const deptUnitIndex = DEPARTMENTS.map((_, d) => deptUnit(d));
  const issuerName = (d: number) => {
    const dept = DEPARTMENTS[d]!;
    return dept.district
      ? `Chủ tịch UBND ${locality(dept.name)}`
      : dept.name.startsWith('Sở')
        ? `Giám đốc ${dept.name}`
        : `Chánh ${dept.name}`;
  };
  const issuers = DEPARTMENTS.map((_, d) => issuerName(d));
  const issuerOf = (d: number) => issuers[d]!;
  const symbolOf = (d: number) => (DEPARTMENTS[d]!.district ? `UBND` : DEPARTMENTS[d]!.symbol);

  // Units and the merger.
  for (const u of units) {
    out('units', {
      code: u.code,
      name: u.name,
      ...(u.shortName ? { shortName: u.shortName } : {}),
      kind: u.kind,
      parentCode: u.parent === null ? null : units[u.parent]!.code,
      ...(u.documentSymbol ? { documentSymbol: u.documentSymbol } : {}),
      activeFrom: u.activeFrom,
      ...(u.activeTo ? { activeTo: u.activeTo } : {}),
      isDemo: false,
    });
  }
  if (province.merge) {
    for (const from of province.merge.from) {
      out('successions', {
        predecessorCode: units[from]!.code,
        successorCode: units[province.merge.into]!.code,
        effectiveDate: iso(province.merge.day),
        note: 'Sáp nhập đơn vị hành chính cấp xã',
      });
    }
  }
  for (let y = startYear; y <= endYear; y++) {
    for (const b of province.blocks) {
      const k = y - startYear;
      out('blocks', {
        year: y,
        name: b.name,
        organizerCode: PROVINCE_CODE,
        leadCode: units[b.members[k % b.members.length]!]!.code,
        deputyCode: units[b.members[(k + 1) % b.members.length]!]!.code,
        memberCodes: b.members.map((m) => units[m]!.code),
      });
    }
  }

  // People (skeletons first: co-authors and member counts need everyone's units).
  const people: Person[] = [];
  for (let i = 0; i < o.people; i++) people.push(makePerson(seed, i, province, startYear, endYear));
  const membersAtYearEnd = new Map<number, number[]>(); // key: year * 10000 + unit
  for (let y = startYear; y <= endYear; y++) {
    people.forEach((p, i) => {
      if (p.hireDay > yearEnd(y)) return;
      const u = unitAt(p, yearEnd(y));
      if (u === null) return;
      const key = y * 10000 + u;
      let list = membersAtYearEnd.get(key);
      if (!list) membersAtYearEnd.set(key, (list = []));
      list.push(i);
    });
  }

  for (const p of people) out('people', p.record);
  for (const p of people) {
    p.periods.forEach((period, k) => {
      const next = p.periods[k + 1];
      out('personUnits', {
        personCode: p.code,
        unitCode: units[period.unit]!.code,
        fromDate: iso(period.from),
        toDate: next ? iso(next.from - 1) : null,
        position: p.record.position ?? null,
      });
    });
  }

  // Yearly person records. Buffers per kind keep each kind contiguous for the writer.
  const evaluations: PersonEvaluationRecord[] = [];
  const leaves: LeaveRecord[] = [];
  const trainings: TrainingRecord[] = [];
  const disciplines: DisciplineRecord[] = [];
  const initiatives: InitiativeRecord[] = [];
  const awards: AwardRecord[] = [];
  const flush = () => {
    for (const r of evaluations) out('personEvaluations', r);
    for (const r of leaves) out('leaves', r);
    for (const r of trainings) out('trainings', r);
    for (const r of disciplines) out('disciplines', r);
    for (const r of initiatives) out('initiatives', r);
    for (const r of awards) out('awards', r);
    evaluations.length =
      leaves.length =
      trainings.length =
      disciplines.length =
      initiatives.length =
      awards.length =
        0;
  };

  for (let i = 0; i < people.length; i++) {
    const p = people[i]!;
    const rng = new Rng(seed, 0x7ea7, i);
    let lastMaternity = -99;
    const usedDecisions = new Set<string>();
    let htxsStreak = 0;
    let cstdStreak = 0;
    for (let y = startYear; y <= endYear; y++) {
      const ys = yearStart(y);
      const ye = yearEnd(y);
      // One stream per person-year: a year's events do not shift the draws of the next.
      const yr = new Rng(seed, 0x5eed, i, y);
      if (p.hireDay > ye) continue;
      const u = unitAt(p, ye)!;
      const d = deptOf(u);
      const age = y - p.birthYear;
      const workStart = Math.max(ys, p.hireDay);

      // Discipline (~1 %): the rating is then at most HTNV.
      let disciplined = false;
      if (yr.chance(0.01) && ye - workStart > 60) {
        disciplined = true;
        const level = DISCIPLINE.pick(yr);
        const decisionDay = Math.min(ye - 10, workStart + yr.int(30, 330));
        let number = `${yr.int(1, 999)}/QĐ-${symbolOf(d)}`;
        while (usedDecisions.has(number)) number = `${Number(number.split('/')[0]) + 1}/QĐ-${symbolOf(d)}`;
        usedDecisions.add(number);
        disciplines.push({
          personCode: p.code,
          level,
          decisionNumber: number,
          decisionDate: iso(decisionDay),
          fromDate: iso(decisionDay),
          toDate: iso(decisionDay + (level === 'khien_trach' ? 182 : 365)),
          reason: yr.pick([
            'Vi phạm quy chế làm việc',
            'Vi phạm quy định về giờ giấc, kỷ luật lao động',
            'Thiếu trách nhiệm trong thực hiện nhiệm vụ',
            'Vi phạm quy tắc ứng xử',
          ]),
        });
      }
      let rating = ratingOf(0.7 * p.ability + 0.714 * rng.normal());
      if (disciplined && (rating === 'HTXSNV' || rating === 'HTTNV'))
        rating = yr.chance(0.6) ? 'HTNV' : 'KHTNV';
      evaluations.push({
        personCode: p.code,
        year: y,
        rating,
        unitCode: units[u]!.code,
        employmentStartDate: p.hireDay >= ys ? iso(p.hireDay) : null,
      });

      // Leave.
      const canMaternity = p.sex === 'female' && age >= 22 && age <= 42 && y - lastMaternity >= 2;
      if (canMaternity && yr.chance(0.06)) {
        const from = workStart + yr.int(0, Math.max(0, ye - workStart - 20));
        leaves.push({
          personCode: p.code,
          kind: 'maternity',
          fromDate: iso(from),
          toDate: iso(from + 182),
          note: 'Nghỉ thai sản 6 tháng',
        });
        lastMaternity = y;
      }
      if (yr.chance(0.04)) {
        const from = workStart + yr.int(0, Math.max(0, ye - workStart - 50));
        leaves.push({
          personCode: p.code,
          kind: 'sick',
          fromDate: iso(from),
          toDate: iso(from + yr.int(2, 45)),
        });
      }
      if (yr.chance(0.008)) {
        const from = workStart + yr.int(0, Math.max(0, ye - workStart - 95));
        leaves.push({
          personCode: p.code,
          kind: 'other',
          fromDate: iso(from),
          toDate: iso(from + yr.int(14, 90)),
          note: 'Nghỉ không lương',
        });
      }
      if (yr.chance(0.0005)) {
        const from = workStart + yr.int(0, Math.max(0, ye - workStart - 60));
        leaves.push({
          personCode: p.code,
          kind: 'injury_rescue',
          fromDate: iso(from),
          toDate: iso(from + yr.int(10, 60)),
          note: 'Bị thương khi cứu người bị nạn',
        });
      }

      // Training.
      if (yr.chance(0.06)) {
        const from = workStart + yr.int(0, Math.max(0, ye - workStart - 40));
        trainings.push({
          personCode: p.code,
          fromDate: iso(from),
          toDate: iso(Math.min(from + yr.int(20, 240), ye + 180)),
          grade: GRADES.pick(yr),
          institution: yr.pick(INSTITUTIONS),
          goodConduct: !yr.chance(0.02),
        });
      }

      // Initiative (~3 % of people a year, more among the best rated), with co-authors from the same unit.
      const skChance = rating === 'HTXSNV' ? 0.12 : rating === 'HTTNV' ? 0.02 : 0.002;
      const level = SK_LEVEL.pick(yr);
      const hasInitiative = yr.chance(skChance);
      if (hasInitiative) {
        const recognition = Math.max(workStart, dayOf(y, yr.int(9, 12), yr.int(1, 28)));
        const coAuthors = new Set<string>();
        const mates = membersAtYearEnd.get(y * 10000 + u) ?? [];
        const wanted = yr.chance(0.5) ? yr.int(1, 2) : 0;
        for (let k = 0; k < wanted * 3 && coAuthors.size < wanted && mates.length > 1; k++) {
          const m = mates[yr.int(0, mates.length - 1)]!;
          if (m !== i) coAuthors.add(people[m]!.code);
        }
        const levelBody =
          level === 'grassroots'
            ? `Hội đồng sáng kiến ${DEPARTMENTS[d]!.district ? `UBND ${locality(DEPARTMENTS[d]!.name)}` : DEPARTMENTS[d]!.name}`
            : level === 'province'
              ? `Hội đồng sáng kiến ${PROVINCE_NAME}`
              : 'Hội đồng khoa học cấp bộ';
        initiatives.push({
          code: `${PROVINCE_CODE}-SK${y}-${String(i + 1).padStart(6, '0')}`,
          kind: yr.chance(0.85) ? 'initiative' : 'research',
          title: `${yr.pick(TITLE_FORMS)} ${yr.pick(TOPICS)} tại ${units[u]!.name}`,
          level,
          recognitionDate: iso(recognition),
          effectScope: level === 'grassroots' ? 'unit' : level === 'province' ? 'province' : 'national',
          recognizingBody: levelBody,
          authorCodes: [p.code, ...[...coAuthors].sort()],
        });
      }

      // Awards for the year, decided in January of the next year.
      const decisionDate = iso(dayOf(y + 1, 1, 8 + (d % 15)));
      const fullYear = p.hireDay <= dayOf(y, 3, 1);
      const good = (rating === 'HTXSNV' || rating === 'HTTNV') && !disciplined && fullYear;
      htxsStreak = rating === 'HTXSNV' && !disciplined ? htxsStreak + 1 : 0;
      const individual = (
        awardCode: AwardCode,
        issuer: string,
        issuerKey: number,
        symbol: string,
        track: AwardRecord['track'] = 'regular',
        note?: string,
      ) => {
        awards.push({
          recipientKind: 'individual',
          personCode: p.code,
          awardCode,
          year: y,
          track,
          issuer,
          decisionNumber: decision(
            seed,
            issuerKey,
            y,
            AWARD_KEY[awardCode] + (track === 'regular' ? 0 : 100),
            symbol,
          ),
          decisionDate,
          ...(note ? { note } : {}),
        });
      };
      const lucky = yr.next();
      const lucky2 = yr.next();
      let cstd = false;
      if (good && lucky < 0.95) {
        individual('LDTT', issuerOf(d), d, symbolOf(d));
        if (hasInitiative && (rating === 'HTXSNV' || level !== 'grassroots') && lucky2 < 0.85) {
          individual('CSTDCS', issuerOf(d), d, symbolOf(d));
          cstd = true;
        }
        if (rating === 'HTXSNV' && lucky2 > 0.7) individual('GIAY_KHEN', issuerOf(d), d, symbolOf(d));
        if (htxsStreak >= 2 && lucky2 < 0.3) {
          individual('BK_TINH', `Chủ tịch UBND ${PROVINCE_NAME}`, 99, 'UBND');
          htxsStreak = 0;
        }
      }
      cstdStreak = cstd ? cstdStreak + 1 : 0;
      if (cstdStreak >= 3 && hasInitiative && level !== 'grassroots') {
        individual('CSTD_TINH', `Chủ tịch UBND ${PROVINCE_NAME}`, 99, 'UBND');
        cstdStreak = 0;
      }
      if (!disciplined && yr.chance(0.01))
        individual(
          'GIAY_KHEN',
          issuerOf(d),
          d,
          symbolOf(d),
          'thematic',
          'Khen thưởng chuyên đề phong trào thi đua',
        );
    }
    // Hand over in chunks so memory stays small and each kind stays contiguous for the writer.
    if ((i + 1) % 2000 === 0 || i === people.length - 1) flush();
  }

  // Units: evaluation, collective awards, Cờ thi đua to the best department of each block, households.
  const subtree = new Map<number, number[]>();
  units.forEach((_, k) => {
    for (let a: number | null = k; a !== null; a = units[a]!.parent) {
      let list = subtree.get(a);
      if (!list) subtree.set(a, (list = []));
      list.push(k);
    }
  });
  const unitEvaluations: UnitEvaluationRecord[] = [];
  const unitAwards: AwardRecord[] = [];
  for (let k = 1; k < units.length; k++) {
    const unit = units[k]!;
    const d = unit.dept;
    for (let y = startYear; y <= endYear; y++) {
      if (unit.activeFrom > iso(yearEnd(y)) || (unit.activeTo && unit.activeTo < iso(yearEnd(y)))) continue;
      const yr = new Rng(seed, 0x0e0, k, y);
      const members = subtree
        .get(k)!
        .reduce((n, s) => n + (membersAtYearEnd.get(y * 10000 + s)?.length ?? 0), 0);
      const rating = UNIT_RATING.pick(yr);
      unitEvaluations.push({ unitCode: unit.code, year: y, rating, memberCount: members });
      const issuerKey = unit.parent === 0 ? 99 : d;
      const issuer = unit.parent === 0 ? `Chủ tịch UBND ${PROVINCE_NAME}` : issuerOf(d);
      const symbol = unit.parent === 0 ? 'UBND' : symbolOf(d);
      const collective = (awardCode: AwardCode, iss = issuer, key = issuerKey, sym = symbol) =>
        unitAwards.push({
          recipientKind: 'collective',
          unitCode: unit.code,
          awardCode,
          year: y,
          track: 'regular',
          issuer: iss,
          decisionNumber: decision(seed, key, y, AWARD_KEY[awardCode] + 200, sym),
          decisionDate: iso(dayOf(y + 1, 1, 20 + (Math.max(d, 0) % 9))),
        });
      if ((rating === 'HTXSNV' || rating === 'HTTNV') && yr.chance(0.9)) {
        collective('TTLDTT');
        if (rating === 'HTXSNV' && yr.chance(0.5))
          collective('TTLDXS', `Chủ tịch UBND ${PROVINCE_NAME}`, 99, 'UBND');
        if (yr.chance(0.15)) collective('GIAY_KHEN');
      }
    }
  }
  for (let y = startYear; y <= endYear; y++) {
    for (const b of province.blocks) {
      const yr = new Rng(seed, 0xc0, y, b.members[0]!);
      const best = b.members[yr.int(0, b.members.length - 1)]!;
      unitAwards.push({
        recipientKind: 'collective',
        unitCode: units[best]!.code,
        awardCode: 'CO_TINH',
        year: y,
        track: 'regular',
        issuer: `Chủ tịch UBND ${PROVINCE_NAME}`,
        decisionNumber: decision(seed, 99, y, 300, 'UBND'),
        decisionDate: iso(dayOf(y + 1, 2, 5)),
        note: `Dẫn đầu ${b.name.charAt(0).toLowerCase()}${b.name.slice(1)}`,
      });
    }
    // Households honoured by district-level localities for the rural development movement.
    DEPARTMENTS.forEach((dept, d) => {
      if (!dept.district) return;
      const yr = new Rng(seed, 0x40, d, y);
      const communes = subtree.get(deptUnitIndex[d]!)!.filter((k) => units[k]!.role === 'commune');
      for (let h = 0; h < 3 && communes.length; h++) {
        const sex = yr.chance(0.5);
        const name = `Hộ ${sex ? 'ông' : 'bà'} ${FAMILY_NAMES.pick(yr)} ${sex ? MALE_MIDDLE.pick(yr) : FEMALE_MIDDLE.pick(yr)} ${yr.pick(sex ? MALE_GIVEN : FEMALE_GIVEN)}`;
        unitAwards.push({
          recipientKind: 'household',
          householdName: name,
          householdAddress: `Ấp ${h + 1}, ${units[yr.pick(communes)]!.name.replace('UBND ', '')}, ${locality(dept.name)}`,
          awardCode: 'GIAY_KHEN',
          year: y,
          track: 'thematic',
          issuer: issuerOf(d),
          decisionNumber: decision(seed, d, y, 400, symbolOf(d)),
          decisionDate: iso(dayOf(y, 11, 20)),
          note: 'Phong trào "Toàn dân đoàn kết xây dựng đời sống văn hóa" và xây dựng nông thôn mới',
        });
      }
    });
  }
  for (const r of unitEvaluations) out('unitEvaluations', r);
  for (const r of unitAwards) out('awards', r);
  const records = Object.values(byKind).reduce((a, b) => a + b, 0);
  return { options: o, description: describe(o), byKind, records };
}

/** The whole dataset in memory (tests, small sizes). Same records, same order as the file. */
export function generateDataset(options: GenerateOptions): DatasetInput {
  const lists = Object.fromEntries(DATASET_ORDER.map((k) => [k, [] as unknown[]])) as Record<
    DatasetKind,
    unknown[]
  >;
  const summary = generateRecords(options, (kind, record) => void lists[kind].push(record));
  return {
    format: 'vinhdanh-dataset',
    version: 1,
    description: summary.description,
    ...lists,
  } as DatasetInput;
}

export interface WriteSummary extends GenerateSummary {
  file: string;
  bytes: number;
}

/**
 * Streams the dataset to `file` as JSON (one record per line), without building it in memory: records go
 * to one spill file per kind as they are generated, which are then copied in the dataset's kind order.
 * The output is byte-identical for the same options.
 */
export function writeDataset(options: GenerateOptions, file: string): WriteSummary {
  const spill = fs.mkdtempSync(path.join(os.tmpdir(), 'vd-generate-'));
  try {
    const sinks = new Map<DatasetKind, { fd: number; parts: string[]; size: number; count: number }>();
    for (const kind of DATASET_ORDER)
      sinks.set(kind, { fd: fs.openSync(path.join(spill, kind), 'w'), parts: [], size: 0, count: 0 });
    const drain = (s: { fd: number; parts: string[]; size: number }) => {
      if (!s.parts.length) return;
      fs.writeSync(s.fd, s.parts.join(''));
      s.parts.length = 0;
      s.size = 0;
    };
    const summary = generateRecords(options, (kind, record) => {
      const s = sinks.get(kind)!;
      const line = (s.count++ ? ',\n' : '\n') + JSON.stringify(record);
      s.parts.push(line);
      s.size += line.length;
      if (s.size > 1 << 20) drain(s);
    });
    for (const s of sinks.values()) {
      drain(s);
      fs.closeSync(s.fd);
    }
    fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
    const tmp = `${file}.partial`;
    const out = fs.openSync(tmp, 'w');
    let bytes = 0;
    const write = (text: string | Buffer) => {
      bytes += typeof text === 'string' ? fs.writeSync(out, text) : fs.writeSync(out, text);
    };
    try {
      write(
        `{"format":"vinhdanh-dataset","version":1,\n"description":${JSON.stringify(summary.description)}`,
      );
      const buffer = Buffer.allocUnsafe(1 << 20);
      for (const kind of DATASET_ORDER) {
        write(`,\n"${kind}":[`);
        const fd = fs.openSync(path.join(spill, kind), 'r');
        try {
          for (let n; (n = fs.readSync(fd, buffer, 0, buffer.length, null)) > 0;)
            write(buffer.subarray(0, n));
        } finally {
          fs.closeSync(fd);
        }
        write(sinks.get(kind)!.count ? '\n]' : ']');
      }
      write('\n}\n');
    } finally {
      fs.closeSync(out);
    }
    fs.renameSync(tmp, file);
    return { ...summary, file, bytes };
  } finally {
    fs.rmSync(spill, { recursive: true, force: true });
  }
}
