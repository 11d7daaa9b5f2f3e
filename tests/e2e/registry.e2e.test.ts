/**
 * Whole flows in Chromium for the registry (issue 3, "Done when"): the demo emulation officer downloads the
 * people template, fills it (one row wrong), reads the preview's error for that row in Vietnamese, fixes the
 * file, uploads it again, commits, and finds the new person by a search without diacritics. And a person's
 * profile opens from the people list, with a yearly rating added through it.
 *
 * With VINHDANH_SCREENSHOTS=<dir> the people list and the preview with an error are saved there (that is
 * how docs/screenshots/{people,import-preview}.png are made).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiAs, hasChromium, inBrowser, serverAndBrowser, login, pickOption } from './support';

/** A whole browser flow on a busy 2-core machine: generous, each step still waits at most 15 s. */
const E2E_TIMEOUT = 180_000;
const SCREENSHOTS = process.env.VINHDANH_SCREENSHOTS;

/** People that the demo data does not hold (checked below), so the search finds only what the test made. */
const GOOD = { code: 'E2E-CB001', name: 'Tôn Nữ Khánh Quỳnh', folded: 'ton nu khanh quynh' };
const BAD = { code: 'E2E-CB002', name: 'Quách Văn Lộc' };

interface PersonPage {
  items: { id: string; code: string; fullName: string }[];
  total: number;
}

async function menu(page: Page, label: string) {
  await page.getByRole('menu').getByText(label, { exact: true }).click();
}

/** Fills the data sheet of the downloaded template by its Vietnamese headers, as an officer would. */
async function fillTemplate(template: string, out: string, rows: Record<string, string>[]) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(template);
  const ws = wb.getWorksheet('Cán bộ');
  if (!ws)
    throw new Error(`no "Cán bộ" sheet in the template: ${wb.worksheets.map((w) => w.name).join(', ')}`);
  const columns = new Map<string, number>();
  ws.getRow(1).eachCell((cell, col) => columns.set(String(cell.value).trim(), col));
  rows.forEach((values, i) => {
    for (const [header, value] of Object.entries(values)) {
      const col = columns.get(header);
      if (!col) throw new Error(`template has no column "${header}": ${[...columns.keys()].join(' | ')}`);
      ws.getRow(i + 2).getCell(col).value = value;
    }
  });
  await wb.xlsx.writeFile(out);
}

