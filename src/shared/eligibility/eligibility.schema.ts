/**
 * Contracts of the eligibility feature (verdicts, suggestions, quotas, rule packs, base salaries, prize
 * money), parsed by the server's routes and used by the web pages.
 */
import { localPackSchema } from '../../domain/rules/validate';
import { AWARD_CODE_LIST, RECIPIENT_KINDS, type AwardCode } from '../registry/catalog';
import { isoDate, pageQuery, plainText, uuid, z } from '../zod';

const awardCode = z.enum(AWARD_CODE_LIST as [AwardCode, ...AwardCode[]], {
  message: 'Mã danh hiệu không hợp lệ',
});
const year = z.coerce
  .number({ message: 'Năm phải là số' })
  .int({ message: 'Năm phải là số nguyên' })
  .min(2000, { message: 'Năm từ 2000 trở đi' })
  .max(2100, { message: 'Năm không hợp lệ' });

export const citationSchema = z.object({
  instrument: z.string(),
  article: z.string().optional(),
  clause: z.string().optional(),
  point: z.string().optional(),
  verified: z.boolean(),
  source: z.string().optional(),
  note: z.string().optional(),
});
export type CitationDto = z.infer<typeof citationSchema>;

const checkStatus = z.enum(['met', 'unmet', 'unknown']);
const checkBase = {
  id: z.string(),
  criterion: z.string(),
  status: checkStatus,
  detail: z.string(),
  citation: citationSchema,
  presumed: z.boolean().optional(),
};
// Criteria trees are at most three levels deep (alternative → all-of → criterion); spelled out so that the
// OpenAPI document stays free of recursive references.
const leafCheck = z.object(checkBase);
const midCheck = z.object({ ...checkBase, children: z.array(leafCheck).optional() });
export const checkSchema = z.object({ ...checkBase, children: z.array(midCheck).optional() });
export type CheckDto = z.infer<typeof checkSchema>;

export const verdictStatus = z.enum(['eligible', 'ineligible', 'needs_review']);
export const verdictSchema = z.object({
  subject: z.object({ kind: z.enum(RECIPIENT_KINDS), id: z.string(), name: z.string().optional() }),
  awardCode,
  year: z.number(),
  packId: z.string(),
  status: verdictStatus,
  checks: z.array(checkSchema),
  missing: z.array(z.string()),
  initiativeIds: z.array(z.string()),
});
export type VerdictDto = z.infer<typeof verdictSchema>;

export const subjectVerdictsSchema = z.object({
  year: z.number(),
  pack: z.object({ id: z.string(), name: z.string() }),
  verdicts: z.array(verdictSchema),
});
export type SubjectVerdicts = z.infer<typeof subjectVerdictsSchema>;

export const SUGGESTION_FILTERS = ['eligible', 'needs_review', 'near_miss', 'ineligible'] as const;
export const SUGGESTION_FILTER_LABELS: Record<(typeof SUGGESTION_FILTERS)[number], string> = {
  eligible: 'Đủ điều kiện',
  needs_review: 'Cần xem xét',
  near_miss: 'Thiếu một tiêu chuẩn',
  ineligible: 'Chưa đủ điều kiện',
};

export const suggestionQuery = pageQuery.extend({
  year,
  unitId: uuid.optional(),
  blockId: uuid.optional(),
  personId: uuid.optional(),
  awardCode: awardCode.optional(),
  recipientKind: z.enum(RECIPIENT_KINDS).optional(),
  status: z.enum(SUGGESTION_FILTERS).optional(),
  q: z.string().trim().max(100).optional(),
});
export type SuggestionQuery = z.infer<typeof suggestionQuery>;

export const suggestionRowSchema = z.object({
  subjectKind: z.enum(RECIPIENT_KINDS),
  subjectId: z.string(),
  code: z.string(),
  name: z.string(),
  unitName: z.string().nullable(),
  awardCode,
  status: verdictStatus,
  nearMiss: z.boolean(),
  missing: z.array(z.string()),
  checks: z.array(checkSchema),
});
export type SuggestionRow = z.infer<typeof suggestionRowSchema>;

export const suggestionCountSchema = z.object({
  awardCode,
  eligible: z.number(),
  needsReview: z.number(),
  nearMiss: z.number(),
});

export const suggestionResponseSchema = z.object({
  year: z.number(),
  pack: z.object({ id: z.string(), name: z.string() }),
  scope: z.string(),
  counts: z.array(suggestionCountSchema),
  items: z.array(suggestionRowSchema),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
});
export type SuggestionResponse = z.infer<typeof suggestionResponseSchema>;

