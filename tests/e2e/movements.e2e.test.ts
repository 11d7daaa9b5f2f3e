/**
 * Movements and registration in Chromium (issue 5, parts 1–2): the emulation officer opens the 2020
 * movements, opens "chung tay vì người nghèo" and reads the 30.000.000 đồng charity house in the results;
 * the unit officer of Trung tâm Nước sạch submits the unit's 2021 registration.
 */
import { describe, it } from 'vitest';
import { hasChromium, inBrowser, serverAndBrowser, login, pickOption } from './support';

const E2E_TIMEOUT = 180_000;

describe.skipIf(!hasChromium)(inBrowser('movements and registration in the browser'), () => {
  const e2e = serverAndBrowser();

  it(
    'the officer opens the 2020 movements and reads the charity house worth 30.000.000 đồng',
    async () => {
      const { context, page } = await e2e.chrome.newPage();
      try {
        await login(page, e2e.server.url, 'canbo');
        await page.getByRole('menu').getByText('Phong trào thi đua', { exact: true }).click();
        await page.getByRole('heading', { name: 'Phong trào thi đua' }).waitFor();
        await page.getByRole('link', { name: /chung tay vì người nghèo/ }).click();
        await page.getByRole('heading', { name: /chung tay vì người nghèo/ }).waitFor();
        const results = page.locator('.ant-card').filter({ hasText: 'Kết quả của từng đơn vị' });
        await results.getByRole('cell', { name: '30.000.000 đồng', exact: true }).waitFor();
        await results
          .getByText('Xây dựng 01 căn nhà tình thương trị giá 30.000.000 đồng', { exact: false })
          .waitFor();
        // The aggregate: the department's total and the 8/8 members giving 03 days' salary.
        const aggregate = page.locator('.ant-card').filter({ hasText: 'Số liệu tổng hợp' });
        await aggregate.getByText('8/8 đạt (100%)', { exact: true }).first().waitFor();
        await aggregate.getByText('30.000.000 đồng', { exact: true }).first().waitFor();
      } finally {
        await context.close();
      }
    },
    E2E_TIMEOUT,
  );

  it(
    'the unit officer submits the unit’s 2021 registration',
    async () => {
      const { context, page } = await e2e.chrome.newPage();
      try {
        await login(page, e2e.server.url, 'donvi');
        await page.getByRole('menu').getByText('Đăng ký thi đua', { exact: true }).click();
        await page.getByRole('heading', { name: 'Đăng ký thi đua' }).waitFor();
        await page.getByLabel('Năm', { exact: true }).click();
        await pickOption(page, '2021');
        const own = page.locator('.ant-card').filter({ hasText: 'Bản đăng ký của' });
        await own.getByText('Đang soạn', { exact: true }).waitFor();
        await own.getByRole('button', { name: 'Gửi đăng ký' }).click();
        await page.locator('.ant-modal-confirm').getByRole('button', { name: 'Gửi đăng ký' }).click();
        await own.getByText('Đã gửi', { exact: true }).waitFor();
      } finally {
        await context.close();
      }
    },
    E2E_TIMEOUT,
  );
});
