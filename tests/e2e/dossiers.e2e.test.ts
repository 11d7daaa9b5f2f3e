/**
 * Nomination dossiers in Chromium (issue 6, parts 1–3): the unit officer of Trung tâm Nước sạch creates a
 * 2020 dossier, adds two people from the eligibility suggestions, uploads the submission letter (a PDF)
 * and submits; the department's officer receives it and runs "Kiểm tra điều kiện", seeing the verdicts.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app';
import { testConfig } from '../../src/server/platform/config';
import { systemClock } from '../../src/server/platform/clock';
import { seedDemo } from '../../src/server/seed/demo';
import { openTestDatabase } from '../../src/server/testing/harness';
import {
  hasChromium,
  inBrowser,
  login,
  pickOption,
  startBrowser,
  WEB_DIR,
  type E2EBrowser,
  type E2EServer,
} from './support';

const E2E_TIMEOUT = 240_000;
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

describe.skipIf(!hasChromium)(inBrowser('nomination dossiers in the browser'), () => {
  let server: E2EServer;
  let chrome: E2EBrowser;
  // Attachments go to a temporary upload directory, not the repository's ./data.
  const uploadDir = fs.mkdtempSync(path.join(os.tmpdir(), 'vd-e2e-files-'));

  beforeAll(async () => {
    const database = await openTestDatabase();
    await seedDemo(database, systemClock);
    const app = await buildApp({ database, config: testConfig({ webDir: WEB_DIR, uploadDir }) });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.server.address();
    if (!address || typeof address === 'string') throw new Error('server did not bind a TCP port');
    server = {
      url: `http://127.0.0.1:${address.port}`,
      app,
      database,
      async close() {
        await app.close();
        await database.close();
      },
    };
    chrome = await startBrowser();
  }, E2E_TIMEOUT);
  afterAll(async () => {
    await chrome?.close();
    await server?.close();
    fs.rmSync(uploadDir, { recursive: true, force: true });
  }, E2E_TIMEOUT);

  it(
    'the unit nominates from suggestions, attaches a PDF and submits; the officer receives and checks',
    async () => {
      let dossierUrl = '';
      {
        const { context, page } = await chrome.newPage();
        try {
          await login(page, server.url, 'donvi');
          await page.getByRole('menu').getByText('Hồ sơ đề nghị', { exact: true }).click();
          await page.getByRole('heading', { name: 'Hồ sơ đề nghị khen thưởng' }).waitFor();
          await page.getByRole('button', { name: 'Lập hồ sơ' }).click();
          const modal = page.locator('.ant-modal').filter({ hasText: 'Lập hồ sơ' });
          await modal.getByLabel('Năm', { exact: true }).click();
          await pickOption(page, '2020');
          await modal.getByLabel('Trích yếu').fill('Đề nghị tặng danh hiệu Lao động tiên tiến năm 2020');
          await modal.getByRole('button', { name: 'Lưu' }).click();
          await page.getByRole('heading', { name: /HS-2020-\d{4} — Đề nghị tặng danh hiệu/ }).waitFor();
          dossierUrl = page.url();

          await page.getByRole('button', { name: 'Thêm từ gợi ý' }).click();
          const suggest = page
            .locator('.ant-modal')
            .filter({ hasText: 'Thêm từ gợi ý khen thưởng năm 2020' });
          const boxes = suggest.locator('.ant-table-tbody .ant-checkbox-input');
          await boxes.first().waitFor();
          await boxes.nth(0).check();
          await boxes.nth(1).check();
          await suggest.getByRole('button', { name: 'Thêm 2 đã chọn' }).click();
          await page.getByText('Đã thêm 2 vào hồ sơ.').waitFor();
          const nominees = page.getByTestId('nominees');
          await expect
            .poll(async () => nominees.locator('.ant-table-tbody tr.ant-table-row').count())
            .toBe(2);

          await page.locator('input[type=file]').setInputFiles({
            name: 'to-trinh.pdf',
            mimeType: 'application/pdf',
            buffer: PDF,
          });
          await page.getByText('Đã đính kèm to-trinh.pdf.').waitFor();
          await page.getByRole('link', { name: /to-trinh\.pdf/ }).waitFor();

          await page.getByRole('button', { name: 'Gửi hồ sơ' }).click();
          await page.getByTestId('dossier-status').getByText('Đã gửi', { exact: true }).waitFor();
          await page.getByTestId('deadline-tag').waitFor();
        } finally {
          await context.close();
        }
      }
      {
        const { context, page } = await chrome.newPage();
        try {
          await login(page, server.url, 'canbo');
          await page.goto(dossierUrl);
          await page.getByTestId('dossier-status').getByText('Đã gửi', { exact: true }).waitFor();
          await page.getByRole('button', { name: 'Tiếp nhận' }).click();
          await page.getByTestId('dossier-status').getByText('Đã tiếp nhận', { exact: true }).waitFor();
          await page.getByRole('button', { name: 'Kiểm tra điều kiện' }).click();
          await page.getByText('Đã kiểm tra điều kiện.').waitFor();
          const nominees = page.getByTestId('nominees');
          await expect
            .poll(async () => nominees.getByText(/Đủ điều kiện|Cần xem xét|Chưa đủ điều kiện/).count())
            .toBeGreaterThanOrEqual(2);
          // The timeline names each step.
          await page
            .locator('.ant-timeline')
            .getByText(/Đã tiếp nhận/)
            .waitFor();
        } finally {
          await context.close();
        }
      }
    },
    E2E_TIMEOUT,
  );
});
