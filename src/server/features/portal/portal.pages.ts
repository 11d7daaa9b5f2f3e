/**
 * The public portal's pages, server-rendered (no login, no script needed):
 * - `/tin-tuc` the home (newest news by category, then every news item a page at a time);
 * - `/tin-tuc/chuyen-muc/<slug>` a category; `/tin-tuc/<slug>` an item with its publish time, view count
 *   and the category's earlier news ("Tin đã đưa");
 * - `/quyet-dinh` issued award decisions with their recipients (never drafts);
 * - `/hien-thi` sets the reader's text size and contrast in a cookie and goes back (303).
 * Every page records the visit (access statistics); an item page counts the visitor once per day.
 */
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { newsUrl, SLUG_PATTERN } from '../../../shared/portal/news.schema';
import type { PortalService, ListedNews } from './portal.service';
import { DECISIONS_PAGE_SIZE, PAGE_SIZE } from './portal.service';
import {
  DISPLAY_COOKIE,
  displayCookie,
  esc,
  isoInstant,
  pagination,
  parseDisplay,
  portalPage,
  safeReturnPath,
  vnDate,
  vnDateTime,
  type PageMeta,
  type PortalChrome,
} from './portal-layout';
import { htmlToText } from './sanitize';
import { VISITOR_COOKIE, VISITOR_COOKIE_MAX_AGE_S } from './visitors';

export interface PortalPagesOptions {
  /** Secure cookies (HTTPS deployments). */
  secureCookies: boolean;
}

const html = (reply: FastifyReply, status: number, page: string) =>
  reply
    .status(status)
    .header('content-type', 'text/html; charset=utf-8')
    // Counts and statistics change with every reader: no shared cache may keep these pages.
    .header('cache-control', 'private, no-cache')
    .send(page);

const pageNumber = (value: unknown): number => {
  const n = typeof value === 'string' && /^\d{1,5}$/.test(value) ? Number(value) : 1;
  return n >= 1 ? n : 1;
};

const newsList = (items: ListedNews[], withCategory = false) =>
  items.length
    ? `<ul class="news">
${items
  .map(
    (n) => `<li><a href="${esc(newsUrl(n.slug))}">${esc(n.title)}</a>
<div class="meta"><time datetime="${esc(isoInstant(n.publishAt))}">${esc(vnDateTime(n.publishAt))}</time>${withCategory ? ` · ${esc(n.categoryName)}` : ''}</div>${n.summary ? `\n<p>${esc(n.summary)}</p>` : ''}</li>`,
  )
  .join('\n')}
</ul>`
    : '<p>Chưa có tin nào.</p>';

