/**
 * Reads what the evaluator needs, in bulk: one query per kind of record for the whole scope (no query per
 * person), dates as text, numbers normalised (PGlite and node-postgres differ). A scope is a SQL set of
 * unit ids; people are those rated in the year in a unit of the scope.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/database';
import type {
  AwardCode,
  AwardTrack,
  DisciplineLevel,
  EffectScope,
  InitiativeKind,
  LeaveKind,
  Rating,
  RecognitionLevel,
  TrainingGrade,
} from '../../../shared/registry/catalog';
import type { HeldAward, PersonHistory } from '../../../domain/eligibility/types';

/** How far back histories are read: the longest window of any pack (CSTĐ toàn quốc: 2 × 3 years) and more. */
export const HISTORY_YEARS = 12;

type Rows<T> = { rows: T[] };
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
    return rows<PersonRow>(
      db,
      sql`
      with sp as (${scopedPeople(scopeUnits, year, personId)})
      select p.id, p.code, p.full_name as "fullName", p.sort_key as "sortKey",
        coalesce(
          (select e.unit_id from person_evaluations e where e.person_id = p.id and e.year = ${year} order by e.unit_id limit 1),
          p.current_unit_id) as "unitId",
        u.name as "unitName"
      from people p join sp on sp.person_id = p.id
      left join units u on u.id = coalesce(
          (select e.unit_id from person_evaluations e where e.person_id = p.id and e.year = ${year} order by e.unit_id limit 1),
          p.current_unit_id)
      order by p.sort_key collate "C", p.code`,
    );
  },

  /** Histories of the scope's people, keyed by person id. */
  async personHistories(
    db: DbOrTx,
    scopeUnits: SQL,
    year: number,
    personId?: string,
  ): Promise<Map<string, PersonHistory>> {
    const from = year - HISTORY_YEARS;
    const sp = scopedPeople(scopeUnits, year, personId);
    const [evals, leaves, trainings, discs, inits, awards] = await Promise.all([
      rows<{ p: string; year: number; rating: Rating; unitId: string | null; start: string | null }>(
        db,
        sql`select e.person_id as p, e.year, e.rating, e.unit_id as "unitId", e.employment_start_date::text as start
            from person_evaluations e where e.year between ${from} and ${year} and e.person_id in (${sp})`,
      ),
      rows<{ p: string; kind: LeaveKind; fromDate: string; toDate: string }>(
        db,
        sql`select l.person_id as p, l.kind, l.from_date::text as "fromDate", l.to_date::text as "toDate"
            from person_leaves l where l.to_date >= ${`${from}-01-01`} and l.from_date <= ${`${year}-12-31`}
              and l.person_id in (${sp})`,
      ),
      rows<{
        p: string;
        fromDate: string;
        toDate: string;
        grade: TrainingGrade | null;
        goodConduct: boolean;
      }>(
        db,
        sql`select t.person_id as p, t.from_date::text as "fromDate", t.to_date::text as "toDate", t.grade,
              t.good_conduct as "goodConduct"
            from person_trainings t where t.to_date >= ${`${from}-01-01`} and t.from_date <= ${`${year}-12-31`}
              and t.person_id in (${sp})`,
      ),
      rows<{ p: string; level: DisciplineLevel; fromDate: string; toDate: string | null }>(
        db,
        sql`select d.person_id as p, d.level, d.from_date::text as "fromDate", d.to_date::text as "toDate"
            from disciplines d where d.from_date <= ${`${year}-12-31`} and d.person_id in (${sp})`,
      ),
      rows<{
        p: string;
        id: string;
        kind: InitiativeKind;
        level: RecognitionLevel;
        effectScope: EffectScope;
        recognitionDate: string;
        usedCode: AwardCode | null;
        usedYear: number | null;
      }>(
        db,
        sql`select a.person_id as p, i.id, i.kind, i.level, i.effect_scope as "effectScope",
              i.recognition_date::text as "recognitionDate", w.award_code as "usedCode", w.year as "usedYear"
            from initiative_authors a join initiatives i on i.id = a.initiative_id
            left join awards w on w.id = i.used_by_award_id
            where i.recognition_date between ${`${from}-01-01`} and ${`${year}-12-31`} and a.person_id in (${sp})`,
      ),
      rows<{ p: string; id: string; awardCode: AwardCode; year: number; track: AwardTrack }>(
        db,
        sql`select w.person_id as p, w.id, w.award_code as "awardCode", w.year, w.track
            from awards w where w.recipient_kind = 'individual' and w.year <= ${year} and w.person_id in (${sp})`,
      ),
    ]);
    const out = new Map<string, PersonHistory>();
    const get = (p: string) => {
      let h = out.get(p);
      if (!h) {
        h = { evaluations: [], leaves: [], trainings: [], disciplines: [], initiatives: [], awards: [] };
        out.set(p, h);
      }
      return h;
    };
    for (const r of evals)
      get(r.p).evaluations.push({
        year: Number(r.year),
        rating: r.rating,
        unitId: r.unitId,
        employmentStartDate: r.start,
      });
    for (const r of leaves) get(r.p).leaves.push({ kind: r.kind, fromDate: r.fromDate, toDate: r.toDate });
    for (const r of trainings)
      get(r.p).trainings.push({
        fromDate: r.fromDate,
        toDate: r.toDate,
        grade: r.grade,
        goodConduct: !!r.goodConduct,
      });
    for (const r of discs)
      get(r.p).disciplines.push({ level: r.level, fromDate: r.fromDate, toDate: r.toDate });
    for (const r of inits)
      get(r.p).initiatives.push({
        id: r.id,
        kind: r.kind,
        level: r.level,
        effectScope: r.effectScope,
        recognitionDate: r.recognitionDate,
        usedBy: r.usedCode ? { awardCode: r.usedCode, year: Number(r.usedYear) } : null,
      });
    for (const r of awards)
      get(r.p).awards.push({ id: r.id, awardCode: r.awardCode, year: Number(r.year), track: r.track });
    return out;
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
    const [evals, awards] = await Promise.all([
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
    ]);
    return {
      evals: evals.map((r) => ({
        ...r,
        year: Number(r.year),
        memberCount: r.memberCount === null ? null : Number(r.memberCount),
      })),
      awards: awards.map((r) => ({ ...r, year: Number(r.year) })) as Array<HeldAward & { u: string }>,
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
