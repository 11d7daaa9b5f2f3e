/**
 * The spreadsheet face of the registry's record kinds: one sheet per kind with Vietnamese headers, the
 * mapping from header to dataset field, and the value parsers (what an officer types) and formatters (what
 * an export shows). The zod schemas in shared/registry/dataset.schema.ts stay the single judge of what is
 * valid; this module only turns cells into the plain values those schemas read, and back.
 */
import type { ZodObject, ZodType } from 'zod';
import { DATASET_KINDS, DATASET_ORDER, type DatasetKind } from '../../../../shared/registry/dataset.schema';
import {
  AWARD_CODES,
  AWARD_TRACK_LABELS,
  DISCIPLINE_LEVEL_LABELS,
  EFFECT_SCOPE_LABELS,
  INITIATIVE_KIND_LABELS,
  LEAVE_KIND_LABELS,
  RATING_LABELS,
  RECIPIENT_KIND_LABELS,
  RECOGNITION_LEVEL_LABELS,
  SEX_LABELS,
  TRAINING_GRADE_LABELS,
} from '../../../../shared/registry/catalog';
import { UNIT_KIND_LABELS } from '../../../../shared/units/units.schema';
import { foldVietnamese } from '../../../../shared/vietnamese';

export type ColumnType = 'text' | 'code' | 'codes' | 'date' | 'int' | 'bool' | 'enum';

export interface EnumOption {
  code: string;
  label: string;
  /** Further spellings accepted on import (compared folded, like codes and labels). */
  aliases?: readonly string[];
}

export interface ColumnDef {
  field: string;
  header: string;
  type: ColumnType;
  /** The schema refuses the record without it. */
  required: boolean;
  /** The schema takes null for it (an empty cell becomes null rather than "absent"). */
  nullable: boolean;
  /** Excel column width (characters). */
  width: number;
  /** One line for the guide sheet and the header note. */
  hint: string;
  options?: readonly EnumOption[];
  /** Other header spellings accepted on import. */
  aliases?: readonly string[];
}

export interface SheetDef {
  kind: DatasetKind;
  /** Worksheet name (≤ 31 characters, none of : \ / ? * [ ]). */
  sheetName: string;
  /** What one row is, for the guide. */
  description: string;
  columns: ColumnDef[];
  /** Example rows (dataset values, not cells) shown in the guide sheet, never in the data sheet. */
  examples: Record<string, unknown>[];
}

/** Cell content after unwrapping formulas, rich text and hyperlinks. */
export type CellInput = string | number | boolean | Date | null | undefined;
export type Parsed = { ok: true; value: unknown } | { ok: false; message: string };

const opts = <K extends string>(
  labels: Record<K, string>,
  aliases: Partial<Record<K, readonly string[]>> = {},
): EnumOption[] =>
  (Object.entries(labels) as [K, string][]).map(([code, label]) => ({
    code,
    label,
    ...(aliases[code] ? { aliases: aliases[code] } : {}),
  }));

const ENUMS = {
  sex: opts(SEX_LABELS, { male: ['m', 'nam gioi'], female: ['f', 'nu gioi'] }),
  unitKind: (Object.entries(UNIT_KIND_LABELS) as [string, { vi: string; en: string }][]).map(([code, l]) => ({
    code,
    label: l.vi,
    aliases: [l.en],
  })),
  rating: opts(RATING_LABELS),
  leaveKind: opts(LEAVE_KIND_LABELS),
  trainingGrade: opts(TRAINING_GRADE_LABELS),
  disciplineLevel: opts(DISCIPLINE_LEVEL_LABELS),
  initiativeKind: opts(INITIATIVE_KIND_LABELS, { research: ['Đề tài', 'Đề tài nghiên cứu'] }),
  recognitionLevel: opts(RECOGNITION_LEVEL_LABELS),
  effectScope: opts(EFFECT_SCOPE_LABELS),
  recipientKind: opts(RECIPIENT_KIND_LABELS),
  awardCode: Object.entries(AWARD_CODES).map(([code, a]) => ({ code, label: a.label })),
  track: opts(AWARD_TRACK_LABELS, {
    regular: ['Thường xuyên'],
    thematic: ['Chuyên đề', 'Theo chuyên đề'],
    dedication: ['Cống hiến'],
  }),
};

