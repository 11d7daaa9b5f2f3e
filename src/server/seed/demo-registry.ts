/**
 * The demo registry: the 2020 emulation block of the origin article (../shared/seed) with 2018–2019 for
 * history, and the 2025 reorganisation, as one dataset in the registry's exchange format. `seedDemo`
 * applies it with the import engine, so the demo is also a worked example of a dataset file.
 *
 * What it reproduces (product.md, "What the seed article contains"), 2020, block of 8 members:
 * - regular, Giám đốc Sở: LĐTT 300 individuals, Tập thể LĐTT 29 collectives, CSTĐCS 44 individuals,
 *   Giấy khen 19 collectives and 244 individuals (decisions 15–18/QĐ-SNN of 18/01/2021);
 * - thematic: Bằng khen Chủ tịch UBND tỉnh 4 collectives and 3 individuals, Giấy khen Giám đốc Sở
 *   12 collectives, Kỷ niệm chương "Vì sự nghiệp Văn thư, Lưu trữ" (Bộ Nội vụ) 1 individual.
 *
 * Consistent with V2017 (Luật TĐKT 2003/2013, Nghị định 91/2017): every LĐTT holder is rated HTTNV or
 * better, has worked at least 10 months of the year (maternity leave, rescue injuries and short training
 * count as work) and has no discipline in force during the year; every CSTĐCS holder is LĐTT and authored
 * a grassroots initiative recognised that year, not yet used by any award (the decision feature will
 * record the use); CSTĐCS ≤ 15% of LĐTT; a Tập thể LĐTT is rated HTTNV or better ("hoàn thành tốt nhiệm
 * vụ", Luật 2003 art. 28), has more than 50% LĐTT members and nobody disciplined at cảnh cáo or above.
 * Every eligible person got LĐTT, so the 300 are exactly the eligible ones; 51 people of the 2020 roster
 * are not eligible, each for a reason a reviewer can see (rating, new hire, discipline).
 *
 * Everything is derived from a seeded PRNG (no Math.random, no clock): two builds are identical.
 * People are fictional (generated names, random identity numbers); sub-units are invented (flagged demo).
 */
import { DATASET_ORDER, type DatasetInput } from '../../shared/registry/dataset.schema';
import type { UnitKind } from '../../shared/units/units.schema';
import type { DbOrTx } from '../platform/db/database';
import { applyDataset, type Located, type LocatedDataset } from '../features/registry/dataset-import';

type Rec<K extends keyof DatasetInput> = NonNullable<DatasetInput[K]> extends (infer T)[] ? T : never;
type UnitRec = Rec<'units'>;
type PersonRec = Rec<'people'>;
type PersonUnitRec = Rec<'personUnits'>;
type EvalRec = Rec<'personEvaluations'>;
type AwardRec = Rec<'awards'>;
type InitiativeRec = Rec<'initiatives'>;
type Rating = EvalRec['rating'];

// ─── Units the demo has always had (inserted by demo.ts before the dataset; re-declared here unchanged) ──

export interface SeedUnit {
  code: string;
  name: string;
  shortName?: string;
  kind: UnitKind;
  parent?: string;
  documentSymbol?: string;
  isDemo?: boolean;
  activeFrom: string;
  activeTo?: string;
}

/** Bạc Liêu province was re-established on 1997-01-01 (Nghị quyết of the National Assembly, 1996). */
export const DEMO_UNITS: SeedUnit[] = [
  {
    code: 'BL-UBND',
    name: 'Ủy ban nhân dân tỉnh Bạc Liêu',
    shortName: 'UBND tỉnh Bạc Liêu',
    kind: 'state_agency',
    documentSymbol: 'UBND',
    activeFrom: '1997-01-01',
    // Bạc Liêu became part of the new Cà Mau province (Nghị quyết 202/2025/QH15, from 2025-07-01).
    activeTo: '2025-06-30',
  },
  {
    code: 'BL-SNN',
    name: 'Sở Nông nghiệp và Phát triển nông thôn tỉnh Bạc Liêu',
    shortName: 'Sở NN&PTNT',
    kind: 'state_agency',
    parent: 'BL-UBND',
    documentSymbol: 'SNN',
    activeFrom: '1997-01-01',
    // Merged into the Sở Nông nghiệp và Môi trường from 2025-03-01.
    activeTo: '2025-02-28',
  },
  { code: 'BL-SNN-VP', name: 'Văn phòng Sở', kind: 'division', parent: 'BL-SNN', activeFrom: '1997-01-01' },
  // The block's eight members (2020).
  {
    code: 'BL-TTKN',
    name: 'Trung tâm Khuyến nông tỉnh Bạc Liêu',
    shortName: 'TT Khuyến nông',
    kind: 'public_service',
    parent: 'BL-SNN',
    activeFrom: '1997-01-01',
  },
  {
    code: 'BL-TTNS',
    name: 'Trung tâm Nước sạch và Vệ sinh môi trường nông thôn tỉnh Bạc Liêu',
    shortName: 'TT Nước sạch và VSMTNT',
    kind: 'public_service',
    parent: 'BL-SNN',
    activeFrom: '1997-01-01',
  },
  {
    code: 'BL-BQLR',
    name: 'Ban Quản lý rừng đặc dụng – phòng hộ ven biển Bạc Liêu',
    shortName: 'BQL rừng phòng hộ ven biển',
    kind: 'public_service',
    parent: 'BL-SNN',
    activeFrom: '1997-01-01',
  },
  // Named in the article by field only; the exact names are plausible reconstructions.
  {
    code: 'BL-BQLCC',
    name: 'Ban Quản lý cảng cá tỉnh Bạc Liêu',
    shortName: 'BQL cảng cá',
    kind: 'public_service',
    parent: 'BL-SNN',
    activeFrom: '1997-01-01',
  },
  {
    code: 'BL-CCCNTY',
    name: 'Chi cục Chăn nuôi và Thú y tỉnh Bạc Liêu',
    shortName: 'CC Chăn nuôi và Thú y',
    kind: 'state_agency',
    parent: 'BL-SNN',
    activeFrom: '1997-01-01',
  },
  // Not named in the article: invented for the demo.
  {
    code: 'BL-TTGIONG',
    name: 'Trung tâm Giống nông nghiệp (dữ liệu mẫu)',
    kind: 'public_service',
    parent: 'BL-SNN',
    isDemo: true,
    activeFrom: '2005-01-01',
  },
  {
    code: 'BL-TTKNGHIEM',
    name: 'Trung tâm Kiểm nghiệm nông sản (dữ liệu mẫu)',
    kind: 'public_service',
    parent: 'BL-SNN',
    isDemo: true,
    activeFrom: '2008-01-01',
  },
  {
    code: 'BL-BQLDA',
    name: 'Ban Quản lý dự án nông nghiệp (dữ liệu mẫu)',
    kind: 'public_service',
    parent: 'BL-SNN',
    isDemo: true,
    activeFrom: '2010-01-01',
  },
];

export const BLOCK_2020_MEMBERS = [
  'BL-TTKN',
  'BL-TTNS',
  'BL-BQLR',
  'BL-BQLCC',
  'BL-CCCNTY',
  'BL-TTGIONG',
  'BL-TTKNGHIEM',
  'BL-BQLDA',
];

export const BLOCK_NAME =
  'Khối thi đua các đơn vị sự nghiệp công lập, đơn vị tổ chức hành chính có sự nghiệp';

/**
 * Khối trưởng / Khối phó by year. The article names the 2020 lead (Trung tâm Khuyến nông); the rest is a
 * demo rotation in which each year's deputy leads the next year.
 */
export const BLOCK_ROTATION: Record<number, { lead: string; deputy: string }> = {
  2018: { lead: 'BL-CCCNTY', deputy: 'BL-BQLR' },
  2019: { lead: 'BL-BQLR', deputy: 'BL-TTKN' },
  2020: { lead: 'BL-TTKN', deputy: 'BL-TTNS' },
};

/**
 * The 2025 reorganisation. The unit tree keeps the organisation as it was when the history was made:
 * the block's members stay children of BL-SNN (their parent of record in 2018–2020), and the lineage is
 * carried by successions: BL-SNN (with the environment department) → BL-SNNMT from 2025-03-01 →
 * CM-SNNMT from 2025-07-01, and BL-UBND → CM-UBND from 2025-07-01. From CM-SNNMT one walks the
 * successions back to BL-SNN and reaches its subtree and history. What became of each member in 2025 is
 * not modelled (the demo does not invent it). See docs/decisions/021-demo-reorganisation.md.
 */
