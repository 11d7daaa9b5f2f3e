/**
 * Statistics, the ministry's forms and the dashboard: the queries the API parses and the /statistics and
 * /dashboard pages build, with Vietnamese messages.
 */
import { z } from '../zod';
import { AWARD_TRACKS, RECIPIENT_KINDS, SEXES } from '../registry/catalog';
import { FORM_IDS } from '../../domain/reports/forms';

export { FORM_IDS };
export type { FormId, FormModel, FormRow } from '../../domain/reports/forms';
export type { Statistics, StatTable, StatRow, StatFilter } from '../../domain/reports/statistics';

const YEAR_MESSAGE = 'Năm không hợp lệ (từ 1990 đến 2100)';
export const statYear = z.coerce
  .number({ message: YEAR_MESSAGE })
  .int(YEAR_MESSAGE)
  .min(1990, YEAR_MESSAGE)
  .max(2100, YEAR_MESSAGE);

/** A unit code (its subtree) or a block id (its members' subtrees); empty: everything the viewer may see. */
export const statScope = z
  .string({ message: 'Phạm vi phải là chuỗi ký tự' })
  .trim()
  .max(80, { message: 'Phạm vi tối đa 80 ký tự' })
  .optional();

export const statisticsQuery = z.strictObject({
  year: statYear,
  scope: statScope,
  format: z
    .enum(['json', 'xlsx', 'docx'], { message: 'Định dạng phải là json, xlsx hoặc docx' })
    .default('json'),
});
export type StatisticsQuery = z.infer<typeof statisticsQuery>;

const boolText = z
  .enum(['true', 'false'], { message: 'Giá trị phải là true hoặc false' })
  .transform((v) => v === 'true');

/** The list behind any number of the tables (every filter optional, combined with "and"). */
export const statAwardsQuery = z.strictObject({
  year: statYear,
  scope: statScope,
  unitId: z.uuid({ message: 'Mã đơn vị không hợp lệ' }).optional(),
  code: z
    .string()
    .trim()
    .regex(/^[A-Z0-9_]{1,40}$/, { message: 'Mã danh hiệu, hình thức không hợp lệ' })
    .optional(),
  issuer: z.string().trim().min(1).max(200, { message: 'Cấp khen thưởng tối đa 200 ký tự' }).optional(),
  track: z.enum(AWARD_TRACKS, { message: 'Loại hình khen thưởng không hợp lệ' }).optional(),
  recipientKind: z.enum(RECIPIENT_KINDS, { message: 'Đối tượng không hợp lệ' }).optional(),
  sex: z.enum(SEXES, { message: 'Giới tính không hợp lệ' }).optional(),
  leader: boolText.optional(),
  page: z.coerce.number({ message: 'Trang không hợp lệ' }).int().min(1, 'Trang phải từ 1').default(1),
  pageSize: z.coerce.number().int().min(1).max(200, 'Tối đa 200 dòng một trang').default(50),
});
export type StatAwardsQuery = z.infer<typeof statAwardsQuery>;

export const statAwardItem = z.object({
  id: z.string(),
  recipientKind: z.string(),
  recipientName: z.string(),
  unitName: z.string().nullable(),
  sex: z.string().nullable(),
  leader: z.boolean().nullable(),
  awardCode: z.string(),
  awardLabel: z.string(),
  track: z.string(),
  issuer: z.string(),
  decisionNumber: z.string(),
  decisionDate: z.string(),
  prize: z.number(),
});
export type StatAwardItem = z.infer<typeof statAwardItem>;
export const statAwardsPage = z.object({
  items: z.array(statAwardItem),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
});

export const formParams = z.strictObject({
  form: z.enum(FORM_IDS, { message: 'Biểu mẫu không tồn tại (0601, 0602 hoặc 0603)' }),
});
export const formQuery = z.strictObject({
  year: statYear,
  scope: statScope,
  /** Đơn vị nhận báo cáo printed in the header. */
  receiver: z.string().trim().min(1).max(200, { message: 'Đơn vị nhận báo cáo tối đa 200 ký tự' }).optional(),
  format: z.enum(['json', 'xlsx'], { message: 'Định dạng phải là json hoặc xlsx' }).default('json'),
});

export const dashboardQuery = z.strictObject({ year: statYear, scope: statScope });

const DOSSIER_STATES = [
  'draft',
  'submitted',
  'returned',
  'received',
  'under_review',
  'disclosed',
  'in_council',
  'approved',
  'decided',
  'rejected',
  'forwarded',
] as const;

/** The dossiers behind the dashboard's dossier chart. */
export const statDossiersQuery = z.strictObject({
  year: statYear,
  scope: statScope,
  status: z.enum(DOSSIER_STATES, { message: 'Trạng thái hồ sơ không hợp lệ' }).optional(),
  late: boolText.optional(),
  page: z.coerce.number({ message: 'Trang không hợp lệ' }).int().min(1, 'Trang phải từ 1').default(1),
  pageSize: z.coerce.number().int().min(1).max(200, 'Tối đa 200 dòng một trang').default(20),
});
export type StatDossiersQuery = z.infer<typeof statDossiersQuery>;
export const statDossierItem = z.object({
  id: z.string(),
  code: z.string(),
  title: z.string(),
  status: z.string(),
  statusLabel: z.string(),
  unitName: z.string(),
  dueOn: z.string().nullable(),
  daysLate: z.number(),
});
export type StatDossierItem = z.infer<typeof statDossierItem>;
export const statDossiersPage = z.object({
  items: z.array(statDossierItem),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
});

/** Dossier states still waiting on someone: a passed due date among these is late. */
export const OPEN_DOSSIER_STATES = [
  'submitted',
  'received',
  'under_review',
  'disclosed',
  'in_council',
  'approved',
] as const;

export const DOSSIER_STATE_LABELS: Record<string, string> = {
  draft: 'Nháp',
  submitted: 'Đã gửi',
  returned: 'Trả lại',
  received: 'Đã tiếp nhận',
  under_review: 'Đang thẩm định',
  disclosed: 'Đang công khai',
  in_council: 'Trình Hội đồng',
  approved: 'Hội đồng thông qua',
  decided: 'Đã có quyết định',
  rejected: 'Không đề nghị',
  forwarded: 'Chuyển cấp trên',
};

export interface Dashboard {
  year: number;
  scope: { code: string | null; label: string };
  today: string;
  totals: {
    awards: number;
    individual: number;
    collective: number;
    household: number;
    prize: number;
    female: number;
    frontLine: number;
    /** Percent of individual awards, one decimal. */
    femaleShare: number;
    frontLineShare: number;
  };
  perYear: { year: number; awards: number; prize: number }[];
  perUnit: { unitId: string | null; name: string; awards: number }[];
  titles: { code: string; label: string; awards: number }[];
  sex: { key: string; label: string; awards: number }[];
  leader: { key: 'leader' | 'frontLine'; label: string; awards: number }[];
  dossiers: {
    byStatus: { status: string; label: string; count: number }[];
    open: number;
    late: number;
    lateList: {
      id: string;
      code: string;
      title: string;
      status: string;
      statusLabel: string;
      unitName: string;
      dueOn: string;
      daysLate: number;
    }[];
  };
  quotas: {
    awardCode: string;
    label: string;
    basisAwardCode: string;
    basis: number;
    allowed: number;
    used: number;
    exceeded: boolean;
    detail: string;
    citation: string;
  }[];
}
