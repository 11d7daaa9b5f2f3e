/**
 * Nomination dossiers (hồ sơ đề nghị khen thưởng): a unit drafts a dossier with its nominees and files and
 * submits it; the department receives it, runs the checks (eligibility verdicts, quotas, duplicates and
 * repeats, initiatives, discipline), accepts or excludes flagged nominees with a written reason, and moves
 * it on. Status changes go through `applyDossierAction` only; every other write is audited here, in one
 * transaction, after the scope check (a unit sees only dossiers proposed by its own unit subtree).
 */
import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Database, DbOrTx } from '../../platform/db/database';
import type { Clock } from '../../platform/clock';
import type { Actor } from '../../platform/actor';
import type { Config } from '../../platform/config';
import { recordAudit } from '../../platform/audit';
import { fail, ok, type Result } from '../../platform/errors';
import { todayInVietnam } from '../../platform/dates';
import { loadWorkCalendar } from '../../platform/work-calendar';
import type { Mailer } from '../../platform/mailer';
import { isUniqueViolation } from '../../platform/pg-errors';
import { holidays, notifications } from '../../platform/db/schema';
import { foldVietnamese } from '../../../shared/vietnamese';
import {
  DOSSIER_TRANSITIONS,
  EDITABLE_STATUSES,
  requiredAttachments,
  type AttachmentKind,
  type DossierAction,
  type DossierStatus,
} from '../../../domain/dossiers/workflow';
import { deadlineRule, deadlineState, type WorkCalendar } from '../../../domain/dossiers/deadlines';
import { nomineeFlags, type Flag } from '../../../domain/dossiers/checks';
import { quotaUse } from '../../../domain/rules/quota';
import { AWARD_CODES, type AwardCode, type AwardTrack } from '../../../shared/registry/catalog';
import type {
  AttachmentView,
  DossierCreateInput,
  DossierDetail,
  DossierEvent,
  DossierListQuery,
  DossierSummary,
  DossierUpdateInput,
  FromSuggestionsInput,
  NomineeParsed,
  NomineeView,
} from '../../../shared/dossiers/dossiers.schema';
import type { HolidayInput, Holiday } from '../../../shared/dossiers/holidays.schema';
import type { NotificationList } from '../../../shared/dossiers/notifications.schema';
import type { VerdictDto } from '../../../shared/eligibility/eligibility.schema';
import type { EligibilityService } from '../eligibility/eligibility.service';
import { unitsRepository } from '../units/units.repository';
import { applyDossierAction, authorityLevel, mailDossierChange } from './dossier-workflow';
import { dossiersRepository as repo, type ListedDossier, type NomineeInsert } from './dossiers.repository';
import { MIME, sniffFile, type FileStore, MAX_ATTACHMENT_BYTES } from '../../platform/files';

export interface DossierViewer {
  actor: Actor;
  /** `own`: the actor's unit subtree only (unit officers); `any`: every dossier (the department). */
  scope: 'any' | 'own';
}

type NomineeListed = Awaited<ReturnType<typeof repo.nominees>>[number];

const NO_UNIT = '00000000-0000-0000-0000-000000000000';
const REVIEWABLE: readonly DossierStatus[] = ['submitted', 'received', 'under_review'];

export interface DossierDeps {
  database: Database;
  clock: Clock;
  config: Pick<Config, 'mailUnitAddress'>;
  mailer: Mailer;
  files: FileStore;
  eligibility: EligibilityService;
}

function toNominee(x: NomineeListed): NomineeView {
  const n = x.n;
  return {
    id: n.id,
    recipientKind: n.recipientKind as NomineeView['recipientKind'],
    personId: n.personId,
    unitId: n.unitId,
    householdName: n.householdName,
    householdAddress: n.householdAddress,
    code: x.personCode ?? x.unitCode ?? null,
    name: x.personName ?? x.unitName ?? n.householdName ?? '',
    awardCode: n.awardCode as AwardCode,
    year: n.year,
    achievementSummary: n.achievementSummary,
    initiativeId: n.initiativeId,
    verdictStatus: n.verdictStatus as NomineeView['verdictStatus'],
    verdict: (n.verdict as VerdictDto | null) ?? null,
    flags: (n.flags as Flag[]) ?? [],
    checkedAt: n.checkedAt?.toISOString() ?? null,
    acceptedReason: n.acceptedReason,
    excludedReason: n.excludedReason,
    councilResult: n.councilResult,
  };
}

/**
 * Builds nominee rows: checks recipients exist, people/collectives belong to the proposing unit's subtree
 * (or are among `alsoUnits`: the members of a block its lead proposes for, outside the lead's own subtree).
 */
