/**
 * Whole flow in Chromium: the administrator signs in, creates a unit, finds it in the unit tree and signs
 * out; the emulation officer ("canbo", read-only on units) sees the tree but no way to change it.
 * (The issue says "the demo officer creates a unit", but only `admin` holds write:unit:any.)
 */
import { describe, expect, it } from 'vitest';
import { activeUnitFor, apiAs, hasChromium, inBrowser, serverAndBrowser, login, pickOption } from './support';

/** A whole browser flow on a busy 2-core machine: generous, each step still waits at most 15 s. */
const E2E_TIMEOUT = 120_000;

describe.skipIf(!hasChromium)(inBrowser('units in the browser'), () => {
  const e2e = serverAndBrowser();

  it(
    'admin creates a unit under an active unit, sees it in the tree, and logs out',
    async () => {
      const { unit: parent } = await activeUnitFor(await apiAs(e2e.server, 'admin'));
      const { context, page } = await e2e.chrome.newPage();
      try {
        await login(page, e2e.server.url, 'admin');
        // The dashboard is the landing page of everyone who reads reports (decision 039).
        await expect.poll(() => new URL(page.url()).pathname).toBe('/dashboard');
        await page.goto(`${e2e.server.url}/units`);
        const who = await page.getByTestId('current-user').textContent();
        expect(who).toContain('Phan Quốc Bảo');
        expect(who).toContain('Quản trị hệ thống');
        await page.getByRole('heading', { name: 'Danh mục đơn vị' }).waitFor();
        const table = page.locator('.vd-units-table');
        await table.getByText(parent.name, { exact: true }).first().waitFor();

        await page.getByRole('button', { name: /Thêm đơn vị$/ }).click();
        const dialog = page.getByRole('dialog', { name: 'Thêm đơn vị' });
        await dialog.getByLabel('Mã').fill('e2e-ttcds');
        await dialog.getByLabel('Tên đơn vị', { exact: true }).fill('Trung tâm Chuyển đổi số nông nghiệp');
        await dialog.getByLabel('Loại đơn vị').click();
        await pickOption(page, 'Đơn vị sự nghiệp công lập');
        const parentPicker = dialog.getByLabel('Đơn vị cấp trên');
        await parentPicker.click();
        await parentPicker.fill(parent.code);
        await page
          .locator('.ant-select-tree')
          .getByTitle(`${parent.code} — ${parent.name}`, { exact: true })
          .click();
        await dialog.getByRole('button', { name: 'Lưu' }).click();
        await dialog.waitFor({ state: 'hidden' });

        // In the tree, one level under its parent, with its code upper-cased by the shared schema.
        const row = table.locator('tr', { hasText: 'Trung tâm Chuyển đổi số nông nghiệp' });
        await row.waitFor();
        expect(await row.getByText('E2E-TTCDS', { exact: true }).count()).toBe(1);
        const level = async (code: string) => {
          const indent = table
            .locator('tr', { has: page.getByText(code, { exact: true }) })
            .locator('.ant-table-row-indent');
          return Number((await indent.getAttribute('class'))?.match(/indent-level-(\d+)/)?.[1]);
        };
        expect(await level('E2E-TTCDS')).toBe((await level(parent.code)) + 1);

        // And it is really stored, under that parent.
        const stored = (await (await context.request.get(`${e2e.server.url}/api/units`)).json()) as {
          code: string;
          parentId: string | null;
        }[];
        expect(stored.find((u) => u.code === 'E2E-TTCDS')?.parentId).toBe(parent.id);

        await page.getByRole('button', { name: 'Đăng xuất' }).click();
        await page.getByRole('button', { name: 'Đăng nhập', exact: true }).waitFor();
        expect((await context.request.get(`${e2e.server.url}/api/auth/me`)).status()).toBe(401);
      } finally {
        await context.close();
      }
    },
    E2E_TIMEOUT,
  );

  it(
    'the emulation officer sees the whole unit tree but no way to change it',
    async () => {
      const { all } = await activeUnitFor(await apiAs(e2e.server, 'canbo'));
      const { context, page } = await e2e.chrome.newPage();
      try {
        await login(page, e2e.server.url, 'canbo');
        await page.goto(`${e2e.server.url}/units`);
        const table = page.locator('.vd-units-table');
        await table.locator('tbody tr.ant-table-row').first().waitFor();
        // Every unit the server lists is in the (fully expanded) tree.
        await expect.poll(() => table.locator('tbody tr.ant-table-row').count()).toBe(all.length);
        expect(await page.getByRole('button', { name: /Thêm đơn vị$/ }).count()).toBe(0);
        expect(await table.getByRole('columnheader', { name: 'Thao tác' }).count()).toBe(0);
        expect(await table.getByRole('button', { name: /^Sửa / }).count()).toBe(0);
        // The menu shows what the role may read, and nothing else.
        const menu = page.getByRole('menu');
        expect(await menu.getByText('Đơn vị', { exact: true }).count()).toBe(1);
        expect(await menu.getByText('Tài khoản', { exact: true }).count()).toBe(1);
        expect(await menu.getByText('Nhật ký hệ thống').count()).toBe(0);
      } finally {
        await context.close();
      }
    },
    E2E_TIMEOUT,
  );
});
