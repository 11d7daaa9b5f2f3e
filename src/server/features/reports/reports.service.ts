/**
 * The year-end summary for a scope: resolves the scope against what the viewer may see, reads the awards and
 * the movements of the year, and builds the report model (src/domain/reports/summary.ts).
 */
import { sql } from 'drizzle-orm';
import type { Database } from '../../platform/db/database';
import type { Clock } from '../../platform/clock';
import type { Actor } from '../../platform/actor';
import { fail, ok, type Result } from '../../platform/errors';
import { createMovementsService } from '../movements/movements.service';
import { formatIndicatorValue } from '../../../shared/movements/movements.schema';
import { buildSummaryReport, type MovementInput, type SummaryReport } from '../../../domain/reports/summary';
import { reportsRepository as repo } from './reports.repository';
import { issuerOn } from '../decisions/decisions.repository';
import { placeOf } from '../scoring/word/scoring-word';

export interface Viewer {
  actor: Actor;
  scope: 'any' | 'own';
}

export interface SummaryQuery {
  year: number;
  /** A unit code, or a block id; none: everything the viewer may see. */
  scope?: string | undefined;
  narrative?: { assessment?: string; nextYearTasks?: string };
}

interface ResolvedScope {
  code: string | null;
  label: string;
  unitIds: string[] | null;
  blockId: string | null;
  /** The scope's root unit (a unit scope). */
  unitId: string | null;
}

/** Who signs the report's header on a date: the reporting body after any merger (decisions' issuerOn). */
export interface ReportIssuer {
  parentBody: string;
  issuer: string;
  symbol: string;
  place: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function createReportsService(database: Database, clock: Clock) {
  const movements = createMovementsService(database, clock);

  async function resolveScope(v: Viewer, scope: string | undefined): Promise<Result<ResolvedScope>> {
    // A unit officer sees its own unit's subtree only (as in eligibility's resolveScope).
    const own = v.scope === 'own' ? v.actor.unitId : null;
    if (v.scope === 'own' && !own) return fail('ELIGIBILITY.SCOPE_REQUIRED');
    const visible = own ? new Set(await repo.subtreeIds(database, [own])) : null;
    const text = scope?.trim();
    if (!text) {
      if (!own)
        return ok({ code: null, label: 'Toàn bộ dữ liệu', unitIds: null, blockId: null, unitId: null });
      const ids = [...visible!];
      const unit = await database.rows<{ code: string; name: string }>(
        sql`select code, name from units where id = ${own}`,
      );
      return ok({
        code: unit[0]?.code ?? null,
        label: unit[0]?.name ?? '',
        unitIds: ids,
        blockId: null,
        unitId: own,
      });
    }
    if (UUID.test(text)) {
      const block = await repo.blockById(database, text);
      if (!block) return fail('NOT_FOUND');
      const ids = await repo.subtreeIds(database, block.unitIds);
      if (visible && ids.some((id) => !visible.has(id))) return fail('PERSON.OUT_OF_SCOPE');
      return ok({
        code: block.id,
        label: `${block.name} năm ${block.year}`,
        unitIds: ids,
        blockId: block.id,
        unitId: null,
      });
    }
    const unit = await repo.unitByCode(database, text);
    if (!unit) return fail('NOT_FOUND');
    if (visible && !visible.has(unit.id)) return fail('PERSON.OUT_OF_SCOPE');
    return ok({
      code: unit.code,
      label: unit.name,
      unitIds: await repo.subtreeIds(database, [unit.id]),
      blockId: null,
      unitId: unit.id,
    });
  }

  async function movementsOf(year: number, s: ResolvedScope): Promise<MovementInput[]> {
    const inScope = (unitId: string) => !s.unitIds || s.unitIds.includes(unitId);
    const out: MovementInput[] = [];
    for (const m of await movements.yearReport(year)) {
      const targets = m.targets.filter((t) => inScope(t.unitId));
      if (!targets.length) continue;
      // Totals only for a group the scope covers whole: the movement's department total when every target
      // is in scope, or the block's total when the scope is that block.
      const group = m.aggregate.groups.find((g) =>
        g.scope === 'department' ? targets.length === m.targets.length : g.key === s.blockId,
      );
      const preferred =
        m.aggregate.groups.find((g) => s.blockId !== null && g.key === s.blockId) ?? group ?? null;
      out.push({
        name: m.name,
        kind: m.kind,
        launchingUnit: m.launchingUnitName,
        results: targets.map((t) => ({
          unitName: t.unitName,
          summary: m.results.find((r) => r.unitId === t.unitId)?.summary ?? '(chưa báo cáo)',
        })),
        totals: (preferred?.indicators ?? []).map((a) => ({
          label: a.label,
          value:
            a.kind === 'boolean'
              ? `${a.value}/${a.units} đơn vị`
              : formatIndicatorValue(a.kind, a.value) +
                (a.met !== null ? ` (${a.met}/${a.units} đơn vị đạt chỉ tiêu)` : ''),
        })),
      });
    }
    return out;
  }

  return {
    resolveScope,
    /** The report and the body that issues it on `now` (for the Word header). */
    async summaryWithIssuer(
      v: Viewer,
      q: SummaryQuery,
      now: Date,
    ): Promise<Result<{ report: SummaryReport; issuer: ReportIssuer }>> {
      const s = await resolveScope(v, q.scope);
      if (!s.ok) return s;
      const report = await summaryOf(s.value, q);
      const fallback = { parentBody: '', issuer: s.value.label, symbol: 'BC', place: '' };
      const unitId = await repo.reportingUnitId(database, q.year, s.value);
      if (!unitId) return ok({ report, issuer: fallback });
      const day = new Date(now.getTime() + 7 * 3600_000).toISOString().slice(0, 10);
      const body = await issuerOn(database.db, unitId, day);
      return ok({
        report,
        issuer: {
          parentBody: (await repo.parentNameOf(database, body.id)) ?? '',
          issuer: body.name.replace(/\s+(?:tỉnh|thành phố)\s+.+$/i, ''),
          symbol: body.symbol,
          place: placeOf(body.name),
        },
      });
    },
    async summary(v: Viewer, q: SummaryQuery): Promise<Result<SummaryReport>> {
      const s = await resolveScope(v, q.scope);
      if (!s.ok) return s;
      return ok(await summaryOf(s.value, q));
    },
  };

  async function summaryOf(s: ResolvedScope, q: SummaryQuery): Promise<SummaryReport> {
    const [awards, movementList] = await Promise.all([
      repo.awardCounts(database, q.year, s.unitIds),
      movementsOf(q.year, s),
    ]);
    return buildSummaryReport({
      year: q.year,
      scope: { code: s.code, label: s.label },
      movements: movementList,
      awards,
      ...(q.narrative ? { narrative: q.narrative } : {}),
    });
  }
}

export type ReportsService = ReturnType<typeof createReportsService>;
