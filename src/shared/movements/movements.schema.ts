/** Movements (phong trào thi đua): the forms and the API share these schemas. */
import { INDICATOR_KINDS } from '../../domain/movements/indicators';
import { z, isoDate, plainText, uuid } from '../zod';

export { INDICATOR_KINDS };
export type { IndicatorKind } from '../../domain/movements/indicators';

export const MOVEMENT_KINDS = ['regular', 'thematic'] as const;
export type MovementKind = (typeof MOVEMENT_KINDS)[number];
export const MOVEMENT_KIND_LABELS: Record<MovementKind, string> = {
  regular: 'Thường xuyên',
  thematic: 'Chuyên đề',
};

export const MOVEMENT_STATUSES = ['draft', 'launched', 'closed'] as const;
export type MovementStatus = (typeof MOVEMENT_STATUSES)[number];
export const MOVEMENT_STATUS_LABELS: Record<MovementStatus, string> = {
  draft: 'Dự thảo',
  launched: 'Đã phát động',
  closed: 'Đã kết thúc',
};

export const TARGET_KINDS = ['block', 'subtree', 'list'] as const;
export type TargetKind = (typeof TARGET_KINDS)[number];
export const TARGET_KIND_LABELS: Record<TargetKind, string> = {
  block: 'Một khối thi đua',
  subtree: 'Một đơn vị và các đơn vị trực thuộc',
  list: 'Danh sách đơn vị',
};

export const INDICATOR_KIND_LABELS: Record<(typeof INDICATOR_KINDS)[number], string> = {
  count: 'Số lượng',
  money: 'Số tiền (đồng)',
  percent: 'Tỷ lệ (%)',
  boolean: 'Có/không',
};

export const indicatorInput = z.strictObject({
  code: z
    .string()
    .trim()
    .regex(/^[a-z][a-z0-9_]{0,39}$/, {
      message: 'Mã chỉ tiêu: chữ thường không dấu, số, gạch dưới (tối đa 40)',
    }),
  label: plainText('Tên chỉ tiêu', 300),
  kind: z.enum(INDICATOR_KINDS, { message: 'Loại chỉ tiêu không hợp lệ' }),
  // Stored as a whole number (bigint column): counts, đồng, whole percentages.
  target: z
    .number()
    .int({ message: 'Mục tiêu phải là số nguyên' })
    .nonnegative({ message: 'Mục tiêu không được âm' })
    .max(Number.MAX_SAFE_INTEGER)
    .nullable()
    .default(null),
});
export type IndicatorInput = z.infer<typeof indicatorInput>;

const longText = (label: string) =>
  z
    .string()
    .trim()
    .max(20_000, { message: `${label} tối đa 20.000 ký tự` })
    .default('');

export const movementInput = z
  .strictObject({
    name: plainText('Tên phong trào', 500),
    kind: z.enum(MOVEMENT_KINDS, { message: 'Loại phong trào không hợp lệ' }),
    year: z.number().int().min(2000).max(2100),
    launchingUnitId: uuid,
    periodFrom: isoDate,
    periodTo: isoDate,
    targetKind: z.enum(TARGET_KINDS, { message: 'Đối tượng không hợp lệ' }),
    targetBlockId: uuid.nullable().default(null),
    targetRootUnitId: uuid.nullable().default(null),
    targetUnitIds: z.array(uuid).max(2000).default([]),
    goals: longText('Mục tiêu'),
    criteria: longText('Tiêu chí'),
    directives: longText('Văn bản chỉ đạo'),
    indicators: z.array(indicatorInput).max(50).default([]),
  })
  .superRefine((m, ctx) => {
    if (m.periodTo < m.periodFrom)
      ctx.addIssue({ code: 'custom', path: ['periodTo'], message: 'Ngày kết thúc phải sau ngày bắt đầu' });
    if (m.targetKind === 'block' && !m.targetBlockId)
      ctx.addIssue({ code: 'custom', path: ['targetBlockId'], message: 'Chọn khối thi đua' });
    if (m.targetKind === 'subtree' && !m.targetRootUnitId)
      ctx.addIssue({ code: 'custom', path: ['targetRootUnitId'], message: 'Chọn đơn vị' });
    if (m.targetKind === 'list' && m.targetUnitIds.length === 0)
      ctx.addIssue({ code: 'custom', path: ['targetUnitIds'], message: 'Chọn ít nhất một đơn vị' });
    const seen = new Set<string>();
    m.indicators.forEach((i, n) => {
      if (seen.has(i.code))
        ctx.addIssue({ code: 'custom', path: ['indicators', n, 'code'], message: 'Mã chỉ tiêu bị trùng' });
      seen.add(i.code);
      if (i.kind === 'percent' && i.target !== null && i.target > 100)
        ctx.addIssue({ code: 'custom', path: ['indicators', n, 'target'], message: 'Tỷ lệ tối đa 100%' });
    });
  });
