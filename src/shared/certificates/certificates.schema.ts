/**
 * Certificate templates (Giấy khen, Bằng khen) and printing: the template editor and the API share these
 * schemas. Positions are millimetres from the sheet's top-left corner; sizes are points.
 */
import { z, uuid } from '../zod';
import {
  CERTIFICATE_FIELDS,
  CERTIFICATE_FIELD_LABELS,
  PAPER_SIZES_MM,
  type CertificateLayout,
} from '../../domain/certificates/layout';
import { AWARD_CODES } from '../registry/catalog';

export { CERTIFICATE_FIELDS, CERTIFICATE_FIELD_LABELS };
export type { CertificateLayout };

const mm = (label: string, min: number, max: number) =>
  z
    .number({ message: `${label} phải là số (mm)` })
    .min(min, { message: `${label} phải từ ${min} mm` })
    .max(max, { message: `${label} tối đa ${max} mm` });

const fontSize = (label: string) =>
  z
    .number({ message: `${label} phải là số (pt)` })
    .min(4, { message: `${label} tối thiểu 4 pt` })
    .max(96, { message: `${label} tối đa 96 pt` });

export const fieldLayoutSchema = z
  .strictObject({
    enabled: z.boolean(),
    x: mm('Vị trí ngang', 0, 420),
    y: mm('Vị trí dọc', 0, 420),
    width: mm('Độ rộng tối đa', 5, 420),
    fontSize: fontSize('Cỡ chữ'),
    minFontSize: fontSize('Cỡ chữ nhỏ nhất'),
    align: z.enum(['left', 'center', 'right'], { message: 'Căn lề: trái, giữa hoặc phải' }),
    bold: z.boolean(),
    italic: z.boolean(),
    uppercase: z.boolean(),
    maxLines: z
      .number({ message: 'Số dòng tối đa phải là số' })
      .int({ message: 'Số dòng tối đa phải là số nguyên' })
      .min(1, { message: 'Số dòng tối đa từ 1' })
      .max(6, { message: 'Số dòng tối đa không quá 6' }),
  })
  .refine((f) => f.minFontSize <= f.fontSize, {
    message: 'Cỡ chữ nhỏ nhất không được lớn hơn cỡ chữ',
    path: ['minFontSize'],
  });

export const layoutSchema = z
  .strictObject({
    page: z.strictObject({
      size: z.enum(Object.keys(PAPER_SIZES_MM) as ['A4', 'A3'], { message: 'Khổ giấy: A4 hoặc A3' }),
      orientation: z.enum(['portrait', 'landscape'], { message: 'Hướng giấy: dọc hoặc ngang' }),
    }),
    offset: z.strictObject({ x: mm('Độ lệch ngang', -50, 50), y: mm('Độ lệch dọc', -50, 50) }),
    fields: z.strictObject(
      Object.fromEntries(CERTIFICATE_FIELDS.map((f) => [f, fieldLayoutSchema])) as Record<
        (typeof CERTIFICATE_FIELDS)[number],
        typeof fieldLayoutSchema
      >,
    ),
  })
  .superRefine((l, ctx) => {
    // A box must start on the sheet and not run off its right edge.
    const s = PAPER_SIZES_MM[l.page.size];
    const w = l.page.orientation === 'landscape' ? s.height : s.width;
    const h = l.page.orientation === 'landscape' ? s.width : s.height;
    for (const key of CERTIFICATE_FIELDS) {
      const f = l.fields[key];
      if (f.x + f.width > w)
        ctx.addIssue({
          code: 'custom',
          path: ['fields', key, 'width'],
          message: `${CERTIFICATE_FIELD_LABELS[key]}: vượt mép phải của tờ giấy (rộng ${w} mm)`,
        });
      if (f.y > h)
        ctx.addIssue({
          code: 'custom',
          path: ['fields', key, 'y'],
          message: `${CERTIFICATE_FIELD_LABELS[key]}: nằm ngoài tờ giấy (cao ${h} mm)`,
        });
    }
  });

const FORM_CODES = Object.entries(AWARD_CODES)
  .filter(([, v]) => v.kind === 'form')
  .map(([k]) => k);

export const templateInput = z.strictObject({
  code: z
    .string()
    .trim()
    .regex(/^[A-Z0-9][A-Z0-9_-]{1,39}$/, {
      message: 'Mã mẫu gồm 2–40 chữ in hoa không dấu, số, gạch ngang hoặc gạch dưới',
    }),
  name: z
    .string()
    .trim()
    .min(1, { message: 'Tên mẫu không được để trống' })
    .max(200, { message: 'Tên mẫu tối đa 200 ký tự' }),
  awardCodes: z
    .array(
      z.string().refine((c) => FORM_CODES.includes(c), { message: 'Hình thức khen thưởng không hợp lệ' }),
    )
    .min(1, { message: 'Chọn ít nhất một hình thức khen thưởng' })
    .max(20),
  layout: layoutSchema,
});
export type TemplateInput = z.input<typeof templateInput>;

export const templateUpdate = templateInput.extend({ version: z.number().int().min(1) });
export type TemplateUpdate = z.input<typeof templateUpdate>;

export const templateSchema = z.object({
  id: uuid,
  code: z.string(),
  name: z.string(),
  awardCodes: z.array(z.string()),
  layout: layoutSchema,
  version: z.number(),
});
export type CertificateTemplate = z.infer<typeof templateSchema>;

export const printQuery = z.strictObject({
  /** A template for every recipient; default: the template of each recipient's award code. */
  templateId: uuid.optional(),
  /** Only this recipient line of the decision. */
  recipientId: uuid.optional(),
  /** Put the calibration page (mm grid and crosshairs) first. */
  calibration: z
    .enum(['true', 'false', '1', '0'])
    .optional()
    .transform((v) => v === 'true' || v === '1'),
});

export const printableDecisionSchema = z.object({
  id: uuid,
  number: z.string(),
  decidedOn: z.string(),
  summary: z.string(),
  issuerName: z.string(),
  recipients: z.array(
    z.object({
      id: uuid,
      displayName: z.string(),
      displayDetail: z.string(),
      awardCode: z.string(),
      recipientKind: z.string(),
      templateCode: z.string().nullable(),
      /** Fields that do not fit their box even at the smallest size (printed whole, but check the layout). */
      overflow: z.array(z.enum(CERTIFICATE_FIELDS)),
    }),
  ),
});
export type PrintableDecision = z.infer<typeof printableDecisionSchema>;

export const printableListSchema = z.array(
  z.object({
    id: uuid,
    number: z.string(),
    decidedOn: z.string(),
    summary: z.string(),
    issuerName: z.string(),
    recipients: z.number(),
    printable: z.number(),
  }),
);
export type PrintableList = z.infer<typeof printableListSchema>;
