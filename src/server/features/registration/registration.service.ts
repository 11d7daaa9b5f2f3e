/**
 * Title registration (đăng ký thi đua): a unit keeps its list for a year and submits it; the department
 * approves or returns it with a reason, and forwards the approved lists upward. Transitions are decided by
 * the pure state machine (src/domain/movements/registration.ts); this service adds scope, versions, audit.
 */
import type { Database, DbOrTx } from '../../platform/db/database';
import type { Clock } from '../../platform/clock';
import type { Actor } from '../../platform/actor';
import { recordAudit } from '../../platform/audit';
import { fail, ok, type Result } from '../../platform/errors';
import { isUniqueViolation } from '../../platform/pg-errors';
import {
  transition,
  type RegistrationAction,
  type RegistrationStatus,
} from '../../../domain/movements/registration';
import type {
  RegistrationAggregate,
  RegistrationDetail,
  RegistrationSummary,
} from '../../../shared/movements/registration.schema';
import type { RegistrationItemInput } from '../../../shared/movements/registration.schema';
import { unitsRepository } from '../units/units.repository';
import type { Scope } from '../units/units.service';
import { movementsRepository } from '../movements/movements.repository';
import { registrationRepository as repo, type RegistrationRow } from './registration.repository';

export interface RegViewer {
  actor: Actor;
  scope: Scope;
}

type Item = Required<Pick<RegistrationItemInput, 'recipientKind' | 'awardCode'>> & {
  personId: string | null;
  note: string;
};

type Listed = NonNullable<Awaited<ReturnType<typeof repo.findById>>>;

const toSummary = (x: Listed): RegistrationSummary => ({
  id: x.r.id,
  unitId: x.r.unitId,
  unitCode: x.unitCode,
  unitName: x.unitName,
  year: x.r.year,
  status: x.r.status as RegistrationStatus,
  returnReason: x.r.returnReason,
  forwarded: x.r.forwarded,
  submittedAt: x.r.submittedAt?.toISOString() ?? null,
  collectiveCount: x.collectiveCount,
  individualCount: x.individualCount,
  version: x.r.version,
});

const NO_UNIT = '00000000-0000-0000-0000-000000000000';

