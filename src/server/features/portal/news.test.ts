/**
 * News on a real database, the officers' side: hostile HTML is sanitised on save (scripts, event handlers,
 * `javascript:` links, iframes, styles); slugs come from the Vietnamese title and stay unique; only holders
 * of write:news:any may read or write; bad input gets Vietnamese field messages and changes nothing; a stale
 * version is refused; `publishGenerated` publishes other features' content the same way (audited).
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { desc, eq } from 'drizzle-orm';
import { createTestApp, engine, type Session, type TestApp } from '../../testing/harness';
import { auditLog, newsItems } from '../../platform/db/schema';
import { systemActor } from '../../platform/actor';
import type { NewsCategory, NewsItem } from '../../../shared/portal/news.schema';
import { slugify } from '../../../shared/portal/news.schema';
import { createNewsService } from './news.service';
import { sanitizeNewsHtml } from './sanitize';

let t: TestApp;
let officer: Session;
let category: NewsCategory;

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());
beforeEach(async () => {
  await t.seed({ registry: false });
  officer = await t.login('canbo');
  const res = await officer.request('POST', '/api/news/categories', { name: 'Thi đua – Khen thưởng' });
  expect(res.statusCode, res.body).toBe(201);
  category = res.json();
});

const item = (over: Record<string, unknown> = {}) => ({
  title: 'Tổng kết công tác thi đua, khen thưởng năm 2020',
  summary: 'Khối thi đua tổng kết năm 2020.',
  bodyHtml: '<p>Nội dung</p>',
  categoryId: category.id,
  status: 'published',
  ...over,
});

async function create(over: Record<string, unknown> = {}): Promise<NewsItem> {
  const res = await officer.request('POST', '/api/news/items', item(over));
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

describe(`news items (${engine})`, () => {
  it('sanitises hostile HTML on save and stores only the sanitised body', async () => {
    const hostile = [
      '<h1>Tiêu đề</h1><p onclick="steal()">Đoạn <b>đậm</b><script>alert(1)</script></p>',
      '<img src="x" onerror="alert(1)"><img src="javascript:alert(2)">',
      '<a href="javascript:alert(3)">js</a><a href="JaVaScRiPt:alert(4)">js2</a><a href="data:text/html,x">d</a>',
      '<iframe src="https://evil.example"></iframe><object data="x"></object><embed src="y">',
      '<p style="background:url(javascript:alert(5))">s</p><style>body{display:none}</style>',
      '<svg onload="alert(6)"><circle/></svg><form action="https://evil.example"><input name="p"></form>',
      '<a href="https://thuvienphapluat.vn" target="_blank">Luật</a><a href="/tin-tuc/khac">Tin khác</a>',
    ].join('');
    const created = await create({ bodyHtml: hostile });
    const stored = (await t.database.db.select().from(newsItems).where(eq(newsItems.id, created.id)))[0]!;
    expect(stored.bodyHtml).toBe(created.bodyHtml);
    for (const bad of [
      '<script',
      'onerror',
      'onclick',
      'onload',
      'javascript:',
      'JaVaScRiPt',
      'data:',
      '<iframe',
      '<object',
      '<embed',
      'style',
      '<svg',
      '<form',
      '<input',
      'alert',
      'target=',
    ]) {
      expect(stored.bodyHtml, bad).not.toContain(bad);
    }
    expect(stored.bodyHtml).toContain('<h2>Tiêu đề</h2>');
    expect(stored.bodyHtml).toContain('<b>đậm</b>');
    expect(stored.bodyHtml).toContain(
      '<a href="https://thuvienphapluat.vn" rel="noopener noreferrer nofollow">Luật</a>',
    );
    expect(stored.bodyHtml).toContain('<a href="/tin-tuc/khac">Tin khác</a>');
  });

  it('refuses protocol-relative and entity-obfuscated links', () => {
    expect(sanitizeNewsHtml('<a href="//evil.example/x">a</a>')).toBe('<a>a</a>');
    expect(sanitizeNewsHtml('<a href="java&#x09;script:alert(1)">b</a>')).toBe('<a>b</a>');
    expect(sanitizeNewsHtml('<a href="&#106;avascript:alert(1)">c</a>')).toBe('<a>c</a>');
  });

  it('makes the slug from the Vietnamese title, unique, and keeps it when the title changes', async () => {
    expect(slugify('Đại hội Thi đua yêu nước lần thứ V — năm 2020!')).toBe(
      'dai-hoi-thi-dua-yeu-nuoc-lan-thu-v-nam-2020',
    );
    const a = await create();
    const b = await create();
    expect(a.slug).toBe('tong-ket-cong-tac-thi-dua-khen-thuong-nam-2020');
    expect(b.slug).toBe('tong-ket-cong-tac-thi-dua-khen-thuong-nam-2020-2');
    expect(a.url).toBe('/tin-tuc/tong-ket-cong-tac-thi-dua-khen-thuong-nam-2020');
    const res = await officer.request(
      'PUT',
      `/api/news/items/${a.id}`,
      item({ title: 'Tiêu đề mới', version: a.version }),
    );
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().slug).toBe(a.slug);
    const taken = await officer.request('POST', '/api/news/items', item({ slug: a.slug }));
    expect(taken.statusCode).toBe(409);
    expect(taken.json().code).toBe('NEWS.SLUG_TAKEN');
  });

  it('publishes now when no time is given; a future time schedules; a draft has no time', async () => {
    const now = await create();
    expect(now.publishAt).toBe(t.time.clock().toISOString());
    expect(now.visible).toBe(true);
    const later = await create({ publishAt: '2026-03-05T08:00:00+07:00' });
    expect(later.visible).toBe(false);
    const draft = await create({ status: 'draft' });
    expect(draft.publishAt).toBeNull();
    expect(draft.visible).toBe(false);
  });

  it('refuses a stale version and keeps the item unchanged', async () => {
    const a = await create();
    const ok = await officer.request(
      'PUT',
      `/api/news/items/${a.id}`,
      item({ title: 'Một', version: a.version }),
    );
    expect(ok.statusCode).toBe(200);
    const stale = await officer.request(
      'PUT',
      `/api/news/items/${a.id}`,
      item({ title: 'Hai', version: a.version }),
    );
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('CONFLICT.VERSION');
    expect((await officer.request('GET', `/api/news/items/${a.id}`)).json().title).toBe('Một');
  });

  it('refuses readers and writers without write:news:any', async () => {
    for (const username of ['donvi', 'khoitruong', 'hoidong', 'lanhdao']) {
      const s = await t.login(username);
      expect((await s.request('POST', '/api/news/items', item())).statusCode, username).toBe(403);
      expect((await s.request('GET', '/api/news/items')).statusCode, username).toBe(403);
      expect(
        (await s.request('POST', '/api/news/links', { title: 'A', url: 'https://a.vn' })).statusCode,
      ).toBe(403);
    }
    expect((await t.sut.inject({ method: 'GET', url: '/api/news/items' })).statusCode).toBe(401);
    expect(await t.database.db.select().from(newsItems)).toHaveLength(0);
  });

  it('answers bad input with Vietnamese field messages and writes nothing', async () => {
    const empty = await officer.request('POST', '/api/news/items', item({ title: '  ', bodyHtml: ' ' }));
    expect(empty.statusCode).toBe(400);
    expect(empty.json().fields.title).toBe('Tiêu đề không được để trống');
    expect(empty.json().fields.bodyHtml).toBe('Nội dung không được để trống');
    const badSlug = await officer.request('POST', '/api/news/items', item({ slug: 'Có Dấu' }));
    expect(badSlug.json().fields.slug).toMatch(/chữ thường không dấu/);
    const badTime = await officer.request('POST', '/api/news/items', item({ publishAt: '31/12/2020' }));
    expect(badTime.json().fields.publishAt).toMatch(/Thời điểm đăng/);
    const badStatus = await officer.request('POST', '/api/news/items', item({ status: 'live' }));
    expect(badStatus.json().fields.status).toMatch(/Trạng thái/);
    const noCategory = await officer.request(
      'POST',
      '/api/news/items',
      item({ categoryId: '00000000-0000-4000-8000-000000000000' }),
    );
    expect(noCategory.statusCode).toBe(400);
    expect(noCategory.json().code).toBe('NEWS.CATEGORY_NOT_FOUND');
    const badLink = await officer.request('POST', '/api/news/links', {
      title: 'X',
      url: 'javascript:alert(1)',
    });
    expect(badLink.statusCode).toBe(400);
    expect(badLink.json().fields.url).toMatch(/http:\/\/ hoặc https:\/\//);
    expect(await t.database.db.select().from(newsItems)).toHaveLength(0);
  });

  it('keeps categories and web links (audited)', async () => {
    const dup = await officer.request('POST', '/api/news/categories', { name: 'Thi đua – Khen thưởng' });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().code).toBe('NEWS.CATEGORY_SLUG_TAKEN');
    expect(category.slug).toBe('thi-dua-khen-thuong');
    const link = await officer.request('POST', '/api/news/links', {
      title: 'Thư viện pháp luật',
      url: 'https://thuvienphapluat.vn',
    });
    expect(link.statusCode, link.body).toBe(201);
    const links = (await officer.request('GET', '/api/news/links')).json();
    expect(links).toEqual([
      { id: link.json().id, title: 'Thư viện pháp luật', url: 'https://thuvienphapluat.vn', sortOrder: 0 },
    ]);
    const last = (await t.database.db.select().from(auditLog).orderBy(desc(auditLog.seq)).limit(1))[0]!;
    expect(last.action).toBe('news.link.create');
  });

  it('publishGenerated publishes other features’ content as a sanitised news item, or replaces it', async () => {
    const sut = createNewsService(t.database, t.time.clock);
    const actor = systemActor(null, 'reports');
    const first = await sut.publishGenerated(actor, {
      categorySlug: 'thi-dua-khen-thuong',
      title: 'Báo cáo tổng kết năm 2020',
      summary: 'Kết quả thi đua, khen thưởng năm 2020',
      bodyHtml: '<h2>I. Kết quả</h2><p>29 tập thể Lao động tiên tiến</p><script>x()</script>',
    });
    expect(first.ok).toBe(true);
    if (!first.ok) return;
    expect(first.value).toEqual({
      id: first.value.id,
      slug: 'bao-cao-tong-ket-nam-2020',
      url: '/tin-tuc/bao-cao-tong-ket-nam-2020',
    });
    const again = await sut.publishGenerated(actor, {
      categorySlug: 'thi-dua-khen-thuong',
      title: 'Báo cáo tổng kết năm 2020 (bổ sung)',
      bodyHtml: '<p>Bản bổ sung</p>',
      newsId: first.value.id,
    });
    expect(again.ok && again.value.slug).toBe('bao-cao-tong-ket-nam-2020');
    const stored = (await t.database.db.select().from(newsItems).where(eq(newsItems.id, first.value.id)))[0]!;
    expect(stored).toMatchObject({ status: 'published', bodyHtml: '<p>Bản bổ sung</p>', version: 2 });
    const page = await t.sut.inject({
      method: 'GET',
      url: first.value.url,
      headers: { 'user-agent': 'Mozilla/5.0 (X11) Firefox/128.0' },
    });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Bản bổ sung');
    const unknown = await sut.publishGenerated(actor, {
      categorySlug: 'khong-co',
      title: 'X',
      bodyHtml: '<p>x</p>',
    });
    expect(!unknown.ok && unknown.error.code).toBe('NEWS.CATEGORY_NOT_FOUND');
    const actions = (await t.database.db.select().from(auditLog).orderBy(desc(auditLog.seq)).limit(2)).map(
      (r) => r.action,
    );
    expect(actions).toEqual(['news.item.publish_generated', 'news.item.publish_generated']);
  });
});
