/** Title registration (đăng ký thi đua): the unit's form and the department's list share these schemas. */
import { REGISTRATION_STATUSES } from '../../domain/movements/registration';
import { AWARD_CODE_LIST, AWARD_CODES, type AwardCode } from '../registry/catalog';
import { z, uuid } from '../zod';

export { REGISTRATION_STATUSES };
export type { RegistrationStatus } from '../../domain/movements/registration';

export const REGISTRATION_STATUS_LABELS: Record<(typeof REGISTRATION_STATUSES)[number], string> = {
  draft: 'Đang soạn',
  submitted: 'Đã gửi',
  returned: 'Bị trả lại',
  approved: 'Đã duyệt',
};

export const REGISTRATION_RECIPIENTS = ['collective', 'individual'] as const;

export const registrationItemInput = z
  .strictObject({
    recipientKind: z.enum(REGISTRATION_RECIPIENTS, { message: 'Chọn tập thể hoặc cá nhân' }),
    personId: uuid.nullable().default(null),
    awardCode: z.enum(AWARD_CODE_LIST as [AwardCode, ...AwardCode[]], {
      message: 'Danh hiệu, hình thức không hợp lệ',
    }),
    note: z.string().trim().max(1000, { message: 'Ghi chú tối đa 1000 ký tự' }).default(''),
  })
  .superRefine((item, ctx) => {
    if (item.recipientKind === 'individual' && !item.personId)
      ctx.addIssue({ code: 'custom', path: ['personId'], message: 'Chọn cá nhân đăng ký' });
    if (item.recipientKind === 'collective' && item.personId)
      ctx.addIssue({ code: 'custom', path: ['personId'], message: 'Đăng ký tập thể không kèm cá nhân' });
    const recipients = AWARD_CODES[item.awardCode].recipients as readonly string[];
    if (!recipients.includes(item.recipientKind))
      ctx.addIssue({
        code: 'custom',
        path: ['awardCode'],
        message: `${AWARD_CODES[item.awardCode].label} không dành cho ${item.recipientKind === 'individual' ? 'cá nhân' : 'tập thể'}`,
      });
  });
export type RegistrationItemInput = z.input<typeof registrationItemInput>;

const items = z.array(registrationItemInput).max(2000, { message: 'Tối đa 2000 dòng' });

export const registrationCreateInput = z.strictObject({
  year: z.number().int().min(2000).max(2100),
  /** Defaults to the caller's unit. */
  unitId: uuid.optional(),
  note: z.string().trim().max(5000).default(''),
  items: items.default([]),
});
export type RegistrationCreateInput = z.input<typeof registrationCreateInput>;

export const registrationUpdateInput = z.strictObject({
  note: z.string().trim().max(5000).default(''),
  items,
  version: z.number().int().positive(),
});
export type RegistrationUpdateInput = z.input<typeof registrationUpdateInput>;

export const registrationReturnInput = z.strictObject({
  reason: z
    .string()
    .trim()
    .min(1, { message: 'Vui lòng nêu lý do trả lại' })
    .max(2000, { message: 'Lý do tối đa 2000 ký tự' }),
  version: z.number().int().positive(),
});

export const registrationForwardInput = z.strictObject({
  year: z.number().int().min(2000).max(2100),
});

export const registrationListQuery = z.object({
  year: z.coerce.number().int().min(2000).max(2100),
  status: z.enum(REGISTRATION_STATUSES).optional(),
});

export const registrationItemSchema = z.object({
  id: z.string(),
  recipientKind: z.enum(REGISTRATION_RECIPIENTS),
  personId: z.string().nullable(),
  personCode: z.string().nullable(),
  personName: z.string().nullable(),
  awardCode: z.string(),
  note: z.string(),
});
export type RegistrationItem = z.infer<typeof registrationItemSchema>;

export const registrationSummarySchema = z.object({
  id: z.string(),
  unitId: z.string(),
  unitCode: z.string(),
  unitName: z.string(),
  year: z.number(),
  status: z.enum(REGISTRATION_STATUSES),
  returnReason: z.string().nullable(),
  forwarded: z.boolean(),
  submittedAt: z.string().nullable(),
  collectiveCount: z.number(),
  individualCount: z.number(),
  version: z.number(),
});
export type RegistrationSummary = z.infer<typeof registrationSummarySchema>;

export const registrationDetailSchema = registrationSummarySchema.extend({
  note: z.string(),
  items: z.array(registrationItemSchema),
});
export type RegistrationDetail = z.infer<typeof registrationDetailSchema>;

export const registrationAggregateSchema = z.object({
  year: z.number(),
  byStatus: z.record(z.string(), z.number()),
  /** Submitted and approved lists, per award code and recipient kind. */
  byAward: z.array(
    z.object({ awardCode: z.string(), recipientKind: z.enum(REGISTRATION_RECIPIENTS), count: z.number() }),
  ),
  forwardable: z.number(),
  forwarded: z.number(),
});
export type RegistrationAggregate = z.infer<typeof registrationAggregateSchema>;

export const forwardResultSchema = z.object({ forwarded: z.number() });