export function portalPages(service: PortalService, options: PortalPagesOptions): FastifyPluginAsync {
  return async (app) => {
    /** Identifies the visitor (setting the first-visit cookie), records the visit, returns its key. */
    async function visit(request: FastifyRequest, reply: FastifyReply): Promise<string | null> {
      const who = await service.identify({
        cookie: request.cookies[VISITOR_COOKIE],
        ip: request.ip,
        userAgent: request.headers['user-agent'],
      });
      if (who.setCookie) {
        reply.setCookie(VISITOR_COOKIE, who.setCookie, {
          path: '/',
          httpOnly: true,
          sameSite: 'lax',
          secure: options.secureCookies,
          maxAge: VISITOR_COOKIE_MAX_AGE_S,
        });
      }
      await service.recordVisit(who.key);
      return who.key;
    }

    async function chrome(request: FastifyRequest, section: PortalChrome['section']): Promise<PortalChrome> {
      const [stats, categories, links] = await Promise.all([
        service.stats(),
        service.categories(),
        service.links(),
      ]);
      return {
        path: request.url,
        origin: `${request.protocol}://${request.host}`,
        display: parseDisplay(request.cookies[DISPLAY_COOKIE]),
        stats,
        categories: categories.filter((c) => c.items > 0),
        links,
        section,
      };
    }

    async function notFound(request: FastifyRequest, reply: FastifyReply, what = 'tin') {
      const meta: PageMeta = { title: 'Không tìm thấy', description: `Không tìm thấy ${what} yêu cầu.` };
      return html(
        reply,
        404,
        portalPage(
          await chrome(request, 'news'),
          meta,
          `<h1>Không tìm thấy ${esc(what)}</h1><p>Trang này không tồn tại hoặc chưa được đăng. <a href="/tin-tuc">Về trang tin tức</a></p>`,
        ),
      );
    }

    app.get<{ Querystring: { trang?: string } }>(
      '/tin-tuc',
      { config: { access: 'public' } },
      async (request, reply) => {
        await visit(request, reply);
        const page = pageNumber(request.query.trang);
        const [frame, latest, sections] = await Promise.all([
          chrome(request, 'news'),
          service.latest(page),
          page === 1 ? service.byCategory(3) : Promise.resolve([]),
        ]);
        const featured = sections
          .map(
            (s, i) => `<section aria-labelledby="sec-${i}">
<h2 id="sec-${i}"><a href="/tin-tuc/chuyen-muc/${esc(s.slug)}">${esc(s.name)}</a></h2>
${newsList(s.items)}
</section>`,
          )
          .join('\n');
        const body = `<h1>Tin tức${page > 1 ? ` — trang ${page}` : ''}</h1>
${featured}
<section aria-labelledby="all-h">
<h2 id="all-h">${page === 1 ? 'Tin mới đăng' : 'Tin đã đưa'}</h2>
${newsList(latest.items, true)}
${pagination('/tin-tuc', page, latest.total, PAGE_SIZE)}
</section>`;
        return html(
          reply,
          200,
          portalPage(
            frame,
            {
              title: page > 1 ? `Tin tức — trang ${page}` : 'Tin tức',
              description:
                'Tin hoạt động, thi đua – khen thưởng và văn bản chỉ đạo về công tác thi đua, khen thưởng.',
            },
            body,
          ),
        );
      },
    );

    app.get<{ Params: { slug: string }; Querystring: { trang?: string } }>(
      '/tin-tuc/chuyen-muc/:slug',
      { config: { access: 'public' } },
      async (request, reply) => {
        await visit(request, reply);
        const slug = request.params.slug;
        const category = SLUG_PATTERN.test(slug) ? await service.category(slug) : null;
        if (!category) return notFound(request, reply, 'chuyên mục');
        const page = pageNumber(request.query.trang);
        const [frame, latest] = await Promise.all([
          chrome(request, 'news'),
          service.latest(page, category.id),
        ]);
        const body = `<p class="meta"><a href="/tin-tuc">Tin tức</a> › ${esc(category.name)}</p>
<h1>${esc(category.name)}${page > 1 ? ` — trang ${page}` : ''}</h1>
${newsList(latest.items)}
${pagination(`/tin-tuc/chuyen-muc/${category.slug}`, page, latest.total, PAGE_SIZE)}`;
        return html(
          reply,
          200,
          portalPage(
            frame,
            { title: category.name, description: `Tin thuộc chuyên mục ${category.name}.` },
            body,
          ),
        );
      },
    );

    app.get<{ Params: { slug: string } }>(
      '/tin-tuc/:slug',
      { config: { access: 'public' } },
      async (request, reply) => {
        const visitor = await visit(request, reply);
        const slug = request.params.slug;
        const viewed = SLUG_PATTERN.test(slug) ? await service.viewItem(slug, visitor) : null;
        if (!viewed) return notFound(request, reply);
        const { item, viewCount } = viewed;
        const [frame, earlier] = await Promise.all([chrome(request, 'news'), service.earlier(item)]);
        const description = item.summary || htmlToText(item.bodyHtml).slice(0, 200);
        const body = `<p class="meta"><a href="/tin-tuc">Tin tức</a> › <a href="/tin-tuc/chuyen-muc/${esc(item.categorySlug)}">${esc(item.categoryName)}</a></p>
<article aria-labelledby="tieu-de">
<h1 id="tieu-de">${esc(item.title)}</h1>
<p class="meta">Đăng lúc <time datetime="${esc(isoInstant(item.publishAt))}">${esc(vnDateTime(item.publishAt))}</time> · <span class="views">Số lượt xem: <span data-testid="view-count">${viewCount}</span></span></p>
${item.summary ? `<p class="lead">${esc(item.summary)}</p>` : ''}
<div class="article">
${item.bodyHtml}
</div>
</article>
<section aria-labelledby="earlier-h">
<h2 id="earlier-h">Tin đã đưa</h2>
${newsList(earlier)}
</section>`;
        return html(
          reply,
          200,
          portalPage(
            frame,
            {
              title: item.title,
              description,
              ogType: 'article',
              publishedTime: isoInstant(item.publishAt),
            },
            body,
          ),
        );
      },
    );

    app.get<{ Querystring: { trang?: string } }>(
      '/quyet-dinh',
      { config: { access: 'public' } },
      async (request, reply) => {
        await visit(request, reply);
        const page = pageNumber(request.query.trang);
        const [frame, list] = await Promise.all([chrome(request, 'decisions'), service.decisions(page)]);
        const items = list.items
          .map(
            (d) => `<article class="decision" aria-labelledby="qd-${esc(d.id)}">
<h2 id="qd-${esc(d.id)}">Quyết định số ${esc(d.number)}</h2>
<p class="meta">Ngày ${esc(vnDate(d.decidedOn))} · ${esc(d.issuer)}${d.kind !== 'award' ? ` · ${esc(d.kindLabel)}` : ''}</p>
<p>${esc(d.summary)}</p>
<details>
<summary>Danh sách được khen thưởng (${d.recipientCount})</summary>
<table class="list">
<caption class="muted" style="text-align:left">Kèm theo Quyết định số ${esc(d.number)}</caption>
<thead><tr><th scope="col">STT</th><th scope="col">Cá nhân, tập thể</th><th scope="col">Đối tượng</th><th scope="col">Danh hiệu, hình thức</th></tr></thead>
<tbody>
${d.recipients
  .map(
    (r, i) =>
      `<tr><td>${i + 1}</td><td>${esc(r.name)}${r.detail ? `<div class="muted">${esc(r.detail)}</div>` : ''}</td><td>${esc(r.kindLabel)}</td><td>${esc(r.awardLabel)}</td></tr>`,
  )
  .join('\n')}
</tbody>
</table>
</details>
</article>`,
          )
          .join('\n');
        const body = `<h1>Quyết định khen thưởng đã ban hành${page > 1 ? ` — trang ${page}` : ''}</h1>
${items || '<p>Chưa có quyết định khen thưởng nào được ban hành.</p>'}
${pagination('/quyet-dinh', page, list.total, DECISIONS_PAGE_SIZE)}`;
        return html(
          reply,
          200,
          portalPage(
            frame,
            {
              title: 'Quyết định khen thưởng đã ban hành',
              description:
                'Các quyết định khen thưởng đã ban hành: số, ngày, cơ quan ban hành, trích yếu và danh sách được khen thưởng.',
            },
            body,
          ),
        );
      },
    );

    app.get<{ Querystring: { 'co-chu'?: string; 'tuong-phan'?: string; ve?: string } }>(
      '/hien-thi',
      { config: { access: 'public' } },
      async (request, reply) => {
        const display = parseDisplay(request.cookies[DISPLAY_COOKIE]);
        const size = request.query['co-chu'];
        if (size === 'normal' || size === 'large' || size === 'larger') display.text = size;
        const contrast = request.query['tuong-phan'];
        if (contrast === 'cao') display.contrast = true;
        if (contrast === 'thuong') display.contrast = false;
        reply.setCookie(DISPLAY_COOKIE, displayCookie(display), {
          path: '/',
          httpOnly: true,
          sameSite: 'lax',
          secure: options.secureCookies,
          maxAge: 365 * 24 * 3600,
        });
        return reply.header('cache-control', 'no-store').redirect(safeReturnPath(request.query.ve), 303);
      },
    );
  };
}
