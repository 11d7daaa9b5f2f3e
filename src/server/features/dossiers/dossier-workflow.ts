/**
 * The one way a dossier changes state, used by every feature that moves it (dossiers, disclosure, council,
 * decisions): gathers the facts the pure state machine guards on, applies it, records the event, the audit
 * row and the notification to the proposing unit, and sets the next legal deadline. Call inside the
 * caller's transaction.
 */
import { and, eq, inArray, isNull, sql } from 'drizzle-orm';

import type { DbOrTx } from '../../platform/db/database';
import { toCount } from '../../platform/db/database';
import {
  councilSessionItems,
  councilSessions,
  decisionRecipients,
  decisions,
  disclosureComments,
  disclosures,
  dossierAttachments,
  dossierEvents,
  dossierNominees,
  dossiers,
  notifications,
  units,
} from '../../platform/db/schema';
import type { Actor } from '../../platform/actor';
import type { Clock } from '../../platform/clock';
import { recordAudit } from '../../platform/audit';
import { fail, ok, type Result } from '../../platform/errors';
import { todayInVietnam } from '../../platform/dates';
import { loadWorkCalendar } from '../../platform/work-calendar';
import {
  dossierTransition,
  requiredAttachments,
  type AttachmentKind,
  type DossierAction,
  type DossierActor,
  type DossierFacts,
  type DossierStatus,
} from '../../../domain/dossiers/workflow';
import { dueOn, type AuthorityLevel } from '../../../domain/dossiers/deadlines';
import { DOSSIER_STATUS_LABELS } from '../../../shared/dossiers/dossiers.schema';
import { unitAddress, type Mailer } from '../../platform/mailer';
import type { Config } from '../../platform/config';

export type DossierRow = typeof dossiers.$inferSelect;

const ACTION_LABELS: Record<DossierAction, string> = {
  edit: 'Sửa hồ sơ',
  submit: 'Gửi hồ sơ',
  receive: 'Tiếp nhận hồ sơ',
  start_review: 'Bắt đầu thẩm định',
  return: 'Trả lại hồ sơ',
  reject: 'Không chấp thuận hồ sơ',
  disclose: 'Công khai danh sách',
  open_council: 'Trình Hội đồng',
  approve: 'Hội đồng thông qua',
  forward: 'Trình cấp trên',
  decide: 'Đã có quyết định khen thưởng',
};

