import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { eq, sql } from 'drizzle-orm';
import { createTestApp, engine, type Session, type TestApp } from '../../testing/harness';
import { awards, people, units } from '../../platform/db/schema';
import type {
  DossierDetail,
  DossierEvent,
  DossierSummary,
  ImportPreview,
  NomineeView,
} from '../../../shared/dossiers/dossiers.schema';
import type { NotificationList } from '../../../shared/dossiers/notifications.schema';
import type { SuggestionResponse } from '../../../shared/eligibility/eligibility.schema';
import { HEADERS } from './dossiers.excel';
import { runCli } from '../../../cli/cli';
import type { CliContext } from '../../../cli/context';

let sut: TestApp;
let canbo: Session;
let donvi: Session;
let khoitruong: Session;
let admin: Session;
const uploadDir = fs.mkdtempSync(path.join(os.tmpdir(), 'vd-dossier-files-'));
const mailDir = fs.mkdtempSync(path.join(os.tmpdir(), 'vd-dossier-mail-'));

const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
const EXE = Buffer.concat([Buffer.from('MZ\x90\x00\x03\x00\x00\x00'), Buffer.alloc(200, 1)]);
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64)]);

const unitId = async (code: string) =>
  (await sut.database.db.select().from(units).where(eq(units.code, code)))[0]!.id;
const peopleOf = async (unitCode: string) =>
  sut.database.rows<{ id: string; code: string }>(
    sql`select p.id, p.code from people p join units u on u.id = p.current_unit_id
        where u.code = ${unitCode} or u.parent_id = (select id from units where code = ${unitCode})
        order by p.code`,
  );
const auditRows = async (action: string, entityId: string) =>
  sut.database.rows<{ action: string; after: unknown }>(
    sql`select action, after from audit_log where action = ${action} and entity_id = ${entityId}`,
  );

