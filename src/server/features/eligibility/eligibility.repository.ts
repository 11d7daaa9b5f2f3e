/**
 * Reads what the evaluator needs, in bulk: one query per kind of record for the whole scope (no query per
 * person), dates as text, numbers normalised (PGlite and node-postgres differ). A scope is a SQL set of
 * unit ids; people are those rated in the year in a unit of the scope.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/database';
import type { AwardCode, AwardTrack, Rating } from '../../../shared/registry/catalog';
import type { HeldAward, PersonHistory } from '../../../domain/eligibility/types';
import type { HistoryNeeds } from '../../../domain/rules/needs';
import { AWARD_CODE_LIST } from '../../../shared/registry/catalog';
import { buildHistories, type PackedHalves, type PackedHistories } from './histories';

/** How far back histories are read: the longest window of any pack (CSTĐ toàn quốc: 2 × 3 years) and more. */
export const HISTORY_YEARS = 12;

type Rows<T> = { rows: T[] };

/** The tuples of a `json_agg(...)::text` column (null when nothing matched). */
function unpack<T>(packed: Array<{ j: string | null }>): T[] {
  const j = packed[0]?.j;
  return j ? (JSON.parse(j) as T[]) : [];
}
async function rows<T>(db: DbOrTx, q: SQL): Promise<T[]> {
  return ((await db.execute(q)) as unknown as Rows<T>).rows;
}

export interface PersonRow {
  id: string;
  code: string;
  fullName: string;
  sortKey: string;
  unitId: string | null;
  unitName: string | null;
}

export interface UnitRow {
  id: string;
  code: string;
  name: string;
  parentId: string | null;
}

/** The people rated in `year` in a unit of the scope (the unit deciding at evaluation time). */
function scopedPeople(scopeUnits: SQL, year: number, personId?: string): SQL {
  return personId
    ? sql`select ${personId}::uuid as person_id`
    : sql`select distinct person_id from person_evaluations where year = ${year} and unit_id in (${scopeUnits})`;
}

