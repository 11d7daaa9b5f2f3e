import { z, isoDate, plainText, uuid, pageQuery } from '../zod';
import { DISCIPLINE_LEVELS, LEAVE_KINDS, RATINGS, SEXES, TRAINING_GRADES } from '../registry/catalog';
import { personRecord } from '../registry/dataset.schema';

const bool = z
  .enum(['true', 'false'])
  .transform((v) => v === 'true')
  .optional();

export const personListQuery = pageQuery.extend({
  q: z.string().trim().max(100).optional(),
  unitId: uuid.optional(),
  /** With unitId: also people of the units under it (default true). */
  includeSubunits: z
    .enum(['true', 'false'])
    .default('true')
    .transform((v) => v === 'true'),
  isLeader: bool,
  sex: z.enum(SEXES).optional(),
});
export type PersonListQuery = z.infer<typeof personListQuery>;

export const personSummarySchema = z.object({
  id: z.string(),
  code: z.string(),
  fullName: z.string(),
  sex: z.enum(SEXES),
  dateOfBirth: z.string().nullable(),
  ethnicity: z.string().nullable(),
  /** Masked (last 4 digits) unless the caller may read personal data. */
  personalIdNumber: z.string().nullable(),
  position: z.string().nullable(),
  isLeader: z.boolean(),
  isDemo: z.boolean(),
  unitId: z.string().nullable(),
  unitName: z.string().nullable(),
  version: z.number(),
});
export type PersonSummary = z.infer<typeof personSummarySchema>;

const period = { fromDate: z.string(), toDate: z.string().nullable() };
export const personProfileSchema = z.object({
  person: personSummarySchema,
  unitHistory: z.array(
    z.object({
      id: z.string(),
      unitId: z.string(),
      unitCode: z.string(),
      unitName: z.string(),
      position: z.string().nullable(),
      ...period,
    }),
  ),
  evaluations: z.array(
    z.object({
      id: z.string(),
      year: z.number(),
      rating: z.enum(RATINGS),
      unitName: z.string().nullable(),
      employmentStartDate: z.string().nullable(),
      note: z.string().nullable(),
    }),
  ),
  leaves: z.array(
    z.object({
      id: z.string(),
      kind: z.enum(LEAVE_KINDS),
      fromDate: z.string(),
      toDate: z.string(),
      note: z.string().nullable(),
    }),
  ),
  trainings: z.array(
    z.object({
      id: z.string(),
      fromDate: z.string(),
      toDate: z.string(),
      grade: z.enum(TRAINING_GRADES).nullable(),
      institution: z.string().nullable(),
      goodConduct: z.boolean(),
    }),
  ),
  disciplines: z.array(
    z.object({
      id: z.string(),
      level: z.enum(DISCIPLINE_LEVELS),
      decisionNumber: z.string(),
      decisionDate: z.string(),
      reason: z.string().nullable(),
      ...period,
    }),
  ),
  initiatives: z.array(
    z.object({
      id: z.string(),
      code: z.string(),
      kind: z.string(),
      title: z.string(),
      level: z.string(),
      recognitionDate: z.string(),
      effectScope: z.string(),
      recognizingBody: z.string(),
      usedByAwardId: z.string().nullable(),
    }),
  ),
  awards: z.array(
    z.object({
      id: z.string(),
      awardCode: z.string(),
      year: z.number(),
      track: z.string(),
      issuer: z.string(),
      decisionNumber: z.string(),
      decisionDate: z.string(),
      source: z.string(),
      decisionId: z.string().nullable(),
      revokedByDecisionId: z.string().nullable(),
    }),
  ),
});
export type PersonProfile = z.infer<typeof personProfileSchema>;

const personFields = personRecord.omit({ code: true, isDemo: true });

export const personCreateSchema = personFields.extend({
  code: personRecord.shape.code,
  unitId: uuid,
  /** Start of work in that unit. */
  fromDate: isoDate,
});
export type PersonCreateInput = z.infer<typeof personCreateSchema>;

export const personUpdateSchema = z.strictObject({
  fullName: personFields.shape.fullName.optional(),
  sex: personFields.shape.sex.optional(),
  dateOfBirth: personFields.shape.dateOfBirth,
  ethnicity: personFields.shape.ethnicity,
  personalIdNumber: personFields.shape.personalIdNumber,
  position: personFields.shape.position,
  isLeader: z.boolean().optional(),
  version: z.number().int().min(1),
});
export type PersonUpdateInput = z.infer<typeof personUpdateSchema>;

export const transferSchema = z.strictObject({
  unitId: uuid,
  fromDate: isoDate,
  position: plainText('Chức vụ', 150).nullish(),
});
export type TransferInput = z.infer<typeof transferSchema>;

export const evaluationUpsertSchema = z.strictObject({
  rating: z.enum(RATINGS, { message: 'Xếp loại phải là HTXSNV, HTTNV, HTNV hoặc KHTNV' }),
  employmentStartDate: isoDate.nullish(),
  note: plainText('Ghi chú', 500).nullish(),
});
export type EvaluationUpsertInput = z.infer<typeof evaluationUpsertSchema>;

export const leaveCreateSchema = z
  .strictObject({
    kind: z.enum(LEAVE_KINDS, { message: 'Loại nghỉ không hợp lệ' }),
    fromDate: isoDate,
    toDate: isoDate,
    note: plainText('Ghi chú', 500).nullish(),
  })
  .refine((r) => r.toDate >= r.fromDate, { path: ['toDate'], message: 'Đến ngày phải sau từ ngày' });
export const trainingCreateSchema = z
  .strictObject({
    fromDate: isoDate,
    toDate: isoDate,
    grade: z.enum(TRAINING_GRADES, { message: 'Xếp loại học tập không hợp lệ' }).nullish(),
    institution: plainText('Cơ sở đào tạo', 255).nullish(),
    goodConduct: z.boolean().default(true),
  })
  .refine((r) => r.toDate >= r.fromDate, { path: ['toDate'], message: 'Đến ngày phải sau từ ngày' });
export const disciplineCreateSchema = z
  .strictObject({
    level: z.enum(DISCIPLINE_LEVELS, { message: 'Hình thức kỷ luật không hợp lệ' }),
    decisionNumber: plainText('Số quyết định', 50),
    decisionDate: isoDate,
    fromDate: isoDate,
    toDate: isoDate.nullish(),
    reason: plainText('Lý do', 1000).nullish(),
  })
  .refine((r) => !r.toDate || r.toDate >= r.fromDate, {
    path: ['toDate'],
    message: 'Đến ngày phải sau từ ngày',
  });

export type LeaveCreateInput = z.infer<typeof leaveCreateSchema>;
export type TrainingCreateInput = z.infer<typeof trainingCreateSchema>;
export type DisciplineCreateInput = z.infer<typeof disciplineCreateSchema>;

/** "094079000123" → "••••••••0123". */
export function maskPersonalId(id: string | null): string | null {
  if (!id) return null;
  return '•'.repeat(Math.max(0, id.length - 4)) + id.slice(-4);
}
