/**
 * The whole awarding walk in Chromium (issue 6, "Done when"): the origin article's 2020 REGULAR awards of one
 * member unit, Trung tâm Khuyến nông tỉnh Bạc Liêu (BL-TTKN, with its sub-units), which the demo seed leaves
 * out for this test (`withhold2020Unit`). The block lead nominates from the eligibility suggestions (Lao
 * động tiên tiến, Chiến sĩ thi đua cơ sở, Tập thể lao động tiên tiến, Giấy khen), attaches the PDFs and
 * submits; the department's officer receives, checks, resolves the flags and discloses; after the period
 * the council votes in a session; the officer drafts the decision and the leader issues it; the Word
 * decision downloads; the people's profiles show the awards with the link to the decision.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eq, sql } from 'drizzle-orm';
import yauzl from 'yauzl';
import { afterAll, describe, expect, it } from 'vitest';
import { apiAs, hasChromium, inBrowser, serverAndBrowser, login, pickOption } from './support';
import { disclosures, dossiers } from '../../src/server/platform/db/schema';
import { rowsOf } from '../../src/server/features/decisions/decisions.repository';
import type { DossierDetail } from '../../src/shared/dossiers/dossiers.schema';
import type { SessionView } from '../../src/shared/council/council.schema';
import type { SuggestionResponse } from '../../src/shared/eligibility/eligibility.schema';
import type { Page } from 'playwright-core';

const E2E_TIMEOUT = 420_000;
const UNIT = 'BL-TTKN';
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
/** The regular titles and forms of the article for one member unit, in the order the block lead adds them. */
const AWARDS = [
  { code: 'LDTT', label: 'Lao động tiên tiến' },
  { code: 'CSTDCS', label: 'Chiến sĩ thi đua cơ sở' },
  { code: 'TTLDTT', label: 'Tập thể lao động tiên tiến' },
  { code: 'GIAY_KHEN', label: 'Giấy khen' },
] as const;
/** What the full demo awards BL-TTKN for 2020 (the withheld records). */
const WITHHELD = { LDTT: 73, CSTDCS: 11, TTLDTT: 7, GIAY_KHEN: 65 } as const;

async function zipEntryText(buffer: Buffer, name: string): Promise<string> {
  const zip = await yauzl.fromBufferPromise(buffer, { lazyEntries: true, autoClose: false });
  try {
    for await (const entry of zip.eachEntry()) {
      if (entry.fileName !== name) continue;
      const chunks: Buffer[] = [];
      for await (const chunk of await zip.openReadStreamPromise(entry)) chunks.push(chunk as Buffer);
      return Buffer.concat(chunks).toString('utf8');
    }
    throw new Error(`${name} not in zip`);
  } finally {
    zip.close();
  }
}

/** Selects every row of the suggestions table, page by page (the header box selects the current page). */
async function selectAllPages(page: Page) {
  const suggest = page.locator('.ant-modal').filter({ hasText: 'Thêm từ gợi ý khen thưởng năm 2020' });
  await suggest.locator('.ant-table-tbody .ant-checkbox-input').first().waitFor();
  for (;;) {
    await suggest.locator('.ant-table-thead .ant-checkbox-input').check();
    const next = suggest.locator('.ant-pagination-next');
    if (!(await next.count()) || (await next.getAttribute('aria-disabled')) === 'true') break;
    await next.click();
  }
  return suggest;
}

