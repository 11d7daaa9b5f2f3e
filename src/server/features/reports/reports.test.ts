/**
 * The year-end summary on the seeded demo: the origin article's 2020 counts from the CLI's JSON, the same
 * report from the API, scopes (unit, block, refused), an empty year, and the Word and Excel files read back.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import yauzl from 'yauzl';
import { sql } from 'drizzle-orm';
import { createTestApp, engine, type Session, type TestApp } from '../../testing/harness';
import { runCli } from '../../../cli/cli';
import type { CliContext } from '../../../cli/context';
import { ARTICLE_2020_AWARDS, ISSUER_BNV, ISSUER_SNN, ISSUER_UBND } from '../../seed/demo-registry';
import type { SummaryReport } from '../../../domain/reports/summary';

let t: TestApp;
let canbo: Session;
let donvi: Session;

async function cli(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const ctx: CliContext = {
    out: (x) => out.push(x),
    err: (x) => err.push(x),
    env: { VINHDANH_SEED_DEMO: 'false' },
    clock: t.time.clock,
    openDatabase: async () => ({ ...t.database, close: async () => undefined }),
    describeDatabase: () => 'test database',
  };
  const code = await runCli(argv, ctx);
  return { code, out: out.join('\n'), err: err.join('\n') };
}

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

const ISSUER_OF: Record<string, string> = { KNC: ISSUER_BNV, BK_TINH: ISSUER_UBND };
const counts = (r: SummaryReport) =>
  r.lines
    .map((l) => `${l.track}|${l.issuer}|${l.awardCode}|${l.recipientKind}|${l.countOf}|${l.count}`)
    .sort();
/** The origin article's 2020 awards (product.md), line by line. */
const ARTICLE = ARTICLE_2020_AWARDS.map(
  (a) =>
    `${a.track}|${ISSUER_OF[a.awardCode] ?? ISSUER_SNN}|${a.awardCode}|${a.recipientKind}|` +
    `${['LDTT', 'TTLDTT', 'CSTDCS'].includes(a.awardCode) ? 'recipients' : 'awards'}|${a.n}`,
).sort();

beforeAll(async () => {
  t = await createTestApp();
  await t.seed({ registry: true });
  canbo = await t.login('canbo');
  donvi = await t.login('donvi');
});
afterAll(async () => t?.close());

