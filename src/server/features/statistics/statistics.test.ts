/**
 * Statistics, forms and the dashboard on the seeded demo: the origin article's 2020 counts in the right
 * cells, splits that add up, prize totals equal to the decisions', scopes (own unit, refused), an empty
 * year, bad input, and the Word and Excel files read back.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import yauzl from 'yauzl';
import { sql } from 'drizzle-orm';
import { createTestApp, engine, type Session, type TestApp } from '../../testing/harness';
import type { Statistics, StatTable } from '../../../domain/reports/statistics';
import type { FormModel } from '../../../domain/reports/forms';
import type { Dashboard } from '../../../shared/statistics/statistics.schema';
import { ISSUER_BNV, ISSUER_SNN, ISSUER_UBND } from '../../seed/demo-registry';

let t: TestApp;
let canbo: Session;
let donvi: Session;
let lanhdao: Session;
let hoidong: Session;

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

async function sheetRows(buffer: Buffer): Promise<Map<string, string[]>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buffer as unknown as ArrayBuffer);
  const out = new Map<string, string[]>();
  for (const ws of wb.worksheets) {
    const rows: string[] = [];
    ws.eachRow((row) =>
      rows.push(
        (row.values as unknown[])
          .slice(1)
          .map((v) => v ?? '')
          .join('|'),
      ),
    );
    out.set(ws.name, rows);
  }
  return out;
}

const tableOf = (s: Statistics, key: string): StatTable => s.tables.find((x) => x.key === key)!;
const row = (s: Statistics, key: string, rowKey: string) =>
  tableOf(s, key).rows.find((r) => r.key === rowKey);

beforeAll(async () => {
  t = await createTestApp();
  await t.seed({ registry: true });
  canbo = await t.login('canbo');
  donvi = await t.login('donvi');
  lanhdao = await t.login('lanhdao');
  hoidong = await t.login('hoidong');
});
afterAll(async () => t?.close());

describe(`statistics on the demo (${engine})`, () => {
  let s: Statistics;
  beforeAll(async () => {
    const r = await canbo.request('GET', '/api/statistics?year=2020');
    expect(r.statusCode, r.body).toBe(200);
    s = r.json() as Statistics;
  });

  it("the article's 2020 counts are in the title/form table", () => {
    expect(s.empty).toBe(false);
    const a = (code: string) => row(s, 'byAward', code)!;
    expect(a('LDTT')).toMatchObject({ total: 300, individual: 300, collective: 0 });
    expect(a('CSTDCS')).toMatchObject({ total: 44, individual: 44 });
    expect(a('TTLDTT')).toMatchObject({ total: 29, collective: 29 });
    expect(a('GIAY_KHEN')).toMatchObject({ total: 19 + 244 + 12, individual: 244, collective: 31 });
    expect(a('BK_TINH')).toMatchObject({ total: 7, individual: 3, collective: 4 });
    expect(a('KNC')).toMatchObject({ total: 1, individual: 1 });
    expect(s.totals).toMatchObject({ awards: 656, individual: 592, collective: 64, household: 0 });
  });

  it('issuers, tracks and recipient kinds carry the article’s lines', () => {
    expect(row(s, 'byIssuer', ISSUER_BNV)!.total).toBe(1);
    expect(row(s, 'byIssuer', ISSUER_UBND)!.total).toBe(7);
    expect(row(s, 'byIssuer', ISSUER_SNN)!.total).toBe(300 + 29 + 44 + 19 + 244 + 12);
    expect(row(s, 'byTrack', 'regular')!.total).toBe(300 + 29 + 44 + 19 + 244);
    expect(row(s, 'byTrack', 'thematic')!.total).toBe(4 + 3 + 12 + 1);
    expect(row(s, 'byRecipientKind', 'individual')!.total).toBe(592);
    expect(row(s, 'byRecipientKind', 'collective')!.total).toBe(64);
  });

  it('every table adds up to the same total; sex and leader splits sum to the individuals', () => {
    for (const k of ['byUnit', 'byAward', 'byIssuer', 'byTrack', 'byRecipientKind'])
      expect(tableOf(s, k).totals.total, k).toBe(656);
    expect(tableOf(s, 'bySex').totals.total).toBe(592);
    expect(tableOf(s, 'byLeader').totals.total).toBe(592);
    expect(s.totals.female + s.totals.male).toBe(592);
    expect(s.totals.leader + s.totals.frontLine).toBe(592);
    expect(s.totals.female).toBeGreaterThan(0);
    expect(s.totals.leader).toBeGreaterThan(0);
    expect(row(s, 'byYear', '2020')!.total).toBe(656);
  });

  it('the sex split equals a direct count over people', async () => {
    const r = await t.database.rows<{ n: unknown }>(
      sql`select count(*) as n from awards a join people p on p.id = a.person_id
          where a.year = 2020 and a.revoked_by_decision_id is null and p.sex = 'female'`,
    );
    expect(s.totals.female).toBe(Number(r[0]!.n));
  });

  it("prize money equals the issued decisions' recipient lines", async () => {
    const r = await t.database.rows<{ total: unknown }>(
      sql`select coalesce(sum(dr.prize_amount), 0) as total
          from decision_recipients dr join decisions d on d.id = dr.decision_id
          join awards a on a.decision_recipient_id = dr.id
          where d.status = 'issued' and d.kind = 'award' and dr.year = 2020 and a.revoked_by_decision_id is null`,
    );
    const expected = Number(r[0]!.total);
    expect(expected).toBeGreaterThan(0);
    expect(s.totals.prize).toBe(expected);
    expect(tableOf(s, 'byAward').totals.prize).toBe(expected);
    const all = await t.database.rows<{ total: unknown }>(
      sql`select coalesce(sum(d.prize_total), 0) as total from decisions d
          where d.status = 'issued' and d.kind = 'award'
            and exists (select 1 from decision_recipients r where r.decision_id = d.id and r.year = 2020)`,
    );
    expect(s.totals.prize).toBe(Number(all[0]!.total));
  });

  it('the drill-down lists the awards behind a number, paginated, in Vietnamese order', async () => {
    const r = await canbo.request('GET', '/api/statistics/awards?year=2020&code=CSTDCS&pageSize=20');
    expect(r.statusCode, r.body).toBe(200);
    const page = r.json() as { items: { awardCode: string; recipientName: string }[]; total: number };
    expect(page.total).toBe(44);
    expect(page.items).toHaveLength(20);
    expect(page.items.every((i) => i.awardCode === 'CSTDCS')).toBe(true);
    const p3 = (
      await canbo.request('GET', '/api/statistics/awards?year=2020&code=CSTDCS&pageSize=20&page=3')
    ).json() as {
      items: unknown[];
    };
    expect(p3.items).toHaveLength(4);
    // Each split's list has the table's count.
    const female = row(s, 'bySex', 'female')!;
    const f = (
      await canbo.request('GET', `/api/statistics/awards?year=2020&sex=female&pageSize=1`)
    ).json() as {
      total: number;
    };
    expect(f.total).toBe(female.total);
    const lead = (
      await canbo.request('GET', '/api/statistics/awards?year=2020&leader=true&pageSize=1')
    ).json() as {
      total: number;
    };
    expect(lead.total).toBe(s.totals.leader);
    const unit = tableOf(s, 'byUnit').rows[0]!;
    const u = (
      await canbo.request('GET', `/api/statistics/awards?year=2020&unitId=${unit.key}&pageSize=1`)
    ).json() as { total: number };
    expect(u.total).toBe(unit.total);
    const iss = (
      await canbo.request(
        'GET',
        `/api/statistics/awards?year=2020&issuer=${encodeURIComponent(ISSUER_UBND)}&track=thematic&recipientKind=collective`,
      )
    ).json() as { total: number };
    expect(iss.total).toBe(4);
  });

  it('a unit officer sees its own subtree only and is refused others; roles without the permission are refused', async () => {
    const own = await donvi.request('GET', '/api/statistics?year=2020');
    expect(own.statusCode, own.body).toBe(200);
    const mine = own.json() as Statistics;
    expect(mine.scope.code).toBe('BL-TTNS');
    expect(mine.totals.awards).toBeGreaterThan(0);
    expect(mine.totals.awards).toBeLessThan(656);
    expect((await donvi.request('GET', '/api/statistics?year=2020&scope=BL-TTKN')).statusCode).toBe(403);
    expect((await donvi.request('GET', '/api/statistics/awards?year=2020&scope=BL-TTKN')).statusCode).toBe(
      403,
    );
    const block = await t.database.rows<{ id: string }>(sql`select id from blocks where year = 2020`);
    expect((await donvi.request('GET', `/api/statistics?year=2020&scope=${block[0]!.id}`)).statusCode).toBe(
      403,
    );
    // The drill-down stays inside the own subtree.
    const list = (await donvi.request('GET', '/api/statistics/awards?year=2020&pageSize=1')).json() as {
      total: number;
    };
    expect(list.total).toBe(mine.totals.awards);
    expect((await canbo.request('GET', '/api/statistics?year=2020&scope=KHONG-CO')).statusCode).toBe(404);
    const blockStats = (
      await canbo.request('GET', `/api/statistics?year=2020&scope=${block[0]!.id}`)
    ).json() as Statistics;
    expect(blockStats.totals.awards).toBe(656);
    const anon = await t.sut.inject({ method: 'GET', url: '/api/statistics?year=2020' });
    expect(anon.statusCode).toBe(401);
    // A council member reads everything (read:report:any); the leader too.
    expect((await hoidong.request('GET', '/api/statistics?year=2020')).statusCode).toBe(200);
    expect((await lanhdao.request('GET', '/api/statistics/dashboard?year=2020')).statusCode).toBe(200);
  });

  it('a year with no data is a clear empty result in every format', async () => {
    const r = await canbo.request('GET', '/api/statistics?year=1995');
    expect(r.statusCode).toBe(200);
    const e = r.json() as Statistics;
    expect(e.empty).toBe(true);
    expect(e.totals.awards).toBe(0);
    expect(e.tables.every((x) => x.rows.length === 0 || x.key === 'byYear')).toBe(true);
    const w = await canbo.request('GET', '/api/statistics?year=1995&format=docx');
    expect(w.statusCode).toBe(200);
    expect(textOf(await zipText(w.rawPayload, 'word/document.xml'))).toContain(
      'Năm 1995 không có khen thưởng trong phạm vi thống kê',
    );
    const x = await canbo.request('GET', '/api/statistics?year=1995&format=xlsx');
    expect(x.statusCode).toBe(200);
    expect([...(await sheetRows(x.rawPayload)).values()][1]!.join('\n')).toContain('Không có số liệu.');
    const l = (await canbo.request('GET', '/api/statistics/awards?year=1995')).json() as { total: number };
    expect(l.total).toBe(0);
  });

  it('bad query input gets a Vietnamese message', async () => {
    for (const [url, text] of [
      ['/api/statistics?year=abc', 'Năm không hợp lệ'],
      ['/api/statistics?year=1800', 'Năm không hợp lệ'],
      ['/api/statistics', ''],
      ['/api/statistics?year=2020&format=pdf', 'Định dạng'],
      ['/api/statistics?year=2020&bogus=1', ''],
      ['/api/statistics/awards?year=2020&sex=x', 'Giới tính'],
      ['/api/statistics/awards?year=2020&leader=maybe', 'true hoặc false'],
      ['/api/statistics/awards?year=2020&unitId=abc', 'Mã đơn vị'],
      ['/api/statistics/awards?year=2020&page=0', 'Trang'],
      ['/api/statistics/awards?year=2020&track=nope', 'Loại hình'],
      ['/api/statistics/forms/0699?year=2020', 'Biểu mẫu'],
      ['/api/statistics/forms/0602?year=2020&format=docx', 'Định dạng'],
      ['/api/statistics/dashboard?year=20x0', 'Năm'],
    ] as const) {
      const r = await canbo.request('GET', url);
      expect(r.statusCode, url).toBe(400);
      expect(r.json().code, url).toBe('VALIDATION.FAILED');
      if (text) expect(r.body, url).toContain(text);
    }
  });

  it('the Word file is an ND30 report with the numbers; the Excel file has one sheet per table', async () => {
    const w = await canbo.request('GET', '/api/statistics?year=2020&format=docx');
    expect(w.statusCode).toBe(200);
    expect(w.headers['content-type']).toMatch(/wordprocessingml/);
    const text = textOf(await zipText(w.rawPayload, 'word/document.xml'));
    for (const x of [
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'BÁO CÁO',
      'Thống kê khen thưởng năm 2020',
      'Tổng số 656 lượt khen thưởng',
      'Khen thưởng theo danh hiệu, hình thức',
      'Lao động tiên tiến',
      'Chiến sĩ thi đua cơ sở',
    ])
      expect(text, x).toContain(x);
    const x = await canbo.request('GET', '/api/statistics?year=2020&format=xlsx');
    expect(x.statusCode).toBe(200);
    const sheets = await sheetRows(x.rawPayload);
    expect(sheets.size).toBe(8);
    const award = [...sheets.entries()].find(([n]) => n.includes('Danh hiệu'))![1];
    expect(award).toContain(
      'Lao động tiên tiến|300|300|0|0|0'.replace(/\|0$/, `|${row(s, 'byAward', 'LDTT')!.prize}`),
    );
    expect(award.some((r) => r.startsWith('Chiến sĩ thi đua cơ sở|44|44|'))).toBe(true);
    expect(award.some((r) => r.startsWith('Cộng|656|592|64|0|'))).toBe(true);
  });
});

describe(`the ministry's forms (${engine})`, () => {
  /** Awards decided in the 2020 reporting period (01/12/2019–30/11/2020) counted straight from the table. */
  async function decidedIn2020(codes: string[]) {
    const r = await t.database.rows<{ award_code: string; recipient_kind: string; n: unknown }>(
      sql`select award_code, recipient_kind, count(*) as n from awards
          where revoked_by_decision_id is null and decision_date between '2019-12-01' and '2020-11-30'
            and award_code in (${sql.join(
              codes.map((c) => sql`${c}`),
              sql`, `,
            )})
          group by award_code, recipient_kind`,
    );
    const n = (pred: (x: { award_code: string; recipient_kind: string }) => boolean) =>
      r.filter(pred).reduce((s, x) => s + Number(x.n), 0);
    return n;
  }
  const F0603 = [['BK_TINH', 'BK_BO'], ['CSTD_TINH', 'CSTD_BO'], ['CO_TINH'], ['KNC']];

  it('0603 counts province and ministry awards of the reporting period, with the official header', async () => {
    const r = await canbo.request('GET', '/api/statistics/forms/0603?year=2020');
    expect(r.statusCode, r.body).toBe(200);
    const f = r.json() as FormModel;
    expect(f.header.formNumber).toBe('Biểu số: 0603.N/BNV-TĐKT');
    expect(f.header.issuedBy).toContain('Thông tư số 02/2023/TT-BNV');
    expect(f.header.period).toBe('Năm 2020 (từ ngày 01/12/2019 đến ngày 30/11/2020)');
    const n = await decidedIn2020(F0603.flat());
    const expected = (kind: string | null) => {
      const per = F0603.map((codes) =>
        n((x) => codes.includes(x.award_code) && (kind === null || x.recipient_kind === kind)),
      );
      return [per.reduce((a, b) => a + b, 0), ...per];
    };
    const v = (code: string) => f.rows.find((x) => x.code === code)!.values;
    expect(v('01')).toEqual(expected(null));
    expect(v('01')[0]).toBeGreaterThan(0);
    expect(v('02')).toEqual(expected('collective'));
    expect(v('05')).toEqual(expected('individual'));
    expect(v('06')).toEqual([null, null, null, null, null]);
    expect(v('09')[0]! + v('10')[0]!).toBe(v('05')[0]);
    const tracks = ['11', '12', '13', '14', '15', '16'].map((c) => v(c)[0]!);
    expect(tracks.reduce((a, b) => a + b, 0)).toBe(v('01')[0]);
  });

  it('0601 counts the year’s movements; 0602 has the state-level columns', async () => {
    const f = (await canbo.request('GET', '/api/statistics/forms/0601?year=2020')).json() as FormModel;
    const total = f.rows.find((x) => x.code === '01')!.values;
    expect(total[0]).toBe(6);
    const kinds = ['11', '12'].map((c) => f.rows.find((x) => x.code === c)!.values[0]!);
    expect(kinds[0]! + kinds[1]!).toBe(6);
    const durations = ['06', '07', '08', '09', '10'].map((c) => f.rows.find((x) => x.code === c)!.values[0]!);
    expect(durations.reduce((a, b) => a + b, 0)).toBe(6);
    const g = (await canbo.request('GET', '/api/statistics/forms/0602?year=2020')).json() as FormModel;
    expect(g.header.title).toBe('SỐ LƯỢNG KHEN THƯỞNG CẤP NHÀ NƯỚC');
    expect(g.columns.map((c) => c.header)).toContain('Bằng khen của Thủ tướng Chính phủ');
    const state = await decidedIn2020([
      'HCLD_1',
      'HCLD_2',
      'HCLD_3',
      'CO_CHINHPHU',
      'BK_TTG',
      'CSTD_TOANQUOC',
    ]);
    expect(g.rows.find((x) => x.code === '01')!.values[0]).toBe(state(() => true));
  });

  it('the Excel form shows the header, the columns and the numbers', async () => {
    const r = await canbo.request(
      'GET',
      '/api/statistics/forms/0603?year=2020&format=xlsx&receiver=Sở Nội vụ tỉnh Bạc Liêu',
    );
    expect(r.statusCode, r.body).toBe(200);
    const rows = [...(await sheetRows(r.rawPayload)).values()][0]!;
    const all = rows.join('\n');
    for (const x of [
      'Biểu số: 0603.N/BNV-TĐKT',
      'Ban hành theo Thông tư số 02/2023/TT-BNV',
      'Đơn vị nhận báo cáo: Sở Nội vụ tỉnh Bạc Liêu',
      'Đơn vị báo cáo:',
      'Năm 2020 (từ ngày 01/12/2019 đến ngày 30/11/2020)',
      'Mã số',
      'Chia ra',
      'Người lập biểu',
    ])
      expect(all, x).toContain(x);
    const json = (await canbo.request('GET', '/api/statistics/forms/0603?year=2020')).json() as FormModel;
    const total = json.rows.find((x) => x.code === '01')!.values.join('|');
    expect(rows.some((x) => x.startsWith(`Tổng số|01||${total}`))).toBe(true);
  });

  it('a unit officer gets the forms of its own unit and is refused another', async () => {
    expect((await donvi.request('GET', '/api/statistics/forms/0603?year=2020')).statusCode).toBe(200);
    expect(
      (await donvi.request('GET', '/api/statistics/forms/0603?year=2020&scope=BL-TTKN')).statusCode,
    ).toBe(403);
  });
});

