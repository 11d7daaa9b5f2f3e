/**
 * The year-end summary in Chromium (issue 7, part 1): the emulation officer opens "Báo cáo tổng kết" for
 * 2020 and reads the origin article's counts in the awards tables; a year without data says so.
 */
import { afterAll, beforeAll, describe, it } from 'vitest';
import {
  hasChromium,
  login,
  pickOption,
  startBrowser,
  startServer,
  type E2EBrowser,
  type E2EServer,
} from './support';

const E2E_TIMEOUT = 180_000;

describe.skipIf(!hasChromium)('the year-end summary in the browser (skipped: no /usr/bin/chromium)', () => {
  let server: E2EServer;
  let chrome: E2EBrowser;

  beforeAll(async () => {
    server = await startServer();
    chrome = await startBrowser();
  });
  afterAll(async () => {
    await chrome?.close();
    await server?.close();
  }, E2E_TIMEOUT);

  it(
    'the officer reads the 2020 summary with the article’s counts, and an empty year',
    async () => {
      const { context, page } = await chrome.newPage();
      try {
        await login(page, server.url, 'canbo');
        await page.getByRole('menu').getByText('Báo cáo tổng kết', { exact: true }).click();
        await page
          .getByRole('heading', { name: 'Tổng kết công tác thi đua, khen thưởng năm 2020' })
          .waitFor();
        const report = page.getByTestId('summary-report');
        for (const text of [
          '300 cá nhân',
          '44 cá nhân',
          '29 tập thể',
          '244 lượt cá nhân',
          '19 lượt tập thể',
          '12 lượt tập thể',
          '4 lượt tập thể',
          '3 lượt cá nhân',
          '1 lượt cá nhân',
        ])
          await report.getByRole('cell', { name: text, exact: true }).waitFor();
        await report
          .getByText('Giá trị nhà tình thương: 30.000.000 đồng', { exact: false })
          .first()
          .waitFor();

        // The first years in the list are the coming ones: no data yet.
        const coming = String(new Date().getFullYear() + 1);
        await page.getByRole('combobox', { name: 'Năm' }).click();
        await pickOption(page, coming);
        await page
          .getByText(`Năm ${coming} chưa có dữ liệu phong trào thi đua và khen thưởng trong phạm vi này.`)
          .waitFor();
      } finally {
        await context.close();
      }
    },
    E2E_TIMEOUT,
  );
});
