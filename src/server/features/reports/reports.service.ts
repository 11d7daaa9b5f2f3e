/**
 * The year-end summary for a scope: resolves the scope against what the viewer may see, reads the awards and
 * the movements of the year, and builds the report model (src/domain/reports/summary.ts). The narrative
 * sections are stored per year and scope, one version row per save (decision 041); the report shows the
 * latest or a chosen version. Publishing renders the report to HTML and hands it to the portal's news.
 */
import { sql } from 'drizzle-orm';
import type { Database } from '../../platform/db/database';
import type { Clock } from '../../platform/clock';
import type { Actor } from '../../platform/actor';
import { recordAudit } from '../../platform/audit';
import { fail, ok, type Result } from '../../platform/errors';
import { createMovementsService } from '../movements/movements.service';
import { formatIndicatorValue } from '../../../shared/movements/movements.schema';
import {
  buildSummaryReport,
  NARRATIVE_SECTIONS,
  type MovementInput,
  type NarrativeInput,
  type SummaryReport,
} from '../../../domain/reports/summary';
import {
  blockCode,
  type NarrativeHistory,
  type NarrativeSaveInput,
  type PublishInput,
  type ScopeOption,
} from '../../../shared/reports/summary.schema';
import { compareVietnamese } from '../../../shared/vietnamese';
import { reportsRepository as repo } from './reports.repository';
import { issuerOn } from '../decisions/decisions.repository';
import { placeOf } from '../scoring/word/scoring-word';
import { summaryHtml } from './summary-html';
import type { NewsService } from '../portal/news.service';

export interface Viewer {
  actor: Actor;
  scope: 'any' | 'own';
}

export interface SummaryQuery {
  year: number;
  /** A unit code, a block's code (its folded name) or id; none: everything the viewer may see. */
  scope?: string | undefined;
  /** The narrative version to show (default: the latest). */
  version?: number | undefined;
}

/** The portal's news (src/server/features/portal/news.service.ts), injected by app.ts. */
export type NewsPublisher = Pick<NewsService, 'publishGenerated' | 'categories' | 'createCategory'>;

/** The news category a published summary goes to (made on first publication when missing). */
export const SUMMARY_NEWS_CATEGORY = { slug: 'thi-dua-khen-thuong', name: 'Thi đua – Khen thưởng' };

