/**
 * Block scoring in Chromium (issue 5 "Done when"): the block leader opens the 2021 scoring of the origin
 * block; members self-score (one in the browser with evidence, the others through the API with officers
 * created for their units); the leader cross-checks one score with a reason, locks the ranking after the
 * block meeting, proposes the top member for the emulation flag and makes the proposal into a nomination
 * dossier in one step. The member in the browser also uploads a file as evidence.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { hasChromium, inBrowser, serverAndBrowser, login, pickOption, type E2EServer } from './support';
import type { ScoringBoard } from '../../src/shared/scoring/scoring.schema';

const E2E_TIMEOUT = 240_000;
const TTNS = 'Trung tâm Nước sạch và Vệ sinh môi trường nông thôn tỉnh Bạc Liêu';
const BQLR = 'Ban Quản lý rừng đặc dụng – phòng hộ ven biển Bạc Liêu';

/** An API session through the app (PUT included), for set-up data. */
async function session(server: E2EServer, username: string, password: string) {
  const res = await server.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username, password },
  });
  if (res.statusCode !== 200) throw new Error(`login ${username}: ${res.statusCode} ${res.body}`);
  const cookie = res.cookies.find((c) => c.name === 'vd_session')!.value;
  const { csrfToken } = res.json() as { csrfToken: string };
  return async <T = unknown>(method: 'GET' | 'POST' | 'PUT', url: string, payload?: object): Promise<T> => {
    const r = await server.app.inject({
      method,
      url,
      cookies: { vd_session: cookie },
      headers: { 'x-csrf-token': csrfToken },
      ...(payload ? { payload } : {}),
    });
    if (r.statusCode >= 400) throw new Error(`${method} ${url}: ${r.statusCode} ${r.body}`);
    return r.json() as T;
  };
}

/** A unit officer for a member unit, created by the admin, with the first-login password change done. */
async function officerFor(server: E2EServer, unitId: string, username: string) {
  const admin = await session(server, 'admin', 'VinhDanh2020');
  await admin('POST', '/api/users', {
    username,
    displayName: `Cán bộ TĐKT ${username}`,
    role: 'unit_officer',
    unitId,
    password: 'TamThoi2026abc',
  });
  const first = await session(server, username, 'TamThoi2026abc');
  await first('POST', '/api/auth/change-password', {
    currentPassword: 'TamThoi2026abc',
    newPassword: 'ChamDiem2026abc',
    confirmPassword: 'ChamDiem2026abc',
  });
  return session(server, username, 'ChamDiem2026abc');
}

async function menu(page: Page, label: string) {
  await page.getByRole('menu').getByText(label, { exact: true }).click();
}

