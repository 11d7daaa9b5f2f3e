/**
 * Councils and secret ballots on a real database. Seven members; a session where six attend; thresholds
 * are shares of the TOTAL membership (CSTĐCS 80 % → 6 of 7 even with 6 present; CSTĐ cấp tỉnh 90 % → 7);
 * quorum; voting twice, after the close, by a non-member or an absent member is refused; no API answer
 * or audit row carries a member's choice, and the vote table has no member column; closing tallies and
 * approves; the tally minutes come out as Word.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asc, desc, eq, sql } from 'drizzle-orm';
import yauzl from 'yauzl';
import { createTestApp, engine, type Session, type TestApp } from '../../testing/harness';
import {
  auditLog,
  ballotReceipts,
  ballotVotes,
  dossierNominees,
  dossiers,
  units,
  users,
} from '../../platform/db/schema';
import type { Council, SessionView } from '../../../shared/council/council.schema';
import { insertDossierUnderReview } from '../../testing/awarding-fixtures';

let t: TestApp;
let officer: Session;
let member: Session; // hoidong: council_member, linked to one seat
let outsider: Session; // a council_member account not on this council
let council: Council;
let sessionId: string;
let dossierId: string;
let failingDossierId: string;

const MEMBERS = [
  { fullName: 'Nguyễn Văn An', position: 'Giám đốc Sở', councilRole: 'chair' },
  { fullName: 'Trần Thị Bích', position: 'Phó Giám đốc Sở', councilRole: 'vice_chair' },
  { fullName: 'Huỳnh Minh Tâm', position: 'Chánh Văn phòng Sở', councilRole: 'member' },
  { fullName: 'Lê Quốc Cường', position: 'Trưởng phòng Tổ chức cán bộ', councilRole: 'member' },
  { fullName: 'Phạm Thị Dung', position: 'Chủ tịch Công đoàn Sở', councilRole: 'member' },
  { fullName: 'Võ Thanh Em', position: 'Bí thư Đoàn Thanh niên Sở', councilRole: 'member' },
  { fullName: 'Đỗ Thị Giang', position: 'Chuyên viên Văn phòng Sở', councilRole: 'secretary' },
] as const;

async function zipText(buffer: Buffer, name: string): Promise<string> {
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
const textOf = (xml: string) =>
  [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');

async function councilMemberAccount(username: string): Promise<Session> {
  const admin = await t.login('admin');
  const [snn] = await t.database.db.select().from(units).where(eq(units.code, 'BL-SNN'));
  const res = await admin.request('POST', '/api/users', {
    username,
    displayName: `Thành viên ${username}`,
    role: 'council_member',
    unitId: snn!.id,
    password: 'TamThoi2026abc',
  });
  expect(res.statusCode, res.body).toBe(201);
  const first = await t.login(username, 'TamThoi2026abc');
  await first.request('POST', '/api/auth/change-password', {
    currentPassword: 'TamThoi2026abc',
    newPassword: 'HoiDong2026abc',
    confirmPassword: 'HoiDong2026abc',
  });
  return t.login(username, 'HoiDong2026abc');
}

const view = async (s: Session = officer) => {
  const res = await s.request('GET', `/api/councils/sessions/${sessionId}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as SessionView;
};
const itemFor = (v: SessionView, awardCode: string, dossier = dossierId) =>
  v.items.find((i) => i.awardCode === awardCode && i.dossierId === dossier)!;
const memberId = (name: string) => council.members.find((m) => m.fullName === name)!.id;
const paper = (itemId: string, name: string, choice: string) =>
  officer.request('POST', `/api/councils/items/${itemId}/paper-ballots`, {
    memberId: memberId(name),
    choice,
  });

/** Publishes a dossier's list through the API and lets the period end (the clock moves a week on). */
async function disclosedDossier(nominees: Parameters<typeof insertDossierUnderReview>[1]['nominees']) {
  const { dossier } = await insertDossierUnderReview(t.database.db, { year: 2024, nominees });
  const res = await officer.request('POST', '/api/disclosures', { dossierId: dossier.id, workingDays: 3 });
  expect(res.statusCode, res.body).toBe(201);
  return dossier.id;
}