export const REORGANISATION_UNITS: SeedUnit[] = [
  {
    code: 'BL-STNMT',
    name: 'Sở Tài nguyên và Môi trường tỉnh Bạc Liêu',
    shortName: 'Sở TN&MT',
    kind: 'state_agency',
    parent: 'BL-UBND',
    documentSymbol: 'STNMT',
    // Approximate: the provincial environment departments were set up in 2003 (after Nghị định 91/2002).
    activeFrom: '2003-01-01',
    activeTo: '2025-02-28',
  },
  {
    code: 'BL-SNNMT',
    name: 'Sở Nông nghiệp và Môi trường tỉnh Bạc Liêu',
    shortName: 'Sở NN&MT Bạc Liêu',
    kind: 'state_agency',
    parent: 'BL-UBND',
    documentSymbol: 'SNNMT',
    activeFrom: '2025-03-01',
    activeTo: '2025-06-30',
  },
  {
    code: 'CM-UBND',
    name: 'Ủy ban nhân dân tỉnh Cà Mau',
    shortName: 'UBND tỉnh Cà Mau',
    kind: 'state_agency',
    documentSymbol: 'UBND',
    activeFrom: '2025-07-01',
  },
  {
    code: 'CM-SNNMT',
    name: 'Sở Nông nghiệp và Môi trường tỉnh Cà Mau',
    shortName: 'Sở NN&MT',
    kind: 'state_agency',
    parent: 'CM-UBND',
    documentSymbol: 'SNNMT',
    activeFrom: '2025-07-01',
  },
];

export const REORGANISATION_SUCCESSIONS = [
  {
    predecessorCode: 'BL-SNN',
    successorCode: 'BL-SNNMT',
    effectiveDate: '2025-03-01',
    note: 'Hợp nhất Sở Nông nghiệp và Phát triển nông thôn với Sở Tài nguyên và Môi trường',
  },
  {
    predecessorCode: 'BL-STNMT',
    successorCode: 'BL-SNNMT',
    effectiveDate: '2025-03-01',
    note: 'Hợp nhất Sở Nông nghiệp và Phát triển nông thôn với Sở Tài nguyên và Môi trường',
  },
  {
    predecessorCode: 'BL-SNNMT',
    successorCode: 'CM-SNNMT',
    effectiveDate: '2025-07-01',
    note: 'Sắp xếp đơn vị hành chính cấp tỉnh: tỉnh Bạc Liêu nhập vào tỉnh Cà Mau',
  },
  {
    predecessorCode: 'BL-UBND',
    successorCode: 'CM-UBND',
    effectiveDate: '2025-07-01',
    note: 'Sắp xếp đơn vị hành chính cấp tỉnh: tỉnh Bạc Liêu nhập vào tỉnh Cà Mau',
  },
];

// ─── Issuers and decisions ───────────────────────────────────────────────────────────────────────────

export const ISSUER_SNN = 'Giám đốc Sở Nông nghiệp và Phát triển nông thôn';
export const ISSUER_UBND = 'Chủ tịch Ủy ban nhân dân tỉnh Bạc Liêu';
export const ISSUER_BNV = 'Bộ trưởng Bộ Nội vụ';

/** Regular-track decisions of the Giám đốc Sở, one per title or form, issued early the next year. */
const REGULAR_DECISIONS: Record<
  number,
  { date: string; LDTT: string; TTLDTT: string; CSTDCS: string; GK: string }
> = {
  2018: { date: '2019-01-15', LDTT: '06/QĐ-SNN', TTLDTT: '07/QĐ-SNN', CSTDCS: '08/QĐ-SNN', GK: '09/QĐ-SNN' },
  2019: { date: '2020-01-20', LDTT: '21/QĐ-SNN', TTLDTT: '22/QĐ-SNN', CSTDCS: '23/QĐ-SNN', GK: '24/QĐ-SNN' },
  2020: { date: '2021-01-18', LDTT: '15/QĐ-SNN', TTLDTT: '16/QĐ-SNN', CSTDCS: '17/QĐ-SNN', GK: '18/QĐ-SNN' },
};

const MOVEMENTS = {
  patriotic: 'Phong trào thi đua yêu nước giai đoạn 2015–2020',
  shrimpRice: 'Phong trào "Xây dựng và phát triển mô hình tôm lúa trên địa bàn tỉnh Bạc Liêu"',
  adminReform: 'Phong trào thi đua cải cách thủ tục hành chính giai đoạn 2010–2020',
  asf: 'Phòng, chống bệnh Dịch tả lợn châu Phi năm 2019',
  archives: 'Kỷ niệm chương "Vì sự nghiệp Văn thư, Lưu trữ"',
};

/** The 2020 figures of the article, as (award code, recipient kind, track) → count. */
export const ARTICLE_2020_AWARDS: { awardCode: string; recipientKind: string; track: string; n: number }[] = [
  { awardCode: 'LDTT', recipientKind: 'individual', track: 'regular', n: 300 },
  { awardCode: 'TTLDTT', recipientKind: 'collective', track: 'regular', n: 29 },
  { awardCode: 'CSTDCS', recipientKind: 'individual', track: 'regular', n: 44 },
  { awardCode: 'GIAY_KHEN', recipientKind: 'collective', track: 'regular', n: 19 },
  { awardCode: 'GIAY_KHEN', recipientKind: 'individual', track: 'regular', n: 244 },
  { awardCode: 'BK_TINH', recipientKind: 'collective', track: 'thematic', n: 4 },
  { awardCode: 'BK_TINH', recipientKind: 'individual', track: 'thematic', n: 3 },
  { awardCode: 'GIAY_KHEN', recipientKind: 'collective', track: 'thematic', n: 12 },
  { awardCode: 'KNC', recipientKind: 'individual', track: 'thematic', n: 1 },
];

// ─── Sub-units (invented) ────────────────────────────────────────────────────────────────────────────

/** Why a 2020 sub-unit did not get Tập thể LĐTT (the other 29 did). */
type SubPlan = 'new' | 'unit_htnv' | 'low_ldtt' | 'canh_cao';

interface SubDef {
  suffix: string;
  name: string;
  head: string;
  /** People at 2020 year-end, the head included. */
  size: number;
  activeFrom?: string;
  plan?: SubPlan;
  /** Rated HTXSNV in 2020 and given a regular Giấy khen. */
  excellent?: boolean;
}

interface MemberDef {
  code: string;
  symbol: string;
  director: string;
  deputy: boolean;
  staff: string[];
  topics: string[];
  subs: SubDef[];
}

const HC = (size: number, excellent = false): SubDef => ({
  suffix: 'P01',
  name: 'Phòng Hành chính – Tổng hợp',
  head: 'Trưởng phòng',
  size,
  excellent,
});