export type MovementInput = z.input<typeof movementInput>;
export type MovementParsed = z.infer<typeof movementInput>;

export const movementUpdateInput = z.strictObject({
  movement: movementInput,
  version: z.number().int().positive(),
});

export const versionInput = z.strictObject({ version: z.number().int().positive() });

export const indicatorValue = z.union([z.number(), z.boolean()]);

export const resultInput = z.strictObject({
  summary: z.string().trim().max(20_000, { message: 'Kết quả tối đa 20.000 ký tự' }).default(''),
  /** Checked against the indicator kinds by the service (a value of the wrong kind is refused by field). */
  values: z.record(z.string(), z.unknown()).default({}),
  /** The version read; null when the unit reports for the first time. */
  version: z.number().int().positive().nullable(),
});
export type ResultInput = z.input<typeof resultInput>;

export const movementListQuery = z.object({
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  status: z.enum(MOVEMENT_STATUSES).optional(),
});

const indicatorSchema = z.object({
  id: z.string(),
  code: z.string(),
  label: z.string(),
  kind: z.enum(INDICATOR_KINDS),
  target: z.number().nullable(),
});

export const movementSummarySchema = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.enum(MOVEMENT_KINDS),
  year: z.number(),
  launchingUnitId: z.string(),
  launchingUnitName: z.string(),
  periodFrom: z.string(),
  periodTo: z.string(),
  status: z.enum(MOVEMENT_STATUSES),
  targetCount: z.number(),
  reportedCount: z.number(),
  version: z.number(),
});
export type MovementSummary = z.infer<typeof movementSummarySchema>;

export const unitResultSchema = z.object({
  id: z.string(),
  unitId: z.string(),
  unitCode: z.string(),
  unitName: z.string(),
  summary: z.string(),
  values: z.record(z.string(), indicatorValue),
  updatedAt: z.string(),
  version: z.number(),
});
export type UnitResult = z.infer<typeof unitResultSchema>;

export const movementDetailSchema = movementSummarySchema.extend({
  targetKind: z.enum(TARGET_KINDS),
  targetBlockId: z.string().nullable(),
  targetRootUnitId: z.string().nullable(),
  targetUnitIds: z.array(z.string()),
  goals: z.string(),
  criteria: z.string(),
  directives: z.string(),
  launchedAt: z.string().nullable(),
  indicators: z.array(indicatorSchema),
  targets: z.array(z.object({ unitId: z.string(), unitCode: z.string(), unitName: z.string() })),
  results: z.array(unitResultSchema),
});
export type MovementDetail = z.infer<typeof movementDetailSchema>;

export const indicatorAggregateSchema = z.object({
  code: z.string(),
  label: z.string(),
  kind: z.enum(INDICATOR_KINDS),
  units: z.number(),
  reported: z.number(),
  value: z.number(),
  met: z.number().nullable(),
  metShare: z.number().nullable(),
});
export type IndicatorAggregateView = z.infer<typeof indicatorAggregateSchema>;

export const movementAggregateSchema = z.object({
  movementId: z.string(),
  groups: z.array(
    z.object({
      key: z.string(),
      label: z.string(),
      scope: z.enum(['block', 'department']),
      units: z.number(),
      reportedUnits: z.number(),
      indicators: z.array(indicatorAggregateSchema),
    }),
  ),
});
export type MovementAggregate = z.infer<typeof movementAggregateSchema>;

export const notificationSchema = z.object({
  id: z.string(),
  kind: z.string(),
  title: z.string(),
  body: z.string(),
  entityType: z.string().nullable(),
  entityId: z.string().nullable(),
  createdAt: z.string(),
});
export type NotificationView = z.infer<typeof notificationSchema>;

/** `30.000.000 đồng`; percentages with a comma; yes/no as Có/Không. */
export function formatIndicatorValue(
  kind: (typeof INDICATOR_KINDS)[number],
  v: number | boolean | undefined,
) {
  if (v === undefined) return '';
  if (kind === 'boolean') return v === true ? 'Có' : 'Không';
  const n = typeof v === 'number' ? v : Number(v);
  const s = n.toLocaleString('vi-VN', { maximumFractionDigits: 2 });
  if (kind === 'money') return `${s} đồng`;
  if (kind === 'percent') return `${s}%`;
  return s;
}