export function createRegistrationService(database: Database, clock: Clock) {
  const { db } = database;

  const scopeRoot = (v: RegViewer) => (v.scope === 'any' ? undefined : (v.actor.unitId ?? NO_UNIT));

  async function inScope(tx: DbOrTx, v: RegViewer, unitId: string): Promise<boolean> {
    if (v.scope === 'any') return true;
    if (!v.actor.unitId) return false;
    return (await unitsRepository.subtreeIds(tx, v.actor.unitId)).includes(unitId);
  }

  async function detail(tx: DbOrTx, v: RegViewer, id: string): Promise<Result<RegistrationDetail>> {
    const row = await repo.findById(tx, id);
    if (!row || !(await inScope(tx, v, row.r.unitId))) return fail('NOT_FOUND');
    const items = await repo.itemsOf(tx, id);
    return ok({
      ...toSummary(row),
      note: row.r.note,
      items: items.map((x) => ({
        id: x.i.id,
        recipientKind: x.i.recipientKind as 'collective' | 'individual',
        personId: x.i.personId,
        personCode: x.personCode,
        personName: x.personName,
        awardCode: x.i.awardCode,
        note: x.i.note,
      })),
    });
  }

  /** Items name people of the registering unit (or its sub-units), once per title. */
  async function checkItems(tx: DbOrTx, unitId: string, items: Item[]): Promise<Result<null>> {
    const fields: Record<string, string> = {};
    const personIds = items.flatMap((i) => (i.personId ? [i.personId] : []));
    const own = await repo.peopleInSubtree(tx, unitId, personIds);
    const seen = new Set<string>();
    items.forEach((it, n) => {
      if (it.personId && !own.has(it.personId))
        fields[`items.${n}.personId`] = 'Cá nhân không thuộc đơn vị đăng ký';
      const key = `${it.personId ?? 'unit'}|${it.awardCode}`;
      if (seen.has(key)) fields[`items.${n}.awardCode`] = 'Danh hiệu này đã được đăng ký ở dòng trên';
      seen.add(key);
    });
    return Object.keys(fields).length ? fail('REGISTRATION.ITEM_INVALID', fields) : ok(null);
  }

  async function audit(
    tx: DbOrTx,
    actor: Actor,
    action: string,
    id: string,
    before?: unknown,
    after?: unknown,
  ) {
    await recordAudit(tx, actor, { action, entityType: 'registration', entityId: id, before, after }, clock);
  }

  /** Loads, checks the version and scope, applies the state machine. */
  async function step(
    tx: DbOrTx,
    v: RegViewer,
    id: string,
    version: number,
    action: RegistrationAction,
    by: 'unit' | 'department',
    extra: { reason?: string } = {},
  ): Promise<Result<{ before: RegistrationRow; to: RegistrationStatus }>> {
    const before = await repo.findByIdForUpdate(tx, id);
    if (!before || !(await inScope(tx, v, before.unitId))) return fail('NOT_FOUND');
    if (before.version !== version) return fail('CONFLICT.VERSION');
    const items = (await repo.itemsOf(tx, id)).length;
    const t = transition({
      status: before.status as RegistrationStatus,
      action,
      by,
      reason: extra.reason ?? null,
      items,
      forwarded: before.forwarded,
    });
    if (!t.ok) return fail(t.error);
    return ok({ before, to: t.to });
  }

  return {
    async list(
      v: RegViewer,
      q: { year: number; status?: string | undefined },
    ): Promise<RegistrationSummary[]> {
      return (await repo.list(db, { ...q, scopeRootUnitId: scopeRoot(v) })).map(toSummary);
    },

    detail: (v: RegViewer, id: string) => detail(db, v, id),

    async aggregate(v: RegViewer, year: number): Promise<RegistrationAggregate> {
      const root = scopeRoot(v);
      const [rows, byAward] = await Promise.all([
        repo.list(db, { year, scopeRootUnitId: root }),
        repo.countsByAward(db, year, root),
      ]);
      const byStatus: Record<string, number> = { draft: 0, submitted: 0, returned: 0, approved: 0 };
      for (const r of rows) byStatus[r.r.status] = (byStatus[r.r.status] ?? 0) + 1;
      return {
        year,
        byStatus,
        byAward: byAward.map((b) => ({
          ...b,
          recipientKind: b.recipientKind as 'collective' | 'individual',
        })),
        forwardable: rows.filter((r) => r.r.status === 'approved' && !r.r.forwarded).length,
        forwarded: rows.filter((r) => r.r.forwarded).length,
      };
    },

    async create(
      v: RegViewer,
      input: { year: number; unitId?: string | undefined; note: string; items: Item[] },
    ): Promise<Result<RegistrationDetail>> {
      const unitId = input.unitId ?? v.actor.unitId;
      if (!unitId) return fail('REGISTRATION.OUT_OF_SCOPE');
      try {
        return await db.transaction(async (tx) => {
          if (!(await inScope(tx, v, unitId))) return fail('REGISTRATION.OUT_OF_SCOPE');
          if (await repo.findByUnitYear(tx, unitId, input.year)) return fail('REGISTRATION.DUPLICATE');
          const checked = await checkItems(tx, unitId, input.items);
          if (!checked.ok) return checked;
          const now = clock();
          const row = await repo.insert(tx, {
            unitId,
            year: input.year,
            note: input.note,
            status: 'draft',
            createdAt: now,
            updatedAt: now,
          });
          await repo.replaceItems(tx, row.id, input.items);
          await audit(tx, v.actor, 'registration.create', row.id, undefined, input);
          return detail(tx, v, row.id);
        });
      } catch (err) {
        if (isUniqueViolation(err)) return fail('REGISTRATION.DUPLICATE');
        throw err;
      }
    },

    /** Replaces the note and the items of a draft or returned list. */
    async update(
      v: RegViewer,
      id: string,
      input: { note: string; items: Item[]; version: number },
      action = 'registration.update',
    ): Promise<Result<RegistrationDetail>> {
      return db.transaction(async (tx) => {
        const s = await step(tx, v, id, input.version, 'edit', 'unit');
        if (!s.ok) return s;
        const checked = await checkItems(tx, s.value.before.unitId, input.items);
        if (!checked.ok) return checked;
        const beforeItems = await repo.itemsOf(tx, id);
        await repo.replaceItems(tx, id, input.items);
        await repo.update(tx, id, { note: input.note }, clock());
        await audit(
          tx,
          v.actor,
          action,
          id,
          { note: s.value.before.note, items: beforeItems.map((x) => x.i) },
          { note: input.note, items: input.items },
        );
        return detail(tx, v, id);
      });
    },

    async submit(v: RegViewer, id: string, version: number): Promise<Result<RegistrationDetail>> {
      return db.transaction(async (tx) => {
        const s = await step(tx, v, id, version, 'submit', 'unit');
        if (!s.ok) return s;
        const now = clock();
        await repo.update(tx, id, { status: s.value.to, submittedAt: now }, now);
        await audit(
          tx,
          v.actor,
          'registration.submit',
          id,
          { status: s.value.before.status },
          { status: s.value.to },
        );
        return detail(tx, v, id);
      });
    },

    async approve(v: RegViewer, id: string, version: number): Promise<Result<RegistrationDetail>> {
      return db.transaction(async (tx) => {
        const s = await step(tx, v, id, version, 'approve', 'department');
        if (!s.ok) return s;
        const now = clock();
        await repo.update(tx, id, { status: s.value.to, decidedAt: now, returnReason: null }, now);
        await audit(
          tx,
          v.actor,
          'registration.approve',
          id,
          { status: s.value.before.status },
          { status: s.value.to },
        );
        return detail(tx, v, id);
      });
    },

    async returnWithReason(
      v: RegViewer,
      id: string,
      reason: string,
      version: number,
    ): Promise<Result<RegistrationDetail>> {
      return db.transaction(async (tx) => {
        const s = await step(tx, v, id, version, 'return', 'department', { reason });
        if (!s.ok) return s;
        const now = clock();
        await repo.update(tx, id, { status: s.value.to, decidedAt: now, returnReason: reason }, now);
        await movementsRepository.notifyUnits(
          tx,
          [s.value.before.unitId],
          {
            kind: 'registration.returned',
            title: `Bản đăng ký thi đua năm ${s.value.before.year} bị trả lại`,
            body: `Lý do: ${reason}`,
            entityType: 'registration',
            entityId: id,
          },
          now,
        );
        await audit(
          tx,
          v.actor,
          'registration.return',
          id,
          { status: s.value.before.status },
          { status: s.value.to, reason },
        );
        return detail(tx, v, id);
      });
    },

    /** Aggregates the approved, not yet forwarded lists of the year and marks them forwarded upward. */
    async forward(v: RegViewer, year: number): Promise<Result<{ forwarded: number }>> {
      return db.transaction(async (tx) => {
        const rows = await repo.approvedNotForwarded(tx, year, scopeRoot(v));
        const ids: string[] = [];
        for (const r of rows) {
          const t = transition({
            status: r.status as RegistrationStatus,
            action: 'forward',
            by: 'department',
            items: 1,
            forwarded: r.forwarded,
          });
          if (t.ok) ids.push(r.id);
        }
        if (!ids.length) return fail('REGISTRATION.NOTHING_TO_FORWARD');
        await repo.markForwarded(tx, ids, clock());
        const totals = await repo.countsByAward(tx, year, scopeRoot(v));
        await recordAudit(
          tx,
          v.actor,
          {
            action: 'registration.forward',
            entityType: 'registration',
            entityId: String(year),
            after: { year, registrations: ids, totals },
          },
          clock,
        );
        return ok({ forwarded: ids.length });
      });
    },

    async peopleByCode(codes: string[]) {
      return repo.peopleByCode(db, codes);
    },
  };
}

export type RegistrationService = ReturnType<typeof createRegistrationService>;
