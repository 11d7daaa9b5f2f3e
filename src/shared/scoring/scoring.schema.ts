/**
 * Block covenant and scoring (chấm điểm khối thi đua): one schema per input, parsed by the routes and by the
 * web forms, with Vietnamese messages; and the shapes the API returns.
 */
import { z, plainText, uuid } from '../zod';

export const CRITERION_KINDS = ['score', 'bonus', 'penalty', 'group'] as const;
export const SET_STATUSES = ['draft', 'open', 'locked'] as const;
export const SHEET_STATUSES = ['draft', 'submitted', 'checked'] as const;

const points = (label: string) =>
  z
    .number({ message: `${label} phải là số` })
    .finite({ message: `${label} phải là số` })
    .min(-1000, { message: `${label} không nhỏ hơn -1000` })
    .max(1000, { message: `${label} không lớn hơn 1000` });

const version = z.number().int().min(1);
const code = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,19}$/, {
    message: 'Mã tiêu chí gồm chữ, số, dấu chấm (tối đa 20 ký tự)',
  });

export const criterionInput = z.strictObject({
  code,
  label: plainText('Nội dung tiêu chí', 1000),
  parentCode: code.nullable(),
  kind: z.enum(CRITERION_KINDS, { message: 'Loại tiêu chí không hợp lệ' }),
  maxPoints: points('Điểm tối đa'),
  minPoints: points('Điểm tối thiểu'),
  evidenceRequired: z.boolean(),
});
export type CriterionInput = z.infer<typeof criterionInput>;

/** The women preference takes its threshold and citation from the law data, not from the request. */
export const tieRuleInput = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('criterion'), code }),
  z.strictObject({ kind: z.literal('women_share') }),
]);
export type TieRuleInput = z.infer<typeof tieRuleInput>;

export const criteriaSaveSchema = z.strictObject({
  criteria: z
    .array(criterionInput)
    .min(1, { message: 'Bộ tiêu chí phải có ít nhất một tiêu chí' })
    .max(300, { message: 'Bộ tiêu chí tối đa 300 tiêu chí' }),
  tieRules: z.array(tieRuleInput).max(20),
  /** The set's version when it exists (omit to create it). */
  version: version.optional(),
});
export type CriteriaSaveInput = z.infer<typeof criteriaSaveSchema>;

export const copyCriteriaSchema = z.strictObject({
  /** The block to copy from; omitted: the block of the same name the year before. */
  fromBlockId: uuid.optional(),
});

export const openSchema = z.strictObject({ version });
export const lockSchema = z.strictObject({
  version,
  meetingNote: plainText('Biên bản họp khối', 1000),
});

const evidenceLink = z.strictObject({
  label: plainText('Tên minh chứng', 300),
  url: z
    .string()
    .trim()
    .max(2000, { message: 'Đường dẫn tối đa 2000 ký tự' })
    .regex(/^(https?:\/\/|\/)[^\s]+$/, {
      message: 'Đường dẫn minh chứng phải bắt đầu bằng http(s):// hoặc /',
    }),
  /** An uploaded file (kept as it was uploaded: the server keeps its own record of name, type and size). */
  sha256: z
    .string()
    .regex(/^[0-9a-f]{64}$/, { message: 'Mã tệp minh chứng không hợp lệ' })
    .optional(),
  fileName: z.string().max(255).optional(),
  mimeType: z.string().max(200).optional(),
  size: z.number().int().nonnegative().optional(),
});
export type EvidenceLinkInput = z.infer<typeof evidenceLink>;

export const selfScoreSchema = z.strictObject({
  version,
  /** Submit the sheet for cross-check (evidence then becomes mandatory where required). */
  submit: z.boolean().default(false),
  scores: z
    .array(
      z.strictObject({
        criterionId: uuid,
        selfScore: points('Điểm tự chấm').nullable(),
        evidence: z.array(evidenceLink).max(20).default([]),
        note: z.string().trim().max(2000).nullable().default(null),
      }),
    )
    .max(300),
});
export type SelfScoreInput = z.infer<typeof selfScoreSchema>;

export const checkScoreSchema = z.strictObject({
  version,
  /** Mark the sheet as checked. */
  done: z.boolean().default(false),
  scores: z
    .array(
      z.strictObject({
        criterionId: uuid,
        /** null removes the check (the member's own score counts again). */
        checkedScore: points('Điểm chấm chéo').nullable(),
        reason: plainText('Lý do điều chỉnh', 1000),
      }),
    )
    .max(300),
});
export type CheckScoreInput = z.infer<typeof checkScoreSchema>;

export const proposalSchema = z.strictObject({
  flagUnitId: uuid.nullable(),
  bkUnitIds: z.array(uuid).max(50),
  note: z.string().trim().max(2000).nullable().default(null),
});
export type ProposalInput = z.infer<typeof proposalSchema>;

