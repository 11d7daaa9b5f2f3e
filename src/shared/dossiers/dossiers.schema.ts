/**
 * Nomination dossiers (hồ sơ đề nghị khen thưởng): one schema per input, parsed by the routes and the web
 * forms alike, with Vietnamese field messages; and the shapes the API returns.
 */
import {
  ATTACHMENT_KINDS,
  DOSSIER_ACTIONS,
  DOSSIER_STATUSES,
  type AttachmentKind,
  type DossierStatus,
} from '../../domain/dossiers/workflow';
import {
  AWARD_CODE_LIST,
  AWARD_CODES,
  AWARD_TRACKS,
  RECIPIENT_KINDS,
  type AwardCode,
} from '../registry/catalog';
import { verdictSchema } from '../eligibility/eligibility.schema';
import { isoDate, z, uuid } from '../zod';

export { ATTACHMENT_KINDS, DOSSIER_ACTIONS, DOSSIER_STATUSES };

export const DOSSIER_STATUS_LABELS: Record<DossierStatus, string> = {
  draft: 'Đang soạn',
  submitted: 'Đã gửi',
  returned: 'Bị trả lại',
  received: 'Đã tiếp nhận',
  under_review: 'Đang thẩm định',
  disclosed: 'Đang công khai',
  in_council: 'Trình Hội đồng',
  approved: 'Hội đồng thông qua',
  decided: 'Đã có quyết định',
  rejected: 'Không chấp thuận',
  forwarded: 'Đã trình cấp trên',
};

export const ATTACHMENT_KIND_LABELS: Record<AttachmentKind, string> = {
  submission_letter: 'Tờ trình',
  achievement_report: 'Báo cáo thành tích',
  minutes: 'Biên bản họp Hội đồng',
  initiative_proof: 'Minh chứng sáng kiến, đề tài',
  htxsnv_proof: 'Minh chứng hoàn thành xuất sắc nhiệm vụ',
  transmittal: 'Văn bản trình cấp trên',
  other: 'Tài liệu khác',
};

const year = z
  .number({ message: 'Năm phải là số' })
  .int({ message: 'Năm phải là số nguyên' })
  .min(2000, { message: 'Năm từ 2000 trở đi' })
  .max(2100, { message: 'Năm không quá 2100' });
const version = z.number().int().positive();
const text = (label: string, max: number) =>
  z
    .string({ message: `${label} phải là chuỗi ký tự` })
    .trim()
    .max(max, { message: `${label} tối đa ${max} ký tự` });
const reasonText = (label: string) =>
  text(label, 2000).min(1, { message: `Vui lòng nêu ${label.toLowerCase()}` });
const awardCode = z.enum(AWARD_CODE_LIST as [AwardCode, ...AwardCode[]], {
  message: 'Danh hiệu, hình thức không hợp lệ',
});

const dossierFields = {
  title: text('Trích yếu', 300).min(1, { message: 'Vui lòng nhập trích yếu hồ sơ' }),
  track: z.enum(AWARD_TRACKS, { message: 'Chọn loại hình khen thưởng' }),
  movementId: uuid.nullable().default(null),
  note: text('Ghi chú', 5000).default(''),
};

const movementForThematic = (d: { track: string; movementId: string | null }, ctx: z.RefinementCtx) => {
  if (d.track === 'thematic' && !d.movementId)
    ctx.addIssue({
      code: 'custom',
      path: ['movementId'],
      message: 'Khen thưởng theo chuyên đề cần chọn phong trào thi đua',
    });
};

export const dossierCreateInput = z
  .strictObject({
    year,
    /** Defaults to the caller's unit. */
    proposingUnitId: uuid.optional(),
    /** Defaults to the unit above the proposing unit (the Sở for its centres). */
    authorityUnitId: uuid.optional(),
    ...dossierFields,
  })
  .superRefine(movementForThematic);
export type DossierCreateInput = z.input<typeof dossierCreateInput>;

export const dossierUpdateInput = z
  .strictObject({ ...dossierFields, authorityUnitId: uuid, version })
  .superRefine(movementForThematic);
export type DossierUpdateInput = z.input<typeof dossierUpdateInput>;

export const dossierListQuery = z.object({
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  status: z.enum(DOSSIER_STATUSES).optional(),
  proposingUnitId: uuid.optional(),
  lateOnly: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
});
export type DossierListQuery = z.infer<typeof dossierListQuery>;

export const nomineeInput = z
  .strictObject({
    recipientKind: z.enum(RECIPIENT_KINDS, { message: 'Chọn cá nhân, tập thể hoặc hộ gia đình' }),
    personId: uuid.nullable().default(null),
    unitId: uuid.nullable().default(null),
    householdName: text('Tên hộ gia đình', 200).nullable().default(null),
    householdAddress: text('Địa chỉ hộ gia đình', 300).nullable().default(null),
    awardCode,
    achievementSummary: text('Tóm tắt thành tích', 5000).default(''),
    initiativeId: uuid.nullable().default(null),
  })
  .superRefine((n, ctx) => {
    if (n.recipientKind === 'individual' && !n.personId)
      ctx.addIssue({ code: 'custom', path: ['personId'], message: 'Chọn cá nhân được đề nghị' });
    if (n.recipientKind === 'collective' && !n.unitId)
      ctx.addIssue({ code: 'custom', path: ['unitId'], message: 'Chọn tập thể được đề nghị' });
    if (n.recipientKind === 'household' && !n.householdName)
      ctx.addIssue({ code: 'custom', path: ['householdName'], message: 'Nhập tên hộ gia đình' });
    const recipients = AWARD_CODES[n.awardCode].recipients as readonly string[];
    if (!recipients.includes(n.recipientKind))
      ctx.addIssue({
        code: 'custom',
        path: ['awardCode'],
        message: `${AWARD_CODES[n.awardCode].label} không dành cho ${
          { individual: 'cá nhân', collective: 'tập thể', household: 'hộ gia đình' }[n.recipientKind]
        }`,
      });
  });
