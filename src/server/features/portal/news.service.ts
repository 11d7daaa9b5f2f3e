/**
 * News of the public portal, the officers' side: categories, items and web links. Bodies are sanitised with
 * an allow-list when saved (`sanitize.ts`) and stored only sanitised. A slug is made from the title without
 * diacritics and kept unique (`-2`, `-3`… when taken). An item is visible on the portal when it is published
 * and its publish time has passed (a future time schedules it). Every write is one transaction with its
 * audit row, and drops this process's cached portal pages.
 *
 * `publishGenerated` is the door for other features (the year-end summary): it publishes generated HTML as
 * a news item of a category given by slug, sanitised like any other item, inside the caller's transaction
 * when one is given.
 */
import { createHash } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import type { Database, DbOrTx } from '../../platform/db/database';
import type { Clock } from '../../platform/clock';
import type { Actor } from '../../platform/actor';
import { recordAudit } from '../../platform/audit';
import { fail, ok, type Result } from '../../platform/errors';
import { isUniqueViolation } from '../../platform/pg-errors';
import { newsCategories, newsItems, webLinks } from '../../platform/db/schema';
import type { Page } from '../../../shared/paginated';
import {
  generatedNewsInput,
  newsCategoryInput,
  newsItemInput,
  newsItemListQuery,
  newsItemUpdate,
  newsUrl,
  slugify,
  webLinkInput,
  type GeneratedNewsInput,
  type NewsCategory,
  type NewsCategoryInput,
  type NewsItem,
  type NewsItemInput,
  type NewsItemListQuery,
  type NewsItemUpdate,
  type PublishedNews,
  type WebLink,
  type WebLinkInput,
} from '../../../shared/portal/news.schema';
import { newsRepository as repo, type NewsRow } from './news.repository';
import { sanitizeNewsHtml } from './sanitize';
import { bumpPortal } from './portal-cache';

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

/** What the audit log keeps of an item: its fields, and of the body only its size and hash. */
const auditView = (r: NewsRow | undefined) =>
  r && {
    title: r.title,
    slug: r.slug,
    summary: r.summary,
    categoryId: r.categoryId,
    status: r.status,
    publishAt: r.publishAt ? new Date(r.publishAt).toISOString() : null,
    bodyLength: r.bodyHtml.length,
    bodySha256: sha256(r.bodyHtml),
    version: r.version,
  };

