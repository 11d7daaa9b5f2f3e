/** What the year-end summary reads: the scope's units and the awards of a year counted by group. */
import { sql, type SQL } from 'drizzle-orm';
import { toCount, type Database } from '../../platform/db/database';
import { unitSubtree } from '../../platform/sql';
import type { AwardCountInput } from '../../../domain/reports/summary';

/** The units of a block and their subtrees. */
function subtreeOfMany(ids: string[]): SQL {
  if (!ids.length) return sql`select null::uuid where false`;
  return sql`with recursive sub(id) as (
      select id from units where id in (${sql.join(
        ids.map((i) => sql`${i}::uuid`),
        sql`, `,
      )})
      union all
      select u.id from units u join sub on u.parent_id = sub.id)
    select id from sub`;
}

export const reportsRepository = {
  /**
   * The body that reports for a scope: a block's organiser, a unit itself, or (no scope) the one organiser
   * of the year's blocks; undefined when there is no single one.
   */
  async reportingUnitId(
    database: Database,
    year: number,
    scope: { unitId: string | null; blockId: string | null },
  ): Promise<string | undefined> {
    if (scope.unitId) return scope.unitId;
    const r = await database.rows<{ id: string }>(
      scope.blockId
        ? sql`select organizer_unit_id as id from blocks where id = ${scope.blockId}`
        : sql`select distinct organizer_unit_id as id from blocks where year = ${year}`,
    );
    return r.length === 1 ? String(r[0]!.id) : undefined;
  },

  async parentNameOf(database: Database, unitId: string): Promise<string | null> {
    const r = await database.rows<{ name: string | null }>(
      sql`select coalesce(pu.short_name, pu.name) as name from units u left join units pu on pu.id = u.parent_id
          where u.id = ${unitId}`,
    );
    return r[0]?.name ?? null;
  },

  async unitByCode(database: Database, code: string) {
    const r = await database.rows<{ id: string; code: string; name: string }>(
      sql`select id, code, name from units where code = ${code}`,
    );
    return r[0];
  },

  async blockById(database: Database, id: string) {
    const r = await database.rows<{ id: string; name: string; year: unknown; unitIds: string[] | null }>(
      sql`select b.id, b.name, b.year,
            (select array_agg(m.unit_id::text) from block_members m where m.block_id = b.id) as "unitIds"
          from blocks b where b.id = ${id}`,
    );
    const b = r[0];
    return b ? { id: b.id, name: b.name, year: toCount(b.year), unitIds: b.unitIds ?? [] } : undefined;
  },

  /** Every unit of the subtrees of the given roots. */
  async subtreeIds(database: Database, rootIds: string[]): Promise<string[]> {
    if (!rootIds.length) return [];
    const q =
      rootIds.length === 1 ? sql`select id from ${unitSubtree(rootIds[0]!)} s` : subtreeOfMany(rootIds);
    return (await database.rows<{ id: string }>(q)).map((r) => String(r.id));
  },

  /**
   * Awards of the year, revoked ones left out, counted by track, issuer, code and recipient kind. With a
   * unit set: a collective (or a household recorded with a unit) by its unit; a person by the units they
   * belonged to during the year (unit history), or by their current unit when they have no history.
   */
  async awardCounts(database: Database, year: number, unitIds: string[] | null): Promise<AwardCountInput[]> {
    let inScope: SQL = sql`true`;
    if (unitIds) {
      if (!unitIds.length) return [];
      const set = sql`(${sql.join(
        unitIds.map((i) => sql`${i}::uuid`),
        sql`, `,
      )})`;
      inScope = sql`(
        (a.person_id is null and a.unit_id in ${set})
        or (a.person_id is not null and (
          exists (select 1 from person_unit_history h where h.person_id = a.person_id and h.unit_id in ${set}
                  and h.from_date <= make_date(${year}, 12, 31)
                  and (h.to_date is null or h.to_date >= make_date(${year}, 1, 1)))
          or (not exists (select 1 from person_unit_history h where h.person_id = a.person_id)
              and exists (select 1 from people p where p.id = a.person_id and p.current_unit_id in ${set})))))`;
    }
    const r = await database.rows<{
      track: string;
      issuer: string;
      award_code: string;
      recipient_kind: string;
      awards: unknown;
      recipients: unknown;
    }>(
      sql`select a.track, a.issuer, a.award_code, a.recipient_kind, count(*) as awards,
            count(distinct a.recipient_key) as recipients
          from awards a
          where a.year = ${year} and a.revoked_by_decision_id is null and ${inScope}
          group by a.track, a.issuer, a.award_code, a.recipient_kind`,
    );
    return r.map((x) => ({
      track: x.track,
      issuer: x.issuer,
      awardCode: x.award_code,
      recipientKind: x.recipient_kind,
      awards: toCount(x.awards),
      recipients: toCount(x.recipients),
    }));
  },
};
