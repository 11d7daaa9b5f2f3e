/**
 * The Ministry of Home Affairs' statistical report forms on emulation and commendation (biểu mẫu báo cáo
 * thống kê ngành Nội vụ, lĩnh vực thi đua, khen thưởng) as plain models built from the statistics cells.
 *
 * Which forms: the current ones are those of Thông tư 18/2025/TT-BNV (08/10/2025); their text could not be
 * found (docs/law-sources.md), so these are the forms 0601–0603.N/BNV-TĐKT of the previous regime, Thông tư
 * 02/2023/TT-BNV (23/3/2023), which replaced Thông tư 11/2018/TT-BNV. The rows and columns follow a public
 * implementation of those forms (the official PDF could not be read), see docs/decisions/039. Form 0604
 * (the organisations doing emulation work) counts offices, which VinhDanh does not hold; 0605 was not
 * found at all. A cell the data cannot fill (e.g. "Trong đó: Doanh nhân" — no such flag on people) is
 * null and drawn empty, never 0.
 */
import type { StatCell, StatUnit } from '../statistics';

export const FORM_IDS = ['0601', '0602', '0603'] as const;
export type FormId = (typeof FORM_IDS)[number];

export const FORM_SOURCE = {
  instrument: 'Thông tư số 02/2023/TT-BNV ngày 23/3/2023 của Bộ Nội vụ',
  note: 'Biểu mẫu theo Thông tư 02/2023/TT-BNV; biểu mẫu của Thông tư 18/2025/TT-BNV chưa tìm được văn bản gốc.',
  /** Ngày nhận báo cáo printed on the forms. */
  receiveDate: 'Ngày 15 tháng 12 năm báo cáo',
} as const;

/**
 * The reporting period of the emulation forms: 1 December of the year before to 30 November of the year
 * (Thông tư 02/2023/TT-BNV, chế độ báo cáo thống kê ngành Nội vụ: the thi đua, khen thưởng field reports
 * "từ ngày 01/12 năm trước đến ngày 30/11 năm sau" — docs/law-sources.md §12). Awards count in it by the
 * date of their decision.
 */
export function reportingPeriod(year: number): { from: string; to: string; label: string } {
  return {
    from: `${year - 1}-12-01`,
    to: `${year}-11-30`,
    label: `Năm ${year} (từ ngày 01/12/${year - 1} đến ngày 30/11/${year})`,
  };
}

export interface FormHeader {
  /** "Biểu số: 0603.N/BNV-TĐKT" */
  formNumber: string;
  issuedBy: string;
  receiveDate: string;
  reportingUnit: string;
  receivingUnit: string;
  title: string;
  period: string;
  unitOfMeasure: string | null;
}

export interface FormColumn {
  /** Column number printed under the headers: "1", "2", … */
  number: string;
  header: string;
  /** A grouping header above several columns ("Chia ra"). */
  group?: string;
}

export interface FormRow {
  /** Mã số: "01", "02", … ('' for a heading row). */
  code: string;
  label: string;
  /** Đơn vị tính of the row, where the form has that column. */
  measure?: string;
  /** One value per column; null = not held by VinhDanh (drawn empty). */
  values: (number | null)[];
  heading?: boolean;
  bold?: boolean;
}

export interface FormModel {
  id: FormId;
  header: FormHeader;
  /** The form has a "Đơn vị tính" column (0602, 0603). */
  measureColumn: boolean;
  columns: FormColumn[];
  rows: FormRow[];
  notes: string[];
}

export interface FormContext {
  year: number;
  reportingUnit: string;
  receivingUnit: string;
}

/** One movement of the year as form 0601 sees it. */
export interface FormMovement {
  kind: 'regular' | 'thematic';
  /** Who launched it: the province (a root unit) or an agency/unit below it. */
  level: 'central' | 'province' | 'agency';
  /** Organised for an emulation block (cụm, khối thi đua). */
  forBlock: boolean;
  periodFrom: string;
  periodTo: string;
}

function header(id: FormId, title: string, ctx: FormContext, unitOfMeasure: string | null): FormHeader {
  return {
    formNumber: `Biểu số: ${id}.N/BNV-TĐKT`,
    issuedBy: `Ban hành theo ${FORM_SOURCE.instrument}`,
    receiveDate: FORM_SOURCE.receiveDate,
    reportingUnit: ctx.reportingUnit,
    receivingUnit: ctx.receivingUnit,
    title,
    period: reportingPeriod(ctx.year).label,
    unitOfMeasure,
  };
}

