/** Decisions (quyết định khen thưởng, đính chính, thu hồi): the editor and the API share these schemas. */
import { z, isoDate, uuid } from '../zod';
import { SIGN_MODES } from '../../domain/decisions/signature';

export { SIGN_MODES };
export type { SignMode } from '../../domain/decisions/signature';

export const DECISION_KINDS = ['award', 'correction', 'revocation'] as const;
export type DecisionKind = (typeof DECISION_KINDS)[number];
export const DECISION_KIND_LABELS: Record<DecisionKind, string> = {
  award: 'Khen thưởng',
  correction: 'Đính chính',
  revocation: 'Thu hồi',
};
export const DECISION_STATUSES = ['draft', 'issued'] as const;
export type DecisionStatus = (typeof DECISION_STATUSES)[number];
export const DECISION_STATUS_LABELS: Record<DecisionStatus, string> = {
  draft: 'Dự thảo',
  issued: 'Đã ban hành',
};
export const SIGN_MODE_LABELS: Record<(typeof SIGN_MODES)[number], string> = {
  direct: 'Thủ trưởng ký',
  KT: 'KT. (cấp phó ký thay)',
  TM: 'TM. (thay mặt tập thể)',
  Q: 'Q. (quyền)',
  TL: 'TL. (thừa lệnh)',
  TUQ: 'TUQ. (thừa ủy quyền)',
};

const text = (label: string, max: number) =>
  z
    .string()
    .trim()
    .max(max, { message: `${label} tối đa ${max} ký tự` })
    // eslint-disable-next-line no-control-regex
    .refine((s) => !/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/.test(s), {
      message: `${label} chứa ký tự điều khiển không hợp lệ`,
    });

export const decisionCreateInput = z
  .strictObject({
    kind: z.enum(DECISION_KINDS).default('award'),
    /** Award: approved dossiers whose passed nominees become the recipients. */
    dossierIds: z.array(uuid).max(200).default([]),
    /** Correction or revocation: the issued decision it references, and which of its awards. */
    referencesDecisionId: uuid.optional(),
    awardIds: z.array(uuid).max(10_000).optional(),
    summary: text('Trích yếu', 500).optional(),
    decidedOn: isoDate.optional(),
  })
  .refine((v) => v.kind !== 'award' || v.dossierIds.length > 0, {
    message: 'Chọn ít nhất một hồ sơ đã được Hội đồng thông qua',
    path: ['dossierIds'],
  })
  .refine((v) => v.kind === 'award' || v.referencesDecisionId !== undefined, {
    message: 'Chọn quyết định cần đính chính hoặc thu hồi',
    path: ['referencesDecisionId'],
  });
export type DecisionCreateInput = z.input<typeof decisionCreateInput>;

export const decisionUpdateInput = z.strictObject({
  version: z.number().int().min(1),
  decidedOn: isoDate.nullable().optional(),
  summary: text('Trích yếu', 500).min(1, { message: 'Trích yếu không được để trống' }).optional(),
  basis: text('Căn cứ', 4000).optional(),
  place: text('Địa danh', 100).optional(),
  signerName: text('Người ký', 200).optional(),
  signerTitle: text('Chức danh người ký', 200).optional(),
  signMode: z.enum(SIGN_MODES).optional(),
  recipientsNote: text('Nơi nhận', 2000).optional(),
  /** Recipient line ids in the new order (all of them). */
  recipientOrder: z.array(uuid).max(10_000).optional(),
  /** Correction: the corrected name and detail of a line. */
  recipientText: z
    .array(
      z.strictObject({
        id: uuid,
        displayName: text('Tên', 300).min(1),
        displayDetail: text('Chi tiết', 500),
      }),
    )
    .max(10_000)
    .optional(),
});
export type DecisionUpdateInput = z.infer<typeof decisionUpdateInput>;

export const versionInput = z.strictObject({ version: z.number().int().min(1) });

export const decisionListQuery = z.object({
  /** Achievement year of the recipients (2020 → the decisions on 2020's awards, issued early 2021). */
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  status: z.enum(DECISION_STATUSES).optional(),
  issuerUnitId: uuid.optional(),
  kind: z.enum(DECISION_KINDS).optional(),
});
export type DecisionListQuery = z.infer<typeof decisionListQuery>;

export const previewQuery = z.object({ decidedOn: isoDate.optional() });

export const decisionSummarySchema = z.object({
  id: uuid,
  kind: z.enum(DECISION_KINDS),
  status: z.enum(DECISION_STATUSES),
  number: z.string().nullable(),
  symbol: z.string(),
  issuerUnitId: uuid,
  issuerName: z.string(),
  decidedOn: z.string().nullable(),
  summary: z.string(),
  years: z.array(z.number()),
  recipientCount: z.number(),
  prizeTotal: z.number().nullable(),
  referencesDecisionId: z.string().nullable(),
  version: z.number(),
});
export type DecisionSummary = z.infer<typeof decisionSummarySchema>;

export const recipientLineSchema = z.object({
  id: uuid,
  position: z.number(),
  recipientKind: z.enum(['individual', 'collective', 'household']),
  personId: z.string().nullable(),
  unitId: z.string().nullable(),
  recipientKey: z.string(),
  displayName: z.string(),
  displayDetail: z.string(),
  awardCode: z.string(),
  awardLabel: z.string(),
  track: z.string(),
  year: z.number(),
  nomineeId: z.string().nullable(),
  revokesAwardId: z.string().nullable(),
  coefficient: z.number().nullable(),
  /** The full amount of the award, and what this decision pays (frozen once issued). */
  amount: z.number(),
  paid: z.number(),
  note: z.string().nullable(),
  /** The award row written at issuing (and whether a later decision revoked it). */
  awardId: z.string().nullable(),
  revokedByDecisionId: z.string().nullable(),
});
export type RecipientLine = z.infer<typeof recipientLineSchema>;

export const decisionDetailSchema = decisionSummarySchema.extend({
  basis: z.string(),
  place: z.string(),
  placeLine: z.string(),
  signerName: z.string(),
  signerTitle: z.string(),
  signMode: z.enum(SIGN_MODES),
  recipientsNote: z.string(),
  authority: z.string(),
  issuerParentName: z.string().nullable(),
  referencesNumber: z.string().nullable(),
  issuedAt: z.string().nullable(),
  baseSalary: z.number().nullable(),
  /** Live (draft) or frozen (issued) totals. */
  total: z.number(),
  words: z.string(),
  prizeProblem: z.string().nullable(),
  recipients: z.array(recipientLineSchema),
  dossiers: z.array(z.object({ id: uuid, code: z.string(), status: z.string() })),
});
export type DecisionDetail = z.infer<typeof decisionDetailSchema>;
