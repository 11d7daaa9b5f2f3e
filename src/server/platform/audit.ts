/**
 * The audit log: append-only and hash-chained. Each row's hash covers its own content and the previous
 * row's hash, so changing or deleting any row breaks the chain at that point. Rows are written inside the
 * caller's transaction, under a transaction-scoped advisory lock so that concurrent writers (several
 * processes on one PostgreSQL) still form one chain.
 */
import { createHash } from 'node:crypto';
import { asc, gt, sql } from 'drizzle-orm';
import type { DbOrTx } from './db/database';
import { auditLog } from './db/schema';
import type { Actor } from './actor';
import type { Clock } from './clock';

export const GENESIS_HASH = '0'.repeat(64);
const AUDIT_LOCK_KEY = 7362002;

export interface AuditEvent {
  action: string;
  entityType: string;
  entityId?: string | null;
  before?: unknown;
  after?: unknown;
}

/** JSON with keys sorted at every level: jsonb does not keep key order, so the hash must not depend on it. */
export function canonicalJson(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value))
    return `[${value.map((v) => canonicalJson(v === undefined ? null : v)).join(',')}]`;
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** Plain JSON (dates as ISO strings), as it will read back from jsonb. */
function plain(value: unknown): unknown {
  return value === undefined ? null : JSON.parse(JSON.stringify(value));
}

/** Fields never written to the log. */
const SECRET_KEYS = new Set(['passwordHash', 'password', 'csrfToken']);
function redact(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redact);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>).map(([k, v]) => [
        k,
        SECRET_KEYS.has(k) ? '[ẩn]' : redact(v),
      ]),
    );
  }
  return value;
}

export interface HashedFields {
  seq: number;
  at: string;
  requestId: string | null;
  actorId: string | null;
  actorName: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  before: unknown;
  after: unknown;
  prevHash: string;
}

export function hashRow(fields: HashedFields): string {
  return createHash('sha256').update(canonicalJson(fields)).digest('hex');
}

export async function recordAudit(tx: DbOrTx, actor: Actor, event: AuditEvent, clock: Clock): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(${AUDIT_LOCK_KEY})`);
  const last = await tx
    .select({ hash: auditLog.hash })
    .from(auditLog)
    .orderBy(sql`${auditLog.seq} desc`)
    .limit(1);
  const seqRows = (await tx.execute(
    sql`select nextval(pg_get_serial_sequence('audit_log', 'seq')) as seq`,
  )) as unknown as { rows: { seq: string | number }[] };
  const seq = Number(seqRows.rows[0]!.seq);
  // Millisecond precision: what JavaScript dates carry, so the value reads back identically.
  const at = new Date(Math.floor(clock().getTime()));
  const fields: HashedFields = {
    seq,
    at: at.toISOString(),
    requestId: actor.requestId,
    actorId: actor.id,
    actorName: actor.username,
    action: event.action,
    entityType: event.entityType,
    entityId: event.entityId ?? null,
    before: plain(redact(event.before)),
    after: plain(redact(event.after)),
    prevHash: last[0]?.hash ?? GENESIS_HASH,
  };
  await tx.insert(auditLog).values({
    ...fields,
    at,
    before: fields.before,
    after: fields.after,
    hash: hashRow(fields),
  });
}

export interface VerifyResult {
  ok: boolean;
  checked: number;
  firstBrokenSeq: number | null;
  reason: string | null;
}

/** Walks the whole chain in seq order, in batches. */
export async function verifyAuditChain(db: DbOrTx, batchSize = 2000): Promise<VerifyResult> {
  let prevHash = GENESIS_HASH;
  let lastSeq = 0;
  let checked = 0;
  for (;;) {
    const rows = await db
      .select()
      .from(auditLog)
      .where(gt(auditLog.seq, lastSeq))
      .orderBy(asc(auditLog.seq))
      .limit(batchSize);
    if (rows.length === 0) break;
    for (const row of rows) {
      const seq = Number(row.seq);
      if (row.prevHash !== prevHash) {
        return {
          ok: false,
          checked,
          firstBrokenSeq: seq,
          reason: `Dòng ${seq}: mã băm dòng trước không khớp (có dòng bị xóa, chèn hoặc sửa trước dòng này).`,
        };
      }
      const expected = hashRow({
        seq,
        at: row.at.toISOString(),
        requestId: row.requestId,
        actorId: row.actorId,
        actorName: row.actorName,
        action: row.action,
        entityType: row.entityType,
        entityId: row.entityId,
        before: row.before ?? null,
        after: row.after ?? null,
        prevHash: row.prevHash,
      });
      if (expected !== row.hash) {
        return {
          ok: false,
          checked,
          firstBrokenSeq: seq,
          reason: `Dòng ${seq}: nội dung đã bị thay đổi sau khi ghi (mã băm không khớp).`,
        };
      }
      prevHash = row.hash;
      lastSeq = seq;
      checked++;
    }
  }
  return { ok: true, checked, firstBrokenSeq: null, reason: null };
}
