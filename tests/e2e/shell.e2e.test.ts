/**
 * The web shell in Chromium: names that look like markup are shown as text and never run; the English
 * switch changes the menu and pages; a user whose password must change gets only the change form.
 */
import { describe, expect, it } from 'vitest';
import { activeUnitFor, apiAs, hasChromium, inBrowser, serverAndBrowser, login } from './support';

const XSS_NAME = `<script>window.__pwned=1;alert(1)</script><img src=x onerror="window.__pwned=2">"'&amp;`;

/** A whole browser flow on a busy 2-core machine: generous, each step still waits at most 15 s. */
const E2E_TIMEOUT = 120_000;

describe.skipIf(!hasChromium)(inBrowser('web shell in the browser'), () => {
  const e2e = serverAndBrowser();

  it(
    'shows a script-looking unit name literally, and the English switch changes the menu',
    async () => {
      const asAdmin = await apiAs(e2e.server, 'admin');
      const { unit: parent } = await activeUnitFor(asAdmin);
      await asAdmin('POST', '/api/units', {
        code: 'XSS-1',
        name: XSS_NAME,
        kind: 'other',
        parentId: parent.id,
        activeFrom: '2024-01-01',
      });

      const { context, page } = await e2e.chrome.newPage();
      const dialogs: string[] = [];
      page.on('dialog', (dialog) => {
        dialogs.push(dialog.message());
        void dialog.dismiss();
      });
      try {
        await login(page, e2e.server.url, 'canbo');
        await page.goto(`${e2e.server.url}/units`);
        const row = page.locator('.vd-units-table tr', { hasText: 'XSS-1' });
        await row.waitFor();
        // The exact characters, as text.
        expect(await row.locator('.vd-unit-name').textContent()).toBe(XSS_NAME);
        expect(await row.locator('script, img').count()).toBe(0);
        expect(await page.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();
        expect(dialogs).toEqual([]);

        // Vietnamese first, English on request.
        const menu = page.getByRole('menu');
        expect(await menu.textContent()).toContain('Đơn vị');
        await page.getByText('EN', { exact: true }).click();
        await menu.getByText('Units', { exact: true }).waitFor();
        expect(await menu.textContent()).toContain('Accounts');
        expect(await menu.textContent()).not.toContain('Đơn vị');
        await page.getByRole('heading', { name: 'Units' }).waitFor();
        await page.getByRole('button', { name: 'Log out' }).waitFor();
        expect(await page.getByTestId('current-user').textContent()).toContain(
          'Emulation officer (department)',
        );
        // Remembered across a reload, and switched back.
        await page.reload();
        await menu.getByText('Units', { exact: true }).waitFor();
        await page.getByText('VI', { exact: true }).click();
        await menu.getByText('Đơn vị', { exact: true }).waitFor();
        expect(await page.evaluate(() => document.documentElement.lang)).toBe('vi');
      } finally {
        await context.close();
      }
    },
    E2E_TIMEOUT,
  );

  it(
    'a user with an administrator-issued password must change it before anything else',
    async () => {
      const asAdmin = await apiAs(e2e.server, 'admin');
      const { unit } = await activeUnitFor(asAdmin);
      await asAdmin('POST', '/api/users', {
        username: 'nguoimoi',
        displayName: 'Nguyễn Văn Mới',
        role: 'officer',
        unitId: unit.id,
        password: 'MatKhauBanDau1',
      });

      const { context, page } = await e2e.chrome.newPage();
      try {
        await page.goto(`${e2e.server.url}/units`);
        await page.getByLabel('Tên đăng nhập').fill('nguoimoi');
        await page.getByLabel('Mật khẩu').fill('MatKhauBanDau1');
        await page.getByRole('button', { name: 'Đăng nhập', exact: true }).click();
        await page.getByText('Bạn cần đổi mật khẩu trước khi tiếp tục').waitFor();
        expect(await page.getByRole('menu').count()).toBe(0);

        await page.getByLabel('Mật khẩu hiện tại').fill('MatKhauBanDau1');
        await page.getByLabel('Mật khẩu mới', { exact: true }).fill('ngan');
        await page.getByLabel('Nhập lại mật khẩu mới').fill('ngan');
        await page.getByRole('button', { name: 'Đổi mật khẩu' }).click();
        // The shared schema's message, before anything reaches the server.
        await page.getByText('Mật khẩu mới phải có ít nhất 10 ký tự').waitFor();

        await page.getByLabel('Mật khẩu mới', { exact: true }).fill('MatKhauMoi2026');
        await page.getByLabel('Nhập lại mật khẩu mới').fill('MatKhauMoi2026');
        await page.getByRole('button', { name: 'Đổi mật khẩu' }).click();
        await page.getByTestId('current-user').waitFor();
        await page.locator('.vd-units-table').getByText(unit.name, { exact: true }).first().waitFor();
        expect(new URL(page.url()).pathname).toBe('/units');
      } finally {
        await context.close();
      }
    },
    E2E_TIMEOUT,
  );
});