/** Whole months of a period, both ends included (2020-01-01 … 2020-12-31 is 12; … 2020-06-30 is 6). */
export function periodMonths(from: string, to: string): number {
  const [fy, fm, fd] = from.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = to.split('-').map(Number) as [number, number, number];
  // The day after the end, so that a period closing on a month's last day counts that month whole.
  const after = new Date(Date.UTC(ty, tm - 1, td + 1));
  const [ey, em, ed] = [after.getUTCFullYear(), after.getUTCMonth() + 1, after.getUTCDate()];
  return Math.max((ey - fy) * 12 + (em - fm) - (ed < fd ? 1 : 0), 0);
}

export type Duration = 'under1' | 'one' | 'oneToThree' | 'threeToFive' | 'fivePlus';
export function durationOf(m: Pick<FormMovement, 'periodFrom' | 'periodTo'>): Duration {
  const n = periodMonths(m.periodFrom, m.periodTo);
  if (n < 12) return 'under1';
  if (n === 12) return 'one';
  if (n < 36) return 'oneToThree';
  if (n < 60) return 'threeToFive';
  return 'fivePlus';
}

/** Biểu 0601.N/BNV-TĐKT — Số phong trào thi đua. Columns: total = central + ministry/province + agency. */
export function form0601(ctx: FormContext, movements: readonly FormMovement[]): FormModel {
  const row = (code: string, label: string, list: readonly FormMovement[]): FormRow => {
    const central = list.filter((m) => m.level === 'central').length;
    const province = list.filter((m) => m.level === 'province').length;
    const agency = list.filter((m) => m.level === 'agency').length;
    return { code, label, values: [central + province + agency, central, province, agency] };
  };
  const noBlock = movements.filter((m) => !m.forBlock);
  const dur = (d: Duration) => movements.filter((m) => durationOf(m) === d);
  return {
    id: '0601',
    header: header('0601', 'SỐ PHONG TRÀO THI ĐUA', ctx, 'Phong trào'),
    measureColumn: false,
    columns: [
      { number: '1=(2+3+4)', header: 'Tổng số' },
      {
        number: '2',
        header: 'Cấp Trung ương (Hội đồng Thi đua - Khen thưởng Trung ương)',
        group: 'Số phong trào thi đua chia theo cấp chủ trì phát động thi đua',
      },
      {
        number: '3',
        header: 'Cấp bộ, ban, ngành, đoàn thể Trung ương, tỉnh, thành phố trực thuộc Trung ương',
        group: 'Số phong trào thi đua chia theo cấp chủ trì phát động thi đua',
      },
      {
        number: '4',
        header: 'Cơ quan, tổ chức, đơn vị',
        group: 'Số phong trào thi đua chia theo cấp chủ trì phát động thi đua',
      },
    ],
    rows: [
      { ...row('01', 'Tổng số', movements), bold: true },
      { code: '', label: '1. Chia theo phạm vi tổ chức thi đua', values: [], heading: true },
      row(
        '02',
        '- Toàn quốc',
        noBlock.filter((m) => m.level === 'central'),
      ),
      row(
        '03',
        '- Bộ, ban, ngành, đoàn thể, địa phương',
        noBlock.filter((m) => m.level === 'province'),
      ),
      row(
        '04',
        '- Cụm, khối thi đua do Hội đồng Thi đua - Khen thưởng các cấp tổ chức',
        movements.filter((m) => m.forBlock),
      ),
      row(
        '05',
        '- Cơ quan, tổ chức, đơn vị',
        noBlock.filter((m) => m.level === 'agency'),
      ),
      { code: '', label: '2. Chia theo thời hạn thi đua', values: [], heading: true },
      row('06', '- Dưới 1 năm', dur('under1')),
      row('07', '- 1 năm', dur('one')),
      row('08', '- Từ 1 năm đến dưới 3 năm', dur('oneToThree')),
      row('09', '- Từ 3 năm đến dưới 5 năm', dur('threeToFive')),
      row('10', '- Từ 5 năm trở lên', dur('fivePlus')),
      { code: '', label: '3. Chia theo phương thức tổ chức phong trào thi đua', values: [], heading: true },
      row(
        '11',
        '- Thi đua theo chuyên đề',
        movements.filter((m) => m.kind === 'thematic'),
      ),
      row(
        '12',
        '- Thi đua thường xuyên hàng năm',
        movements.filter((m) => m.kind === 'regular'),
      ),
    ],
    notes: [
      'Phong trào của năm báo cáo đã phát động (không tính bản nháp). Cấp phát động: đơn vị gốc (UBND tỉnh) là cấp tỉnh; các sở, đơn vị trực thuộc là cơ quan, tổ chức, đơn vị.',
      FORM_SOURCE.note,
    ],
  };
}

