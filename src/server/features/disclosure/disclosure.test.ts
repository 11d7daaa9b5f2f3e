/**
 * Public disclosure on a real database: the officer publishes a list for at least the minimum working
 * days; the public reads it and comments without an account through the no-JavaScript page and the JSON
 * API; spam (honeypot, a form sent too fast, too many links, too many comments from one sender) is
 * refused; hostile HTML is printed escaped; comments after the close are refused; unhandled comments keep
 * the dossier from the council until the officer marks them handled (audited).
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { and, desc, eq, inArray } from 'drizzle-orm';
import { createTestApp, engine, type Session, type TestApp } from '../../testing/harness';
import { auditLog, disclosureComments, dossiers, units } from '../../platform/db/schema';
import { insertDossierUnderReview } from '../../testing/awarding-fixtures';
import type { Disclosure } from '../../../shared/disclosure/disclosure.schema';

let t: TestApp;
let officer: Session;

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());
beforeEach(async () => {
  await t.seed({ registry: false });
  officer = await t.login('canbo');
});

const HOSTILE = '<script>alert("x")</script><img src=x onerror=alert(1)>';

async function publish(dossierId: string, workingDays = 3) {
  const res = await officer.request('POST', '/api/disclosures', { dossierId, workingDays });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as Disclosure;
}

/** The comment form's token, read from the public page as a browser would. */
async function pageToken(id: string): Promise<string> {
  const page = await t.sut.inject({ method: 'GET', url: `/cong-khai/${id}` });
  expect(page.statusCode).toBe(200);
  return /name="token" value="([^"]+)"/.exec(page.body)![1]!;
}

const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();

function postForm(id: string, fields: Record<string, string>, ip = '203.0.113.7') {
  return t.sut.inject({
    method: 'POST',
    url: `/cong-khai/${id}/gop-y`,
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    payload: form(fields),
    remoteAddress: ip,
  });
}

async function postJson(id: string, body: Record<string, unknown>, ip = '203.0.113.7') {
  return t.sut.inject({
    method: 'POST',
    url: `/api/public/disclosures/${id}/comments`,
    payload: body,
    remoteAddress: ip,
  });
}

const comment = (token: string, extra: Record<string, string> = {}) => ({
  name: 'Nguyễn Văn Dân',
  contact: '0912 345 678',
  body: 'Đề nghị xem xét lại thành tích của đơn vị.',
  token,
  website: '',
  ...extra,
});

const statusOf = async (id: string) =>
  (await t.database.db.select().from(dossiers).where(eq(dossiers.id, id)))[0]!.status;