async function create(s: Session, body: Record<string, unknown> = {}) {
  const res = await s.request('POST', '/api/dossiers', {
    year: 2020,
    title: 'Đề nghị tặng danh hiệu Lao động tiên tiến năm 2020',
    track: 'regular',
    ...body,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as DossierDetail;
}
const get = async (s: Session, id: string) =>
  (await s.request('GET', `/api/dossiers/${id}`)).json() as DossierDetail;
const act = (s: Session, d: { id: string; version: number }, action: string, extra: object = {}) =>
  s.request('POST', `/api/dossiers/${d.id}/actions`, { action, version: d.version, ...extra });
const addPerson = (s: Session, id: string, personId: string, awardCode = 'LDTT') =>
  s.request('POST', `/api/dossiers/${id}/nominees`, { recipientKind: 'individual', personId, awardCode });

beforeAll(async () => {
  sut = await createTestApp({ uploadDir, mailer: 'file', mailDir });
  await sut.seed({ registry: true });
  [canbo, donvi, khoitruong, admin] = await Promise.all([
    sut.login('canbo'),
    sut.login('donvi'),
    sut.login('khoitruong'),
    sut.login('admin'),
  ]);
}, 120_000);
afterAll(async () => {
  await sut?.close();
  fs.rmSync(uploadDir, { recursive: true, force: true });
  fs.rmSync(mailDir, { recursive: true, force: true });
});

describe(`dossiers (${engine})`, () => {
  it('a unit creates a dossier for itself; the authority defaults to the unit above (the Sở)', async () => {
    const d = await create(donvi);
    expect(d).toMatchObject({ status: 'draft', year: 2020, track: 'regular', nomineeCount: 0 });
    expect(d.code).toMatch(/^HS-2020-\d{4}$/);
    expect(d.proposingUnitId).toBe(await unitId('BL-TTNS'));
    expect(d.authorityUnitId).toBe(await unitId('BL-SNN'));
    expect(d.deadline.state).toBe('none');
    expect(await auditRows('dossier.create', d.id)).toHaveLength(1);
  });

  it('bad input is refused with Vietnamese field messages and nothing is created', async () => {
    const before = (await (await donvi.request('GET', '/api/dossiers')).json()) as DossierSummary[];
    const empty = await donvi.request('POST', '/api/dossiers', { year: 2020, title: '  ', track: 'regular' });
    expect(empty.statusCode).toBe(400);
    expect(JSON.stringify(empty.json())).toContain('Vui lòng nhập trích yếu hồ sơ');
    const thematic = await donvi.request('POST', '/api/dossiers', {
      year: 2020,
      title: 'X',
      track: 'thematic',
    });
    expect(thematic.statusCode).toBe(400);
    expect(thematic.json().fields.movementId).toBe('Khen thưởng theo chuyên đề cần chọn phong trào thi đua');
    const foreign = await donvi.request('POST', '/api/dossiers', {
      year: 2020,
      title: 'X',
      track: 'regular',
      proposingUnitId: await unitId('BL-TTKN'),
    });
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().fields.proposingUnitId).toBe('Chỉ lập hồ sơ cho đơn vị của mình');
    const after = (await (await donvi.request('GET', '/api/dossiers')).json()) as DossierSummary[];
    expect(after.length).toBe(before.length);
  });

  it('scope: a unit sees only its own unit’s dossiers; the department sees all; the council cannot write', async () => {
    const theirs = await create(khoitruong, { title: 'Hồ sơ của Trung tâm Khuyến nông' });
    expect((await donvi.request('GET', `/api/dossiers/${theirs.id}`)).statusCode).toBe(404);
    const mine = (await (await donvi.request('GET', '/api/dossiers')).json()) as DossierSummary[];
    expect(mine.every((d) => d.proposingUnitName === mine[0]!.proposingUnitName)).toBe(true);
    expect(mine.some((d) => d.id === theirs.id)).toBe(false);
    const all = (await (await canbo.request('GET', '/api/dossiers?year=2020')).json()) as DossierSummary[];
    expect(all.some((d) => d.id === theirs.id)).toBe(true);
    // Writing into another unit's dossier is refused as if it did not exist.
    const [p] = await peopleOf('BL-TTNS');
    expect((await addPerson(donvi, theirs.id, p!.id)).statusCode).toBe(404);
    // An officer of the department does not draft a unit's dossier.
    expect(
      (await canbo.request('POST', '/api/dossiers', { year: 2020, title: 'X', track: 'regular' })).statusCode,
    ).toBe(403);
  });

  it('nominees: own people only, once per title; a title must suit the recipient', async () => {
    const d = await create(donvi);
    const [own] = await peopleOf('BL-TTNS');
    const [foreign] = await peopleOf('BL-TTKN');
    const bad = await addPerson(donvi, d.id, foreign!.id);
    expect(bad.statusCode).toBe(400);
    expect(Object.values(bad.json().fields as Record<string, string>)[0]).toContain(
      'không thuộc đơn vị đề nghị',
    );
    const wrongKind = await addPerson(donvi, d.id, own!.id, 'TTLDXS');
    expect(wrongKind.statusCode).toBe(400);
    expect(wrongKind.json().fields.awardCode).toBe('Tập thể lao động xuất sắc không dành cho cá nhân');
    expect((await addPerson(donvi, d.id, own!.id)).statusCode).toBe(201);
    const dup = await addPerson(donvi, d.id, own!.id);
    expect(dup.statusCode).toBe(409);
    expect(dup.json().code).toBe('DOSSIER.DUPLICATE_NOMINEE');
    const household = await donvi.request('POST', `/api/dossiers/${d.id}/nominees`, {
      recipientKind: 'household',
      householdName: 'Hộ ông Trần Văn Bé',
      householdAddress: 'Ấp 3, xã Vĩnh Lợi',
      awardCode: 'GIAY_KHEN',
    });
    expect(household.statusCode, household.body).toBe(201);
    const after = await get(donvi, d.id);
    expect(after.nominees.map((n) => n.recipientKind)).toEqual(['individual', 'household']);
    const n = after.nominees[1]!;
    expect((await donvi.request('DELETE', `/api/dossiers/${d.id}/nominees/${n.id}`)).statusCode).toBe(204);
    expect((await get(donvi, d.id)).nominees).toHaveLength(1);
    expect(await auditRows('dossier.nominee.remove', d.id)).toHaveLength(1);
  });

  it('attachments: sniffed by content — an executable renamed .pdf is refused; a PDF is stored by checksum', async () => {
    const d = await create(donvi);
    const exe = await donvi.upload(
      `/api/dossiers/${d.id}/attachments?kind=submission_letter`,
      'to-trinh.pdf',
      EXE,
    );
    expect(exe.statusCode).toBe(415);
    expect(exe.json().code).toBe('DOSSIER.FILE_TYPE');
    const png = await donvi.upload(
      `/api/dossiers/${d.id}/attachments?kind=submission_letter`,
      'anh.pdf',
      PNG,
    );
    expect(png.statusCode).toBe(415);
    const zip = await donvi.upload(
      `/api/dossiers/${d.id}/attachments?kind=other`,
      'x.docx',
      Buffer.from('PK\x03\x04junk'),
    );
    expect(zip.statusCode).toBe(415);
    expect((await get(donvi, d.id)).attachments).toEqual([]);
    const res = await donvi.upload(
      `/api/dossiers/${d.id}/attachments?kind=submission_letter`,
      'Tờ trình.pdf',
      PDF,
    );
    expect(res.statusCode, res.body).toBe(201);
    const a = res.json() as { id: string; sha256: string; size: number; mimeType: string };
    expect(a).toMatchObject({ size: PDF.length, mimeType: 'application/pdf' });
    expect(fs.readFileSync(path.join(uploadDir, 'files', a.sha256))).toEqual(PDF);
    const down = await canbo.request('GET', `/api/dossiers/${d.id}/attachments/${a.id}`);
    expect(down.statusCode).toBe(200);
    expect(down.rawPayload).toEqual(PDF);
    expect(await auditRows('dossier.attachment.add', d.id)).toHaveLength(1);
    const badKind = await donvi.upload(`/api/dossiers/${d.id}/attachments?kind=selfie`, 'x.pdf', PDF);
    expect(badKind.statusCode).toBe(400);
  });

  it('a png or jpeg with its own extension, and a real docx, are accepted', async () => {
    const d = await create(donvi);
    expect(
      (await donvi.upload(`/api/dossiers/${d.id}/attachments?kind=other`, 'anh.png', PNG)).statusCode,
    ).toBe(201);
    const jpeg = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(32)]);
    expect(
      (await donvi.upload(`/api/dossiers/${d.id}/attachments?kind=other`, 'anh.JPG', jpeg)).statusCode,
    ).toBe(201);
    const { Document, Packer, Paragraph } = await import('docx');
    const docx = await Packer.toBuffer(
      new Document({ sections: [{ children: [new Paragraph('Báo cáo')] }] }),
    );
    const res = await donvi.upload(
      `/api/dossiers/${d.id}/attachments?kind=achievement_report`,
      'bao-cao.docx',
      docx,
    );
    expect(res.statusCode, res.body).toBe(201);
  });

  it('the walk: from suggestions, submit (checks run), receive, review; every step permission-checked and audited', async () => {
    const d = await create(donvi);
    const sug = (
      await donvi.request(
        'GET',
        '/api/eligibility/suggestions?year=2020&awardCode=LDTT&recipientKind=individual',
      )
    ).json() as SuggestionResponse;
    const picked = sug.items.slice(0, 2).map((r) => r.subjectId);
    expect(picked.length).toBe(2);
    const added = await donvi.request('POST', `/api/dossiers/${d.id}/nominees/from-suggestions`, {
      awardCode: 'LDTT',
      personIds: picked,
    });
    expect(added.statusCode, added.body).toBe(201);
    const nominees = added.json() as NomineeView[];
    expect(nominees).toHaveLength(2);
    for (const n of nominees) {
      expect(n.checkedAt).not.toBeNull();
      expect(n.verdict?.awardCode).toBe('LDTT');
      expect(['eligible', 'needs_review', 'ineligible']).toContain(n.verdictStatus);
    }

    // Submit without the submission letter: refused, naming what is missing.
    let cur = await get(donvi, d.id);
    const missing = await act(donvi, cur, 'submit');
    expect(missing.statusCode).toBe(400);
    expect(missing.json()).toMatchObject({
      code: 'DOSSIER.MISSING_ATTACHMENTS',
      fields: { attachments: 'submission_letter' },
    });
    await donvi.upload(`/api/dossiers/${d.id}/attachments?kind=submission_letter`, 'to-trinh.pdf', PDF);
    // The department cannot submit for the unit; the unit cannot receive.
    expect((await act(canbo, cur, 'submit')).statusCode).toBe(403);
    const stale = await act(donvi, { id: d.id, version: cur.version + 5 }, 'submit');
    expect(stale.json().code).toBe('CONFLICT.VERSION');
    cur = (await act(donvi, cur, 'submit')).json() as DossierDetail;
    sut.time.advance(60_000);
    expect(cur.status).toBe('submitted');
    // 5 working days from Monday 2 March 2026 (the test clock), department level.
    expect(cur.deadline).toMatchObject({ dueOn: '2026-03-09', state: 'ok', left: 5 });
    expect(
      (
        await donvi.request('PUT', `/api/dossiers/${d.id}`, {
          title: 'x',
          track: 'regular',
          authorityUnitId: cur.authorityUnitId,
          version: cur.version,
        })
      ).json().code,
    ).toBe('DOSSIER.NOT_EDITABLE');
    expect((await addPerson(donvi, d.id, picked[0]!, 'CSTDCS')).statusCode).toBe(409);

    expect((await act(donvi, cur, 'receive')).statusCode).toBe(403);
    const received = await act(canbo, cur, 'receive');
    expect(received.statusCode, received.body).toBe(200);
    sut.time.advance(60_000);
    cur = received.json() as DossierDetail;
    expect(cur.status).toBe('received');
    const review = await act(canbo, cur, 'start_review');
    cur = review.json() as DossierDetail;
    expect(cur.status).toBe('under_review');

    const noReason = await act(canbo, cur, 'return', { reason: '  ' });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().code).toBe('DOSSIER.REASON_REQUIRED');
    const forward = await act(canbo, cur, 'forward', {
      transmittal: 'Tờ trình số 01',
      forwardedToUnitId: cur.authorityUnitId,
    });
    expect(forward.json().code).toBe('DOSSIER.WRONG_STATUS');

    const timeline = (await (
      await donvi.request('GET', `/api/dossiers/${d.id}/timeline`)
    ).json()) as DossierEvent[];
    expect(timeline.map((e) => e.action)).toEqual(['submit', 'receive', 'start_review']);
    expect(timeline[0]!.actorName).toBe('Võ Thị Mỹ Linh');
    for (const a of ['dossier.submit', 'dossier.receive', 'dossier.start_review', 'dossier.check'])
      expect((await auditRows(a, d.id)).length).toBeGreaterThan(0);

    // Notifications: the department heard of the new dossier, the unit of its receipt; an e-mail file each.
    const deptNotes = (await (await canbo.request('GET', '/api/notifications')).json()) as NotificationList;
    expect(deptNotes.items.some((n) => n.kind === 'dossier.submitted' && n.entityId === d.id)).toBe(true);
    const unitNotes = (await (await donvi.request('GET', '/api/notifications')).json()) as NotificationList;
    expect(
      unitNotes.items
        .filter((n) => n.entityId === d.id)
        .map((n) => n.kind)
        .sort(),
    ).toEqual(['dossier.receive', 'dossier.start_review', 'dossier.submit']);
    const subjects = fs
      .readdirSync(mailDir)
      .filter((f) => f.endsWith('.eml'))
      .map((f) => /Subject: =\?UTF-8\?B\?(.+)\?=/.exec(fs.readFileSync(path.join(mailDir, f), 'utf8'))![1]!)
      .map((b64) => Buffer.from(b64, 'base64').toString('utf8'));
    for (const status of ['Đã gửi', 'Đã tiếp nhận', 'Đang thẩm định'])
      expect(subjects).toContain(`[VinhDanh] Hồ sơ ${cur.code}: ${status}`);

    // Return with a reason: the unit can edit again and sees why.
    const back = await act(canbo, cur, 'return', { reason: 'Thiếu báo cáo thành tích của bà Nguyễn Thị A' });
    expect(back.statusCode).toBe(200);
    const mine = await get(donvi, d.id);
    expect(mine).toMatchObject({
      status: 'returned',
      returnReason: 'Thiếu báo cáo thành tích của bà Nguyễn Thị A',
    });
  });

  it('duplicates and repeats: already awarded the same title for the year, and pending in another dossier', async () => {
    const [p1, p2] = await peopleOf('BL-TTNS');
    const [person1] = await sut.database.db.select().from(people).where(eq(people.id, p1!.id));
    await sut.database.db.insert(awards).values({
      recipientKind: 'individual',
      personId: p1!.id,
      recipientKey: `P:${person1!.code}`,
      awardCode: 'CSTDCS',
      year: 2020,
      track: 'regular',
      issuer: 'Giám đốc Sở',
      decisionNumber: '99/QĐ-SNN',
      decisionDate: '2021-01-15',
    });
    const first = await create(donvi, { title: 'Hồ sơ CSTĐCS lần 1' });
    await addPerson(donvi, first.id, p2!.id, 'CSTDCS');
    await donvi.upload(`/api/dossiers/${first.id}/attachments?kind=submission_letter`, 'a.pdf', PDF);
    await donvi.upload(`/api/dossiers/${first.id}/attachments?kind=achievement_report`, 'b.pdf', PDF);
    const sent = await act(donvi, await get(donvi, first.id), 'submit');
    expect(sent.statusCode, sent.body).toBe(200);

    const second = await create(donvi, { title: 'Hồ sơ CSTĐCS lần 2' });
    await addPerson(donvi, second.id, p1!.id, 'CSTDCS');
    await addPerson(donvi, second.id, p2!.id, 'CSTDCS');
    const checked = await donvi.request('POST', `/api/dossiers/${second.id}/checks`);
    expect(checked.statusCode, checked.body).toBe(200);
    const byPerson = new Map((checked.json() as DossierDetail).nominees.map((n) => [n.personId, n]));
    expect(byPerson.get(p1!.id)!.flags.map((f) => f.code)).toContain('already_awarded');
    expect(byPerson.get(p1!.id)!.flags.find((f) => f.code === 'already_awarded')!.message).toContain(
      '99/QĐ-SNN',
    );
    expect(byPerson.get(p2!.id)!.flags.map((f) => f.code)).toContain('pending_elsewhere');
    expect(byPerson.get(p2!.id)!.flags.find((f) => f.code === 'pending_elsewhere')!.message).toContain(
      first.code,
    );
  });

  it('the reviewer accepts a flagged nominee only with a written reason, or excludes one (audited)', async () => {
    const [, , p3, p4] = await peopleOf('BL-TTNS');
    const d = await create(donvi, { title: 'Hồ sơ xét duyệt' });
    await addPerson(donvi, d.id, p3!.id, 'LDTT');
    await addPerson(donvi, d.id, p4!.id, 'LDTT');
    await donvi.upload(`/api/dossiers/${d.id}/attachments?kind=submission_letter`, 'a.pdf', PDF);
    const sent = await act(donvi, await get(donvi, d.id), 'submit');
    expect(sent.statusCode, sent.body).toBe(200);
    let cur = sent.json() as DossierDetail;
    // Not before receipt.
    const early = await canbo.request(
      'POST',
      `/api/dossiers/${d.id}/nominees/${cur.nominees[0]!.id}/exclude`,
      {
        reason: 'x',
      },
    );
    expect(early.json().code).toBe('DOSSIER.WRONG_STATUS');
    cur = (await act(canbo, cur, 'receive')).json() as DossierDetail;
    const [n1, n2] = cur.nominees;
    const url = (n: NomineeView, how: string) => `/api/dossiers/${d.id}/nominees/${n.id}/${how}`;
    const blank = await canbo.request('POST', url(n1!, 'accept'), { reason: '   ' });
    expect(blank.statusCode).toBe(400);
    expect(blank.json().fields.reason).toBe('Vui lòng nêu lý do');
    expect((await donvi.request('POST', url(n1!, 'accept'), { reason: 'ok' })).statusCode).toBe(403);
    const accept = await canbo.request('POST', url(n1!, 'accept'), {
      reason: 'Đã xác minh thời gian công tác',
    });
    if (n1!.verdictStatus === 'ineligible') expect(accept.statusCode).toBe(400);
    else expect(accept.json()).toMatchObject({ acceptedReason: 'Đã xác minh thời gian công tác' });
    const exclude = await canbo.request('POST', url(n2!, 'exclude'), { reason: 'Chuyển công tác giữa năm' });
    expect(exclude.json()).toMatchObject({ excludedReason: 'Chuyển công tác giữa năm' });
    expect(await auditRows('dossier.nominee.exclude', d.id)).toHaveLength(1);
    expect((await get(canbo, d.id)).nomineeCount).toBe(1);
  });

  it('notifications: unread count, mark one and all read, only the user’s own unit', async () => {
    const list = async (s: Session) =>
      (await (await s.request('GET', '/api/notifications')).json()) as NotificationList;
    const before = await list(donvi);
    expect(before.unread).toBeGreaterThan(1);
    const first = before.items.find((n) => !n.readAt)!;
    const one = await donvi.request('POST', `/api/notifications/${first.id}/read`);
    expect(one.json()).toEqual({ marked: 1 });
    expect((await list(donvi)).unread).toBe(before.unread - 1);
    // Another unit's notification is not the user's to mark.
    const theirs = (await list(canbo)).items[0]!;
    expect((await donvi.request('POST', `/api/notifications/${theirs.id}/read`)).statusCode).toBe(404);
    await donvi.request('POST', '/api/notifications/read-all');
    expect((await list(donvi)).unread).toBe(0);
    expect((await list(khoitruong)).items.every((n) => !before.items.some((b) => b.id === n.id))).toBe(true);
  });

  it('holidays (admin, audited) move the due dates', async () => {
    expect((await canbo.request('PUT', '/api/holidays', { day: '2026-03-03', name: 'x' })).statusCode).toBe(
      403,
    );
    const bad = await admin.request('PUT', '/api/holidays', { day: '2026-02-30', name: 'x' });
    expect(bad.statusCode).toBe(400);
    for (const day of ['2026-03-03', '2026-03-04'])
      expect(
        (await admin.request('PUT', '/api/holidays', { day, name: 'Nghỉ bù (thử nghiệm)' })).statusCode,
      ).toBe(200);
    expect(await auditRows('holiday.create', '2026-03-03')).toHaveLength(1);
    const listed = (await (await donvi.request('GET', '/api/holidays?year=2026')).json()) as {
      day: string;
    }[];
    expect(listed.map((h) => h.day)).toEqual(['2026-03-03', '2026-03-04']);

    const [p] = (await peopleOf('BL-TTNS')).slice(-1);
    const d = await create(donvi, { title: 'Hồ sơ sau ngày nghỉ' });
    await addPerson(donvi, d.id, p!.id, 'LDTT');
    await donvi.upload(`/api/dossiers/${d.id}/attachments?kind=submission_letter`, 'a.pdf', PDF);
    const cur = (await act(donvi, await get(donvi, d.id), 'submit')).json() as DossierDetail;
    // Two weekdays off: 5 working days from Monday 2 March end on Wednesday 11 March, not Monday 9.
    expect(cur.deadline.dueOn).toBe('2026-03-11');
    // Countdown: late when the clock passes the due day.
    sut.time.set(new Date('2026-03-13T09:00:00+07:00'));
    const later = await sut.login('canbo');
    const late = (await (
      await later.request('GET', '/api/dossiers?lateOnly=true')
    ).json()) as DossierSummary[];
    expect(late.map((x) => x.id)).toContain(d.id);
    expect(late.find((x) => x.id === d.id)!.deadline).toMatchObject({ state: 'late', left: -2 });
    sut.time.set(new Date('2026-03-02T08:00:00+07:00'));
    [canbo, donvi, admin] = await Promise.all([sut.login('canbo'), sut.login('donvi'), sut.login('admin')]);
    expect((await admin.request('DELETE', '/api/holidays/2026-03-04')).statusCode).toBe(204);
    expect((await admin.request('DELETE', '/api/holidays/2026-03-04')).statusCode).toBe(404);
  });

  it('Excel: template, preview naming bad rows, commit', async () => {
    const d = await create(donvi, { title: 'Hồ sơ nhập từ Excel' });
    const tpl = await donvi.request('GET', '/api/dossiers/template');
    expect(tpl.statusCode).toBe(200);
    const template = new ExcelJS.Workbook();
    await template.xlsx.load(tpl.rawPayload as unknown as ArrayBuffer);
    expect(template.worksheets[0]!.getRow(1).getCell(6).value).toBe('Danh hiệu, hình thức');
    const sheet = async (rows: unknown[][]) => {
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet('Danh sách đề nghị');
      ws.addRow(HEADERS);
      for (const r of rows) ws.addRow(r);
      return Buffer.from(await wb.xlsx.writeBuffer());
    };
    const own = await peopleOf('BL-TTNS');
    const first = [1, 'Cá nhân', own[0]!.code, '', '', 'Lao động tiên tiến', 'Hoàn thành tốt nhiệm vụ'];
    const bytes = await sheet([
      first,
      [2, 'Cá nhân', 'KHONG-CO', '', '', 'LDTT', ''],
      [3, 'Tập thể', 'BL-TTNS', '', '', 'Huy chương vàng', ''],
    ]);
    const preview = await donvi.upload(
      `/api/dossiers/${d.id}/nominees/import?commit=false`,
      'ds.xlsx',
      bytes,
    );
    expect(preview.statusCode, preview.body).toBe(200);
    const p = preview.json() as ImportPreview;
    expect(p.rows.map((r) => r.row)).toEqual([2]);
    expect(p.errors).toEqual({
      'row 3': 'Dòng 3: không tìm thấy cán bộ có mã "KHONG-CO"',
      'row 4': 'Dòng 4: không nhận ra danh hiệu, hình thức "Huy chương vàng"',
    });
    const refused = await donvi.upload(`/api/dossiers/${d.id}/nominees/import?commit=true`, 'ds.xlsx', bytes);
    expect(refused.statusCode).toBe(400);
    expect((await get(donvi, d.id)).nominees).toEqual([]);
    const good = await sheet([first]);
    const done = await donvi.upload(`/api/dossiers/${d.id}/nominees/import?commit=true`, 'ds.xlsx', good);
    expect(done.statusCode, done.body).toBe(200);
    expect((await get(donvi, d.id)).nominees.map((n) => [n.code, n.awardCode, n.achievementSummary])).toEqual(
      [[own[0]!.code, 'LDTT', 'Hoàn thành tốt nhiệm vụ']],
    );
    const notXlsx = await donvi.upload(`/api/dossiers/${d.id}/nominees/import?commit=false`, 'ds.xlsx', PDF);
    expect(notXlsx.json().errors.file).toBeTruthy();
  });

  it('reject needs a reason; forward needs a transmittal and a target unit; finals take no more steps', async () => {
    const [p] = await peopleOf('BL-TTNS');
    const mk = async (title: string) => {
      const d = await create(donvi, { title });
      await addPerson(donvi, d.id, p!.id, 'LDTT');
      await donvi.upload(`/api/dossiers/${d.id}/attachments?kind=submission_letter`, 'a.pdf', PDF);
      const sent = (await act(donvi, await get(donvi, d.id), 'submit')).json() as DossierDetail;
      return (await act(canbo, sent, 'receive')).json() as DossierDetail;
    };
    const r = await mk('Hồ sơ không chấp thuận');
    expect((await act(canbo, r, 'reject')).json().code).toBe('DOSSIER.REASON_REQUIRED');
    const rejected = await act(canbo, r, 'reject', { reason: 'Không thuộc thẩm quyền xét của Sở' });
    expect(rejected.json()).toMatchObject({
      status: 'rejected',
      rejectReason: 'Không thuộc thẩm quyền xét của Sở',
    });
    const after = rejected.json() as DossierDetail;
    expect((await act(canbo, after, 'return', { reason: 'x' })).json().code).toBe('DOSSIER.WRONG_STATUS');
    expect((await act(donvi, after, 'submit')).json().code).toBe('DOSSIER.WRONG_STATUS');

    // Forward: from an approved dossier (the council's part is arranged directly here).
    const f = await mk('Hồ sơ trình cấp trên');
    await sut.database.db.execute(sql`update dossiers set status = 'approved' where id = ${f.id}`);
    const approved = await get(canbo, f.id);
    const province = await unitId('BL-UBND');
    expect((await act(canbo, approved, 'forward', { transmittal: 'Tờ trình số 12' })).json().fields).toEqual({
      forwardedToUnitId: 'Chọn cơ quan cấp trên nhận hồ sơ',
    });
    expect(
      (await act(canbo, approved, 'forward', { transmittal: '  ', forwardedToUnitId: province })).json().code,
    ).toBe('DOSSIER.TRANSMITTAL_REQUIRED');
    const fwd = await act(canbo, approved, 'forward', {
      transmittal: 'Tờ trình số 12/TTr-SNN đề nghị UBND tỉnh tặng Bằng khen',
      forwardedToUnitId: province,
    });
    expect(fwd.statusCode, fwd.body).toBe(200);
    expect(fwd.json()).toMatchObject({
      status: 'forwarded',
      forwardedToUnitId: province,
      transmittalNote: 'Tờ trình số 12/TTr-SNN đề nghị UBND tỉnh tặng Bằng khen',
    });
    expect(await auditRows('dossier.forward', f.id)).toHaveLength(1);
  });

  it('a file over 20 MB is refused before it is stored', async () => {
    const d = await create(donvi, { title: 'Hồ sơ tệp lớn' });
    const big = Buffer.concat([PDF, Buffer.alloc(20 * 1024 * 1024 + 1)]);
    const res = await donvi.upload(`/api/dossiers/${d.id}/attachments?kind=other`, 'lon.pdf', big);
    expect(res.statusCode).toBe(413);
    expect(res.json().code).toBe('DOSSIER.FILE_TOO_LARGE');
    expect((await get(donvi, d.id)).attachments).toEqual([]);
  });

  it('the deadline sweep (npm run cli -- notify-deadlines) tells the department once per step and state', async () => {
    const [p] = await peopleOf('BL-TTNS');
    const d = await create(donvi, { title: 'Hồ sơ chờ tiếp nhận' });
    await addPerson(donvi, d.id, p!.id, 'LDTT');
    await donvi.upload(`/api/dossiers/${d.id}/attachments?kind=submission_letter`, 'a.pdf', PDF);
    const sent = (await act(donvi, await get(donvi, d.id), 'submit')).json() as DossierDetail;
    const cli = async (...argv: string[]) => {
      const out: string[] = [];
      const ctx: CliContext = {
        out: (t) => out.push(t),
        err: (t) => out.push(t),
        env: {},
        clock: sut.time.clock,
        openDatabase: async () => ({ ...sut.database, close: async () => undefined }),
        describeDatabase: () => 'test database',
      };
      const code = await runCli(argv, ctx);
      return { code, out: out.join('\n') };
    };
    type Swept = { notified: { code: string; state: string }[] };
    const mine = (r: { out: string }) =>
      (JSON.parse(r.out) as Swept).notified.filter((n) => n.code === sent.code);
    // Today (2 March) five working days are left: nothing to say.
    expect(mine(await cli('notify-deadlines', '--format', 'json'))).toEqual([]);
    sut.time.set(new Date(`${sent.deadline.dueOn}T08:00:00+07:00`));
    const soon = await cli('notify-deadlines', '--format', 'json');
    expect(soon.code, soon.out).toBe(0);
    expect(mine(soon)).toEqual([expect.objectContaining({ state: 'soon' })]);
    expect(mine(await cli('notify-deadlines', '--format', 'json'))).toEqual([]);
    sut.time.advance(3 * 24 * 3_600_000);
    expect(mine(await cli('notify-deadlines', '--format', 'json'))).toEqual([
      expect.objectContaining({ state: 'late' }),
    ]);
    const dept = await sut.login('canbo');
    const notes = (await (await dept.request('GET', '/api/notifications')).json()) as NotificationList;
    const titles = notes.items.filter((n) => n.entityId === d.id && n.kind.startsWith('dossier.deadline'));
    expect(titles.map((n) => n.title).join(' | ')).toMatch(/quá hạn .* \| .*sắp đến hạn/);
    sut.time.set(new Date('2026-03-02T08:00:00+07:00'));
  });

  it('dossier codes stay unique and gap-free when dossiers are created at the same moment', async () => {
    const made = await Promise.all(
      Array.from({ length: 6 }, (_, n) =>
        donvi.request('POST', '/api/dossiers', {
          year: 2019,
          title: `Hồ sơ đồng thời ${n}`,
          track: 'regular',
        }),
      ),
    );
    expect(made.map((r) => r.statusCode)).toEqual(Array(6).fill(201));
    const codes = made.map((r) => (r.json() as DossierDetail).code).sort();
    expect(codes).toEqual([
      'HS-2019-0001',
      'HS-2019-0002',
      'HS-2019-0003',
      'HS-2019-0004',
      'HS-2019-0005',
      'HS-2019-0006',
    ]);
  });

  it('editing a nominee clears its check, and is audited', async () => {
    const [p] = await peopleOf('BL-TTNS');
    const d = await create(donvi, { title: 'Hồ sơ sửa người được đề nghị' });
    const n = (await addPerson(donvi, d.id, p!.id, 'LDTT')).json() as NomineeView;
    await donvi.request('POST', `/api/dossiers/${d.id}/checks`);
    expect((await get(donvi, d.id)).nominees[0]!.checkedAt).not.toBeNull();
    const res = await donvi.request('PUT', `/api/dossiers/${d.id}/nominees/${n.id}`, {
      awardCode: 'CSTDCS',
      achievementSummary: 'Sáng kiến cải tiến quy trình cấp nước',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ awardCode: 'CSTDCS', checkedAt: null, verdictStatus: 'unknown' });
    const wrong = await donvi.request('PUT', `/api/dossiers/${d.id}/nominees/${n.id}`, {
      awardCode: 'TTLDXS',
    });
    expect(wrong.statusCode).toBe(400);
    expect(await auditRows('dossier.nominee.update', d.id)).toHaveLength(1);
  });

  it('every dossier route declares its access', () => {
    const mine = sut.routes.filter((r) => /^\/api\/(dossiers|holidays|notifications)/.test(r.url));
    expect(mine.length).toBeGreaterThan(15);
    for (const r of mine) expect(r.access).toBeTruthy();
  });
});