export const evidenceUploadQuery = z.object({ criterionId: uuid });
export const evidenceParams = z.strictObject({
  sheetId: uuid,
  sha256: z.string().regex(/^[0-9a-f]{64}$/, { message: 'Mã tệp không hợp lệ' }),
});

export const rotationSchema = z.strictObject({
  /** Omitted: the rotation proposes them (this year's deputy leads next year). */
  leadUnitId: uuid.optional(),
  deputyUnitId: uuid.nullable().optional(),
});
export type RotationInput = z.infer<typeof rotationSchema>;

export const exportQuery = z.object({
  format: z.enum(['xlsx', 'docx'], { message: 'Định dạng phải là xlsx hoặc docx' }).default('xlsx'),
});
export const yearQuery = z.object({ year: z.coerce.number().int().min(1945).max(2100).optional() });

// ─── What the API returns ───────────────────────────────────────────────────────────────────────────

export const criterionSchema = z.object({
  id: z.string(),
  code: z.string(),
  label: z.string(),
  parentId: z.string().nullable(),
  kind: z.enum(CRITERION_KINDS),
  maxPoints: z.number(),
  minPoints: z.number(),
  evidenceRequired: z.boolean(),
  order: z.number(),
});
export type CriterionRow = z.infer<typeof criterionSchema>;

export const tieRuleSchema = z.union([
  z.object({ kind: z.literal('criterion'), code: z.string() }),
  z.object({ kind: z.literal('women_share'), threshold: z.number(), citation: z.string() }),
]);

export const scoreSchema = z.object({
  criterionId: z.string(),
  selfScore: z.number().nullable(),
  checkedScore: z.number().nullable(),
  checkReason: z.string().nullable(),
  /** Links, and uploaded files (`sha256` set; `url` is the sheet's download route for it). */
  evidence: z.array(
    z.object({
      label: z.string(),
      url: z.string(),
      sha256: z.string().optional(),
      fileName: z.string().optional(),
      mimeType: z.string().optional(),
      size: z.number().optional(),
    }),
  ),
  note: z.string().nullable(),
});
export type ScoreRow = z.infer<typeof scoreSchema>;

export const sheetSchema = z.object({
  id: z.string(),
  unitId: z.string(),
  unitCode: z.string(),
  unitName: z.string(),
  status: z.enum(SHEET_STATUSES),
  version: z.number(),
  scores: z.array(scoreSchema),
  total: z.number(),
  selfTotal: z.number(),
  bonus: z.number(),
  penalty: z.number(),
  adjusted: z.number(),
});
export type Sheet = z.infer<typeof sheetSchema>;

export const rankingRowSchema = z.object({
  rank: z.number(),
  unitId: z.string(),
  unitCode: z.string(),
  unitName: z.string(),
  total: z.number(),
  selfTotal: z.number(),
  womenShare: z.number().nullable(),
  decidedBy: z.string(),
});
export type RankingRow = z.infer<typeof rankingRowSchema>;

export const resultSchema = z.object({
  flagUnitId: z.string().nullable(),
  bkUnitIds: z.array(z.string()),
  proposalNote: z.string().nullable(),
  proposedAt: z.string().nullable(),
  nextLeadUnitId: z.string().nullable(),
  nextDeputyUnitId: z.string().nullable(),
  nextBlockId: z.string().nullable(),
  /** The nomination dossier made from the proposal (one step; made once). */
  proposalDossier: z.object({ id: z.string(), code: z.string() }).nullable(),
  version: z.number(),
});
export type ScoringResult = z.infer<typeof resultSchema>;

export const boardSchema = z.object({
  block: z.object({
    id: z.string(),
    year: z.number(),
    name: z.string(),
    organizerName: z.string(),
    leadUnitId: z.string().nullable(),
    deputyUnitId: z.string().nullable(),
    members: z.array(z.object({ unitId: z.string(), code: z.string(), name: z.string() })),
  }),
  set: z
    .object({
      id: z.string(),
      status: z.enum(SET_STATUSES),
      tieRules: z.array(tieRuleSchema),
      copiedFromSetId: z.string().nullable(),
      lockedAt: z.string().nullable(),
      meetingNote: z.string().nullable(),
      version: z.number(),
    })
    .nullable(),
  criteria: z.array(criterionSchema),
  /** The sheets this user may read: all of them for the lead, deputy and the department; else the own one. */
  sheets: z.array(sheetSchema),
  ranking: z.array(rankingRowSchema),
  result: resultSchema.nullable(),
  viewer: z.object({ canLead: z.boolean(), ownUnitId: z.string().nullable() }),
});
export type ScoringBoard = z.infer<typeof boardSchema>;

export const blockSummarySchema = z.object({
  blockId: z.string(),
  year: z.number(),
  name: z.string(),
  status: z.enum(SET_STATUSES).nullable(),
  leadUnitId: z.string().nullable(),
  deputyUnitId: z.string().nullable(),
  canLead: z.boolean(),
  member: z.boolean(),
});
export type BlockSummary = z.infer<typeof blockSummarySchema>;
