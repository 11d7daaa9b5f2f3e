/**
 * The statistics' queries. Everything is aggregated in the database (group by) and only the cells travel:
 * the benchmark province has 60 000 people and ten years of awards.
 *
 * The unit of an award: a collective's (or a household's recorded) unit; a person's unit on 31 December of
 * the award's year (unit history), else their current unit. Found set-wise (hash joins), never by a lookup
 * per award row.
 */
import { sql, type SQL } from 'drizzle-orm';
import { toCount, type Database } from '../../platform/db/database';
import type { StatCell, StatUnit, YearCell } from '../../../domain/reports/statistics';
import type { FormMovement } from '../../../domain/reports/forms';
import type { StatAwardItem } from '../../../shared/statistics/statistics.schema';
import { OPEN_DOSSIER_STATES } from '../../../shared/statistics/statistics.schema';
import { awardLabel } from '../../../domain/reports/statistics';

/** The scope's units as a subquery (`select id …`), or null for everything. */
export type UnitSet = SQL | null;

const idList = (ids: readonly string[]): SQL =>
  sql.join(
    ids.map((i) => sql`${i}::uuid`),
    sql`, `,
  );

/** `select id` of the given roots and every unit under them. */
export function subtreesOf(rootIds: readonly string[]): SQL {
  if (!rootIds.length) return sql`select null::uuid as id where false`;
  return sql`with recursive sub(id) as (
      select id from units where id in (${idList(rootIds)})
      union all
      select u.id from units u join sub on u.parent_id = sub.id)
    select id from sub`;
}

/**
 * The awards of years `from`–`to`, issued and not revoked, each with its unit (`uid`), the person's sex and
 * leadership flag and the prize of its decision line. `extra` narrows the award rows (drill-down filters).
 * A person's unit is the unit-history period that contains 31 December of the award's year (periods of a
 * person do not overlap), else their current unit: one hash join, no sort and no per-row lookup.
 */
function facts(
  from: number,
  to: number,
  units: UnitSet,
  extra: SQL = sql`true`,
  /** Select by decision date within this period instead of by achievement year. */
  decided?: { from: string; to: string },
): SQL {
  // A scope narrows the award rows before the joins: a unit's own awards, or a person who has ever been
  // in (or is now in) one of its units — a superset of the rows whose unit is in scope (checked after).
  const pre = units
    ? sql`(w.unit_id in (${units})
          or w.person_id in (select h2.person_id from person_unit_history h2 where h2.unit_id in (${units}))
          or w.person_id in (select p2.id from people p2 where p2.current_unit_id in (${units})))`
    : sql`true`;
  const dec31 = from === to && !decided ? sql`make_date(${from}, 12, 31)` : sql`make_date(w.year, 12, 31)`;
  const period = decided
    ? sql`w.decision_date between ${decided.from}::date and ${decided.to}::date`
    : sql`w.year between ${from} and ${to}`;
  return sql`f as (
      select w.id, w.year, w.award_code, w.issuer, w.track, w.recipient_kind, w.person_id, w.unit_id,
             w.decision_number, w.decision_date, w.household_name,
             p.sex, p.is_leader, p.full_name, p.sort_key,
             case when w.person_id is null then w.unit_id else coalesce(h.unit_id, p.current_unit_id) end as uid,
             coalesce(dr.prize_amount, 0)::bigint as prize
      from awards w
      left join people p on p.id = w.person_id
      left join person_unit_history h on h.person_id = w.person_id
        and h.from_date <= ${dec31} and (h.to_date is null or h.to_date >= ${dec31})
      left join decision_recipients dr on dr.id = w.decision_recipient_id
      where ${period} and w.revoked_by_decision_id is null and ${pre} and ${extra})`;
}

const inScope = (units: UnitSet): SQL => (units ? sql`f.uid in (${units})` : sql`true`);

export interface AwardFilter {
  unitId?: string | undefined;
  code?: string | undefined;
  issuer?: string | undefined;
  track?: string | undefined;
  recipientKind?: string | undefined;
  sex?: string | undefined;
  leader?: boolean | undefined;
}