describe(`the dashboard (${engine})`, () => {
  it('returns everything in one round trip', async () => {
    const r = await lanhdao.request('GET', '/api/statistics/dashboard?year=2020');
    expect(r.statusCode, r.body).toBe(200);
    const d = r.json() as Dashboard;
    expect(d.totals.awards).toBe(656);
    expect(d.totals.femaleShare).toBeGreaterThan(0);
    expect(d.totals.femaleShare).toBeLessThan(100);
    expect(d.perYear.find((y) => y.year === 2020)!.awards).toBe(656);
    expect(d.titles.find((x) => x.code === 'LDTT')!.awards).toBe(300);
    expect(d.perUnit.reduce((n, u) => n + u.awards, 0)).toBe(656);
    const cs = d.quotas.find((q) => q.awardCode === 'CSTDCS')!;
    expect(cs).toMatchObject({ basis: 300, allowed: 45, used: 44, exceeded: false });
    expect(cs.citation).toContain('Nghị định');
    const dossiers = await t.database.rows<{ n: unknown }>(
      sql`select count(*) as n from dossiers where year = 2020`,
    );
    expect(d.dossiers.byStatus.reduce((n, x) => n + x.count, 0)).toBe(Number(dossiers[0]!.n));
  });

  it('late dossiers are the open ones past their due date (today 02/03/2026)', async () => {
    const units = await t.database.rows<{ id: string; code: string }>(
      sql`select id, code from units where code in ('BL-TTNS', 'BL-SNN') order by code`,
    );
    const sở = units.find((u) => u.code === 'BL-SNN')!.id;
    const ttns = units.find((u) => u.code === 'BL-TTNS')!.id;
    const add = (code: string, status: string, due: string) =>
      t.database.rows(
        sql`insert into dossiers (code, year, title, proposing_unit_id, authority_unit_id, track, status, due_on)
            values (${code}, 2020, ${`Hồ sơ ${code}`}, ${ttns}, ${sở}, 'regular', ${status}, ${due})`,
      );
    await add('HS-TK-1', 'submitted', '2026-01-05'); // 56 days late
    await add('HS-TK-2', 'under_review', '2026-12-31'); // not yet due
    await add('HS-TK-3', 'decided', '2025-01-05'); // closed: never late
    await add('HS-TK-4', 'in_council', '2026-03-01'); // 1 day late
    const d = (await canbo.request('GET', '/api/statistics/dashboard?year=2020')).json() as Dashboard;
    expect(d.dossiers.late).toBe(2);
    expect(d.dossiers.lateList.map((x) => [x.code, x.daysLate, x.dueOn])).toEqual([
      ['HS-TK-1', 56, '2026-01-05'],
      ['HS-TK-4', 1, '2026-03-01'],
    ]);
    expect(d.dossiers.open).toBe(3);
    expect(d.dossiers.byStatus.find((x) => x.status === 'decided')).toMatchObject({
      count: 1,
      label: 'Đã có quyết định',
    });
    // The unit sees its own dossiers; another unit's officer would not (scope by proposing unit).
    const own = (await donvi.request('GET', '/api/statistics/dashboard?year=2020')).json() as Dashboard;
    expect(own.dossiers.late).toBe(2);
    const other = (
      await canbo.request('GET', '/api/statistics/dashboard?year=2020&scope=BL-TTKN')
    ).json() as Dashboard;
    expect(other.dossiers.late).toBe(0);
    // The list behind the chart: the late ones, one state, refused outside the own unit, bad input.
    const late = await canbo.request('GET', '/api/statistics/dossiers?year=2020&late=true');
    expect(late.statusCode, late.body).toBe(200);
    expect((late.json() as { items: { code: string }[] }).items.map((x) => x.code)).toEqual([
      'HS-TK-1',
      'HS-TK-4',
    ]);
    const decided = (
      await canbo.request('GET', '/api/statistics/dossiers?year=2020&status=decided')
    ).json() as {
      total: number;
      items: { statusLabel: string }[];
    };
    expect(decided.total).toBe(1);
    expect(decided.items[0]!.statusLabel).toBe('Đã có quyết định');
    expect((await donvi.request('GET', '/api/statistics/dossiers?year=2020&scope=BL-TTKN')).statusCode).toBe(
      403,
    );
    const bad = await canbo.request('GET', '/api/statistics/dossiers?year=2020&status=lost');
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Trạng thái hồ sơ không hợp lệ');
  });

  it('an empty year is an empty dashboard', async () => {
    const d = (await canbo.request('GET', '/api/statistics/dashboard?year=1995')).json() as Dashboard;
    expect(d.totals).toMatchObject({ awards: 0, femaleShare: 0, frontLineShare: 0 });
    expect(d.titles).toEqual([]);
    expect(d.dossiers.late).toBe(0);
  });
});

