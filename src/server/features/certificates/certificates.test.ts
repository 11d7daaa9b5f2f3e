/**
 * Certificates through the API on a real database: the PDF is a PDF with one page per recipient and the
 * Vietnamese names in it (read back with poppler's pdftotext), the calibration page and the printer offset,
 * templates validated and audited, role refusals.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestApp, engine, type Session, type TestApp } from '../../testing/harness';
import { issuedDecision } from '../fund/fund.fixtures';
import { defaultLayout, mmToPt } from '../../../domain/certificates';

let t: TestApp;
let canbo: Session;
const dir = mkdtempSync(path.join(tmpdir(), 'vd-cert-'));

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
  rmSync(dir, { recursive: true, force: true });
});
beforeEach(async () => {
  await t.seed();
  canbo = await t.login('canbo');
});

let fileNo = 0;
function pdfTool(tool: 'pdftotext' | 'pdfinfo', pdf: Buffer, args: string[] = []): string {
  const file = path.join(dir, `c${++fileNo}.pdf`);
  writeFileSync(file, pdf);
  return execFileSync(tool, [...args, file, ...(tool === 'pdftotext' ? ['-'] : [])], { encoding: 'utf8' });
}
const pages = (pdf: Buffer) => Number(/Pages:\s+(\d+)/.exec(pdfTool('pdfinfo', pdf))![1]);

const NAMES = ['Nguyễn Thị Hồng Nhung', 'Trần Văn Khải', 'Võ Thị Mỹ Linh'];

/** An issued decision of the Sở with three Giấy khen and one title line (no certificate template). */
async function decisionWithRecipients(): Promise<string> {
  const d = await issuedDecision(t.database, 'BL-SNN', '2020-11-26', 2_980_000, 'issued', {
    place: 'Bạc Liêu',
    signerName: 'Đặng Hoàng Phúc',
    signerTitle: 'Phó Giám đốc',
    signMode: 'KT',
    summary:
      'Về việc tặng Giấy khen cho các tập thể, cá nhân đã có thành tích trong phong trào thi đua năm 2020',
  });
  const lines = [
    ...NAMES.map((n, i) => ({ name: i === 0 ? n.normalize('NFD') : n, code: 'GIAY_KHEN' })),
    { name: 'Phạm Quốc Bảo', code: 'LDTT' },
  ];
  let pos = 0;
  for (const l of lines)
    await t.database.db.execute(
      sql`insert into decision_recipients (decision_id, recipient_kind, recipient_key, display_name, display_detail,
          award_code, track, year, prize_amount, position)
        values (${d.id}, 'individual', ${`X:${++pos}`}, ${l.name}, 'Chuyên viên, Trung tâm Khuyến nông tỉnh Bạc Liêu',
          ${l.code}, 'thematic', 2020, 0, ${pos})`,
    );
  return d.id;
}

const templates = async () =>
  (await canbo.request('GET', '/api/certificates/templates')).json() as {
    id: string;
    code: string;
    name: string;
    version: number;
    awardCodes: string[];
    layout: ReturnType<typeof defaultLayout>;
  }[];