interface ResolvedScope {
  /** The stored narrative's key: '' (everything), a unit code, or `block:<id>`. */
  key: string;
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

/** Carries a refusal out of a transaction so that it rolls back. */
class Refused<T> extends Error {
  constructor(readonly result: Result<T>) {
    super('refused');
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** `news`: the portal's news service (publishing); without it, publishing is refused as unavailable. */
export function createReportsService(database: Database, clock: Clock, news?: NewsPublisher) {
  const movements = createMovementsService(database, clock);

  /**
   * A scope the viewer may see: a unit code (exact), else a block of the year by its code (the folded name,
   * so the name itself also matches, without diacritics or case) or id. A unit officer or block lead sees
   * its own unit's subtree only (as eligibility does); anything wider is refused.
   */
  async function resolveScope(
    v: Viewer,
    year: number,
    scope: string | undefined,
  ): Promise<Result<ResolvedScope>> {
    const own = v.scope === 'own' ? v.actor.unitId : null;
    if (v.scope === 'own' && !own) return fail('ELIGIBILITY.SCOPE_REQUIRED');
    const visible = own ? new Set(await repo.subtreeIds(database, [own])) : null;
    const text = scope?.trim();
    if (!text) {
      if (!own)
        return ok({
          key: '',
          code: null,
          label: 'Toàn bộ dữ liệu',
          unitIds: null,
          blockId: null,
          unitId: null,
        });
      const unit = await database.rows<{ code: string; name: string }>(
        sql`select code, name from units where id = ${own}`,
      );
      return ok({
        key: unit[0]?.code ?? '',
        code: unit[0]?.code ?? null,
        label: unit[0]?.name ?? '',
        unitIds: [...visible!],
        blockId: null,
        unitId: own,
      });
    }
    const unit = await repo.unitByCode(database, text);
    if (unit) {
      if (visible && !visible.has(unit.id)) return fail('REPORT.OUT_OF_SCOPE');
      return ok({
        key: unit.code,
        code: unit.code,
        label: unit.name,
        unitIds: await repo.subtreeIds(database, [unit.id]),
        blockId: null,
        unitId: unit.id,
      });
    }
    const wanted = UUID.test(text) ? null : blockCode(text);
    const block = (await repo.blocksOfYear(database, year)).find((b) =>
      wanted === null ? b.id === text.toLowerCase() : blockCode(b.name) === wanted,
    );
    if (!block)
      return fail(
        'REPORT.SCOPE_NOT_FOUND',
        { scope: text },
        `Không có đơn vị mã "${text}" hay khối thi đua "${text}" trong năm ${year}.`,
      );
    const ids = await repo.subtreeIds(database, block.unitIds);
    if (visible && ids.some((id) => !visible.has(id))) return fail('REPORT.OUT_OF_SCOPE');
    return ok({
      key: `block:${block.id}`,
      code: blockCode(block.name),
      label: `${block.name} năm ${year}`,
      unitIds: ids,
      blockId: block.id,
      unitId: null,
    });
  }

  /** The narrative of a version (the latest when none is asked for); a missing asked version is NOT_FOUND. */
  async function narrativeOf(
    year: number,
    key: string,
    version: number | undefined,
  ): Promise<Result<NarrativeInput | undefined>> {
    const stored = await repo.report(database.db, year, key);
    if (!stored || stored.currentVersion === 0)
      return version === undefined ? ok(undefined) : fail('NOT_FOUND');
    const v = await repo.version(database.db, stored.id, version);
    if (!v) return fail('NOT_FOUND');
    return ok({
      sections: v.sections,
      version: v.version,
      note: v.note,
      savedAt: v.savedAt,
      savedBy: v.savedBy,
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

  async function summaryWithIssuer(
    v: Viewer,
    q: SummaryQuery,
    now: Date,
  ): Promise<Result<{ report: SummaryReport; issuer: ReportIssuer; scope: ResolvedScope }>> {
    const s = await resolveScope(v, q.year, q.scope);
    if (!s.ok) return s;
    const report = await summaryOf(s.value, q);
    if (!report.ok) return report;
    const fallback = { parentBody: '', issuer: s.value.label, symbol: 'BC', place: '' };
    const unitId = await repo.reportingUnitId(database, q.year, s.value);
    if (!unitId) return ok({ report: report.value, issuer: fallback, scope: s.value });
    const day = new Date(now.getTime() + 7 * 3600_000).toISOString().slice(0, 10);
    const body = await issuerOn(database.db, unitId, day);
    return ok({
      report: report.value,
      scope: s.value,
      issuer: {
        parentBody: (await repo.parentNameOf(database, body.id)) ?? '',
        issuer: body.name.replace(/\s+(?:tỉnh|thành phố)\s+.+$/i, ''),
        symbol: body.symbol,
        place: placeOf(body.name),
      },
    });
  }

  async function history(
    v: Viewer,
    year: number,
    scope: string | undefined,
  ): Promise<Result<NarrativeHistory>> {
    const s = await resolveScope(v, year, scope);
    if (!s.ok) return s;
    const stored = await repo.report(database.db, year, s.value.key);
    return ok({
      year,
      scopeKey: s.value.key,
      currentVersion: stored?.currentVersion ?? 0,
      publishedNewsId: stored?.publishedNewsId ?? null,
      versions: stored ? await repo.versions(database.db, stored.id) : [],
    });
  }

  return {
    resolveScope,
    /** The report and the body that issues it on `now` (for the Word header). */
    summaryWithIssuer,
    async summary(v: Viewer, q: SummaryQuery): Promise<Result<SummaryReport>> {
      const s = await resolveScope(v, q.year, q.scope);
      if (!s.ok) return s;
      return summaryOf(s.value, q);
    },

    /** The saved versions of a year's and scope's narrative, newest first. */
    history,

    /**
     * Saves the narrative sections as a new version. `baseVersion` is the version the editor started from:
     * when someone saved since, the save is refused (REPORT.STALE_VERSION) and nothing changes.
     */
    async saveNarrative(v: Viewer, input: NarrativeSaveInput): Promise<Result<NarrativeHistory>> {
      const s = await resolveScope(v, input.year, input.scope);
      if (!s.ok) return s;
      const now = clock();
      const sections = Object.fromEntries(
        NARRATIVE_SECTIONS.map((x) => [x.key, input.sections[x.key] ?? '']),
      );
      const saved = await database.db.transaction(async (tx): Promise<Result<number>> => {
        const report = await repo.reportForUpdate(tx, input.year, s.value.key);
        if (report.currentVersion !== input.baseVersion)
          return fail(
            'REPORT.STALE_VERSION',
            undefined,
            `Phần nhận định đã có phiên bản ${report.currentVersion} lưu sau khi bạn mở (bạn sửa từ phiên bản ` +
              `${input.baseVersion}). Hãy tải lại phiên bản mới nhất rồi sửa và lưu lại.`,
          );
        const before = report.currentVersion ? await repo.version(tx, report.id) : undefined;
        const version = report.currentVersion + 1;
        await repo.addVersion(tx, report.id, version, {
          sections,
          note: input.note,
          userId: v.actor.id,
          at: now,
        });
        await recordAudit(
          tx,
          v.actor,
          {
            action: 'report.narrative.save',
            entityType: 'summary_report',
            entityId: report.id,
            before: before ? { version: before.version, sections: before.sections, note: before.note } : null,
            after: { year: input.year, scopeKey: s.value.key, version, sections, note: input.note },
          },
          clock,
        );
        return ok(version);
      });
      if (!saved.ok) return saved;
      return history(v, input.year, input.scope);
    },

    /**
     * Publishes the report (numbers and the latest narrative) as a news item of the portal, and keeps the
     * item's id with the report: the news item, the link and the audit row in one transaction. Publishing
     * again replaces the same item (same address) with the current figures and narrative.
     */
    async publish(
      v: Viewer,
      input: PublishInput,
    ): Promise<Result<{ id: string; slug: string; url: string }>> {
      if (!news) return fail('REPORT.PUBLISH_UNAVAILABLE');
      const now = clock();
      const r = await summaryWithIssuer(v, { year: input.year, scope: input.scope }, now);
      if (!r.ok) return r;
      const { report, issuer, scope } = r.value;
      if (!(await news.categories()).some((c) => c.slug === SUMMARY_NEWS_CATEGORY.slug)) {
        const made = await news.createCategory(v.actor, { ...SUMMARY_NEWS_CATEGORY, sortOrder: 0 });
        // Someone else made it meanwhile: fine.
        if (!made.ok && made.error.code !== 'NEWS.CATEGORY_SLUG_TAKEN') return made;
      }
      const title = `Báo cáo ${report.title.charAt(0).toLowerCase()}${report.title.slice(1)}${
        scope.key ? ` — ${scope.label}` : ''
      }`;
      const summary = report.empty
        ? `Năm ${report.year} chưa có dữ liệu phong trào thi đua và khen thưởng trong phạm vi ${scope.label}.`
        : `Kết quả ${report.movements.length} phong trào thi đua và công tác khen thưởng năm ${report.year}` +
          `${issuer.issuer ? ` của ${issuer.issuer}` : ''} (phạm vi: ${scope.label}).`;
      const run = database.db.transaction(async (tx) => {
        const stored = await repo.reportForUpdate(tx, input.year, scope.key);
        const item = await news.publishGenerated(
          v.actor,
          {
            categorySlug: SUMMARY_NEWS_CATEGORY.slug,
            title: title.slice(0, 300),
            summary: summary.slice(0, 1000),
            bodyHtml: summaryHtml(report, issuer),
            ...(input.publishAt ? { publishAt: input.publishAt } : {}),
            ...(stored.publishedNewsId ? { newsId: stored.publishedNewsId } : {}),
          },
          tx,
        );
        // Nothing of a refused publication stays (the report row made above included).
        if (!item.ok) throw new Refused(item);
        await repo.setPublished(tx, stored.id, item.value.id, now);
        await recordAudit(
          tx,
          v.actor,
          {
            action: 'report.publish',
            entityType: 'summary_report',
            entityId: stored.id,
            before: { publishedNewsId: stored.publishedNewsId },
            after: {
              year: input.year,
              scopeKey: scope.key,
              narrativeVersion: report.narrative.version,
              publishedNewsId: item.value.id,
              url: item.value.url,
            },
          },
          clock,
        );
        return ok(item.value);
      });
      return run.catch((e: unknown) => {
        if (e instanceof Refused) return e.result;
        throw e;
      });
    },

    /** What the scope picker offers for a year: the blocks and units the viewer may see, sorted. */
    async scopes(v: Viewer, year: number): Promise<Result<ScopeOption[]>> {
      const own = v.scope === 'own' ? v.actor.unitId : null;
      if (v.scope === 'own' && !own) return fail('ELIGIBILITY.SCOPE_REQUIRED');
      const visibleIds = own ? await repo.subtreeIds(database, [own]) : null;
      const visible = visibleIds ? new Set(visibleIds) : null;
      const blocks: ScopeOption[] = [];
      for (const b of await repo.blocksOfYear(database, year)) {
        if (visible) {
          const ids = await repo.subtreeIds(database, b.unitIds);
          if (ids.some((id) => !visible.has(id))) continue;
        }
        blocks.push({ kind: 'block', code: blockCode(b.name), label: b.name });
      }
      const units = (await repo.unitsIn(database, visibleIds)).map((u): ScopeOption => ({
        kind: 'unit',
        code: u.code,
        label: `${u.name} (${u.code})`,
      }));
      const byLabel = (a: ScopeOption, b: ScopeOption) => compareVietnamese(a.label, b.label);
      // A unit officer's own unit first, then the units under it.
      const ownCode = own ? (await repo.unitsIn(database, [own]))[0]?.code : undefined;
      const first = (a: ScopeOption, b: ScopeOption) =>
        Number(b.code === ownCode) - Number(a.code === ownCode);
      return ok([...blocks.sort(byLabel), ...units.sort((a, b) => first(a, b) || byLabel(a, b))]);
    },
  };

  async function summaryOf(s: ResolvedScope, q: SummaryQuery): Promise<Result<SummaryReport>> {
    const [awards, movementList, narrative] = await Promise.all([
      repo.awardCounts(database, q.year, s.unitIds),
      movementsOf(q.year, s),
      narrativeOf(q.year, s.key, q.version),
    ]);
    if (!narrative.ok) return narrative;
    return ok(
      buildSummaryReport({
        year: q.year,
        scope: { code: s.code, label: s.label },
        movements: movementList,
        awards,
        ...(narrative.value ? { narrative: narrative.value } : {}),
      }),
    );
  }
}

export type ReportsService = ReturnType<typeof createReportsService>;