const MEMBERS: MemberDef[] = [
  {
    code: 'BL-TTKN',
    symbol: 'TTKN',
    director: 'Giám đốc',
    deputy: true,
    staff: ['Kỹ sư nông nghiệp', 'Kỹ sư thủy sản', 'Khuyến nông viên', 'Kỹ thuật viên', 'Chuyên viên'],
    topics: [
      'mô hình tôm – lúa',
      'mô hình nuôi tôm quảng canh cải tiến',
      'tập huấn kỹ thuật cho nông dân',
      'bản tin khuyến nông trên mạng xã hội',
      'điểm trình diễn lúa chất lượng cao',
      'nhật ký sản xuất của nông hộ',
    ],
    subs: [
      HC(9, true),
      { suffix: 'P02', name: 'Phòng Kỹ thuật', head: 'Trưởng phòng', size: 12, excellent: true },
      { suffix: 'P03', name: 'Phòng Thông tin – Huấn luyện', head: 'Trưởng phòng', size: 9 },
      {
        suffix: 'P04',
        name: 'Phòng Dịch vụ – Chuyển giao công nghệ',
        head: 'Trưởng phòng',
        size: 6,
        activeFrom: '2020-07-01',
        plan: 'new',
      },
      {
        suffix: 'T01',
        name: 'Trạm Khuyến nông huyện Hồng Dân',
        head: 'Trạm trưởng',
        size: 10,
        excellent: true,
      },
      { suffix: 'T02', name: 'Trạm Khuyến nông huyện Phước Long', head: 'Trạm trưởng', size: 10 },
      { suffix: 'T03', name: 'Trạm Khuyến nông huyện Hòa Bình', head: 'Trạm trưởng', size: 10 },
      {
        suffix: 'T04',
        name: 'Trạm Khuyến nông huyện Đông Hải',
        head: 'Trạm trưởng',
        size: 10,
        excellent: true,
      },
    ],
  },
  {
    code: 'BL-TTNS',
    symbol: 'TTNS',
    director: 'Giám đốc',
    deputy: true,
    staff: [
      'Kỹ sư cấp thoát nước',
      'Công nhân vận hành',
      'Kỹ thuật viên',
      'Chuyên viên',
      'Nhân viên thu ngân',
    ],
    topics: [
      'vận hành trạm cấp nước nông thôn',
      'chống thất thoát nước sạch',
      'thu tiền nước qua ngân hàng',
      'bảo trì máy bơm',
      'quản lý hồ sơ khách hàng dùng nước',
      'xử lý nước nhiễm phèn',
    ],
    subs: [
      HC(8),
      { suffix: 'P02', name: 'Phòng Kế hoạch – Kỹ thuật', head: 'Trưởng phòng', size: 11, excellent: true },
      { suffix: 'T01', name: 'Trạm Cấp nước khu vực 1', head: 'Trạm trưởng', size: 12 },
      { suffix: 'T02', name: 'Trạm Cấp nước khu vực 2', head: 'Trạm trưởng', size: 12, excellent: true },
    ],
  },
  {
    code: 'BL-BQLR',
    symbol: 'BQLR',
    director: 'Trưởng ban',
    deputy: true,
    staff: ['Viên chức bảo vệ rừng', 'Kỹ sư lâm nghiệp', 'Kỹ thuật viên', 'Chuyên viên'],
    topics: [
      'tuần tra bảo vệ rừng ven biển',
      'phòng cháy, chữa cháy rừng',
      'trồng bổ sung rừng phòng hộ',
      'theo dõi diễn biến rừng bằng ảnh vệ tinh',
      'giao khoán bảo vệ rừng',
    ],
    subs: [
      HC(8),
      {
        suffix: 'P02',
        name: 'Phòng Kỹ thuật – Bảo vệ rừng',
        head: 'Trưởng phòng',
        size: 10,
        excellent: true,
      },
      { suffix: 'T01', name: 'Trạm Quản lý bảo vệ rừng số 1', head: 'Trạm trưởng', size: 12 },
      { suffix: 'T02', name: 'Trạm Quản lý bảo vệ rừng số 2', head: 'Trạm trưởng', size: 11 },
      { suffix: 'D01', name: 'Đội Kiểm tra cơ động', head: 'Đội trưởng', size: 9, plan: 'canh_cao' },
    ],
  },
  {
    code: 'BL-BQLCC',
    symbol: 'BQLCC',
    director: 'Trưởng ban',
    deputy: false,
    staff: ['Nhân viên điều độ cảng', 'Kỹ thuật viên', 'Chuyên viên', 'Nhân viên thu phí'],
    topics: [
      'quản lý tàu cá ra vào cảng',
      'thu phí sử dụng cảng',
      'vệ sinh môi trường cảng cá',
      'ghi nhận sản lượng thủy sản bốc dỡ qua cảng',
      'xác nhận nguồn gốc thủy sản khai thác',
    ],
    subs: [
      HC(8),
      { suffix: 'P02', name: 'Phòng Nghiệp vụ cảng', head: 'Trưởng phòng', size: 10 },
      { suffix: 'D01', name: 'Đội Quản lý cảng cá số 1', head: 'Đội trưởng', size: 12 },
      { suffix: 'D02', name: 'Đội Quản lý cảng cá số 2', head: 'Đội trưởng', size: 11, plan: 'unit_htnv' },
    ],
  },
  {
    code: 'BL-CCCNTY',
    symbol: 'CCCNTY',
    director: 'Chi cục trưởng',
    deputy: true,
    staff: ['Bác sĩ thú y', 'Kỹ sư chăn nuôi', 'Kiểm dịch viên động vật', 'Kỹ thuật viên', 'Chuyên viên'],
    topics: [
      'tiêm phòng vắc xin cho đàn gia súc, gia cầm',
      'giám sát bệnh Dịch tả lợn châu Phi',
      'kiểm soát giết mổ gia súc',
      'quản lý cơ sở kinh doanh thuốc thú y',
      'phòng bệnh cho tôm nuôi',
    ],
    subs: [
      HC(8, true),
      { suffix: 'P02', name: 'Phòng Quản lý chăn nuôi', head: 'Trưởng phòng', size: 9 },
      { suffix: 'P03', name: 'Phòng Quản lý dịch bệnh', head: 'Trưởng phòng', size: 10, excellent: true },
      { suffix: 'T01', name: 'Trạm Chăn nuôi và Thú y khu vực 1', head: 'Trạm trưởng', size: 11 },
      { suffix: 'T02', name: 'Trạm Chăn nuôi và Thú y khu vực 2', head: 'Trạm trưởng', size: 10 },
    ],
  },
  {
    code: 'BL-TTGIONG',
    symbol: 'TTGIONG',
    director: 'Giám đốc',
    deputy: false,
    staff: ['Kỹ sư nông học', 'Kỹ sư thủy sản', 'Kỹ thuật viên', 'Công nhân kỹ thuật', 'Chuyên viên'],
    topics: [
      'sản xuất giống lúa xác nhận',
      'ương giống tôm càng xanh',
      'bảo quản hạt giống',
      'khảo nghiệm giống lúa chịu mặn',
      'kiểm soát chất lượng giống thủy sản',
    ],
    subs: [
      HC(8),
      { suffix: 'T01', name: 'Trại Giống lúa', head: 'Trại trưởng', size: 12, excellent: true },
      { suffix: 'T02', name: 'Trại Giống thủy sản', head: 'Trại trưởng', size: 11, plan: 'low_ldtt' },
    ],
  },
  {
    code: 'BL-TTKNGHIEM',
    symbol: 'TTKNGHIEM',
    director: 'Giám đốc',
    deputy: false,
    staff: ['Kiểm nghiệm viên', 'Kỹ sư hóa phân tích', 'Kỹ thuật viên', 'Chuyên viên'],
    topics: [
      'phân tích dư lượng kháng sinh trong tôm',
      'kiểm nghiệm vi sinh thực phẩm nông sản',
      'quản lý mẫu thử nghiệm',
      'hiệu chuẩn thiết bị phòng thử nghiệm',
      'trả kết quả kiểm nghiệm trực tuyến',
    ],
    subs: [
      HC(7),
      { suffix: 'P02', name: 'Phòng Kiểm nghiệm hóa lý', head: 'Trưởng phòng', size: 10, excellent: true },
      { suffix: 'P03', name: 'Phòng Kiểm nghiệm vi sinh', head: 'Trưởng phòng', size: 9 },
    ],
  },
  {
    code: 'BL-BQLDA',
    symbol: 'BQLDA',
    director: 'Giám đốc',
    deputy: false,
    staff: ['Kỹ sư xây dựng', 'Kỹ sư thủy lợi', 'Cán bộ giám sát', 'Chuyên viên'],
    topics: [
      'giám sát thi công công trình thủy lợi',
      'quản lý hồ sơ thanh toán vốn đầu tư',
      'lập kế hoạch lựa chọn nhà thầu',
      'giải ngân vốn dự án',
      'lưu trữ hồ sơ dự án',
    ],
    subs: [
      HC(8),
      { suffix: 'P02', name: 'Phòng Kế hoạch – Kỹ thuật', head: 'Trưởng phòng', size: 10, plan: 'unit_htnv' },
    ],
  },
];

const HC_STAFF = ['Chuyên viên', 'Kế toán viên', 'Văn thư', 'Thủ quỹ', 'Nhân viên', 'Chuyên viên'];
const HC_TOPICS = [
  'số hóa hồ sơ lưu trữ',
  'quản lý văn bản điện tử',
  'tiết kiệm chi hành chính',
  'quản lý tài sản công',
  'theo dõi nhiệm vụ được giao',
];
const ACTIONS = [
  'Giải pháp nâng cao hiệu quả',
  'Cải tiến quy trình',
  'Ứng dụng phần mềm hỗ trợ',
  'Xây dựng sổ tay hướng dẫn',
  'Giải pháp rút ngắn thời gian',
  'Tổ chức lại công tác',
];

// ─── Deterministic randomness and dates ──────────────────────────────────────────────────────────────

/** mulberry32: small, fast, good enough for demo data, and the same on every machine. */
class Rng {
  private s: number;
  constructor(seed: number) {
    this.s = seed >>> 0;
  }
  next(): number {
    this.s = (this.s + 0x6d2b79f5) >>> 0;
    let t = this.s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(list: readonly T[]): T {
    return list[Math.floor(this.next() * list.length)]!;
  }
  weighted<T>(list: readonly (readonly [T, number])[]): T {
    const total = list.reduce((s, [, w]) => s + w, 0);
    let r = this.next() * total;
    for (const [v, w] of list) {
      r -= w;
      if (r < 0) return v;
    }
    return list[list.length - 1]![0];
  }
  shuffle<T>(list: readonly T[]): T[] {
    const a = [...list];
    for (let i = a.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [a[i], a[j]] = [a[j]!, a[i]!];
    }
    return a;
  }
}

export const DEMO_RANDOM_SEED = 20210202;

const pad = (n: number, w = 2) => String(n).padStart(w, '0');
const ymd = (y: number, m: number, d: number) => `${y}-${pad(m)}-${pad(d)}`;
function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) + months;
  const ny = Math.floor(total / 12);
  const nm = (total % 12) + 1;
  const last = new Date(Date.UTC(ny, nm, 0)).getUTCDate();
  return ymd(ny, nm, Math.min(d, last));
}
const maxDate = (a: string, b: string) => (a > b ? a : b);
const randomDate = (rng: Rng, year: number, fromMonth = 1, toMonth = 12) =>
  ymd(year, rng.int(fromMonth, toMonth), rng.int(1, 28));

// ─── Fictional names ─────────────────────────────────────────────────────────────────────────────────

