/**
 * Decisions in Chromium (issue 6, part 6): the emulation officer opens the demo's 2020 decision
 * 15/QĐ-SNN (Lao động tiên tiến, 300 people), reads its prize total and the amount in words, downloads
 * the Word decision, and follows a recipient to the person's profile where the award links back.
 */
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { hasChromium, inBrowser, serverAndBrowser, login } from './support';

const E2E_TIMEOUT = 180_000;

describe.skipIf(!hasChromium)(inBrowser('decisions in the browser'), () => {
  const e2e = serverAndBrowser();

  it(
    'the officer opens 15/QĐ-SNN, sees 135.000.000 đồng in figures and words, downloads the Word file',
    async () => {
      const { context, page } = await e2e.chrome.newPage();
      try {
        await login(page, e2e.server.url, 'canbo');
        await page.getByRole('menu').getByText('Quyết định khen thưởng', { exact: true }).click();
        await page.getByRole('heading', { name: 'Quyết định khen thưởng' }).waitFor();
        await page.getByRole('link', { name: '15/QĐ-SNN', exact: true }).click();
        await page.getByTestId('decision-number').getByText('Quyết định số 15/QĐ-SNN').waitFor();
        await page.getByTestId('decision-total').getByText('135.000.000').waitFor();
        await page.getByTestId('decision-words').getByText('Một trăm ba mươi lăm triệu đồng').waitFor();
        await page.getByRole('cell', { name: 'Tổng cộng: 300' }).waitFor();
        const [download] = await Promise.all([
          page.waitForEvent('download'),
          page.getByTestId('decision-word').click(),
        ]);
        expect(download.suggestedFilename()).toMatch(/^quyet-dinh-15-Q.*SNN\.docx$/);
        const file = await download.path();
        const bytes = fs.readFileSync(file);
        expect(bytes.subarray(0, 2).toString()).toBe('PK');
        expect(bytes.length).toBeGreaterThan(20_000);
        // A recipient's profile lists the award with a link back to the decision.
        const first = page.locator('.ant-table-row').first().getByRole('link').first();
        await first.click();
        await page.getByRole('tab', { name: /Khen thưởng/ }).click();
        await page.getByTestId('award-decision-link').filter({ hasText: '15/QĐ-SNN' }).first().waitFor();
      } finally {
        await context.close();
      }
    },
    E2E_TIMEOUT,
  );

  it(
    'the officer revokes one award of 16/QĐ-SNN by issuing a revocation decision from the UI',
    async () => {
      const { context, page } = await e2e.chrome.newPage();
      try {
        await login(page, e2e.server.url, 'canbo');
        await page.goto(`${e2e.server.url}/decisions?year=2020`);
        await page.getByRole('link', { name: '16/QĐ-SNN', exact: true }).click();
        await page.getByTestId('decision-number').getByText('Quyết định số 16/QĐ-SNN').waitFor();
        await page.locator('.ant-table-row .ant-checkbox-input').first().check();
        await page.getByTestId('decision-revoke').click();
        await page.getByTestId('decision-number').getByText('Dự thảo (chưa có số)').waitFor();
        // Tập thể LĐTT 0,8 × 1.490.000 → 1.200.000 đồng to recover.
        await page.getByTestId('decision-total').getByText('1.200.000').waitFor();
        await page.getByTestId('decision-issue').click();
        await page.getByTestId('decision-issue-confirm').click();
        await page
          .getByTestId('decision-number')
          .getByText(/Quyết định số \d{2,}\/QĐ-SNN/)
          .waitFor();
        await page.getByText('Đính chính/thu hồi Quyết định số 16/QĐ-SNN').click();
        await page.getByTestId('decision-number').getByText('Quyết định số 16/QĐ-SNN').waitFor();
        await page.locator('.ant-table-row').first().getByText('Đã thu hồi').waitFor();
      } finally {
        await context.close();
      }
    },
    E2E_TIMEOUT,
  );
});