describe.skipIf(!hasChromium)(inBrowser('the whole awarding walk in the browser'), () => {
  // Attachments go to a temporary upload directory, not the repository's ./data.
  const uploadDir = fs.mkdtempSync(path.join(os.tmpdir(), 'vd-e2e-walk-'));
  const e2e = serverAndBrowser({ seed: { withhold2020Unit: UNIT }, uploadDir }, E2E_TIMEOUT);
  afterAll(() => fs.rmSync(uploadDir, { recursive: true, force: true }));

  it(
    `BL-TTKN's 2020 regular awards: nominate, submit, receive, disclose, vote, issue, Word file, profiles`,
    async () => {
      const db = e2e.server.database.db;
      // What the eligibility engine offers the block lead (the modal lists everything but "ineligible").
      const lead = await apiAs(e2e.server, 'khoitruong');
      const offered: Record<string, number> = {};
      for (const a of AWARDS) {
        const r = (await lead(
          'GET',
          `/api/eligibility/suggestions?year=2020&awardCode=${a.code}&pageSize=200&page=1`,
        )) as SuggestionResponse;
        offered[a.code] = r.items.filter((i) => i.status !== 'ineligible').length;
        expect(r.total).toBeLessThanOrEqual(200);
      }
      // The engine finds every LĐTT the article gives the unit, and at least as many for the others: the
      // demo awarded fewer than were eligible (quotas and the units' own choices), see the end of the walk.
      expect(offered.LDTT).toBe(WITHHELD.LDTT);
      expect(offered.CSTDCS).toBeGreaterThanOrEqual(WITHHELD.CSTDCS);
      expect(offered.TTLDTT).toBeGreaterThanOrEqual(WITHHELD.TTLDTT);
      expect(offered.GIAY_KHEN).toBeGreaterThanOrEqual(WITHHELD.GIAY_KHEN);
      const nominated = AWARDS.reduce((n, a) => n + offered[a.code]!, 0);

      // ── 1. The block lead nominates from the suggestions, attaches the PDFs and submits.
      let dossierUrl = '';
      let code = '';
      {
        const { context, page } = await e2e.chrome.newPage();
        try {
          await login(page, e2e.server.url, 'khoitruong');
          await page.getByRole('menu').getByText('Hồ sơ đề nghị', { exact: true }).click();
          await page.getByRole('heading', { name: 'Hồ sơ đề nghị khen thưởng' }).waitFor();
          await page.getByRole('button', { name: 'Lập hồ sơ' }).click();
          const modal = page.locator('.ant-modal').filter({ hasText: 'Lập hồ sơ' });
          await modal.getByLabel('Năm', { exact: true }).click();
          await pickOption(page, '2020');
          await modal
            .getByLabel('Trích yếu')
            .fill('Đề nghị công nhận danh hiệu thi đua và tặng Giấy khen năm 2020 — Trung tâm Khuyến nông');
          await modal.getByRole('button', { name: 'Lưu' }).click();
          const heading = page.getByRole('heading', { name: /HS-2020-\d{4} — Đề nghị công nhận/ });
          await heading.waitFor();
          code = /HS-2020-\d{4}/.exec((await heading.textContent()) ?? '')![0];
          dossierUrl = page.url();

          const nominees = page.getByTestId('nominees');
          let total = 0;
          for (const a of AWARDS) {
            await page.getByRole('button', { name: 'Thêm từ gợi ý' }).click();
            const dialog = page
              .locator('.ant-modal')
              .filter({ hasText: 'Thêm từ gợi ý khen thưởng năm 2020' });
            await dialog.locator('.ant-table-tbody .ant-checkbox-input').first().waitFor();
            if (a.code !== 'LDTT') {
              // The table reloads for the new title: wait for its suggestions to arrive and render.
              const loaded = page.waitForResponse(
                (r) =>
                  r.url().includes('/api/eligibility/suggestions') && r.url().includes(`awardCode=${a.code}`),
                { timeout: 120_000 },
              );
              await dialog.getByLabel('Danh hiệu, hình thức').click();
              await pickOption(page, a.label);
              await loaded;
              await expect
                .poll(async () => dialog.locator('.ant-spin-spinning').count(), { timeout: 60_000 })
                .toBe(0);
            }
            const suggest = await selectAllPages(page);
            const n = offered[a.code]!;
            await suggest.getByRole('button', { name: `Thêm ${n} đã chọn` }).click();
            await page.getByText(`Đã thêm ${n} vào hồ sơ.`).first().waitFor({ timeout: 60_000 });
            total += n;
            await expect
              .poll(async () => nominees.locator('.ant-table-tbody tr.ant-table-row').count(), {
                timeout: 60_000,
              })
              .toBe(total);
          }

          // The submission letter and, as the dossier has CSTĐCS and Giấy khen, the achievement report.
          await page.locator('input[type=file]').setInputFiles({
            name: 'to-trinh.pdf',
            mimeType: 'application/pdf',
            buffer: PDF,
          });
          await page.getByText('Đã đính kèm to-trinh.pdf.').waitFor();
          await page.getByLabel('Loại tài liệu').click();
          await pickOption(page, 'Báo cáo thành tích');
          await page.locator('input[type=file]').setInputFiles({
            name: 'bao-cao-thanh-tich.pdf',
            mimeType: 'application/pdf',
            buffer: PDF,
          });
          await page.getByText('Đã đính kèm bao-cao-thanh-tich.pdf.').waitFor();
          await page.getByRole('link', { name: /bao-cao-thanh-tich\.pdf/ }).waitFor();

          await page.getByRole('button', { name: 'Gửi hồ sơ' }).click();
          await page
            .getByTestId('dossier-status')
            .getByText('Đã gửi', { exact: true })
            .waitFor({ timeout: 60_000 });
        } finally {
          await context.close();
        }
      }
      const [row] = await db.select().from(dossiers).where(eq(dossiers.code, code));
      const dossierId = row!.id;
      expect(row!.status).toBe('submitted');

      // ── 2. The officer receives, reviews, checks, resolves the flags and discloses.
      const officer = await apiAs(e2e.server, 'canbo');
      {
        const { context, page } = await e2e.chrome.newPage();
        try {
          await login(page, e2e.server.url, 'canbo');
          await page.goto(dossierUrl);
          const status = page.getByTestId('dossier-status');
          await status.getByText('Đã gửi', { exact: true }).waitFor();
          await page.getByRole('button', { name: 'Tiếp nhận' }).click();
          await status.getByText('Đã tiếp nhận', { exact: true }).waitFor({ timeout: 60_000 });
          await page.getByRole('button', { name: 'Bắt đầu thẩm định' }).click();
          await status.getByText('Đang thẩm định', { exact: true }).waitFor({ timeout: 60_000 });
          await page.getByRole('button', { name: 'Kiểm tra điều kiện' }).click();
          await page.getByText('Đã kiểm tra điều kiện.').waitFor({ timeout: 120_000 });

          let d = (await officer('GET', `/api/dossiers/${dossierId}`)) as DossierDetail;
          expect(d.nominees).toHaveLength(nominated);
          expect(d.nominees.every((n) => n.checkedAt)).toBe(true);
          const open = (n: DossierDetail['nominees'][number]) =>
            !n.excludedReason &&
            n.verdictStatus !== 'ineligible' &&
            !n.acceptedReason &&
            (n.verdictStatus === 'needs_review' || n.flags.length > 0);
          const flagged = d.nominees.filter(open);
          // No one the engine suggested is ineligible on receipt. Two kinds of flags, exactly:
          // - every CSTĐCS is over the quota: 15 % of the dossier's 73 LĐTT, rounded down, allows 10 and the
          //   engine finds 15 eligible (the demo itself gave 11). The officer accepts them with a reason and
          //   leaves the choice to the council's secret ballot (80 % of all members needed);
          // - one Giấy khen repeats: BL-TTKN's Phòng Hành chính – Tổng hợp already holds a THEMATIC Giấy
          //   khen of 2020 (285/QĐ-SNN); the regular one is another award, accepted with that reason.
          expect(d.nominees.filter((n) => n.verdictStatus === 'ineligible')).toHaveLength(0);
          const overQuota = flagged.filter((n) => n.flags.some((f) => f.code === 'quota_over'));
          const repeats = flagged.filter((n) => n.flags.some((f) => f.code === 'already_awarded'));
          expect(overQuota.map((n) => n.awardCode)).toEqual(Array(offered.CSTDCS).fill('CSTDCS'));
          expect(repeats).toHaveLength(1);
          expect(repeats[0]!.awardCode).toBe('GIAY_KHEN');
          expect(repeats[0]!.flags[0]!.message).toContain('285/QĐ-SNN');
          expect(flagged).toHaveLength(overQuota.length + repeats.length);
          expect(d.quotas).toEqual([
            expect.objectContaining({
              awardCode: 'CSTDCS',
              used: offered.CSTDCS,
              allowed: 10,
              exceeded: true,
            }),
          ]);
          const QUOTA_REASON = 'Vượt tỷ lệ 15%: trình Hội đồng xem xét, bỏ phiếu kín.';
          const REPEAT_REASON =
            'Giấy khen năm 2020 đã có là khen thưởng chuyên đề, không trùng khen thường xuyên.';
          // The first of each is accepted from the checklist with its written reason; the other fourteen
          // over-quota CSTĐCS through the same API the checklist calls.
          for (const [n, reason] of [
            [overQuota[0]!, QUOTA_REASON],
            [repeats[0]!, REPEAT_REASON],
          ] as const) {
            await page
              .getByTestId('nominees')
              .locator('tr.ant-table-row')
              .filter({ hasText: n.name })
              .getByRole('button', { name: 'Chấp nhận' })
              .first()
              .click();
            const dialog = page.locator('.ant-modal').filter({ hasText: 'cần nêu lý do' });
            await dialog.getByLabel('Lý do').fill(reason);
            await dialog.getByRole('button', { name: /OK|Đồng ý/ }).click();
            await page.getByText(`Đã chấp nhận: ${reason}`).first().waitFor();
          }
          for (const n of overQuota.slice(1))
            await officer('POST', `/api/dossiers/${dossierId}/nominees/${n.id}/accept`, {
              reason: QUOTA_REASON,
            });
          d = (await officer('GET', `/api/dossiers/${dossierId}`)) as DossierDetail;
          expect(d.nominees.filter(open)).toHaveLength(0);

          await page.goto(`${e2e.server.url}/disclosures`);
          await page.getByTestId(`disclose-${code}`).click();
          await page.getByText(`Đã công khai danh sách ${code}`).waitFor({ timeout: 60_000 });
        } finally {
          await context.close();
        }
      }
      // The period ends (set-up: the real server runs on the real clock, so the dates move into the past).
      await db
        .update(disclosures)
        .set({ opensOn: '2020-12-01', closesOn: '2020-12-04' })
        .where(eq(disclosures.dossierId, dossierId));

      // ── 3. The secretary prepares the session, the member votes, the session closes.
      const sessionTitle = `Phiên họp xét khen thưởng năm 2020 — ${code}`;
      let sessionUrl = '';
      {
        const { context, page } = await e2e.chrome.newPage();
        try {
          await login(page, e2e.server.url, 'canbo');
          await page.goto(`${e2e.server.url}/council`);
          // The page opens on the latest council (2021): the secretary picks the 2020 one.
          await page.getByLabel('Hội đồng', { exact: true }).click();
          await page
            .locator('.ant-select-item-option')
            .filter({ hasText: /^2020 — / })
            .click();
          await page
            .locator('.ant-select')
            .filter({ hasText: /2020 — Hội đồng/ })
            .waitFor();
          await page.getByTestId('new-session').waitFor();
          await page.getByLabel('Tên phiên họp').fill(sessionTitle);
          await page.getByLabel('Ngày họp').fill('15/01/2021');
          await page.getByLabel('Ngày họp').press('Enter');
          await page.getByLabel('Địa điểm').fill('Phòng họp Sở');
          await page.getByTestId('new-session').click();
          await page.getByTestId('session-link').filter({ hasText: sessionTitle }).click();
          await page.getByTestId(`agenda-add-${code}`).click();
          await expect
            .poll(async () => page.locator('tr.ant-table-row').filter({ hasText: code }).count(), {
              timeout: 60_000,
            })
            .toBe(nominated);
          await page.getByTestId('save-attendance').click();
          await page
            .getByTestId('quorum')
            .getByText(/Tham dự 7\/7/)
            .waitFor();
          await page.getByTestId('open-session').click();
          await page.getByTestId('session-status').getByText('Đang bỏ phiếu').waitFor({ timeout: 60_000 });
          sessionUrl = page.url();
        } finally {
          await context.close();
        }
      }
      const sessionId = sessionUrl.split('/').pop()!;
      {
        const { context, page } = await e2e.chrome.newPage();
        try {
          await login(page, e2e.server.url, 'hoidong');
          await page.goto(sessionUrl);
          await page.getByTestId('session-status').getByText('Đang bỏ phiếu').waitFor();
          for (const n of [1, 2]) {
            await page.getByTestId(`vote-yes-${n}`).click();
            await page.getByTestId(`voted-${n}`).waitFor();
          }
        } finally {
          await context.close();
        }
      }
      // The remaining ballots, the member's on every other row and the six other members' paper ballots
      // (~180 nominees × 7 members ≈ 1 260 identical clicks), go through the same API the session screen
      // calls: POST /api/councils/items/:id/vote and /paper-ballots.
      const member = await apiAs(e2e.server, 'hoidong');
      const opened = (await officer('GET', `/api/councils/sessions/${sessionId}`)) as SessionView;
      expect(opened.items).toHaveLength(nominated);
      expect(opened.members).toHaveLength(7);
      for (const [i, item] of opened.items.entries()) {
        if (i >= 2) await member('POST', `/api/councils/items/${item.id}/vote`, { choice: 'yes' });
        for (const m of opened.members.filter((x) => x.username !== 'hoidong'))
          await officer('POST', `/api/councils/items/${item.id}/paper-ballots`, {
            memberId: m.id,
            choice: 'yes',
          });
      }
      {
        const { context, page } = await e2e.chrome.newPage();
        try {
          await login(page, e2e.server.url, 'canbo');
          await page.goto(sessionUrl);
          await page.getByTestId('close-session').click();
          await page.locator('.ant-popconfirm .ant-btn-primary').click();
          await page.getByTestId('result-1').getByText('Đạt').waitFor({ timeout: 60_000 });
          await page.getByTestId(`result-${nominated}`).getByText('Đạt').waitFor();
          await page.getByTestId('minutes-download').waitFor();
        } finally {
          await context.close();
        }
      }
      const [approved] = await db.select().from(dossiers).where(eq(dossiers.id, dossierId));
      expect(approved!.status).toBe('approved');
      const [tally] = await rowsOf<{ passed: number }>(
        db,
        sql`select count(*)::int as passed from dossier_nominees
            where dossier_id = ${dossierId} and council_result = 'passed' and excluded_reason is null`,
      );
      expect(tally!.passed).toBe(nominated);

      // ── 4. The officer drafts the decision, the leader issues it, the Word file downloads.
      let decisionUrl = '';
      {
        const { context, page } = await e2e.chrome.newPage();
        try {
          await login(page, e2e.server.url, 'canbo');
          await page.getByRole('menu').getByText('Quyết định khen thưởng', { exact: true }).click();
          await page.getByRole('heading', { name: 'Quyết định khen thưởng' }).waitFor();
          await page.getByTestId('decision-create').click();
          await page
            .locator('.ant-modal .ant-table-row')
            .filter({ hasText: code })
            .locator('.ant-checkbox-input')
            .check();
          await page.getByTestId('decision-create-ok').click();
          await page.waitForURL(/\/decisions\/[0-9a-f-]{36}$/, { timeout: 60_000 });
          await page.getByTestId('decision-number').getByText('Dự thảo (chưa có số)').waitFor();
          decisionUrl = page.url();
        } finally {
          await context.close();
        }
      }
      const decisionId = decisionUrl.split('/').pop()!;
      let number = '';
      {
        const { context, page } = await e2e.chrome.newPage();
        try {
          await login(page, e2e.server.url, 'lanhdao');
          await page.goto(decisionUrl);
          await page.getByTestId('decision-number').getByText('Dự thảo (chưa có số)').waitFor();
          await page.getByTestId('decision-issue').click();
          await page.getByTestId('decision-issue-confirm').click();
          // Dated today: the successor body in force since the 2025 merger issues (…/QĐ-SNNMT).
          const heading = page.getByTestId('decision-number').getByText(/Quyết định số \d+\/QĐ-SNNMT/);
          await heading.waitFor({ timeout: 60_000 });
          number = /\d+\/QĐ-SNNMT/.exec((await heading.textContent()) ?? '')![0];
          await page.getByTestId('decision-total').waitFor();
          await expect
            .poll(async () => (await page.getByTestId('decision-words').textContent()) ?? '')
            .toMatch(/đồng$/);
          const [download] = await Promise.all([
            page.waitForEvent('download'),
            page.getByTestId('decision-word').click(),
          ]);
          expect(download.suggestedFilename()).toMatch(/\.docx$/);
          const bytes = fs.readFileSync(await download.path());
          expect(bytes.subarray(0, 2).toString()).toBe('PK');
          const xml = await zipEntryText(bytes, 'word/document.xml');
          expect(xml).toContain('QUYẾT ĐỊNH');
          expect(xml).toContain(number.split('/')[0]!);
          expect(xml).toContain('QĐ-SNNMT');
        } finally {
          await context.close();
        }
      }

      // ── 5. The award history: one award per passed nominee, written by the decision.
      const recipients = await rowsOf<{ n: number }>(
        db,
        sql`select count(*)::int as n from decision_recipients where decision_id = ${decisionId}`,
      );
      expect(recipients[0]!.n).toBe(nominated);
      const written = await rowsOf<{ award_code: string; recipient_kind: string; n: number }>(
        db,
        sql`select award_code, recipient_kind, count(*)::int as n from awards
            where decision_id = ${decisionId} and source = 'decision' and year = 2020 and track = 'regular'
            group by award_code, recipient_kind order by award_code, recipient_kind`,
      );
      const byCode = (c: string) => written.filter((w) => w.award_code === c).reduce((s, w) => s + w.n, 0);
      // LĐTT: exactly the article's 73. For the others the engine finds more eligible than the demo awarded
      // (on this seed: CSTĐCS 15 against 11, Tập thể LĐTT 9 units against 7, Giấy khen 74 people and 9 units
      // against 60 and 5 — the demo's numbers are the article's choices, not everyone who qualified). The
      // walk nominated the engine's list, every nominee passed, so the decision awards exactly that list.
      expect(byCode('LDTT')).toBe(WITHHELD.LDTT);
      for (const a of AWARDS) expect(byCode(a.code)).toBe(offered[a.code]);
      const [dossierAfter] = await db.select().from(dossiers).where(eq(dossiers.id, dossierId));
      expect(dossierAfter!.status).toBe('decided');

      // ── 6. The dossier and the people's profiles show it.
      const people = await rowsOf<{ person_id: string; award_code: string }>(
        db,
        sql`select person_id, award_code from awards where decision_id = ${decisionId}
            and person_id is not null order by award_code, person_id`,
      );
      const sample = [
        people.find((p) => p.award_code === 'LDTT')!,
        people.find((p) => p.award_code === 'CSTDCS')!,
        people.find((p) => p.award_code === 'GIAY_KHEN')!,
      ];
      {
        const { context, page } = await e2e.chrome.newPage();
        try {
          await login(page, e2e.server.url, 'canbo');
          await page.goto(dossierUrl);
          await page.getByTestId('dossier-status').getByText('Đã có quyết định', { exact: true }).waitFor();
          for (const p of sample) {
            await page.goto(`${e2e.server.url}/people/${p.person_id}`);
            await page.getByRole('tab', { name: /Khen thưởng/ }).click();
            await page.getByTestId('award-decision-link').filter({ hasText: number }).first().waitFor();
          }
          await page.getByTestId('award-decision-link').filter({ hasText: number }).first().click();
          await page.getByTestId('decision-number').getByText(`Quyết định số ${number}`).waitFor();
        } finally {
          await context.close();
        }
      }
    },
    E2E_TIMEOUT,
  );
});
