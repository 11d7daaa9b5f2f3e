import { and, eq } from 'drizzle-orm';
import type { Database, DbOrTx } from '../../platform/db/database';
import type { Clock } from '../../platform/clock';
import type { Actor } from '../../platform/actor';
import { recordAudit } from '../../platform/audit';
import { fail, ok, type Result } from '../../platform/errors';
import { isUniqueViolation } from '../../platform/pg-errors';
import {
  disciplines,
  people,
  personEvaluations,
  personLeaves,
  personTrainings,
  personUnitHistory,
} from '../../platform/db/schema';
import type { Page } from '../../../shared/paginated';
import {
  maskPersonalId,
  type DisciplineCreateInput,
  type EvaluationUpsertInput,
  type LeaveCreateInput,
  type PersonCreateInput,
  type PersonListQuery,
  type PersonProfile,
  type PersonSummary,
  type PersonUpdateInput,
  type TrainingCreateInput,
  type TransferInput,
} from '../../../shared/people/people.schema';
import type {
  DisciplineLevel,
  LeaveKind,
  Rating,
  Sex,
  TrainingGrade,
} from '../../../shared/registry/catalog';
import { personSortKey, splitVietnameseName } from '../../../shared/vietnamese';
import { unitsRepository } from '../units/units.repository';
import type { Scope } from '../units/units.service';
import { peopleRepository as repo, type PersonWithUnit } from './people.repository';
import { createPeopleSearchIndex, type ListedPerson } from './people.search-index';

export interface Viewer {
  actor: Actor;
  scope: Scope;
  /** May see personal id numbers unmasked. */
  pii: boolean;
}