beforeAll(async () => {
  t = await createTestApp();
  await t.seed({ registry: false });
  officer = await t.login('canbo');
  member = await t.login('hoidong');
  outsider = await councilMemberAccount('hoidong.khac');
  dossierId = await disclosedDossier([
    { personName: 'Trần Thị Hoa', awardCode: 'CSTDCS' },
    { personName: 'Lý Văn Khoa', awardCode: 'CSTD_TINH' },
    { personName: 'Mai Thị Lan', awardCode: 'LDTT' },
  ]);
  failingDossierId = await disclosedDossier([{ personName: 'Cao Văn Minh', awardCode: 'CSTDCS' }]);
  t.time.set(new Date('2026-03-10T08:00:00+07:00'));
  officer = await t.login('canbo');
  member = await t.login('hoidong');
  outsider = await t.login('hoidong.khac', 'HoiDong2026abc');
});
afterAll(async () => t?.close());

describe(`council and secret ballots (${engine})`, () => {
  it('creates the council of the Sở for 2024 with seven members, one linked to the hoidong login', async () => {
    const [snn] = await t.database.db.select().from(units).where(eq(units.code, 'BL-SNN'));
    const created = await officer.request('POST', '/api/councils', {
      authorityUnitId: snn!.id,
      year: 2024,
      name: 'Hội đồng Thi đua – Khen thưởng Sở Nông nghiệp và PTNT',
    });
    expect(created.statusCode, created.body).toBe(201);
    council = created.json() as Council;
    expect(council.ballotMode).toBe('secret');
    const dup = await officer.request('POST', '/api/councils', {
      authorityUnitId: snn!.id,
      year: 2024,
      name: 'Trùng',
    });
    expect(dup.json().code).toBe('COUNCIL.EXISTS');
    const [hoidong] = await t.database.db.select().from(users).where(eq(users.username, 'hoidong'));
    for (const m of MEMBERS) {
      const res = await officer.request('POST', `/api/councils/${council.id}/members`, {
        ...m,
        userId: m.fullName === 'Huỳnh Minh Tâm' ? hoidong!.id : null,
      });
      expect(res.statusCode, res.body).toBe(201);
      council = res.json() as Council;
    }
    expect(council.members).toHaveLength(7);
    expect(council.members[0]!.councilRole).toBe('chair');
    const twice = await officer.request('POST', `/api/councils/${council.id}/members`, {
      fullName: 'Người khác',
      councilRole: 'member',
      userId: hoidong!.id,
    });
    expect(twice.json().code).toBe('COUNCIL.MEMBER_USER_TAKEN');
    // Only the secretary's role manages; a member reads.
    expect((await member.request('POST', `/api/councils/${council.id}/members`, MEMBERS[0])).statusCode).toBe(
      403,
    );
    expect((await member.request('GET', `/api/councils/${council.id}`)).json().isMember).toBe(true);
  });

  it('plans a session and puts the disclosed dossiers on its agenda (they move to in_council)', async () => {
    const res = await officer.request('POST', `/api/councils/${council.id}/sessions`, {
      title: 'Phiên họp xét danh hiệu thi đua năm 2024',
      heldOn: '2026-03-10',
      place: 'Phòng họp Sở',
    });
    expect(res.statusCode, res.body).toBe(201);
    sessionId = (res.json() as SessionView).session.id;
    const candidates = (await view()).candidates.map((c) => c.dossierId);
    expect(candidates).toEqual(expect.arrayContaining([dossierId, failingDossierId]));
    for (const id of [dossierId, failingDossierId]) {
      const add = await officer.request('POST', `/api/councils/sessions/${sessionId}/agenda`, {
        dossierId: id,
      });
      expect(add.statusCode, add.body).toBe(200);
    }
    const v = await view();
    expect(v.items).toHaveLength(4);
    expect(v.candidates).toEqual([]);
    // A nominee waiting on one session's agenda cannot go on another's: one vote per nominee.
    const other = await officer.request('POST', `/api/councils/${council.id}/sessions`, {
      title: 'Phiên họp khác',
      heldOn: '2026-03-11',
    });
    const twice = await officer.request('POST', `/api/councils/sessions/${other.json().session.id}/agenda`, {
      dossierId,
    });
    expect(twice.statusCode).toBe(400);
    expect(twice.json().code).toBe('COUNCIL.ITEM_INVALID');
    expect((other.json() as SessionView).candidates).toEqual([]);
    const statuses = await t.database.db.select({ s: dossiers.status }).from(dossiers);
    expect(statuses.map((s) => s.s)).toEqual(['in_council', 'in_council']);
  });

  it('quorum: 4 of 7 present cannot open; 6 present and 1 absent can, and membership is frozen at 7', async () => {
    const ids = council.members.map((m) => m.id);
    const attend = (presence: string[]) =>
      officer.request('PUT', `/api/councils/sessions/${sessionId}/attendance`, {
        entries: ids.map((memberId, i) => ({ memberId, presence: presence[i] })),
      });
    expect(
      (await attend(['present', 'present', 'present', 'present', 'absent', 'absent', 'absent'])).statusCode,
    ).toBe(200);
    const v1 = await view();
    expect(v1.quorum).toMatchObject({ ok: false, counted: 4, required: 5 });
    const refused = await officer.request('POST', `/api/councils/sessions/${sessionId}/open`, {
      version: v1.session.version,
    });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().code).toBe('COUNCIL.NO_QUORUM');
    // Voting before the session opens is refused.
    expect(
      (await member.request('POST', `/api/councils/items/${v1.items[0]!.id}/vote`, { choice: 'yes' })).json()
        .code,
    ).toBe('COUNCIL.SESSION_NOT_OPEN');
    // Võ Thanh Em (index 5) is absent without a written opinion.
    expect(
      (await attend(['present', 'present', 'present', 'present', 'present', 'absent', 'present'])).statusCode,
    ).toBe(200);
    const v2 = await view();
    const stale = await officer.request('POST', `/api/councils/sessions/${sessionId}/open`, {
      version: v1.session.version,
    });
    expect(stale.json().code).toBe('CONFLICT.VERSION');
    const opened = await officer.request('POST', `/api/councils/sessions/${sessionId}/open`, {
      version: v2.session.version,
    });
    expect(opened.statusCode, opened.body).toBe(200);
    const v = opened.json() as SessionView;
    expect(v.session).toMatchObject({ status: 'open', membersTotal: 7 });
    // Thresholds copied from the 2024 pack (NĐ 98/2023 art. 30(7)), as shares of the 7 members.
    expect(itemFor(v, 'CSTDCS')).toMatchObject({ thresholdShare: 0.8, required: 6, thresholdLabel: '80%' });
    expect(itemFor(v, 'CSTD_TINH')).toMatchObject({ thresholdShare: 0.9, required: 7 });
    expect(itemFor(v, 'LDTT')).toMatchObject({
      thresholdShare: null,
      required: 4,
      thresholdLabel: 'quá 1/2',
    });
    expect(itemFor(v, 'CSTDCS').thresholdCitation).toContain('Nghị định 98/2023/NĐ-CP');
    // Membership and attendance are fixed while the session is open.
    const add = await officer.request('POST', `/api/councils/${council.id}/members`, {
      fullName: 'Muộn',
      councilRole: 'member',
    });
    expect(add.json().code).toBe('COUNCIL.SESSION_NOT_PLANNED');
  });

  it('a member votes once per nominee from the app; the answer says only that the ballot is in', async () => {
    const v = await view(member);
    expect(v.me).toMatchObject({ presence: 'present', canVote: true });
    const item = itemFor(v, 'CSTDCS');
    const res = await member.request('POST', `/api/councils/items/${item.id}/vote`, { choice: 'yes' });
    expect(res.statusCode, res.body).toBe(201);
    expect(Object.keys(res.json()).sort()).toEqual(['itemId', 'memberId']);
    const twice = await member.request('POST', `/api/councils/items/${item.id}/vote`, { choice: 'no' });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().code).toBe('COUNCIL.ALREADY_VOTED');
    // The secretary cannot slip in a paper ballot for the same member either.
    expect((await paper(item.id, 'Huỳnh Minh Tâm', 'no')).json().code).toBe('COUNCIL.ALREADY_VOTED');
    const after = await view(member);
    expect(itemFor(after, 'CSTDCS')).toMatchObject({
      ballots: 1,
      iVoted: true,
      yes: null,
      no: null,
      result: null,
    });
    expect(after.members.find((m) => m.fullName === 'Huỳnh Minh Tâm')!.ballots).toBe(1);
    const votes = await t.database.db.select().from(ballotVotes);
    expect(votes).toHaveLength(1);
    expect((await t.database.db.select().from(ballotReceipts))[0]).toMatchObject({ via: 'app' });
  });

  it('refuses a non-member, a role without the vote permission, an absent member and bad choices', async () => {
    const item = itemFor(await view(), 'LDTT');
    const other = await outsider.request('POST', `/api/councils/items/${item.id}/vote`, { choice: 'yes' });
    expect(other.statusCode).toBe(403);
    expect(other.json().code).toBe('COUNCIL.NOT_MEMBER');
    const byOfficer = await officer.request('POST', `/api/councils/items/${item.id}/vote`, { choice: 'yes' });
    expect(byOfficer.json().code).toBe('AUTH.FORBIDDEN');
    const absent = await paper(item.id, 'Võ Thanh Em', 'yes');
    expect(absent.statusCode).toBe(409);
    expect(absent.json().code).toBe('COUNCIL.ABSENT');
    const stranger = await officer.request('POST', `/api/councils/items/${item.id}/paper-ballots`, {
      memberId: '00000000-0000-4000-8000-000000000001',
      choice: 'yes',
    });
    expect(stranger.json().code).toBe('COUNCIL.NOT_MEMBER');
    const bad = await member.request('POST', `/api/councils/items/${item.id}/vote`, { choice: 'maybe' });
    expect(bad.statusCode).toBe(400);
    expect(await t.database.db.select().from(ballotVotes)).toHaveLength(1);
  });

  it('two ballots of the same member sent at once: exactly one is counted', async () => {
    const item = itemFor(await view(), 'CSTDCS');
    const results = await Promise.all([
      paper(item.id, 'Nguyễn Văn An', 'yes'),
      paper(item.id, 'Nguyễn Văn An', 'yes'),
    ]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([201, 409]);
    const n = await t.database.rows<{ n: number }>(
      sql`select count(*)::int as n from ballot_votes where item_id = ${item.id}`,
    );
    expect(Number(n[0]!.n)).toBe(2);
  });

  it('the secretary enters the paper ballots; closing tallies against the total membership', async () => {
    const v = await view();
    const cstdcs = itemFor(v, 'CSTDCS').id; // 6 yes of 7 members → 85.7 % ≥ 80 %: passed
    const tinh = itemFor(v, 'CSTD_TINH').id; // 6 yes of 7 → 85.7 % < 90 %: failed
    const ldtt = itemFor(v, 'LDTT').id; // 3 yes, 2 no, 1 abstain → 3 < 4: failed
    const lone = itemFor(v, 'CSTDCS', failingDossierId).id; // 5 yes, 1 no → 5 < 6: failed (5/6 of those present)
    for (const name of ['Trần Thị Bích', 'Lê Quốc Cường', 'Phạm Thị Dung', 'Đỗ Thị Giang']) {
      expect((await paper(cstdcs, name, 'yes')).statusCode).toBe(201);
    }
    expect(
      (await member.request('POST', `/api/councils/items/${tinh}/vote`, { choice: 'yes' })).statusCode,
    ).toBe(201);
    for (const name of ['Nguyễn Văn An', 'Trần Thị Bích', 'Lê Quốc Cường', 'Phạm Thị Dung', 'Đỗ Thị Giang']) {
      expect((await paper(tinh, name, 'yes')).statusCode).toBe(201);
    }
    const ldttChoices = ['yes', 'yes', 'yes', 'no', 'no', 'abstain'];
    const present = [
      'Nguyễn Văn An',
      'Trần Thị Bích',
      'Huỳnh Minh Tâm',
      'Lê Quốc Cường',
      'Phạm Thị Dung',
      'Đỗ Thị Giang',
    ];
    for (const [i, name] of present.entries())
      expect((await paper(ldtt, name, ldttChoices[i]!)).statusCode).toBe(201);
    for (const [i, name] of present.entries())
      expect((await paper(lone, name, i < 5 ? 'yes' : 'no')).statusCode).toBe(201);

    const before = await view();
    const closed = await officer.request('POST', `/api/councils/sessions/${sessionId}/close`, {
      version: before.session.version,
    });
    expect(closed.statusCode, closed.body).toBe(200);
    const after = closed.json() as SessionView;
    expect(after.session.status).toBe('closed');
    expect(itemFor(after, 'CSTDCS')).toMatchObject({
      yes: 6,
      no: 0,
      abstain: 0,
      required: 6,
      result: 'passed',
    });
    expect(itemFor(after, 'CSTDCS').shareOfMembers).toBeCloseTo(6 / 7, 6);
    expect(itemFor(after, 'CSTD_TINH')).toMatchObject({ yes: 6, required: 7, result: 'failed' });
    expect(itemFor(after, 'LDTT')).toMatchObject({
      yes: 3,
      no: 2,
      abstain: 1,
      required: 4,
      result: 'failed',
    });
    expect(itemFor(after, 'CSTDCS', failingDossierId)).toMatchObject({ yes: 5, no: 1, result: 'failed' });

    const nominees = await t.database.db
      .select()
      .from(dossierNominees)
      .orderBy(asc(dossierNominees.awardCode));
    expect(
      Object.fromEntries(
        nominees.filter((n) => n.dossierId === dossierId).map((n) => [n.awardCode, n.councilResult]),
      ),
    ).toEqual({
      CSTDCS: 'passed',
      CSTD_TINH: 'failed',
      LDTT: 'failed',
    });
    const status = async (id: string) =>
      (await t.database.db.select().from(dossiers).where(eq(dossiers.id, id)))[0]!.status;
    // One passed: approved. None passed: left in council for the officer to reject with a reason.
    expect(await status(dossierId)).toBe('approved');
    expect(await status(failingDossierId)).toBe('in_council');
  });

  it('refuses ballots after the close, from the app and on paper', async () => {
    const item = itemFor(await view(), 'LDTT');
    const lateMember = await member.request('POST', `/api/councils/items/${item.id}/vote`, { choice: 'yes' });
    expect(lateMember.statusCode).toBe(409);
    expect(lateMember.json().code).toBe('COUNCIL.SESSION_NOT_OPEN');
    const latePaper = await paper(item.id, 'Võ Thanh Em', 'yes');
    expect(latePaper.json().code).toBe('COUNCIL.SESSION_NOT_OPEN');
    const receipts = await t.database.db.select().from(ballotReceipts);
    expect(await t.database.db.select().from(ballotVotes)).toHaveLength(receipts.length);
    expect(receipts).toHaveLength(6 + 6 + 6 + 6);
  });

  it('secrecy: no API answer carries a choice, the vote table has no member column, audit rows record receipts only', async () => {
    const bodies = [
      (await officer.request('GET', `/api/councils/sessions/${sessionId}`)).body,
      (await member.request('GET', `/api/councils/sessions/${sessionId}`)).body,
      (await officer.request('GET', `/api/councils/${council.id}`)).body,
      (await officer.request('GET', '/api/councils')).body,
    ];
    for (const body of bodies) expect(body).not.toMatch(/"choice"|"myChoice"|"vote"\s*:/);
    const columns = await t.database.rows<{ column_name: string }>(
      sql`select column_name from information_schema.columns where table_name = 'ballot_votes' order by column_name`,
    );
    expect(columns.map((c) => c.column_name)).toEqual(['choice', 'id', 'item_id']);
    const ballots = await t.database.db.select().from(auditLog).where(eq(auditLog.action, 'council.ballot'));
    const receipts = await t.database.db.select().from(ballotReceipts);
    expect(ballots).toHaveLength(receipts.length);
    for (const a of ballots) {
      expect(JSON.stringify(a.after)).not.toMatch(/yes|no"|abstain|choice/);
      expect(a.after).toEqual(
        expect.objectContaining({ memberId: expect.any(String), via: expect.any(String) }),
      );
    }
    expect(await t.database.db.select().from(ballotVotes)).toHaveLength(receipts.length);
  });

  it('the session’s other writes are audited, and the dossier moves are the workflow’s own rows', async () => {
    const actions = (
      await t.database.db.select({ a: auditLog.action }).from(auditLog).orderBy(desc(auditLog.seq))
    ).map((r) => r.a);
    for (const a of [
      'council.create',
      'council.member.add',
      'council.session.create',
      'council.agenda.add',
      'council.attendance',
      'council.session.open',
      'council.session.close',
      'dossier.open_council',
      'dossier.approve',
    ]) {
      expect(actions).toContain(a);
    }
  });

  it('the tally minutes are a Word file in the ND 30 format with the counts, share of total and threshold', async () => {
    const res = await member.request('GET', `/api/councils/sessions/${sessionId}/minutes.docx`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('wordprocessingml');
    const text = textOf(await zipText(res.rawPayload, 'word/document.xml'));
    expect(text).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(text).toContain('BIÊN BẢN');
    expect(text).toContain(
      'Tổng số thành viên Hội đồng: 7; có mặt: 6; vắng có ý kiến bằng văn bản: 0; vắng: 1.',
    );
    expect(text).toContain('Trần Thị Hoa');
    expect(text).toContain('85,71%');
    expect(text).toContain('80%');
    expect(text).toContain('Không đạt');
    expect(text).toContain('Số đạt: 1; không đạt: 3.');
    expect(text).toContain('Nguyễn Văn An');
  });

  it('a council may set its own quorum: 4/5 present, written opinions not counted', async () => {
    const [snn] = await t.database.db.select().from(units).where(eq(units.code, 'BL-SNN'));
    const res = await officer.request('POST', '/api/councils', {
      authorityUnitId: snn!.id,
      year: 2025,
      name: 'Hội đồng năm 2025',
      quorum: { numerator: 4, denominator: 5, countsWritten: false },
    });
    expect(res.statusCode, res.body).toBe(201);
    let c = res.json() as Council;
    expect(c.quorum).toEqual({ numerator: 4, denominator: 5, countsWritten: false });
    const bad = await officer.request('PATCH', `/api/councils/${c.id}`, {
      name: c.name,
      ballotMode: 'secret',
      quorum: { numerator: 6, denominator: 5, countsWritten: false },
      version: c.version,
    });
    expect(bad.statusCode).toBe(400);
    for (const name of ['A Một', 'B Hai', 'C Ba', 'D Bốn', 'E Năm']) {
      c = (
        await officer.request('POST', `/api/councils/${c.id}/members`, {
          fullName: name,
          councilRole: 'member',
        })
      ).json();
    }
    const s = (
      await officer.request('POST', `/api/councils/${c.id}/sessions`, {
        title: 'Phiên 2025',
        heldOn: '2026-03-12',
      })
    ).json() as SessionView;
    const attend = async (presence: string[]) =>
      (
        await officer.request('PUT', `/api/councils/sessions/${s.session.id}/attendance`, {
          entries: c.members.map((m, i) => ({ memberId: m.id, presence: presence[i] })),
        })
      ).json() as SessionView;
    const v1 = await attend(['present', 'present', 'present', 'absent_written', 'absent_written']);
    expect(v1.quorum).toMatchObject({ ok: false, counted: 3, required: 4 });
    const open1 = await officer.request('POST', `/api/councils/sessions/${s.session.id}/open`, {
      version: v1.session.version,
    });
    expect(open1.json().code).toBe('COUNCIL.NO_QUORUM');
    const v2 = await attend(['present', 'present', 'present', 'present', 'absent']);
    expect(v2.quorum).toMatchObject({ ok: true, counted: 4, required: 4 });
    // Past the quorum, the empty agenda is what stops it.
    const open2 = await officer.request('POST', `/api/councils/sessions/${s.session.id}/open`, {
      version: v2.session.version,
    });
    expect(open2.json().code).toBe('COUNCIL.ITEM_INVALID');
  });

  it('a member with ballots cannot be removed; one without can', async () => {
    const used = await officer.request('DELETE', `/api/councils/members/${memberId('Nguyễn Văn An')}`);
    expect(used.json().code).toBe('COUNCIL.MEMBER_IN_USE');
    const added = (
      await officer.request('POST', `/api/councils/${council.id}/members`, {
        fullName: 'Thành viên tạm',
        councilRole: 'member',
      })
    ).json() as Council;
    const temp = added.members.find((m) => m.fullName === 'Thành viên tạm')!;
    const removed = await officer.request('DELETE', `/api/councils/members/${temp.id}`);
    expect(removed.statusCode, removed.body).toBe(200);
    expect((removed.json() as Council).members).toHaveLength(7);
  });
});
