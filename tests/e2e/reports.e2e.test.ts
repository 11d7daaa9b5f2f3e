/**
 * The year-end summary in Chromium (issue 7, part 1): the emulation officer opens "Báo cáo tổng kết" for
 * 2020 and reads the origin article's counts in the awards tables; a year without data says so. Then she
 * picks a unit in the scope picker, writes the narrative twice (two versions), looks at the older one from
 * the history, and publishes the report as a news item of the portal.
 */
import { describe, it } from 'vitest';
import { hasChromium, inBrowser, serverAndBrowser, login, pickOption } from './support';

const E2E_TIMEOUT = 180_000;

describe.skipIf(!hasChromium)(inBrowser('the year-end summary in the browser'), () => {
  const e2e = serverAndBrowser();

  it(
    'the officer reads the 2020 summary with the article’s counts, and an empty year',
    async () => {
      const { context, page } = await e2e.chrome.newPage();
      try {
        await login(page, e2e.server.url, 'canbo');
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

  it(
    'the officer writes the narrative of a unit’s summary in two versions, reads the older one, and publishes',
    async () => {
      const { context, page } = await e2e.chrome.newPage();
      try {
        await login(page, e2e.server.url, 'canbo');
        await page.goto(`${e2e.server.url}/reports`);
        await page
          .getByRole('heading', { name: 'Tổng kết công tác thi đua, khen thưởng năm 2020' })
          .waitFor();
        const picker = page.getByRole('combobox', { name: 'Phạm vi báo cáo (khối thi đua hoặc đơn vị)' });
        await picker.click();
        await picker.fill('Khuyen nong');
        await pickOption(page, 'Trung tâm Khuyến nông tỉnh Bạc Liêu (BL-TTKN)');
        await page.getByText('Phạm vi: Trung tâm Khuyến nông tỉnh Bạc Liêu', { exact: true }).waitFor();
        const narrative = page.getByTestId('narrative');
        await narrative.getByText('Chưa có phần nhận định cho năm và phạm vi này.').waitFor();

        const write = async (assessment: string, proposals: string, version: number) => {
          await narrative.getByRole('button', { name: 'Sửa phần nhận định' }).click();
          await narrative.getByLabel('Đánh giá chung').fill(assessment);
          await narrative.getByLabel('Kiến nghị, đề xuất').fill(proposals);
          await narrative.getByLabel('Ghi chú cho lần lưu này').fill(`Lần ${version}`);
          await narrative.getByRole('button', { name: `Lưu thành phiên bản ${version}` }).click();
          // In the view of the saved version (the editor's text area holds the same text as its content).
          await narrative.getByTestId('narrative-editor').waitFor({ state: 'detached' });
          await narrative.getByTestId('narrative-view').getByText(assessment, { exact: true }).waitFor();
        };
        await write('Trung tâm hoàn thành tốt nhiệm vụ năm 2020.', 'Đề nghị bổ sung kinh phí.', 1);
        await write('Trung tâm hoàn thành xuất sắc nhiệm vụ năm 2020.', 'Đề nghị Sở bổ sung kinh phí.', 2);
        await narrative.getByText('KIẾN NGHỊ, ĐỀ XUẤT', { exact: true }).waitFor();

        const history = page.getByTestId('history');
        await history.getByRole('cell', { name: 'Lần 2', exact: true }).waitFor();
        await history.getByRole('row', { name: /Lần 1/ }).getByRole('button', { name: 'Xem' }).click();
        await narrative.getByText('Đang xem phiên bản cũ 1', { exact: false }).waitFor();
        await narrative.getByText('Trung tâm hoàn thành tốt nhiệm vụ năm 2020.', { exact: true }).waitFor();
        await narrative.getByRole('button', { name: 'Xem bản mới nhất' }).click();
        await narrative
          .getByText('Trung tâm hoàn thành xuất sắc nhiệm vụ năm 2020.', { exact: true })
          .waitFor();

        await page.getByRole('button', { name: 'Đăng lên cổng thông tin' }).click();
        await page
          .locator('.ant-popconfirm')
          .getByRole('button', { name: 'Đăng lên cổng thông tin' })
          .click();
        await page.getByText(/Đã đăng tin: \/tin-tuc\//).waitFor();
        await page.getByText('Đã đăng lên cổng thông tin', { exact: true }).waitFor();
      } finally {
        await context.close();
      }
    },
    E2E_TIMEOUT,
  );
});
