/**
 * The registry read back as exchange records (natural keys, as imported), per kind, with the filters the
 * list pages offer. Lists and exports share these queries, so what is filtered is what is exported, and
 * an export re-imports as "unchanged".
 */
import { sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/database';
import { foldContains, foldedContains, likeEscape, unitSubtree } from '../../platform/sql';
import type { DatasetKind } from '../../../shared/registry/dataset.schema';

export interface RecordFilter {
  q?: string | undefined;
  year?: number | undefined;
  unitId?: string | undefined;
  awardCode?: string | undefined;
  recipientKind?: string | undefined;
  track?: string | undefined;
  rating?: string | undefined;
  level?: string | undefined;
  sex?: string | undefined;
  isLeader?: boolean | undefined;
  /** Unit scoping: only records of units under this one. */
  scopeRootUnitId?: string | undefined;
}

const fold = (col: SQL) => (q: string) => foldContains(col, q);

interface KindQuery {
  /** Select list producing the record's fields (camelCase aliases) plus `id` and display columns. */
  select: SQL;
  from: SQL;
  order: SQL;
  year?: SQL;
  /** The unit a record belongs to (filters and scoping). */
  unit?: SQL;
  search?: (q: string) => SQL;
  extra?: (f: RecordFilter) => SQL | undefined;
}

const PERSON_JOIN = sql`join people p on p.id = x.person_id left join units pu on pu.id = p.current_unit_id`;
const PERSON_COLS = sql`p.code as "personCode", p.full_name as "personName", pu.name as "unitName"`;

const QUERIES: Record<DatasetKind, KindQuery> = {
  units: {
    select: sql`x.id, x.code, x.name, x.short_name as "shortName", x.kind, pu.code as "parentCode", x.document_symbol as "documentSymbol",
      to_char(x.active_from, 'YYYY-MM-DD') as "activeFrom", to_char(x.active_to, 'YYYY-MM-DD') as "activeTo", x.is_demo as "isDemo"`,
    from: sql`units x left join units pu on pu.id = x.parent_id`,
    order: sql`x.code`,
    unit: sql`x.id`,
    search: (q) => sql`(${fold(sql`x.name`)(q)} or x.code like '%' || upper(${likeEscape(q)}) || '%')`,
  },
  successions: {
    select: sql`x.id, a.code as "predecessorCode", b.code as "successorCode", to_char(x.effective_date, 'YYYY-MM-DD') as "effectiveDate", x.note,
      a.name as "predecessorName", b.name as "successorName"`,
    from: sql`unit_successions x join units a on a.id = x.predecessor_id join units b on b.id = x.successor_id`,
    order: sql`x.effective_date, a.code`,
    unit: sql`x.successor_id`,
  },
  blocks: {
    select: sql`x.id, x.year, x.name, o.code as "organizerCode", l.code as "leadCode", d.code as "deputyCode",
      coalesce((select json_agg(u.code order by u.code) from block_members m join units u on u.id = m.unit_id where m.block_id = x.id), '[]'::json) as "memberCodes",
      l.name as "leadName", d.name as "deputyName"`,
    from: sql`blocks x join units o on o.id = x.organizer_unit_id left join units l on l.id = x.lead_unit_id left join units d on d.id = x.deputy_unit_id`,
    order: sql`x.year desc, x.name`,
    year: sql`x.year`,
    search: (q) => fold(sql`x.name`)(q),
  },
  people: {
    select: sql`x.id, x.code, x.full_name as "fullName", x.sex, to_char(x.date_of_birth, 'YYYY-MM-DD') as "dateOfBirth", x.ethnicity,
      x.personal_id_number as "personalIdNumber", x.position, x.is_leader as "isLeader", x.is_demo as "isDemo", pu.name as "unitName"`,
    from: sql`people x left join units pu on pu.id = x.current_unit_id`,
    order: sql`x.sort_key collate "C", x.id`,
    unit: sql`x.current_unit_id`,
    search: (q) => foldedContains(sql`x.search_text`, q),
    extra: (f) =>
      sql.join(
        [
          f.sex ? sql`x.sex = ${f.sex}` : undefined,
          f.isLeader === undefined ? undefined : sql`x.is_leader = ${f.isLeader}`,
          sql`true`,
        ].filter((s): s is SQL => !!s),
        sql` and `,
      ),
  },
  personUnits: {
    select: sql`x.id, ${PERSON_COLS}, u.code as "unitCode", to_char(x.from_date, 'YYYY-MM-DD') as "fromDate", to_char(x.to_date, 'YYYY-MM-DD') as "toDate", x.position`,
    from: sql`person_unit_history x ${PERSON_JOIN} join units u on u.id = x.unit_id`,
    order: sql`p.sort_key collate "C", x.from_date`,
    unit: sql`x.unit_id`,
    search: (q) => fold(sql`p.full_name`)(q),
  },
  personEvaluations: {
    select: sql`x.id, ${PERSON_COLS}, x.year, x.rating, eu.code as "unitCode", to_char(x.employment_start_date, 'YYYY-MM-DD') as "employmentStartDate", x.note`,
    from: sql`person_evaluations x ${PERSON_JOIN} left join units eu on eu.id = x.unit_id`,
    order: sql`x.year desc, p.sort_key collate "C", x.id`,
    year: sql`x.year`,
    unit: sql`coalesce(x.unit_id, p.current_unit_id)`,
    search: (q) => fold(sql`p.full_name`)(q),
    extra: (f) => (f.rating ? sql`x.rating = ${f.rating}` : undefined),
  },
  leaves: {
    select: sql`x.id, ${PERSON_COLS}, x.kind, to_char(x.from_date, 'YYYY-MM-DD') as "fromDate", to_char(x.to_date, 'YYYY-MM-DD') as "toDate", x.note`,
    from: sql`person_leaves x ${PERSON_JOIN}`,
    order: sql`x.from_date desc, p.sort_key collate "C"`,
    year: sql`extract(year from x.from_date)::int`,
    unit: sql`p.current_unit_id`,
    search: (q) => fold(sql`p.full_name`)(q),
  },
  trainings: {
    select: sql`x.id, ${PERSON_COLS}, to_char(x.from_date, 'YYYY-MM-DD') as "fromDate", to_char(x.to_date, 'YYYY-MM-DD') as "toDate", x.grade, x.institution, x.good_conduct as "goodConduct"`,
    from: sql`person_trainings x ${PERSON_JOIN}`,
    order: sql`x.from_date desc, p.sort_key collate "C"`,
    year: sql`extract(year from x.from_date)::int`,
    unit: sql`p.current_unit_id`,
    search: (q) => fold(sql`p.full_name`)(q),
  },
  unitEvaluations: {
    select: sql`x.id, u.code as "unitCode", u.name as "unitName", x.year, x.rating, x.member_count as "memberCount", x.note`,
    from: sql`unit_evaluations x join units u on u.id = x.unit_id`,
    order: sql`x.year desc, u.code`,
    year: sql`x.year`,
    unit: sql`x.unit_id`,
    search: (q) => fold(sql`u.name`)(q),
    extra: (f) => (f.rating ? sql`x.rating = ${f.rating}` : undefined),
  },
  disciplines: {
    select: sql`x.id, ${PERSON_COLS}, x.level, x.decision_number as "decisionNumber", to_char(x.decision_date, 'YYYY-MM-DD') as "decisionDate",
      to_char(x.from_date, 'YYYY-MM-DD') as "fromDate", to_char(x.to_date, 'YYYY-MM-DD') as "toDate", x.reason`,
    from: sql`disciplines x ${PERSON_JOIN}`,
    order: sql`x.decision_date desc, p.sort_key collate "C"`,
    year: sql`extract(year from x.from_date)::int`,
    unit: sql`p.current_unit_id`,
    search: (q) => fold(sql`p.full_name`)(q),
    extra: (f) => (f.level ? sql`x.level = ${f.level}` : undefined),
  },
  initiatives: {
    select: sql`x.id, x.code, x.kind, x.title, x.level, to_char(x.recognition_date, 'YYYY-MM-DD') as "recognitionDate", x.effect_scope as "effectScope",
      x.recognizing_body as "recognizingBody", x.used_by_award_id as "usedByAwardId",
      coalesce((select json_agg(ap.code order by ap.code) from initiative_authors a join people ap on ap.id = a.person_id where a.initiative_id = x.id), '[]'::json) as "authorCodes",
      (select string_agg(ap.full_name, ', ' order by ap.sort_key collate "C") from initiative_authors a join people ap on ap.id = a.person_id where a.initiative_id = x.id) as "authorNames"`,
    from: sql`initiatives x`,
    order: sql`x.recognition_date desc, x.code`,
    year: sql`extract(year from x.recognition_date)::int`,
    unit: sql`(select ap.current_unit_id from initiative_authors a join people ap on ap.id = a.person_id where a.initiative_id = x.id order by ap.code limit 1)`,
    search: (q) => sql`(${fold(sql`x.title`)(q)} or x.code like '%' || upper(${likeEscape(q)}) || '%')`,
    extra: (f) => (f.level ? sql`x.level = ${f.level}` : undefined),
  },
  awards: {
    select: sql`x.id, x.recipient_kind as "recipientKind", p.code as "personCode", u.code as "unitCode", x.household_name as "householdName",
      x.household_address as "householdAddress", x.award_code as "awardCode", x.year, x.track, x.issuer, x.decision_number as "decisionNumber",
      to_char(x.decision_date, 'YYYY-MM-DD') as "decisionDate", x.note, x.source,
      coalesce(p.full_name, u.name, x.household_name) as "recipientName"`,
    from: sql`awards x left join people p on p.id = x.person_id left join units u on u.id = x.unit_id`,
    order: sql`x.year desc, x.award_code, coalesce(p.sort_key, '') collate "C", u.code, x.household_name`,
    year: sql`x.year`,
    unit: sql`coalesce(x.unit_id, p.current_unit_id)`,
    search: (q) => fold(sql`coalesce(p.full_name, u.name, x.household_name)`)(q),
    extra: (f) =>
      sql.join(
        [
          f.awardCode ? sql`x.award_code = ${f.awardCode}` : undefined,
          f.recipientKind ? sql`x.recipient_kind = ${f.recipientKind}` : undefined,
          f.track ? sql`x.track = ${f.track}` : undefined,
          sql`true`,
        ].filter((s): s is SQL => !!s),
        sql` and `,
      ),
  },
};

function whereOf(kind: DatasetKind, f: RecordFilter): SQL {
  const q = QUERIES[kind];
  const parts: SQL[] = [sql`true`];
  if (f.q && q.search) parts.push(q.search(f.q));
  if (f.year !== undefined && q.year) parts.push(sql`${q.year} = ${f.year}`);
  if (f.unitId && q.unit) parts.push(sql`${q.unit} in ${unitSubtree(f.unitId)}`);
  if (f.scopeRootUnitId)
    parts.push(q.unit ? sql`${q.unit} in ${unitSubtree(f.scopeRootUnitId)}` : sql`false`);
  const extra = q.extra?.(f);
  if (extra) parts.push(extra);
  return sql.join(parts, sql` and `);
}

type Row = Record<string, unknown> & { id: string };

export const recordsRepository = {
  async page(db: DbOrTx, kind: DatasetKind, f: RecordFilter, page: number, pageSize: number) {
    const q = QUERIES[kind];
    const where = whereOf(kind, f);
    const rows = (
      (await db.execute(
        sql`select ${q.select} from ${q.from} where ${where} order by ${q.order} limit ${pageSize} offset ${(page - 1) * pageSize}`,
      )) as unknown as { rows: Row[] }
    ).rows;
    const total = (
      (await db.execute(sql`select count(*) as n from ${q.from} where ${where}`)) as unknown as {
        rows: { n: unknown }[];
      }
    ).rows[0]!.n;
    return { rows, total: Number(total) };
  },

  async all(db: DbOrTx, kind: DatasetKind, f: RecordFilter): Promise<Row[]> {
    const q = QUERIES[kind];
    return (
      (await db.execute(
        sql`select ${q.select} from ${q.from} where ${whereOf(kind, f)} order by ${q.order}`,
      )) as unknown as {
        rows: Row[];
      }
    ).rows;
  },
};

/** Drop display-only and null fields, leaving the exchange record. */
export function toRecord(kind: DatasetKind, row: Row): Record<string, unknown> {
  const DISPLAY = new Set([
    'id',
    'personName',
    'unitName',
    'predecessorName',
    'successorName',
    'leadName',
    'deputyName',
    'authorNames',
    'recipientName',
    'source',
    'usedByAwardId',
  ]);
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(row)) {
    if (DISPLAY.has(k) || v === null || v === undefined) continue;
    out[k] = v;
  }
  if (kind === 'people' && out.isDemo === false) delete out.isDemo;
  if (kind === 'units' && out.isDemo === false) delete out.isDemo;
  return out;
}
