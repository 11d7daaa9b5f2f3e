/**
 * The public portal's reads and its two counters (decision 038):
 * - the view counter: one `news_views` row per item, visitor and day, inserted together with the item's
 *   `view_count + 1` in one statement (a CTE), so the counter rises only when the insert succeeds; a
 *   visitor already counted today is remembered in memory and costs no write at all;
 * - the access statistics: one `site_visits` row per visitor and day, its `last_seen_at` refreshed at most
 *   once a minute per visitor; online now = seen in the last 5 minutes.
 * Lists, categories, links, statistics and issued decisions are cached for a few seconds of the clock (and
 * dropped at once by this process's news writes); an item's count is re-read at most once a second, so a
 * reader already counted today costs no query at all.
 */
import { sql } from 'drizzle-orm';
import type { Database } from '../../platform/db/database';
import { toCount } from '../../platform/db/database';
import type { Clock } from '../../platform/clock';
import { todayInVietnam } from '../../platform/dates';
import { AWARD_CODES, RECIPIENT_KIND_LABELS, type AwardCode } from '../../../shared/registry/catalog';
import { DECISION_KIND_LABELS, type DecisionKind } from '../../../shared/decisions/decisions.schema';
import { newsRepository as repo, type NewsRow } from './news.repository';
import { ttlCache } from './portal-cache';
import {
  loadVisitorSecret,
  visitorIdentifier,
  type VisitorIdentifier,
  type VisitorRequest,
} from './visitors';

export const ONLINE_WINDOW_MS = 5 * 60_000;
/** A visitor's last_seen_at is written at most this often. */
export const SEEN_REFRESH_MS = 60_000;
export const PAGE_SIZE = 10;
/** How long an uncounted reader may be shown a count this process already knows. */
export const COUNT_REFRESH_MS = 1_000;
export const DECISIONS_PAGE_SIZE = 10;

export interface ListedNews {
  id: string;
  slug: string;
  title: string;
  summary: string;
  publishAt: Date | null;
  categoryName: string;
  categorySlug: string;
}

export interface SiteStats {
  online: number;
  today: number;
  total: number;
}

export interface PublicDecision {
  id: string;
  number: string;
  decidedOn: string;
  issuer: string;
  kind: DecisionKind;
  kindLabel: string;
  summary: string;
  recipientCount: number;
  recipients: { name: string; detail: string; kindLabel: string; awardLabel: string }[];
}

const awardLabel = (code: string) => AWARD_CODES[code as AwardCode]?.label ?? code;