describe(`year-end summary on the demo (${engine})`, () => {
  it("CLI --year 2020 --format json prints the origin article's counts", async () => {
    const r = await cli('report', 'summary', '--year', '2020', '--format', 'json');
    expect(r.code, r.err).toBe(0);
    const doc = JSON.parse(r.out) as SummaryReport;
    expect(counts(doc)).toEqual(ARTICLE);
    // Spelled out, as the article says them.
    const text = (code: string, kind: string, track: string) =>
      doc.lines.find((l) => l.awardCode === code && l.recipientKind === kind && l.track === track)!.text;
    expect(text('KNC', 'individual', 'thematic')).toBe('1 lượt cá nhân');
    expect(text('BK_TINH', 'collective', 'thematic')).toBe('4 lượt tập thể');
    expect(text('BK_TINH', 'individual', 'thematic')).toBe('3 lượt cá nhân');
    expect(text('GIAY_KHEN', 'collective', 'thematic')).toBe('12 lượt tập thể');
    expect(text('TTLDTT', 'collective', 'regular')).toBe('29 tập thể');
    expect(text('LDTT', 'individual', 'regular')).toBe('300 cá nhân');
    expect(text('CSTDCS', 'individual', 'regular')).toBe('44 cá nhân');
    expect(text('GIAY_KHEN', 'collective', 'regular')).toBe('19 lượt tập thể');
    expect(text('GIAY_KHEN', 'individual', 'regular')).toBe('244 lượt cá nhân');
    expect(doc.tracks.map((x) => x.track)).toEqual(['regular', 'thematic']);
    expect(doc.title).toBe('Tổng kết công tác thi đua, khen thưởng năm 2020');
    expect(doc.movements).toHaveLength(6);
    const poor = doc.movements.find((m) => m.name.includes('chung tay vì người nghèo'))!;
    expect(poor.totals.map((x) => x.value)).toContain('30.000.000 đồng');
    expect(poor.results).toHaveLength(8);
  });

  it('the API gives the same report as the CLI', async () => {
    const c = JSON.parse((await cli('report', 'summary', '--year', '2020')).out) as SummaryReport;
    const res = await canbo.request('GET', '/api/reports/summary?year=2020');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual(c);
  });

  it('the 2020 block as scope gives the article’s counts too; a unit gives its own part', async () => {
    const block = await t.database.rows<{ id: string }>(sql`select id from blocks where year = 2020`);
    const r = await canbo.request('GET', `/api/reports/summary?year=2020&scope=${block[0]!.id}`);
    expect(r.statusCode, r.body).toBe(200);
    expect(counts(r.json() as SummaryReport)).toEqual(ARTICLE);
    const viaCli = await cli('report', 'summary', '--year', '2020', '--scope', block[0]!.id);
    expect(JSON.parse(viaCli.out)).toEqual(r.json());

    const unit = (
      await canbo.request('GET', '/api/reports/summary?year=2020&scope=BL-TTKN')
    ).json() as SummaryReport;
    expect(unit.scope).toMatchObject({ code: 'BL-TTKN' });
    const ldtt = unit.lines.find((l) => l.awardCode === 'LDTT')!.count;
    expect(ldtt).toBeGreaterThan(0);
    expect(ldtt).toBeLessThan(300);
    expect(unit.movements.every((m) => m.results.length === 1)).toBe(true);
  });

  it('a unit officer sees its own unit, and is refused another unit', async () => {
    const own = await donvi.request('GET', '/api/reports/summary?year=2020');
    expect(own.statusCode, own.body).toBe(200);
    expect((own.json() as SummaryReport).scope.code).toBe('BL-TTNS');
    const other = await donvi.request('GET', '/api/reports/summary?year=2020&scope=BL-TTKN');
    expect(other.statusCode).toBe(403);
    const block = await t.database.rows<{ id: string }>(sql`select id from blocks where year = 2020`);
    expect(
      (await donvi.request('GET', `/api/reports/summary?year=2020&scope=${block[0]!.id}`)).statusCode,
    ).toBe(403);
    expect((await canbo.request('GET', '/api/reports/summary?year=2020&scope=KHONG-CO')).statusCode).toBe(
      404,
    );
    const cliBad = await cli('report', 'summary', '--year', '2020', '--scope', 'KHONG-CO');
    expect(cliBad.code).toBe(1);
  });

  it('a year with no data is a clear empty report, in every format', async () => {
    const r = await canbo.request('GET', '/api/reports/summary?year=1995');
    expect(r.statusCode).toBe(200);
    expect(r.json()).toMatchObject({ empty: true, lines: [], tracks: [], movements: [] });
    const w = await canbo.request('GET', '/api/reports/summary?year=1995&format=docx');
    expect(w.statusCode).toBe(200);
    expect(textOf(await zipText(w.rawPayload, 'word/document.xml'))).toContain(
      'Năm 1995 chưa có dữ liệu phong trào thi đua và khen thưởng trong phạm vi này.',
    );
    expect((await cli('report', 'summary', '--year', '1995')).code).toBe(0);
  });

  it('the Word file says the title and the counts; the Excel file reads back the lines', async () => {
    const w = await canbo.request('GET', '/api/reports/summary?year=2020&format=docx');
    expect(w.statusCode).toBe(200);
    expect(w.headers['content-type']).toMatch(/wordprocessingml/);
    const text = textOf(await zipText(w.rawPayload, 'word/document.xml'));
    for (const s of [
      // Dated 2026 (the test clock): the successor body, in Cà Mau (product.md).
      'UBND TỈNH CÀ MAU',
      'SỞ NÔNG NGHIỆP VÀ MÔI TRƯỜNG',
      'Cà Mau, ngày 02 tháng 03 năm 2026',
      'BÁO CÁO',
      'Tổng kết công tác thi đua, khen thưởng năm 2020',
      'I. KẾT QUẢ THỰC HIỆN CÁC PHONG TRÀO THI ĐUA',
      'II. CÔNG TÁC KHEN THƯỞNG',
      'Lao động tiên tiến',
      '300 cá nhân',
      '244 lượt cá nhân',
      '30.000.000 đồng',
    ])
      expect(text, s).toContain(s);

    const x = await canbo.request('GET', '/api/reports/summary?year=2020&format=xlsx');
    expect(x.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(x.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    const values: string[] = [];
    ws.eachRow((row) => values.push((row.values as unknown[]).slice(1).join('|')));
    expect(values.some((v) => v.includes('LDTT|Lao động tiên tiến|Cá nhân|người/đơn vị|300'))).toBe(true);
    expect(values.some((v) => v.includes('KNC|Kỷ niệm chương|Cá nhân|lượt|1'))).toBe(true);
  });

  it('the CLI writes docx and xlsx with --out, and asks for --out otherwise', async () => {
    const { mkdtemp, readFile } = await import('node:fs/promises');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const dir = await mkdtemp(join(tmpdir(), 'vd-report-'));
    const file = join(dir, 'bc.docx');
    const r = await cli('report', 'summary', '--year', '2020', '--format', 'docx', '--out', file);
    expect(r.code, r.err).toBe(0);
    expect(textOf(await zipText(await readFile(file), 'word/document.xml'))).toContain('29 tập thể');
    expect((await cli('report', 'summary', '--year', '2020', '--format', 'xlsx')).code).toBe(2);
    expect((await cli('report', 'summary', '--format', 'json')).code).toBe(2);
    expect((await cli('report', 'other', '--year', '2020')).code).toBe(2);
  });
  it('a revoked award does not count', async () => {
    const one = await t.database.rows<{ id: string }>(
      sql`select id from awards where year = 2020 and award_code = 'LDTT' order by recipient_key limit 1`,
    );
    const id = one[0]!.id;
    await t.database.rows(
      sql`update awards set revoked_by_decision_id = '00000000-0000-4000-8000-000000000001' where id = ${id}`,
    );
    // Last test: a revocation cannot be undone (vd_decided_award_guard), so nothing after it reads 2020.
    const r = (await canbo.request('GET', '/api/reports/summary?year=2020')).json() as SummaryReport;
    expect(r.lines.find((l) => l.awardCode === 'LDTT')!.count).toBe(299);
  });
});
