/**
 * Movements: the department drafts, launches (targets resolved and notified in one transaction) and closes
 * them; each target unit reports its own results; results aggregate per block and for the department.
 */
import type { Database, DbOrTx } from '../../platform/db/database';
import type { Clock } from '../../platform/clock';
import { systemActor, type Actor } from '../../platform/actor';
import { recordAudit } from '../../platform/audit';
import { fail, ok, type Result } from '../../platform/errors';
import {
  aggregateResults,
  valuesProblems,
  type AggregateGroup,
  type IndicatorDef,
  type IndicatorValue,
} from '../../../domain/movements/indicators';
import type {
  MovementAggregate,
  MovementDetail,
  MovementParsed,
  MovementSummary,
  NotificationView,
  ResultInput,
  UnitResult,
} from '../../../shared/movements/movements.schema';
import { unitsRepository } from '../units/units.repository';
import type { Scope } from '../units/units.service';
import { movementsRepository as repo, type IndicatorRow, type MovementRow } from './movements.repository';

export interface Viewer {
  actor: Actor;
  /** read:movement:any or :own. */
  scope: Scope;
}

/** Who reports: `any` (the department, for any target unit) or `own` (a unit, for itself only). */
export interface Reporter {
  actor: Actor;
  scope: Scope;
}

type Listed = NonNullable<Awaited<ReturnType<typeof repo.findById>>>;

const toSummary = (r: Listed): MovementSummary => ({
  id: r.m.id,
  name: r.m.name,
  kind: r.m.kind as MovementSummary['kind'],
  year: r.m.year,
  launchingUnitId: r.m.launchingUnitId,
  launchingUnitName: r.launchingUnitName,
  periodFrom: r.m.periodFrom,
  periodTo: r.m.periodTo,
  status: r.m.status as MovementSummary['status'],
  targetCount: r.targetCount,
  reportedCount: r.reportedCount,
  version: r.m.version,
});

const toIndicatorDef = (i: IndicatorRow): IndicatorDef => ({
  code: i.code,
  label: i.label,
  kind: i.kind as IndicatorDef['kind'],
  target: i.target,
});

const fieldsOf = (m: MovementParsed) => ({
  name: m.name,
  kind: m.kind,
  year: m.year,
  launchingUnitId: m.launchingUnitId,
  periodFrom: m.periodFrom,
  periodTo: m.periodTo,
  targetKind: m.targetKind,
  targetBlockId: m.targetKind === 'block' ? m.targetBlockId : null,
  targetRootUnitId: m.targetKind === 'subtree' ? m.targetRootUnitId : null,
  targetUnitIds: m.targetKind === 'list' ? [...new Set(m.targetUnitIds)] : [],
  goals: m.goals,
  criteria: m.criteria,
  directives: m.directives,
});

const TARGET_FIELD = { block: 'targetBlockId', subtree: 'targetRootUnitId', list: 'targetUnitIds' } as const;

