/**
 * The emulation fund and certificates in Chromium (issue 7, parts 4 and 5): the officer records a donation
 * in the Sở's 2020 ledger and sees the balance rise by it; then prints an issued decision's Giấy khen and
 * gets a PDF download with one page per recipient.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { hasChromium, inBrowser, serverAndBrowser, login, pickOption } from './support';

const E2E_TIMEOUT = 180_000;
const dong = (text: string | null) => Number((text ?? '').replace(/[^\d-]/g, ''));

describe.skipIf(!hasChromium)(inBrowser('the emulation fund and certificates in the browser'), () => {
  const e2e = serverAndBrowser({}, E2E_TIMEOUT);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vd-e2e-cert-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it(
    'the officer records a donation and the balance rises by it; prints a decision’s certificates',
    async () => {
      const { context, page } = await e2e.chrome.newPage();
      try {
        await login(page, e2e.server.url, 'canbo');
        const ledgerRequests: string[] = [];
        page.on('request', (r) => {
          if (new URL(r.url()).pathname === '/api/fund/entries') ledgerRequests.push(r.url());
        });
        await page.getByRole('menu').getByText('Quỹ thi đua, khen thưởng', { exact: true }).click();
        await page.getByRole('heading', { name: 'Quỹ thi đua, khen thưởng' }).waitFor();
        const balance = page.getByTestId('fund-balance').locator('.ant-statistic-content-value');
        // The demo's 2020 ledger of the Sở: the prizes of its 2020 decisions are already recorded.
        await page.getByTestId('fund-ledger').getByText('Chi tiền thưởng theo quyết định').first().waitFor();
        // The balance comes from the summary, a request of its own: wait for it, not for the ledger.
        await expect.poll(async () => dong(await balance.textContent())).toBeGreaterThan(0);
        const before = dong(await balance.textContent());
        // The ledger is read once, for the unit chosen from the summary (not first for another unit).
        expect(ledgerRequests).toHaveLength(1);
        expect(new URL(ledgerRequests[0]!).searchParams.get('unitId')).toBeTruthy();

        await page.getByTestId('fund-add').click();
        const dialog = page.getByRole('dialog');
        await dialog.getByTestId('fund-category').click();
        await pickOption(page, 'Đóng góp, tài trợ');
        const date = dialog.getByLabel('Ngày', { exact: true });
        await date.click();
        await date.fill('15/07/2020');
        await date.press('Enter');
        await dialog.getByLabel('Số tiền (đồng)', { exact: true }).fill('25000000');
        await dialog
          .getByTestId('fund-description')
          .fill('Doanh nghiệp ủng hộ phong trào “Chung sức xây dựng nông thôn mới”');
        await dialog.getByTestId('fund-save').click();
        await page.getByText('Đã ghi vào sổ quỹ.').waitFor();
        await page.getByTestId('fund-ledger').getByText('Doanh nghiệp ủng hộ phong trào').waitFor();
        await expect.poll(async () => dong(await balance.textContent())).toBe(before + 25_000_000);
        expect(await balance.textContent()).toMatch(/^[\d.]+ đồng$/);

        // Correcting the amount moves the balance again.
        await page
          .getByTestId('fund-ledger')
          .locator('tr', { hasText: 'Doanh nghiệp ủng hộ phong trào' })
          .getByRole('button', { name: 'Sửa' })
          .click();
        const amount = page.getByRole('dialog').getByLabel('Số tiền (đồng)', { exact: true });
        await amount.fill('30000000');
        await page.getByRole('dialog').getByTestId('fund-save').click();
        await expect.poll(async () => dong(await balance.textContent())).toBe(before + 30_000_000);

        // Certificates: the issued 2020 decisions, printed as one PDF.
        await page.getByRole('menu').getByText('In giấy khen, bằng khen', { exact: true }).click();
        await page.getByRole('heading', { name: 'In giấy khen, bằng khen' }).waitFor();
        const print = page.getByTestId('certificate-print').first();
        await print.waitFor();
        const row = page.getByTestId('certificate-decisions').locator('tr', { has: print });
        const printable = Number(await row.locator('td').nth(5).textContent());
        expect(printable).toBeGreaterThan(0);
        const [download] = await Promise.all([page.waitForEvent('download'), print.click()]);
        expect(download.suggestedFilename()).toMatch(/^khen-thuong-.*\.pdf$/);
        const file = path.join(dir, download.suggestedFilename());
        await download.saveAs(file);
        expect(fs.readFileSync(file).subarray(0, 5).toString('latin1')).toBe('%PDF-');
        const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
        expect(Number(/Pages:\s+(\d+)/.exec(info)![1])).toBe(printable);
      } finally {
        await context.close();
      }
    },
    E2E_TIMEOUT,
  );
});
