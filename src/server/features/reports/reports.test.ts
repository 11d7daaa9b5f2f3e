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
import {
  ARTICLE_2020_AWARDS,
  BLOCK_NAME,
  ISSUER_BNV,
  ISSUER_SNN,
  ISSUER_UBND,
} from '../../seed/demo-registry';
import type { SummaryReport } from '../../../domain/reports/summary';
import { blockCode, type NarrativeHistory, type ScopeOption } from '../../../shared/reports/summary.schema';

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

  it('the 2020 block by its readable code gives the article’s counts too; a unit gives its own part', async () => {
    const block = await t.database.rows<{ id: string; name: string }>(
      sql`select id, name from blocks where year = 2020`,
    );
    const code = blockCode(block[0]!.name);
    expect(code).toBe('khoi-thi-dua-cac-don-vi-su-nghiep-cong-lap-don-vi-to-chuc-hanh-chinh-co-su-nghiep');
    const r = await canbo.request('GET', `/api/reports/summary?year=2020&scope=${code}`);
    expect(r.statusCode, r.body).toBe(200);
    const byCode = r.json() as SummaryReport;
    expect(counts(byCode)).toEqual(ARTICLE);
    expect(byCode.scope).toEqual({ code, label: `${BLOCK_NAME} năm 2020` });
    // The CLI takes the same code; the name as written, and the id, name the same block.
    const viaCli = await cli('report', 'summary', '--year', '2020', '--scope', code);
    expect(viaCli.code, viaCli.err).toBe(0);
    expect(JSON.parse(viaCli.out)).toEqual(byCode);
    const byName = await canbo.request(
      'GET',
      `/api/reports/summary?year=2020&scope=${encodeURIComponent(block[0]!.name)}`,
    );
    expect(byName.json()).toEqual(byCode);
    expect(
      (await canbo.request('GET', `/api/reports/summary?year=2020&scope=${block[0]!.id}`)).json(),
    ).toEqual(byCode);
    // The block is a 2020 block: in 2019's report the 2020 block's id names nothing.
    const other = await canbo.request('GET', `/api/reports/summary?year=2019&scope=${block[0]!.id}`);
    expect(other.statusCode).toBe(404);

    const unit = (
      await canbo.request('GET', '/api/reports/summary?year=2020&scope=BL-TTKN')
    ).json() as SummaryReport;
    expect(unit.scope).toMatchObject({ code: 'BL-TTKN' });
    const ldtt = unit.lines.find((l) => l.awardCode === 'LDTT')!.count;
    expect(ldtt).toBeGreaterThan(0);
    expect(ldtt).toBeLessThan(300);
    expect(unit.movements.every((m) => m.results.length === 1)).toBe(true);
  });

  it('a unit officer sees its own unit, and is refused another unit or the block', async () => {
    const own = await donvi.request('GET', '/api/reports/summary?year=2020');
    expect(own.statusCode, own.body).toBe(200);
    expect((own.json() as SummaryReport).scope.code).toBe('BL-TTNS');
    const other = await donvi.request('GET', '/api/reports/summary?year=2020&scope=BL-TTKN');
    expect(other.statusCode).toBe(403);
    expect(other.json()).toMatchObject({ code: 'REPORT.OUT_OF_SCOPE' });
    expect(
      (await donvi.request('GET', `/api/reports/summary?year=2020&scope=${blockCode(BLOCK_NAME)}`))
        .statusCode,
    ).toBe(403);
    expect(
      (await donvi.request('GET', '/api/reports/summary/versions?year=2020&scope=BL-TTKN')).statusCode,
    ).toBe(403);
    // The picker offers a unit officer its own subtree only, and no block (it spans other units).
    const scopes = (await donvi.request('GET', '/api/reports/scopes?year=2020')).json() as ScopeOption[];
    expect(scopes[0]).toMatchObject({ kind: 'unit', code: 'BL-TTNS' });
    expect(scopes.every((s) => s.kind === 'unit' && s.code.startsWith('BL-TTNS'))).toBe(true);
    const all = (await canbo.request('GET', '/api/reports/scopes?year=2020')).json() as ScopeOption[];
    expect(all[0]).toEqual({ kind: 'block', code: blockCode(BLOCK_NAME), label: BLOCK_NAME });
    expect(all.filter((s) => s.kind === 'unit').length).toBeGreaterThan(8);
    expect(all.some((s) => s.code === 'BL-TTKN')).toBe(true);

    const missing = await canbo.request('GET', '/api/reports/summary?year=2020&scope=KHONG-CO');
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toMatchObject({
      code: 'REPORT.SCOPE_NOT_FOUND',
      message: 'Không có đơn vị mã "KHONG-CO" hay khối thi đua "KHONG-CO" trong năm 2020.',
    });
    const cliBad = await cli('report', 'summary', '--year', '2020', '--scope', 'KHONG-CO');
    expect(cliBad.code).toBe(1);
    expect(cliBad.err).toContain('KHONG-CO');
    expect((await canbo.request('GET', '/api/reports/summary?year=19&scope=')).statusCode).toBe(400);
    expect((await canbo.request('GET', '/api/reports/scopes?year=abc')).statusCode).toBe(400);
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
  it('narrative sections are saved as versions; the latest shows in JSON and Word, an older one on request', async () => {
    const url = '/api/reports/summary/narrative';
    const scope = 'BL-TTKN';
    const first = await canbo.request('PUT', url, {
      year: 2020,
      scope,
      baseVersion: 0,
      note: 'Bản đầu',
      sections: {
        assessment: 'Năm 2020 hoàn thành tốt.\n\nCác phong trào sôi nổi.',
        nextYearTasks: 'Phát động sớm.',
      },
    });
    expect(first.statusCode, first.body).toBe(200);
    const h1 = first.json() as NarrativeHistory;
    expect(h1).toMatchObject({ year: 2020, scopeKey: scope, currentVersion: 1, publishedNewsId: null });
    expect(h1.versions).toEqual([
      { version: 1, note: 'Bản đầu', savedAt: t.time.clock().toISOString(), savedBy: expect.any(String) },
    ]);

    const second = await canbo.request('PUT', url, {
      year: 2020,
      scope,
      baseVersion: 1,
      note: 'Thêm kiến nghị',
      sections: {
        assessment: 'Năm 2020 hoàn thành xuất sắc.',
        strengths: 'Đoàn kết.',
        weaknesses: 'Hồ sơ còn chậm.',
        lessons: 'Phát hiện điển hình sớm.',
        nextYearTasks: 'Phát động sớm.',
        proposals: 'Đề nghị Sở bổ sung kinh phí.',
      },
    });
    expect(second.statusCode, second.body).toBe(200);
    expect((second.json() as NarrativeHistory).versions.map((v) => v.version)).toEqual([2, 1]);

    // A second editor who opened version 1 is refused, and nothing changes.
    const stale = await canbo.request('PUT', url, {
      year: 2020,
      scope,
      baseVersion: 1,
      sections: { assessment: 'Ghi đè.' },
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ code: 'REPORT.STALE_VERSION' });
    expect(stale.json().message).toContain('phiên bản 2');
    const history = (
      await canbo.request('GET', `/api/reports/summary/versions?year=2020&scope=${scope}`)
    ).json() as NarrativeHistory;
    expect(history.currentVersion).toBe(2);
    expect(history.versions).toHaveLength(2);

    // The latest in JSON; the older on request; an unknown version is not found.
    const latest = (
      await canbo.request('GET', `/api/reports/summary?year=2020&scope=${scope}`)
    ).json() as SummaryReport;
    expect(latest.narrative).toMatchObject({ version: 2, note: 'Thêm kiến nghị', empty: false });
    expect(latest.narrative.sections.find((x) => x.key === 'proposals')!.text).toBe(
      'Đề nghị Sở bổ sung kinh phí.',
    );
    const older = (
      await canbo.request('GET', `/api/reports/summary?year=2020&scope=${scope}&version=1`)
    ).json() as SummaryReport;
    expect(older.narrative.version).toBe(1);
    expect(older.narrative.sections.find((x) => x.key === 'assessment')!.paragraphs).toEqual([
      'Năm 2020 hoàn thành tốt.',
      'Các phong trào sôi nổi.',
    ]);
    expect(counts(older)).toEqual(counts(latest));
    expect(
      (await canbo.request('GET', `/api/reports/summary?year=2020&scope=${scope}&version=9`)).statusCode,
    ).toBe(404);
    // Another scope's narrative is its own: the whole province has none.
    expect(
      ((await canbo.request('GET', '/api/reports/summary?year=2020')).json() as SummaryReport).narrative,
    ).toMatchObject({ version: 0, empty: true });

    // The Word file prints the latest version, numbered after I and II.
    const w = await canbo.request('GET', `/api/reports/summary?year=2020&scope=${scope}&format=docx`);
    const text = textOf(await zipText(w.rawPayload, 'word/document.xml'));
    for (const x of [
      'III. ĐÁNH GIÁ CHUNG',
      'Năm 2020 hoàn thành xuất sắc.',
      '1. Ưu điểm',
      '2. Tồn tại, hạn chế và nguyên nhân',
      '3. Bài học kinh nghiệm',
      'IV. PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2021',
      'V. KIẾN NGHỊ, ĐỀ XUẤT',
      'Đề nghị Sở bổ sung kinh phí.',
    ])
      expect(text, x).toContain(x);
    expect(text).not.toContain('Các phong trào sôi nổi.');
    // A CLI reader gets the same narrative.
    const viaCli = JSON.parse(
      (await cli('report', 'summary', '--year', '2020', '--scope', scope)).out,
    ) as SummaryReport;
    expect(viaCli.narrative).toEqual(latest.narrative);

    // Every save is in the audit log, with the text before and after.
    const audit = await t.database.rows<{ action: string; after: { version: number } }>(
      sql`select action, "after" from audit_log where entity_type = 'summary_report' order by seq`,
    );
    expect(audit.map((a) => `${a.action}:${a.after.version}`)).toEqual([
      'report.narrative.save:1',
      'report.narrative.save:2',
    ]);
  });

  it('only the department edits the narrative; bad input is refused with Vietnamese messages and changes nothing', async () => {
    const url = '/api/reports/summary/narrative';
    const body = { year: 2021, scope: '', baseVersion: 0, sections: { assessment: 'Tốt.' } };
    for (const who of ['donvi', 'lanhdao', 'khoitruong', 'hoidong']) {
      const s = await t.login(who);
      expect((await s.request('PUT', url, body)).statusCode, who).toBe(403);
      expect((await s.request('POST', '/api/reports/summary/publish', { year: 2021 })).statusCode, who).toBe(
        403,
      );
    }
    // Readers with read:report:own still read their own unit.
    expect(
      (await (await t.login('khoitruong')).request('GET', '/api/reports/summary?year=2020')).statusCode,
    ).toBe(200);

    const bad = async (b: unknown) => {
      const r = await canbo.request('PUT', url, b);
      expect(r.statusCode, r.body).toBe(400);
      return r.json() as { code: string; fields?: Record<string, string> };
    };
    const tooLong = await bad({ ...body, sections: { assessment: 'a'.repeat(20_001) } });
    expect(Object.values(tooLong.fields ?? {}).join(' ')).toContain('Đánh giá chung tối đa');
    const none = await bad({ ...body, sections: { assessment: '   ' } });
    expect(Object.values(none.fields ?? {}).join(' ')).toContain('Cần nhập nội dung cho ít nhất một phần');
    const control = await bad({ ...body, sections: { proposals: 'x\u0007y' } });
    expect(Object.values(control.fields ?? {}).join(' ')).toContain(
      'Kiến nghị, đề xuất chứa ký tự điều khiển',
    );
    await bad({ ...body, baseVersion: undefined });
    await bad({ ...body, baseVersion: -1 });
    await bad({ ...body, sections: { other: 'x' } });
    await bad({ ...body, note: 'n'.repeat(501) });
    await bad({ ...body, year: 1800 });
    // A scope the editor names must exist.
    expect((await canbo.request('PUT', url, { ...body, scope: 'KHONG-CO' })).statusCode).toBe(404);
    const h = (
      await canbo.request('GET', '/api/reports/summary/versions?year=2021')
    ).json() as NarrativeHistory;
    expect(h).toMatchObject({ currentVersion: 0, versions: [] });
  });

  it('publishes the report as a news item of the portal, and again to the same item', async () => {
    // A narrative with markup in it: the news body shows it as text.
    const h = (
      await canbo.request('GET', '/api/reports/summary/versions?year=2020&scope=BL-TTKN')
    ).json() as NarrativeHistory;
    const saved = await canbo.request('PUT', '/api/reports/summary/narrative', {
      year: 2020,
      scope: 'BL-TTKN',
      baseVersion: h.currentVersion,
      sections: {
        assessment: 'Hoàn thành <script>alert(1)</script> tốt.',
        proposals: 'Đề nghị Sở bổ sung kinh phí.',
      },
    });
    expect(saved.statusCode, saved.body).toBe(200);

    const res = await canbo.request('POST', '/api/reports/summary/publish', { year: 2020, scope: 'BL-TTKN' });
    expect(res.statusCode, res.body).toBe(200);
    const item = res.json() as { id: string; slug: string; url: string };
    expect(item.url).toBe(`/tin-tuc/${item.slug}`);
    const rows = await t.database.rows<{ title: string; status: string; body_html: string; slug: string }>(
      sql`select title, status, body_html, slug from news_items where id = ${item.id}`,
    );
    expect(rows[0]).toMatchObject({
      status: 'published',
      title: 'Báo cáo tổng kết công tác thi đua, khen thưởng năm 2020 — Trung tâm Khuyến nông tỉnh Bạc Liêu',
    });
    const body = rows[0]!.body_html;
    for (const x of [
      'II. Công tác khen thưởng',
      'Lao động tiên tiến',
      'III. ĐÁNH GIÁ CHUNG',
      'Đề nghị Sở bổ sung kinh phí.',
    ])
      expect(body, x).toContain(x);
    expect(body).not.toContain('<script');
    expect(body).toContain('&lt;script&gt;');
    const history = (
      await canbo.request('GET', '/api/reports/summary/versions?year=2020&scope=BL-TTKN')
    ).json() as NarrativeHistory;
    expect(history.publishedNewsId).toBe(item.id);
    // The public page shows it without login.
    const page = await t.sut.inject({ method: 'GET', url: item.url });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Báo cáo tổng kết công tác thi đua, khen thưởng năm 2020');

    // Again: the same item (same address), with the current narrative.
    const again = await canbo.request('POST', '/api/reports/summary/publish', {
      year: 2020,
      scope: 'BL-TTKN',
    });
    expect(again.statusCode, again.body).toBe(200);
    expect(again.json()).toEqual(item);
    const actions = await t.database.rows<{ action: string }>(
      sql`select action from audit_log where entity_type in ('summary_report', 'news_item') order by seq desc limit 2`,
    );
    expect(actions.map((a) => a.action)).toEqual(['report.publish', 'news.item.publish_generated']);

    // An empty year publishes a clear empty report; bad input changes nothing.
    const empty = await canbo.request('POST', '/api/reports/summary/publish', { year: 1995 });
    expect(empty.statusCode, empty.body).toBe(200);
    const emptyBody = await t.database.rows<{ body_html: string }>(
      sql`select body_html from news_items where id = ${(empty.json() as { id: string }).id}`,
    );
    expect(emptyBody[0]!.body_html).toContain('Năm 1995 chưa có dữ liệu phong trào thi đua và khen thưởng');
    const before = await t.database.rows<{ n: unknown }>(sql`select count(*) as n from news_items`);
    for (const b of [{ year: 'x' }, { year: 2020, publishAt: 'mai' }, { year: 2020, other: 1 }])
      expect((await canbo.request('POST', '/api/reports/summary/publish', b)).statusCode).toBe(400);
    expect(
      (await canbo.request('POST', '/api/reports/summary/publish', { year: 2020, scope: 'KHONG-CO' }))
        .statusCode,
    ).toBe(404);
    const after = await t.database.rows<{ n: unknown }>(sql`select count(*) as n from news_items`);
    expect(Number(after[0]!.n)).toBe(Number(before[0]!.n));
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
