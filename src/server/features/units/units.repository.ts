import { asc, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/database';
import { unitSubtree } from '../../platform/sql';
import { units } from '../../platform/db/schema';

export type UnitRow = typeof units.$inferSelect;

export const unitsRepository = {
  async listAll(db: DbOrTx): Promise<UnitRow[]> {
    return db.select().from(units).orderBy(asc(units.code));
  },

  /** The unit and every unit under it. */
  async subtreeIds(db: DbOrTx, rootId: string): Promise<string[]> {
    const result = (await db.execute(unitSubtree(rootId))) as unknown as { rows: { id: string }[] };
    return result.rows.map((r) => r.id);
  },

  /** The unit and every unit above it. */
  async ancestorIds(db: DbOrTx, id: string): Promise<string[]> {
    const result = (await db.execute(sql`
      with recursive up(id, parent_id) as (
        select id, parent_id from units where id = ${id}
        union all
        select u.id, u.parent_id from units u join up on u.id = up.parent_id
      )
      select id from up`)) as unknown as { rows: { id: string }[] };
    return result.rows.map((r) => r.id);
  },

  async findById(db: DbOrTx, id: string): Promise<UnitRow | undefined> {
    return (await db.select().from(units).where(eq(units.id, id)).limit(1))[0];
  },

  async findByIdForUpdate(db: DbOrTx, id: string): Promise<UnitRow | undefined> {
    return (await db.select().from(units).where(eq(units.id, id)).for('update').limit(1))[0];
  },

  async findByCode(db: DbOrTx, code: string): Promise<UnitRow | undefined> {
    return (await db.select().from(units).where(eq(units.code, code)).limit(1))[0];
  },

  async countActiveChildren(db: DbOrTx, id: string, onDate: string): Promise<number> {
    const rows = await db
      .select({ n: sql<number>`count(*)`.mapWith(Number) })
      .from(units)
      .where(
        sql`${units.parentId} = ${id} and (${units.activeTo} is null or ${units.activeTo} >= ${onDate})`,
      );
    return rows[0]?.n ?? 0;
  },

  async insert(db: DbOrTx, row: typeof units.$inferInsert): Promise<UnitRow> {
    return (await db.insert(units).values(row).returning())[0]!;
  },

  async update(
    db: DbOrTx,
    id: string,
    patch: Partial<typeof units.$inferInsert>,
    at: Date,
  ): Promise<UnitRow> {
    return (
      await db
        .update(units)
        .set({ ...patch, updatedAt: at, version: sql`${units.version} + 1` })
        .where(eq(units.id, id))
        .returning()
    )[0]!;
  },
};
