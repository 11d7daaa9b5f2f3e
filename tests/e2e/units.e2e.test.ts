/**
 * Whole flow in Chromium: the administrator signs in, creates a unit, finds it in the unit tree and signs
 * out; the emulation officer ("canbo", read-only on units) sees the tree but no create button.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, login, pickOption, startBrowser, startServer, type E2EBrowser, type E2EServer } from './support';

describe.skipIf(!hasChromium)('units in the browser (skipped: /usr/bin/chromium is not installed)', () => {
  let server: E2EServer;
  let chrome: E2EBrowser;

  beforeAll(async () => {
    server = await startServer();
    chrome = await startBrowser();
  });
  afterAll(async () => {
    await chrome?.close();
    await server?.close();
  });

  it('admin creates a unit under the department, sees it in the tree, and logs out', async () => {
    const { context, page } = await chrome.newPage();
    try {
      await login(page, server.url, 'admin');
      await expect.poll(() => new URL(page.url()).pathname).toBe('/units');
      const who = await page.getByTestId('current-user').textContent();
      expect(who).toContain('Phan Quốc Bảo');
      expect(who).toContain('Quản trị hệ thống');
      await page.getByRole('heading', { name: 'Danh mục đơn vị' }).waitFor();
      const table = page.locator('.vd-units-table');
      await table.getByText('Trung tâm Khuyến nông tỉnh Bạc Liêu').waitFor();

      await page.getByRole('button', { name: /Thêm đơn vị$/ }).click();
      const dialog = page.getByRole('dialog', { name: 'Thêm đơn vị' });
      await dialog.getByLabel('Mã').fill('bl-ttcds');
      await dialog.getByLabel('Tên đơn vị', { exact: true }).fill('Trung tâm Chuyển đổi số nông nghiệp');
      await dialog.getByLabel('Loại đơn vị').click();
      await pickOption(page, 'Đơn vị sự nghiệp công lập');
      await dialog.getByLabel('Đơn vị cấp trên').click();
      await page.locator('.ant-select-tree').getByTitle('BL-SNN — Sở Nông nghiệp và Phát triển nông thôn tỉnh Bạc Liêu').click();
      await dialog.getByRole('button', { name: 'Lưu' }).click();
      await dialog.waitFor({ state: 'hidden' });

      // In the tree, under the department (one level deeper than it), with its code upper-cased.
      const row = table.locator('tr', { hasText: 'Trung tâm Chuyển đổi số nông nghiệp' });
      await row.waitFor();
      expect(await row.getByText('BL-TTCDS').count()).toBe(1);
      const level = async (text: string) =>
        Number(
          (await table.locator('tr', { hasText: text }).first().locator('.ant-table-row-indent').getAttribute('class'))?.match(
            /indent-level-(\d+)/,
          )?.[1],
        );
      expect(await level('Trung tâm Chuyển đổi số nông nghiệp')).toBe(
        (await level('Sở Nông nghiệp và Phát triển nông thôn tỉnh Bạc Liêu')) + 1,
      );

      // And it is really stored: the API lists it.
      const units = (await (await context.request.get(`${server.url}/api/units`)).json()) as { code: string }[];
      expect(units.map((u) => u.code)).toContain('BL-TTCDS');

      await page.getByRole('button', { name: 'Đăng xuất' }).click();
      await page.getByRole('button', { name: 'Đăng nhập' }).waitFor();
      expect((await context.request.get(`${server.url}/api/auth/me`)).status()).toBe(401);
    } finally {
      await context.close();
    }
  });

  it('the emulation officer sees the unit tree but no way to change it', async () => {
    const { context, page } = await chrome.newPage();
    try {
      await login(page, server.url, 'canbo');
      const table = page.locator('.vd-units-table');
      await table.getByText('Trung tâm Khuyến nông tỉnh Bạc Liêu').waitFor();
      expect(await table.locator('tbody tr.ant-table-row').count()).toBeGreaterThanOrEqual(11);
      expect(await page.getByRole('button', { name: /Thêm đơn vị$/ }).count()).toBe(0);
      expect(await table.getByRole('columnheader', { name: 'Thao tác' }).count()).toBe(0);
      // The menu shows what the role may read, and nothing else.
      const menu = page.getByRole('menu');
      expect(await menu.getByText('Đơn vị', { exact: true }).count()).toBe(1);
      expect(await menu.getByText('Tài khoản', { exact: true }).count()).toBe(1);
      expect(await menu.getByText('Nhật ký hệ thống').count()).toBe(0);
    } finally {
      await context.close();
    }
  });
});
