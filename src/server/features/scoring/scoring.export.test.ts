/**
 * The demo's 2021 covenant, and the exports: the score sheet and the ranking to Excel and to Word in the
 * Nghị định 30/2020 format, opened back (exceljs; document.xml unzipped with yauzl) to check what they say.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import yauzl from 'yauzl';
import { createTestApp, type Session, type TestApp } from '../../testing/harness';
import { blocks, units } from '../../platform/db/schema';
import type { ScoringBoard } from '../../../shared/scoring/scoring.schema';
import { scoringRepository } from './scoring.repository';
import { BLOCK_2020_MEMBERS } from '../../seed/demo-registry';

let t: TestApp;
let lead: Session;
let board: ScoringBoard;

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
/** The visible text of a Word body (runs joined), for plain assertions. */
const textOf = (xml: string) =>
  [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');

beforeAll(async () => {
  t = await createTestApp();
  await t.seed({ registry: true });
  lead = await t.login('khoitruong');
  const id = (await t.database.db.select().from(blocks).where(eq(blocks.year, 2021)))[0]!.id;
  board = (await lead.request('GET', `/api/scoring/blocks/${id}`)).json() as ScoringBoard;
}, 180_000);
afterAll(async () => t?.close());

describe('the demo: the origin block in 2021, open for scoring', () => {
  it('has the same eight members, led by Trung tâm Khuyến nông, and a covenant of four groups with bonus and penalty', () => {
    expect(board.block.members.map((m) => m.code).sort()).toEqual([...BLOCK_2020_MEMBERS].sort());
    expect(board.block.members.find((m) => m.unitId === board.block.leadUnitId)!.code).toBe('BL-TTKN');
    expect(board.set?.status).toBe('open');
    expect(board.criteria.filter((c) => c.kind === 'group')).toHaveLength(4);
    expect(board.criteria.filter((c) => c.kind === 'score')).toHaveLength(14);
    expect(board.criteria.filter((c) => c.kind === 'bonus')).toHaveLength(1);
    expect(board.criteria.filter((c) => c.kind === 'penalty')).toHaveLength(1);
    expect(board.sheets).toHaveLength(8);
    expect(board.sheets.every((s) => s.status === 'draft' && s.scores.length === 0)).toBe(true);
    expect(board.viewer.canLead).toBe(true);
  });

  it("computes each member's share of women from the people rated there that year", async () => {
    const ids = (
      await t.database.db
        .select({ id: units.id, code: units.code })
        .from(units)
        .where(and(eq(units.code, 'BL-TTKN')))
    ).map((u) => u.id);
    const shares = await scoringRepository.womenShares(t.database.db, ids, 2020);
    const share = shares.get(ids[0]!)!;
    expect(share).toBeGreaterThan(0);
    expect(share).toBeLessThan(1);
    expect((await scoringRepository.womenShares(t.database.db, ids, 2021)).get(ids[0]!)).toBeNull();
  });
});

describe('exports', () => {
  let sheetId: string;
  beforeAll(async () => {
    const sheet = board.sheets.find((s) => s.unitCode === 'BL-TTKN')!;
    sheetId = sheet.id;
    const code = (c: string) => board.criteria.find((x) => x.code === c)!.id;
    const res = await lead.request('PUT', `/api/scoring/sheets/${sheet.id}/self`, {
      version: sheet.version,
      scores: [
        {
          criterionId: code('A1'),
          selfScore: 14.5,
          evidence: [{ label: 'Báo cáo năm 2021', url: 'https://snn.baclieu.gov.vn/bc.pdf' }],
        },
        { criterionId: code('B2'), selfScore: 9 },
        { criterionId: code('P1'), selfScore: -1 },
      ],
    });
    expect(res.statusCode, res.body).toBe(200);
  });

  it('the score sheet to Excel lists the criteria tree with own and final scores', async () => {
    const res = await lead.request('GET', `/api/scoring/sheets/${sheetId}/export?format=xlsx`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toMatch(/phieu-cham-diem-2021-BL-TTKN\.xlsx/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    const rows: string[][] = [];
    ws.eachRow((r) => rows.push((r.values as unknown[]).slice(1).map((v) => String(v ?? ''))));
    expect(rows[0]![0]).toBe('PHIẾU CHẤM ĐIỂM THI ĐUA NĂM 2021');
    const a1 = rows.find((r) => r[0] === 'A1')!;
    expect(a1[4]).toBe('14,5');
    expect(a1[8]).toMatch(/Báo cáo năm 2021: https:\/\/snn\.baclieu\.gov\.vn\/bc\.pdf/);
    expect(rows.at(-1)![1]).toBe('TỔNG CỘNG');
    expect(rows.at(-1)![6]).toBe('22,5');
  });

  it('the score sheet to Word: A4, Times New Roman, margins, motto, number, italic date, bold title, fixed column widths', async () => {
    const res = await lead.request('GET', `/api/scoring/sheets/${sheetId}/export?format=docx`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/wordprocessingml/);
    const xml = await zipText(res.rawPayload, 'word/document.xml');
    const text = textOf(xml);
    for (const s of [
      'SỞ NÔNG NGHIỆP VÀ PHÁT TRIỂN NÔNG THÔN TỈNH BẠC LIÊU',
      'KHỐI THI ĐUA',
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'Số:        /PCĐ-KTĐ',
      'Bạc Liêu, ngày ',
      'PHIẾU CHẤM ĐIỂM',
      'Trung tâm Khuyến nông tỉnh Bạc Liêu',
      'Hoàn thành và vượt các chỉ tiêu kế hoạch nhà nước giao trong năm',
      'TM. KHỐI THI ĐUA',
      'Nơi nhận:',
    ])
      expect(text).toContain(s);
    // A4 portrait, left 30 mm, right 15 mm, top and bottom 20 mm (in twips).
    expect(xml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    expect(xml).toMatch(/w:top="1134"[^>]*w:right="850"[^>]*w:bottom="1134"[^>]*w:left="1701"/);
    expect(xml).toContain('w:ascii="Times New Roman"');
    // The place and date run is in italics, the title in bold.
    expect(xml).toMatch(/<w:i\/>(?:(?!<\/w:r>).)*Bạc Liêu, ngày/s);
    expect(xml).toMatch(/<w:b\/>(?:(?!<\/w:r>).)*PHIẾU CHẤM ĐIỂM/s);
    // Tables carry explicit widths: a fixed layout and a grid column per column.
    expect(xml).toContain('<w:tblLayout w:type="fixed"/>');
    expect(xml).toContain('<w:gridCol w:w="794"/>'); // 14 mm
    // Page numbers from page 2: a distinct first page.
    expect(xml).toContain('<w:titlePg/>');
  });

  it('the ranking to Excel and Word', async () => {
    const id = board.block.id;
    const x = await lead.request('GET', `/api/scoring/blocks/${id}/ranking/export?format=xlsx`);
    expect(x.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(x.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(String(ws.getCell(1, 1).value)).toBe('KẾT QUẢ CHẤM ĐIỂM, XẾP HẠNG THI ĐUA NĂM 2021');
    expect(String(ws.getCell(4, 1).value)).toMatch(
      /Tổng điểm → Điểm tiêu chí A → Điểm tiêu chí B → Ưu tiên tập thể có từ 70% nữ/,
    );
    expect(String(ws.getCell(7, 2).value)).toBe('Trung tâm Khuyến nông tỉnh Bạc Liêu');
    expect(String(ws.getCell(7, 4).value)).toBe('22,5');

    const w = await lead.request('GET', `/api/scoring/blocks/${id}/ranking/export?format=docx`);
    expect(w.statusCode).toBe(200);
    const text = textOf(await zipText(w.rawPayload, 'word/document.xml'));
    expect(text).toContain('BÁO CÁO');
    expect(text).toContain('Kết quả chấm điểm, xếp hạng thi đua năm 2021');
    expect(text).toContain('Kết quả tạm tính, chưa được Hội nghị khối thông qua.');
  });

  it('a member downloads only its own sheet', async () => {
    const donvi = await t.login('donvi');
    const res = await donvi.request('GET', `/api/scoring/sheets/${sheetId}/export?format=xlsx`);
    expect(res.statusCode).toBe(404);
  });
});
