/** Queries of the news feature (officers' side and the public portal), with intent-named methods. */
import { and, asc, desc, eq, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/database';
import { toCount } from '../../platform/db/database';
import { newsCategories, newsItems, users, webLinks } from '../../platform/db/schema';
import { likeEscape } from '../../platform/sql';

export interface NewsRow {
  id: string;
  slug: string;
  title: string;
  summary: string;
  bodyHtml: string;
  categoryId: string;
  categoryName: string;
  categorySlug: string;
  status: 'draft' | 'published' | 'unpublished';
  publishAt: Date | null;
  viewCount: number;
  createdByName: string | null;
  updatedAt: Date;
  version: number;
}

const itemColumns = {
  id: newsItems.id,
  slug: newsItems.slug,
  title: newsItems.title,
  summary: newsItems.summary,
  bodyHtml: newsItems.bodyHtml,
  categoryId: newsItems.categoryId,
  categoryName: newsCategories.name,
  categorySlug: newsCategories.slug,
  status: newsItems.status,
  publishAt: newsItems.publishAt,
  viewCount: newsItems.viewCount,
  createdByName: users.displayName,
  updatedAt: newsItems.updatedAt,
  version: newsItems.version,
};

/** Published and its publish time has passed. */
export const visibleAt = (now: Date): SQL =>
  sql`${newsItems.status} = 'published' and ${newsItems.publishAt} <= ${now.toISOString()}::timestamptz`;

const fixRow = (r: Record<string, unknown>): NewsRow => ({
  ...(r as unknown as NewsRow),
  viewCount: toCount(r.viewCount),
});

export const newsRepository = {
  async categories(db: DbOrTx) {
    const rows = await db
      .select({
        id: newsCategories.id,
        slug: newsCategories.slug,
        name: newsCategories.name,
        sortOrder: newsCategories.sortOrder,
        items:
          sql<number>`(select count(*) from news_items i where i.category_id = ${newsCategories.id})`.mapWith(
            Number,
          ),
      })
      .from(newsCategories)
      .orderBy(asc(newsCategories.sortOrder), asc(newsCategories.name));
    return rows;
  },

  async categoryBy(db: DbOrTx, by: { id?: string; slug?: string }) {
    const where = by.id ? eq(newsCategories.id, by.id) : eq(newsCategories.slug, by.slug ?? '');
    return (await db.select().from(newsCategories).where(where))[0];
  },

  async item(db: DbOrTx, by: { id?: string; slug?: string }): Promise<NewsRow | undefined> {
    const where = by.id ? eq(newsItems.id, by.id) : eq(newsItems.slug, by.slug ?? '');
    const [row] = await db
      .select(itemColumns)
      .from(newsItems)
      .innerJoin(newsCategories, eq(newsCategories.id, newsItems.categoryId))
      .leftJoin(users, eq(users.id, newsItems.createdBy))
      .where(where);
    return row ? fixRow(row) : undefined;
  },

  /** The officers' list: newest first (unscheduled drafts first of all). */
  async list(
    db: DbOrTx,
    q: { status?: string; categoryId?: string; q?: string; page: number; pageSize: number },
  ): Promise<{ rows: NewsRow[]; total: number }> {
    const where: SQL[] = [];
    if (q.status) where.push(eq(newsItems.status, q.status));
    if (q.categoryId) where.push(eq(newsItems.categoryId, q.categoryId));
    if (q.q) where.push(sql`vd_fold(${newsItems.title}) like '%' || vd_fold(${likeEscape(q.q)}) || '%'`);
    const condition = where.length ? and(...where) : undefined;
    const rows = await db
      .select(itemColumns)
      .from(newsItems)
      .innerJoin(newsCategories, eq(newsCategories.id, newsItems.categoryId))
      .leftJoin(users, eq(users.id, newsItems.createdBy))
      .where(condition)
      .orderBy(sql`${newsItems.publishAt} desc nulls first`, desc(newsItems.createdAt))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize);
    const [n] = await db
      .select({ n: sql<number>`count(*)`.mapWith(Number) })
      .from(newsItems)
      .where(condition);
    return { rows: rows.map(fixRow), total: n?.n ?? 0 };
  },

  /** Slugs equal to `base` or `base-<n>`, to pick the next free one. */
  async slugsLike(db: DbOrTx, base: string): Promise<Set<string>> {
    const rows = await db
      .select({ slug: newsItems.slug })
      .from(newsItems)
      .where(sql`${newsItems.slug} = ${base} or ${newsItems.slug} like ${`${likeEscape(base)}-%`}`);
    return new Set(rows.map((r) => r.slug));
  },

  /** Published items visible at `now`, newest first; optionally of one category, or excluding one item. */
  async visible(
    db: DbOrTx,
    now: Date,
    q: { categoryId?: string; excludeId?: string; limit: number; offset?: number },
  ) {
    const where: SQL[] = [visibleAt(now)];
    if (q.categoryId) where.push(eq(newsItems.categoryId, q.categoryId));
    if (q.excludeId) where.push(sql`${newsItems.id} <> ${q.excludeId}`);
    return db
      .select({
        id: newsItems.id,
        slug: newsItems.slug,
        title: newsItems.title,
        summary: newsItems.summary,
        publishAt: newsItems.publishAt,
        categoryId: newsItems.categoryId,
        categoryName: newsCategories.name,
        categorySlug: newsCategories.slug,
      })
      .from(newsItems)
      .innerJoin(newsCategories, eq(newsCategories.id, newsItems.categoryId))
      .where(and(...where))
      .orderBy(desc(newsItems.publishAt), desc(newsItems.id))
      .limit(q.limit)
      .offset(q.offset ?? 0);
  },

  async countVisible(db: DbOrTx, now: Date, categoryId?: string): Promise<number> {
    const where: SQL[] = [visibleAt(now)];
    if (categoryId) where.push(eq(newsItems.categoryId, categoryId));
    const [n] = await db
      .select({ n: sql<number>`count(*)`.mapWith(Number) })
      .from(newsItems)
      .where(and(...where));
    return n?.n ?? 0;
  },

  async links(db: DbOrTx) {
    return db
      .select({ id: webLinks.id, title: webLinks.title, url: webLinks.url, sortOrder: webLinks.sortOrder })
      .from(webLinks)
      .orderBy(asc(webLinks.sortOrder), asc(webLinks.title));
  },
};