export function createPortalService(database: Database, clock: Clock) {
  const { db } = database;
  let identifier: VisitorIdentifier | undefined;
  const visitors = async () => (identifier ??= visitorIdentifier(await loadVisitorSecret(db)));

  // Per process memory: which (item, visitor, day) are counted, when each visitor was last written.
  const counted = new Set<string>();
  const lastSeen = new Map<string, number>();
  const bound = () => {
    if (counted.size > 200_000) counted.clear();
    if (lastSeen.size > 200_000) lastSeen.clear();
  };

  const shortCache = <V>(ttlMs: number) => ttlCache<V>(db, clock, ttlMs);
  const items = shortCache<NewsRow | null>(5_000);
  const lists = shortCache<unknown>(10_000);
  const stats = shortCache<SiteStats>(5_000);

  // An item's count as this process last wrote or read it, read again after COUNT_REFRESH_MS: a reader
  // who is not counted (already counted today) sees a count at most that old, and costs no query.
  const counts = new Map<string, { value: number; at: number }>();
  async function currentCount(id: string): Promise<number> {
    const now = clock().getTime();
    const known = counts.get(id);
    if (known && now - known.at < COUNT_REFRESH_MS && now >= known.at) return known.value;
    const [c] = await database.rows<{ viewCount: unknown }>(
      sql`select view_count as "viewCount" from news_items where id = ${id}`,
    );
    const value = toCount(c?.viewCount);
    if (counts.size > 10_000) counts.clear();
    counts.set(id, { value, at: now });
    return value;
  }

  async function cachedList<T>(name: string, load: () => Promise<T>): Promise<T> {
    return (await lists.get(name, load)) as T;
  }

  return {
    today: () => todayInVietnam(clock),

    async identify(req: Omit<VisitorRequest, 'day'>) {
      return (await visitors()).identify({ ...req, day: todayInVietnam(clock) });
    },

    /** Records a site visit (upsert of the day's row, last_seen_at at most once a minute). */
    async recordVisit(visitor: string | null): Promise<void> {
      if (!visitor) return;
      const now = clock();
      const day = todayInVietnam(clock);
      const k = `${day}|${visitor}`;
      const last = lastSeen.get(k);
      if (last !== undefined && now.getTime() - last < SEEN_REFRESH_MS && now.getTime() >= last) return;
      bound();
      lastSeen.set(k, now.getTime());
      await db.execute(sql`insert into site_visits (visitor, day, last_seen_at)
        values (${visitor}, ${day}, ${now.toISOString()}::timestamptz)
        on conflict (day, visitor) do update set last_seen_at = excluded.last_seen_at`);
    },

    async stats(): Promise<SiteStats> {
      return stats.get('stats', async () => {
        const now = clock();
        const since = new Date(now.getTime() - ONLINE_WINDOW_MS).toISOString();
        const [r] = await database.rows<{ online: unknown; today: unknown; total: unknown }>(sql`select
            (select count(*) from site_visits where last_seen_at >= ${since}::timestamptz) as online,
            (select count(*) from site_visits where day = ${todayInVietnam(clock)}) as today,
            (select count(*) from site_visits) as total`);
        return { online: toCount(r?.online), today: toCount(r?.today), total: toCount(r?.total) };
      });
    },

    /**
     * A visible item by slug, with its view count after counting this visitor (once per day). Null when
     * there is no such item, or it is a draft, unpublished, or scheduled for later.
     */
    async viewItem(
      slug: string,
      visitor: string | null,
    ): Promise<{ item: NewsRow; viewCount: number } | null> {
      const item = await items.get(slug, async () => (await repo.item(db, { slug })) ?? null);
      const now = clock();
      if (!item || item.status !== 'published' || !item.publishAt || new Date(item.publishAt) > now)
        return null;
      const day = todayInVietnam(clock);
      const k = `${item.id}|${day}|${visitor}`;
      if (visitor && !counted.has(k)) {
        // One statement: the counter rises only when this visitor's row for the day is new.
        const [r] = await database.rows<{ viewCount: unknown }>(sql`with ins as (
            insert into news_views (news_id, visitor, day) values (${item.id}, ${visitor}, ${day})
            on conflict do nothing returning news_id)
          update news_items set view_count = view_count + 1 where id in (select news_id from ins)
          returning view_count as "viewCount"`);
        bound();
        counted.add(k);
        if (r) {
          const viewCount = toCount(r.viewCount);
          counts.set(item.id, { value: viewCount, at: clock().getTime() });
          return { item, viewCount };
        }
      }
      return { item, viewCount: await currentCount(item.id) };
    },

    async categories() {
      return cachedList('categories', () => repo.categories(db));
    },

    async links() {
      return cachedList('links', () => repo.links(db));
    },

    async category(slug: string) {
      return cachedList(`category:${slug}`, async () => (await repo.categoryBy(db, { slug })) ?? null);
    },

    /** Visible news, newest first, a page at a time (optionally of one category). */
    async latest(page: number, categoryId?: string): Promise<{ items: ListedNews[]; total: number }> {
      return cachedList(`latest:${categoryId ?? ''}:${page}`, async () => {
        const now = clock();
        const [rows, total] = await Promise.all([
          repo.visible(db, now, { categoryId, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE }),
          repo.countVisible(db, now, categoryId),
        ]);
        return { items: rows, total };
      });
    },

    /** The newest visible items of each category that has any (the portal home). */
    async byCategory(perCategory: number) {
      return cachedList(`byCategory:${perCategory}`, async () => {
        const now = clock();
        const out: { name: string; slug: string; items: ListedNews[] }[] = [];
        for (const c of await repo.categories(db)) {
          const rows = await repo.visible(db, now, { categoryId: c.id, limit: perCategory });
          if (rows.length) out.push({ name: c.name, slug: c.slug, items: rows });
        }
        return out;
      });
    },

    /** Earlier news of an item's category ("Tin đã đưa"). */
    async earlier(item: NewsRow, limit = 8): Promise<ListedNews[]> {
      return cachedList(`earlier:${item.id}`, async () =>
        (
          await repo.visible(db, clock(), {
            categoryId: item.categoryId,
            excludeId: item.id,
            limit: limit + 4,
          })
        )
          .filter((r) => r.publishAt && item.publishAt && new Date(r.publishAt) <= new Date(item.publishAt))
          .slice(0, limit),
      );
    },

    /** Issued decisions (never drafts), newest first, with their recipients and awards. */
    async decisions(page: number): Promise<{ items: PublicDecision[]; total: number }> {
      return cachedList(`decisions:${page}`, async () => {
        const rows = await database.rows<{
          id: string;
          number: string;
          decidedOn: string;
          issuer: string;
          kind: DecisionKind;
          summary: string;
          recipientCount: unknown;
        }>(sql`select d.id, d.number, d.decided_on::text as "decidedOn", u.name as issuer, d.kind, d.summary,
            (select count(*) from decision_recipients r where r.decision_id = d.id) as "recipientCount"
          from decisions d join units u on u.id = d.issuer_unit_id
          where d.status = 'issued'
          order by d.decided_on desc, d.seq desc, d.id
          limit ${DECISIONS_PAGE_SIZE} offset ${(page - 1) * DECISIONS_PAGE_SIZE}`);
        const [n] = await database.rows<{ n: unknown }>(
          sql`select count(*) as n from decisions where status = 'issued'`,
        );
        const ids = rows.map((r) => r.id);
        const recipients = ids.length
          ? await database.rows<{
              decisionId: string;
              name: string;
              detail: string;
              recipientKind: keyof typeof RECIPIENT_KIND_LABELS;
              awardCode: string;
            }>(sql`select r.decision_id as "decisionId", r.display_name as name, r.display_detail as detail,
                r.recipient_kind as "recipientKind", r.award_code as "awardCode"
              from decision_recipients r
              where r.decision_id in (${sql.join(
                ids.map((id) => sql`${id}`),
                sql`, `,
              )})
              order by r.decision_id, r.position, r.id`)
          : [];
        const byDecision = new Map<string, PublicDecision['recipients']>();
        for (const r of recipients) {
          const list = byDecision.get(r.decisionId) ?? [];
          list.push({
            name: r.name,
            detail: r.detail,
            kindLabel: RECIPIENT_KIND_LABELS[r.recipientKind] ?? r.recipientKind,
            awardLabel: awardLabel(r.awardCode),
          });
          byDecision.set(r.decisionId, list);
        }
        return {
          items: rows.map((r) => ({
            ...r,
            kindLabel: DECISION_KIND_LABELS[r.kind] ?? r.kind,
            recipientCount: toCount(r.recipientCount),
            recipients: byDecision.get(r.id) ?? [],
          })),
          total: toCount(n?.n),
        };
      });
    },
  };
}

export type PortalService = ReturnType<typeof createPortalService>;
