import { z, isoDate, plainText, uuid } from '../zod';

export const UNIT_KINDS = [
  'state_agency',
  'public_service',
  'division',
  'enterprise',
  'commune',
  'mass_org',
  'other',
] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

export const UNIT_KIND_LABELS: Record<UnitKind, { vi: string; en: string }> = {
  state_agency: { vi: 'Cơ quan hành chính nhà nước', en: 'State administrative agency' },
  public_service: { vi: 'Đơn vị sự nghiệp công lập', en: 'Public service unit' },
  division: { vi: 'Phòng, ban, bộ phận trực thuộc', en: 'Internal division' },
  enterprise: { vi: 'Doanh nghiệp', en: 'Enterprise' },
  commune: { vi: 'Xã, phường, thị trấn', en: 'Commune / ward' },
  mass_org: { vi: 'Tổ chức chính trị - xã hội', en: 'Mass organisation' },
  other: { vi: 'Khác', en: 'Other' },
};

const unitCode = z
  .string({ message: 'Vui lòng nhập mã đơn vị' })
  .trim()
  .toUpperCase()
  .regex(/^[A-Z0-9][A-Z0-9_.-]{1,31}$/, {
    message: 'Mã đơn vị gồm 2–32 ký tự: chữ cái không dấu, chữ số, dấu gạch ngang, gạch dưới hoặc dấu chấm',
  });

const documentSymbol = z
  .string()
  .trim()
  .regex(/^[A-ZĐ0-9-]{1,20}$/u, { message: 'Ký hiệu văn bản chỉ gồm chữ in hoa, chữ số và dấu gạch ngang' });

const unitFields = {
  code: unitCode,
  name: plainText('Tên đơn vị', 255),
  shortName: plainText('Tên viết tắt', 100).nullish(),
  kind: z.enum(UNIT_KINDS, { message: 'Loại đơn vị không hợp lệ' }),
  parentId: uuid.nullable(),
  documentSymbol: documentSymbol.nullish(),
  activeFrom: isoDate,
};

export const unitCreateSchema = z.strictObject(unitFields);
export type UnitCreateInput = z.infer<typeof unitCreateSchema>;

export const unitUpdateSchema = z.strictObject({
  ...Object.fromEntries(Object.entries(unitFields).map(([k, v]) => [k, v.optional()])),
  version: z.number().int().min(1),
} as { [K in keyof typeof unitFields]: z.ZodOptional<(typeof unitFields)[K]> } & {
  version: z.ZodNumber;
});
export type UnitUpdateInput = z.infer<typeof unitUpdateSchema>;

export const unitDeactivateSchema = z.strictObject({
  activeTo: isoDate,
  version: z.number().int().min(1),
});
export type UnitDeactivateInput = z.infer<typeof unitDeactivateSchema>;

export const unitSchema = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  shortName: z.string().nullable(),
  kind: z.enum(UNIT_KINDS),
  parentId: z.string().nullable(),
  documentSymbol: z.string().nullable(),
  isDemo: z.boolean(),
  activeFrom: z.string(),
  activeTo: z.string().nullable(),
  active: z.boolean(),
  version: z.number(),
});
export type Unit = z.infer<typeof unitSchema>;

export const unitListQuery = z.object({
  includeInactive: z
    .enum(['true', 'false'])
    .default('true')
    .transform((v) => v === 'true'),
});
