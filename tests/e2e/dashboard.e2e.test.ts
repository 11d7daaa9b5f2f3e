/**
 * The dashboard in Chromium (issue 7): a leader opens "Bảng điều khiển" (the first menu item), sees the
 * charts of 2020, clicks the 2020 bar and the Lao động tiên tiến sector, and reads the list behind each
 * number (656 awards, then the 300 LĐTT of the origin article); then the statistics page, where the CSTĐCS
 * row opens its 44 awards and the form 0603 is drawn.
 */
import { describe, expect, it } from 'vitest';
import { hasChromium, inBrowser, serverAndBrowser, login } from './support';

const E2E_TIMEOUT = 180_000;

describe.skipIf(!hasChromium)(inBrowser('the dashboard in the browser'), () => {
  const e2e = serverAndBrowser();

  it(
    'a leader opens the dashboard, sees the charts, clicks one and reads the list behind it',
    async () => {
      const { context, page } = await e2e.chrome.newPage();
      try {
        await login(page, e2e.server.url, 'lanhdao');
        const menu = page.getByRole('menu');
        await expect(menu.getByRole('menuitem').first().textContent()).resolves.toContain('Bảng điều khiển');
        await menu.getByText('Bảng điều khiển', { exact: true }).click();
        const dash = page.getByTestId('dashboard');
        await dash.waitFor();
        // The headline figures, formatted the Vietnamese way.
        await dash.getByText('Lượt khen thưởng').waitFor();
        await dash.getByText('656', { exact: true }).waitFor();
        // Every chart is drawn.
        for (const id of ['chart-per-year', 'chart-per-unit', 'chart-titles', 'chart-sex', 'chart-leader'])
          await page.getByTestId(id).locator('svg.recharts-surface').first().waitFor();
        await page.getByTestId('chart-per-year').getByText('Số lượt').first().waitFor();

        // Click the 2020 bar: the list of the year's 656 awards.
        await page.getByTestId('chart-per-year').locator('.recharts-bar-rectangle').last().click();
        const card = page.getByTestId('drill-down-card');
        await card.getByText('Danh sách: Khen thưởng theo năm: 2020').waitFor();
        await card.getByText('Tổng số: 656').waitFor();
        expect(await card.locator('tbody tr.ant-table-row').count()).toBe(10);

        // Click the Lao động tiên tiến sector of the titles mix: its 300 awards.
        const sectors = page.getByTestId('chart-titles').locator('.recharts-pie-sector');
        await sectors.first().click();
        await card.getByText('Danh sách: Lao động tiên tiến').waitFor();
        await card.getByText('Tổng số: 300').waitFor();
        await card.getByRole('cell', { name: 'Lao động tiên tiến' }).first().waitFor();

        // The statistics page: the title/form table, a row opens its list; the form 0603 is drawn.
        await menu.getByText('Thống kê khen thưởng', { exact: true }).click();
        await page.getByTestId('statistics').waitFor();
        await page.getByRole('tab', { name: 'Khen thưởng theo danh hiệu, hình thức' }).click();
        await page.getByTestId('form-0603').getByText('Biểu số: 0603.N/BNV-TĐKT').waitFor();
        await page.getByRole('cell', { name: 'Chiến sĩ thi đua cơ sở', exact: true }).click();
        await page.getByTestId('drill-down').getByText('Tổng số: 44').waitFor();
      } finally {
        await context.close();
      }
    },
    E2E_TIMEOUT,
  );
});