async function nomineeRows(
  tx: DbOrTx,
  d: { id: string; year: number; proposingUnitId: string },
  input: NomineeParsed[],
  alsoUnits: ReadonlySet<string> = new Set(),
): Promise<Result<NomineeInsert[]>> {
  const fields: Record<string, string> = {};
  const personIds = input.flatMap((n) => (n.personId ? [n.personId] : []));
  const unitIds = input.flatMap((n) => (n.unitId ? [n.unitId] : []));
  const ppl = new Map((await repo.peopleByIds(tx, personIds)).map((p) => [p.id, p]));
  const us = new Map((await repo.unitsByIds(tx, unitIds)).map((u) => [u.id, u]));
  const inside = await repo.inSubtree(tx, d.proposingUnitId, [
    ...unitIds,
    ...[...ppl.values()].flatMap((p) => (p.unitId ? [p.unitId] : [])),
  ]);
  const start = await repo.maxPosition(tx, d.id);
  const rows: NomineeInsert[] = [];
  input.forEach((n, i) => {
    let key: string;
    if (n.recipientKind === 'individual') {
      const p = ppl.get(n.personId!);
      if (!p) {
        fields[`${i}.personId`] = 'Không tìm thấy cá nhân';
        return;
      }
      if (!p.unitId || !inside.has(p.unitId)) {
        fields[`${i}.personId`] = `${p.fullName} không thuộc đơn vị đề nghị`;
        return;
      }
      key = `P:${p.code}`;
    } else if (n.recipientKind === 'collective') {
      const u = us.get(n.unitId!);
      if (!u) {
        fields[`${i}.unitId`] = 'Không tìm thấy tập thể';
        return;
      }
      if (!inside.has(u.id) && !alsoUnits.has(u.id)) {
        fields[`${i}.unitId`] = `${u.name} không thuộc đơn vị đề nghị`;
        return;
      }
      key = `U:${u.code}`;
    } else {
      key = `H:${foldVietnamese(n.householdName ?? '')}|${foldVietnamese(n.householdAddress ?? '')}`;
    }
    rows.push({
      dossierId: d.id,
      recipientKind: n.recipientKind,
      personId: n.recipientKind === 'individual' ? n.personId : null,
      unitId: n.recipientKind === 'collective' ? n.unitId : null,
      householdName: n.recipientKind === 'household' ? n.householdName : null,
      householdAddress: n.recipientKind === 'household' ? n.householdAddress : null,
      recipientKey: key,
      awardCode: n.awardCode,
      year: d.year,
      achievementSummary: n.achievementSummary,
      initiativeId: n.initiativeId,
      position: start + rows.length + 1,
    });
  });
  const seen = new Set<string>();
  rows.forEach((r, i) => {
    const k = `${r.recipientKey}|${r.awardCode}`;
    if (seen.has(k)) fields[`${i}.awardCode`] = 'Trùng với dòng trên (cùng người và danh hiệu)';
    seen.add(k);
  });
  if (Object.keys(fields).length) return fail('DOSSIER.NOMINEE_INVALID', fields);
  return ok(rows);
}

/** What a new draft dossier holds (the create form, or a block's proposal). */
interface DraftDossier {
  year: number;
  title: string;
  proposingUnitId: string;
  authorityUnitId: string;
  track: AwardTrack;
  movementId: string | null;
  note: string;
}

/** Inserts a draft dossier under the year's next code, with its audit row, in the caller's transaction. */
async function insertDraft(tx: DbOrTx, actor: Actor, clock: Clock, input: DraftDossier) {
  const d = await repo.insert(tx, {
    code: await repo.nextCode(tx, input.year),
    ...input,
    createdBy: actor.id,
    statusChangedAt: clock(),
    createdAt: clock(),
    updatedAt: clock(),
  });
  await recordAudit(
    tx,
    actor,
    {
      action: 'dossier.create',
      entityType: 'dossier',
      entityId: d.id,
      after: {
        code: d.code,
        year: d.year,
        title: d.title,
        track: d.track,
        proposingUnitId: d.proposingUnitId,
        authorityUnitId: d.authorityUnitId,
      },
    },
    clock,
  );
  return d;
}

/**
 * A block lead's proposal made into a nomination dossier in one step, inside the caller's transaction (the
 * scoring feature records the dossier on its result in the same one): a draft of the lead unit to the body
 * that organises the block, with the block's members as collective nominees. The caller has checked that
 * the actor leads the block and that the nominees are its members; they may sit outside the lead's subtree.
 */
export async function createProposalDossier(
  tx: DbOrTx,
  actor: Actor,
  clock: Clock,
  input: Omit<DraftDossier, 'track' | 'movementId'> & {
    nominees: { unitId: string; awardCode: AwardCode; achievementSummary: string }[];
  },
): Promise<Result<{ id: string; code: string }>> {
  const { nominees, ...draft } = input;
  const d = await insertDraft(tx, actor, clock, { ...draft, track: 'regular', movementId: null });
  const rows = await nomineeRows(
    tx,
    d,
    nominees.map((n) => ({
      recipientKind: 'collective' as const,
      personId: null,
      unitId: n.unitId,
      householdName: null,
      householdAddress: null,
      awardCode: n.awardCode,
      achievementSummary: n.achievementSummary,
      initiativeId: null,
    })),
    new Set(nominees.map((n) => n.unitId)),
  );
  if (!rows.ok) return rows;
  const inserted = await repo.insertNominees(tx, rows.value);
  await recordAudit(
    tx,
    actor,
    {
      action: 'dossier.nominee.add',
      entityType: 'dossier',
      entityId: d.id,
      after: {
        nominees: inserted.map((n) => ({ id: n.id, recipientKey: n.recipientKey, awardCode: n.awardCode })),
      },
    },
    clock,
  );
  return ok({ id: d.id, code: d.code });
}