export function createMovementsService(database: Database, clock: Clock) {
  const { db } = database;

  async function scopeRoot(v: Viewer): Promise<string | undefined> {
    if (v.scope === 'any') return undefined;
    return v.actor.unitId ?? '00000000-0000-0000-0000-000000000000';
  }

  async function ownUnits(tx: DbOrTx, actor: Actor): Promise<Set<string>> {
    return new Set(actor.unitId ? await unitsRepository.subtreeIds(tx, actor.unitId) : []);
  }

  /** Units a movement's declared target resolves to; undefined when the block or a unit does not exist. */
  async function resolveTargets(tx: DbOrTx, m: MovementRow): Promise<string[] | undefined> {
    if (m.targetKind === 'block')
      return m.targetBlockId ? repo.blockMemberIds(tx, m.targetBlockId) : undefined;
    if (m.targetKind === 'subtree') {
      if (!m.targetRootUnitId || !(await repo.existingUnitIds(tx, [m.targetRootUnitId])).length)
        return undefined;
      return repo.activeSubtreeIds(tx, m.targetRootUnitId, m.periodFrom, m.periodTo);
    }
    const found = await repo.existingUnitIds(tx, m.targetUnitIds);
    return found.length === m.targetUnitIds.length ? m.targetUnitIds : undefined;
  }

  async function checkReferences(tx: DbOrTx, m: MovementParsed): Promise<Result<null>> {
    if (!(await repo.existingUnitIds(tx, [m.launchingUnitId])).length)
      return fail('MOVEMENT.TARGET_INVALID', { launchingUnitId: 'Đơn vị phát động không tồn tại' });
    const resolved = await resolveTargets(tx, fieldsOf(m) as MovementRow);
    if (!resolved) return fail('MOVEMENT.TARGET_INVALID', { [TARGET_FIELD[m.targetKind]]: 'Không tồn tại' });
    return ok(null);
  }

  async function detail(tx: DbOrTx, v: Viewer, id: string): Promise<Result<MovementDetail>> {
    const row = await repo.findById(tx, id);
    if (!row) return fail('NOT_FOUND');
    // Sequential: `tx` may be a transaction (one connection; node-postgres warns on overlapping queries).
    const indicators = await repo.indicatorsOf(tx, [id]);
    const targets = await repo.targetsOf(tx, [id]);
    const results = await repo.resultsOf(tx, [id]);
    let visibleResults = results;
    if (v.scope === 'own') {
      const own = await ownUnits(tx, v.actor);
      // A unit sees a movement only when it is launched for it; it sees its own results, and the aggregates.
      if (row.m.status === 'draft' || !targets.some((t) => own.has(t.unitId))) return fail('NOT_FOUND');
      visibleResults = results.filter((r) => own.has(r.r.unitId));
    }
    return ok({
      ...toSummary(row),
      targetKind: row.m.targetKind as MovementDetail['targetKind'],
      targetBlockId: row.m.targetBlockId,
      targetRootUnitId: row.m.targetRootUnitId,
      targetUnitIds: row.m.targetUnitIds,
      goals: row.m.goals,
      criteria: row.m.criteria,
      directives: row.m.directives,
      launchedAt: row.m.launchedAt?.toISOString() ?? null,
      indicators: indicators.map((i) => ({
        id: i.id,
        code: i.code,
        label: i.label,
        kind: i.kind as IndicatorDef['kind'],
        target: i.target,
      })),
      targets: targets.map(({ unitId, unitCode, unitName }) => ({ unitId, unitCode, unitName })),
      results: visibleResults.map(toResult),
    });
  }

  function toResult(r: Awaited<ReturnType<typeof repo.resultsOf>>[number]): UnitResult {
    return {
      id: r.r.id,
      unitId: r.r.unitId,
      unitCode: r.unitCode,
      unitName: r.unitName,
      summary: r.r.summary,
      values: r.r.values,
      updatedAt: r.r.updatedAt.toISOString(),
      version: r.r.version,
    };
  }

  async function audit(
    tx: DbOrTx,
    actor: Actor,
    action: string,
    entityId: string,
    before?: unknown,
    after?: unknown,
  ) {
    await recordAudit(tx, actor, { action, entityType: 'movement', entityId, before, after }, clock);
  }

  return {
    async list(
      v: Viewer,
      q: { year?: number | undefined; status?: string | undefined },
    ): Promise<MovementSummary[]> {
      const rows = await repo.listForYear(db, { ...q, scopeRootUnitId: await scopeRoot(v) });
      return rows.map(toSummary);
    },

    detail: (v: Viewer, id: string) => detail(db, v, id),

    async create(actor: Actor, input: MovementParsed): Promise<Result<MovementDetail>> {
      return db.transaction(async (tx) => {
        const refs = await checkReferences(tx, input);
        if (!refs.ok) return refs;
        const row = await repo.insert(tx, { ...fieldsOf(input), status: 'draft' });
        await repo.replaceIndicators(tx, row.id, input.indicators);
        await audit(tx, actor, 'movement.create', row.id, undefined, {
          ...fieldsOf(input),
          indicators: input.indicators,
        });
        return detail(tx, { actor, scope: 'any' }, row.id);
      });
    },

    async update(
      actor: Actor,
      id: string,
      input: MovementParsed,
      version: number,
    ): Promise<Result<MovementDetail>> {
      return db.transaction(async (tx) => {
        const before = await repo.findByIdForUpdate(tx, id);
        if (!before) return fail('NOT_FOUND');
        if (before.version !== version) return fail('CONFLICT.VERSION');
        if (before.status === 'closed') return fail('MOVEMENT.CLOSED');
        const fields = fieldsOf(input);
        const oldIndicators = await repo.indicatorsOf(tx, [id]);
        if (before.status === 'launched') {
          // After launch the targets are notified and results may exist: only the texts and period may change.
          const sameTarget =
            before.targetKind === fields.targetKind &&
            before.targetBlockId === fields.targetBlockId &&
            before.targetRootUnitId === fields.targetRootUnitId &&
            JSON.stringify([...before.targetUnitIds].sort()) ===
              JSON.stringify([...fields.targetUnitIds].sort());
          const sameIndicators =
            JSON.stringify(oldIndicators.map((i) => [i.code, i.label, i.kind, i.target])) ===
            JSON.stringify(input.indicators.map((i) => [i.code, i.label, i.kind, i.target]));
          if (!sameTarget || !sameIndicators || before.year !== fields.year)
            return fail('MOVEMENT.NOT_DRAFT');
        } else {
          const refs = await checkReferences(tx, input);
          if (!refs.ok) return refs;
          await repo.replaceIndicators(tx, id, input.indicators);
        }
        await repo.update(tx, id, fields, clock());
        await audit(tx, actor, 'movement.update', id, before, { ...fields, indicators: input.indicators });
        return detail(tx, { actor, scope: 'any' }, id);
      });
    },

    /** Resolves the targets, freezes them, notifies each target unit: all or nothing. */
    async launch(actor: Actor, id: string, version: number): Promise<Result<MovementDetail>> {
      return db.transaction(async (tx) => {
        const before = await repo.findByIdForUpdate(tx, id);
        if (!before) return fail('NOT_FOUND');
        if (before.version !== version) return fail('CONFLICT.VERSION');
        if (before.status !== 'draft')
          return fail(before.status === 'closed' ? 'MOVEMENT.CLOSED' : 'MOVEMENT.NOT_DRAFT');
        const targets = await resolveTargets(tx, before);
        if (!targets) return fail('MOVEMENT.TARGET_INVALID');
        if (!targets.length) return fail('MOVEMENT.NO_TARGETS');
        const now = clock();
        await repo.setTargets(tx, id, targets);
        await repo.update(tx, id, { status: 'launched', launchedAt: now }, now);
        const launcher = (await repo.unitName(tx, before.launchingUnitId)) ?? '';
        await repo.notifyUnits(
          tx,
          targets,
          {
            kind: 'movement.launched',
            title: `Phát động phong trào: ${before.name}`,
            body: `${launcher} phát động phong trào thi đua "${before.name}" (${before.periodFrom} – ${before.periodTo}). Đơn vị báo cáo kết quả trên VinhDanh.`,
            entityType: 'movement',
            entityId: id,
          },
          now,
        );
        await audit(
          tx,
          actor,
          'movement.launch',
          id,
          { status: before.status },
          { status: 'launched', targets },
        );
        return detail(tx, { actor, scope: 'any' }, id);
      });
    },

    async close(actor: Actor, id: string, version: number): Promise<Result<MovementDetail>> {
      return db.transaction(async (tx) => {
        const before = await repo.findByIdForUpdate(tx, id);
        if (!before) return fail('NOT_FOUND');
        if (before.version !== version) return fail('CONFLICT.VERSION');
        if (before.status !== 'launched')
          return fail(before.status === 'closed' ? 'MOVEMENT.CLOSED' : 'MOVEMENT.NOT_LAUNCHED');
        const now = clock();
        await repo.update(tx, id, { status: 'closed', closedAt: now }, now);
        await audit(tx, actor, 'movement.close', id, { status: before.status }, { status: 'closed' });
        return detail(tx, { actor, scope: 'any' }, id);
      });
    },

    /** A target unit reports (or corrects) its results; `own` reporters only for their own unit. */
    async report(r: Reporter, id: string, unitId: string, input: ResultInput): Promise<Result<UnitResult>> {
      return db.transaction(async (tx) => {
        const movement = await repo.findByIdForUpdate(tx, id);
        if (!movement) return fail('NOT_FOUND');
        if (r.scope === 'own' && !(await ownUnits(tx, r.actor)).has(unitId))
          return fail('MOVEMENT.OTHER_UNIT');
        if (movement.status === 'draft') return fail('MOVEMENT.NOT_LAUNCHED');
        if (movement.status === 'closed') return fail('MOVEMENT.CLOSED');
        if (!(await repo.isTarget(tx, id, unitId))) return fail('MOVEMENT.NOT_TARGET');
        const indicators = (await repo.indicatorsOf(tx, [id])).map(toIndicatorDef);
        const values = input.values ?? {};
        const problems = valuesProblems(indicators, values);
        if (Object.keys(problems).length)
          return fail(
            'MOVEMENT.VALUE_KIND',
            Object.fromEntries(Object.entries(problems).map(([k, m]) => [`values.${k}`, m])),
          );
        const clean = values as Record<string, IndicatorValue>;
        const summary = input.summary ?? '';
        const existing = await repo.findResultForUpdate(tx, id, unitId);
        const now = clock();
        let row;
        if (existing) {
          if (input.version !== existing.version) return fail('CONFLICT.VERSION');
          row = await repo.updateResult(
            tx,
            existing.id,
            { summary, values: clean, reportedBy: r.actor.id },
            now,
          );
        } else {
          // Someone reported first: the caller's form is stale.
          if (input.version !== null) return fail('CONFLICT.VERSION');
          row = await repo.insertResult(tx, {
            movementId: id,
            unitId,
            summary,
            values: clean,
            reportedBy: r.actor.id,
            createdAt: now,
            updatedAt: now,
          });
        }
        await recordAudit(
          tx,
          r.actor,
          {
            action: 'movement.result.report',
            entityType: 'movement_result',
            entityId: row.id,
            before: existing ? { summary: existing.summary, values: existing.values } : undefined,
            after: { movementId: id, unitId, summary, values: clean },
          },
          clock,
        );
        const [full] = (await repo.resultsOf(tx, [id])).filter((x) => x.r.unitId === unitId);
        return ok(toResult(full!));
      });
    },

    async aggregate(v: Viewer, id: string): Promise<Result<MovementAggregate>> {
      const d = await detail(db, v, id);
      if (!d.ok) return d;
      return ok(await aggregateOf(db, d.value.id));
    },

    async notifications(actor: Actor): Promise<NotificationView[]> {
      const rows = await repo.notificationsFor(db, actor.unitId ? [actor.unitId] : []);
      return rows.map((n) => ({
        id: n.id,
        kind: n.kind,
        title: n.title,
        body: n.body,
        entityType: n.entityType,
        entityId: n.entityId,
        createdAt: n.createdAt.toISOString(),
      }));
    },

    /** Movements of a year with indicators, every unit's results and the aggregates (CLI, reports). */
    async yearReport(year: number) {
      const rows = await repo.listForYear(db, { year });
      const out = [];
      for (const row of rows) {
        const d = await detail(db, { actor: systemActor(), scope: 'any' }, row.m.id);
        if (!d.ok) continue;
        out.push({ ...d.value, aggregate: await aggregateOf(db, row.m.id) });
      }
      return out;
    },
  };

  async function aggregateOf(tx: DbOrTx, id: string): Promise<MovementAggregate> {
    const row = (await repo.findById(tx, id))!;
    // Sequential: `tx` may be a transaction (one connection; node-postgres warns on overlapping queries).
    const indicators = await repo.indicatorsOf(tx, [id]);
    const targets = await repo.targetsOf(tx, [id]);
    const results = await repo.resultsOf(tx, [id]);
    const targetIds = targets.map((t) => t.unitId);
    const memberships = await repo.blocksOfUnits(tx, row.m.year, targetIds);
    const blocks = new Map<string, AggregateGroup & { unitIds: string[] }>();
    for (const m of memberships) {
      const g = blocks.get(m.blockId) ?? { key: m.blockId, label: m.blockName, unitIds: [] };
      g.unitIds.push(m.unitId);
      blocks.set(m.blockId, g);
    }
    const groups = [
      ...[...blocks.values()].map((g) => ({ ...g, scope: 'block' as const })),
      {
        key: row.m.launchingUnitId,
        label: row.launchingUnitName,
        unitIds: targetIds,
        scope: 'department' as const,
      },
    ];
    const aggregated = aggregateResults(
      indicators.map(toIndicatorDef),
      results.map((r) => ({ unitId: r.r.unitId, values: r.r.values })),
      groups,
    );
    return {
      movementId: id,
      groups: aggregated.map((a, i) => ({ ...a, scope: groups[i]!.scope })),
    };
  }
}

export type MovementsService = ReturnType<typeof createMovementsService>;