export type NomineeInput = z.input<typeof nomineeInput>;
export type NomineeParsed = z.output<typeof nomineeInput>;

export const nomineeUpdateInput = z.strictObject({
  awardCode: awardCode.optional(),
  achievementSummary: text('Tóm tắt thành tích', 5000).optional(),
  initiativeId: uuid.nullable().optional(),
});

export const fromSuggestionsInput = z
  .strictObject({
    awardCode,
    personIds: z.array(uuid).max(500, { message: 'Tối đa 500 người mỗi lần' }).default([]),
    unitIds: z.array(uuid).max(500, { message: 'Tối đa 500 tập thể mỗi lần' }).default([]),
  })
  .refine((x) => x.personIds.length + x.unitIds.length > 0, {
    message: 'Chọn ít nhất một người hoặc tập thể',
    path: ['personIds'],
  });
export type FromSuggestionsInput = z.input<typeof fromSuggestionsInput>;

export const reasonInput = z.strictObject({ reason: reasonText('Lý do') });
export const actionInput = z.strictObject({
  action: z.enum(['submit', 'receive', 'start_review', 'return', 'reject', 'forward'], {
    message: 'Thao tác không hợp lệ',
  }),
  version,
  reason: text('Lý do', 2000).optional(),
  transmittal: text('Nội dung tờ trình', 5000).optional(),
  forwardedToUnitId: uuid.optional(),
});
export type DossierActionInput = z.input<typeof actionInput>;

export const attachmentKindQuery = z.object({
  kind: z.enum(ATTACHMENT_KINDS, { message: 'Chọn loại tài liệu' }),
});

export const flagSchema = z.object({
  code: z.enum(['already_awarded', 'pending_elsewhere', 'initiative_used', 'discipline', 'quota_over']),
  message: z.string(),
});
export type NomineeFlag = z.infer<typeof flagSchema>;

export const nomineeSchema = z.object({
  id: z.string(),
  recipientKind: z.enum(RECIPIENT_KINDS),
  personId: z.string().nullable(),
  unitId: z.string().nullable(),
  householdName: z.string().nullable(),
  householdAddress: z.string().nullable(),
  code: z.string().nullable(),
  name: z.string(),
  awardCode,
  year: z.number(),
  achievementSummary: z.string(),
  initiativeId: z.string().nullable(),
  verdictStatus: z.enum(['eligible', 'needs_review', 'ineligible', 'unknown']),
  verdict: verdictSchema.nullable(),
  flags: z.array(flagSchema),
  checkedAt: z.string().nullable(),
  acceptedReason: z.string().nullable(),
  excludedReason: z.string().nullable(),
  councilResult: z.string().nullable(),
});
export type NomineeView = z.infer<typeof nomineeSchema>;

export const attachmentSchema = z.object({
  id: z.string(),
  kind: z.enum(ATTACHMENT_KINDS),
  fileName: z.string(),
  mimeType: z.string(),
  size: z.number(),
  sha256: z.string(),
  createdAt: z.string(),
});
export type AttachmentView = z.infer<typeof attachmentSchema>;

export const deadlineSchema = z.object({
  dueOn: z.string().nullable(),
  state: z.enum(['none', 'ok', 'soon', 'late']),
  left: z.number().nullable(),
  task: z.string().nullable(),
});

export const dossierSummarySchema = z.object({
  id: z.string(),
  code: z.string(),
  year: z.number(),
  title: z.string(),
  track: z.enum(AWARD_TRACKS),
  status: z.enum(DOSSIER_STATUSES),
  proposingUnitId: z.string(),
  proposingUnitName: z.string(),
  authorityUnitId: z.string(),
  authorityUnitName: z.string(),
  nomineeCount: z.number(),
  deadline: deadlineSchema,
  returnReason: z.string().nullable(),
  updatedAt: z.string(),
  version: z.number(),
});
export type DossierSummary = z.infer<typeof dossierSummarySchema>;

export const quotaLineSchema = z.object({
  awardCode,
  used: z.number(),
  allowed: z.number(),
  exceeded: z.boolean(),
  detail: z.string(),
});

export const dossierDetailSchema = dossierSummarySchema.extend({
  movementId: z.string().nullable(),
  note: z.string(),
  rejectReason: z.string().nullable(),
  transmittalNote: z.string().nullable(),
  forwardedToUnitId: z.string().nullable(),
  nominees: z.array(nomineeSchema),
  attachments: z.array(attachmentSchema),
  requiredAttachments: z.array(z.enum(ATTACHMENT_KINDS)),
  quotas: z.array(quotaLineSchema),
});
export type DossierDetail = z.infer<typeof dossierDetailSchema>;

export const dossierEventSchema = z.object({
  id: z.string(),
  action: z.string(),
  fromStatus: z.string().nullable(),
  toStatus: z.string(),
  reason: z.string().nullable(),
  actorName: z.string().nullable(),
  at: z.string(),
});
export type DossierEvent = z.infer<typeof dossierEventSchema>;

export const importPreviewSchema = z.object({
  rows: z.array(
    z.object({
      row: z.number(),
      code: z.string(),
      name: z.string(),
      recipientKind: z.enum(RECIPIENT_KINDS),
      awardCode: z.string(),
      achievementSummary: z.string(),
    }),
  ),
  errors: z.record(z.string(), z.string()),
});
export type ImportPreview = z.infer<typeof importPreviewSchema>;

export { isoDate };