type Col = Omit<ColumnDef, 'required' | 'nullable' | 'width' | 'hint'> & { width?: number; hint?: string };
const c = (field: string, header: string, type: ColumnType, extra: Partial<Col> = {}): Col => ({
  field,
  header,
  type,
  ...extra,
});

const TYPE_HINT: Record<ColumnType, string> = {
  text: 'Chữ',
  code: 'Mã: chữ cái không dấu, chữ số, dấu . - _ /',
  codes: 'Danh sách mã, cách nhau bằng dấu phẩy hoặc chấm phẩy',
  date: 'Ngày dd/mm/yyyy (hoặc yyyy-mm-dd, hoặc ô kiểu ngày của Excel)',
  int: 'Số nguyên',
  bool: 'Có hoặc Không (cũng nhận x, 1, true / để trống, 0, false)',
  enum: 'Chọn trong danh sách (nhận tên hoặc mã)',
};
const TYPE_WIDTH: Record<ColumnType, number> = {
  text: 30,
  code: 16,
  codes: 30,
  date: 14,
  int: 10,
  bool: 12,
  enum: 28,
};

const DEFS: Record<
  DatasetKind,
  { sheetName: string; description: string; columns: Col[]; examples: Record<string, unknown>[] }
> = {
  units: {
    sheetName: 'Đơn vị',
    description: 'Mỗi dòng là một cơ quan, đơn vị hoặc phòng, ban trực thuộc.',
    columns: [
      c('code', 'Mã đơn vị', 'code'),
      c('name', 'Tên đơn vị', 'text', { width: 40 }),
      c('shortName', 'Tên viết tắt', 'text', { width: 16 }),
      c('kind', 'Loại đơn vị', 'enum', { options: ENUMS.unitKind, width: 32 }),
      c('parentCode', 'Mã đơn vị cấp trên', 'code', { width: 20 }),
      c('documentSymbol', 'Ký hiệu văn bản', 'text', { width: 16 }),
      c('activeFrom', 'Hoạt động từ ngày', 'date', { width: 18 }),
      c('activeTo', 'Hoạt động đến ngày', 'date', {
        width: 18,
        hint: 'Để trống nếu đơn vị còn hoạt động',
      }),
    ],
    examples: [
      {
        code: 'BL-TTKN-P1',
        name: 'Phòng Kỹ thuật',
        kind: 'division',
        parentCode: 'BL-TTKN',
        activeFrom: '2010-01-01',
      },
    ],
  },
  successions: {
    sheetName: 'Kế thừa đơn vị',
    description: 'Mỗi dòng: một đơn vị được đơn vị khác kế thừa (sáp nhập, hợp nhất) từ một ngày.',
    columns: [
      c('predecessorCode', 'Mã đơn vị cũ', 'code'),
      c('successorCode', 'Mã đơn vị kế thừa', 'code', { width: 20 }),
      c('effectiveDate', 'Ngày hiệu lực', 'date'),
      c('note', 'Ghi chú', 'text', { width: 40 }),
    ],
    examples: [
      {
        predecessorCode: 'BL-SNN',
        successorCode: 'CM-SNNMT',
        effectiveDate: '2025-07-01',
        note: 'Hợp nhất tỉnh Bạc Liêu vào tỉnh Cà Mau',
      },
    ],
  },
  blocks: {
    sheetName: 'Khối thi đua',
    description: 'Mỗi dòng là một khối (cụm) thi đua trong một năm, với các đơn vị thành viên.',
    columns: [
      c('year', 'Năm', 'int'),
      c('name', 'Tên khối', 'text', { width: 36 }),
      c('organizerCode', 'Mã cơ quan tổ chức khối', 'code', { width: 24 }),
      c('leadCode', 'Mã Khối trưởng', 'code'),
      c('deputyCode', 'Mã Khối phó', 'code'),
      c('memberCodes', 'Mã các đơn vị thành viên', 'codes', { width: 50 }),
    ],
    examples: [
      {
        year: 2020,
        name: 'Khối thi đua các đơn vị trực thuộc Sở',
        organizerCode: 'BL-SNN',
        leadCode: 'BL-TTKN',
        deputyCode: 'BL-TTNS',
        memberCodes: ['BL-TTKN', 'BL-TTNS', 'BL-BQLR'],
      },
    ],
  },
  people: {
    sheetName: 'Cán bộ',
    description: 'Mỗi dòng là một cán bộ, công chức, viên chức, người lao động.',
    columns: [
      c('code', 'Mã cán bộ', 'code'),
      c('fullName', 'Họ và tên', 'text', { aliases: ['Họ tên'] }),
      c('sex', 'Giới tính', 'enum', { options: ENUMS.sex, width: 10 }),
      c('dateOfBirth', 'Ngày sinh', 'date'),
      c('ethnicity', 'Dân tộc', 'text', { width: 12 }),
      c('personalIdNumber', 'Số định danh cá nhân', 'text', {
        width: 20,
        hint: '12 chữ số (CCCD) hoặc 9 chữ số (CMND); nhập dạng chữ để giữ số 0 ở đầu',
        aliases: ['Số CCCD', 'CCCD', 'Số căn cước công dân'],
      }),
      c('position', 'Chức vụ', 'text', { width: 24 }),
      c('isLeader', 'Lãnh đạo (Có/Không)', 'bool', {
        width: 20,
        hint: 'Có nếu giữ chức vụ lãnh đạo, quản lý; để trống là Không',
      }),
    ],
    examples: [
      {
        code: 'CB001',
        fullName: 'Nguyễn Thị Thu',
        sex: 'female',
        dateOfBirth: '1985-04-12',
        ethnicity: 'Kinh',
        personalIdNumber: '094185000123',
        position: 'Kỹ sư',
        isLeader: false,
      },
      {
        code: 'CB002',
        fullName: 'Trần Văn Bình',
        sex: 'male',
        dateOfBirth: '1979-09-01',
        position: 'Trưởng phòng',
        isLeader: true,
      },
    ],
  },
  personUnits: {
    sheetName: 'Quá trình công tác',
    description: 'Mỗi dòng: một giai đoạn cán bộ công tác tại một đơn vị (điều động giữa năm là hai dòng).',
    columns: [
      c('personCode', 'Mã cán bộ', 'code'),
      c('unitCode', 'Mã đơn vị', 'code'),
      c('fromDate', 'Từ ngày', 'date'),
      c('toDate', 'Đến ngày', 'date', { hint: 'Để trống nếu đang công tác tại đơn vị' }),
      c('position', 'Chức vụ', 'text', { width: 24 }),
    ],
    examples: [{ personCode: 'CB001', unitCode: 'BL-TTKN-P1', fromDate: '2015-03-01' }],
  },
  personEvaluations: {
    sheetName: 'Đánh giá cán bộ',
    description: 'Mỗi dòng: kết quả đánh giá, xếp loại một cán bộ trong một năm.',
    columns: [
      c('personCode', 'Mã cán bộ', 'code'),
      c('year', 'Năm', 'int'),
      c('rating', 'Xếp loại', 'enum', { options: ENUMS.rating, width: 32 }),
      c('unitCode', 'Mã đơn vị đánh giá', 'code', { width: 20 }),
      c('employmentStartDate', 'Ngày bắt đầu công tác', 'date', {
        width: 22,
        hint: 'Chỉ với người mới tuyển dụng trong năm',
      }),
      c('note', 'Ghi chú', 'text'),
    ],
    examples: [{ personCode: 'CB001', year: 2020, rating: 'HTXSNV', unitCode: 'BL-TTKN' }],
  },
  leaves: {
    sheetName: 'Thời gian nghỉ',
    description: 'Mỗi dòng: một thời gian nghỉ (thai sản, điều trị thương tích, ốm, khác).',
    columns: [
      c('personCode', 'Mã cán bộ', 'code'),
      c('kind', 'Loại nghỉ', 'enum', { options: ENUMS.leaveKind, width: 44 }),
      c('fromDate', 'Từ ngày', 'date'),
      c('toDate', 'Đến ngày', 'date'),
      c('note', 'Ghi chú', 'text'),
    ],
    examples: [{ personCode: 'CB001', kind: 'maternity', fromDate: '2019-02-01', toDate: '2019-07-31' }],
  },
  trainings: {
    sheetName: 'Đào tạo, bồi dưỡng',
    description: 'Mỗi dòng: một khóa đào tạo, bồi dưỡng với kết quả học tập.',
    columns: [
      c('personCode', 'Mã cán bộ', 'code'),
      c('fromDate', 'Từ ngày', 'date'),
      c('toDate', 'Đến ngày', 'date'),
      c('grade', 'Xếp loại học tập', 'enum', { options: ENUMS.trainingGrade, width: 18 }),
      c('institution', 'Cơ sở đào tạo', 'text'),
      c('goodConduct', 'Chấp hành tốt quy định (Có/Không)', 'bool', {
        width: 22,
        hint: 'Để trống là Có',
      }),
    ],
    examples: [
      {
        personCode: 'CB002',
        fromDate: '2018-09-01',
        toDate: '2019-06-30',
        grade: 'kha',
        institution: 'Học viện Hành chính Quốc gia',
        goodConduct: true,
      },
    ],
  },
  unitEvaluations: {
    sheetName: 'Đánh giá đơn vị',
    description: 'Mỗi dòng: kết quả xếp loại một tập thể trong một năm và số thành viên.',
    columns: [
      c('unitCode', 'Mã đơn vị', 'code'),
      c('year', 'Năm', 'int'),
      c('rating', 'Xếp loại', 'enum', { options: ENUMS.rating, width: 32 }),
      c('memberCount', 'Số thành viên', 'int', { width: 14 }),
      c('note', 'Ghi chú', 'text'),
    ],
    examples: [{ unitCode: 'BL-TTKN', year: 2020, rating: 'HTXSNV', memberCount: 42 }],
  },
  disciplines: {
    sheetName: 'Kỷ luật',
    description: 'Mỗi dòng: một quyết định kỷ luật cán bộ.',
    columns: [
      c('personCode', 'Mã cán bộ', 'code'),
      c('level', 'Hình thức kỷ luật', 'enum', { options: ENUMS.disciplineLevel, width: 20 }),
      c('decisionNumber', 'Số quyết định', 'text', { width: 18 }),
      c('decisionDate', 'Ngày quyết định', 'date', { width: 16 }),
      c('fromDate', 'Hiệu lực từ ngày', 'date', { width: 16 }),
      c('toDate', 'Hiệu lực đến ngày', 'date', { width: 18 }),
      c('reason', 'Lý do', 'text', { width: 40 }),
    ],
    examples: [
      {
        personCode: 'CB002',
        level: 'khien_trach',
        decisionNumber: '05/QĐ-TTKN',
        decisionDate: '2017-05-05',
        fromDate: '2017-05-05',
        toDate: '2018-05-04',
      },
    ],
  },
  initiatives: {
    sheetName: 'Sáng kiến, đề tài',
    description: 'Mỗi dòng: một sáng kiến hoặc đề tài khoa học đã được công nhận, với các tác giả.',
    columns: [
      c('code', 'Mã sáng kiến', 'code'),
      c('kind', 'Loại', 'enum', { options: ENUMS.initiativeKind, width: 18 }),
      c('title', 'Tên sáng kiến, đề tài', 'text', { width: 50 }),
      c('level', 'Cấp công nhận', 'enum', { options: ENUMS.recognitionLevel, width: 18 }),
      c('recognitionDate', 'Ngày công nhận', 'date', { width: 16 }),
      c('effectScope', 'Phạm vi ảnh hưởng', 'enum', { options: ENUMS.effectScope, width: 30 }),
      c('recognizingBody', 'Cơ quan công nhận', 'text'),
      c('authorCodes', 'Mã tác giả', 'codes', { width: 24 }),
    ],
    examples: [
      {
        code: 'SK-2020-01',
        kind: 'initiative',
        title: 'Quy trình nuôi tôm ít thay nước',
        level: 'grassroots',
        recognitionDate: '2020-11-20',
        effectScope: 'unit',
        recognizingBody: 'Hội đồng sáng kiến Sở',
        authorCodes: ['CB001', 'CB002'],
      },
    ],
  },
  awards: {
    sheetName: 'Khen thưởng',
    description:
      'Mỗi dòng: một danh hiệu thi đua hoặc hình thức khen thưởng đã nhận (cá nhân, tập thể hoặc hộ gia đình).',
    columns: [
      c('recipientKind', 'Đối tượng', 'enum', { options: ENUMS.recipientKind, width: 14 }),
      c('personCode', 'Mã cán bộ', 'code', { hint: 'Bắt buộc khi đối tượng là Cá nhân' }),
      c('unitCode', 'Mã đơn vị', 'code', { hint: 'Bắt buộc khi đối tượng là Tập thể' }),
      c('householdName', 'Tên hộ gia đình', 'text', {
        width: 24,
        hint: 'Bắt buộc khi đối tượng là Hộ gia đình',
      }),
      c('householdAddress', 'Địa chỉ hộ gia đình', 'text', { width: 24 }),
      c('awardCode', 'Danh hiệu, hình thức', 'enum', { options: ENUMS.awardCode, width: 36 }),
      c('year', 'Năm', 'int'),
      c('track', 'Loại hình khen thưởng', 'enum', { options: ENUMS.track, width: 28 }),
      c('issuer', 'Cấp khen', 'text', { width: 24 }),
      c('decisionNumber', 'Số quyết định', 'text', { width: 18 }),
      c('decisionDate', 'Ngày quyết định', 'date', { width: 16 }),
      c('note', 'Ghi chú', 'text'),
    ],
    examples: [
      {
        recipientKind: 'individual',
        personCode: 'CB001',
        awardCode: 'LDTT',
        year: 2020,
        track: 'regular',
        issuer: 'Giám đốc Sở',
        decisionNumber: '12/QĐ-SNN',
        decisionDate: '2021-01-15',
      },
      {
        recipientKind: 'household',
        householdName: 'Hộ ông Lâm Văn Tư',
        householdAddress: 'xã Vĩnh Hậu A',
        awardCode: 'GIAY_KHEN',
        year: 2020,
        track: 'thematic',
        issuer: 'Giám đốc Sở',
        decisionNumber: '30/QĐ-SNN',
        decisionDate: '2020-12-01',
      },
    ],
  },
};