interface AwardColumn {
  number: string;
  header: string;
  group?: string;
  codes: readonly string[];
}

/** A form of award counts: columns are award codes, rows split by recipient, leadership and track. */
function awardForm(
  id: FormId,
  title: string,
  ctx: FormContext,
  columns: readonly AwardColumn[],
  cells: readonly StatCell[],
  unitKind: (unitId: string | null) => string | null,
  notes: string[],
): FormModel {
  const codes = new Set(columns.flatMap((c) => c.codes));
  const mine = cells.filter((c) => codes.has(c.awardCode));
  const values = (pred: (c: StatCell) => boolean): number[] => {
    const per = columns.map((col) =>
      mine.filter((c) => col.codes.includes(c.awardCode) && pred(c)).reduce((s, c) => s + c.awards, 0),
    );
    return [per.reduce((s, v) => s + v, 0), ...per];
  };
  const none = (): null[] => Array.from({ length: columns.length + 1 }, () => null);
  const kind = (k: string) => (c: StatCell) => c.recipientKind === k;
  const track = (t: string) => (c: StatCell) => c.track === t;
  return {
    id,
    header: header(id, title, ctx, null),
    measureColumn: true,
    columns: [
      { number: '1', header: 'Tổng số' },
      ...columns.map((c) => ({
        number: c.number,
        header: c.header,
        group: c.group ?? 'Chia ra',
      })),
    ],
    rows: [
      { code: '01', label: 'Tổng số', values: values(() => true), bold: true },
      { code: '', label: '1. Chia theo đối tượng khen thưởng', values: [], heading: true },
      { code: '02', label: '- Tập thể', measure: 'Tập thể', values: values(kind('collective')) },
      {
        code: '03',
        label: 'Trong đó: Doanh nghiệp',
        measure: 'Doanh nghiệp',
        values: values((c) => c.recipientKind === 'collective' && unitKind(c.unitId) === 'enterprise'),
      },
      { code: '04', label: '- Hộ gia đình', measure: 'Hộ', values: values(kind('household')) },
      { code: '05', label: '- Cá nhân', measure: 'Người', values: values(kind('individual')) },
      {
        code: '06',
        label: '+ Lãnh đạo cấp bộ, cấp tỉnh và tương đương trở lên',
        measure: 'Người',
        values: none(),
      },
      { code: '07', label: '+ Lãnh đạo cấp vụ, sở, ngành và tương đương', measure: 'Người', values: none() },
      { code: '08', label: '+ Doanh nhân', measure: 'Người', values: none() },
      {
        code: '09',
        label: '+ Các cấp lãnh đạo khác từ phó phòng trở lên',
        measure: 'Người',
        values: values((c) => c.recipientKind === 'individual' && c.leader === true),
      },
      {
        code: '10',
        label:
          '+ Người trực tiếp công tác, lao động, học tập, chiến đấu và phục vụ chiến đấu (công nhân, nông dân,...)',
        measure: 'Người',
        values: values((c) => c.recipientKind === 'individual' && c.leader !== true),
      },
      { code: '', label: '2. Chia theo phương thức khen thưởng', values: [], heading: true },
      { code: '11', label: '- Thường xuyên', values: values(track('regular')) },
      { code: '12', label: '- Chuyên đề', values: values(track('thematic')) },
      { code: '13', label: '- Đột xuất', values: values(track('ad_hoc')) },
      { code: '14', label: '- Đối ngoại', values: values(track('foreign')) },
      { code: '15', label: '- Cống hiến', values: values(track('dedication')) },
      { code: '16', label: '- Niên hạn', values: values(track('seniority')) },
      { code: '17', label: '- Kháng chiến', values: none() },
    ],
    notes: [
      'Chỉ tính khen thưởng có quyết định ký trong kỳ báo cáo (01/12 năm trước đến 30/11 năm báo cáo), chưa bị thu hồi. Mã số 09: cá nhân có đánh dấu "lãnh đạo" trong hồ sơ cán bộ (hồ sơ không ghi cấp lãnh đạo, nên mã số 06–08 để trống); mã số 10: các cá nhân còn lại.',
      'Ô để trống: VinhDanh không lưu dữ liệu này.',
      ...notes,
      FORM_SOURCE.note,
    ],
  };
}

