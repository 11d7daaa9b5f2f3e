/**
 * The public portal on a real database, through the same HTTP stack as production: only published items
 * whose time has come are visible (drafts and scheduled items 404); the view counter counts each visitor
 * once per item per day (reload does not count, a second visitor does, the next day counts again, robots
 * never, cookie rotation is bounded); the access statistics; the issued-decisions page never shows drafts;
 * the display controls work without JavaScript; every page has its title, description and Open Graph tags.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { createTestApp, engine, type Session, type TestApp } from '../../testing/harness';
import { newsItems, newsViews, siteVisits } from '../../platform/db/schema';
import type { NewsCategory, NewsItem } from '../../../shared/portal/news.schema';
import { makeDossier } from '../decisions/decisions.fixtures';
import { NEW_IDS_PER_ADDRESS_PER_DAY, VISITOR_COOKIE } from './visitors';

let t: TestApp;
let officer: Session;
let category: NewsCategory;

const FIREFOX = 'Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0';
const CHROME =
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36';

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());
beforeEach(async () => {
  await t.seed({ registry: false });
  officer = await t.login('canbo');
  category = (await officer.request('POST', '/api/news/categories', { name: 'Tin hoạt động' })).json();
});

async function publish(over: Record<string, unknown> = {}): Promise<NewsItem> {
  const res = await officer.request('POST', '/api/news/items', {
    title: 'Khối thi đua tổng kết năm 2020',
    summary: '08/08 đơn vị hoàn thành và vượt kế hoạch.',
    bodyHtml: '<p>Năm 2020, 08/08 thành viên khối hoàn thành và vượt kế hoạch được giao.</p>',
    categoryId: category.id,
    status: 'published',
    ...over,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

interface Visitor {
  cookie?: string;
  ua?: string;
  ip?: string;
}

async function get(url: string, v: Visitor = {}): Promise<LightMyRequestResponse> {
  return t.sut.inject({
    method: 'GET',
    url,
    headers: {
      'user-agent': v.ua ?? FIREFOX,
      ...(v.cookie ? { cookie: `${VISITOR_COOKIE}=${v.cookie}` } : {}),
    },
    remoteAddress: v.ip ?? '198.51.100.10',
  });
}

/** Opens a page as a browser would: keeps the visitor cookie it is given. */
async function open(url: string, v: Visitor): Promise<LightMyRequestResponse> {
  const res = await get(url, v);
  const set = res.cookies.find((c) => c.name === VISITOR_COOKIE);
  if (set) v.cookie = set.value;
  return res;
}

const viewCount = (res: LightMyRequestResponse) =>
  Number(/data-testid="view-count">(\d+)</.exec(res.body)?.[1]);
const stored = async (id: string) =>
  Number((await t.database.db.select().from(newsItems).where(eq(newsItems.id, id)))[0]!.viewCount);

