/**
 * Statistics tables, the ministry's forms and the dashboard: resolves the scope against what the viewer may
 * see (`read:report:any` everything, `read:report:own` the own unit's subtree), reads the aggregated cells
 * and builds the pure models (src/domain/reports/statistics.ts, src/domain/reports/forms).
 */
import { sql, type SQL } from 'drizzle-orm';
import type { Database } from '../../platform/db/database';
import type { Actor } from '../../platform/actor';
import { fail, ok, type Result } from '../../platform/errors';
import { buildStatistics, percent, type Statistics } from '../../../domain/reports/statistics';
import { buildForm, reportingPeriod, type FormId, type FormModel } from '../../../domain/reports/forms';
import { quotaUse } from '../../../domain/rules/quota';
import { AWARD_CODES } from '../../../shared/registry/catalog';
import {
  DOSSIER_STATE_LABELS,
  OPEN_DOSSIER_STATES,
  type Dashboard,
  type StatAwardsQuery,
  type StatAwardItem,
  type StatDossierItem,
  type StatDossiersQuery,
} from '../../../shared/statistics/statistics.schema';
import type { Page } from '../../../shared/paginated';
import { effectivePack } from '../eligibility/eligibility.service';
import { issuerOn } from '../decisions/decisions.repository';
import { placeOf } from '../scoring/word/scoring-word';
import { statisticsRepository as repo, subtreesOf, type UnitSet } from './statistics.repository';

export interface Viewer {
  actor: Actor;
  scope: 'any' | 'own';
}

export interface ResolvedScope {
  code: string | null;
  label: string;
  /** `select id` of the scope's units; null: everything. */
  units: UnitSet;
  /** The unit that reports for the scope (Word header, form header), if one. */
  reportingUnitId: string | null;
}

