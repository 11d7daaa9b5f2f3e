import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/database';
import { unitSubtree } from '../../platform/sql';
import {
  blockMembers,
  blocks,
  movementIndicators,
  movementResults,
  movements,
  movementTargets,
  notifications,
  units,
} from '../../platform/db/schema';

export type MovementRow = typeof movements.$inferSelect;
export type IndicatorRow = typeof movementIndicators.$inferSelect;
export type ResultRow = typeof movementResults.$inferSelect;

const targetCount =
  sql<number>`(select count(*) from movement_targets t where t.movement_id = ${movements.id})`.mapWith(
    Number,
  );
const reportedCount =
  sql<number>`(select count(*) from movement_results r where r.movement_id = ${movements.id})`.mapWith(
    Number,
  );

export const movementsRepository = {
  /** Movements of a year (all of them, or those visible to a unit: targeting or launched by its subtree). */
  async listForYear(
    db: DbOrTx,
    filter: { year?: number | undefined; status?: string | undefined; scopeRootUnitId?: string | undefined },
  ) {
    return db
      .select({ m: movements, launchingUnitName: units.name, targetCount, reportedCount })
      .from(movements)
      .innerJoin(units, eq(units.id, movements.launchingUnitId))
      .where(
        and(
          filter.year ? eq(movements.year, filter.year) : undefined,
          filter.status ? eq(movements.status, filter.status) : undefined,
          filter.scopeRootUnitId
            ? sql`${movements.status} <> 'draft' and exists (
                select 1 from movement_targets t
                where t.movement_id = ${movements.id} and t.unit_id in ${unitSubtree(filter.scopeRootUnitId)})`
            : undefined,
        ),
      )
      .orderBy(asc(movements.year), asc(movements.periodFrom), asc(movements.name));
  },

  async findById(db: DbOrTx, id: string) {
    const rows = await db
      .select({ m: movements, launchingUnitName: units.name, targetCount, reportedCount })
      .from(movements)
      .innerJoin(units, eq(units.id, movements.launchingUnitId))
      .where(eq(movements.id, id));
    return rows[0];
  },

  async findByIdForUpdate(db: DbOrTx, id: string): Promise<MovementRow | undefined> {
    return (await db.select().from(movements).where(eq(movements.id, id)).for('update'))[0];
  },

  async insert(db: DbOrTx, values: typeof movements.$inferInsert): Promise<MovementRow> {
    return (await db.insert(movements).values(values).returning())[0]!;
  },

  async update(db: DbOrTx, id: string, patch: Partial<typeof movements.$inferInsert>, now: Date) {
    return (
      await db
        .update(movements)
        .set({ ...patch, updatedAt: now, version: sql`${movements.version} + 1` })
        .where(eq(movements.id, id))
        .returning()
    )[0]!;
  },

  async indicatorsOf(db: DbOrTx, movementIds: string[]): Promise<IndicatorRow[]> {
    if (!movementIds.length) return [];
    return db
      .select()
      .from(movementIndicators)
      .where(inArray(movementIndicators.movementId, movementIds))
      .orderBy(asc(movementIndicators.position));
  },

  async replaceIndicators(
    db: DbOrTx,
    movementId: string,
    list: { code: string; label: string; kind: string; target: number | null }[],
  ) {
    await db.delete(movementIndicators).where(eq(movementIndicators.movementId, movementId));
    if (list.length)
      await db.insert(movementIndicators).values(list.map((i, position) => ({ ...i, movementId, position })));
  },

  async targetsOf(db: DbOrTx, movementIds: string[]) {
    if (!movementIds.length) return [];
    return db
      .select({
        movementId: movementTargets.movementId,
        unitId: units.id,
        unitCode: units.code,
        unitName: units.name,
      })
      .from(movementTargets)
      .innerJoin(units, eq(units.id, movementTargets.unitId))
      .where(inArray(movementTargets.movementId, movementIds))
      .orderBy(asc(units.code));
  },

  async isTarget(db: DbOrTx, movementId: string, unitId: string): Promise<boolean> {
    const rows = await db
      .select({ u: movementTargets.unitId })
      .from(movementTargets)
      .where(and(eq(movementTargets.movementId, movementId), eq(movementTargets.unitId, unitId)));
    return rows.length > 0;
  },

  async setTargets(db: DbOrTx, movementId: string, unitIds: string[]) {
    await db.delete(movementTargets).where(eq(movementTargets.movementId, movementId));
    if (unitIds.length)
      await db.insert(movementTargets).values(unitIds.map((unitId) => ({ movementId, unitId })));
  },

  async blockMemberIds(db: DbOrTx, blockId: string): Promise<string[] | undefined> {
    const block = (await db.select({ id: blocks.id }).from(blocks).where(eq(blocks.id, blockId)))[0];
    if (!block) return undefined;
    const rows = await db
      .select({ unitId: blockMembers.unitId })
      .from(blockMembers)
      .where(eq(blockMembers.blockId, blockId));
    return rows.map((r) => r.unitId);
  },

  async existingUnitIds(db: DbOrTx, ids: string[]): Promise<string[]> {
    if (!ids.length) return [];
    return (await db.select({ id: units.id }).from(units).where(inArray(units.id, ids))).map((r) => r.id);
  },

  /** Units of the subtree active at some time in the movement's period. */
  async activeSubtreeIds(db: DbOrTx, rootId: string, from: string, to: string): Promise<string[]> {
    const rows = await db
      .select({ id: units.id })
      .from(units)
      .where(
        sql`${units.id} in ${unitSubtree(rootId)} and ${units.activeFrom} <= ${to}
            and (${units.activeTo} is null or ${units.activeTo} >= ${from})`,
      );
    return rows.map((r) => r.id);
  },

  async resultsOf(db: DbOrTx, movementIds: string[]) {
    if (!movementIds.length) return [];
    return db
      .select({ r: movementResults, unitCode: units.code, unitName: units.name })
      .from(movementResults)
      .innerJoin(units, eq(units.id, movementResults.unitId))
      .where(inArray(movementResults.movementId, movementIds))
      .orderBy(asc(units.code));
  },

  async findResultForUpdate(db: DbOrTx, movementId: string, unitId: string): Promise<ResultRow | undefined> {
    return (
      await db
        .select()
        .from(movementResults)
        .where(and(eq(movementResults.movementId, movementId), eq(movementResults.unitId, unitId)))
        .for('update')
    )[0];
  },

  async insertResult(db: DbOrTx, values: typeof movementResults.$inferInsert): Promise<ResultRow> {
    return (await db.insert(movementResults).values(values).returning())[0]!;
  },

  async updateResult(
    db: DbOrTx,
    id: string,
    patch: { summary: string; values: Record<string, number | boolean>; reportedBy: string | null },
    now: Date,
  ): Promise<ResultRow> {
    return (
      await db
        .update(movementResults)
        .set({ ...patch, updatedAt: now, version: sql`${movementResults.version} + 1` })
        .where(eq(movementResults.id, id))
        .returning()
    )[0]!;
  },

  /** The blocks of a year each target unit belongs to (for per-block aggregation). */
  async blocksOfUnits(db: DbOrTx, year: number, unitIds: string[]) {
    if (!unitIds.length) return [];
    return db
      .select({ blockId: blocks.id, blockName: blocks.name, unitId: blockMembers.unitId })
      .from(blockMembers)
      .innerJoin(blocks, eq(blocks.id, blockMembers.blockId))
      .where(and(eq(blocks.year, year), inArray(blockMembers.unitId, unitIds)))
      .orderBy(asc(blocks.name));
  },

  async unitName(db: DbOrTx, id: string): Promise<string | undefined> {
    return (await db.select({ name: units.name }).from(units).where(eq(units.id, id)))[0]?.name;
  },

  async notifyUnits(
    db: DbOrTx,
    unitIds: string[],
    n: { kind: string; title: string; body: string; entityType: string; entityId: string },
    now: Date,
  ) {
    if (!unitIds.length) return;
    await db.insert(notifications).values(unitIds.map((unitId) => ({ ...n, unitId, createdAt: now })));
  },

  async notificationsFor(db: DbOrTx, unitIds: string[], limit = 50) {
    if (!unitIds.length) return [];
    return db
      .select()
      .from(notifications)
      .where(inArray(notifications.unitId, unitIds))
      .orderBy(sql`${notifications.createdAt} desc`)
      .limit(limit);
  },
};