export function createNewsService(database: Database, clock: Clock) {
  const { db } = database;
  const changed = () => bumpPortal(db);

  const toItem = (r: NewsRow): NewsItem => {
    const publishAt = r.publishAt ? new Date(r.publishAt) : null;
    return {
      id: r.id,
      slug: r.slug,
      title: r.title,
      summary: r.summary,
      bodyHtml: r.bodyHtml,
      categoryId: r.categoryId,
      categoryName: r.categoryName,
      status: r.status,
      publishAt: publishAt ? publishAt.toISOString() : null,
      visible: r.status === 'published' && publishAt !== null && publishAt <= clock(),
      viewCount: r.viewCount,
      url: newsUrl(r.slug),
      createdByName: r.createdByName,
      updatedAt: new Date(r.updatedAt).toISOString(),
      version: r.version,
    };
  };

  /** The given slug (must be free) or one made from the title (next free `-n`). */
  async function chooseSlug(tx: DbOrTx, given: string | undefined, title: string, selfId?: string) {
    if (given) {
      const taken = await repo.item(tx, { slug: given });
      return taken && taken.id !== selfId
        ? fail<string>('NEWS.SLUG_TAKEN', { slug: 'Đường dẫn đã được dùng' })
        : ok(given);
    }
    const base = slugify(title) || 'tin';
    const used = await repo.slugsLike(tx, base);
    if (!used.has(base)) return ok(base);
    for (let n = 2; ; n++) if (!used.has(`${base}-${n}`)) return ok(`${base}-${n}`);
  }

  /** Publishing without a time means now; a draft keeps the time it was given (or none). */
  const publishTime = (status: string, given: string | null | undefined, current: Date | null) => {
    if (given) return new Date(given);
    if (given === null && status !== 'published') return null;
    if (status === 'published') return current ?? clock();
    return current;
  };

  async function insertItem(
    tx: DbOrTx,
    actor: Actor,
    input: Omit<NewsItemInput, 'summary'> & { summary: string },
    action: string,
  ): Promise<Result<NewsRow>> {
    const category = await repo.categoryBy(tx, { id: input.categoryId });
    if (!category) return fail('NEWS.CATEGORY_NOT_FOUND', { categoryId: 'Chuyên mục tin không tồn tại' });
    const slug = await chooseSlug(tx, input.slug || undefined, input.title);
    if (!slug.ok) return slug;
    const [row] = await tx
      .insert(newsItems)
      .values({
        categoryId: input.categoryId,
        slug: slug.value,
        title: input.title,
        summary: input.summary,
        bodyHtml: sanitizeNewsHtml(input.bodyHtml),
        status: input.status,
        publishAt: publishTime(input.status, input.publishAt, null),
        createdBy: actor.id,
      })
      .returning({ id: newsItems.id });
    const created = (await repo.item(tx, { id: row!.id }))!;
    await recordAudit(
      tx,
      actor,
      { action, entityType: 'news_item', entityId: created.id, after: auditView(created) },
      clock,
    );
    return ok(created);
  }

  async function updateItemIn(
    tx: DbOrTx,
    actor: Actor,
    id: string,
    input: Omit<NewsItemInput, 'summary'> & { summary: string; version?: number },
    action: string,
  ): Promise<Result<NewsRow>> {
    const before = await repo.item(tx, { id });
    if (!before) return fail('NOT_FOUND');
    if (input.version !== undefined && input.version !== before.version) return fail('CONFLICT.VERSION');
    const category = await repo.categoryBy(tx, { id: input.categoryId });
    if (!category) return fail('NEWS.CATEGORY_NOT_FOUND', { categoryId: 'Chuyên mục tin không tồn tại' });
    // The slug stays when the title changes (links already given out keep working) unless one is given.
    const slug = input.slug ? await chooseSlug(tx, input.slug, input.title, id) : ok(before.slug);
    if (!slug.ok) return slug;
    const updated = await tx
      .update(newsItems)
      .set({
        categoryId: input.categoryId,
        slug: slug.value,
        title: input.title,
        summary: input.summary,
        bodyHtml: sanitizeNewsHtml(input.bodyHtml),
        status: input.status,
        publishAt: publishTime(
          input.status,
          input.publishAt,
          before.publishAt ? new Date(before.publishAt) : null,
        ),
        updatedAt: clock(),
        version: sql`${newsItems.version} + 1`,
      })
      .where(sql`${newsItems.id} = ${id} and ${newsItems.version} = ${before.version}`)
      .returning({ id: newsItems.id });
    if (updated.length === 0) return fail('CONFLICT.VERSION');
    const after = (await repo.item(tx, { id }))!;
    await recordAudit(
      tx,
      actor,
      { action, entityType: 'news_item', entityId: id, before: auditView(before), after: auditView(after) },
      clock,
    );
    return ok(after);
  }

  /**
   * Runs a write in one transaction. Every expected failure is found before anything is written, so a
   * failed write commits nothing; a unique-slug race (two writers, one slug) becomes the slug's failure.
   */
  async function write<T>(
    run: (tx: DbOrTx) => Promise<Result<T>>,
    conflict: 'NEWS.SLUG_TAKEN' | 'NEWS.CATEGORY_SLUG_TAKEN' = 'NEWS.SLUG_TAKEN',
  ): Promise<Result<T>> {
    try {
      const result = await db.transaction(run);
      if (result.ok) changed();
      return result;
    } catch (err) {
      if (isUniqueViolation(err)) return fail<T>(conflict, { slug: 'Đường dẫn đã được dùng' });
      throw err;
    }
  }

  return {
    async categories(): Promise<NewsCategory[]> {
      return repo.categories(db);
    },

    async createCategory(actor: Actor, raw: NewsCategoryInput): Promise<Result<NewsCategory>> {
      const input = newsCategoryInput.parse(raw);
      return write(async (tx) => {
        const slug = input.slug || slugify(input.name) || 'chuyen-muc';
        if (await repo.categoryBy(tx, { slug }))
          return fail('NEWS.CATEGORY_SLUG_TAKEN', { slug: 'Đường dẫn chuyên mục đã tồn tại' });
        const [row] = await tx
          .insert(newsCategories)
          .values({ name: input.name, slug, sortOrder: input.sortOrder })
          .returning();
        await recordAudit(
          tx,
          actor,
          { action: 'news.category.create', entityType: 'news_category', entityId: row!.id, after: input },
          clock,
        );
        return ok({ id: row!.id, slug, name: row!.name, sortOrder: row!.sortOrder, items: 0 });
      }, 'NEWS.CATEGORY_SLUG_TAKEN');
    },

    async updateCategory(actor: Actor, id: string, raw: NewsCategoryInput): Promise<Result<NewsCategory>> {
      const input = newsCategoryInput.parse(raw);
      return write(async (tx) => {
        const before = await repo.categoryBy(tx, { id });
        if (!before) return fail('NOT_FOUND');
        const slug = input.slug || before.slug;
        const other = await repo.categoryBy(tx, { slug });
        if (other && other.id !== id)
          return fail('NEWS.CATEGORY_SLUG_TAKEN', { slug: 'Đường dẫn chuyên mục đã tồn tại' });
        await tx
          .update(newsCategories)
          .set({ name: input.name, slug, sortOrder: input.sortOrder, updatedAt: clock() })
          .where(eq(newsCategories.id, id));
        await recordAudit(
          tx,
          actor,
          {
            action: 'news.category.update',
            entityType: 'news_category',
            entityId: id,
            before: { name: before.name, slug: before.slug, sortOrder: before.sortOrder },
            after: { name: input.name, slug, sortOrder: input.sortOrder },
          },
          clock,
        );
        const all = await repo.categories(tx);
        return ok(all.find((c) => c.id === id)!);
      }, 'NEWS.CATEGORY_SLUG_TAKEN');
    },

    async items(raw: NewsItemListQuery): Promise<Page<NewsItem>> {
      const q = newsItemListQuery.parse(raw);
      const { rows, total } = await repo.list(db, q);
      return { items: rows.map(toItem), total, page: q.page, pageSize: q.pageSize };
    },

    async item(id: string): Promise<Result<NewsItem>> {
      const row = await repo.item(db, { id });
      return row ? ok(toItem(row)) : fail('NOT_FOUND');
    },

    async createItem(actor: Actor, raw: NewsItemInput): Promise<Result<NewsItem>> {
      const input = newsItemInput.parse(raw);
      const r = await write((tx) => insertItem(tx, actor, input, 'news.item.create'));
      return r.ok ? ok(toItem(r.value)) : r;
    },

    async updateItem(actor: Actor, id: string, raw: NewsItemUpdate): Promise<Result<NewsItem>> {
      const input = newsItemUpdate.parse(raw);
      const r = await write((tx) => updateItemIn(tx, actor, id, input, 'news.item.update'));
      return r.ok ? ok(toItem(r.value)) : r;
    },

    async removeItem(actor: Actor, id: string, version?: number): Promise<Result<{ id: string }>> {
      return write(async (tx) => {
        const before = await repo.item(tx, { id });
        if (!before) return fail('NOT_FOUND');
        if (version !== undefined && version !== before.version) return fail('CONFLICT.VERSION');
        await tx.delete(newsItems).where(eq(newsItems.id, id));
        await recordAudit(
          tx,
          actor,
          { action: 'news.item.delete', entityType: 'news_item', entityId: id, before: auditView(before) },
          clock,
        );
        return ok({ id });
      });
    },

    async links(): Promise<WebLink[]> {
      return repo.links(db);
    },

    async createLink(actor: Actor, raw: WebLinkInput): Promise<Result<WebLink>> {
      const input = webLinkInput.parse(raw);
      return write(async (tx) => {
        const [row] = await tx.insert(webLinks).values(input).returning();
        await recordAudit(
          tx,
          actor,
          { action: 'news.link.create', entityType: 'web_link', entityId: row!.id, after: input },
          clock,
        );
        return ok({ id: row!.id, title: row!.title, url: row!.url, sortOrder: row!.sortOrder });
      });
    },

    async updateLink(actor: Actor, id: string, raw: WebLinkInput): Promise<Result<WebLink>> {
      const input = webLinkInput.parse(raw);
      return write(async (tx) => {
        const [before] = await tx.select().from(webLinks).where(eq(webLinks.id, id));
        if (!before) return fail('NOT_FOUND');
        await tx
          .update(webLinks)
          .set({ ...input, updatedAt: clock() })
          .where(eq(webLinks.id, id));
        await recordAudit(
          tx,
          actor,
          {
            action: 'news.link.update',
            entityType: 'web_link',
            entityId: id,
            before: { title: before.title, url: before.url, sortOrder: before.sortOrder },
            after: input,
          },
          clock,
        );
        return ok({ id, title: input.title, url: input.url, sortOrder: input.sortOrder });
      });
    },

    async removeLink(actor: Actor, id: string): Promise<Result<{ id: string }>> {
      return write(async (tx) => {
        const [before] = await tx.select().from(webLinks).where(eq(webLinks.id, id));
        if (!before) return fail('NOT_FOUND');
        await tx.delete(webLinks).where(eq(webLinks.id, id));
        await recordAudit(
          tx,
          actor,
          {
            action: 'news.link.delete',
            entityType: 'web_link',
            entityId: id,
            before: { title: before.title, url: before.url, sortOrder: before.sortOrder },
          },
          clock,
        );
        return ok({ id });
      });
    },

    /**
     * Publishes generated content (e.g. the year-end summary) as a news item of the category `categorySlug`:
     * sanitised like any other item, published at `publishAt` (default now), audited as
     * `news.item.publish_generated`. With `newsId` the existing item is replaced (its slug kept). With `tx`
     * it runs inside the caller's transaction (the caller commits or rolls back both together).
     */
    async publishGenerated(
      actor: Actor,
      raw: GeneratedNewsInput,
      tx?: DbOrTx,
    ): Promise<Result<PublishedNews>> {
      const parsed = generatedNewsInput.safeParse(raw);
      if (!parsed.success) {
        const fields: Record<string, string> = {};
        for (const issue of parsed.error.issues) fields[issue.path.join('.') || '_'] ??= issue.message;
        return fail('VALIDATION.FAILED', fields);
      }
      const input = parsed.data;
      const run = async (t: DbOrTx): Promise<Result<PublishedNews>> => {
        const category = await repo.categoryBy(t, { slug: input.categorySlug });
        if (!category)
          return fail('NEWS.CATEGORY_NOT_FOUND', { categorySlug: 'Chuyên mục tin không tồn tại' });
        const fields = {
          title: input.title,
          summary: input.summary,
          bodyHtml: input.bodyHtml,
          categoryId: category.id,
          status: 'published' as const,
          publishAt: input.publishAt ?? clock().toISOString(),
        };
        const existing = input.newsId ? await repo.item(t, { id: input.newsId }) : undefined;
        const saved = existing
          ? await updateItemIn(t, actor, existing.id, fields, 'news.item.publish_generated')
          : await insertItem(t, actor, fields, 'news.item.publish_generated');
        if (!saved.ok) return saved;
        return ok({ id: saved.value.id, slug: saved.value.slug, url: newsUrl(saved.value.slug) });
      };
      if (tx) {
        const r = await run(tx);
        changed();
        return r;
      }
      return write(run);
    },
  };
}

export type NewsService = ReturnType<typeof createNewsService>;