/** The facts the state machine's guards read, for one dossier, as of `today`. */
export async function gatherDossierFacts(
  tx: DbOrTx,
  dossierId: string,
  today: string,
): Promise<DossierFacts> {
  const n = await tx
    .select({
      nominees: sql<number>`count(*) filter (where ${dossierNominees.excludedReason} is null)`,
      unchecked: sql<number>`count(*) filter (where ${dossierNominees.excludedReason} is null
        and ${dossierNominees.checkedAt} is null)`,
      unresolved: sql<number>`count(*) filter (where ${dossierNominees.excludedReason} is null and (
        ${dossierNominees.verdictStatus} = 'ineligible'
        or ((${dossierNominees.verdictStatus} = 'needs_review' or jsonb_array_length(${dossierNominees.flags}) > 0)
            and ${dossierNominees.acceptedReason} is null)))`,
      passed: sql<number>`count(*) filter (where ${dossierNominees.excludedReason} is null
        and ${dossierNominees.councilResult} = 'passed')`,
      unvoted: sql<number>`count(*) filter (where ${dossierNominees.excludedReason} is null
        and ${dossierNominees.councilResult} is null)`,
      codes: sql<string[]>`coalesce(array_agg(distinct ${dossierNominees.awardCode})
        filter (where ${dossierNominees.excludedReason} is null), '{}')`,
    })
    .from(dossierNominees)
    .where(eq(dossierNominees.dossierId, dossierId));
  const counts = n[0]!;
  const kinds = await tx
    .selectDistinct({ kind: dossierAttachments.kind })
    .from(dossierAttachments)
    .where(eq(dossierAttachments.dossierId, dossierId));
  const disclosure = await tx
    .select({ closesOn: disclosures.closesOn, withdrawnAt: disclosures.withdrawnAt })
    .from(disclosures)
    .where(eq(disclosures.dossierId, dossierId));
  const comments = await tx
    .select({ n: sql<number>`count(*)` })
    .from(disclosureComments)
    .where(and(eq(disclosureComments.dossierId, dossierId), isNull(disclosureComments.handledAt)));
  // Passed nominees not yet on an issued decision.
  const undecided = await tx
    .select({ n: sql<number>`count(*)` })
    .from(dossierNominees)
    .where(
      and(
        eq(dossierNominees.dossierId, dossierId),
        isNull(dossierNominees.excludedReason),
        eq(dossierNominees.councilResult, 'passed'),
        sql`not exists (select 1 from ${decisionRecipients} r join ${decisions} d on d.id = r.decision_id
          where r.nominee_id = ${dossierNominees.id} and d.status = 'issued')`,
      ),
    );
  // Every nominee's tally comes from a closed session.
  const openItems = await tx
    .select({ n: sql<number>`count(*)` })
    .from(councilSessionItems)
    .innerJoin(councilSessions, eq(councilSessions.id, councilSessionItems.sessionId))
    .innerJoin(dossierNominees, eq(dossierNominees.id, councilSessionItems.nomineeId))
    .where(and(eq(dossierNominees.dossierId, dossierId), sql`${councilSessions.status} <> 'closed'`));
  const d = disclosure[0];
  const passed = toCount(counts.passed);
  return {
    nominees: toCount(counts.nominees),
    attachmentKinds: kinds.map((k) => k.kind as AttachmentKind),
    requiredKinds: requiredAttachments(counts.codes ?? []),
    unchecked: toCount(counts.unchecked),
    unresolved: toCount(counts.unresolved),
    disclosureClosed: Boolean(d && !d.withdrawnAt && d.closesOn < today),
    unhandledComments: toCount(comments[0]?.n),
    allVoted: toCount(counts.unvoted) === 0 && toCount(openItems[0]?.n) === 0,
    passed,
    inIssuedDecision: passed > 0 && toCount(undecided[0]?.n) === 0,
  };
}

/**
 * Authority level for deadlines: the root of the unit tree (the province's People's Committee) decides at
 * province level, every unit under it at department level. Central authorities are not in the tree.
 */
export function authorityLevel(authority: { parentId: string | null } | undefined): AuthorityLevel {
  return authority && authority.parentId === null ? 'province' : 'department';
}

export interface DossierActionOptions {
  reason?: string | null;
  transmittal?: string | null;
  forwardedToUnitId?: string | null;
  /** The version the user saw; omitted when another feature moves the dossier as a consequence. */
  version?: number;
  /** Title of the in-app notification (defaults to the action's label and the dossier's code). */
  note?: string;
}

/**
 * Applies an action. Locks the dossier row, checks version and the state machine, writes the new status,
 * the deadline of the new step, the event, the audit row and a notification to the proposing unit.
 */