describe.skipIf(!hasChromium)(inBrowser('block scoring in the browser'), () => {
  const e2e = serverAndBrowser({}, E2E_TIMEOUT);

  it(
    'the leader opens the 2021 scoring, members self-score, the leader cross-checks, ranks and proposes the flag',
    async () => {
      // ── Set-up through the API: six members self-score with officers created for them.
      const lead = await session(e2e.server, 'khoitruong', 'VinhDanh2020');
      const blocks = await lead<{ blockId: string; year: number; status: string }[]>(
        'GET',
        '/api/scoring/blocks?year=2021',
      );
      const board = await lead<ScoringBoard>('GET', `/api/scoring/blocks/${blocks[0]!.blockId}`);
      expect(board.set?.status).toBe('open');
      const id = (code: string) => board.criteria.find((c) => c.code === code)!.id;
      const items = board.criteria.filter((c) => c.kind === 'score');
      const evidence = [
        { label: 'Báo cáo tổng kết năm 2021', url: 'https://snn.baclieu.gov.vn/bao-cao-2021.pdf' },
      ];
      let n = 0;
      for (const sheet of board.sheets) {
        if (sheet.unitCode === 'BL-TTNS') continue; // scored in the browser below
        const api =
          sheet.unitCode === 'BL-TTKN' ? lead : await officerFor(e2e.server, sheet.unitId, `donvi.e2e${++n}`);
        // BL-BQLR scores full marks (the top member); the others a little less each.
        const minus = sheet.unitCode === 'BL-BQLR' ? 0 : 1 + (n % 3);
        await api('PUT', `/api/scoring/sheets/${sheet.id}/self`, {
          version: sheet.version,
          submit: true,
          scores: [
            ...items.map((c) => ({
              criterionId: c.id,
              selfScore: Math.max(0, c.maxPoints - (c.code === 'A1' ? minus : 0)),
              evidence: c.evidenceRequired ? evidence : [],
            })),
            { criterionId: id('T1'), selfScore: 0, evidence: [] },
            { criterionId: id('P1'), selfScore: 0, evidence: [] },
          ],
        });
      }

      // ── A member self-scores in the browser, with evidence, and submits.
      {
        const { context, page } = await e2e.chrome.newPage();
        try {
          await login(page, e2e.server.url, 'donvi');
          await menu(page, 'Chấm điểm khối thi đua');
          await page.getByRole('heading', { name: 'Chấm điểm khối thi đua' }).waitFor();
          await page.getByText(TTNS, { exact: true }).first().waitFor();
          for (const c of items) {
            await page
              .getByLabel(`Tự chấm ${c.code}`, { exact: true })
              .fill(String(c.maxPoints - (c.code === 'C1' ? 2 : 0)));
          }
          for (const code of ['A1', 'B2', 'D2']) {
            await page.getByRole('button', { name: `Thêm minh chứng ${code}`, exact: true }).click();
            await page.getByLabel(`Tên minh chứng ${code}`, { exact: true }).fill(`Minh chứng ${code}`);
            await page
              .getByLabel(`Đường dẫn (http://… hoặc /…) ${code}`, { exact: true })
              .fill(`https://ttns.baclieu.gov.vn/${code}.pdf`);
            await page.getByRole('button', { name: 'Thêm minh chứng', exact: true }).click();
            await page.getByRole('link', { name: `Minh chứng ${code}` }).waitFor();
          }
          // A file as evidence (saved at once; the scores typed above stay in the form).
          const [chooser] = await Promise.all([
            page.waitForEvent('filechooser'),
            page.getByTestId('upload-evidence-A1').click(),
          ]);
          await chooser.setFiles({
            name: 'bien-ban-hop-A1.pdf',
            mimeType: 'application/pdf',
            buffer: Buffer.from('%PDF-1.7\n% biên bản\n%%EOF\n'),
          });
          await page.getByText('Đã tải lên bien-ban-hop-A1.pdf.').waitFor();
          await page.getByRole('link', { name: 'bien-ban-hop-A1.pdf' }).waitFor();
          await page.getByRole('button', { name: 'Nộp phiếu' }).click();
          await page.getByText('Đã nộp phiếu tự chấm.').waitFor();
          await expect.poll(() => page.getByTestId('sheet-status').textContent()).toBe('Đã nộp');
          await expect.poll(() => page.getByTestId('sheet-total').textContent()).toBe('98');
        } finally {
          await context.close();
        }
      }

      // ── The leader cross-checks one score with a reason, locks after the meeting, proposes the flag.
      const { context, page } = await e2e.chrome.newPage();
      try {
        await login(page, e2e.server.url, 'khoitruong');
        await menu(page, 'Chấm điểm khối thi đua');
        await page.getByRole('heading', { name: 'Chấm điểm khối thi đua' }).waitFor();
        await expect.poll(() => page.getByTestId('scoring-status').textContent()).toBe('Đang chấm điểm');

        await page.getByLabel('Đơn vị', { exact: true }).click();
        await pickOption(page, TTNS);
        await page.getByLabel('Chấm chéo A2', { exact: true }).fill('8');
        await page.getByRole('button', { name: 'Lưu chấm chéo' }).click();
        await page.getByText('Nhập lý do cho mỗi điểm điều chỉnh.').waitFor();
        await page
          .getByLabel('Lý do điều chỉnh A2', { exact: true })
          .fill('Hai chỉ tiêu dịch vụ chưa đạt kế hoạch');
        await page.getByRole('button', { name: 'Lưu chấm chéo' }).click();
        await page.getByText('Đã lưu điểm chấm chéo.').waitFor();
        await expect.poll(() => page.getByTestId('sheet-total').textContent()).toBe('96');

        await page.getByRole('tab', { name: 'Xếp hạng' }).click();
        await page.getByRole('button', { name: 'Khóa kết quả' }).click();
        await page
          .getByLabel('Biên bản họp khối (số, ngày, nơi họp)')
          .fill('Biên bản Hội nghị tổng kết Khối ngày 20/12/2021');
        await page.getByRole('dialog').getByRole('button', { name: 'Khóa kết quả' }).click();
        await page.getByText('Đã khóa kết quả chấm điểm.').waitFor();
        await expect.poll(() => page.getByTestId('scoring-status').textContent()).toBe('Đã khóa kết quả');
        const firstRow = page.getByTestId('ranking-table').locator('tbody tr').first();
        await expect.poll(() => firstRow.textContent()).toContain(BQLR);

        await page.getByRole('button', { name: 'Đề nghị khen thưởng' }).click();
        await page.getByRole('dialog').getByRole('button', { name: 'Lưu' }).click();
        await page.getByText('Đã lưu đề nghị khen thưởng.').waitFor();
        await expect
          .poll(() => page.getByTestId('scoring-result').textContent())
          .toContain(`Cờ thi đua cấp tỉnh: ${BQLR}`);
        await expect.poll(() => firstRow.textContent()).toContain('Cờ thi đua cấp tỉnh');

        // One step: the proposal becomes the lead unit's draft nomination dossier; the board links to it.
        await page.getByRole('button', { name: 'Lập hồ sơ đề nghị' }).click();
        await page.getByText(/^Đã lập hồ sơ đề nghị HS-2021-\d+\.$/).waitFor();
        const link = page.getByTestId('proposal-dossier').getByRole('link', { name: /^Hồ sơ HS-2021-/ });
        await link.waitFor();
        await expect(page.getByRole('button', { name: 'Lập hồ sơ đề nghị' }).count()).resolves.toBe(0);
        await link.click();
        await expect.poll(() => page.getByTestId('dossier-status').textContent()).toBe('Đang soạn');
        const nominees = page.getByTestId('nominees');
        await expect.poll(() => nominees.textContent()).toContain(BQLR);
        await expect.poll(() => nominees.textContent()).toContain('Cờ thi đua cấp tỉnh');

        // What the browser did is what the server holds.
        const after = await lead<ScoringBoard>('GET', `/api/scoring/blocks/${board.block.id}`);
        expect(after.set?.status).toBe('locked');
        expect(after.ranking[0]!.unitCode).toBe('BL-BQLR');
        expect(after.result?.flagUnitId).toBe(after.ranking[0]!.unitId);
        expect(after.result?.proposalDossier?.code).toMatch(/^HS-2021-\d+$/);
        const dossier = await lead<{
          nominees: { unitId: string; awardCode: string; achievementSummary: string }[];
        }>('GET', `/api/dossiers/${after.result!.proposalDossier!.id}`);
        expect(dossier.nominees[0]).toMatchObject({
          unitId: after.ranking[0]!.unitId,
          awardCode: 'CO_TINH',
          achievementSummary: expect.stringMatching(/^Xếp thứ 1\/8 với [\d,]+ điểm/),
        });
        const ttns = after.sheets.find((s) => s.unitCode === 'BL-TTNS')!;
        const file = ttns.scores
          .find((s) => s.criterionId === id('A1'))!
          .evidence.find((e) => e.fileName === 'bien-ban-hop-A1.pdf')!;
        expect(file.sha256).toMatch(/^[0-9a-f]{64}$/);
        expect(ttns.scores.find((s) => s.criterionId === id('A2'))).toMatchObject({
          selfScore: 10,
          checkedScore: 8,
          checkReason: 'Hai chỉ tiêu dịch vụ chưa đạt kế hoạch',
        });
      } finally {
        await context.close();
      }
    },
    E2E_TIMEOUT,
  );
});