const FAMILY: [string, number][] = [
  ['Nguyễn', 30],
  ['Trần', 10],
  ['Lê', 9],
  ['Phạm', 5],
  ['Huỳnh', 6],
  ['Võ', 5],
  ['Phan', 4],
  ['Trương', 3],
  ['Đặng', 3],
  ['Bùi', 2],
  ['Đỗ', 2],
  ['Hồ', 2],
  ['Ngô', 2],
  ['Dương', 2],
  ['Lý', 2],
  ['Lâm', 2],
  ['Tô', 1],
  ['Châu', 1],
  ['Mai', 1],
  ['Đinh', 1],
  ['Cao', 1],
  ['La', 1],
  ['Tạ', 1],
];
const MIDDLE_M = [
  'Văn',
  'Văn',
  'Minh',
  'Hoàng',
  'Quốc',
  'Thanh',
  'Hữu',
  'Công',
  'Đức',
  'Chí',
  'Tấn',
  'Trọng',
  'Phước',
];
const MIDDLE_F = [
  'Thị',
  'Thị',
  'Thị Ngọc',
  'Thị Kim',
  'Thị Mỹ',
  'Thị Thanh',
  'Thị Hồng',
  'Ngọc',
  'Thanh',
  'Kim',
  'Bích',
];
const GIVEN_M = [
  'An',
  'Bảo',
  'Bình',
  'Cường',
  'Duy',
  'Dũng',
  'Đạt',
  'Định',
  'Đông',
  'Hải',
  'Hào',
  'Hậu',
  'Hiếu',
  'Hòa',
  'Hùng',
  'Huy',
  'Khang',
  'Khánh',
  'Khoa',
  'Kiệt',
  'Lâm',
  'Lộc',
  'Long',
  'Luân',
  'Nam',
  'Nghĩa',
  'Nhân',
  'Phát',
  'Phong',
  'Quang',
  'Sang',
  'Sơn',
  'Tài',
  'Tân',
  'Thắng',
  'Thành',
  'Thiện',
  'Thịnh',
  'Toàn',
  'Trí',
  'Trung',
  'Tuấn',
  'Vinh',
  'Vũ',
];
const GIVEN_F = [
  'Anh',
  'Châu',
  'Diễm',
  'Dung',
  'Duyên',
  'Giang',
  'Hà',
  'Hằng',
  'Hạnh',
  'Hiền',
  'Hoa',
  'Hương',
  'Huyền',
  'Lan',
  'Liên',
  'Linh',
  'Loan',
  'Mai',
  'My',
  'Nga',
  'Ngân',
  'Nhi',
  'Nhung',
  'Oanh',
  'Phương',
  'Quyên',
  'Thảo',
  'Thu',
  'Thúy',
  'Trang',
  'Trâm',
  'Tuyết',
  'Uyên',
  'Vân',
  'Xuân',
  'Yến',
];
/** Khmer family names common in the Mekong delta; given names kept simple. */
const KHMER_FAMILY = ['Thạch', 'Sơn', 'Danh', 'Kim'];
const HOA_FAMILY = ['Quách', 'Tăng', 'Hứa', 'Lâm', 'Trương'];

/** Names the test suites or the demo accounts already use: never generated. */
const RESERVED_NAMES = new Set([
  'Nguyễn Thị Thu',
  'Trần Văn Bình',
  'Phan Quốc Bảo',
  'Lê Thị Ngọc Hân',
  'Trần Văn Khải',
  'Võ Thị Mỹ Linh',
  'Huỳnh Minh Tâm',
  'Đặng Hoàng Phúc',
]);

// ─── The model the dataset is printed from ───────────────────────────────────────────────────────────

type Status2020 =
  'ok' | 'htnv' | 'khtnv' | 'new_hire' | 'khien_trach' | 'canh_cao' | 'sick' | 'discipline_2019' | 'retired';

interface Person {
  code: string;
  member: MemberDef;
  role: 'director' | 'deputy' | 'head' | 'staff';
  position: string;
  /** Unit at 2020 year-end (or at retirement). */
  unit: string;
  sex: 'male' | 'female';
  fullName: string;
  dob: string;
  ethnicity: string;
  idNumber: string;
  hired: string;
  history: { unit: string; from: string; to?: string; position?: string }[];
  status: Status2020;
  ratings: Map<number, Rating>;
  retiredOn?: string;
}

interface Built {
  dataset: DatasetInput;
}

const YEARS = [2018, 2019, 2020] as const;
const GOOD: Rating[] = ['HTXSNV', 'HTTNV'];

export function buildDemoDataset(): DatasetInput {
  return build().dataset;
}

/** What the demo held before the registry: the original units and the 2020 block. */
function minimalDataset(): DatasetInput {
  return {
    format: 'vinhdanh-dataset',
    version: 1,
    units: DEMO_UNITS.map(toUnitRec),
    blocks: [blockOf(2020)],
  };
}

const toUnitRec = (u: SeedUnit): UnitRec => ({
  code: u.code,
  name: u.name,
  shortName: u.shortName ?? null,
  kind: u.kind,
  parentCode: u.parent ?? null,
  documentSymbol: u.documentSymbol ?? null,
  activeFrom: u.activeFrom,
  activeTo: u.activeTo ?? null,
  isDemo: u.isDemo ?? false,
});

const blockOf = (year: number) => ({
  year,
  name: BLOCK_NAME,
  organizerCode: 'BL-SNN',
  leadCode: BLOCK_ROTATION[year]!.lead,
  deputyCode: BLOCK_ROTATION[year]!.deputy,
  memberCodes: [...BLOCK_2020_MEMBERS],
});

/** The 2020 awards the demo writes through issued decisions (demo-decisions.ts) rather than as imported rows. */
export const DECIDED_2020_ISSUERS = [ISSUER_SNN, ISSUER_UBND];

export type DemoAward = AwardRec;

export interface SeedRegistryOptions {
  full: boolean;
  /**
   * Leave the 2020 awards of these issuers out of the import and hand them back, so that the caller writes
   * them through issued decisions (their prize money and Word files then exist). Default: none.
   */
  deferIssuers?: readonly string[];
  /**
   * Leave out the 2020 REGULAR awards of one member unit (its own collectives, its sub-units and the people
   * there at the end of 2020), so an end-to-end walk can nominate them again through the UI.
   */
  withhold2020Unit?: string;
}

/** Whether a 2020 regular award goes to `root` or its sub-units (people by their unit on 31/12/2020). */
function withheldBy(dataset: DatasetInput, root: string): (a: AwardRec) => boolean {
  const parent = new Map((dataset.units ?? []).map((u) => [u.code, u.parentCode ?? null]));
  const under = (code: string | null | undefined) => {
    for (let c = code ?? null, i = 0; c && i < 20; c = parent.get(c) ?? null, i++)
      if (c === root) return true;
    return false;
  };
  const yearEnd = '2020-12-31';
  const unitOf = new Map<string, string>();
  for (const h of dataset.personUnits ?? [])
    if (h.fromDate <= yearEnd && (!h.toDate || h.toDate >= yearEnd)) unitOf.set(h.personCode, h.unitCode);
  return (a) =>
    a.year === 2020 &&
    a.track === 'regular' &&
    (a.recipientKind === 'collective' ? under(a.unitCode) : under(unitOf.get(a.personCode ?? '')));
}

/**
 * Writes the demo registry inside the caller's transaction, through the import engine (idempotent by
 * natural keys). Returns how many records of each kind the dataset holds, and the awards deferred to
 * decisions. A rejected record is a bug in this file: it throws, and the caller's transaction rolls back.
 */
export async function seedDemoRegistry(
  tx: DbOrTx,
  options: SeedRegistryOptions,
): Promise<{ counts: Record<string, number>; deferred: DemoAward[] }> {
  const dataset = options.full ? buildDemoDataset() : minimalDataset();
  const withheld = options.withhold2020Unit ? withheldBy(dataset, options.withhold2020Unit) : () => false;
  const defer = new Set(options.deferIssuers ?? []);
  const deferred: DemoAward[] = [];
  const imported: DemoAward[] = [];
  for (const a of dataset.awards ?? []) {
    if (withheld(a)) continue;
    if (a.year === 2020 && defer.has(a.issuer)) deferred.push(a);
    else imported.push(a);
  }
  // The records are already in their parsed form (the test checks that parsing the dataset is the
  // identity), so the seed skips a second validation pass: it runs at first start and in many tests.
  const data: LocatedDataset = {};
  for (const kind of DATASET_ORDER) {
    const records = kind === 'awards' ? imported : (dataset[kind] ?? []);
    (data as Record<string, Located<unknown>[]>)[kind] = records.map((record, i) => ({
      row: i + 1,
      record,
    }));
  }
  const result = await applyDataset(tx, data, { unitIds: null });
  const problems = result.errors;
  if (problems.length) {
    const first = problems
      .slice(0, 5)
      .map((e) => `${e.kind} #${e.row} ${e.column ?? ''} ${e.value ?? ''}: ${e.message}`)
      .join('; ');
    throw new Error(`Demo dataset rejected (${problems.length} problems): ${first}`);
  }
  const counts = Object.fromEntries(DATASET_ORDER.map((k) => [k, (dataset[k] ?? []).length]));
  return { counts, deferred };
}

