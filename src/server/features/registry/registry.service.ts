/**
 * Registry catalogue writes and reads that are not plain record lists: emulation blocks per year (with
 * members and rotation of lead/deputy) and unit successions (mergers) with the lineage walk that keeps a
 * merged unit's history reachable from its successor.
 */
import { and, eq, sql } from 'drizzle-orm';
import type { Database, DbOrTx } from '../../platform/db/database';
import type { Clock } from '../../platform/clock';
import type { Actor } from '../../platform/actor';
import { recordAudit } from '../../platform/audit';
import { fail, ok, type Result } from '../../platform/errors';
import { isUniqueViolation } from '../../platform/pg-errors';
import { blockMembers, blocks, unitSuccessions, units } from '../../platform/db/schema';
import type {
  Block,
  BlockSaveInput,
  Lineage,
  SuccessionCreateInput,
} from '../../../shared/registry/registry.schema';

async function loadBlocks(tx: DbOrTx, where: ReturnType<typeof sql>): Promise<Block[]> {
  const rows = (
    (await tx.execute(sql`
      select b.id, b.year, b.name, b.organizer_unit_id as "organizerUnitId", o.name as "organizerName",
        b.lead_unit_id as "leadUnitId", b.deputy_unit_id as "deputyUnitId", b.version,
        coalesce((select json_agg(json_build_object('unitId', u.id, 'code', u.code, 'name', u.name) order by u.code)
                  from block_members m join units u on u.id = m.unit_id where m.block_id = b.id), '[]'::json) as members
      from blocks b join units o on o.id = b.organizer_unit_id
      where ${where}
      order by b.year desc, b.name`)) as unknown as { rows: Block[] }
  ).rows;
  return rows.map((r) => ({ ...r, year: Number(r.year), version: Number(r.version) }));
}

async function unitsExist(tx: DbOrTx, ids: string[]): Promise<boolean> {
  const rows = await tx
    .select({ n: sql<number>`count(*)`.mapWith(Number) })
    .from(units)
    .where(
      sql`${units.id} in (select (value #>> '{}')::uuid from json_array_elements(${JSON.stringify([...new Set(ids)])}::json))`,
    );
  return rows[0]!.n === new Set(ids).size;
}

/**
 * Creates or updates a block inside the caller's transaction (audited). `saveBlock` wraps it in its own
 * transaction; block scoring calls it to record next year's lead and deputy with the locked result. A
 * duplicate name throws the unique violation (the caller's transaction rolls back).
 */
export async function saveBlockIn(
  tx: DbOrTx,
  actor: Actor,
  clock: Clock,
  id: string | null,
  input: BlockSaveInput,
): Promise<Result<Block>> {
  const ids = [input.organizerUnitId, ...input.memberUnitIds];
  if (!(await unitsExist(tx, ids))) return fail('NOT_FOUND', { memberUnitIds: 'Có đơn vị không tồn tại' });
  let before: Block | undefined;
  let blockId = id;
  const values = {
    year: input.year,
    name: input.name,
    organizerUnitId: input.organizerUnitId,
    leadUnitId: input.leadUnitId,
    deputyUnitId: input.deputyUnitId,
    updatedAt: clock(),
  };
  if (id) {
    before = (await loadBlocks(tx, sql`b.id = ${id}`))[0];
    if (!before) return fail('NOT_FOUND');
    if (input.version !== undefined && input.version !== before.version) return fail('CONFLICT.VERSION');
    await tx
      .update(blocks)
      .set({ ...values, version: before.version + 1 })
      .where(eq(blocks.id, id));
    await tx.delete(blockMembers).where(eq(blockMembers.blockId, id));
  } else {
    const [row] = await tx.insert(blocks).values(values).returning({ id: blocks.id });
    blockId = row!.id;
  }
  await tx
    .insert(blockMembers)
    .values([...new Set(input.memberUnitIds)].map((unitId) => ({ blockId: blockId!, unitId })));
  const after = (await loadBlocks(tx, sql`b.id = ${blockId}`))[0]!;
  await recordAudit(
    tx,
    actor,
    {
      action: id ? 'block.update' : 'block.create',
      entityType: 'block',
      entityId: blockId,
      before,
      after,
    },
    clock,
  );
  return ok(after);
}

