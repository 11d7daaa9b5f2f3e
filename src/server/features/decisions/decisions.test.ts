/**
 * Decisions on a real database (PGlite, or PostgreSQL with TEST_DATABASE_URL): drafting from approved
 * dossiers only, live prize money, issuing (numbers without gaps under concurrent requests, award history,
 * initiatives, dossier state, notifications, audit), final once issued (API and triggers), revocation, and
 * the Word and Excel files read back.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import yauzl from 'yauzl';
import { createTestApp, engine, type Session, type TestApp } from '../../testing/harness';
import type { DecisionDetail } from '../../../shared/decisions/decisions.schema';
import { makeDossier, makeInitiative, makePerson } from './decisions.fixtures';
import { rowsOf } from './decisions.repository';

let t: TestApp;
let officer: Session;
let leader: Session;

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
const q = <T>(s: ReturnType<typeof sql>) => rowsOf<T>(t.database.db, s);

beforeAll(async () => {
  t = await createTestApp();
  await t.seed({ registry: false });
  officer = await t.login('canbo');
  leader = await t.login('lanhdao');
}, 120_000);
afterAll(async () => t?.close());

async function draft(dossierIds: string[]): Promise<DecisionDetail> {
  const res = await officer.request('POST', '/api/decisions', { dossierIds });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as DecisionDetail;
}
async function sign(d: DecisionDetail, decidedOn = '2026-03-02'): Promise<DecisionDetail> {
  const res = await officer.request('PUT', `/api/decisions/${d.id}`, {
    version: d.version,
    decidedOn,
    signerName: 'Đặng Hoàng Phúc',
    signerTitle: 'Phó Giám đốc',
    signMode: 'KT',
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as DecisionDetail;
}
async function issue(d: DecisionDetail, who = leader) {
  return who.request('POST', `/api/decisions/${d.id}/issue`, { version: d.version });
}

describe(`decisions (${engine})`, () => {
  let issued: DecisionDetail;
  let people: { id: string; code: string }[];
  let initiative: string;
  let dossier: { id: string; code: string; nomineeIds: string[] };

  it('drafts from an approved dossier: passed, non-excluded nominees only, with live prize money and words', async () => {
    people = [
      await makePerson(t.database, 'BL-TTKN', 'Nguyễn Thị Thu Hà'),
      await makePerson(t.database, 'BL-TTKN', 'Trần Minh Khoa'),
      await makePerson(t.database, 'BL-TTKN', 'Lý Văn Tâm'),
      await makePerson(t.database, 'BL-TTKN', 'Phạm Ngọc Lan'),
    ];
    initiative = await makeInitiative(t.database, people[1]!.id);
    dossier = await makeDossier(t.database, 'approved', [
      { person: people[0]!, awardCode: 'LDTT' },
      { person: people[1]!, awardCode: 'CSTDCS', initiativeId: initiative },
      { person: people[2]!, awardCode: 'LDTT', result: 'failed' },
      { person: people[3]!, awardCode: 'LDTT', excluded: 'Trùng hồ sơ' },
      { unitCode: 'BL-TTKN', awardCode: 'TTLDTT' },
    ]);
    const d = await draft([dossier.id]);
    expect(d.status).toBe('draft');
    expect(d.number).toBeNull();
    expect(d.recipients.map((r) => r.displayName)).toEqual([
      'Nguyễn Thị Thu Hà',
      'Trần Minh Khoa',
      'Trung tâm Khuyến nông tỉnh Bạc Liêu',
    ]);
    expect(d.recipients[0]!.displayDetail).toBe('Chuyên viên, Trung tâm Khuyến nông tỉnh Bạc Liêu');
    // 2025 achievements (V2025), decided 2026-03-02 with 2.340.000: 0,3 → 710.000; 1,0 → 2.340.000; 0,8 → 1.880.000.
    expect(d.recipients.map((r) => r.paid)).toEqual([710_000, 2_340_000, 1_880_000]);
    expect(d.total).toBe(4_930_000);
    expect(d.words).toBe('Bốn triệu chín trăm ba mươi nghìn đồng');
    expect(d.baseSalary).toBe(2_340_000);
    expect(d.summary).toMatch(/^Về việc công nhận danh hiệu/);
    expect(d.basis).toContain('Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022');
    // The live preview follows the date: signed on 2024-05-02 the base salary is 1.800.000.
    const preview = (
      await officer.request('GET', `/api/decisions/${d.id}?decidedOn=2024-05-02`)
    ).json() as DecisionDetail;
    expect(preview.baseSalary).toBe(1_800_000);
    expect(preview.recipients.map((r) => r.paid)).toEqual([540_000, 1_800_000, 1_440_000]);
    // The officer orders the list (collectives first): positions follow, the totals do not change.
    const order = [d.recipients[2]!.id, d.recipients[0]!.id, d.recipients[1]!.id];
    const reordered = await officer.request('PUT', `/api/decisions/${d.id}`, {
      version: d.version,
      recipientOrder: order,
    });
    expect(reordered.statusCode, reordered.body).toBe(200);
    const r2 = reordered.json() as DecisionDetail;
    expect(r2.recipients.map((r) => r.id)).toEqual(order);
    expect(r2.total).toBe(4_930_000);
    const bad = await officer.request('PUT', `/api/decisions/${d.id}`, {
      version: r2.version,
      recipientOrder: order.slice(1),
    });
    expect(bad.json()).toMatchObject({ code: 'VALIDATION.FAILED' });
    const stale = await officer.request('PUT', `/api/decisions/${d.id}`, {
      version: d.version,
      summary: 'Cũ',
    });
    expect(stale.json()).toMatchObject({ code: 'CONFLICT.VERSION' });
    issued = await sign(r2);
  });

  it('refuses a dossier the council has not voted on (DECISION.NOT_APPROVED), at drafting and at issuing', async () => {
    const person = await makePerson(t.database, 'BL-TTNS', 'Võ Thị Bé Ba');
    const unvoted = await makeDossier(t.database, 'in_council', [
      { person, awardCode: 'LDTT', result: null },
    ]);
    const res = await officer.request('POST', '/api/decisions', { dossierIds: [unvoted.id] });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: 'DECISION.NOT_APPROVED' });
    // Approved at drafting, sent back to council before issuing: refused at issue too.
    const later = await makeDossier(t.database, 'approved', [{ person, awardCode: 'LDTT' }]);
    const d = await sign(await draft([later.id]));
    await t.database.db.execute(sql`update dossiers set status = 'in_council' where id = ${later.id}`);
    const r = await issue(d);
    expect(r.statusCode).toBe(409);
    expect(r.json()).toMatchObject({ code: 'DECISION.NOT_APPROVED' });
    expect((await officer.request('DELETE', `/api/decisions/${d.id}`)).statusCode).toBe(200);
  });

  it('refuses to issue without a signer (DECISION.INCOMPLETE); only the officer drafts, the leader issues', async () => {
    const person = await makePerson(t.database, 'BL-TTNS', 'Huỳnh Văn Út');
    let dz = await draft([(await makeDossier(t.database, 'approved', [{ person, awardCode: 'LDTT' }])).id]);
    dz = (
      await officer.request('PUT', `/api/decisions/${dz.id}`, { version: dz.version, signerName: '' })
    ).json() as DecisionDetail;
    expect((await issue(dz)).json()).toMatchObject({ code: 'DECISION.INCOMPLETE' });
    const unitOfficer = await t.login('donvi');
    expect((await unitOfficer.request('GET', '/api/decisions')).statusCode).toBe(403);
    expect((await leader.request('POST', '/api/decisions', { dossierIds: [dossier.id] })).statusCode).toBe(
      403,
    );
    expect((await officer.request('DELETE', `/api/decisions/${dz.id}`)).statusCode).toBe(200);
  });

  it('issues: number 01/QĐ-SNN, frozen prizes, award history, initiative used, dossier decided, notifications, audit', async () => {
    const res = await issue(issued);
    expect(res.statusCode, res.body).toBe(200);
    issued = res.json() as DecisionDetail;
    expect(issued.status).toBe('issued');
    expect(issued.number).toBe('01/QĐ-SNN');
    expect(issued.prizeTotal).toBe(4_930_000);
    const awards = await q<{
      recipient_key: string;
      source: string;
      decision_number: string;
      issuer: string;
      decision_recipient_id: string;
    }>(
      sql`select recipient_key, source, decision_number, issuer, decision_recipient_id from awards where decision_id = ${issued.id} order by recipient_key`,
    );
    expect(awards).toHaveLength(3);
    expect(awards.every((a) => a.source === 'decision' && a.decision_number === '01/QĐ-SNN')).toBe(true);
    expect(awards[0]!.issuer).toBe('Giám đốc Sở Nông nghiệp và Phát triển nông thôn');
    expect(awards.map((a) => a.recipient_key).sort()).toEqual(
      [`P:${people[0]!.code}`, `P:${people[1]!.code}`, 'U:BL-TTKN'].sort(),
    );
    const [ini] = await q<{ used: string | null }>(
      sql`select used_by_award_id as used from initiatives where id = ${initiative}`,
    );
    expect(ini!.used).toBeTruthy();
    const [ds] = await q<{ status: string }>(sql`select status from dossiers where id = ${dossier.id}`);
    expect(ds!.status).toBe('decided');
    const notes = await q<{ kind: string; code: string }>(
      sql`select n.kind, u.code from notifications n join units u on u.id = n.unit_id
        where n.entity_id = ${issued.id}`,
    );
    expect(notes.map((n) => n.code)).toEqual(['BL-TTKN']);
    expect(notes[0]!.kind).toBe('decision.issued');
    const audit = await q<{ action: string }>(
      sql`select action from audit_log where entity_id = ${issued.id} or (entity_id = ${dossier.id} and action = 'dossier.decide') order by seq`,
    );
    expect(audit.map((a) => a.action)).toEqual([
      'decision.create',
      'decision.update',
      'decision.update',
      'dossier.decide',
      'decision.issue',
    ]);
  });

  it('an issued decision is final: edit and delete refused by the API and by the database triggers', async () => {
    const put = await officer.request('PUT', `/api/decisions/${issued.id}`, {
      version: issued.version,
      summary: 'Khác',
    });
    expect(put.json()).toMatchObject({ code: 'DECISION.NOT_DRAFT' });
    const del = await officer.request('DELETE', `/api/decisions/${issued.id}`);
    expect(del.statusCode).toBe(409);
    expect(del.json()).toMatchObject({ code: 'DECISION.NOT_DRAFT' });
    await expect(t.database.db.execute(sql`delete from decisions where id = ${issued.id}`)).rejects.toThrow();
    await expect(
      t.database.db.execute(
        sql`update decision_recipients set prize_amount = 1 where decision_id = ${issued.id}`,
      ),
    ).rejects.toThrow();
    await expect(
      t.database.db.execute(sql`update awards set note = 'x' where decision_id = ${issued.id}`),
    ).rejects.toThrow();
    await expect(
      t.database.db.execute(sql`delete from awards where decision_id = ${issued.id}`),
    ).rejects.toThrow();
    expect((await issue(issued)).json()).toMatchObject({ code: 'DECISION.NOT_DRAFT' });
  });

  it('refuses the same title for the same period again (DECISION.ALREADY_DECIDED)', async () => {
    const again = await makeDossier(t.database, 'approved', [{ person: people[0]!, awardCode: 'LDTT' }]);
    const d = await sign(await draft([again.id]));
    const r = await issue(d);
    expect(r.statusCode).toBe(409);
    expect(r.json()).toMatchObject({ code: 'DECISION.ALREADY_DECIDED' });
    expect(r.json().fields.recipients).toContain('01/QĐ-SNN');
    await officer.request('DELETE', `/api/decisions/${d.id}`);
  });

  it('two officers issuing at the same moment get consecutive numbers, no gaps, no duplicates', async () => {
    const drafts: DecisionDetail[] = [];
    for (let i = 0; i < 6; i++) {
      const p = await makePerson(t.database, 'BL-BQLR', `Đỗ Văn Số ${i}`);
      drafts.push(
        await sign(
          await draft([(await makeDossier(t.database, 'approved', [{ person: p, awardCode: 'LDTT' }])).id]),
        ),
      );
    }
    const officer2 = await t.login('canbo');
    const results = await Promise.all(drafts.map((d, i) => issue(d, i % 2 ? officer : officer2)));
    expect(results.map((r) => r.statusCode)).toEqual(drafts.map(() => 200));
    const numbers = results.map((r) => (r.json() as DecisionDetail).number!).sort();
    expect(numbers).toEqual(['02/QĐ-SNN', '03/QĐ-SNN', '04/QĐ-SNN', '05/QĐ-SNN', '06/QĐ-SNN', '07/QĐ-SNN']);
    const [c] = await q<{ last: number }>(sql`select last from decision_counters where year = 2026`);
    expect(Number(c!.last)).toBe(7);
  });

  it('a revocation decision takes awards back: revoked_by set, the amount to recover, the title can be given again', async () => {
    const target = issued.recipients.find((r) => r.awardCode === 'LDTT')!;
    const res = await officer.request('POST', '/api/decisions', {
      kind: 'revocation',
      referencesDecisionId: issued.id,
      awardIds: [target.awardId],
    });
    expect(res.statusCode, res.body).toBe(201);
    let rev = res.json() as DecisionDetail;
    expect(rev.summary).toBe('Về việc thu hồi khen thưởng tại Quyết định số 01/QĐ-SNN');
    expect(rev.total).toBe(710_000);
    rev = await sign(rev, '2026-03-05');
    const r = await issue(rev);
    expect(r.statusCode, r.body).toBe(200);
    expect((r.json() as DecisionDetail).number).toBe('08/QĐ-SNN');
    const [a] = await q<{ by: string | null }>(
      sql`select revoked_by_decision_id as by from awards where id = ${target.awardId}`,
    );
    expect(a!.by).toBe(rev.id);
    // Revoking twice is refused; the revoked title no longer blocks a new decision.
    const twice = await officer.request('POST', '/api/decisions', {
      kind: 'revocation',
      referencesDecisionId: issued.id,
      awardIds: [target.awardId],
    });
    expect(twice.json()).toMatchObject({ code: 'DECISION.REFERENCE_INVALID' });
    await expect(
      t.database.db.execute(
        sql`update awards set revoked_by_decision_id = null where id = ${target.awardId}`,
      ),
    ).rejects.toThrow();
    const again = await makeDossier(t.database, 'approved', [{ person: people[0]!, awardCode: 'LDTT' }]);
    const d = await sign(await draft([again.id]), '2026-03-06');
    expect((await issue(d)).statusCode).toBe(200);
  });

  it('a new draft is dated today and signed like the issuer’s last decision; approved dossiers are offered', async () => {
    const person = await makePerson(t.database, 'BL-TTGIONG', 'Mai Thị Hồng');
    const dossierNew = await makeDossier(t.database, 'approved', [{ person, awardCode: 'LDTT' }]);
    const offered = (await officer.request('GET', '/api/decisions/approved-dossiers')).json() as {
      code: string;
      passed: number;
    }[];
    expect(offered.find((o) => o.code === dossierNew.code)?.passed).toBe(1);
    expect(offered.find((o) => o.code === dossier.code)).toBeUndefined();
    const d = await draft([dossierNew.id]);
    expect(d).toMatchObject({ decidedOn: '2026-03-02', signerName: 'Đặng Hoàng Phúc', signMode: 'KT' });
    expect((await officer.request('DELETE', `/api/decisions/${d.id}?version=${d.version}`)).statusCode).toBe(
      200,
    );
    const [audit] = await q<{ n: unknown }>(
      sql`select count(*) as n from audit_log where entity_id = ${d.id} and action = 'decision.delete'`,
    );
    expect(Number(audit!.n)).toBe(1);
  });

  it('a correction decision: the corrected line replaces the award (old one marked, new one written)', async () => {
    const target = issued.recipients.find((r) => r.awardCode === 'CSTDCS')!;
    let c = (
      await officer.request('POST', '/api/decisions', {
        kind: 'correction',
        referencesDecisionId: issued.id,
        awardIds: [target.awardId],
      })
    ).json() as DecisionDetail;
    expect(c.summary).toBe('Về việc đính chính Quyết định số 01/QĐ-SNN');
    const line = c.recipients[0]!;
    c = (
      await officer.request('PUT', `/api/decisions/${c.id}`, {
        version: c.version,
        recipientText: [
          {
            id: line.id,
            displayName: 'Trần Minh Khoa',
            displayDetail: 'Phó Trưởng phòng, Trung tâm Khuyến nông tỉnh Bạc Liêu',
          },
        ],
      })
    ).json() as DecisionDetail;
    expect(c.recipients[0]!.displayDetail).toContain('Phó Trưởng phòng');
    expect(c.total).toBe(0);
    c = await sign(c, '2026-03-07');
    const r = await issue(c);
    expect(r.statusCode, r.body).toBe(200);
    const rows = await q<{ id: string; revoked: string | null; note: string | null; decision_id: string }>(
      sql`select id, revoked_by_decision_id as revoked, note, decision_id from awards
        where recipient_key = ${`P:${people[1]!.code}`} and award_code = 'CSTDCS' order by created_at`,
    );
    expect(rows).toHaveLength(2);
    expect(rows.find((a) => a.id === target.awardId)!.revoked).toBe(c.id);
    expect(rows.find((a) => a.decision_id === c.id)).toMatchObject({
      revoked: null,
      note: 'Đính chính Quyết định số 01/QĐ-SNN',
    });
  });

  it('the Word decision: A4, margins, Times New Roman, number, Điều 1–3, signature, attached list with total and words', async () => {
    const res = await officer.request('GET', `/api/decisions/${issued.id}/word`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toContain(
      'quyet-dinh-01-QĐ-SNN.docx'.normalize('NFD').replace(/[^\x20-\x7e]/g, ''),
    );
    const xml = await zipText(res.rawPayload, 'word/document.xml');
    const text = textOf(xml);
    for (const s of [
      'UBND TỈNH BẠC LIÊU',
      'SỞ NÔNG NGHIỆP VÀ PHÁT TRIỂN NÔNG THÔN',
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Số: 01/QĐ-SNN',
      'Cà Mau, ngày 02 tháng 03 năm 2026',
      'QUYẾT ĐỊNH',
      'GIÁM ĐỐC SỞ NÔNG NGHIỆP VÀ PHÁT TRIỂN NÔNG THÔN',
      'QUYẾT ĐỊNH:',
      'Điều 1.',
      'Điều 2.',
      'Điều 3.',
      'KT. GIÁM ĐỐC',
      'PHÓ GIÁM ĐỐC',
      'Đặng Hoàng Phúc',
      'Nơi nhận:',
      'DANH SÁCH',
      '(Kèm theo Quyết định số 01/QĐ-SNN ngày 02/03/2026 của Giám đốc Sở Nông nghiệp và Phát triển nông thôn)',
      'Tổng cộng: 3',
      '4.930.000',
      'Bốn triệu chín trăm ba mươi nghìn đồng',
    ])
      expect(text).toContain(s);
    expect(xml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    expect(xml).toMatch(/w:top="1134"[^>]*w:right="850"[^>]*w:bottom="1134"[^>]*w:left="1701"/);
    expect(xml).toContain('w:ascii="Times New Roman"');
    expect(xml).toMatch(/<w:i\/>(?:(?!<\/w:r>).)*Cà Mau, ngày/s);
    expect(xml).toMatch(/<w:b\/>(?:(?!<\/w:r>).)*Điều 1\./s);
    expect(xml).toContain('<w:pageBreakBefore/>');
    // The attached list: a fixed-layout table with explicit widths (165 mm of text width), a header row that
    // repeats on every page and rows that do not split.
    const annex = xml.slice(xml.indexOf('DANH SÁCH'));
    expect(annex).toContain('<w:tblLayout w:type="fixed"/>');
    expect(annex).toMatch(/<w:tblW w:type="dxa" w:w="935\d"\/>/);
    expect(annex).toContain('<w:tblHeader/>');
    expect(annex).toContain('<w:cantSplit/>');
  });

  it('the Excel list reads back with each prize and the total', async () => {
    const res = await officer.request('GET', `/api/decisions/${issued.id}/excel`);
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    const values: unknown[][] = [];
    ws.eachRow((row) => values.push((row.values as unknown[]).slice(1)));
    expect(String(values[0]![0])).toContain('01/QĐ-SNN');
    const body = values.filter((r) => typeof r[0] === 'number');
    expect(body.map((r) => r[8])).toEqual([1_880_000, 710_000, 2_340_000]);
    expect(values.at(-1)![1]).toBe('Tổng cộng');
    expect(values.at(-1)![8]).toBe(4_930_000);
  });

  it('lists by achievement year and status', async () => {
    const list = (await officer.request('GET', '/api/decisions?year=2025&status=issued')).json() as {
      number: string;
    }[];
    expect(list.map((d) => d.number)).toContain('01/QĐ-SNN');
    expect(((await officer.request('GET', '/api/decisions?year=2019')).json() as unknown[]).length).toBe(0);
  });
});
