/**
 * The public portal in Chromium (issue 7, Done when): the emulation officer writes and publishes a news item
 * in the app; a visitor opens it without logging in and reads "Số lượt xem: 1"; reloading keeps 1; a second
 * visitor (a new browser context, JavaScript off) reads 2; the text-size and contrast controls work without
 * JavaScript and do not count the visitor again.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { slugify } from '../../src/shared/portal/news.schema';
import { hasChromium, inBrowser, serverAndBrowser, login } from './support';

const E2E_TIMEOUT = 180_000;
const TITLE = 'Trao Cờ thi đua năm 2020 cho đơn vị dẫn đầu Khối thi đua';

const viewCount = async (page: Page) => Number(await page.getByTestId('view-count').textContent());

describe.skipIf(!hasChromium)(inBrowser('the public portal in the browser'), () => {
  const e2e = serverAndBrowser();

  it(
    'an officer publishes a news item; each visitor counts once; text size and contrast work without JavaScript',
    async () => {
      // 1. The officer writes and publishes the item in the app.
      const officer = await e2e.chrome.newPage();
      let url: string;
      try {
        await login(officer.page, e2e.server.url, 'canbo');
        await officer.page.getByRole('menu').getByText('Tin tức cổng thông tin', { exact: true }).click();
        await officer.page.getByTestId('news-new').click();
        await officer.page.getByLabel('Tiêu đề', { exact: true }).fill(TITLE);
        await officer.page.getByLabel('Tóm tắt').fill('Trung tâm Khuyến nông dẫn đầu Khối thi đua năm 2020.');
        await officer.page
          .getByLabel('Nội dung (HTML: p, h2, ul, table, a, img…)')
          .fill('<p>Khối thi đua đề nghị tặng Cờ thi đua.</p><script>alert("x")</script>');
        await officer.page.locator('label.ant-radio-button-wrapper', { hasText: 'Đã đăng' }).click();
        await officer.page.getByTestId('news-save').click();
        await officer.page.getByText(`Đã lưu tin "${TITLE}".`).waitFor();
        // The preview shows the body as the server stored it: sanitised.
        const preview = officer.page.getByTestId('news-preview');
        await preview.getByText('Khối thi đua đề nghị tặng Cờ thi đua.').waitFor();
        expect(await preview.innerHTML()).not.toContain('script');
        const link = officer.page.getByTestId(`open-${slugify(TITLE)}`);
        url = `${e2e.server.url}${await link.getAttribute('href')}`;
        expect(url).toBe(`${e2e.server.url}/tin-tuc/${slugify(TITLE)}`);
      } finally {
        await officer.context.close();
      }

      // 2. A visitor (no login) opens it: 1; reloading keeps 1.
      const first = await e2e.chrome.newPage();
      try {
        await first.page.goto(url);
        await first.page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
        expect(await first.page.title()).toBe(`${TITLE} — Cổng thông tin thi đua, khen thưởng`);
        expect(await viewCount(first.page)).toBe(1);
        await first.page.reload();
        expect(await viewCount(first.page)).toBe(1);
      } finally {
        await first.context.close();
      }

      // 3. A second visitor, JavaScript off: 2. The display controls are plain links (cookie + redirect).
      const context = await e2e.chrome.browser.newContext({ javaScriptEnabled: false, locale: 'vi-VN' });
      try {
        const page = await context.newPage();
        await page.goto(url);
        expect(await viewCount(page)).toBe(2);
        const fontSize = () =>
          page.evaluate(() => Number.parseFloat(getComputedStyle(document.documentElement).fontSize));
        expect(await fontSize()).toBe(16);
        await page.getByRole('link', { name: 'Cỡ chữ rất lớn' }).click();
        await page.waitForURL(url);
        expect(await page.locator('html').getAttribute('class')).toBe('text-larger');
        expect(await fontSize()).toBe(22);
        await page.getByRole('link', { name: 'Tương phản cao: tắt' }).click();
        await page.waitForURL(url);
        expect(await page.locator('html').getAttribute('class')).toBe('text-larger contrast-high');
        expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe(
          'rgb(0, 0, 0)',
        );
        await page.getByRole('link', { name: 'Tương phản cao: bật' }).waitFor();
        // Coming back through the controls is the same visitor on the same day: still 2.
        expect(await viewCount(page)).toBe(2);
        // The skip link is the first thing a keyboard reaches.
        await page.keyboard.press('Tab');
        expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(
          'Bỏ qua, đến nội dung chính',
        );
      } finally {
        await context.close();
      }
    },
    E2E_TIMEOUT,
  );
});
