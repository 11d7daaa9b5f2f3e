/**
 * Disclosure and council in Chromium (issue 6, items 4–5): a dossier's list is published; a visitor comments
 * on the public page without an account or JavaScript; the officer marks the comment handled on the
 * disclosure page; after the period the dossier goes on a session of the Sở's 2020 council; the member
 * `hoidong` votes from the session screen; the other ballots come in on paper; after the close the tally
 * shows the counts, the share of all members and the result.
 */
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { hasChromium, inBrowser, serverAndBrowser, login, type E2EServer } from './support';
import { disclosures, dossiers } from '../../src/server/platform/db/schema';
import { insertDossierUnderReview } from '../../src/server/testing/awarding-fixtures';
import type { Council, SessionView } from '../../src/shared/council/council.schema';

const E2E_TIMEOUT = 240_000;

async function session(server: E2EServer, username: string) {
  const res = await server.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username, password: 'VinhDanh2020' },
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

describe.skipIf(!hasChromium)(inBrowser('disclosure and council in the browser'), () => {
  const e2e = serverAndBrowser({}, E2E_TIMEOUT);

  it(
    'a public comment is handled, the member votes in an open session and the tally shows',
    async () => {
      const officer = await session(e2e.server, 'canbo');
      const { dossier } = await insertDossierUnderReview(e2e.server.database.db, {
        code: 'HS-2020-E2E1',
        year: 2020,
        title: 'Đề nghị công nhận Tập thể lao động xuất sắc năm 2020',
        nominees: [{ unitCode: 'BL-TTNS', awardCode: 'TTLDXS' }],
      });

      // ── The officer publishes the list from the disclosure page.
      const { context, page } = await e2e.chrome.newPage();
      try {
        await login(page, e2e.server.url, 'canbo');
        await page.goto(`${e2e.server.url}/disclosures`);
        await page.getByTestId('disclose-HS-2020-E2E1').click();
        await page.getByText('Đã công khai danh sách HS-2020-E2E1').waitFor();
      } finally {
        await context.close();
      }
      const [d] = await e2e.server.database.db
        .select()
        .from(disclosures)
        .where(eq(disclosures.dossierId, dossier.id));
      expect(d).toBeDefined();

      // ── A visitor comments on the public page, no account, JavaScript off.
      {
        const context = await e2e.chrome.browser.newContext({ javaScriptEnabled: false, locale: 'vi-VN' });
        const visitor = await context.newPage();
        try {
          await visitor.goto(`${e2e.server.url}/cong-khai`);
          await visitor
            .getByRole('link', { name: 'Đề nghị công nhận Tập thể lao động xuất sắc năm 2020' })
            .click();
          await visitor.getByText('Trung tâm Nước sạch').first().waitFor();
          await visitor.getByLabel('Họ và tên').fill('Nguyễn Văn Dân');
          await visitor.getByLabel('Địa chỉ liên hệ (điện thoại hoặc email)').fill('0912 000 111');
          await visitor.getByLabel('Nội dung góp ý').fill('Đơn vị có thành tích tốt, đề nghị công nhận.');
          await visitor.waitForTimeout(3_200); // the form's minimum fill time
          await visitor.getByRole('button', { name: 'Gửi ý kiến' }).click();
          await visitor.getByText('Ý kiến đã được gửi').waitFor();
        } finally {
          await context.close();
        }
      }

      // ── The officer marks the comment handled.
      {
        const { context, page } = await e2e.chrome.newPage();
        try {
          await login(page, e2e.server.url, 'canbo');
          await page.goto(`${e2e.server.url}/disclosures`);
          await page.getByTestId('comments-HS-2020-E2E1').click();
          await page.getByTestId('comment').getByText('Nguyễn Văn Dân').waitFor();
          await page.getByLabel('Nội dung xử lý').fill('Ý kiến đồng tình, không cần xác minh thêm.');
          await page.getByTestId('handle-comment').click();
          await page.getByText(/Đã xử lý bởi Lê Thị Ngọc Hân/).waitFor();
        } finally {
          await context.close();
        }
      }

      // ── The period ends (set-up: the dates move into the past), the session is prepared and opened.
      await e2e.server.database.db
        .update(disclosures)
        .set({ opensOn: '2020-12-01', closesOn: '2020-12-04' })
        .where(eq(disclosures.id, d!.id));
      const councils = await officer<{ id: string; year: number }[]>('GET', '/api/councils?year=2020');
      const council = await officer<Council>('GET', `/api/councils/${councils[0]!.id}`);
      const created = await officer<SessionView>('POST', `/api/councils/${council.id}/sessions`, {
        title: 'Phiên họp xét danh hiệu thi đua năm 2020',
        heldOn: '2021-01-15',
        place: 'Phòng họp Sở',
      });
      const sessionId = created.session.id;
      await officer('POST', `/api/councils/sessions/${sessionId}/agenda`, { dossierId: dossier.id });
      await officer('PUT', `/api/councils/sessions/${sessionId}/attendance`, {
        entries: council.members.map((m) => ({ memberId: m.id, presence: 'present' })),
      });
      const planned = await officer<SessionView>('GET', `/api/councils/sessions/${sessionId}`);
      await officer('POST', `/api/councils/sessions/${sessionId}/open`, {
        version: planned.session.version,
      });

      // ── The member votes from the session screen.
      {
        const { context, page } = await e2e.chrome.newPage();
        try {
          await login(page, e2e.server.url, 'hoidong');
          await page.goto(`${e2e.server.url}/council/sessions/${sessionId}`);
          await page.getByTestId('session-status').getByText('Đang bỏ phiếu').waitFor();
          await page.getByTestId('vote-yes-1').click();
          await page.getByTestId('voted-1').waitFor();
          expect(await page.getByTestId('vote-no-1').count()).toBe(0);
        } finally {
          await context.close();
        }
      }

      // ── The secretary enters the six other ballots on paper and closes the session.
      const open = await officer<SessionView>('GET', `/api/councils/sessions/${sessionId}`);
      const item = open.items[0]!;
      expect(item.ballots).toBe(1);
      for (const m of open.members.filter((x) => x.username !== 'hoidong')) {
        await officer('POST', `/api/councils/items/${item.id}/paper-ballots`, {
          memberId: m.id,
          choice: 'yes',
        });
      }
      await officer('POST', `/api/councils/sessions/${sessionId}/close`, { version: open.session.version });

      // ── The tally shows, for the member too.
      {
        const { context, page } = await e2e.chrome.newPage();
        try {
          await login(page, e2e.server.url, 'hoidong');
          await page.goto(`${e2e.server.url}/council/sessions/${sessionId}`);
          await page.getByTestId('result-1').getByText('Đạt').waitFor();
          await page.getByRole('cell', { name: '100%' }).waitFor();
          await page.getByTestId('minutes-download').waitFor();
        } finally {
          await context.close();
        }
      }
      const [after] = await e2e.server.database.db.select().from(dossiers).where(eq(dossiers.id, dossier.id));
      expect(after!.status).toBe('approved');
    },
    E2E_TIMEOUT,
  );
});