/** Biểu 0602.N/BNV-TĐKT — Số lượng khen thưởng cấp Nhà nước. */
export function form0602(
  ctx: FormContext,
  cells: readonly StatCell[],
  unitKind: (unitId: string | null) => string | null,
): FormModel {
  const g1 = 'Các loại huân chương, huy chương';
  return awardForm(
    '0602',
    'SỐ LƯỢNG KHEN THƯỞNG CẤP NHÀ NƯỚC',
    ctx,
    [
      { number: '2', header: 'Huân chương Lao động hạng Nhất', group: g1, codes: ['HCLD_1'] },
      { number: '2', header: 'Huân chương Lao động hạng Nhì', group: g1, codes: ['HCLD_2'] },
      { number: '2', header: 'Huân chương Lao động hạng Ba', group: g1, codes: ['HCLD_3'] },
      { number: '3', header: 'Giải thưởng Hồ Chí Minh', codes: ['GT_HCM'] },
      { number: '4', header: 'Giải thưởng Nhà nước', codes: ['GT_NN'] },
      { number: '5', header: 'Danh hiệu vinh dự nhà nước', codes: ['VINH_DU_NN'] },
      { number: '6', header: 'Cờ thi đua của Chính phủ', codes: ['CO_CHINHPHU'] },
      { number: '7', header: 'Bằng khen của Thủ tướng Chính phủ', codes: ['BK_TTG'] },
      { number: '8', header: 'Chiến sĩ thi đua toàn quốc', codes: ['CSTD_TOANQUOC'] },
    ],
    cells,
    unitKind,
    [
      'Giải thưởng Hồ Chí Minh, Giải thưởng Nhà nước và danh hiệu vinh dự nhà nước chưa có trong danh mục khen thưởng của VinhDanh nên luôn bằng 0.',
    ],
  );
}

/** Biểu 0603.N/BNV-TĐKT — Số lượng khen thưởng cấp bộ, ban, ngành, đoàn thể Trung ương và tỉnh. */
export function form0603(
  ctx: FormContext,
  cells: readonly StatCell[],
  unitKind: (unitId: string | null) => string | null,
): FormModel {
  return awardForm(
    '0603',
    'SỐ LƯỢNG KHEN THƯỞNG CẤP BỘ, BAN, NGÀNH, ĐOÀN THỂ TRUNG ƯƠNG VÀ TỈNH, THÀNH PHỐ TRỰC THUỘC TRUNG ƯƠNG',
    ctx,
    [
      { number: '2', header: 'Bằng khen', codes: ['BK_TINH', 'BK_BO'] },
      { number: '3', header: 'Chiến sĩ thi đua cấp bộ, cấp tỉnh', codes: ['CSTD_TINH', 'CSTD_BO'] },
      {
        number: '4',
        header: 'Cờ thi đua của bộ, ban, ngành, đoàn thể Trung ương, tỉnh, thành phố trực thuộc Trung ương',
        codes: ['CO_TINH'],
      },
      {
        number: '5',
        header:
          'Huy hiệu (kỷ niệm chương) của bộ, ban, ngành, đoàn thể Trung ương, tỉnh, thành phố trực thuộc Trung ương',
        codes: ['KNC'],
      },
    ],
    cells,
    unitKind,
    [],
  );
}

export function buildForm(
  id: FormId,
  ctx: FormContext,
  data: {
    cells: readonly StatCell[];
    units: readonly (StatUnit & { kind?: string })[];
    movements: readonly FormMovement[];
  },
): FormModel {
  const kinds = new Map(data.units.map((u) => [u.id, u.kind ?? null]));
  const unitKind = (id: string | null) => (id ? (kinds.get(id) ?? null) : null);
  if (id === '0601') return form0601(ctx, data.movements);
  if (id === '0602') return form0602(ctx, data.cells, unitKind);
  return form0603(ctx, data.cells, unitKind);
}