const dayBefore = (iso: string) =>
  new Date(Date.parse(`${iso}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);

export function createPeopleService(database: Database, clock: Clock) {
  const { db } = database;
  const searchIndex = createPeopleSearchIndex(database);

  function toSummary(p: ListedPerson, pii: boolean): PersonSummary {
    return {
      id: p.id,
      code: p.code,
      fullName: p.fullName,
      sex: p.sex as Sex,
      dateOfBirth: p.dateOfBirth,
      ethnicity: p.ethnicity,
      personalIdNumber: pii ? p.personalIdNumber : maskPersonalId(p.personalIdNumber),
      position: p.position,
      isLeader: p.isLeader,
      isDemo: p.isDemo,
      unitId: p.currentUnitId,
      unitName: p.unitName,
      version: p.version,
    };
  }

  /** The units an `own`-scoped actor reaches; null for `any`. */
  async function scopeUnits(tx: DbOrTx, v: Pick<Viewer, 'actor' | 'scope'>): Promise<Set<string> | null> {
    if (v.scope === 'any') return null;
    return new Set(v.actor.unitId ? await unitsRepository.subtreeIds(tx, v.actor.unitId) : []);
  }

  /** Loads a person the viewer may reach (out of scope reads as not found). */
  async function reachable(
    tx: DbOrTx,
    v: Pick<Viewer, 'actor' | 'scope'>,
    id: string,
  ): Promise<PersonWithUnit | undefined> {
    const person = await repo.findById(tx, id);
    if (!person) return undefined;
    const allowed = await scopeUnits(tx, v);
    if (allowed && (!person.currentUnitId || !allowed.has(person.currentUnitId))) return undefined;
    return person;
  }

  async function audit(
    tx: DbOrTx,
    actor: Actor,
    action: string,
    entityId: string,
    before?: unknown,
    after?: unknown,
  ) {
    await recordAudit(tx, actor, { action, entityType: 'person', entityId, before, after }, clock);
  }

  return {
    toSummary,

    async list(v: Viewer, q: PersonListQuery): Promise<Page<PersonSummary>> {
      // Served from the in-process copy (decision 044); unit filters are resolved to id sets here.
      let unitIds: Set<string> | undefined;
      if (q.unitId) {
        unitIds = new Set(
          q.includeSubunits === false ? [q.unitId] : await unitsRepository.subtreeIds(db, q.unitId),
        );
      }
      const allowed = await scopeUnits(db, v);
      if (allowed) unitIds = unitIds ? new Set([...unitIds].filter((id) => allowed.has(id))) : allowed;
      const { rows, total, totalIsLowerBound } = await searchIndex.page(
        { q: q.q, unitIds, isLeader: q.isLeader, sex: q.sex },
        q.page,
        q.pageSize,
      );
      return {
        items: rows.map((r) => toSummary(r, v.pii)),
        total,
        page: q.page,
        pageSize: q.pageSize,
        ...(totalIsLowerBound ? { totalIsLowerBound } : {}),
      };
    },

    async listAll(v: Viewer, q: Omit<PersonListQuery, 'page' | 'pageSize'>): Promise<PersonSummary[]> {
      const rows = await repo.all(db, {
        q: q.q,
        unitId: q.unitId,
        includeSubunits: q.includeSubunits,
        isLeader: q.isLeader,
        sex: q.sex,
        scopeRootUnitId:
          v.scope === 'own' ? (v.actor.unitId ?? '00000000-0000-0000-0000-000000000000') : undefined,
      });
      return rows.map((r) => toSummary(r, v.pii));
    },

    async profile(v: Viewer, id: string): Promise<Result<PersonProfile>> {
      const person = await reachable(db, v, id);
      if (!person) return fail('NOT_FOUND');
      const p = await repo.profileParts(db, id);
      return ok({
        person: toSummary(person, v.pii),
        unitHistory: p.history.map((r) => ({
          id: r.h.id,
          unitId: r.h.unitId,
          unitCode: r.unitCode,
          unitName: r.unitName,
          position: r.h.position,
          fromDate: r.h.fromDate,
          toDate: r.h.toDate,
        })),
        evaluations: p.evaluations.map((r) => ({
          id: r.e.id,
          year: r.e.year,
          rating: r.e.rating as Rating,
          unitName: r.unitName,
          employmentStartDate: r.e.employmentStartDate,
          note: r.e.note,
        })),
        leaves: p.leaves.map((l) => ({
          id: l.id,
          kind: l.kind as LeaveKind,
          fromDate: l.fromDate,
          toDate: l.toDate,
          note: l.note,
        })),
        trainings: p.trainings.map((t) => ({
          id: t.id,
          fromDate: t.fromDate,
          toDate: t.toDate,
          grade: t.grade as TrainingGrade | null,
          institution: t.institution,
          goodConduct: t.goodConduct,
        })),
        disciplines: p.discipline.map((d) => ({
          id: d.id,
          level: d.level as DisciplineLevel,
          decisionNumber: d.decisionNumber,
          decisionDate: d.decisionDate,
          fromDate: d.fromDate,
          toDate: d.toDate,
          reason: d.reason,
        })),
        initiatives: p.inits.map((i) => ({
          id: i.id,
          code: i.code,
          kind: i.kind,
          title: i.title,
          level: i.level,
          recognitionDate: i.recognitionDate,
          effectScope: i.effectScope,
          recognizingBody: i.recognizingBody,
          usedByAwardId: i.usedByAwardId,
        })),
        awards: p.awardRows.map((a) => ({
          id: a.id,
          awardCode: a.awardCode,
          year: a.year,
          track: a.track,
          issuer: a.issuer,
          decisionNumber: a.decisionNumber,
          decisionDate: a.decisionDate,
          source: a.source,
          // Awards written by an issued decision link to it; a revocation decision marks them.
          decisionId: a.decisionId,
          revokedByDecisionId: a.revokedByDecisionId,
        })),
      });
    },

    async create(v: Viewer, input: PersonCreateInput): Promise<Result<PersonSummary>> {
      try {
        return await db.transaction(async (tx) => {
          if (await repo.codeTaken(tx, input.code))
            return fail('PERSON.CODE_TAKEN', { code: 'Mã cán bộ đã tồn tại' });
          if (!(await unitsRepository.findById(tx, input.unitId)))
            return fail('PERSON.UNIT_NOT_FOUND', { unitId: 'Đơn vị không tồn tại' });
          const allowed = await scopeUnits(tx, v);
          if (allowed && !allowed.has(input.unitId))
            return fail('PERSON.OUT_OF_SCOPE', { unitId: 'Đơn vị này không thuộc phạm vi quản lý của bạn' });
          const parts = splitVietnameseName(input.fullName);
          const now = clock();
          const [row] = await tx
            .insert(people)
            .values({
              code: input.code,
              fullName: input.fullName.replace(/\s+/g, ' '),
              ...parts,
              sortKey: personSortKey(input.fullName),
              sex: input.sex,
              dateOfBirth: input.dateOfBirth ?? null,
              ethnicity: input.ethnicity ?? null,
              personalIdNumber: input.personalIdNumber ?? null,
              position: input.position ?? null,
              isLeader: input.isLeader,
              currentUnitId: input.unitId,
              createdAt: now,
              updatedAt: now,
            })
            .returning();
          await tx.insert(personUnitHistory).values({
            personId: row!.id,
            unitId: input.unitId,
            fromDate: input.fromDate,
            position: input.position ?? null,
          });
          await audit(tx, v.actor, 'person.create', row!.id, undefined, row);
          return ok(toSummary((await repo.findById(tx, row!.id))!, v.pii));
        });
      } catch (err) {
        if (isUniqueViolation(err)) return fail('PERSON.CODE_TAKEN', { code: 'Mã cán bộ đã tồn tại' });
        throw err;
      }
    },

    async update(v: Viewer, id: string, input: PersonUpdateInput): Promise<Result<PersonSummary>> {
      return db.transaction(async (tx) => {
        if (!(await reachable(tx, v, id))) return fail('NOT_FOUND');
        const before = (await repo.findByIdForUpdate(tx, id))!;
        if (before.version !== input.version) return fail('CONFLICT.VERSION');
        const { version: _v, ...patch } = input;
        const set: Partial<typeof people.$inferInsert> = Object.fromEntries(
          Object.entries(patch).filter(([, val]) => val !== undefined),
        );
        if (patch.fullName)
          Object.assign(set, splitVietnameseName(patch.fullName), {
            sortKey: personSortKey(patch.fullName),
            fullName: patch.fullName.replace(/\s+/g, ' '),
          });
        const [after] = await tx
          .update(people)
          .set({ ...set, updatedAt: clock(), version: before.version + 1 })
          .where(eq(people.id, id))
          .returning();
        await audit(tx, v.actor, 'person.update', id, before, after);
        return ok(toSummary((await repo.findById(tx, id))!, v.pii));
      });
    },

    /** Mid-year transfer: the open period ends the day before, a new one starts in the new unit. */
    async transfer(v: Viewer, id: string, input: TransferInput): Promise<Result<PersonSummary>> {
      return db.transaction(async (tx) => {
        if (!(await reachable(tx, v, id))) return fail('NOT_FOUND');
        const person = (await repo.findByIdForUpdate(tx, id))!;
        if (!(await unitsRepository.findById(tx, input.unitId)))
          return fail('PERSON.UNIT_NOT_FOUND', { unitId: 'Đơn vị không tồn tại' });
        const allowed = await scopeUnits(tx, v);
        if (allowed && !allowed.has(input.unitId))
          return fail('PERSON.OUT_OF_SCOPE', { unitId: 'Đơn vị này không thuộc phạm vi quản lý của bạn' });
        const open = await repo.openHistory(tx, id);
        if (open && input.fromDate <= open.fromDate)
          return fail('PERSON.TRANSFER_DATE', {
            fromDate: 'Ngày chuyển phải sau ngày bắt đầu ở đơn vị hiện tại',
          });
        if (open)
          await tx
            .update(personUnitHistory)
            .set({ toDate: dayBefore(input.fromDate) })
            .where(eq(personUnitHistory.id, open.id));
        await tx.insert(personUnitHistory).values({
          personId: id,
          unitId: input.unitId,
          fromDate: input.fromDate,
          position: input.position ?? null,
        });
        await tx
          .update(people)
          .set({
            currentUnitId: input.unitId,
            position: input.position ?? person.position,
            updatedAt: clock(),
            version: person.version + 1,
          })
          .where(eq(people.id, id));
        await audit(
          tx,
          v.actor,
          'person.transfer',
          id,
          { unitId: person.currentUnitId },
          { unitId: input.unitId, fromDate: input.fromDate },
        );
        return ok(toSummary((await repo.findById(tx, id))!, v.pii));
      });
    },

    async upsertEvaluation(
      v: Viewer,
      id: string,
      year: number,
      input: EvaluationUpsertInput,
    ): Promise<Result<{ year: number }>> {
      return db.transaction(async (tx) => {
        const person = await reachable(tx, v, id);
        if (!person) return fail('NOT_FOUND');
        const existing = (
          await tx
            .select()
            .from(personEvaluations)
            .where(and(eq(personEvaluations.personId, id), eq(personEvaluations.year, year)))
        )[0];
        const values = {
          rating: input.rating,
          employmentStartDate: input.employmentStartDate ?? null,
          note: input.note ?? null,
        };
        if (existing) {
          await tx.update(personEvaluations).set(values).where(eq(personEvaluations.id, existing.id));
        } else {
          await tx
            .insert(personEvaluations)
            .values({ personId: id, year, unitId: person.currentUnitId, ...values });
        }
        await audit(
          tx,
          v.actor,
          existing ? 'person.evaluation.update' : 'person.evaluation.create',
          id,
          existing,
          { year, ...values },
        );
        return ok({ year });
      });
    },

    async addRecord(
      v: Viewer,
      id: string,
      kind: 'leave' | 'training' | 'discipline',
      input: LeaveCreateInput | TrainingCreateInput | DisciplineCreateInput,
    ): Promise<Result<{ id: string }>> {
      try {
        return await db.transaction(async (tx) => {
          if (!(await reachable(tx, v, id))) return fail('NOT_FOUND');
          const table = kind === 'leave' ? personLeaves : kind === 'training' ? personTrainings : disciplines;
          const [row] = await tx
            .insert(table)
            .values({ personId: id, ...input } as never)
            .returning({ id: table.id });
          await audit(tx, v.actor, `person.${kind}.create`, id, undefined, { id: row!.id, ...input });
          return ok({ id: row!.id });
        });
      } catch (err) {
        if (isUniqueViolation(err)) return fail('RECORD.DUPLICATE');
        throw err;
      }
    },

    async deleteRecord(
      v: Viewer,
      id: string,
      kind: 'leave' | 'training' | 'discipline',
      recordId: string,
    ): Promise<Result<{ deleted: true }>> {
      return db.transaction(async (tx) => {
        if (!(await reachable(tx, v, id))) return fail('NOT_FOUND');
        const table = kind === 'leave' ? personLeaves : kind === 'training' ? personTrainings : disciplines;
        const rows = await tx
          .delete(table)
          .where(and(eq(table.id, recordId), eq(table.personId, id)))
          .returning();
        if (!rows.length) return fail('NOT_FOUND');
        await audit(tx, v.actor, `person.${kind}.delete`, id, rows[0], undefined);
        return ok({ deleted: true as const });
      });
    },
  };
}

export type PeopleService = ReturnType<typeof createPeopleService>;
