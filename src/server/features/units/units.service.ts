import type { Database } from '../../platform/db/database';
import type { Clock } from '../../platform/clock';
import type { Actor } from '../../platform/actor';
import { recordAudit } from '../../platform/audit';
import { fail, ok, type Result } from '../../platform/errors';
import { todayInVietnam } from '../../platform/dates';
import { isUniqueViolation } from '../../platform/pg-errors';
import type {
  Unit,
  UnitCreateInput,
  UnitDeactivateInput,
  UnitKind,
  UnitUpdateInput,
} from '../../../shared/units/units.schema';
import { unitsRepository as repo, type UnitRow } from './units.repository';

export type Scope = 'any' | 'own';

export function createUnitsService(database: Database, clock: Clock) {
  const { db } = database;

  function toUnit(row: UnitRow, today: string): Unit {
    return {
      id: row.id,
      code: row.code,
      name: row.name,
      shortName: row.shortName,
      kind: row.kind as UnitKind,
      parentId: row.parentId,
      documentSymbol: row.documentSymbol,
      isDemo: row.isDemo,
      activeFrom: row.activeFrom,
      activeTo: row.activeTo,
      active: row.activeFrom <= today && (row.activeTo === null || row.activeTo >= today),
      version: row.version,
    };
  }

  /** Unit ids the actor may reach, or null for all. */
  async function reachable(actor: Actor, scope: Scope): Promise<Set<string> | null> {
    if (scope === 'any') return null;
    if (!actor.unitId) return new Set();
    return new Set(await repo.subtreeIds(db, actor.unitId));
  }

  return {
    reachable,

    async list(actor: Actor, scope: Scope, includeInactive: boolean): Promise<Unit[]> {
      const today = todayInVietnam(clock);
      const allowed = await reachable(actor, scope);
      return (await repo.listAll(db))
        .filter((row) => !allowed || allowed.has(row.id))
        .map((row) => toUnit(row, today))
        .filter((u) => includeInactive || u.active);
    },

    async get(actor: Actor, scope: Scope, id: string): Promise<Result<Unit>> {
      const allowed = await reachable(actor, scope);
      // Out of scope reads as not found: a unit officer learns nothing about other units.
      if (allowed && !allowed.has(id)) return fail('NOT_FOUND');
      const row = await repo.findById(db, id);
      return row ? ok(toUnit(row, todayInVietnam(clock))) : fail('NOT_FOUND');
    },

    async create(actor: Actor, input: UnitCreateInput): Promise<Result<Unit>> {
      try {
        return await db.transaction(async (tx) => {
          if (await repo.findByCode(tx, input.code))
            return fail('UNIT.CODE_TAKEN', { code: 'Mã đơn vị đã tồn tại' });
          if (input.parentId) {
            const parent = await repo.findById(tx, input.parentId);
            if (!parent) return fail('UNIT.PARENT_NOT_FOUND', { parentId: 'Đơn vị cấp trên không tồn tại' });
            if (parent.activeTo !== null && parent.activeTo < todayInVietnam(clock)) {
              return fail('UNIT.PARENT_INACTIVE', { parentId: 'Đơn vị cấp trên đã ngừng hoạt động' });
            }
          }
          const row = await repo.insert(tx, {
            code: input.code,
            name: input.name,
            shortName: input.shortName ?? null,
            kind: input.kind,
            parentId: input.parentId,
            documentSymbol: input.documentSymbol ?? null,
            activeFrom: input.activeFrom,
            createdAt: clock(),
            updatedAt: clock(),
          });
          await recordAudit(
            tx,
            actor,
            { action: 'unit.create', entityType: 'unit', entityId: row.id, after: row },
            clock,
          );
          return ok(toUnit(row, todayInVietnam(clock)));
        });
      } catch (err) {
        if (isUniqueViolation(err)) return fail('UNIT.CODE_TAKEN', { code: 'Mã đơn vị đã tồn tại' });
        throw err;
      }
    },

    async update(actor: Actor, id: string, input: UnitUpdateInput): Promise<Result<Unit>> {
      try {
        return await db.transaction(async (tx) => {
          const before = await repo.findByIdForUpdate(tx, id);
          if (!before) return fail('NOT_FOUND');
          if (before.version !== input.version) return fail('CONFLICT.VERSION');
          const { version: _v, ...patch } = input;
          if (patch.code && patch.code !== before.code && (await repo.findByCode(tx, patch.code))) {
            return fail('UNIT.CODE_TAKEN', { code: 'Mã đơn vị đã tồn tại' });
          }
          if (patch.parentId !== undefined && patch.parentId !== before.parentId && patch.parentId !== null) {
            if (!(await repo.findById(tx, patch.parentId))) {
              return fail('UNIT.PARENT_NOT_FOUND', { parentId: 'Đơn vị cấp trên không tồn tại' });
            }
            // The new parent must not be this unit or one of its descendants.
            if ((await repo.ancestorIds(tx, patch.parentId)).includes(id)) {
              return fail('UNIT.CYCLE', {
                parentId: 'Không thể chọn đơn vị này hoặc đơn vị trực thuộc nó làm cấp trên',
              });
            }
          }
          const after = await repo.update(
            tx,
            id,
            Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)),
            clock(),
          );
          await recordAudit(
            tx,
            actor,
            { action: 'unit.update', entityType: 'unit', entityId: id, before, after },
            clock,
          );
          return ok(toUnit(after, todayInVietnam(clock)));
        });
      } catch (err) {
        if (isUniqueViolation(err)) return fail('UNIT.CODE_TAKEN', { code: 'Mã đơn vị đã tồn tại' });
        throw err;
      }
    },

    async deactivate(actor: Actor, id: string, input: UnitDeactivateInput): Promise<Result<Unit>> {
      return db.transaction(async (tx) => {
        const before = await repo.findByIdForUpdate(tx, id);
        if (!before) return fail('NOT_FOUND');
        if (before.version !== input.version) return fail('CONFLICT.VERSION');
        if (input.activeTo < before.activeFrom) {
          return fail('VALIDATION.FAILED', {
            activeTo: 'Ngày ngừng hoạt động phải sau ngày bắt đầu hoạt động',
          });
        }
        if ((await repo.countActiveChildren(tx, id, input.activeTo)) > 0)
          return fail('UNIT.HAS_ACTIVE_CHILDREN');
        const after = await repo.update(tx, id, { activeTo: input.activeTo }, clock());
        await recordAudit(
          tx,
          actor,
          { action: 'unit.deactivate', entityType: 'unit', entityId: id, before, after },
          clock,
        );
        return ok(toUnit(after, todayInVietnam(clock)));
      });
    },

    async reactivate(actor: Actor, id: string, version: number): Promise<Result<Unit>> {
      return db.transaction(async (tx) => {
        const before = await repo.findByIdForUpdate(tx, id);
        if (!before) return fail('NOT_FOUND');
        if (before.version !== version) return fail('CONFLICT.VERSION');
        const after = await repo.update(tx, id, { activeTo: null }, clock());
        await recordAudit(
          tx,
          actor,
          { action: 'unit.reactivate', entityType: 'unit', entityId: id, before, after },
          clock,
        );
        return ok(toUnit(after, todayInVietnam(clock)));
      });
    },
  };
}

export type UnitsService = ReturnType<typeof createUnitsService>;