export const quotaQuery = z.strictObject({ year, unitId: uuid.optional() });
export const quotaItemSchema = z.object({
  quotaId: z.string(),
  awardCode,
  basisAwardCode: awardCode,
  maxShare: z.number(),
  rounding: z.enum(['floor', 'round', 'ceil']),
  basis: z.number(),
  basisSource: z.enum(['awarded', 'eligible']),
  allowed: z.number(),
  used: z.number(),
  remaining: z.number(),
  exceeded: z.boolean(),
  detail: z.string(),
  citation: citationSchema,
});
export const quotaResponseSchema = z.object({
  year: z.number(),
  packId: z.string(),
  unitId: z.string().nullable(),
  unitName: z.string(),
  items: z.array(quotaItemSchema),
});
export type QuotaResponse = z.infer<typeof quotaResponseSchema>;

export const yearQuery = z.strictObject({ year });

// ── rule packs

const packRuleSchema = z.object({
  awardCode,
  recipientKind: z.enum(RECIPIENT_KINDS),
  note: z.string().optional(),
  /** The criteria tree as stored in the pack (rendered recursively by the admin page). */
  criteria: z.array(z.unknown()),
});
export const packSchema = z.object({
  id: z.string(),
  name: z.string(),
  effectiveFrom: z.string(),
  effectiveTo: z.string().optional(),
  instruments: z.array(citationSchema),
  rules: z.array(packRuleSchema),
  quotas: z.array(z.unknown()),
  prizes: z.array(z.unknown()),
  votes: z.array(z.unknown()),
  householdMultiplier: z.unknown().optional(),
  unverifiedCount: z.number(),
});
export const localPackRowSchema = z.object({
  id: z.string(),
  name: z.string(),
  issuer: z.string(),
  effectiveFrom: z.string(),
  effectiveTo: z.string().nullable(),
  enabled: z.boolean(),
  content: z.unknown(),
  version: z.number(),
  updatedAt: z.string(),
});
export type LocalPackRow = z.infer<typeof localPackRowSchema>;
export const packsResponseSchema = z.object({
  national: z.array(packSchema),
  local: z.array(localPackRowSchema),
  facts: z.array(
    z.object({
      name: z.string(),
      type: z.string(),
      subjects: z.array(z.string()),
      describe: z.string(),
      operators: z.array(z.string()),
    }),
  ),
});
export type PacksResponse = z.infer<typeof packsResponseSchema>;

/** A local pack as an admin submits it; the domain validates its criteria against the fact catalogue. */
export const localPackInput = localPackSchema.extend({ enabled: z.boolean().default(false) });
export type LocalPackInput = z.infer<typeof localPackInput>;
export const localPackUpdate = localPackInput.omit({ id: true }).extend({ version: z.number().int().min(1) });
export type LocalPackUpdate = z.infer<typeof localPackUpdate>;
export const localPackToggle = z.strictObject({ enabled: z.boolean(), version: z.number().int().min(1) });

// ── base salaries and prize money

export const baseSalaryInput = z.strictObject({
  effectiveFrom: isoDate,
  amount: z
    .number({ message: 'Mức lương phải là số' })
    .int({ message: 'Mức lương là số nguyên (đồng)' })
    .min(100_000, { message: 'Mức lương tối thiểu 100.000 đồng' })
    .max(100_000_000, { message: 'Mức lương tối đa 100.000.000 đồng' }),
  instrument: plainText('Văn bản quy định', 200),
  note: plainText('Ghi chú', 500).nullable().optional(),
});
export type BaseSalaryInput = z.infer<typeof baseSalaryInput>;
export const baseSalaryUpdate = baseSalaryInput.extend({ version: z.number().int().min(1) });
export const baseSalarySchema = z.object({
  id: z.string(),
  effectiveFrom: z.string(),
  amount: z.number(),
  instrument: z.string(),
  note: z.string().nullable(),
  version: z.number(),
});
export type BaseSalary = z.infer<typeof baseSalarySchema>;

export const prizeQuery = z.strictObject({
  awardCode,
  recipientKind: z.enum(RECIPIENT_KINDS),
  issuerLevel: z.enum(['any', 'unit_head', 'commune']).optional(),
  decisionDate: isoDate,
  /** Achievement year: chooses the pack; defaults to the decision date's pack. */
  year: year.optional(),
});
export const prizeResponseSchema = z.object({
  packId: z.string(),
  amount: z.number(),
  words: z.string(),
  coefficient: z.number(),
  multiplier: z.number(),
  baseSalary: z.object({ effectiveFrom: z.string(), amount: z.number(), instrument: z.string() }),
  formula: z.string(),
  citation: citationSchema,
});
export type PrizeResponse = z.infer<typeof prizeResponseSchema>;