export const statisticsRepository = {
  async unitByCode(database: Database, code: string) {
    const r = await database.rows<{ id: string; code: string; name: string }>(
      sql`select id, code, name from units where code = ${code}`,
    );
    return r[0];
  },

  async unitById(database: Database, id: string) {
    const r = await database.rows<{ id: string; code: string; name: string; parent_name: string | null }>(
      sql`select u.id, u.code, u.name, coalesce(pu.short_name, pu.name) as parent_name
          from units u left join units pu on pu.id = u.parent_id where u.id = ${id}`,
    );
    return r[0];
  },

  async blockById(database: Database, id: string) {
    const r = await database.rows<{
      id: string;
      name: string;
      year: unknown;
      organizer: string | null;
      unitIds: string[] | null;
    }>(
      sql`select b.id, b.name, b.year, b.organizer_unit_id as organizer,
            (select array_agg(m.unit_id::text) from block_members m where m.block_id = b.id) as "unitIds"
          from blocks b where b.id = ${id}`,
    );
    const b = r[0];
    return b
      ? { id: b.id, name: b.name, year: toCount(b.year), organizer: b.organizer, unitIds: b.unitIds ?? [] }
      : undefined;
  },

  /** Ids of the subtrees of the roots, as a list (for the "is it visible" check). */
  async subtreeIds(database: Database, rootIds: readonly string[]): Promise<string[]> {
    return (await database.rows<{ id: string }>(subtreesOf(rootIds))).map((r) => String(r.id));
  },

  /** The one organiser of the year's blocks (who reports for "everything"), if there is exactly one. */
  async soleOrganizer(database: Database, year: number): Promise<string | undefined> {
    const r = await database.rows<{ id: string }>(
      sql`select distinct organizer_unit_id as id from blocks where year = ${year}`,
    );
    return r.length === 1 ? String(r[0]!.id) : undefined;
  },

  /**
   * The year's cells: one group-by over the facts. `decided`: the awards decided within a reporting period
   * (the ministry's forms) instead of the awards of an achievement year (the statistics tables).
   */
  async cells(
    database: Database,
    year: number,
    units: UnitSet,
    decided?: { from: string; to: string },
  ): Promise<StatCell[]> {
    const r = await database.rows<{
      uid: string | null;
      award_code: string;
      issuer: string;
      track: string;
      recipient_kind: string;
      sex: string | null;
      is_leader: boolean | null;
      awards: unknown;
      prize: unknown;
    }>(
      sql`with ${facts(year, year, units, sql`true`, decided)}
          select f.uid, f.award_code, f.issuer, f.track, f.recipient_kind, f.sex, f.is_leader,
                 count(*) as awards, sum(f.prize) as prize
          from f where ${inScope(units)}
          group by f.uid, f.award_code, f.issuer, f.track, f.recipient_kind, f.sex, f.is_leader`,
    );
    return r.map((x) => ({
      unitId: x.uid ? String(x.uid) : null,
      awardCode: x.award_code,
      issuer: x.issuer,
      track: x.track,
      recipientKind: x.recipient_kind,
      sex: x.recipient_kind === 'individual' ? x.sex : null,
      leader: x.recipient_kind === 'individual' ? Boolean(x.is_leader) : null,
      awards: toCount(x.awards),
      prize: Number(x.prize ?? 0),
    }));
  },

  /**
   * Awards and prize money per year and recipient kind over a window. Without a scope no unit is needed, so
   * the query is a plain group-by over the awards (the ten-year province case of the benchmark).
   */
  async years(database: Database, from: number, to: number, units: UnitSet): Promise<YearCell[]> {
    const q = units
      ? sql`with ${facts(from, to, units)}
            select f.year, f.recipient_kind, count(*) as awards, sum(f.prize) as prize
            from f where ${inScope(units)} group by f.year, f.recipient_kind`
      : sql`select w.year, w.recipient_kind, count(*) as awards, sum(coalesce(dr.prize_amount, 0)::bigint) as prize
            from awards w left join decision_recipients dr on dr.id = w.decision_recipient_id
            where w.year between ${from} and ${to} and w.revoked_by_decision_id is null
            group by w.year, w.recipient_kind`;
    const r = await database.rows<{ year: unknown; recipient_kind: string; awards: unknown; prize: unknown }>(
      q,
    );
    return r.map((x) => ({
      year: toCount(x.year),
      recipientKind: x.recipient_kind,
      awards: toCount(x.awards),
      prize: Number(x.prize ?? 0),
    }));
  },

  /** Names (and kinds) of the units the cells mention. */
  async units(database: Database, ids: readonly string[]): Promise<(StatUnit & { kind: string })[]> {
    if (!ids.length) return [];
    const r = await database.rows<{ id: string; code: string; name: string; kind: string }>(
      sql`select id, code, name, kind from units where id in (${idList(ids)})`,
    );
    return r.map((u) => ({ id: String(u.id), code: u.code, name: u.name, kind: u.kind }));
  },

  /** The list behind a number, a page at a time, recipients in Vietnamese order. */
  async awards(
    database: Database,
    year: number,
    units: UnitSet,
    filter: AwardFilter,
    page: number,
    pageSize: number,
  ): Promise<{ items: StatAwardItem[]; total: number }> {
    const conds: SQL[] = [];
    if (filter.code) conds.push(sql`w.award_code = ${filter.code}`);
    if (filter.issuer) conds.push(sql`w.issuer = ${filter.issuer}`);
    if (filter.track) conds.push(sql`w.track = ${filter.track}`);
    if (filter.recipientKind) conds.push(sql`w.recipient_kind = ${filter.recipientKind}`);
    if (filter.sex !== undefined || filter.leader !== undefined)
      conds.push(sql`w.recipient_kind = 'individual'`);
    const extra = conds.length ? sql.join(conds, sql` and `) : sql`true`;
    const outer: SQL[] = [inScope(units)];
    if (filter.unitId) outer.push(sql`f.uid = ${filter.unitId}`);
    if (filter.sex) outer.push(sql`f.sex = ${filter.sex}`);
    if (filter.leader !== undefined) outer.push(sql`coalesce(f.is_leader, false) = ${filter.leader}`);
    const r = await database.rows<{
      id: string;
      recipient_kind: string;
      name: string | null;
      unit_name: string | null;
      sex: string | null;
      is_leader: boolean | null;
      award_code: string;
      track: string;
      issuer: string;
      decision_number: string;
      decision_date: string;
      prize: unknown;
      total: unknown;
    }>(
      sql`with ${facts(year, year, units, extra)}
          select f.id, f.recipient_kind,
                 coalesce(f.full_name, f.household_name, ru.name) as name, u.name as unit_name,
                 f.sex, f.is_leader, f.award_code, f.track, f.issuer, f.decision_number,
                 f.decision_date::text as decision_date, f.prize, count(*) over () as total
          from f
          left join units u on u.id = f.uid
          left join units ru on ru.id = f.unit_id
          where ${sql.join(outer, sql` and `)}
          order by f.award_code, f.recipient_kind,
                   coalesce(f.sort_key, vd_fold(coalesce(f.household_name, ru.name, ''))) collate "C", f.id
          limit ${pageSize} offset ${(page - 1) * pageSize}`,
    );
    return {
      total: r.length ? toCount(r[0]!.total) : 0,
      items: r.map((x) => ({
        id: String(x.id),
        recipientKind: x.recipient_kind,
        recipientName: x.name ?? '',
        unitName: x.unit_name,
        sex: x.recipient_kind === 'individual' ? x.sex : null,
        leader: x.recipient_kind === 'individual' ? Boolean(x.is_leader) : null,
        awardCode: x.award_code,
        awardLabel: awardLabel(x.award_code),
        track: x.track,
        issuer: x.issuer,
        decisionNumber: x.decision_number,
        decisionDate: String(x.decision_date).slice(0, 10),
        prize: Number(x.prize ?? 0),
      })),
    };
  },

  /** Movements launched in the year (not drafts) by units in scope, as form 0601 sees them. */
  async movements(database: Database, year: number, units: UnitSet): Promise<FormMovement[]> {
    const r = await database.rows<{
      kind: 'regular' | 'thematic';
      root: boolean;
      target_kind: string;
      period_from: string;
      period_to: string;
    }>(
      sql`select m.kind, (u.parent_id is null) as root, m.target_kind,
                 m.period_from::text as period_from, m.period_to::text as period_to
          from movements m join units u on u.id = m.launching_unit_id
          where m.year = ${year} and m.status <> 'draft'
            and ${units ? sql`m.launching_unit_id in (${units})` : sql`true`}`,
    );
    return r.map((m) => ({
      kind: m.kind,
      level: m.root ? 'province' : 'agency',
      forBlock: m.target_kind === 'block',
      periodFrom: String(m.period_from).slice(0, 10),
      periodTo: String(m.period_to).slice(0, 10),
    }));
  },

  /** Dossiers of the year by state, and the open ones past their legal due date (oldest first). */
  async dossiers(database: Database, year: number, units: UnitSet, today: string) {
    const scope = units ? sql`d.proposing_unit_id in (${units})` : sql`true`;
    const open = sql`d.status in (${sql.join(
      OPEN_DOSSIER_STATES.map((s) => sql`${s}`),
      sql`, `,
    )})`;
    const [byStatus, late] = [
      await database.rows<{ status: string; n: unknown }>(
        sql`select d.status, count(*) as n from dossiers d where d.year = ${year} and ${scope} group by d.status`,
      ),
      await database.rows<{
        id: string;
        code: string;
        title: string;
        status: string;
        unit_name: string;
        due_on: string;
        days: unknown;
        total: unknown;
      }>(
        sql`select d.id, d.code, d.title, d.status, u.name as unit_name, d.due_on::text as due_on,
                   (${today}::date - d.due_on) as days, count(*) over () as total
            from dossiers d join units u on u.id = d.proposing_unit_id
            where d.year = ${year} and ${scope} and ${open} and d.due_on < ${today}::date
            order by d.due_on, d.code limit 50`,
      ),
    ];
    return {
      byStatus: byStatus.map((x) => ({ status: x.status, count: toCount(x.n) })),
      late: late.length ? toCount(late[0]!.total) : 0,
      lateList: late.map((x) => ({
        id: String(x.id),
        code: x.code,
        title: x.title,
        status: x.status,
        unitName: x.unit_name,
        dueOn: String(x.due_on).slice(0, 10),
        daysLate: toCount(x.days),
      })),
    };
  },

  /** The dossiers behind the dashboard's dossier chart: one state, or the late ones. */
  async dossierList(
    database: Database,
    year: number,
    units: UnitSet,
    filter: { status?: string | undefined; late?: boolean | undefined; today: string },
    page: number,
    pageSize: number,
  ) {
    const conds: SQL[] = [sql`d.year = ${year}`];
    if (units) conds.push(sql`d.proposing_unit_id in (${units})`);
    if (filter.status) conds.push(sql`d.status = ${filter.status}`);
    if (filter.late)
      conds.push(
        sql`d.status in (${sql.join(
          OPEN_DOSSIER_STATES.map((x) => sql`${x}`),
          sql`, `,
        )}) and d.due_on < ${filter.today}::date`,
      );
    const r = await database.rows<{
      id: string;
      code: string;
      title: string;
      status: string;
      unit_name: string;
      due_on: string | null;
      days: unknown;
      total: unknown;
    }>(
      sql`select d.id, d.code, d.title, d.status, u.name as unit_name, d.due_on::text as due_on,
                 (${filter.today}::date - d.due_on) as days, count(*) over () as total
          from dossiers d join units u on u.id = d.proposing_unit_id
          where ${sql.join(conds, sql` and `)}
          order by d.due_on nulls last, d.code
          limit ${pageSize} offset ${(page - 1) * pageSize}`,
    );
    return {
      total: r.length ? toCount(r[0]!.total) : 0,
      items: r.map((x) => ({
        id: String(x.id),
        code: x.code,
        title: x.title,
        status: x.status,
        unitName: x.unit_name,
        dueOn: x.due_on ? String(x.due_on).slice(0, 10) : null,
        daysLate: x.due_on && toCount(x.days) > 0 ? toCount(x.days) : 0,
      })),
    };
  },
};
