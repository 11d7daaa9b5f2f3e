import { and, desc, eq, gte, lt, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/database';
import { auditLog } from '../../platform/db/schema';
import type { AuditQuery } from '../../../shared/audit/audit.schema';

export const auditRepository = {
  async page(db: DbOrTx, q: AuditQuery) {
    // Dates are Vietnamese calendar days: [from 00:00, to+1 00:00) at UTC+7.
    const condition = and(
      q.entityType ? eq(auditLog.entityType, q.entityType) : undefined,
      q.entityId ? eq(auditLog.entityId, q.entityId) : undefined,
      q.action ? sql`${auditLog.action} like ${q.action.replace(/[%_\\]/g, '\\$&') + '%'}` : undefined,
      q.actorId ? eq(auditLog.actorId, q.actorId) : undefined,
      q.from ? gte(auditLog.at, new Date(`${q.from}T00:00:00+07:00`)) : undefined,
      q.to ? lt(auditLog.at, new Date(new Date(`${q.to}T00:00:00+07:00`).getTime() + 86_400_000)) : undefined,
    );
    const [rows, total] = await Promise.all([
      db
        .select()
        .from(auditLog)
        .where(condition)
        .orderBy(desc(auditLog.seq))
        .limit(q.pageSize)
        .offset((q.page - 1) * q.pageSize),
      db
        .select({ n: sql<number>`count(*)`.mapWith(Number) })
        .from(auditLog)
        .where(condition),
    ]);
    return { rows, total: total[0]?.n ?? 0 };
  },

  async distinctEntityTypes(db: DbOrTx): Promise<string[]> {
    const rows = await db
      .selectDistinct({ t: auditLog.entityType })
      .from(auditLog)
      .orderBy(auditLog.entityType);
    return rows.map((r) => r.t);
  },
};