describe(`revocation (${engine})`, () => {
  // Last: a revocation cannot be undone (vd_decided_award_guard), so nothing after it reads 2020.
  it('a revoked award leaves every table, the prize money and the list behind the numbers', async () => {
    const before = (await canbo.request('GET', '/api/statistics?year=2020')).json() as Statistics;
    const one = await t.database.rows<{ id: string; prize: unknown }>(
      sql`select a.id, coalesce(dr.prize_amount, 0) as prize from awards a
          left join decision_recipients dr on dr.id = a.decision_recipient_id
          where a.year = 2020 and a.award_code = 'LDTT' order by a.recipient_key limit 1`,
    );
    await t.database.rows(
      sql`update awards set revoked_by_decision_id = '00000000-0000-4000-8000-000000000001' where id = ${one[0]!.id}`,
    );
    const after = (await canbo.request('GET', '/api/statistics?year=2020')).json() as Statistics;
    expect(after.totals.awards).toBe(655);
    expect(row(after, 'byAward', 'LDTT')!.total).toBe(299);
    expect(after.totals.prize).toBe(before.totals.prize - Number(one[0]!.prize));
    const list = (
      await canbo.request('GET', '/api/statistics/awards?year=2020&code=LDTT&pageSize=1')
    ).json() as {
      total: number;
    };
    expect(list.total).toBe(299);
  });
});