describe.skipIf(!hasChromium)(inBrowser('registry in the browser'), () => {
  const e2e = serverAndBrowser({}, E2E_TIMEOUT);
  let tmp: string;

  beforeAll(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'vd-e2e-registry-'));
  });
  afterAll(() => {
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  });

  it(
    'the officer downloads the people template, fixes the row the preview reports, commits, and finds the person without diacritics',
    async () => {
      const api = await apiAs(e2e.server, 'canbo');
      const search = async (q: string) =>
        (await api('GET', `/api/people?q=${encodeURIComponent(q)}`)) as PersonPage;
      expect((await search(GOOD.folded)).total).toBe(0);
      expect((await search(BAD.code)).total).toBe(0);

      const { context, page } = await e2e.chrome.newPage();
      try {
        await login(page, e2e.server.url, 'canbo');
        await menu(page, 'Nhập dữ liệu');
        await page.getByRole('heading', { name: 'Nhập dữ liệu' }).waitFor();

        // Step 1: what to import, and its template.
        await page.getByRole('radio', { name: 'Cán bộ', exact: true }).check();
        const [download] = await Promise.all([
          page.waitForEvent('download'),
          page.getByRole('link', { name: 'Tải mẫu Excel' }).click(),
        ]);
        expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
        const template = path.join(tmp, 'template.xlsx');
        await download.saveAs(template);

        // Two people; the second with a sex the catalogue does not know.
        const good = {
          'Mã cán bộ': GOOD.code,
          'Họ và tên': GOOD.name,
          'Giới tính': 'Nữ',
          'Ngày sinh': '12/04/1985',
          'Chức vụ': 'Chuyên viên',
        };
        const bad = {
          'Mã cán bộ': BAD.code,
          'Họ và tên': BAD.name,
          'Giới tính': 'X',
          'Ngày sinh': '1979-09-01',
        };
        const file = path.join(tmp, 'can-bo.xlsx');
        await fillTemplate(template, file, [good, bad]);

        // Step 2: upload; step 3: the preview names the row, the column, the value and what is wrong.
        await page.getByRole('button', { name: 'Tiếp tục' }).click();
        await page.locator('input[type=file]').setInputFiles(file);
        const preview = page.getByTestId('import-preview');
        await preview.waitFor();
        await preview.getByText('Tệp có 1 lỗi: chưa ghi được dữ liệu.').waitFor();
        const errorRows = preview.locator('.vd-import-errors tbody tr.ant-table-row');
        expect(await errorRows.count()).toBe(1);
        const cells = (await errorRows.first().locator('td').allInnerTexts()).map((s) => s.trim());
        expect(cells.slice(0, 4)).toEqual(['Cán bộ', '3', 'Giới tính', 'X']);
        expect(cells[4]).toMatch(/Giới tính/);
        expect(cells[4]).toMatch(/Nam|Nữ/);
        expect(await preview.getByRole('button', { name: 'Ghi dữ liệu' }).isDisabled()).toBe(true);
        if (SCREENSHOTS) await page.screenshot({ path: path.join(SCREENSHOTS, 'import-preview.png') });
        // Nothing was written by the preview.
        expect((await search(GOOD.code)).total).toBe(0);

        // Fix the reported row in the file and upload it again.
        await fillTemplate(template, file, [good, { ...bad, 'Giới tính': 'Nam' }]);
        await preview.getByRole('button', { name: 'Sửa tệp và tải lên lại' }).click();
        await page.locator('input[type=file]').setInputFiles(file);
        await page.getByText('Tệp hợp lệ.', { exact: false }).waitFor();
        const counts = page.locator('.vd-import-counts tbody tr.ant-table-row');
        expect((await counts.first().locator('td').allInnerTexts()).map((s) => s.trim())).toEqual([
          'Cán bộ',
          '2',
          '0',
          '0',
        ]);
        expect(await page.locator('.vd-import-errors').count()).toBe(0);

        await page.getByRole('button', { name: 'Ghi dữ liệu' }).click();
        await page.getByText('Đã ghi dữ liệu', { exact: true }).waitFor();
        await page.getByText('Thêm mới 2, cập nhật 0, không đổi 0.').waitFor();

        // The new person is in the people list, found without diacritics.
        await menu(page, 'Cán bộ');
        await page.getByRole('heading', { name: 'Danh sách cán bộ' }).waitFor();
        await page.getByLabel('Tìm theo tên, mã (không cần dấu)').fill(GOOD.folded);
        const table = page.locator('.vd-people-table');
        await expect.poll(() => table.locator('tbody tr.ant-table-row').count()).toBe(1);
        const row = table.locator('tbody tr.ant-table-row').first();
        expect(await row.getByText(GOOD.name, { exact: true }).count()).toBe(1);
        expect(await row.getByText(GOOD.code, { exact: true }).count()).toBe(1);
        expect(await row.getByText('12/04/1985', { exact: true }).count()).toBe(1);
        expect((await search(BAD.code)).items.map((p) => p.fullName)).toEqual([BAD.name]);
      } finally {
        await context.close();
      }
    },
    E2E_TIMEOUT,
  );

  it(
    'a person profile opens from the people list, and a yearly rating is added on it',
    async () => {
      const api = await apiAs(e2e.server, 'canbo');
      // Someone the demo rated, so the profile has history to show.
      const evaluations = (await api(
        'GET',
        '/api/registry/records/personEvaluations?pageSize=1&year=2020',
      )) as {
        items: { personCode: string; personName: string }[];
      };
      const { personCode, personName } = evaluations.items[0]!;
      const { items } = (await api('GET', `/api/people?q=${encodeURIComponent(personCode)}`)) as PersonPage;
      const person = items.find((p) => p.code === personCode)!;
      const before = (await api('GET', `/api/people/${person.id}`)) as { evaluations: { year: number }[] };
      expect(before.evaluations.some((e) => e.year === 2020)).toBe(true);
      const newYear = Math.max(...before.evaluations.map((e) => e.year)) + 1;

      const { context, page } = await e2e.chrome.newPage();
      try {
        await login(page, e2e.server.url, 'canbo');
        await menu(page, 'Cán bộ');
        const table = page.locator('.vd-people-table');
        await table.locator('tbody tr.ant-table-row').first().waitFor();
        if (SCREENSHOTS) await page.screenshot({ path: path.join(SCREENSHOTS, 'people.png') });

        await page.getByLabel('Tìm theo tên, mã (không cần dấu)').fill(personCode);
        await expect.poll(() => table.locator('tbody tr.ant-table-row').count()).toBe(1);
        await table.getByRole('link', { name: personName }).click();

        await expect.poll(() => new URL(page.url()).pathname).toBe(`/people/${person.id}`);
        await page.getByRole('heading', { name: new RegExp(`^${personName}`) }).waitFor();
        await page.getByText('Thông tin cá nhân').waitFor();
        await page.getByRole('tab', { name: /^Quá trình công tác/ }).waitFor();
        await page.getByRole('tab', { name: /^Đánh giá, xếp loại/ }).click();
        const panel = page.getByRole('tabpanel', { name: /Đánh giá, xếp loại/ });
        await expect
          .poll(() => panel.locator('tbody tr.ant-table-row').count())
          .toBe(before.evaluations.length);

        // Add next year's rating through the profile (PUT /api/people/:id/evaluations/:year).
        await panel.getByRole('button', { name: 'Thêm đánh giá năm' }).click();
        const dialog = page.getByRole('dialog', { name: 'Thêm đánh giá năm' });
        await dialog.getByLabel('Năm').fill(String(newYear));
        await dialog.getByLabel('Xếp loại').click();
        await pickOption(page, 'Hoàn thành xuất sắc nhiệm vụ');
        await dialog.getByRole('button', { name: 'Lưu' }).click();
        await dialog.waitFor({ state: 'hidden' });
        await expect
          .poll(() => panel.locator('tbody tr.ant-table-row').count())
          .toBe(before.evaluations.length + 1);
        const added = panel.locator('tbody tr.ant-table-row', {
          has: page.getByText(String(newYear), { exact: true }),
        });
        expect(await added.getByText('HTXSNV', { exact: true }).count()).toBe(1);
        const after = (await api('GET', `/api/people/${person.id}`)) as {
          evaluations: { year: number; rating: string }[];
        };
        expect(after.evaluations.find((e) => e.year === newYear)?.rating).toBe('HTXSNV');

        // Back to the list as it was left (the search is kept).
        await page.getByRole('link', { name: 'Danh sách cán bộ' }).click();
        await expect
          .poll(() => page.getByLabel('Tìm theo tên, mã (không cần dấu)').inputValue())
          .toBe(personCode);
      } finally {
        await context.close();
      }
    },
    E2E_TIMEOUT,
  );
});
