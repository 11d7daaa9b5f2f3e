import { z, isoDate, uuid, pageQuery } from '../zod';

export const auditQuery = pageQuery.extend({
  entityType: z.string().trim().max(50).optional(),
  entityId: z.string().trim().max(100).optional(),
  action: z.string().trim().max(50).optional(),
  actorId: uuid.optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
});
export type AuditQuery = z.infer<typeof auditQuery>;

export const auditEntrySchema = z.object({
  seq: z.number(),
  at: z.string(),
  requestId: z.string().nullable(),
  actorId: z.string().nullable(),
  actorName: z.string().nullable(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string().nullable(),
  before: z.unknown(),
  after: z.unknown(),
  hash: z.string(),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;

export const auditVerifySchema = z.object({
  ok: z.boolean(),
  checked: z.number(),
  firstBrokenSeq: z.number().nullable(),
  reason: z.string().nullable(),
});
export type AuditVerifyResult = z.infer<typeof auditVerifySchema>;