describe(`certificates (${engine})`, () => {
  it('prints a decision: a PDF, one page per Giấy khen recipient, the Vietnamese names in NFC', async () => {
    const id = await decisionWithRecipients();
    const res = await canbo.request('GET', `/api/certificates/decisions/${id}/pdf`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toContain('khen-thuong-');
    const pdf = res.rawPayload;
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pages(pdf)).toBe(3);
    const text = pdfTool('pdftotext', pdf).normalize('NFC');
    for (const n of NAMES) expect(text).toContain(n);
    expect(text).not.toContain('Phạm Quốc Bảo'); // LĐTT: no certificate template
    expect(text).toContain('GIÁM ĐỐC SỞ NÔNG NGHIỆP VÀ PHÁT TRIỂN NÔNG THÔN TỈNH BẠC LIÊU');
    expect(text).toContain('Bạc Liêu, ngày 26 tháng 11 năm 2020');
    expect(text).toContain('KT. GIÁM ĐỐC');
    // Extracted as precomposed characters, though the first name was stored decomposed.
    expect(pdfTool('pdftotext', pdf)).toContain('Nguyễn Thị Hồng Nhung'.normalize('NFC'));

    const list = (await canbo.request('GET', '/api/certificates/decisions?year=2020')).json();
    expect(list).toEqual([expect.objectContaining({ id, recipients: 4, printable: 3 })]);
  });

  it('prints one recipient, and the calibration page first when asked', async () => {
    const id = await decisionWithRecipients();
    const detail = (await canbo.request('GET', `/api/certificates/decisions/${id}`)).json();
    expect(detail.recipients.map((r: { templateCode: string | null }) => r.templateCode)).toEqual([
      'GK-MAC-DINH',
      'GK-MAC-DINH',
      'GK-MAC-DINH',
      null,
    ]);
    const one = await canbo.request(
      'GET',
      `/api/certificates/decisions/${id}/pdf?recipientId=${detail.recipients[1].id}`,
    );
    expect(pages(one.rawPayload)).toBe(1);
    expect(pdfTool('pdftotext', one.rawPayload)).toContain('Trần Văn Khải');

    const calibrated = await canbo.request('GET', `/api/certificates/decisions/${id}/pdf?calibration=true`);
    expect(pages(calibrated.rawPayload)).toBe(4);
    expect(calibrated.headers['x-certificate-pages']).toBe('4');
    const first = pdfTool('pdftotext', calibrated.rawPayload, ['-f', '1', '-l', '1']);
    expect(first).toContain('TRANG CĂN CHỈNH');

    const [gk] = (await templates()).filter((x) => x.code === 'GK-MAC-DINH');
    const page = await canbo.request('GET', `/api/certificates/templates/${gk!.id}/calibration.pdf`);
    expect(page.statusCode).toBe(200);
    expect(pages(page.rawPayload)).toBe(1);
  });

  it('moves the printed text by the calibration offset', async () => {
    const id = await decisionWithRecipients();
    const [gk] = (await templates()).filter((x) => x.code === 'GK-MAC-DINH');
    const nameBox = async () => {
      const res = await canbo.request(
        'GET',
        `/api/certificates/decisions/${id}/pdf?recipientId=${
          (await canbo.request('GET', `/api/certificates/decisions/${id}`)).json().recipients[1].id
        }`,
      );
      const html = pdfTool('pdftotext', res.rawPayload, ['-bbox']);
      const m = /<word xMin="([\d.]+)" yMin="([\d.]+)"[^>]*>Khải<\/word>/.exec(html);
      return { x: Number(m![1]), y: Number(m![2]) };
    };
    const before = await nameBox();
    const moved = { ...gk!.layout, offset: { x: 10, y: -4 } };
    const put = await canbo.request('PUT', `/api/certificates/templates/${gk!.id}`, {
      code: gk!.code,
      name: 'Giấy khen (đã căn chỉnh máy in phòng TĐKT)',
      awardCodes: gk!.awardCodes,
      layout: moved,
      version: gk!.version,
    });
    expect(put.statusCode, put.body).toBe(200);
    const after = await nameBox();
    expect(after.x - before.x).toBeCloseTo(mmToPt(10), 1);
    expect(after.y - before.y).toBeCloseTo(mmToPt(-4), 1);
  });

  it('warns before printing when a text does not fit its box even at the smallest size', async () => {
    const id = await decisionWithRecipients();
    let detail = (await canbo.request('GET', `/api/certificates/decisions/${id}`)).json();
    expect(detail.recipients[0].overflow).toEqual([]);
    const [gk] = (await templates()).filter((x) => x.code === 'GK-MAC-DINH');
    const narrow = {
      ...gk!.layout,
      fields: {
        ...gk!.layout.fields,
        recipientName: { ...gk!.layout.fields.recipientName, width: 20, minFontSize: 20 },
      },
    };
    const put = await canbo.request('PUT', `/api/certificates/templates/${gk!.id}`, {
      code: gk!.code,
      name: gk!.name,
      awardCodes: gk!.awardCodes,
      layout: narrow,
      version: gk!.version,
    });
    expect(put.statusCode, put.body).toBe(200);
    detail = (await canbo.request('GET', `/api/certificates/decisions/${id}`)).json();
    expect(detail.recipients[0].overflow).toEqual(['recipientName']);
    expect(detail.recipients[3].overflow).toEqual([]); // no template, nothing printed
    // Still printed whole: wrapped past its line limit rather than cut.
    const res = await canbo.request(
      'GET',
      `/api/certificates/decisions/${id}/pdf?recipientId=${detail.recipients[0].id}`,
    );
    expect(pdfTool('pdftotext', res.rawPayload).normalize('NFC')).toContain('Nguyễn\nThị\nHồng\nNhung');
  });

  it('validates templates with Vietnamese messages and changes nothing', async () => {
    const layout = defaultLayout('GK');
    const bad = await canbo.request('POST', '/api/certificates/templates', {
      code: 'GK-PHONG',
      name: 'Giấy khen phòng',
      awardCodes: ['GIAY_KHEN'],
      layout: {
        ...layout,
        fields: {
          ...layout.fields,
          recipientName: { ...layout.fields.recipientName, x: 100, width: 250, minFontSize: 30 },
        },
      },
    });
    expect(bad.statusCode).toBe(400);
    const fields = bad.json().fields as Record<string, string>;
    expect(fields['layout.fields.recipientName.minFontSize']).toBe(
      'Cỡ chữ nhỏ nhất không được lớn hơn cỡ chữ',
    );
    const notAward = await canbo.request('POST', '/api/certificates/templates', {
      code: 'X',
      name: '',
      awardCodes: ['LDTT'],
      layout,
    });
    expect(notAward.statusCode).toBe(400);
    expect(Object.values(notAward.json().fields)).toEqual(
      expect.arrayContaining(['Tên mẫu không được để trống', 'Hình thức khen thưởng không hợp lệ']),
    );
    const offPage = await canbo.request('POST', '/api/certificates/templates', {
      code: 'GK-LECH',
      name: 'Lệch',
      awardCodes: ['GIAY_KHEN'],
      layout: {
        ...layout,
        fields: { ...layout.fields, unit: { ...layout.fields.unit, x: 200, width: 120 } },
      },
    });
    expect(offPage.statusCode).toBe(400);
    expect(offPage.json().fields['layout.fields.unit.width']).toBe(
      'Chức vụ, đơn vị: vượt mép phải của tờ giấy (rộng 297 mm)',
    );
    expect((await templates()).map((x) => x.code)).toEqual(['BK-MAC-DINH', 'GK-MAC-DINH']);
  });

  it('keeps template codes unique, edits by version and audits', async () => {
    const layout = defaultLayout('BK');
    const body = { code: 'BK-A3', name: 'Bằng khen A3', awardCodes: ['BK_TINH'], layout };
    const created = await canbo.request('POST', '/api/certificates/templates', body);
    expect(created.statusCode).toBe(201);
    const again = await canbo.request('POST', '/api/certificates/templates', body);
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('CERTIFICATE.CODE_TAKEN');
    const tpl = created.json();
    const stale = await canbo.request('PUT', `/api/certificates/templates/${tpl.id}`, {
      ...body,
      version: 9,
    });
    expect(stale.statusCode).toBe(409);
    expect(
      (await canbo.request('DELETE', `/api/certificates/templates/${tpl.id}?version=1`)).statusCode,
    ).toBe(200);
    const actions = await t.database.rows<{ action: string }>(
      sql`select action from audit_log where entity_type = 'certificate_template' order by seq`,
    );
    expect(actions.map((a) => a.action)).toEqual([
      'certificate.template.create',
      'certificate.template.delete',
    ]);
  });

  it('refuses drafts, decisions without a printable award, and other roles', async () => {
    const draft = await issuedDecision(t.database, 'BL-SNN', '2020-11-27', 0, 'draft');
    const r1 = await canbo.request('GET', `/api/certificates/decisions/${draft.id}/pdf`);
    expect(r1.statusCode).toBe(409);
    expect(r1.json().code).toBe('CERTIFICATE.DECISION_NOT_ISSUED');

    const titlesOnly = await issuedDecision(t.database, 'BL-SNN', '2020-11-28', 0);
    await t.database.db.execute(
      sql`insert into decision_recipients (decision_id, recipient_kind, recipient_key, display_name, award_code, track, year)
        values (${titlesOnly.id}, 'individual', 'X:1', 'Phạm Quốc Bảo', 'LDTT', 'regular', 2020)`,
    );
    const r2 = await canbo.request('GET', `/api/certificates/decisions/${titlesOnly.id}/pdf`);
    expect(r2.statusCode).toBe(400);
    expect(r2.json().message).toBe('Không có người nhận nào của quyết định phù hợp với mẫu được chọn.');

    const id = await decisionWithRecipients();
    for (const user of ['admin', 'lanhdao', 'donvi', 'khoitruong', 'hoidong']) {
      const s = await t.login(user);
      expect((await s.request('GET', `/api/certificates/decisions/${id}/pdf`)).statusCode, user).toBe(403);
      expect((await s.request('GET', '/api/certificates/templates')).statusCode, user).toBe(403);
    }
    const bad = await canbo.request('GET', `/api/certificates/decisions/${id}/pdf?templateId=nope`);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().fields.templateId).toBe('Mã định danh không hợp lệ');
  });
});