export function createDossiersService(deps: DossierDeps) {
  const { database, clock, mailer, files, eligibility } = deps;
  const { db } = database;
  const today = () => todayInVietnam(clock);

  const scopeRoot = (v: DossierViewer) => (v.scope === 'any' ? undefined : (v.actor.unitId ?? NO_UNIT));

  async function visible(tx: DbOrTx, v: DossierViewer, id: string): Promise<ListedDossier | undefined> {
    const row = await repo.findById(tx, id);
    if (!row) return undefined;
    if (v.scope === 'any') return row;
    const root = v.actor.unitId;
    if (!root) return undefined;
    return (await repo.inSubtree(tx, root, [row.d.proposingUnitId])).size ? row : undefined;
  }

  function summary(x: ListedDossier, cal: WorkCalendar): DossierSummary {
    const status = x.d.status as DossierStatus;
    const level = authorityLevel({ parentId: x.authorityParentId });
    const ds = deadlineState(today(), x.d.dueOn, cal);
    return {
      id: x.d.id,
      code: x.d.code,
      year: x.d.year,
      title: x.d.title,
      track: x.d.track as AwardTrack,
      status,
      proposingUnitId: x.d.proposingUnitId,
      proposingUnitName: x.proposingUnitName,
      authorityUnitId: x.d.authorityUnitId,
      authorityUnitName: x.authorityUnitName,
      nomineeCount: x.nomineeCount,
      deadline: {
        dueOn: x.d.dueOn,
        state: ds.state,
        left: ds.left,
        task: x.d.dueOn ? (deadlineRule(level, status)?.task ?? null) : null,
      },
      returnReason: x.d.returnReason,
      updatedAt: x.d.updatedAt.toISOString(),
      version: x.d.version,
    };
  }

  async function audit(
    tx: DbOrTx,
    actor: Actor,
    action: string,
    id: string,
    before?: unknown,
    after?: unknown,
  ) {
    await recordAudit(tx, actor, { action, entityType: 'dossier', entityId: id, before, after }, clock);
  }

  async function detail(tx: DbOrTx, v: DossierViewer, id: string): Promise<Result<DossierDetail>> {
    const x = await visible(tx, v, id);
    if (!x) return fail('NOT_FOUND');
    const cal = await loadWorkCalendar(tx);
    const nominees = (await repo.nominees(tx, id)).map(toNominee);
    const attachments = (await repo.attachments(tx, id)).map((a): AttachmentView => ({
      id: a.id,
      kind: a.kind as AttachmentKind,
      fileName: a.fileName,
      mimeType: a.mimeType,
      size: a.size,
      sha256: a.sha256,
      createdAt: a.createdAt.toISOString(),
    }));
    const active = nominees.filter((n) => !n.excludedReason);
    const codes = [...new Set(active.map((n) => n.awardCode))];
    // Quota lines are recomputed on read (awards may have been issued since the last check).
    const quotas = await quotaLines(x.d.year, x.d.proposingUnitId, active);
    return ok({
      ...summary(x, cal),
      movementId: x.d.movementId,
      note: x.d.note,
      rejectReason: x.d.rejectReason,
      transmittalNote: x.d.transmittalNote,
      forwardedToUnitId: x.d.forwardedToUnitId,
      nominees,
      attachments,
      requiredAttachments: requiredAttachments(codes),
      quotas,
    });
  }

  /** Quota used/allowed per title for the proposing unit, counting this dossier's nominees as used. */
  async function quotaLines(year: number, unitId: string, active: { awardCode: AwardCode }[]) {
    const r = await eligibility.quotas({ actor: systemViewerActor, scope: 'any' }, year, unitId);
    if (!r.ok) return [];
    return r.value.items
      .filter((q) => active.some((n) => n.awardCode === q.awardCode))
      .map((q) => {
        const proposed = active.filter((n) => n.awardCode === q.awardCode).length;
        const u = quotaUse(
          {
            id: q.quotaId,
            awardCode: q.awardCode,
            basisAwardCode: q.basisAwardCode,
            maxShare: q.maxShare,
            rounding: q.rounding,
            citation: { ...q.citation, verified: q.citation.verified },
          },
          q.basis,
          q.used + proposed,
        );
        return {
          awardCode: q.awardCode,
          used: u.used,
          allowed: u.allowed,
          exceeded: u.exceeded,
          detail: u.detail,
        };
      });
  }

  /** Loads the dossier for a write by the proposing unit: in scope, editable, row-locked. */
  async function forUnitWrite(tx: DbOrTx, v: DossierViewer, id: string) {
    const x = await visible(tx, v, id);
    if (!x) return fail<never>('NOT_FOUND');
    const d = await repo.lock(tx, id);
    if (!d) return fail<never>('NOT_FOUND');
    if (!EDITABLE_STATUSES.includes(d.status as DossierStatus)) return fail<never>('DOSSIER.NOT_EDITABLE');
    return ok(d);
  }

  async function insertNominees(
    v: DossierViewer,
    id: string,
    input: NomineeParsed[],
    auditAction: string,
  ): Promise<Result<NomineeView[]>> {
    try {
      return await db.transaction(async (tx) => {
        const d = await forUnitWrite(tx, v, id);
        if (!d.ok) return d;
        const rows = await nomineeRows(tx, d.value, input);
        if (!rows.ok) return rows;
        const inserted = await repo.insertNominees(tx, rows.value);
        await audit(tx, v.actor, auditAction, id, undefined, {
          nominees: inserted.map((n) => ({ id: n.id, recipientKey: n.recipientKey, awardCode: n.awardCode })),
        });
        const all = await repo.nominees(tx, id);
        const ids = new Set(inserted.map((n) => n.id));
        return ok(all.filter((x) => ids.has(x.n.id)).map(toNominee));
      });
    } catch (err) {
      if (isUniqueViolation(err)) return fail('DOSSIER.DUPLICATE_NOMINEE');
      throw err;
    }
  }

  /** Eligibility verdicts for the nominees, read before the write transaction (the engine reads in bulk). */
  async function verdictsFor(nominees: { personId: string | null; unitId: string | null; year: number }[]) {
    const viewer = { actor: systemViewerActor, scope: 'any' as const };
    const out = new Map<string, VerdictDto[]>();
    for (const n of nominees) {
      const key = n.personId ? `P:${n.personId}:${n.year}` : n.unitId ? `U:${n.unitId}:${n.year}` : null;
      if (!key || out.has(key)) continue;
      const r = n.personId
        ? await eligibility.person(viewer, n.personId, n.year)
        : await eligibility.unit(viewer, n.unitId!, n.year);
      out.set(key, r.ok ? r.value.verdicts : []);
    }
    return (n: { personId: string | null; unitId: string | null; year: number; awardCode: string }) => {
      const key = n.personId ? `P:${n.personId}:${n.year}` : n.unitId ? `U:${n.unitId}:${n.year}` : null;
      return key ? (out.get(key) ?? []).find((x) => x.awardCode === n.awardCode) : undefined;
    };
  }

  /**
   * The checks ("Kiểm tra điều kiện"): verdict with reasons, quota used/allowed and flags for every nominee
   * still in the dossier, stored on the nominee rows. Runs inside `tx` after the verdicts were read.
   */
  /** What the checks read through the eligibility engine, gathered before the write transaction. */
  async function prepareChecks(dossierId: string) {
    const x = await repo.findById(db, dossierId);
    if (!x) return null;
    const list = (await repo.nominees(db, dossierId)).filter((n) => !n.n.excludedReason);
    const verdictOf = await verdictsFor(list.map((n) => n.n));
    const quotas = await quotaLines(
      x.d.year,
      x.d.proposingUnitId,
      list.map((n) => ({ awardCode: n.n.awardCode as AwardCode })),
    );
    return { verdictOf, quotas };
  }
  type Prepared = NonNullable<Awaited<ReturnType<typeof prepareChecks>>>;

  async function runChecks(tx: DbOrTx, actor: Actor, dossierId: string, prepared: Prepared) {
    const { verdictOf, quotas } = prepared;
    const d = (await repo.lock(tx, dossierId))!;
    const list = (await repo.nominees(tx, dossierId)).filter((x) => !x.n.excludedReason);
    const keys = list.map((x) => x.n.recipientKey);
    // One after another: inside a transaction there is one connection, and node-postgres queues (and
    // warns about) queries sent to a client that is still busy.
    const history = await repo.awardsOf(tx, keys);
    const pending = await repo.pendingElsewhere(tx, dossierId, d.year, keys);
    const inits = await repo.initiativesByIds(
      tx,
      list.flatMap((x) => (x.n.initiativeId ? [x.n.initiativeId] : [])),
    );
    const discs = await repo.disciplinesOf(
      tx,
      list.flatMap((x) => (x.n.personId ? [x.n.personId] : [])),
    );
    const now = clock();
    const summary: Record<string, number> = { eligible: 0, needs_review: 0, ineligible: 0, flagged: 0 };
    for (const x of list) {
      const n = x.n;
      const verdict = verdictOf(n);
      const init = inits.find((i) => i.id === n.initiativeId);
      const quota = quotas.find((q) => q.awardCode === n.awardCode);
      const flags = nomineeFlags({
        awardCode: n.awardCode as AwardCode,
        year: n.year,
        awards: history
          .filter((a) => a.recipientKey === n.recipientKey)
          .map((a) => ({ ...a, revoked: a.revokedBy !== null })),
        pendingElsewhere: pending.filter(
          (p) => p.recipientKey === n.recipientKey && p.awardCode === n.awardCode,
        ),
        initiative: init ? { code: init.code, title: init.title, usedByAward: init.usedBy !== null } : null,
        disciplines: discs.filter((x2) => x2.personId === n.personId),
        quota: quota ?? null,
      });
      // Households and titles no pack judges: a person must look (needs_review) — never silently eligible.
      const status = verdict?.status ?? 'needs_review';
      summary[status] = (summary[status] ?? 0) + 1;
      if (flags.length) summary.flagged = (summary.flagged ?? 0) + 1;
      await repo.updateNominee(tx, n.id, {
        verdictStatus: status,
        verdict: verdict ?? null,
        flags,
        checkedAt: now,
      });
    }
    await audit(tx, actor, 'dossier.check', dossierId, undefined, summary);
    return summary;
  }

  return {
    async list(v: DossierViewer, q: DossierListQuery): Promise<DossierSummary[]> {
      const cal = await loadWorkCalendar(db);
      const rows = (await repo.list(db, { ...q, scopeRootUnitId: scopeRoot(v) })).map((x) => summary(x, cal));
      return q.lateOnly ? rows.filter((r) => r.deadline.state === 'late') : rows;
    },

    detail: (v: DossierViewer, id: string) => detail(db, v, id),

    async timeline(v: DossierViewer, id: string): Promise<Result<DossierEvent[]>> {
      if (!(await visible(db, v, id))) return fail('NOT_FOUND');
      return ok(
        (await repo.events(db, id)).map((x) => ({
          id: x.e.id,
          action: x.e.action,
          fromStatus: x.e.fromStatus,
          toStatus: x.e.toStatus,
          reason: x.e.reason,
          actorName: x.actorName,
          at: x.e.at.toISOString(),
        })),
      );
    },

    async create(
      v: DossierViewer,
      input: DossierCreateInput & { track: AwardTrack },
    ): Promise<Result<DossierDetail>> {
      const proposingUnitId = input.proposingUnitId ?? v.actor.unitId;
      if (!proposingUnitId) return fail('VALIDATION.FAILED', { proposingUnitId: 'Chọn đơn vị đề nghị' });
      const r = await db.transaction(async (tx) => {
        if (
          v.scope === 'own' &&
          !(await repo.inSubtree(tx, v.actor.unitId ?? NO_UNIT, [proposingUnitId])).size
        )
          return fail<string>('VALIDATION.FAILED', {
            proposingUnitId: 'Chỉ lập hồ sơ cho đơn vị của mình',
          });
        const [unit] = await repo.unitsByIds(tx, [proposingUnitId]);
        if (!unit) return fail<string>('NOT_FOUND');
        if (input.movementId && !(await repo.movementExists(tx, input.movementId)))
          return fail<string>('VALIDATION.FAILED', { movementId: 'Không tìm thấy phong trào thi đua' });
        const authorityUnitId = input.authorityUnitId ?? unit.parentId ?? unit.id;
        const [auth] = await repo.unitsByIds(tx, [authorityUnitId]);
        if (!auth)
          return fail<string>('VALIDATION.FAILED', { authorityUnitId: 'Không tìm thấy cơ quan xét' });
        const d = await insertDraft(tx, v.actor, clock, {
          year: input.year,
          title: input.title,
          proposingUnitId,
          authorityUnitId,
          track: input.track,
          movementId: input.movementId ?? null,
          note: input.note ?? '',
        });
        return ok(d.id);
      });
      if (!r.ok) return r;
      return detail(db, v, r.value);
    },

    async update(v: DossierViewer, id: string, input: DossierUpdateInput): Promise<Result<DossierDetail>> {
      const r = await db.transaction(async (tx) => {
        const d = await forUnitWrite(tx, v, id);
        if (!d.ok) return d;
        if (d.value.version !== input.version) return fail<never>('CONFLICT.VERSION');
        const [auth] = await repo.unitsByIds(tx, [input.authorityUnitId]);
        if (!auth) return fail<never>('VALIDATION.FAILED', { authorityUnitId: 'Không tìm thấy cơ quan xét' });
        if (input.movementId && !(await repo.movementExists(tx, input.movementId)))
          return fail<never>('VALIDATION.FAILED', { movementId: 'Không tìm thấy phong trào thi đua' });
        const after = await repo.update(tx, id, {
          title: input.title,
          track: input.track,
          movementId: input.movementId ?? null,
          authorityUnitId: input.authorityUnitId,
          note: input.note ?? '',
          version: d.value.version + 1,
          updatedAt: clock(),
        });
        const pick = (x: typeof after) => ({
          title: x.title,
          track: x.track,
          movementId: x.movementId,
          authorityUnitId: x.authorityUnitId,
          note: x.note,
          version: x.version,
        });
        await audit(tx, v.actor, 'dossier.update', id, pick(d.value), pick(after));
        return ok(null);
      });
      if (!r.ok) return r;
      return detail(db, v, id);
    },

    addNominees: (v: DossierViewer, id: string, input: NomineeParsed[]) =>
      insertNominees(v, id, input, 'dossier.nominee.add'),

    async updateNominee(
      v: DossierViewer,
      id: string,
      nomineeId: string,
      input: {
        awardCode?: AwardCode | undefined;
        achievementSummary?: string | undefined;
        initiativeId?: string | null | undefined;
      },
    ): Promise<Result<NomineeView>> {
      try {
        return await db.transaction(async (tx) => {
          const d = await forUnitWrite(tx, v, id);
          if (!d.ok) return d;
          const before = await repo.nominee(tx, id, nomineeId);
          if (!before) return fail<never>('NOT_FOUND');
          if (input.awardCode) {
            const kinds = AWARD_CODES[input.awardCode].recipients as readonly string[];
            if (!kinds.includes(before.recipientKind))
              return fail<never>('DOSSIER.NOMINEE_INVALID', {
                awardCode: `${AWARD_CODES[input.awardCode].label} không dành cho người, tập thể này`,
              });
          }
          const after = await repo.updateNominee(tx, nomineeId, {
            ...(input.awardCode ? { awardCode: input.awardCode } : {}),
            ...(input.achievementSummary !== undefined
              ? { achievementSummary: input.achievementSummary }
              : {}),
            ...(input.initiativeId !== undefined ? { initiativeId: input.initiativeId } : {}),
            // Changed since the last check: the check must run again.
            checkedAt: null,
            verdictStatus: 'unknown',
            acceptedReason: null,
            acceptedBy: null,
          });
          const pick = (n: typeof after) => ({
            awardCode: n.awardCode,
            achievementSummary: n.achievementSummary,
            initiativeId: n.initiativeId,
          });
          await audit(tx, v.actor, 'dossier.nominee.update', id, { nomineeId, ...pick(before) }, pick(after));
          const listed = (await repo.nominees(tx, id)).find((x) => x.n.id === nomineeId)!;
          return ok(toNominee(listed));
        });
      } catch (err) {
        if (isUniqueViolation(err)) return fail('DOSSIER.DUPLICATE_NOMINEE');
        throw err;
      }
    },

    async removeNominee(v: DossierViewer, id: string, nomineeId: string): Promise<Result<null>> {
      return db.transaction(async (tx) => {
        const d = await forUnitWrite(tx, v, id);
        if (!d.ok) return d;
        const before = await repo.nominee(tx, id, nomineeId);
        if (!before) return fail<null>('NOT_FOUND');
        await repo.deleteNominee(tx, nomineeId);
        await audit(tx, v.actor, 'dossier.nominee.remove', id, {
          nomineeId,
          recipientKey: before.recipientKey,
          awardCode: before.awardCode,
        });
        return ok(null);
      });
    },

    /** Adds the chosen people and collectives from the suggestions, with the server's own verdicts. */
    async addFromSuggestions(
      v: DossierViewer,
      id: string,
      input: FromSuggestionsInput & { awardCode: AwardCode },
    ) {
      const personIds = input.personIds ?? [];
      const unitIds = input.unitIds ?? [];
      const rows: NomineeParsed[] = [
        ...personIds.map((personId) => ({
          recipientKind: 'individual' as const,
          personId,
          unitId: null,
          householdName: null,
          householdAddress: null,
          awardCode: input.awardCode,
          achievementSummary: '',
          initiativeId: null,
        })),
        ...unitIds.map((unitId) => ({
          recipientKind: 'collective' as const,
          personId: null,
          unitId,
          householdName: null,
          householdAddress: null,
          awardCode: input.awardCode,
          achievementSummary: '',
          initiativeId: null,
        })),
      ];
      const kinds = AWARD_CODES[input.awardCode].recipients as readonly string[];
      if (
        (personIds.length && !kinds.includes('individual')) ||
        (unitIds.length && !kinds.includes('collective'))
      )
        return fail<NomineeView[]>('DOSSIER.NOMINEE_INVALID', {
          awardCode: `${AWARD_CODES[input.awardCode].label} không dành cho đối tượng đã chọn`,
        });
      const added = await insertNominees(v, id, rows, 'dossier.nominee.add_from_suggestions');
      if (!added.ok) return added;
      // The server's own verdict for each (never the browser's): the suggestion may be stale.
      const prepared = await prepareChecks(id);
      if (prepared) await db.transaction(async (tx) => runChecks(tx, v.actor, id, prepared));
      const all = (await repo.nominees(db, id)).map(toNominee);
      const ids = new Set(added.value.map((n) => n.id));
      return ok(all.filter((n) => ids.has(n.id)));
    },

    /** "Kiểm tra điều kiện": the unit before submitting, the department while reviewing. */
    async check(v: DossierViewer, id: string, by: 'unit' | 'department'): Promise<Result<DossierDetail>> {
      const x = await visible(db, v, id);
      if (!x) return fail('NOT_FOUND');
      const allowed = by === 'unit' ? EDITABLE_STATUSES : REVIEWABLE;
      if (!allowed.includes(x.d.status as DossierStatus)) return fail('DOSSIER.WRONG_STATUS');
      const prepared = await prepareChecks(id);
      if (prepared) await db.transaction(async (tx) => runChecks(tx, v.actor, id, prepared));
      return detail(db, v, id);
    },

    /** The reviewer accepts a needs_review/flagged nominee with a written reason, or excludes one. */
    async resolveNominee(
      v: DossierViewer,
      id: string,
      nomineeId: string,
      how: 'accept' | 'exclude' | 'reinstate',
      reason: string,
    ): Promise<Result<NomineeView>> {
      return db.transaction(async (tx) => {
        const x = await visible(tx, v, id);
        if (!x) return fail<NomineeView>('NOT_FOUND');
        const d = await repo.lock(tx, id);
        // Accepting or excluding is part of the review: after receipt, before disclosure.
        if (d!.status !== 'received' && d!.status !== 'under_review')
          return fail<NomineeView>('DOSSIER.WRONG_STATUS');
        const before = await repo.nominee(tx, id, nomineeId);
        if (!before) return fail<NomineeView>('NOT_FOUND');
        if (how !== 'reinstate' && !reason.trim()) return fail<NomineeView>('DOSSIER.REASON_REQUIRED');
        if (how === 'accept' && before.verdictStatus === 'ineligible')
          // An ineligible verdict is not a judgement call: exclude it or fix the registry and check again.
          return fail<NomineeView>('DOSSIER.NOMINEE_INVALID', {
            reason:
              'Không thể chấp nhận người không đủ điều kiện; hãy loại khỏi hồ sơ hoặc cập nhật dữ liệu và kiểm tra lại',
          });
        const values =
          how === 'accept'
            ? { acceptedReason: reason.trim(), acceptedBy: v.actor.id }
            : how === 'exclude'
              ? { excludedReason: reason.trim() }
              : { excludedReason: null };
        await repo.updateNominee(tx, nomineeId, values);
        await repo.bumpVersion(tx, d!, clock());
        await audit(
          tx,
          v.actor,
          `dossier.nominee.${how}`,
          id,
          { nomineeId, acceptedReason: before.acceptedReason, excludedReason: before.excludedReason },
          { nomineeId, ...values },
        );
        return ok(toNominee((await repo.nominees(tx, id)).find((n) => n.n.id === nomineeId)!));
      });
    },

    /** submit / receive / start_review / return / reject / forward through the one workflow service. */
    async act(
      v: DossierViewer,
      id: string,
      input: {
        action: DossierAction;
        version: number;
        reason?: string | undefined;
        transmittal?: string | undefined;
        forwardedToUnitId?: string | undefined;
      },
    ): Promise<Result<DossierDetail>> {
      const x = await visible(db, v, id);
      if (!x) return fail('NOT_FOUND');
      const by = DOSSIER_TRANSITIONS[input.action].by;
      if (input.action === 'forward' && !input.forwardedToUnitId)
        return fail('VALIDATION.FAILED', { forwardedToUnitId: 'Chọn cơ quan cấp trên nhận hồ sơ' });
      // Checks on submit and on receipt (issue 6 item 2): the stored verdicts are fresh when it moves.
      const checking =
        (input.action === 'submit' && EDITABLE_STATUSES.includes(x.d.status as DossierStatus)) ||
        (input.action === 'receive' && x.d.status === 'submitted');
      const prepared = checking ? await prepareChecks(id) : null;
      const r = await db.transaction(async (tx) => {
        if (prepared) await runChecks(tx, v.actor, id, prepared);
        const moved = await applyDossierAction(tx, clock, v.actor, id, input.action, by, {
          version: input.version,
          reason: input.reason ?? null,
          transmittal: input.transmittal ?? null,
          forwardedToUnitId: input.forwardedToUnitId ?? null,
        });
        if (!moved.ok) return moved;
        if (input.action === 'submit') {
          // The department is told too: a new dossier waits for it.
          await tx.insert(notifications).values({
            unitId: moved.value.authorityUnitId,
            kind: 'dossier.submitted',
            title: `Hồ sơ mới chờ tiếp nhận: ${moved.value.code}`,
            body: `${x.proposingUnitName}: ${moved.value.title}`,
            entityType: 'dossier',
            entityId: id,
          });
        }
        return moved;
      });
      // A refused step rolls back the check run with it: nothing changes.
      if (!r.ok) return r;
      await mailDossierChange(db, mailer, deps.config, r.value, by, input.reason ?? input.transmittal);
      return detail(db, v, id);
    },

    // ——— attachments ———

    async upload(
      v: DossierViewer,
      id: string,
      kind: AttachmentKind,
      fileName: string,
      bytes: Buffer,
    ): Promise<Result<AttachmentView>> {
      if (bytes.length > MAX_ATTACHMENT_BYTES) return fail('DOSSIER.FILE_TOO_LARGE');
      const type = await sniffFile(bytes, fileName);
      if (!type) return fail('DOSSIER.FILE_TYPE');
      // Checked before the file is written, so a refused upload leaves nothing behind.
      const pre = await db.transaction(async (tx) => forUnitWrite(tx, v, id));
      if (!pre.ok) return pre;
      const sha = await files.put(bytes);
      return db.transaction(async (tx) => {
        const d = await forUnitWrite(tx, v, id);
        if (!d.ok) return d;
        const a = await repo.insertAttachment(tx, {
          dossierId: id,
          kind,
          fileName: fileName.slice(0, 255),
          mimeType: MIME[type],
          size: bytes.length,
          sha256: sha,
          uploadedBy: v.actor.id,
          createdAt: clock(),
        });
        await audit(tx, v.actor, 'dossier.attachment.add', id, undefined, {
          attachmentId: a.id,
          kind,
          fileName: a.fileName,
          size: a.size,
          sha256: sha,
        });
        return ok({
          id: a.id,
          kind,
          fileName: a.fileName,
          mimeType: a.mimeType,
          size: a.size,
          sha256: a.sha256,
          createdAt: a.createdAt.toISOString(),
        });
      });
    },

    async download(v: DossierViewer, id: string, attachmentId: string) {
      if (!(await visible(db, v, id))) return fail<never>('NOT_FOUND');
      const a = await repo.attachment(db, id, attachmentId);
      if (!a) return fail<never>('NOT_FOUND');
      return ok({ fileName: a.fileName, mimeType: a.mimeType, bytes: await files.get(a.sha256) });
    },

    async removeAttachment(v: DossierViewer, id: string, attachmentId: string): Promise<Result<null>> {
      return db.transaction(async (tx) => {
        const d = await forUnitWrite(tx, v, id);
        if (!d.ok) return d;
        const a = await repo.attachment(tx, id, attachmentId);
        if (!a) return fail<null>('NOT_FOUND');
        await repo.deleteAttachment(tx, attachmentId);
        // The stored file stays: another dossier may hold the same content (same checksum).
        await audit(tx, v.actor, 'dossier.attachment.remove', id, {
          attachmentId,
          kind: a.kind,
          fileName: a.fileName,
          sha256: a.sha256,
        });
        return ok(null);
      });
    },

    async peopleByCodes(codes: string[]) {
      return repo.peopleByCodes(db, codes);
    },
    async unitsByCodes(codes: string[]) {
      return repo.unitsByCodes(db, codes);
    },
  };
}