export async function applyDossierAction(
  tx: DbOrTx,
  clock: Clock,
  actor: Actor,
  dossierId: string,
  action: DossierAction,
  by: DossierActor,
  options: DossierActionOptions = {},
): Promise<Result<DossierRow>> {
  const [before] = await tx.select().from(dossiers).where(eq(dossiers.id, dossierId)).for('update');
  if (!before) return fail('NOT_FOUND');
  if (options.version !== undefined && before.version !== options.version) return fail('CONFLICT.VERSION');
  const today = todayInVietnam(clock);
  const facts = await gatherDossierFacts(tx, dossierId, today);
  const t = dossierTransition({
    status: before.status as DossierStatus,
    action,
    by,
    reason: options.reason ?? null,
    transmittal: options.transmittal ?? null,
    facts,
  });
  if (!t.ok) {
    const fields = t.detail ? { attachments: t.detail } : undefined;
    return fail(t.error, fields);
  }
  const now = clock();
  const [authority] = await tx
    .select({ parentId: units.parentId })
    .from(units)
    .where(eq(units.id, before.authorityUnitId));
  const changed = t.to !== before.status;
  const due = changed
    ? dueOn(authorityLevel(authority), t.to, today, await loadWorkCalendar(tx))
    : before.dueOn;
  const [after] = await tx
    .update(dossiers)
    .set({
      status: t.to,
      ...(changed ? { statusChangedAt: now, dueOn: due } : {}),
      ...(action === 'submit' ? { submittedAt: now, returnReason: null } : {}),
      ...(action === 'receive' ? { receivedAt: now } : {}),
      ...(action === 'return' ? { returnReason: options.reason!.trim() } : {}),
      ...(action === 'reject' ? { rejectReason: options.reason!.trim() } : {}),
      ...(action === 'forward'
        ? {
            transmittalNote: options.transmittal!.trim(),
            forwardedToUnitId: options.forwardedToUnitId ?? null,
          }
        : {}),
      updatedAt: now,
      version: before.version + 1,
    })
    .where(eq(dossiers.id, dossierId))
    .returning();
  await tx.insert(dossierEvents).values({
    dossierId,
    action,
    fromStatus: before.status,
    toStatus: t.to,
    reason: options.reason?.trim() || options.transmittal?.trim() || null,
    actorId: actor.id,
    at: now,
  });
  await recordAudit(
    tx,
    actor,
    {
      action: `dossier.${action}`,
      entityType: 'dossier',
      entityId: dossierId,
      before: { status: before.status, version: before.version },
      after: { status: t.to, version: after!.version, reason: options.reason ?? undefined },
    },
    clock,
  );
  if (changed) {
    await tx.insert(notifications).values({
      unitId: before.proposingUnitId,
      kind: `dossier.${action}`,
      title: options.note ?? `${ACTION_LABELS[action]}: ${before.code}`,
      body: options.reason?.trim() ?? '',
      entityType: 'dossier',
      entityId: dossierId,
    });
  }
  return ok(after!);
}

/** Dossier ids of the given nominees (for features that act on nominees, e.g. a council session). */
export async function dossierIdsOfNominees(tx: DbOrTx, nomineeIds: string[]): Promise<string[]> {
  if (nomineeIds.length === 0) return [];
  const rows = await tx
    .selectDistinct({ id: dossierNominees.dossierId })
    .from(dossierNominees)
    .where(inArray(dossierNominees.id, nomineeIds));
  return rows.map((r) => r.id);
}

/**
 * The e-mail copy of a state change, sent after the caller's transaction committed (never inside it: a
 * rolled-back step must not have mailed anyone). Goes to the unit that must act next — the authority after
 * the unit's step, the proposing unit after the department's. A failed send changes nothing: the in-app
 * notification is the record. Features that move dossiers call it after their commit when they have a
 * mailer.
 */
export async function mailDossierChange(
  db: DbOrTx,
  mailer: Mailer,
  config: Pick<Config, 'mailUnitAddress'>,
  dossier: DossierRow,
  by: DossierActor,
  reason?: string | null,
): Promise<void> {
  if (mailer.kind === 'off') return;
  const unitId = by === 'unit' ? dossier.authorityUnitId : dossier.proposingUnitId;
  const [u] = await db.select({ code: units.code }).from(units).where(eq(units.id, unitId));
  if (!u) return;
  const status = DOSSIER_STATUS_LABELS[dossier.status as DossierStatus] ?? dossier.status;
  try {
    await mailer.send({
      to: [unitAddress(config, u.code)],
      subject: `[VinhDanh] Hồ sơ ${dossier.code}: ${status}`,
      text: `Hồ sơ ${dossier.code} "${dossier.title}" chuyển sang trạng thái: ${status}.${
        reason?.trim() ? `\nLý do: ${reason.trim()}` : ''
      }`,
    });
  } catch {
    // E-mail is a courtesy copy of the in-app notification.
  }
}