describe(`disclosure (${engine})`, () => {
  it('refuses a period shorter than the minimum (10 working days for a Huân chương) and changes nothing', async () => {
    const { dossier } = await insertDossierUnderReview(t.database.db, {
      nominees: [{ personName: 'Trần Thị Hoa', awardCode: 'HCLD_3' }],
    });
    const res = await officer.request('POST', '/api/disclosures', { dossierId: dossier.id, workingDays: 5 });
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('DISCLOSURE.TOO_SHORT');
    expect(res.json().fields.workingDays).toMatch(/Tối thiểu 10 ngày làm việc/);
    expect(await statusOf(dossier.id)).toBe('under_review');
  });

  it('publishes for N working days from today (Vietnam time), moves the dossier and audits both', async () => {
    const { dossier } = await insertDossierUnderReview(t.database.db, {
      nominees: [{ personName: 'Trần Thị Hoa', awardCode: 'LDTT' }],
    });
    const candidates = (await officer.request('GET', '/api/disclosures/candidates')).json();
    expect(candidates).toEqual([expect.objectContaining({ dossierId: dossier.id, minWorkingDays: 3 })]);
    const d = await publish(dossier.id, 3);
    // Monday 02/03/2026 + 3 working days = Thursday 05/03/2026.
    expect(d).toMatchObject({ opensOn: '2026-03-02', closesOn: '2026-03-05', open: true, nominees: 1 });
    expect(await statusOf(dossier.id)).toBe('disclosed');
    const actions = (await t.database.db.select().from(auditLog).orderBy(desc(auditLog.seq)).limit(2)).map(
      (a) => a.action,
    );
    expect(actions).toEqual(['disclosure.publish', 'dossier.disclose']);
    // Only a dossier under review can be published.
    const again = await officer.request('POST', '/api/disclosures', {
      dossierId: dossier.id,
      workingDays: 3,
    });
    expect(again.json().code).toBe('DOSSIER.WRONG_STATUS');
  });

  it('working days skip weekends and configured holidays', async () => {
    await t.database.db.execute(
      // A made-up holiday on Tuesday 03/03/2026 (test data).
      (await import('drizzle-orm'))
        .sql`insert into holidays (day, name) values ('2026-03-03', 'Ngày nghỉ thử')`,
    );
    const { dossier } = await insertDossierUnderReview(t.database.db, {
      nominees: [{ unitCode: 'BL-TTNS', awardCode: 'TTLDTT' }],
    });
    const d = await publish(dossier.id, 5);
    // 04, 05, 06 (Wed–Fri), 09, 10 (Mon–Tue): closes Tuesday 10/03/2026.
    expect(d.closesOn).toBe('2026-03-10');
  });

  it('the public pages need no login, list open disclosures and print hostile text escaped', async () => {
    const { dossier } = await insertDossierUnderReview(t.database.db, {
      title: `Đề nghị ${HOSTILE}`,
      nominees: [{ personName: 'Lê Văn Bình', awardCode: 'CSTDCS', year: 2024 }],
    });
    const d = await publish(dossier.id);
    const list = await t.sut.inject({ method: 'GET', url: '/cong-khai' });
    expect(list.statusCode).toBe(200);
    expect(list.headers['content-type']).toMatch(/text\/html/);
    expect(list.body).toContain('<html lang="vi">');
    expect(list.body).toContain('<title>Danh sách đang công khai lấy ý kiến — VinhDanh</title>');
    expect(list.body).toContain(`/cong-khai/${d.id}`);
    expect(list.body).not.toContain('<script>');
    expect(list.body).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');

    const page = await t.sut.inject({ method: 'GET', url: `/cong-khai/${d.id}` });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Lê Văn Bình');
    expect(page.body).toContain('Chiến sĩ thi đua cơ sở');
    expect(page.body).toContain('02/03/2026');
    expect(page.body).toMatch(/<meta name="description" content="[^"<]+">/);
    expect(page.body).not.toMatch(/<script|<img src=x/i);
    expect(page.body).toContain('<form method="post" action="/cong-khai/');
    // The plain form passes the app's CSP: it posts to the same origin, and no script is needed.
    expect(page.headers['content-security-policy']).toContain("form-action 'self'");

    const api = await t.sut.inject({ method: 'GET', url: `/api/public/disclosures/${d.id}` });
    expect(api.statusCode).toBe(200);
    expect(api.json().nominees[0].name).toBe('Lê Văn Bình');
    expect((await t.sut.inject({ method: 'GET', url: '/cong-khai/khong-co' })).statusCode).toBe(404);
  });

  it('a comment through the HTML form is stored with an HMAC of the sender, audited without personal data', async () => {
    const { dossier, nominees } = await insertDossierUnderReview(t.database.db, {
      nominees: [{ personName: 'Lê Văn Bình', awardCode: 'LDTT' }],
    });
    const d = await publish(dossier.id);
    const token = await pageToken(d.id);
    t.time.advance(5_000);
    const res = await postForm(d.id, comment(token, { nomineeId: nominees[0]!.id, name: HOSTILE }));
    expect(res.statusCode, res.body).toBe(303);
    expect(res.headers.location).toBe(`/cong-khai/${d.id}?da-gui=1`);
    const rows = await t.database.db.select().from(disclosureComments);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ dossierId: dossier.id, nomineeId: nominees[0]!.id, authorName: HOSTILE });
    expect(rows[0]!.senderHash).not.toContain('203.0.113.7');
    expect(rows[0]!.senderHash).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const [audit] = await t.database.db.select().from(auditLog).orderBy(desc(auditLog.seq)).limit(1);
    expect(audit!.action).toBe('disclosure.comment');
    expect(JSON.stringify(audit)).not.toContain('Nguyễn Văn Dân');
    expect(JSON.stringify(audit)).not.toContain('0912');
    // The officer reads it (the hostile name is data; the web app renders it as text).
    const list = (await officer.request('GET', `/api/disclosures/dossiers/${dossier.id}/comments`)).json();
    expect(list).toEqual([
      expect.objectContaining({ authorName: HOSTILE, nomineeName: 'Lê Văn Bình', handledAt: null }),
    ]);
    const thanks = await t.sut.inject({ method: 'GET', url: res.headers.location as string });
    expect(thanks.body).toContain('Ý kiến đã được gửi');
  });

  it('refuses spam: honeypot filled, form sent too fast, forged token, too many links — nothing stored', async () => {
    const { dossier } = await insertDossierUnderReview(t.database.db, {
      nominees: [{ personName: 'Lê Văn Bình', awardCode: 'LDTT' }],
    });
    const d = await publish(dossier.id);
    const token = await pageToken(d.id);
    const tooFast = await postJson(d.id, comment(token));
    expect(tooFast.statusCode).toBe(400);
    expect(tooFast.json().code).toBe('DISCLOSURE.REFUSED');
    t.time.advance(5_000);
    const honeypot = await postForm(d.id, comment(token, { website: 'http://spam.example' }));
    expect(honeypot.statusCode).toBe(400);
    expect(honeypot.body).toContain('Góp ý không được chấp nhận');
    const forged = await postJson(d.id, comment(`${Date.now() - 60_000}.${'A'.repeat(43)}`));
    expect(forged.json().code).toBe('DISCLOSURE.REFUSED');
    const otherDisclosure = await postJson('00000000-0000-4000-8000-000000000000', comment(token));
    expect(otherDisclosure.json().code).toBe('DISCLOSURE.REFUSED');
    const links = await postJson(
      d.id,
      comment(token, { body: 'Xem http://a.example http://b.example www.c.example ngay' }),
    );
    expect(links.statusCode).toBe(400);
    expect(links.json().fields.body).toMatch(/tối đa 2 liên kết/);
    expect(await t.database.db.select().from(disclosureComments)).toHaveLength(0);
  });

  it('a refused form is shown again with the visitor’s text escaped and field messages', async () => {
    const { dossier } = await insertDossierUnderReview(t.database.db, {
      nominees: [{ personName: 'Lê Văn Bình', awardCode: 'LDTT' }],
    });
    const d = await publish(dossier.id);
    const token = await pageToken(d.id);
    t.time.advance(5_000);
    const res = await postForm(d.id, {
      token,
      name: `"><script>alert(1)</script>`,
      contact: '',
      body: HOSTILE,
    });
    expect(res.statusCode).toBe(400);
    expect(res.body).not.toMatch(/<script>|<img src=x/);
    expect(res.body).toContain('value="&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"');
    expect(res.body).toContain('Địa chỉ liên hệ (điện thoại hoặc email) không được để trống');
  });

  it('rate limits one sender: 3 per 10 minutes, 20 per day; another sender is not affected', async () => {
    const { dossier } = await insertDossierUnderReview(t.database.db, {
      nominees: [{ personName: 'Lê Văn Bình', awardCode: 'LDTT' }],
    });
    const d = await publish(dossier.id, 10);
    const send = async (ip = '198.51.100.9') => {
      const token = await pageToken(d.id);
      t.time.advance(4_000);
      return postJson(d.id, comment(token), ip);
    };
    for (let i = 0; i < 3; i++) expect((await send()).statusCode).toBe(201);
    const fourth = await send();
    expect(fourth.statusCode).toBe(429);
    expect(fourth.json().code).toBe('RATE_LIMITED');
    expect((await send('198.51.100.10')).statusCode).toBe(201);
    // Later the same day: 3 more every 10 minutes until 20 in 24 hours.
    let sent = 3;
    while (sent < 20) {
      t.time.advance(11 * 60_000);
      for (let i = 0; i < 3 && sent < 20; i++, sent++) expect((await send()).statusCode).toBe(201);
    }
    t.time.advance(11 * 60_000);
    expect((await send()).statusCode).toBe(429);
    t.time.advance(24 * 3_600_000);
    expect((await send()).statusCode).toBe(201);
  });

  it('refuses comments after the period closes (JSON and form) and the public list drops it', async () => {
    const { dossier } = await insertDossierUnderReview(t.database.db, {
      nominees: [{ personName: 'Lê Văn Bình', awardCode: 'LDTT' }],
    });
    const d = await publish(dossier.id, 3);
    const token = await pageToken(d.id);
    // Friday 06/03/2026, the day after closesOn (Thursday 05/03).
    t.time.set(new Date('2026-03-06T09:00:00+07:00'));
    const late = await postJson(d.id, comment(token));
    expect(late.statusCode).toBe(409);
    expect(late.json().code).toBe('DISCLOSURE.NOT_OPEN');
    const lateForm = await postForm(d.id, comment(token));
    expect(lateForm.statusCode).toBe(409);
    const page = await t.sut.inject({ method: 'GET', url: `/cong-khai/${d.id}` });
    expect(page.body).toContain('Đã hết thời hạn lấy ý kiến');
    expect(page.body).not.toContain('<form');
    expect((await t.sut.inject({ method: 'GET', url: '/cong-khai' })).body).not.toContain(d.id);
    expect(await t.database.db.select().from(disclosureComments)).toHaveLength(0);
  });

  it('unhandled comments keep the dossier from the council until each is marked handled (audited)', async () => {
    const { dossier } = await insertDossierUnderReview(t.database.db, {
      nominees: [{ personName: 'Lê Văn Bình', awardCode: 'LDTT' }],
    });
    const d = await publish(dossier.id, 3);
    for (const ip of ['192.0.2.1', '192.0.2.2']) {
      const token = await pageToken(d.id);
      t.time.advance(5_000);
      expect((await postJson(d.id, comment(token), ip)).statusCode).toBe(201);
    }
    const [snn] = await t.database.db.select().from(units).where(eq(units.code, 'BL-SNN'));
    const council = await officer.request('POST', '/api/councils', {
      authorityUnitId: snn!.id,
      year: 2020,
      name: 'Hội đồng Thi đua – Khen thưởng Sở',
    });
    expect(council.statusCode, council.body).toBe(201);
    const session = await officer.request('POST', `/api/councils/${council.json().id}/sessions`, {
      title: 'Phiên họp xét khen thưởng năm 2020',
      heldOn: '2026-03-10',
      place: 'Phòng họp Sở',
    });
    const sessionId = session.json().session.id as string;
    const add = () =>
      officer.request('POST', `/api/councils/sessions/${sessionId}/agenda`, { dossierId: dossier.id });
    // While the period runs.
    expect((await add()).json().code).toBe('DOSSIER.DISCLOSURE_OPEN');
    t.time.set(new Date('2026-03-06T09:00:00+07:00'));
    officer = await t.login('canbo');
    const blocked = await add();
    expect(blocked.statusCode).toBe(409);
    expect(blocked.json().code).toBe('DOSSIER.COMMENTS_UNHANDLED');
    expect(await statusOf(dossier.id)).toBe('disclosed');

    const comments = (
      await officer.request('GET', `/api/disclosures/dossiers/${dossier.id}/comments`)
    ).json() as {
      id: string;
    }[];
    expect(comments).toHaveLength(2);
    // The council member may read, not handle.
    const member = await t.login('hoidong');
    expect(
      (await member.request('POST', `/api/disclosures/comments/${comments[0]!.id}/handle`, { note: 'x' }))
        .statusCode,
    ).toBe(403);
    const empty = await officer.request('POST', `/api/disclosures/comments/${comments[0]!.id}/handle`, {
      note: ' ',
    });
    expect(empty.statusCode).toBe(400);
    for (const c of comments) {
      const res = await officer.request('POST', `/api/disclosures/comments/${c.id}/handle`, {
        note: 'Đã xác minh, ý kiến không ảnh hưởng đến kết quả xét.',
      });
      expect(res.statusCode, res.body).toBe(200);
    }
    const audits = await t.database.db
      .select()
      .from(auditLog)
      .where(
        and(
          eq(auditLog.action, 'disclosure.comment.handle'),
          inArray(
            auditLog.entityId,
            comments.map((c) => c.id),
          ),
        ),
      );
    expect(audits).toHaveLength(2);
    const handled = (await officer.request('GET', `/api/disclosures/dossiers/${dossier.id}/comments`)).json();
    expect(handled[0]).toMatchObject({
      handledByName: 'Lê Thị Ngọc Hân',
      handlingNote: expect.stringContaining('Đã xác minh'),
    });
    const ok = await add();
    expect(ok.statusCode, ok.body).toBe(200);
    expect(await statusOf(dossier.id)).toBe('in_council');
    expect(ok.json().items).toHaveLength(1);
    const closed = (await officer.request('GET', '/api/disclosures?status=closed')).json() as Disclosure[];
    expect(closed.map((x) => x.id)).toContain(d.id);
  });
});
