/** What the year-end summary reads: the scope's units and the awards of a year counted by group. */
import { sql, type SQL } from 'drizzle-orm';
import { toCount, type Database, type DbOrTx } from '../../platform/db/database';
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

const rowsOf = async <T>(tx: DbOrTx, q: SQL) => ((await tx.execute(q)) as unknown as { rows: T[] }).rows;

export interface StoredReport {
  id: string;
  currentVersion: number;
  publishedNewsId: string | null;
}

export interface StoredVersion {
  version: number;
  sections: Record<string, string>;
  note: string;
  savedAt: string;
  savedBy: string | null;
}

const iso = (v: unknown) => (v instanceof Date ? v.toISOString() : new Date(String(v)).toISOString());

export const reportsRepository = {
  /** The stored report of a year and scope key (narratives, publication), if any. */
  async report(
    tx: DbOrTx,
    year: number,
    scopeKey: string,
    forUpdate = false,
  ): Promise<StoredReport | undefined> {
    const r = await rowsOf<{ id: string; current_version: unknown; published_news_id: string | null }>(
      tx,
      sql`select id, current_version, published_news_id from summary_reports
          where year = ${year} and scope_key = ${scopeKey} ${forUpdate ? sql`for update` : sql``}`,
    );
    const x = r[0];
    return x
      ? { id: String(x.id), currentVersion: toCount(x.current_version), publishedNewsId: x.published_news_id }
      : undefined;
  },

  /** Creates the report row if missing (concurrent creators meet on the unique key), locked for update. */
  async reportForUpdate(tx: DbOrTx, year: number, scopeKey: string): Promise<StoredReport> {
    await tx.execute(
      sql`insert into summary_reports (year, scope_key) values (${year}, ${scopeKey})
          on conflict (year, scope_key) do nothing`,
    );
    return (await reportsRepository.report(tx, year, scopeKey, true))!;
  },

  async addVersion(
    tx: DbOrTx,
    reportId: string,
    version: number,
    v: { sections: Record<string, string>; note: string; userId: string | null; at: Date },
  ): Promise<void> {
    await tx.execute(
      sql`insert into summary_report_versions (report_id, version, sections, note, created_by, created_at)
          values (${reportId}, ${version}, ${JSON.stringify(v.sections)}::jsonb, ${v.note}, ${v.userId}, ${v.at.toISOString()}::timestamptz)`,
    );
    await tx.execute(
      sql`update summary_reports set current_version = ${version}, updated_at = ${v.at.toISOString()}::timestamptz where id = ${reportId}`,
    );
  },

  async setPublished(tx: DbOrTx, reportId: string, newsId: string, at: Date): Promise<void> {
    await tx.execute(
      sql`update summary_reports set published_news_id = ${newsId}, updated_at = ${at.toISOString()}::timestamptz where id = ${reportId}`,
    );
  },

  /** One version (the latest when `version` is undefined) with the name of who saved it. */
  async version(tx: DbOrTx, reportId: string, version?: number): Promise<StoredVersion | undefined> {
    const r = await rowsOf<{
      version: unknown;
      sections: unknown;
      note: string;
      created_at: unknown;
      saved_by: string | null;
    }>(
      tx,
      sql`select v.version, v.sections, v.note, v.created_at, u.display_name as saved_by
          from summary_report_versions v left join users u on u.id = v.created_by
          where v.report_id = ${reportId}
            ${version === undefined ? sql`` : sql`and v.version = ${version}`}
          order by v.version desc limit 1`,
    );
    const x = r[0];
    if (!x) return undefined;
    const sections = (typeof x.sections === 'string' ? JSON.parse(x.sections) : x.sections) as Record<
      string,
      string
    >;
    return {
      version: toCount(x.version),
      sections,
      note: x.note,
      savedAt: iso(x.created_at),
      savedBy: x.saved_by,
    };
  },

  /** Every version, newest first, without the texts. */
  async versions(tx: DbOrTx, reportId: string) {
    const r = await rowsOf<{ version: unknown; note: string; created_at: unknown; saved_by: string | null }>(
      tx,
      sql`select v.version, v.note, v.created_at, u.display_name as saved_by
          from summary_report_versions v left join users u on u.id = v.created_by
          where v.report_id = ${reportId} order by v.version desc`,
    );
    return r.map((x) => ({
      version: toCount(x.version),
      note: x.note,
      savedAt: iso(x.created_at),
      savedBy: x.saved_by,
    }));
  },

  /** The blocks of a year with their members (for the picker and to resolve a block's code). */
  async blocksOfYear(database: Database, year: number) {
    const r = await database.rows<{ id: string; name: string; unitIds: string[] | null }>(
      sql`select b.id, b.name,
            (select array_agg(m.unit_id::text) from block_members m where m.block_id = b.id) as "unitIds"
          from blocks b where b.year = ${year}`,
    );
    return r.map((b) => ({ id: String(b.id), name: b.name, unitIds: b.unitIds ?? [] }));
  },

  /** Units (code and name) among the given ids, or all units. */
  async unitsIn(database: Database, ids: string[] | null) {
    if (ids && !ids.length) return [];
    return database.rows<{ id: string; code: string; name: string }>(
      ids
        ? sql`select id, code, name from units where id in (${sql.join(
            ids.map((i) => sql`${i}::uuid`),
            sql`, `,
          )})`
        : sql`select id, code, name from units`,
    );
  },

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
