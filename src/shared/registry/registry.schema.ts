import { z, uuid, pageQuery, isoDate, plainText } from '../zod';
import { DATASET_ORDER } from './dataset.schema';

export const datasetKindSchema = z.enum(DATASET_ORDER as [string, ...string[]], {
  message: 'Loại dữ liệu không hợp lệ',
});

export const recordFilterQuery = z.object({
  q: z.string().trim().max(100).optional(),
  year: z.coerce.number().int().min(1945).max(2100).optional(),
  unitId: uuid.optional(),
  awardCode: z.string().max(30).optional(),
  recipientKind: z.string().max(30).optional(),
  track: z.string().max(30).optional(),
  rating: z.string().max(10).optional(),
  level: z.string().max(30).optional(),
  sex: z.enum(['male', 'female']).optional(),
  isLeader: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
});
export const recordListQuery = pageQuery.merge(recordFilterQuery);
export type RecordListQuery = z.infer<typeof recordListQuery>;

export const importQuery = z.object({
  /** A record kind (one sheet), `workbook` (a sheet per kind) or `dataset` (JSON). */
  target: z.union([datasetKindSchema, z.literal('workbook'), z.literal('dataset')]),
  mode: z.enum(['preview', 'commit']).default('preview'),
});

export const successionCreateSchema = z
  .strictObject({
    predecessorId: uuid,
    successorId: uuid,
    effectiveDate: isoDate,
    note: plainText('Ghi chú', 500).nullish(),
  })
  .refine((s) => s.predecessorId !== s.successorId, {
    path: ['successorId'],
    message: 'Đơn vị không thể kế thừa chính nó',
  });
export type SuccessionCreateInput = z.infer<typeof successionCreateSchema>;

export const lineageSchema = z.object({
  predecessors: z.array(
    z.object({
      unitId: z.string(),
      code: z.string(),
      name: z.string(),
      effectiveDate: z.string(),
      depth: z.number(),
    }),
  ),
  successors: z.array(
    z.object({
      unitId: z.string(),
      code: z.string(),
      name: z.string(),
      effectiveDate: z.string(),
      depth: z.number(),
    }),
  ),
});
export type Lineage = z.infer<typeof lineageSchema>;

export const blockSaveSchema = z
  .strictObject({
    year: z.number().int().min(1945).max(2100),
    name: plainText('Tên khối', 255),
    organizerUnitId: uuid,
    leadUnitId: uuid.nullable(),
    deputyUnitId: uuid.nullable(),
    memberUnitIds: z.array(uuid).min(1, { message: 'Khối phải có ít nhất một thành viên' }),
    version: z.number().int().min(1).optional(),
  })
  .refine((b) => !b.leadUnitId || b.memberUnitIds.includes(b.leadUnitId), {
    path: ['leadUnitId'],
    message: 'Khối trưởng phải là thành viên của khối',
  })
  .refine((b) => !b.deputyUnitId || b.memberUnitIds.includes(b.deputyUnitId), {
    path: ['deputyUnitId'],
    message: 'Khối phó phải là thành viên của khối',
  })
  .refine((b) => !b.leadUnitId || b.leadUnitId !== b.deputyUnitId, {
    path: ['deputyUnitId'],
    message: 'Khối phó phải khác Khối trưởng',
  });
export type BlockSaveInput = z.infer<typeof blockSaveSchema>;

export const blockSchema = z.object({
  id: z.string(),
  year: z.number(),
  name: z.string(),
  organizerUnitId: z.string(),
  organizerName: z.string(),
  leadUnitId: z.string().nullable(),
  deputyUnitId: z.string().nullable(),
  members: z.array(z.object({ unitId: z.string(), code: z.string(), name: z.string() })),
  version: z.number(),
});
export type Block = z.infer<typeof blockSchema>;
