/**
 * Whole flows in Chromium for eligibility (issue 4): the emulation officer looks at 2020's suggestions,
 * narrows them to CSTĐCS candidates who qualify, reads the quota used against allowed and the article of
 * law behind a check; the admin reads the V2017 pack with its unverified citations and the base-salary
 * table, and computes the prize for a commune-level Giấy khen.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { hasChromium, inBrowser, serverAndBrowser, login, pickOption } from './support';

/** A whole browser flow on a busy 2-core machine: generous, each step still waits at most 15 s. */
const E2E_TIMEOUT = 180_000;

async function menu(page: Page, label: string) {
  await page.getByRole('menu').getByText(label, { exact: true }).click();
}

/** Opens an antd Select by its aria-label and picks the option with this title. */
async function select(page: Page, ariaLabel: string, option: string) {
  await page.getByLabel(ariaLabel, { exact: true }).click();
  await pickOption(page, option);
}

describe.skipIf(!hasChromium)(inBrowser('eligibility in the browser'), () => {
  const e2e = serverAndBrowser();

  it(
    'the officer filters 2020 suggestions to eligible CSTĐCS candidates, sees the quota and the law behind a check',
    async () => {
      const { context, page } = await e2e.chrome.newPage();
      try {
        await login(page, e2e.server.url, 'canbo');
        await menu(page, 'Gợi ý khen thưởng');
        await page.getByRole('heading', { name: 'Gợi ý khen thưởng' }).waitFor();

        await select(page, 'Năm', 'Năm 2020');
        await select(page, 'Danh hiệu, hình thức', 'Chiến sĩ thi đua cơ sở');
        // The status filter is a segmented control: its radios are hidden, its labels are what one clicks.
        await page.locator('.ant-segmented').getByText('Đủ điều kiện', { exact: true }).click();

        await page.getByText('Căn cứ: Luật TĐKT 2003', { exact: false }).waitFor();
        const quota = page.getByTestId('quota-CSTDCS');
        await quota.getByText('CSTĐCS: đã dùng 44 / được phép 45').waitFor();
        await quota.getByText('44 / 45', { exact: true }).waitFor();

        const table = page.locator('.vd-elig-table');
        const rows = table.locator('tbody tr.ant-table-row');
        await expect
          .poll(async () => {
            const texts = await rows.allInnerTexts();
            return (
              texts.length > 0 &&
              texts.every((r) => r.includes('Chiến sĩ thi đua cơ sở') && r.includes('Đủ điều kiện'))
            );
          })
          .toBe(true);

        // Every check of the first row, with its citation.
        await rows.first().locator('.ant-table-row-expand-icon').click();
        const expanded = table.locator('tr.ant-table-expanded-row').first();
        await expanded.locator('.vd-checks').waitFor();
        expect(await expanded.locator('[data-check-status="met"]').count()).toBeGreaterThan(0);
        const citations = (await expanded.locator('.vd-citation').allInnerTexts()).join('\n');
        expect(citations).toMatch(/Nghị định 91\/2017\/NĐ-CP|Luật Thi đua/);

        // Another achievement year, another law: 2024 is judged by V2024, 2025 by V2025.
        await select(page, 'Năm', 'Năm 2024');
        await page.getByText('Căn cứ: Luật TĐKT 2022, Nghị định 98/2023/NĐ-CP', { exact: false }).waitFor();
        await select(page, 'Năm', 'Năm 2025');
        await page.getByText('Căn cứ: Luật TĐKT 2022, Nghị định 152/2025/NĐ-CP', { exact: false }).waitFor();
      } finally {
        await context.close();
      }
    },
    E2E_TIMEOUT,
  );

  it(
    'the admin reads V2017 with its unverified citations and the base salaries, and computes a prize',
    async () => {
      const { context, page } = await e2e.chrome.newPage();
      try {
        await login(page, e2e.server.url, 'admin');
        await menu(page, 'Quy định pháp luật');
        await page.getByRole('heading', { name: 'Quy định pháp luật' }).waitFor();

        const v2017 = page.getByTestId('pack-V2017');
        await v2017.getByText('Luật TĐKT 2003 (sửa đổi 2013), Nghị định 91/2017/NĐ-CP').first().waitFor();
        expect(Number(await v2017.getByTestId('unverified-count').innerText())).toBeGreaterThan(0);
        // Unverified prize articles show the orange tag in the coefficients table.
        expect(await v2017.locator('.ant-tag-orange', { hasText: 'Chưa đối chiếu' }).count()).toBeGreaterThan(
          1,
        );

        await page.getByRole('tab', { name: 'Mức lương cơ sở' }).click();
        const salary = page.locator('.vd-salaries tbody tr.ant-table-row', { hasText: '1.490.000 đồng' });
        await salary.waitFor();
        expect(await salary.getByText('01/07/2019', { exact: true }).count()).toBe(1);
        // The admin may edit it.
        expect(await salary.getByRole('button', { name: /^Sửa/ }).count()).toBe(1);

        await page.getByRole('tab', { name: 'Tính tiền thưởng' }).click();
        await select(page, 'Danh hiệu, hình thức', 'Giấy khen');
        await select(page, 'Đối tượng', 'Cá nhân');
        await select(page, 'Cấp quyết định', 'Chủ tịch UBND cấp xã');
        const date = page.getByLabel('Ngày ký quyết định', { exact: true });
        await date.click();
        await date.fill('18/01/2021');
        await date.press('Enter');
        await page.getByRole('button', { name: 'Tính' }).click();
        const result = page.getByTestId('prize-result');
        await result.getByText('Hai trăm ba mươi nghìn đồng', { exact: true }).waitFor();
        expect(await result.getByText('230.000 đồng', { exact: true }).count()).toBe(1);
      } finally {
        await context.close();
      }
    },
    E2E_TIMEOUT,
  );
});