/** The eligibility engine reads on the dossier's behalf; scope was already checked on the dossier. */
const systemViewerActor: Actor = {
  id: null,
  username: 'dossier-check',
  displayName: 'Kiểm tra hồ sơ',
  role: 'system',
  unitId: null,
  requestId: null,
};

export type DossiersService = ReturnType<typeof createDossiersService>;

// ——— holidays ———

export function createHolidaysService(database: Database, clock: Clock) {
  const { db } = database;
  return {
    async list(year?: number): Promise<Holiday[]> {
      return repo.holidays(db, year);
    },
    async put(actor: Actor, input: HolidayInput): Promise<Holiday> {
      const value = { day: input.day, name: input.name, workingDay: input.workingDay ?? false };
      return db.transaction(async (tx) => {
        const [before] = await tx.select().from(holidays).where(eq(holidays.day, input.day));
        await tx
          .insert(holidays)
          .values(value)
          .onConflictDoUpdate({
            target: holidays.day,
            set: { name: value.name, workingDay: value.workingDay },
          });
        await recordAudit(
          tx,
          actor,
          {
            action: before ? 'holiday.update' : 'holiday.create',
            entityType: 'holiday',
            entityId: input.day,
            before: before ? { name: before.name, workingDay: before.workingDay } : undefined,
            after: { name: value.name, workingDay: value.workingDay },
          },
          clock,
        );
        return value;
      });
    },
    async remove(actor: Actor, day: string): Promise<Result<null>> {
      return db.transaction(async (tx) => {
        const [before] = await tx.delete(holidays).where(eq(holidays.day, day)).returning();
        if (!before) return fail<null>('NOT_FOUND');
        await recordAudit(
          tx,
          actor,
          {
            action: 'holiday.delete',
            entityType: 'holiday',
            entityId: day,
            before: { name: before.name, workingDay: before.workingDay },
          },
          clock,
        );
        return ok(null);
      });
    },
  };
}
export type HolidaysService = ReturnType<typeof createHolidaysService>;