/** Who signs a file's header on a date: the reporting body after any merger. */
export interface FileIssuer {
  parentBody: string;
  issuer: string;
  symbol: string;
  place: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** The trend table and chart: the report's year and the nine before it. */
export const YEAR_WINDOW = 10;

const citationText = (c: { instrument: string; article?: string; clause?: string; point?: string }) =>
  [c.point, c.clause, c.article, c.instrument].filter(Boolean).join(' ');

/**
 * Runs `fn` in one read-only transaction (one snapshot for all the tables) with a larger `work_mem`, so that
 * the group-by of a province's year is a hash aggregate in memory rather than a sort spilled to disk (the
 * server default is 4 MB). Queries run one at a time: node-postgres queues overlapping ones on its client.
 */
async function reading<T>(database: Database, fn: (d: Database) => Promise<T>): Promise<T> {
  return database.db.transaction(async (tx) => {
    await tx.execute(sql`set transaction read only`);
    await tx.execute(sql`set local work_mem = '64MB'`);
    const rows = async <R>(q: SQL) => ((await tx.execute(q)) as unknown as { rows: R[] }).rows;
    return fn({ ...database, rows } as Database);
  });
}

export function createStatisticsService(database: Database) {
  async function resolveScope(
    v: Viewer,
    scope: string | undefined,
    year: number,
  ): Promise<Result<ResolvedScope>> {
    const own = v.scope === 'own' ? v.actor.unitId : null;
    if (v.scope === 'own' && !own) return fail('ELIGIBILITY.SCOPE_REQUIRED');
    const visible = own ? new Set(await repo.subtreeIds(database, [own])) : null;
    const text = scope?.trim();
    if (!text) {
      if (!own)
        return ok({
          code: null,
          label: 'Toàn bộ dữ liệu',
          units: null,
          reportingUnitId: (await repo.soleOrganizer(database, year)) ?? null,
        });
      const unit = await repo.unitById(database, own);
      return ok({
        code: unit?.code ?? null,
        label: unit?.name ?? '',
        units: subtreesOf([own]),
        reportingUnitId: own,
      });
    }
    if (UUID.test(text)) {
      const block = await repo.blockById(database, text);
      if (!block) return fail('NOT_FOUND');
      if (visible) {
        const ids = await repo.subtreeIds(database, block.unitIds);
        if (ids.some((id) => !visible.has(id))) return fail('PERSON.OUT_OF_SCOPE');
      }
      return ok({
        code: block.id,
        label: `${block.name} năm ${block.year}`,
        units: subtreesOf(block.unitIds),
        reportingUnitId: block.organizer,
      });
    }
    const unit = await repo.unitByCode(database, text);
    if (!unit) return fail('NOT_FOUND');
    if (visible && !visible.has(unit.id)) return fail('PERSON.OUT_OF_SCOPE');
    return ok({ code: unit.code, label: unit.name, units: subtreesOf([unit.id]), reportingUnitId: unit.id });
  }

  async function statisticsOf(s: ResolvedScope, year: number, d: Database) {
    const cells = await repo.cells(d, year, s.units);
    const years = await repo.years(d, year - YEAR_WINDOW + 1, year, s.units);
    const unitIds = [...new Set(cells.map((c) => c.unitId).filter((x): x is string => !!x))];
    const units = await repo.units(d, unitIds);
    const stats = buildStatistics({ year, scope: { code: s.code, label: s.label }, cells, years, units });
    return { stats, cells, units };
  }

  return {
    resolveScope,

    async statistics(v: Viewer, year: number, scope?: string): Promise<Result<Statistics>> {
      const s = await resolveScope(v, scope, year);
      if (!s.ok) return s;
      return ok(await reading(database, async (d) => (await statisticsOf(s.value, year, d)).stats));
    },

    /** The body that issues the Word file on `day` (yyyy-mm-dd): the reporting unit's successor on that day. */
    async issuerFor(v: Viewer, year: number, scope: string | undefined, day: string): Promise<FileIssuer> {
      const s = await resolveScope(v, scope, year);
      const unitId = s.ok ? s.value.reportingUnitId : null;
      if (!unitId) return { parentBody: '', issuer: s.ok ? s.value.label : '', symbol: 'BC', place: '' };
      const body = await issuerOn(database.db, unitId, day);
      const parent = await repo.unitById(database, body.id);
      return {
        parentBody: parent?.parent_name ?? '',
        issuer: body.name.replace(/\s+(?:tỉnh|thành phố)\s+.+$/i, ''),
        symbol: body.symbol,
        place: placeOf(body.name),
      };
    },

    async awards(v: Viewer, q: StatAwardsQuery): Promise<Result<Page<StatAwardItem>>> {
      const s = await resolveScope(v, q.scope, q.year);
      if (!s.ok) return s;
      const r = await reading(database, (d) => repo.awards(d, q.year, s.value.units, q, q.page, q.pageSize));
      return ok({ ...r, page: q.page, pageSize: q.pageSize });
    },

    async dossiers(v: Viewer, q: StatDossiersQuery, today: string): Promise<Result<Page<StatDossierItem>>> {
      const s = await resolveScope(v, q.scope, q.year);
      if (!s.ok) return s;
      const r = await repo.dossierList(
        database,
        q.year,
        s.value.units,
        { status: q.status, late: q.late, today },
        q.page,
        q.pageSize,
      );
      return ok({
        ...r,
        items: r.items.map((d) => ({ ...d, statusLabel: DOSSIER_STATE_LABELS[d.status] ?? d.status })),
        page: q.page,
        pageSize: q.pageSize,
      });
    },

    async form(
      v: Viewer,
      id: FormId,
      q: { year: number; scope?: string | undefined; receiver?: string | undefined },
    ): Promise<Result<FormModel>> {
      const s = await resolveScope(v, q.scope, q.year);
      if (!s.ok) return s;
      const reporting = s.value.reportingUnitId
        ? await repo.unitById(database, s.value.reportingUnitId)
        : undefined;
      const ctx = {
        year: q.year,
        reportingUnit: reporting?.name ?? s.value.label,
        receivingUnit: q.receiver ?? 'Sở Nội vụ (Ban Thi đua - Khen thưởng)',
      };
      if (id === '0601') {
        const movements = await repo.movements(database, q.year, s.value.units);
        return ok(buildForm(id, ctx, { cells: [], units: [], movements }));
      }
      const period = reportingPeriod(q.year);
      const { cells, units } = await reading(database, async (d) => {
        const c = await repo.cells(d, q.year, s.value.units, period);
        const ids = [...new Set(c.map((x) => x.unitId).filter((x): x is string => !!x))];
        return { cells: c, units: await repo.units(d, ids) };
      });
      return ok(buildForm(id, ctx, { cells, units, movements: [] }));
    },

    async dashboard(
      v: Viewer,
      year: number,
      scope: string | undefined,
      today: string,
    ): Promise<Result<Dashboard>> {
      const s = await resolveScope(v, scope, year);
      if (!s.ok) return s;
      const { stats, cells, dossiers } = await reading(database, async (d) => ({
        ...(await statisticsOf(s.value, year, d)),
        dossiers: await repo.dossiers(d, year, s.value.units, today),
      }));
      const pack = await effectivePack(database.db, year);
      const regular = (code: string) =>
        cells.filter((c) => c.track === 'regular' && c.awardCode === code).reduce((n, c) => n + c.awards, 0);
      const table = (k: string) => stats.tables.find((t) => t.key === k)!;
      const t = stats.totals;
      return ok({
        year,
        scope: stats.scope,
        today,
        totals: {
          awards: t.awards,
          individual: t.individual,
          collective: t.collective,
          household: t.household,
          prize: t.prize,
          female: t.female,
          frontLine: t.frontLine,
          femaleShare: percent(t.female, t.individual),
          frontLineShare: percent(t.frontLine, t.individual),
        },
        perYear: table('byYear').rows.map((r) => ({ year: Number(r.key), awards: r.total, prize: r.prize })),
        perUnit: table('byUnit').rows.map((r) => ({ unitId: r.key || null, name: r.label, awards: r.total })),
        titles: table('byAward').rows.map((r) => ({ code: r.key, label: r.label, awards: r.total })),
        sex: table('bySex').rows.map((r) => ({ key: r.key, label: r.label, awards: r.total })),
        leader: table('byLeader').rows.map((r) => ({
          key: r.key as 'leader' | 'frontLine',
          label: r.label,
          awards: r.total,
        })),
        dossiers: {
          byStatus: dossiers.byStatus
            .map((d) => ({ ...d, label: DOSSIER_STATE_LABELS[d.status] ?? d.status }))
            .sort((a, b) => b.count - a.count),
          open: dossiers.byStatus
            .filter((d) => (OPEN_DOSSIER_STATES as readonly string[]).includes(d.status))
            .reduce((n, d) => n + d.count, 0),
          late: dossiers.late,
          lateList: dossiers.lateList.map((d) => ({
            ...d,
            statusLabel: DOSSIER_STATE_LABELS[d.status] ?? d.status,
          })),
        },
        quotas: pack.quotas.map((q) => {
          const u = quotaUse(q, regular(q.basisAwardCode), regular(q.awardCode));
          return {
            awardCode: q.awardCode,
            label: AWARD_CODES[q.awardCode].label,
            basisAwardCode: q.basisAwardCode,
            basis: u.basis,
            allowed: u.allowed,
            used: u.used,
            exceeded: u.exceeded,
            detail: u.detail,
            citation: citationText(q.citation),
          };
        }),
      });
    },
  };
}

export type StatisticsService = ReturnType<typeof createStatisticsService>;