function build(): Built {
  const rng = new Rng(DEMO_RANDOM_SEED);
  const usedNames = new Set<string>(RESERVED_NAMES);
  const usedIds = new Set<string>();
  const people: Person[] = [];
  const unitFrom = new Map<string, string>();
  for (const u of DEMO_UNITS) unitFrom.set(u.code, u.activeFrom);

  // ── units
  const subUnits: UnitRec[] = [];
  const subDefs = new Map<string, SubDef & { member: MemberDef; code: string }>();
  for (const m of MEMBERS) {
    for (const s of m.subs) {
      const code = `${m.code}-${s.suffix}`;
      const activeFrom = s.activeFrom ?? unitFrom.get(m.code)!;
      unitFrom.set(code, activeFrom);
      subDefs.set(code, { ...s, member: m, code });
      subUnits.push({ code, name: s.name, kind: 'division', parentCode: m.code, activeFrom, isDemo: true });
    }
  }

  // ── people on the 2020 year-end roster: slots first, then statuses, then the people themselves
  interface Slot {
    member: MemberDef;
    unit: string;
    role: Person['role'];
    position: string;
    status: Status2020;
  }
  const slots: Slot[] = [];
  for (const m of MEMBERS) {
    slots.push({ member: m, unit: m.code, role: 'director', position: m.director, status: 'ok' });
    if (m.deputy)
      slots.push({
        member: m,
        unit: m.code,
        role: 'deputy',
        position: `Phó ${m.director.toLowerCase()}`,
        status: 'ok',
      });
    for (const s of m.subs) {
      const unit = `${m.code}-${s.suffix}`;
      slots.push({ member: m, unit, role: 'head', position: s.head, status: 'ok' });
      const pool = s.suffix === 'P01' ? HC_STAFF : m.staff;
      for (let i = 1; i < s.size; i++)
        slots.push({ member: m, unit, role: 'staff', position: pool[(i - 1) % pool.length]!, status: 'ok' });
    }
  }
  // The archivist who gets the Kỷ niệm chương: a long-serving Văn thư of one member's office.
  const archivistSlot = slots.find((s) => s.unit === 'BL-TTNS-P01' && s.position === 'Văn thư')!;
  const LDTT_2020 = 300;
  const ineligible = slots.length - LDTT_2020;
  const staffOf = (unit: string) =>
    slots.filter((s) => s.unit === unit && s.role === 'staff' && s.status === 'ok');
  const setStatus = (unit: string, status: Status2020, n: number) => {
    for (const s of rng.shuffle(staffOf(unit)).slice(0, n)) s.status = status;
  };
  // Planned reasons for the five sub-units without Tập thể LĐTT.
  setStatus('BL-TTGIONG-T02', 'new_hire', 4);
  setStatus('BL-TTGIONG-T02', 'htnv', 2);
  setStatus('BL-BQLR-D01', 'canh_cao', 1);
  for (const unit of ['BL-BQLCC-D02', 'BL-BQLDA-P02'])
    slots.find((s) => s.unit === unit && s.role === 'head')!.status = 'htnv';
  // The rest spread over the other sub-units, never tipping a Tập thể LĐTT candidate to 50% or below.
  const planned = new Set(['BL-TTGIONG-T02', 'BL-BQLR-D01']);
  const spreadable = () =>
    slots.filter(
      (s) =>
        s.role === 'staff' &&
        s.status === 'ok' &&
        s !== archivistSlot &&
        !planned.has(s.unit) &&
        !s.unit.endsWith('-P04'),
    );
  const spread = (status: Status2020, n: number) => {
    let left = n;
    for (const s of rng.shuffle(spreadable())) {
      if (left === 0) break;
      const mates = slots.filter((x) => x.unit === s.unit);
      const okAfter = mates.filter((x) => x.status === 'ok').length - 1;
      if (okAfter * 2 <= mates.length) continue;
      s.status = status;
      left--;
    }
    if (left) throw new Error(`demo: cannot place ${left} × ${status}`);
  };
  spread('new_hire', 4);
  spread('khtnv', 3);
  spread('khien_trach', 3);
  spread('sick', 2);
  spread('discipline_2019', 1);
  const placed = slots.filter((s) => s.status !== 'ok').length;
  spread('htnv', ineligible - placed);

  const makeName = (sex: 'male' | 'female', ethnicity: string): string => {
    for (;;) {
      let family = rng.weighted(FAMILY);
      if (ethnicity === 'Khmer') family = rng.pick(KHMER_FAMILY);
      if (ethnicity === 'Hoa') family = rng.pick(HOA_FAMILY);
      const middle = rng.pick(sex === 'male' ? MIDDLE_M : MIDDLE_F);
      const given = rng.pick(sex === 'male' ? GIVEN_M : GIVEN_F);
      const name = `${family} ${middle} ${given}`;
      if (!usedNames.has(name)) {
        usedNames.add(name);
        return name;
      }
    }
  };
  const makeId = (sex: 'male' | 'female', dob: string): string => {
    // CCCD layout: province (095 Bạc Liêu), sex and century, year of birth, then a random serial.
    for (;;) {
      const id = `095${sex === 'male' ? 0 : 1}${dob.slice(2, 4)}${pad(rng.int(0, 999999), 6)}`;
      if (!usedIds.has(id)) {
        usedIds.add(id);
        return id;
      }
    }
  };
  const counters = new Map<string, number>();
  const nextCode = (m: MemberDef) => {
    const n = (counters.get(m.code) ?? 0) + 1;
    counters.set(m.code, n);
    return `${m.code}-CB${pad(n, 3)}`;
  };
  const makePerson = (
    slot: Omit<Slot, 'status'> & { status: Status2020 },
    opts: { sex?: 'male' | 'female'; birthYear?: number; hired?: string } = {},
  ): Person => {
    const senior = slot.role === 'director' || slot.role === 'deputy';
    const sex =
      opts.sex ?? (rng.chance(senior ? 0.25 : slot.role === 'head' ? 0.35 : 0.47) ? 'female' : 'male');
    const ethnicity = rng.weighted([
      ['Kinh', 92],
      ['Khmer', 5],
      ['Hoa', 3],
    ] as const);
    let birthYear = opts.birthYear;
    if (!birthYear) {
      if (slot.status === 'new_hire') birthYear = rng.int(1994, 1998);
      else if (senior) birthYear = rng.int(1964, 1976);
      else if (slot.role === 'head') birthYear = rng.int(1968, 1985);
      else birthYear = rng.int(1966, 1994);
    }
    const dob = ymd(birthYear, rng.int(1, 12), rng.int(1, 28));
    let hired = opts.hired;
    if (!hired) {
      if (slot.status === 'new_hire') hired = ymd(2020, rng.int(4, 10), 1);
      else {
        const earliest = Math.max(birthYear + 22, 1990);
        hired = ymd(rng.int(earliest, Math.max(earliest, 2018)), rng.int(1, 12), 1);
      }
    }
    const person: Person = {
      code: nextCode(slot.member),
      member: slot.member,
      role: slot.role,
      position: slot.position,
      unit: slot.unit,
      sex,
      fullName: makeName(sex, ethnicity),
      dob,
      ethnicity,
      idNumber: makeId(sex, dob),
      hired,
      history: [{ unit: slot.unit, from: maxDate(hired, unitFrom.get(slot.unit)!) }],
      status: slot.status,
      ratings: new Map(),
    };
    people.push(person);
    return person;
  };
  let archivist!: Person;
  for (const slot of slots) {
    if (slot === archivistSlot)
      archivist = makePerson(slot, { sex: 'female', birthYear: 1968, hired: '1990-08-01' });
    else makePerson(slot);
  }
  // A few people hired in 2019 after March: under 10 months that year, eligible in 2020.
  const hires2019 = people.filter((p) => p.role === 'staff' && p.status === 'ok' && p !== archivist);
  for (const p of rng.shuffle(hires2019).slice(0, 5)) {
    p.hired = ymd(2019, rng.int(4, 9), 1);
    p.history = [{ unit: p.unit, from: maxDate(p.hired, unitFrom.get(p.unit)!) }];
  }

  // ── mid-year transfers
  // 2020-07-01: the new Phòng Dịch vụ – Chuyển giao công nghệ is staffed from the centre's other divisions.
  const p04Sources = [
    'BL-TTKN-P02',
    'BL-TTKN-P02',
    'BL-TTKN-T01',
    'BL-TTKN-T02',
    'BL-TTKN-T03',
    'BL-TTKN-P03',
  ];
  const p04 = people.filter((p) => p.unit === 'BL-TTKN-P04');
  p04.forEach((p, i) => {
    const source = p04Sources[i % p04Sources.length]!;
    p.history = [
      { unit: source, from: maxDate(p.hired, unitFrom.get(source)!), to: '2020-06-30' },
      { unit: p.unit, from: '2020-07-01', position: p.position },
    ];
    if (p.role === 'head') p.history[0]!.position = 'Phó trưởng phòng';
  });
  // Transfers between members: [to unit, from unit, date].
  const moves: [string, string, string][] = [
    ['BL-TTKNGHIEM-P02', 'BL-TTNS-P02', '2020-04-01'],
    ['BL-TTGIONG-T01', 'BL-CCCNTY-P03', '2020-09-01'],
    ['BL-BQLDA-P02', 'BL-BQLCC-P02', '2019-08-01'],
    ['BL-TTKN-T04', 'BL-TTKN-T02', '2019-03-01'],
  ];
  for (const [to, from, date] of moves) {
    const p = rng.pick(
      people.filter(
        (x) =>
          x.unit === to &&
          x.role === 'staff' &&
          x.status === 'ok' &&
          x.hired < '2017-01-01' &&
          x.history.length === 1,
      ),
    );
    p.history = [
      { unit: from, from: maxDate(p.hired, unitFrom.get(from)!), to: addDays(date, -1) },
      { unit: to, from: date },
    ];
  }

  // ── people who retired at the end of 2018 or 2019 (history only)
  const retirees: [string, string, 'male' | 'female'][] = [
    ['BL-TTKN-T03', '2018-12-31', 'male'],
    ['BL-CCCNTY-T01', '2018-12-31', 'female'],
    ['BL-TTNS-T01', '2019-12-31', 'male'],
    ['BL-BQLR-T02', '2019-12-31', 'male'],
    ['BL-BQLCC-D01', '2019-12-31', 'female'],
    ['BL-TTKNGHIEM-P03', '2019-12-31', 'female'],
  ];
  for (const [unit, on, sex] of retirees) {
    const def = subDefs.get(unit)!;
    const birthYear = Number(on.slice(0, 4)) - (sex === 'male' ? 60 : 55);
    const p = makePerson(
      { member: def.member, unit, role: 'staff', position: rng.pick(def.member.staff), status: 'retired' },
      { sex, birthYear, hired: ymd(rng.int(1988, 1996), rng.int(1, 12), 1) },
    );
    p.retiredOn = on;
    p.history[0]!.to = on;
  }

  // ── who is where, when
  const unitAt = (p: Person, date: string): string | null => {
    for (const h of p.history) if (h.from <= date && (!h.to || h.to >= date)) return h.unit;
    return null;
  };
  const yearEnd = (y: number) => `${y}-12-31`;
  const present = (p: Person, y: number) => unitAt(p, yearEnd(y)) !== null;
  const memberOfUnit = (unit: string) => subDefs.get(unit)?.member.code ?? unit;

  // ── leave, training, discipline
  const leaves: Rec<'leaves'>[] = [];
  const trainings: Rec<'trainings'>[] = [];
  const disciplines: Rec<'disciplines'>[] = [];
  const ok2020 = () =>
    people.filter(
      (p) => p.status === 'ok' && p.role === 'staff' && p.hired < '2018-01-01' && p !== archivist,
    );
  // Maternity leave counts as working time for LĐTT: these women are eligible in 2020.
  const mothers = rng.shuffle(ok2020().filter((p) => p.sex === 'female' && p.dob >= '1984-01-01'));
  mothers.slice(0, 6).forEach((p) => {
    const from = randomDate(rng, 2020, 1, 6);
    leaves.push({
      personCode: p.code,
      kind: 'maternity',
      fromDate: from,
      toDate: addDays(addMonths(from, 6), -1),
    });
  });
  mothers.slice(6, 9).forEach((p) => {
    const from = randomDate(rng, 2019, 1, 8);
    leaves.push({
      personCode: p.code,
      kind: 'maternity',
      fromDate: from,
      toDate: addDays(addMonths(from, 6), -1),
    });
  });
  // Injury from rescuing people (counts as working time): a forest ranger during a storm.
  const ranger = rng.pick(ok2020().filter((p) => p.unit === 'BL-BQLR-T01'));
  leaves.push({
    personCode: ranger.code,
    kind: 'injury_rescue',
    fromDate: '2020-08-05',
    toDate: '2020-10-20',
    note: 'Bị thương khi cứu người bị nạn do giông lốc (dữ liệu mẫu)',
  });
  for (const p of people.filter((p) => p.status === 'sick')) {
    const from = randomDate(rng, 2020, 2, 6);
    leaves.push({
      personCode: p.code,
      kind: 'sick',
      fromDate: from,
      toDate: addDays(addMonths(from, 4), -1),
      note: 'Điều trị bệnh dài ngày',
    });
  }
  for (const p of rng.shuffle(ok2020()).slice(0, 4)) {
    const from = randomDate(rng, rng.pick([2018, 2019, 2020]), 1, 10);
    leaves.push({
      personCode: p.code,
      kind: 'other',
      fromDate: from,
      toDate: addDays(from, rng.int(5, 20)),
      note: 'Nghỉ việc riêng không hưởng lương',
    });
  }
  // Training under a year with good conduct counts as working time (no grade needed).
  for (const p of rng.shuffle(ok2020()).slice(0, 8)) {
    const year = rng.pick([2019, 2020]);
    const from = ymd(year, rng.int(2, 5), 1);
    trainings.push({
      personCode: p.code,
      fromDate: from,
      toDate: addDays(addMonths(from, rng.int(4, 8)), -1),
      institution: 'Trường Chính trị tỉnh Bạc Liêu (Trung cấp lý luận chính trị – hành chính)',
      goodConduct: true,
    });
  }
  // A master's course of two years, graded khá: eligible.
  for (const p of rng.shuffle(ok2020().filter((p) => p.dob > '1983-01-01')).slice(0, 2)) {
    trainings.push({
      personCode: p.code,
      fromDate: '2019-09-01',
      toDate: '2021-08-31',
      grade: 'kha',
      institution: 'Trường Đại học Cần Thơ (thạc sĩ, vừa làm vừa học)',
      goodConduct: true,
    });
  }
  const disciplineDecision = (p: Person, n: number) => `${pad(n)}/QĐ-${p.member.symbol}`;
  let disciplineNo = 3;
  for (const p of people.filter((p) => p.status === 'khien_trach' || p.status === 'canh_cao')) {
    const date = randomDate(rng, 2020, 3, 9);
    disciplines.push({
      personCode: p.code,
      level: p.status === 'khien_trach' ? 'khien_trach' : 'canh_cao',
      decisionNumber: disciplineDecision(p, disciplineNo++),
      decisionDate: date,
      fromDate: date,
      toDate: addDays(addMonths(date, 12), -1),
      reason:
        p.status === 'khien_trach'
          ? 'Vi phạm quy định về giờ giấc làm việc'
          : 'Thiếu trách nhiệm trong thực hiện nhiệm vụ được giao',
    });
  }
  for (const p of people.filter((p) => p.status === 'discipline_2019')) {
    disciplines.push({
      personCode: p.code,
      level: 'khien_trach',
      decisionNumber: disciplineDecision(p, disciplineNo++),
      decisionDate: '2019-10-14',
      fromDate: '2019-10-14',
      toDate: '2020-10-13',
      reason: 'Vi phạm quy chế chi tiêu nội bộ',
    });
  }
  // A warning in 2018 whose period ended in 2019: not eligible in 2018–2019, eligible again in 2020.
  const warned2018 = rng.pick(ok2020().filter((p) => p.hired < '2017-01-01'));
  disciplines.push({
    personCode: warned2018.code,
    level: 'canh_cao',
    decisionNumber: disciplineDecision(warned2018, 2),
    decisionDate: '2018-05-16',
    fromDate: '2018-05-16',
    toDate: '2019-05-15',
    reason: 'Thiếu trách nhiệm để xảy ra sai sót trong quản lý hồ sơ',
  });
  const disciplinedIn = (p: Person, y: number) =>
    disciplines.some(
      (d) => d.personCode === p.code && d.fromDate <= yearEnd(y) && (!d.toDate || d.toDate >= `${y}-01-01`),
    );
  const warnedIn = (p: Person, y: number) =>
    disciplines.some(
      (d) =>
        d.personCode === p.code &&
        d.level !== 'khien_trach' &&
        d.fromDate <= yearEnd(y) &&
        (!d.toDate || d.toDate >= `${y}-01-01`),
    );

  // ── 2020 ratings and titles
  const ldtt = new Map<number, Person[]>();
  const cstdcs = new Map<number, Person[]>();
  const rated = (p: Person, y: number) => p.ratings.get(y);
  const worked10Months = (p: Person, y: number) => p.hired <= `${y}-03-01`;
  const eligible = (p: Person, y: number) =>
    present(p, y) && worked10Months(p, y) && GOOD.includes(rated(p, y)!) && !disciplinedIn(p, y);

  const roster2020 = people.filter((p) => present(p, 2020));
  const statusRating: Record<Status2020, Rating> = {
    ok: 'HTTNV',
    htnv: 'HTNV',
    khtnv: 'KHTNV',
    new_hire: 'HTTNV',
    khien_trach: 'HTNV',
    canh_cao: 'HTNV',
    sick: 'HTNV',
    discipline_2019: 'HTNV',
    retired: 'HTTNV',
  };
  for (const p of roster2020) p.ratings.set(2020, statusRating[p.status]);
  for (const p of roster2020.filter((p) => p.status === 'new_hire'))
    if (rng.chance(0.4)) p.ratings.set(2020, 'HTNV');
  const eligible2020 = roster2020.filter((p) => eligible(p, 2020));
  if (eligible2020.length !== LDTT_2020)
    throw new Error(`demo: ${eligible2020.length} eligible for LĐTT 2020`);
  ldtt.set(2020, eligible2020);
  // CSTĐCS: 44 of the 300, spread over the members in proportion (largest remainder), rated HTXSNV.
  const cstdcs2020 = pickProportional(
    rng,
    eligible2020.filter((p) => p !== archivist),
    44,
  );
  cstdcs.set(2020, cstdcs2020);
  for (const p of cstdcs2020) p.ratings.set(2020, 'HTXSNV');
  // Six more HTXSNV: 50 HTXSNV stay within 20% of the HTTNV count (the cap of Nghị định 90/2020).
  const others = rng.shuffle(eligible2020.filter((p) => !cstdcs2020.includes(p)));
  const extraExcellent = [
    ...others.filter((p) => p.role === 'director').slice(0, 3),
    ...others.filter((p) => p.role === 'staff').slice(0, 3),
  ];
  for (const p of extraExcellent) p.ratings.set(2020, 'HTXSNV');

  // ── 2018–2019 ratings: CSTĐCS holders first (continuity with 2020), then the rest at random
  for (const y of [2019, 2018]) {
    const roster = people.filter((p) => present(p, y));
    const pool = roster.filter((p) => worked10Months(p, y) && !disciplinedIn(p, y));
    const repeat = cstdcs
      .get(2020)!
      .filter(
        (p) =>
          pool.includes(p) &&
          (y === 2019 ? rng.chance(0.55) : cstdcs.get(2019)!.includes(p) && rng.chance(0.6)),
      );
    for (const p of roster) {
      if (repeat.includes(p)) p.ratings.set(y, 'HTXSNV');
      else if (disciplinedIn(p, y)) p.ratings.set(y, 'HTNV');
      else
        p.ratings.set(
          y,
          rng.weighted([
            ['HTXSNV', 6],
            ['HTTNV', 80],
            ['HTNV', 12],
            ['KHTNV', 2],
          ] as const),
        );
    }
    const el = roster.filter((p) => eligible(p, y));
    ldtt.set(y, el);
    const target = y === 2019 ? 40 : 37;
    const excellent = el.filter((p) => rated(p, y) === 'HTXSNV');
    const chosen = [...repeat, ...rng.shuffle(excellent.filter((p) => !repeat.includes(p)))].slice(0, target);
    if (chosen.length * 100 > el.length * 15) throw new Error(`demo: CSTĐCS cap exceeded in ${y}`);
    cstdcs.set(y, chosen);
  }

  // ── unit ratings and collective titles
  const allUnits = [...MEMBERS.map((m) => m.code), ...subDefs.keys()];
  const unitRatings = new Map<string, Rating>();
  const key = (u: string, y: number) => `${u}|${y}`;
  const membersAt = (unit: string, y: number) => people.filter((p) => unitAt(p, yearEnd(y)) === unit);
  const subtreeAt = (unit: string, y: number) =>
    people.filter((p) => {
      const u = unitAt(p, yearEnd(y));
      return u !== null && (u === unit || memberOfUnit(u) === unit);
    });
  const existsAt = (unit: string, y: number) => unitFrom.get(unit)! <= yearEnd(y);
  for (const u of allUnits) {
    const def = subDefs.get(u);
    // 2020: the plan above; the article has all eight members meeting or exceeding their targets.
    if (def) {
      unitRatings.set(key(u, 2020), def.plan === 'unit_htnv' ? 'HTNV' : def.excellent ? 'HTXSNV' : 'HTTNV');
    } else {
      unitRatings.set(
        key(u, 2020),
        ['BL-TTKN', 'BL-TTNS', 'BL-BQLR', 'BL-CCCNTY', 'BL-TTGIONG'].includes(u) ? 'HTXSNV' : 'HTTNV',
      );
    }
    for (const y of [2018, 2019]) {
      if (!existsAt(u, y)) continue;
      const weights: [Rating, number][] = def
        ? [
            ['HTXSNV', 30],
            ['HTTNV', 60],
            ['HTNV', 10],
          ]
        : [
            ['HTXSNV', 50],
            ['HTTNV', 50],
          ];
      unitRatings.set(key(u, y), rng.weighted(weights));
    }
  }
  const ttldtt = new Map<number, string[]>();
  for (const y of YEARS) {
    const winners: string[] = [];
    for (const [u] of subDefs) {
      if (!existsAt(u, y)) continue;
      if (u === 'BL-TTKN-P04') continue; // set up on 2020-07-01: not a full year of work to assess
      const members = membersAt(u, y);
      const titled = members.filter((p) => ldtt.get(y)!.includes(p)).length;
      const ok =
        GOOD.includes(unitRatings.get(key(u, y))!) &&
        titled * 2 > members.length &&
        !members.some((p) => warnedIn(p, y));
      if (ok) winners.push(u);
    }
    ttldtt.set(y, winners);
  }
  if (ttldtt.get(2020)!.length !== 29)
    throw new Error(`demo: ${ttldtt.get(2020)!.length} Tập thể LĐTT in 2020`);

  // ── initiatives (grassroots, one per CSTĐCS holder and year, plus some not used by any title)
  const initiatives: InitiativeRec[] = [];
  const usedTitles = new Set<string>();
  const titleFor = (p: Person) => {
    const topics = p.unit.endsWith('-P01') ? HC_TOPICS : p.member.topics;
    for (let i = 0; i < 40; i++) {
      const t = `${rng.pick(ACTIONS)} ${rng.pick(topics)}`;
      if (!usedTitles.has(t)) {
        usedTitles.add(t);
        return t;
      }
    }
    const t = `${rng.pick(ACTIONS)} ${rng.pick(topics)} (${usedTitles.size + 1})`;
    usedTitles.add(t);
    return t;
  };
  const RECOGNIZER = 'Giám đốc Sở Nông nghiệp và Phát triển nông thôn tỉnh Bạc Liêu';
  for (const y of YEARS) {
    let n = 0;
    const extra = rng
      .shuffle(ldtt.get(y)!.filter((p) => !cstdcs.get(y)!.includes(p)))
      .slice(0, y === 2020 ? 12 : 6);
    for (const p of [...cstdcs.get(y)!, ...extra]) {
      n++;
      // Some initiatives have a co-author who holds no CSTĐCS that year (an initiative backs one award).
      const unit = unitAt(p, yearEnd(y))!;
      const mates = membersAt(unit, y).filter((x) => x !== p && !cstdcs.get(y)!.includes(x));
      const authors = [p.code];
      if (mates.length && rng.chance(0.25)) authors.push(rng.pick(mates).code);
      initiatives.push({
        code: `SK-BL-${y}-${pad(n, 3)}`,
        kind: 'initiative',
        title: titleFor(p),
        level: 'grassroots',
        recognitionDate: ymd(y, rng.int(10, 12), rng.int(1, 28)),
        effectScope: 'unit',
        recognizingBody: RECOGNIZER,
        authorCodes: authors,
      });
    }
  }
  // Two province-level research topics accepted in 2019, led by three-year CSTĐCS holders if any.
  const threeYears = cstdcs
    .get(2020)!
    .filter((p) => cstdcs.get(2019)!.includes(p) && cstdcs.get(2018)!.includes(p));
  const leadsOfTopics = [...threeYears, ...cstdcs.get(2020)!.filter((p) => !threeYears.includes(p))].slice(
    0,
    2,
  );
  leadsOfTopics.forEach((p, i) => {
    initiatives.push({
      code: `DT-BL-2019-${pad(i + 1)}`,
      kind: 'research',
      title: `Nghiên cứu ${rng.pick(p.member.topics)} phù hợp điều kiện tỉnh Bạc Liêu`,
      level: 'province',
      recognitionDate: ymd(2019, 11, 12 + i),
      effectScope: 'province',
      recognizingBody: 'Sở Khoa học và Công nghệ tỉnh Bạc Liêu (nghiệm thu đề tài cấp tỉnh)',
      authorCodes: [p.code],
    });
  });

  // ── award history
  const awards: AwardRec[] = [];
  const individual = (
    p: Person,
    awardCode: string,
    year: number,
    track: AwardRec['track'],
    issuer: string,
    decisionNumber: string,
    decisionDate: string,
    note?: string,
  ) =>
    awards.push({
      recipientKind: 'individual',
      personCode: p.code,
      awardCode,
      year,
      track,
      issuer,
      decisionNumber,
      decisionDate,
      ...(note ? { note } : {}),
    });
  const collective = (
    unitCode: string,
    awardCode: string,
    year: number,
    track: AwardRec['track'],
    issuer: string,
    decisionNumber: string,
    decisionDate: string,
    note?: string,
  ) =>
    awards.push({
      recipientKind: 'collective',
      unitCode,
      awardCode,
      year,
      track,
      issuer,
      decisionNumber,
      decisionDate,
      ...(note ? { note } : {}),
    });
  const sortByCode = <T extends { code: string }>(list: T[]) =>
    [...list].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));

  for (const y of YEARS) {
    const d = REGULAR_DECISIONS[y]!;
    const titled = sortByCode(ldtt.get(y)!);
    for (const p of titled) individual(p, 'LDTT', y, 'regular', ISSUER_SNN, d.LDTT, d.date);
    for (const u of ttldtt.get(y)!) collective(u, 'TTLDTT', y, 'regular', ISSUER_SNN, d.TTLDTT, d.date);
    for (const p of sortByCode(cstdcs.get(y)!))
      individual(p, 'CSTDCS', y, 'regular', ISSUER_SNN, d.CSTDCS, d.date);
    // Giấy khen "for completing tasks well and excellently": every HTXSNV LĐTT holder and most others.
    let gkPeople: Person[];
    let gkUnits: string[];
    if (y === 2020) {
      const excellent = titled.filter((p) => rated(p, y) === 'HTXSNV');
      const good = rng.shuffle(titled.filter((p) => rated(p, y) !== 'HTXSNV'));
      gkPeople = [...excellent, ...good.slice(0, 244 - excellent.length)];
      gkUnits = [
        ...MEMBERS.map((m) => m.code),
        ...ttldtt.get(y)!.filter((u) => unitRatings.get(key(u, y)) === 'HTXSNV'),
      ];
    } else {
      gkPeople = titled.filter((p) => rated(p, y) === 'HTXSNV' || rng.chance(0.55));
      gkUnits = [
        ...MEMBERS.map((m) => m.code).filter((u) => unitRatings.get(key(u, y)) === 'HTXSNV'),
        ...ttldtt.get(y)!.filter((u) => unitRatings.get(key(u, y)) === 'HTXSNV'),
      ];
    }
    for (const u of gkUnits) collective(u, 'GIAY_KHEN', y, 'regular', ISSUER_SNN, d.GK, d.date);
    for (const p of sortByCode(gkPeople)) individual(p, 'GIAY_KHEN', y, 'regular', ISSUER_SNN, d.GK, d.date);
  }

  // 2020 thematic (chuyên đề).
  const pickPeople = (member: string, n: number) =>
    sortByCode(
      rng.shuffle(ldtt.get(2020)!.filter((p) => p.member.code === member && p !== archivist)).slice(0, n),
    );
  const [shrimp1, shrimp2] = pickPeople('BL-TTKN', 2);
  const [patriot] = pickPeople('BL-CCCNTY', 1);
  individual(
    patriot!,
    'BK_TINH',
    2020,
    'thematic',
    ISSUER_UBND,
    '1456/QĐ-UBND',
    '2020-08-14',
    MOVEMENTS.patriotic,
  );
  collective(
    'BL-CCCNTY',
    'BK_TINH',
    2020,
    'thematic',
    ISSUER_UBND,
    '1456/QĐ-UBND',
    '2020-08-14',
    MOVEMENTS.patriotic,
  );
  collective(
    'BL-TTNS',
    'BK_TINH',
    2020,
    'thematic',
    ISSUER_UBND,
    '1456/QĐ-UBND',
    '2020-08-14',
    MOVEMENTS.patriotic,
  );
  for (const p of [shrimp1!, shrimp2!])
    individual(
      p,
      'BK_TINH',
      2020,
      'thematic',
      ISSUER_UBND,
      '2281/QĐ-UBND',
      '2020-12-10',
      MOVEMENTS.shrimpRice,
    );
  collective(
    'BL-TTKN',
    'BK_TINH',
    2020,
    'thematic',
    ISSUER_UBND,
    '2281/QĐ-UBND',
    '2020-12-10',
    MOVEMENTS.shrimpRice,
  );
  collective(
    'BL-TTKN-T01',
    'BK_TINH',
    2020,
    'thematic',
    ISSUER_UBND,
    '2281/QĐ-UBND',
    '2020-12-10',
    MOVEMENTS.shrimpRice,
  );
  for (const u of [
    'BL-TTKN-P01',
    'BL-TTNS-P01',
    'BL-CCCNTY-P01',
    'BL-BQLCC-P02',
    'BL-TTKNGHIEM-P01',
    'BL-BQLDA',
  ])
    collective(
      u,
      'GIAY_KHEN',
      2020,
      'thematic',
      ISSUER_SNN,
      '285/QĐ-SNN',
      '2020-10-20',
      MOVEMENTS.adminReform,
    );
  for (const u of ['BL-BQLR', 'BL-BQLCC', 'BL-TTGIONG', 'BL-TTKNGHIEM', 'BL-TTNS-T02', 'BL-BQLR-T01'])
    collective(u, 'GIAY_KHEN', 2020, 'thematic', ISSUER_SNN, '312/QĐ-SNN', '2020-11-26', MOVEMENTS.patriotic);
  individual(archivist, 'KNC', 2020, 'thematic', ISSUER_BNV, '1058/QĐ-BNV', '2020-11-05', MOVEMENTS.archives);
  // 2019 thematic: African swine fever.
  for (const u of ['BL-CCCNTY', 'BL-CCCNTY-P03', 'BL-CCCNTY-T01'])
    collective(u, 'GIAY_KHEN', 2019, 'thematic', ISSUER_SNN, '198/QĐ-SNN', '2019-10-25', MOVEMENTS.asf);
  for (const p of sortByCode(
    rng.shuffle(ldtt.get(2019)!.filter((p) => p.member.code === 'BL-CCCNTY')).slice(0, 2),
  ))
    individual(p, 'GIAY_KHEN', 2019, 'thematic', ISSUER_SNN, '198/QĐ-SNN', '2019-10-25', MOVEMENTS.asf);

  // ── print the dataset
  const personRecs: PersonRec[] = people.map((p) => ({
    code: p.code,
    fullName: p.fullName,
    sex: p.sex,
    dateOfBirth: p.dob,
    ethnicity: p.ethnicity,
    personalIdNumber: p.idNumber,
    position: p.retiredOn ? `${p.position} (đã nghỉ hưu)` : p.position,
    isLeader: p.role !== 'staff',
    isDemo: true,
  }));
  const personUnits: PersonUnitRec[] = people.flatMap((p) =>
    p.history.map((h) => ({
      personCode: p.code,
      unitCode: h.unit,
      fromDate: h.from,
      toDate: h.to ?? null,
      position: h.position ?? p.position,
    })),
  );
  const personEvaluations: EvalRec[] = [];
  for (const p of people) {
    for (const y of YEARS) {
      const rating = p.ratings.get(y);
      if (!rating) continue;
      const note =
        p.hired > `${y}-03-01`
          ? `Tuyển dụng từ ${p.hired.split('-').reverse().join('/')}: chưa đủ 10 tháng công tác`
          : undefined;
      personEvaluations.push({
        personCode: p.code,
        year: y,
        rating,
        unitCode: unitAt(p, yearEnd(y)),
        employmentStartDate: p.hired,
        ...(note ? { note } : {}),
      });
    }
  }
  const unitEvaluations: Rec<'unitEvaluations'>[] = [];
  for (const u of allUnits) {
    for (const y of YEARS) {
      const rating = unitRatings.get(key(u, y));
      if (!rating) continue;
      const def = subDefs.get(u);
      const count = def ? membersAt(u, y).length : subtreeAt(u, y).length;
      const note = u === 'BL-TTKN-P04' && y === 2020 ? 'Thành lập từ 01/07/2020' : undefined;
      unitEvaluations.push({ unitCode: u, year: y, rating, memberCount: count, ...(note ? { note } : {}) });
    }
  }
  const blocks = YEARS.map(blockOf);

  return {
    dataset: {
      format: 'vinhdanh-dataset',
      version: 1,
      description:
        'Dữ liệu mẫu VinhDanh: Khối thi đua các đơn vị sự nghiệp công lập thuộc Sở Nông nghiệp và Phát triển nông thôn tỉnh Bạc Liêu, 2018–2020; sắp xếp tổ chức năm 2025. Cá nhân là hư cấu.',
      units: [...DEMO_UNITS, ...REORGANISATION_UNITS].map(toUnitRec).concat(subUnits),
      successions: REORGANISATION_SUCCESSIONS,
      blocks,
      people: personRecs,
      personUnits,
      personEvaluations,
      leaves,
      trainings,
      unitEvaluations,
      disciplines,
      initiatives,
      awards,
    },
  };
}

/** `n` people spread over the members in proportion to their counts (largest remainder). */
function pickProportional(rng: Rng, pool: Person[], n: number): Person[] {
  const byMember = new Map<string, Person[]>();
  for (const p of pool) byMember.set(p.member.code, [...(byMember.get(p.member.code) ?? []), p]);
  const shares = [...byMember.entries()].map(([code, list]) => {
    const exact = (list.length * n) / pool.length;
    return { code, list, take: Math.floor(exact), rest: exact - Math.floor(exact) };
  });
  let left = n - shares.reduce((s, x) => s + x.take, 0);
  for (const s of [...shares].sort((a, b) => b.rest - a.rest || (a.code < b.code ? -1 : 1))) {
    if (left-- <= 0) break;
    s.take++;
  }
  return shares.flatMap((s) => rng.shuffle(s.list).slice(0, s.take));
}