export function createRegistryService(database: Database, clock: Clock) {
  const { db } = database;

  return {
    listBlocks(year?: number): Promise<Block[]> {
      return loadBlocks(db, year === undefined ? sql`true` : sql`b.year = ${year}`);
    },

    async saveBlock(actor: Actor, id: string | null, input: BlockSaveInput): Promise<Result<Block>> {
      try {
        return await db.transaction((tx) => saveBlockIn(tx, actor, clock, id, input));
      } catch (err) {
        if (isUniqueViolation(err))
          return fail('BLOCK.DUPLICATE', { name: 'Năm này đã có khối thi đua cùng tên' });
        throw err;
      }
    },

    /** Every unit before and after this one through successions (mergers), with the effective dates. */
    async lineage(unitId: string): Promise<Result<Lineage>> {
      if (!(await db.select({ id: units.id }).from(units).where(eq(units.id, unitId))).length)
        return fail('NOT_FOUND');
      const walk = async (direction: 'back' | 'forward') => {
        const [from, to] =
          direction === 'back' ? ['successor_id', 'predecessor_id'] : ['predecessor_id', 'successor_id'];
        const rows = (
          (await db.execute(sql`
            with recursive chain(unit_id, effective_date, depth, path) as (
              select s.${sql.raw(to)}, s.effective_date, 1, array[s.${sql.raw(from)}, s.${sql.raw(to)}]
              from unit_successions s where s.${sql.raw(from)} = ${unitId}
              union all
              select s.${sql.raw(to)}, s.effective_date, c.depth + 1, c.path || s.${sql.raw(to)}
              from unit_successions s join chain c on s.${sql.raw(from)} = c.unit_id
              where not s.${sql.raw(to)} = any(c.path) and c.depth < 20
            )
            select c.unit_id as "unitId", u.code, u.name, to_char(c.effective_date, 'YYYY-MM-DD') as "effectiveDate", c.depth
            from chain c join units u on u.id = c.unit_id
            order by c.depth, c.effective_date, u.code`)) as unknown as { rows: Lineage['successors'] }
        ).rows;
        return rows.map((r) => ({ ...r, depth: Number(r.depth) }));
      };
      return ok({ predecessors: await walk('back'), successors: await walk('forward') });
    },

    async addSuccession(actor: Actor, input: SuccessionCreateInput): Promise<Result<{ id: string }>> {
      try {
        return await db.transaction(async (tx) => {
          if (!(await unitsExist(tx, [input.predecessorId, input.successorId]))) return fail('NOT_FOUND');
          // A succession must not close a loop (A → B → A).
          const loop = (
            (await tx.execute(sql`
              with recursive chain(id) as (
                select successor_id from unit_successions where predecessor_id = ${input.successorId}
                union select s.successor_id from unit_successions s join chain c on s.predecessor_id = c.id)
              select 1 from chain where id = ${input.predecessorId} limit 1`)) as unknown as {
              rows: unknown[];
            }
          ).rows.length;
          if (loop) return fail('SUCCESSION.INVALID', { successorId: 'Quan hệ kế thừa tạo thành vòng lặp' });
          const [row] = await tx
            .insert(unitSuccessions)
            .values({
              predecessorId: input.predecessorId,
              successorId: input.successorId,
              effectiveDate: input.effectiveDate,
              note: input.note ?? null,
            })
            .returning();
          await recordAudit(
            tx,
            actor,
            {
              action: 'unit.succession.create',
              entityType: 'unit',
              entityId: input.predecessorId,
              after: row,
            },
            clock,
          );
          return ok({ id: row!.id });
        });
      } catch (err) {
        if (isUniqueViolation(err)) return fail('RECORD.DUPLICATE');
        throw err;
      }
    },

    async removeSuccession(actor: Actor, id: string): Promise<Result<{ deleted: true }>> {
      return db.transaction(async (tx) => {
        const rows = await tx
          .delete(unitSuccessions)
          .where(and(eq(unitSuccessions.id, id)))
          .returning();
        if (!rows.length) return fail('NOT_FOUND');
        await recordAudit(
          tx,
          actor,
          {
            action: 'unit.succession.delete',
            entityType: 'unit',
            entityId: rows[0]!.predecessorId,
            before: rows[0],
          },
          clock,
        );
        return ok({ deleted: true as const });
      });
    },
  };
}

export type RegistryService = ReturnType<typeof createRegistryService>;