export const eligibilityRepository = {
  async people(db: DbOrTx, scopeUnits: SQL, year: number, personId?: string): Promise<PersonRow[]> {
    // The unit deciding at evaluation time: the unit of the year's evaluation (the lowest id when a transfer
    // left two rows), else the current unit.
    const ev = personId
      ? sql`select e.person_id, e.unit_id from person_evaluations e
            where e.person_id = ${personId} and e.year = ${year} order by e.unit_id limit 1`
      : sql`select distinct on (e.person_id) e.person_id, e.unit_id from person_evaluations e
            where e.year = ${year} and e.unit_id in (${scopeUnits}) order by e.person_id, e.unit_id`;
    const from = personId
      ? sql`people p left join ev on ev.person_id = p.id`
      : sql`ev join people p on p.id = ev.person_id`;
    const where = personId ? sql`where p.id = ${personId}` : sql``;
    const packed = await rows<{ j: string | null }>(
      db,
      sql`with ev as (${ev})
      select json_agg(json_build_array(p.id, p.code, p.full_name, p.sort_key, coalesce(ev.unit_id, p.current_unit_id), u.name)
                      order by p.sort_key collate "C", p.code)::text as j
      from ${from}
      left join units u on u.id = coalesce(ev.unit_id, p.current_unit_id)
      ${where}`,
    );
    return unpack<[string, string, string, string, string | null, string | null]>(packed).map(
      ([id, code, fullName, sortKey, unitId, unitName]) => ({
        id,
        code,
        fullName,
        sortKey,
        unitId,
        unitName,
      }),
    );
  },

  /**
   * The histories of the scope's people as the database packed them, for `buildHistories` (histories.ts).
   * Each kind of record comes back as JSON arrays of compact tuples (json_agg): one row instead of hundreds
   * of thousands, which is what makes the read fast on both drivers — per-row decoding, not the database,
   * dominated.
   */
  async packedHistories(
    db: DbOrTx,
    scopeUnits: SQL,
    year: number,
    personId?: string,
    needs: HistoryNeeds = { years: HISTORY_YEARS, awardCodes: [...AWARD_CODE_LIST] },
  ): Promise<PackedHistories> {
    // Only what the pack can look at (src/domain/rules/needs.ts): its longest window, and earlier awards
    // only of the codes its criteria name.
    const from = year - needs.years + 1;
    const earlierCodes = needs.awardCodes.length
      ? sql`w.award_code in (${sql.join(
          needs.awardCodes.map((c) => sql`${c}`),
          sql`, `,
        )})`
      : sql`false`;
    const sp = scopedPeople(scopeUnits, year, personId);
    // People are numbered by id in every query (the same order each time), so that each record carries a
    // small number instead of a 36-character id; the first query gives the numbers' ids.
    const num = sql`num as (select person_id, (row_number() over (order by person_id))::int as n from (${sp}) s)`;
    // Each kind comes as two arrays, odd- and even-numbered people: two threads can each parse their half
    // (decision 046).
    const agg = (tuple: SQL, rest: SQL) =>
      rows<PackedHalves>(
        db,
        sql`with ${num} select
              (json_agg(json_build_array(${tuple})) filter (where num.n % 2 = 1))::text as odd,
              (json_agg(json_build_array(${tuple})) filter (where num.n % 2 = 0))::text as even
            ${rest}`,
      );
    const [ids, evals, leaves, trainings, discs, inits, awards, regs] = await Promise.all([
      rows<{ j: string | null }>(
        db,
        sql`with ${num} select json_agg(person_id order by n)::text as j from num`,
      ),
      agg(
        sql`num.n, e.year, e.rating, e.employment_start_date`,
        sql`from person_evaluations e join num on num.person_id = e.person_id where e.year between ${from} and ${year}`,
      ),
      agg(
        sql`num.n, l.kind, l.from_date, l.to_date`,
        sql`from person_leaves l join num on num.person_id = l.person_id
            where l.to_date >= ${`${from}-01-01`} and l.from_date <= ${`${year}-12-31`}`,
      ),
      agg(
        sql`num.n, t.from_date, t.to_date, t.grade, t.good_conduct`,
        sql`from person_trainings t join num on num.person_id = t.person_id
            where t.to_date >= ${`${from}-01-01`} and t.from_date <= ${`${year}-12-31`}`,
      ),
      agg(
        sql`num.n, d.level, d.from_date, d.to_date`,
        sql`from disciplines d join num on num.person_id = d.person_id where d.from_date <= ${`${year}-12-31`}`,
      ),
      agg(
        sql`num.n, i.id, i.kind, i.level, i.effect_scope, i.recognition_date, w.award_code, w.year`,
        sql`from initiative_authors a join num on num.person_id = a.person_id
            join initiatives i on i.id = a.initiative_id
            left join awards w on w.id = i.used_by_award_id
            where i.recognition_date between ${`${from}-01-01`} and ${`${year}-12-31`}`,
      ),
      agg(
        sql`num.n, w.award_code, w.year, w.track`,
        sql`from awards w join num on num.person_id = w.person_id
            where w.recipient_kind = 'individual' and w.year <= ${year} and (w.year = ${year} or ${earlierCodes})`,
      ),
      // Registered titles (đăng ký thi đua) of the year: a fact a local rule may require.
      agg(
        sql`num.n, i.award_code`,
        sql`from registration_items i join registrations r on r.id = i.registration_id
            join num on num.person_id = i.person_id
            where r.year = ${year} and r.status in ('submitted', 'approved')`,
      ),
    ]);
    const half = (r: PackedHalves[]): PackedHalves => ({ odd: r[0]?.odd ?? null, even: r[0]?.even ?? null });
    return {
      ids: ids[0]?.j ?? null,
      evals: half(evals),
      leaves: half(leaves),
      trainings: half(trainings),
      discs: half(discs),
      inits: half(inits),
      awards: half(awards),
      regs: half(regs),
    };
  },

  /** Histories of the scope's people, keyed by person id (see `packedHistories`). */
  async personHistories(
    db: DbOrTx,
    scopeUnits: SQL,
    year: number,
    personId?: string,
    needs?: HistoryNeeds,
  ): Promise<Map<string, PersonHistory>> {
    const packed = await eligibilityRepository.packedHistories(db, scopeUnits, year, personId, needs);
    return buildHistories(packed, year, 'all').byId;
  },

  /** Units of the scope in existence during `year`. */
  async units(db: DbOrTx, scopeUnits: SQL, year: number): Promise<UnitRow[]> {
    return rows<UnitRow>(
      db,
      sql`select u.id, u.code, u.name, u.parent_id as "parentId" from units u
          where u.id in (${scopeUnits}) and u.active_from <= ${`${year}-12-31`}
            and (u.active_to is null or u.active_to >= ${`${year}-01-01`})
          order by u.code`,
    );
  },

  /** Every unit's parent (the tree is small: hundreds to a few thousand units). */
  async tree(db: DbOrTx): Promise<Array<{ id: string; parentId: string | null }>> {
    return rows(db, sql`select id, parent_id as "parentId" from units`);
  },

  async successions(
    db: DbOrTx,
  ): Promise<Array<{ predecessorId: string; successorId: string; effectiveDate: string }>> {
    return rows(
      db,
      sql`select predecessor_id as "predecessorId", successor_id as "successorId", effective_date::text as "effectiveDate"
          from unit_successions`,
    );
  },

  /** Evaluations and awards of the given units (the scope and their predecessors). */
  async unitRecords(db: DbOrTx, unitIds: SQL, year: number) {
    const from = year - HISTORY_YEARS;
    const [evals, awards, regs] = await Promise.all([
      rows<{ u: string; year: number; rating: Rating; memberCount: number | null }>(
        db,
        sql`select unit_id as u, year, rating, member_count as "memberCount" from unit_evaluations
            where year between ${from} and ${year} and unit_id in (${unitIds})`,
      ),
      rows<{ u: string; id: string; awardCode: AwardCode; year: number; track: AwardTrack }>(
        db,
        sql`select unit_id as u, id, award_code as "awardCode", year, track from awards
            where recipient_kind = 'collective' and year <= ${year} and unit_id in (${unitIds})`,
      ),
      rows<{ u: string; awardCode: AwardCode }>(
        db,
        sql`select r.unit_id as u, i.award_code as "awardCode" from registration_items i
            join registrations r on r.id = i.registration_id
            where i.recipient_kind = 'collective' and r.year = ${year} and r.status in ('submitted', 'approved')
              and r.unit_id in (${unitIds})`,
      ),
    ]);
    return {
      evals: evals.map((r) => ({
        ...r,
        year: Number(r.year),
        memberCount: r.memberCount === null ? null : Number(r.memberCount),
      })),
      awards: awards.map((r) => ({ ...r, year: Number(r.year) })) as Array<HeldAward & { u: string }>,
      registrations: regs,
    };
  },

  /** Who was rated where in `year` (for collective membership). */
  async ratedIn(
    db: DbOrTx,
    scopeUnits: SQL,
    year: number,
  ): Promise<Array<{ personId: string; unitId: string }>> {
    return rows(
      db,
      sql`select person_id as "personId", unit_id as "unitId" from person_evaluations
          where year = ${year} and unit_id in (${scopeUnits})`,
    );
  },

  async blockUnits(db: DbOrTx, blockId: string): Promise<{ year: number; unitIds: string[] } | null> {
    const r = await rows<{ year: number; unitIds: string[] | null }>(
      db,
      sql`select b.year, (select array_agg(m.unit_id::text) from block_members m where m.block_id = b.id) as "unitIds"
          from blocks b where b.id = ${blockId}`,
    );
    const b = r[0];
    return b ? { year: Number(b.year), unitIds: b.unitIds ?? [] } : null;
  },

  async countAwards(db: DbOrTx, scopeUnits: SQL, year: number, awardCode: AwardCode): Promise<number> {
    const r = await rows<{ n: string | number }>(
      db,
      sql`select count(*) as n from awards w
          where w.year = ${year} and w.award_code = ${awardCode} and w.track = 'regular'
            and (w.unit_id in (${scopeUnits})
              or exists (select 1 from person_evaluations e
                         where e.person_id = w.person_id and e.year = w.year and e.unit_id in (${scopeUnits})))`,
    );
    return Number(r[0]?.n ?? 0);
  },
};