// ——— notifications ———

/**
 * A user reads the notifications of their unit; the department's officers (who sit in an office under
 * the Sở) also read those addressed to the units above theirs, where dossiers wait for the department.
 */
export function createNotificationsService(database: Database, clock: Clock) {
  const { db } = database;
  async function unitsOf(actor: Actor, upward: boolean): Promise<string[]> {
    if (!actor.unitId) return [];
    return upward ? unitsRepository.ancestorIds(db, actor.unitId) : [actor.unitId];
  }
  return {
    async list(actor: Actor, upward: boolean, unreadOnly: boolean): Promise<NotificationList> {
      const ids = await unitsOf(actor, upward);
      if (!ids.length) return { unread: 0, items: [] };
      const rows = await db
        .select()
        .from(notifications)
        .where(and(inArray(notifications.unitId, ids), unreadOnly ? isNull(notifications.readAt) : undefined))
        .orderBy(sql`${notifications.createdAt} desc`)
        .limit(50);
      const [c] = await db
        .select({ n: sql<number>`count(*)`.mapWith(Number) })
        .from(notifications)
        .where(and(inArray(notifications.unitId, ids), isNull(notifications.readAt)));
      return {
        unread: c?.n ?? 0,
        items: rows.map((r) => ({
          id: r.id,
          kind: r.kind,
          title: r.title,
          body: r.body,
          entityType: r.entityType,
          entityId: r.entityId,
          readAt: r.readAt?.toISOString() ?? null,
          createdAt: r.createdAt.toISOString(),
        })),
      };
    },
    async markRead(actor: Actor, upward: boolean, id: string | 'all'): Promise<Result<{ marked: number }>> {
      const ids = await unitsOf(actor, upward);
      if (!ids.length) return id === 'all' ? ok({ marked: 0 }) : fail('NOT_FOUND');
      return db.transaction(async (tx) => {
        if (id !== 'all') {
          const [exists] = await tx
            .select({ id: notifications.id })
            .from(notifications)
            .where(and(eq(notifications.id, id), inArray(notifications.unitId, ids)));
          if (!exists) return fail<{ marked: number }>('NOT_FOUND');
        }
        const rows = await tx
          .update(notifications)
          .set({ readAt: clock() })
          .where(
            and(
              inArray(notifications.unitId, ids),
              isNull(notifications.readAt),
              id === 'all' ? undefined : eq(notifications.id, id),
            ),
          )
          .returning({ id: notifications.id });
        // Who read what, and when, is part of the record (a unit cannot say it was never told).
        await recordAudit(
          tx,
          actor,
          {
            action: id === 'all' ? 'notification.read_all' : 'notification.read',
            entityType: 'notification',
            entityId: id === 'all' ? null : id,
            after: { marked: rows.length },
          },
          clock,
        );
        return ok({ marked: rows.length });
      });
    },
  };
}
export type NotificationsService = ReturnType<typeof createNotificationsService>;