describe(`public portal (${engine})`, () => {
  it('shows published items only: drafts, unpublished and scheduled items are 404 until their time', async () => {
    const live = await publish();
    const draft = await publish({ title: 'Bản nháp', status: 'draft' });
    const scheduled = await publish({ title: 'Tin hẹn giờ', publishAt: '2026-03-02T10:00:00+07:00' });
    expect((await get(live.url)).statusCode).toBe(200);
    expect((await get(draft.url)).statusCode).toBe(404);
    expect((await get(scheduled.url)).statusCode).toBe(404);
    expect((await get('/tin-tuc/khong-ton-tai')).statusCode).toBe(404);
    expect((await get('/tin-tuc/<script>')).statusCode).toBe(404);
    const home = await get('/tin-tuc');
    expect(home.body).toContain(live.title);
    expect(home.body).not.toContain('Bản nháp');
    expect(home.body).not.toContain('Tin hẹn giờ');
    t.time.advance(2 * 3_600_000 + 1000);
    expect((await get(scheduled.url)).statusCode).toBe(200);
    expect((await get('/tin-tuc')).body).toContain('Tin hẹn giờ');
    officer = await t.login('canbo');
    const res = await officer.request('PUT', `/api/news/items/${live.id}`, {
      title: live.title,
      bodyHtml: live.bodyHtml,
      categoryId: category.id,
      status: 'unpublished',
      version: live.version,
    });
    expect(res.statusCode).toBe(200);
    expect((await get(live.url)).statusCode).toBe(404);
  });

  it('renders an accessible, Vietnamese page with title, description, Open Graph and the publish time', async () => {
    const item = await publish({ bodyHtml: '<p>Nội dung <a href="javascript:alert(1)">xấu</a></p>' });
    const res = await get(item.url);
    expect(res.headers['content-type']).toMatch(/text\/html; charset=utf-8/);
    expect(res.body).toMatch(/^<!doctype html>\n<html lang="vi">/);
    expect(res.body).toContain(
      '<title>Khối thi đua tổng kết năm 2020 — Cổng thông tin thi đua, khen thưởng</title>',
    );
    expect(res.body).toContain(
      '<meta name="description" content="08/08 đơn vị hoàn thành và vượt kế hoạch.">',
    );
    expect(res.body).toContain('<meta property="og:type" content="article">');
    expect(res.body).toContain('<meta property="og:title" content="Khối thi đua tổng kết năm 2020">');
    expect(res.body).toContain(`<meta property="og:url" content="http://localhost:80${item.url}">`);
    expect(res.body).toContain('<a class="skip" href="#noi-dung">');
    expect(res.body).toContain('<main id="noi-dung"');
    // The demo clock: 2026-03-02 08:00 in Vietnam.
    expect(res.body).toContain('Đăng lúc <time datetime="2026-03-02T01:00:00.000Z">02/03/2026 08:00</time>');
    expect(res.body).not.toContain('javascript:');
    expect(res.body).not.toContain('<script');
    for (const url of ['/tin-tuc', `/tin-tuc/chuyen-muc/${category.slug}`, '/quyet-dinh']) {
      const page = await get(url);
      expect(page.statusCode, url).toBe(200);
      expect(page.body, url).toMatch(/<title>[^<]+— Cổng thông tin thi đua, khen thưởng<\/title>/);
      expect(page.body, url).toContain('<meta property="og:description"');
      expect(page.body, url).toContain('Thống kê truy cập');
    }
  });

  it('lists earlier news of the category and pages through older news', async () => {
    const items: NewsItem[] = [];
    for (let i = 1; i <= 12; i++) {
      items.push(
        await publish({
          title: `Tin số ${i}`,
          publishAt: new Date(Date.parse('2026-03-01T00:00:00Z') + i * 60_000).toISOString(),
        }),
      );
    }
    const page = await get(items[5]!.url);
    const earlier = page.body.slice(page.body.indexOf('Tin đã đưa'));
    expect(earlier).toContain('Tin số 5');
    expect(earlier).not.toContain('Tin số 7');
    expect(earlier).not.toContain('>Tin số 6<');
    const second = await get('/tin-tuc?trang=2');
    expect(second.body).toContain('Tin số 2');
    expect(second.body).toContain('<span aria-current="page">Trang 2</span>');
    expect(second.body).not.toContain('>Tin số 12<');
  });

  it('counts each visitor once per item per day: reload no, second visitor yes, next day again', async () => {
    const item = await publish();
    const a: Visitor = {};
    const first = await open(item.url, a);
    expect(viewCount(first)).toBe(1);
    const cookie = first.cookies.find((c) => c.name === VISITOR_COOKIE)!;
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    expect(viewCount(await open(item.url, a))).toBe(1);
    expect(viewCount(await open(item.url, a))).toBe(1);
    const b: Visitor = { ua: CHROME };
    expect(viewCount(await open(item.url, b))).toBe(2);
    expect(viewCount(await open(item.url, b))).toBe(2);
    t.time.advance(24 * 3_600_000);
    expect(viewCount(await open(item.url, a))).toBe(3);
    expect(viewCount(await open(item.url, a))).toBe(3);
    expect(await stored(item.id)).toBe(3);
    expect(await t.database.db.select().from(newsViews).where(eq(newsViews.newsId, item.id))).toHaveLength(3);
    // The stored visitor is a keyed hash, never the address.
    const rows = await t.database.db.select().from(newsViews);
    expect(rows.every((r) => /^[A-Za-z0-9_-]{43}$/.test(r.visitor) && !r.visitor.includes('198.51'))).toBe(
      true,
    );
  });

  it('does not count robots, and a forged cookie is a new visitor, not a chosen one', async () => {
    const item = await publish();
    for (const ua of [
      'Googlebot/2.1 (+http://www.google.com/bot.html)',
      'curl/8.5.0',
      'facebookexternalhit/1.1',
      '',
    ]) {
      const res = await get(item.url, { ua });
      expect(res.statusCode).toBe(200);
      expect(
        res.cookies.find((c) => c.name === VISITOR_COOKIE),
        ua,
      ).toBeUndefined();
    }
    expect(await stored(item.id)).toBe(0);
    const forged = await get(item.url, { cookie: 'AAAAAAAAAAAAAAAAAAAAAA.BBBBBBBBBBBBBBBBBBBBBB' });
    expect(viewCount(forged)).toBe(1);
    expect(forged.cookies.find((c) => c.name === VISITOR_COOKIE)).toBeDefined();
  });

  it('bounds cookie rotation: a client dropping its cookie adds at most the daily cap of visitors', async () => {
    const item = await publish();
    for (let i = 0; i < NEW_IDS_PER_ADDRESS_PER_DAY + 20; i++) await get(item.url, { ip: '203.0.113.99' });
    // The cap of new ids, plus one for the address-and-browser key used past it.
    expect(await stored(item.id)).toBe(NEW_IDS_PER_ADDRESS_PER_DAY + 1);
    // Another address is not affected by this one's cap.
    expect(viewCount(await get(item.url, { ip: '203.0.113.100' }))).toBe(NEW_IDS_PER_ADDRESS_PER_DAY + 2);
  }, 120_000);

  it('keeps site-wide access statistics: online now (5 minutes), today, total', async () => {
    const stat = (res: LightMyRequestResponse, name: string) =>
      Number(new RegExp(`data-stat="${name}">([\\d.]+)<`).exec(res.body)?.[1]?.replace(/\./g, ''));
    const a: Visitor = {};
    const b: Visitor = { ua: CHROME };
    await open('/tin-tuc', a);
    await open('/tin-tuc', b);
    t.time.advance(6_000);
    let page = await open('/tin-tuc', a);
    expect([stat(page, 'online'), stat(page, 'today'), stat(page, 'total')]).toEqual([2, 2, 2]);
    t.time.advance(4 * 60_000);
    await open('/quyet-dinh', a);
    t.time.advance(2 * 60_000);
    page = await open('/tin-tuc', a);
    expect([stat(page, 'online'), stat(page, 'today'), stat(page, 'total')]).toEqual([1, 2, 2]);
    t.time.advance(24 * 3_600_000);
    page = await open('/tin-tuc', a);
    expect([stat(page, 'online'), stat(page, 'today'), stat(page, 'total')]).toEqual([1, 1, 3]);
    expect(await t.database.db.select().from(siteVisits)).toHaveLength(3);
  });

  it('lists issued decisions with their recipients, never drafts', async () => {
    const { id: dossierId } = await makeDossier(
      t.database,
      'approved',
      [{ unitCode: 'BL-TTNS', awardCode: 'TTLDTT' }],
      2024,
    );
    const draft = await officer.request('POST', '/api/decisions', { dossierIds: [dossierId] });
    expect(draft.statusCode, draft.body).toBe(201);
    const summary = draft.json().summary as string;
    let page = await get('/quyet-dinh');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Chưa có quyết định khen thưởng nào được ban hành.');
    expect(page.body).not.toContain(summary);
    const signed = await officer.request('PUT', `/api/decisions/${draft.json().id}`, {
      version: draft.json().version,
      signerName: 'Đặng Hoàng Phúc',
    });
    expect(signed.statusCode, signed.body).toBe(200);
    const leader = await t.login('lanhdao');
    const issued = await leader.request('POST', `/api/decisions/${draft.json().id}/issue`, {
      version: signed.json().version,
    });
    expect(issued.statusCode, issued.body).toBe(200);
    t.time.advance(60_000);
    page = await get('/quyet-dinh');
    expect(page.body).toContain(`Quyết định số ${issued.json().number}`);
    expect(page.body).toContain(summary);
    expect(page.body).toContain('Tập thể lao động tiên tiến');
    expect(page.body).toContain('Danh sách được khen thưởng (1)');
  });

  it('sets text size and contrast without JavaScript and only ever returns to this site', async () => {
    const res = await get('/hien-thi?co-chu=larger&ve=%2Ftin-tuc%3Ftrang%3D1');
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/tin-tuc?trang=1');
    const display = res.cookies.find((c) => c.name === 'vd_display')!;
    const withCookie = (url: string, value: string) =>
      t.sut.inject({
        method: 'GET',
        url,
        headers: { 'user-agent': FIREFOX, cookie: `vd_display=${encodeURIComponent(value)}` },
      });
    const contrast = await withCookie('/hien-thi?tuong-phan=cao&ve=/tin-tuc', display.value);
    const both = contrast.cookies.find((c) => c.name === 'vd_display')!;
    const page = await withCookie('/tin-tuc', both.value);
    expect(page.body).toContain('<html lang="vi" class="text-larger contrast-high">');
    expect(page.body).toContain('aria-label="Cỡ chữ rất lớn" aria-current="true"');
    for (const evil of ['//evil.example', 'https://evil.example', '/\\evil.example']) {
      const r = await get(`/hien-thi?co-chu=large&ve=${encodeURIComponent(evil)}`);
      expect(r.headers.location, evil).toBe('/tin-tuc');
    }
    const plain = await get('/tin-tuc');
    expect(plain.body).toContain('<html lang="vi">');
  });
});