/** Whether the record schema accepts the field absent / null: read from zod, so the two cannot drift. */
function fieldShape(kind: DatasetKind, field: string): ZodType {
  const shape = (DATASET_KINDS[kind] as unknown as ZodObject).shape as Record<string, ZodType>;
  const s = shape[field];
  if (!s) throw new Error(`sheets: ${kind}.${field} is not a field of the record schema`);
  return s;
}

export const SHEETS: Record<DatasetKind, SheetDef> = Object.fromEntries(
  DATASET_ORDER.map((kind) => {
    const d = DEFS[kind];
    const columns: ColumnDef[] = d.columns.map((col) => {
      const s = fieldShape(kind, col.field);
      return {
        ...col,
        required: !s.safeParse(undefined).success,
        nullable: s.safeParse(null).success,
        width: col.width ?? TYPE_WIDTH[col.type],
        hint: col.hint ?? TYPE_HINT[col.type],
      };
    });
    return [
      kind,
      { kind, sheetName: d.sheetName, description: d.description, columns, examples: d.examples },
    ];
  }),
) as Record<DatasetKind, SheetDef>;

/** Sheets of a template that carry no records. */
export const GUIDE_SHEET = 'Hướng dẫn';
export const LISTS_SHEET = 'Danh mục';

/** Header comparison ignores case, diacritics, spacing, "*" marks and a parenthesised hint. */
export function normalizeHeader(s: string): string {
  return foldVietnamese(s)
    .replace(/\(.*?\)/g, ' ')
    .replace(/[*:]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Sheet lookup by its Vietnamese name or the dataset key. */
export function kindOfSheetName(name: string): DatasetKind | null {
  const n = normalizeHeader(name);
  for (const kind of DATASET_ORDER) {
    if (normalizeHeader(SHEETS[kind].sheetName) === n || kind.toLowerCase() === n.replace(/\s/g, ''))
      return kind;
  }
  return null;
}

/** Header → column, for one kind: Vietnamese header, its aliases, and the dataset field name. */
export function headerIndex(kind: DatasetKind): Map<string, ColumnDef> {
  const map = new Map<string, ColumnDef>();
  for (const col of SHEETS[kind].columns) {
    for (const h of [col.header, col.field, ...(col.aliases ?? [])]) map.set(normalizeHeader(h), col);
  }
  return map;
}

/** The Vietnamese header of a field (`memberCodes.2` → "Mã các đơn vị thành viên"), or the field itself. */
export function headerOf(kind: DatasetKind, field: string): string {
  const base = field.split('.')[0]!;
  return SHEETS[kind]?.columns.find((col) => col.field === base)?.header ?? field;
}

// ── values ────────────────────────────────────────────────────────────────────────────────────────────

/** Enum matching: codes, labels and aliases compared without case, diacritics, "_" or extra spaces. */
const foldKey = (s: string) =>
  foldVietnamese(s)
    .replace(/[_\s]+/g, ' ')
    .trim();
const enumIndex = new WeakMap<readonly EnumOption[], Map<string, string>>();
function enumLookup(options: readonly EnumOption[]): Map<string, string> {
  let m = enumIndex.get(options);
  if (!m) {
    m = new Map();
    for (const o of options)
      for (const s of [o.code, o.label, ...(o.aliases ?? [])]) m.set(foldKey(s), o.code);
    enumIndex.set(options, m);
  }
  return m;
}

const TRUE = new Set(['co', 'x', '✓', 'true', '1', 'yes', 'y', 'dung']);
const FALSE = new Set(['khong', 'false', '0', 'no', 'n', 'sai']);

/** Excel's day 0 is 1899-12-30 (the 1900 leap-year bug makes every serial after 60 line up with it). */
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;

export function excelSerialToIso(serial: number): string | null {
  if (!Number.isFinite(serial) || serial < 1 || serial >= 2958466) return null;
  return new Date(EXCEL_EPOCH_MS + Math.floor(serial + 1e-6) * DAY_MS).toISOString().slice(0, 10);
}

/**
 * exceljs hands a date cell over as a Date at UTC midnight of the calendar day; a stored time of day or
 * a floating-point error (…23:59:59.999) must not move it to another day, whatever the server's zone.
 */
export function dateToIso(d: Date): string | null {
  if (Number.isNaN(d.getTime())) return null;
  return new Date(d.getTime() + 1000).toISOString().slice(0, 10);
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** dd/mm/yyyy, d/m/yyyy (also with - or .), yyyy-mm-dd, yyyy/mm/dd, or a serial typed as text. */
export function textToIsoDate(s: string): string | null {
  const t = s.trim();
  let m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?$/.exec(t);
  if (m) return `${m[3]}-${pad(Number(m[2]))}-${pad(Number(m[1]))}`;
  m =
    /^(\d{4})[/.-](\d{1,2})[/.-](\d{1,2})(?:[T\s]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(
      t,
    );
  if (m) return `${m[1]}-${pad(Number(m[2]))}-${pad(Number(m[3]))}`;
  // A CSV saved from a date column that had no date format carries the serial number.
  if (/^\d{4,6}$/.test(t) && Number(t) > 366) return excelSerialToIso(Number(t));
  return null;
}

/**
 * Strip the apostrophe our CSV export puts before text that would otherwise start a formula, so that a
 * round trip is exact. A leading apostrophe before anything else is the officer's own and is kept.
 */
export function unprotect(s: string): string {
  return /^'[=+\-@\t\r]/.test(s) ? s.slice(1) : s;
}

/** Does a text cell begin like a formula (=, +, -, @, tab, CR)? Such text is neutralised on CSV export. */
export function looksLikeFormula(s: string): boolean {
  return /^[=+\-@\t\r]/.test(s);
}

const isEmpty = (v: CellInput) => v === null || v === undefined || (typeof v === 'string' && v.trim() === '');

/** One cell → the plain value the record schema reads. `undefined` means the cell is empty. */
export function parseCell(col: ColumnDef, raw: CellInput): Parsed {
  if (isEmpty(raw)) return { ok: true, value: undefined };
  const text = () => (typeof raw === 'string' ? unprotect(raw).trim() : cellText(raw));
  switch (col.type) {
    case 'text':
    case 'code': {
      if (col.field === 'personalIdNumber' && typeof raw === 'number' && Number.isInteger(raw)) {
        // Excel turned the id into a number and dropped its leading zeros; CCCD has 12 digits, CMND 9.
        const digits = String(raw);
        return { ok: true, value: digits.padStart(digits.length <= 9 ? 9 : 12, '0') };
      }
      return { ok: true, value: text() };
    }
    case 'codes':
      return {
        ok: true,
        value: text()
          .split(/[,;\n]/)
          .map((s) => s.trim())
          .filter(Boolean),
      };
    case 'int': {
      if (typeof raw === 'number') {
        return Number.isInteger(raw) ? { ok: true, value: raw } : { ok: false, message: 'Phải là số nguyên' };
      }
      const t = text().replace(/\s/g, '');
      if (/^-?\d{1,9}$/.test(t)) return { ok: true, value: Number(t) };
      return { ok: false, message: 'Phải là số nguyên' };
    }
    case 'bool': {
      if (typeof raw === 'boolean') return { ok: true, value: raw };
      const k = foldKey(text());
      if (TRUE.has(k)) return { ok: true, value: true };
      if (FALSE.has(k)) return { ok: true, value: false };
      return { ok: false, message: 'Phải là Có hoặc Không' };
    }
    case 'date': {
      let iso: string | null = null;
      if (raw instanceof Date) iso = dateToIso(raw);
      else if (typeof raw === 'number') iso = excelSerialToIso(raw);
      else if (typeof raw === 'string') iso = textToIsoDate(unprotect(raw));
      return iso
        ? { ok: true, value: iso }
        : { ok: false, message: 'Ngày không hợp lệ: nhập dạng dd/mm/yyyy (ví dụ 31/12/2020)' };
    }
    case 'enum': {
      const t = text();
      // An unknown value goes to the schema as typed, which answers with the list of allowed values.
      return { ok: true, value: enumLookup(col.options ?? []).get(foldKey(t)) ?? t };
    }
  }
}

function cellText(v: CellInput): string {
  if (v instanceof Date) return dateToIso(v) ?? '';
  return String(v ?? '').trim();
}

/** The label shown for an enum code (exports and the guide). */
export function labelOf(col: ColumnDef, code: string): string {
  return col.options?.find((o) => o.code === code)?.label ?? code;
}

/** A calendar date as a Date at UTC midnight: exceljs writes it as the whole Excel serial of that day. */
export function isoToDate(iso: string): Date {
  return new Date(`${iso}T00:00:00Z`);
}

export function isoToVietnamese(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${d}/${m}/${y}`;
}

/** A record's value → the xlsx cell value (dates as real dates, enums as labels, booleans Có/Không). */
export function formatCell(col: ColumnDef, value: unknown): string | number | Date | null {
  if (value === null || value === undefined) return null;
  switch (col.type) {
    case 'date':
      return typeof value === 'string' ? isoToDate(value) : null;
    case 'int':
      return typeof value === 'number' ? value : Number(value);
    case 'bool':
      return value ? 'Có' : 'Không';
    case 'enum':
      return labelOf(col, String(value));
    case 'codes':
      return Array.isArray(value) ? value.join(', ') : String(value);
    default:
      return String(value);
  }
}

/** A record's value → CSV text (dates dd/mm/yyyy). */
export function formatText(col: ColumnDef, value: unknown): string {
  const v = formatCell(col, value);
  if (v === null) return '';
  if (v instanceof Date) return isoToVietnamese(v.toISOString().slice(0, 10));
  return String(v);
}

export const EXCEL_DATE_FORMAT = 'dd/mm/yyyy';
