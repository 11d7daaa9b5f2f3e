/**
 * Block scoring through the API on a real database: the lead edits and opens the covenant, members
 * self-score their own sheet only, lead and deputy cross-check with a reason, the meeting locks, the lead
 * proposes and rotates. Bad input (scores out of range, another member's sheet, edits after the lock,
 * two officers saving at once) is refused with a Vietnamese message and changes nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { desc, eq } from 'drizzle-orm';
import { createTestApp, type Session, type TestApp } from '../../testing/harness';
import { auditLog, blocks, dossiers, units } from '../../platform/db/schema';
import type { CriteriaSaveInput, ScoringBoard, Sheet } from '../../../shared/scoring/scoring.schema';
import type { DossierDetail } from '../../../shared/dossiers/dossiers.schema';

let t: TestApp;
let lead: Session; // khoitruong: block_lead at BL-TTKN, the 2020 block's lead
let ttns: Session; // donvi: unit_officer at BL-TTNS (the 2020 deputy unit, a member)
let ttns2: Session; // a second officer at BL-TTNS
let bqlr: Session; // unit_officer at BL-BQLR
let otherLead: Session; // block_lead at BL-BQLR: neither lead nor deputy of the 2020 block
let officer: Session; // canbo: the department
let deputyLead: Session; // block_lead at BL-TTNS: the 2020 deputy unit's lead (not the lead unit)
let blockId: string;

const PDF = Buffer.from('%PDF-1.7\n% biên bản họp\n%%EOF\n');
const EXE = Buffer.from('MZ\x90\x00\x03\x00\x00\x00PE\x00\x00');

const unitId = async (code: string) =>
  (await t.database.db.select().from(units).where(eq(units.code, code)))[0]!.id;

async function userAt(username: string, role: string, unitCode: string): Promise<Session> {
  const admin = await t.login('admin');
  const res = await admin.request('POST', '/api/users', {
    username,
    displayName: `Cán bộ ${username}`,
    role,
    unitId: await unitId(unitCode),
    password: 'TamThoi2026abc',
  });
  expect(res.statusCode, res.body).toBe(201);
  const first = await t.login(username, 'TamThoi2026abc');
  const changed = await first.request('POST', '/api/auth/change-password', {
    currentPassword: 'TamThoi2026abc',
    newPassword: 'ChamDiem2026abc',
    confirmPassword: 'ChamDiem2026abc',
  });
  expect(changed.statusCode, changed.body).toBeLessThan(300);
  return t.login(username, 'ChamDiem2026abc');
}

const CRITERIA: CriteriaSaveInput = {
  criteria: [
    {
      code: 'A',
      label: 'Nhiệm vụ chuyên môn',
      parentCode: null,
      kind: 'group',
      maxPoints: 60,
      minPoints: 0,
      evidenceRequired: false,
    },
    {
      code: 'A1',
      label: 'Hoàn thành kế hoạch',
      parentCode: 'A',
      kind: 'score',
      maxPoints: 40,
      minPoints: 0,
      evidenceRequired: true,
    },
    {
      code: 'A2',
      label: 'Chất lượng dịch vụ',
      parentCode: 'A',
      kind: 'score',
      maxPoints: 20,
      minPoints: 0,
      evidenceRequired: false,
    },
    {
      code: 'B',
      label: 'Thi đua, khen thưởng',
      parentCode: null,
      kind: 'group',
      maxPoints: 40,
      minPoints: 0,
      evidenceRequired: false,
    },
    {
      code: 'B1',
      label: 'Tổ chức phong trào',
      parentCode: 'B',
      kind: 'score',
      maxPoints: 40,
      minPoints: 0,
      evidenceRequired: false,
    },
    {
      code: 'T1',
      label: 'Sáng kiến được công nhận',
      parentCode: null,
      kind: 'bonus',
      maxPoints: 5,
      minPoints: 0,
      evidenceRequired: false,
    },
    {
      code: 'P1',
      label: 'Vi phạm, báo cáo trễ hạn',
      parentCode: null,
      kind: 'penalty',
      maxPoints: 0,
      minPoints: -5,
      evidenceRequired: false,
    },
  ],
  tieRules: [{ kind: 'criterion', code: 'A' }, { kind: 'women_share' }],
};

const board = async (s: Session = lead) => {
  const res = await s.request('GET', `/api/scoring/blocks/${blockId}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as ScoringBoard;
};
const crit = (b: ScoringBoard, code: string) => b.criteria.find((c) => c.code === code)!.id;
const sheetOf = async (code: string, s: Session = lead) =>
  (await board(s)).sheets.find((x) => x.unitCode === code)!;

/** A full self-scored sheet: A1, A2, B1 and the bonus/penalty given. */
async function selfScore(
  s: Session,
  code: string,
  v: { A1: number; A2: number; B1: number; T1?: number; P1?: number },
  submit = true,
) {
  const b = await board(lead);
  const sheet = b.sheets.find((x) => x.unitCode === code)!;
  return s.request('PUT', `/api/scoring/sheets/${sheet.id}/self`, {
    version: sheet.version,
    submit,
    scores: Object.entries(v).map(([c, score]) => ({
      criterionId: crit(b, c),
      selfScore: score,
      evidence:
        c === 'A1' ? [{ label: 'Báo cáo tổng kết năm', url: 'https://example.gov.vn/bc-2020.pdf' }] : [],
    })),
  });
}

const lastAudit = async () =>
  (await t.database.db.select().from(auditLog).orderBy(desc(auditLog.seq)).limit(1))[0]!;

beforeAll(async () => {
  t = await createTestApp();
  await t.seed();
  lead = await t.login('khoitruong');
  ttns = await t.login('donvi');
  officer = await t.login('canbo');
  ttns2 = await userAt('donvi.ttns2', 'unit_officer', 'BL-TTNS');
  bqlr = await userAt('donvi.bqlr', 'unit_officer', 'BL-BQLR');
  otherLead = await userAt('khoipho.bqlr', 'block_lead', 'BL-BQLR');
  deputyLead = await userAt('khoipho.ttns', 'block_lead', 'BL-TTNS');
  blockId = (await t.database.db.select().from(blocks).where(eq(blocks.year, 2020)))[0]!.id;
}, 120_000);
afterAll(async () => t?.close());

describe('the covenant: criteria edited by the block lead, then opened', () => {
  it('only the lead or deputy unit edits the criteria', async () => {
    const r1 = await otherLead.request('PUT', `/api/scoring/blocks/${blockId}/criteria`, CRITERIA);
    expect(r1.statusCode).toBe(403);
    expect(r1.json()).toMatchObject({ code: 'SCORING.NOT_LEAD' });
    expect(r1.json().message).toMatch(/Khối trưởng hoặc Khối phó/);
    const r2 = await ttns.request('PUT', `/api/scoring/blocks/${blockId}/criteria`, CRITERIA);
    expect(r2.statusCode).toBe(403);
    expect((await board()).set).toBeNull();
  });

  it('refuses an inconsistent tree with Vietnamese field messages, and saves nothing', async () => {
    const bad = {
      ...CRITERIA,
      criteria: [
        ...CRITERIA.criteria.slice(0, 3),
        {
          code: 'A3',
          label: 'Thừa điểm',
          parentCode: 'A',
          kind: 'score',
          maxPoints: 10,
          minPoints: 0,
          evidenceRequired: false,
        },
        {
          code: 'P2',
          label: 'Điểm trừ sai',
          parentCode: null,
          kind: 'penalty',
          maxPoints: 5,
          minPoints: 0,
          evidenceRequired: false,
        },
      ],
      tieRules: [{ kind: 'criterion', code: 'Z9' }],
    };
    const res = await lead.request('PUT', `/api/scoring/blocks/${blockId}/criteria`, bad);
    expect(res.statusCode).toBe(400);
    const body = res.json();
    expect(body.code).toBe('SCORING.INVALID_CRITERIA');
    expect(Object.values(body.fields).join(' | ')).toMatch(
      /Nhóm A: tổng điểm tối đa các tiêu chí \(70\) vượt điểm của nhóm \(60\)/,
    );
    expect(Object.values(body.fields).join(' | ')).toMatch(/điểm trừ phải có điểm tối thiểu âm/);
    expect(body.fields.tieRules).toMatch(/Z9/);
    expect((await board()).set).toBeNull();
  });

  it('the lead saves the tree; the set is a draft with its tie rules from the law data', async () => {
    const res = await lead.request('PUT', `/api/scoring/blocks/${blockId}/criteria`, CRITERIA);
    expect(res.statusCode, res.body).toBe(200);
    const b = res.json() as ScoringBoard;
    expect(b.set?.status).toBe('draft');
    expect(b.criteria.map((c) => c.code)).toEqual(['A', 'A1', 'A2', 'B', 'B1', 'T1', 'P1']);
    expect(b.criteria.find((c) => c.code === 'A1')!.parentId).toBe(crit(b, 'A'));
    expect(b.set?.tieRules[1]).toMatchObject({ kind: 'women_share', threshold: 0.7 });
    expect((await lastAudit()).action).toBe('scoring.criteria.create');
  });

  it('members cannot score a draft', async () => {
    expect((await board()).sheets).toEqual([]);
  });

  it('opens for scoring with one sheet per member', async () => {
    const b = await board();
    const stale = await lead.request('POST', `/api/scoring/blocks/${blockId}/open`, {
      version: b.set!.version + 5,
    });
    expect(stale.statusCode).toBe(409);
    const res = await lead.request('POST', `/api/scoring/blocks/${blockId}/open`, {
      version: b.set!.version,
    });
    expect(res.statusCode, res.body).toBe(200);
    const opened = res.json() as ScoringBoard;
    expect(opened.set?.status).toBe('open');
    expect(opened.sheets).toHaveLength(8);
  });

  it('the criteria cannot change once scoring is open', async () => {
    const res = await lead.request('PUT', `/api/scoring/blocks/${blockId}/criteria`, CRITERIA);
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('SCORING.NOT_DRAFT');
  });
});

describe('self-scoring: own sheet only, within each range, one save at a time', () => {
  it('a member sees only its own sheet', async () => {
    const b = await board(ttns);
    expect(b.sheets.map((s) => s.unitCode)).toEqual(['BL-TTNS']);
    expect(b.ranking).toEqual([]);
  });

  it('a member scores its own sheet', async () => {
    const res = await selfScore(ttns, 'BL-TTNS', { A1: 38, A2: 18.5, B1: 35, T1: 2, P1: -1 }, false);
    expect(res.statusCode, res.body).toBe(200);
    const sheet = res.json() as Sheet;
    expect(sheet.total).toBe(92.5);
    expect(sheet.status).toBe('draft');
    expect((await lastAudit()).action).toBe('scoring.sheet.self_score');
  });

  it("a member scoring another member's sheet is refused, nothing changed", async () => {
    const before = await sheetOf('BL-BQLR');
    const res = await selfScore(ttns, 'BL-BQLR', { A1: 40, A2: 20, B1: 40 });
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({ code: 'SCORING.NOT_OWN_SHEET' });
    expect(res.json().message).toBe(
      'Đơn vị chỉ được tự chấm phiếu điểm của chính mình, không chấm phiếu của đơn vị khác.',
    );
    expect(await sheetOf('BL-BQLR')).toEqual(before);
  });

  it.each([
    ['above the maximum', 'A1', 40.5, 'Tiêu chí A1: điểm vượt mức tối đa 40'],
    ['below the minimum', 'A2', -1, 'Tiêu chí A2: điểm thấp hơn mức tối thiểu 0'],
    ['a penalty below its minimum', 'P1', -6, 'Tiêu chí P1: điểm thấp hơn mức tối thiểu -5'],
    ['a positive penalty', 'P1', 1, 'Tiêu chí P1: điểm vượt mức tối đa 0'],
    ['a score on a group', 'A', 10, 'Tiêu chí A là nhóm, không chấm điểm trực tiếp'],
  ])('%s is refused with a Vietnamese message, nothing changed', async (_name, code, value, message) => {
    const before = await sheetOf('BL-TTNS');
    const b = await board();
    const res = await ttns.request('PUT', `/api/scoring/sheets/${before.id}/self`, {
      version: before.version,
      scores: [
        { criterionId: crit(b, 'A2'), selfScore: 10 },
        { criterionId: crit(b, code), selfScore: value },
      ],
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('SCORING.INVALID_SCORE');
    expect(Object.values(res.json().fields)).toContain(message);
    expect(await sheetOf('BL-TTNS')).toEqual(before);
  });

  it('two officers saving the same sheet at once: the second is told (409), not silently overwritten', async () => {
    const before = await sheetOf('BL-TTNS');
    const b = await board();
    const save = (s: Session, a2: number) =>
      s.request('PUT', `/api/scoring/sheets/${before.id}/self`, {
        version: before.version,
        scores: [{ criterionId: crit(b, 'A2'), selfScore: a2 }],
      });
    const [r1, r2] = await Promise.all([save(ttns, 17), save(ttns2, 16)]);
    const codes = [r1.statusCode, r2.statusCode].sort();
    expect(codes).toEqual([200, 409]);
    const loser = r1.statusCode === 409 ? r1 : r2;
    expect(loser.json()).toMatchObject({ code: 'CONFLICT.VERSION' });
    expect(loser.json().message).toMatch(/người khác thay đổi/);
    const after = await sheetOf('BL-TTNS');
    const winnerValue = r1.statusCode === 200 ? 17 : 16;
    expect(after.scores.find((s) => s.criterionId === crit(b, 'A2'))!.selfScore).toBe(winnerValue);
    expect(after.version).toBe(before.version + 1);
    // A save from the stale version later is refused as well.
    const late = await save(ttns, 15);
    expect(late.statusCode).toBe(409);
  });

  it('submitting needs evidence where the criterion requires it', async () => {
    const s = await sheetOf('BL-BQLR');
    const b = await board();
    const res = await bqlr.request('PUT', `/api/scoring/sheets/${s.id}/self`, {
      version: s.version,
      submit: true,
      scores: [{ criterionId: crit(b, 'A1'), selfScore: 30 }],
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'SCORING.EVIDENCE_REQUIRED' });
    expect(Object.values(res.json().fields)).toContain('Tiêu chí A1 cần minh chứng kèm theo');
    expect(await sheetOf('BL-BQLR')).toEqual(s);
  });

  it('the lead cannot self-score for another member either', async () => {
    const res = await selfScore(lead, 'BL-BQLR', { A1: 40, A2: 20, B1: 40 });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('SCORING.NOT_OWN_SHEET');
  });
});

describe('evidence files: a member uploads to its own sheet; readers download them', () => {
  const uploadUrl = (sheetId: string, criterionId: string) =>
    `/api/scoring/sheets/${sheetId}/evidence?criterionId=${criterionId}`;

  it('uploads a PDF to its own sheet: an evidence entry linking to the download route, audited', async () => {
    const b = await board();
    const s = b.sheets.find((x) => x.unitCode === 'BL-TTNS')!;
    const res = await ttns.upload(uploadUrl(s.id, crit(b, 'B1')), 'bien-ban-hop.pdf', PDF);
    expect(res.statusCode, res.body).toBe(200);
    const sheet = res.json() as Sheet;
    expect(sheet.version).toBe(s.version + 1);
    const ev = sheet.scores.find((x) => x.criterionId === crit(b, 'B1'))!.evidence;
    expect(ev).toHaveLength(1);
    expect(ev[0]).toMatchObject({ label: 'bien-ban-hop.pdf', mimeType: 'application/pdf', size: PDF.length });
    expect(ev[0]!.url).toBe(`/api/scoring/sheets/${s.id}/evidence/${ev[0]!.sha256}`);
    const audit = await lastAudit();
    expect(audit.action).toBe('scoring.evidence.upload');
    expect(audit.entityId).toBe(s.id);
  });

  it('readers of the sheet download the file (checked by its checksum); other members do not', async () => {
    const s = await sheetOf('BL-TTNS');
    const url = s.scores.flatMap((x) => x.evidence).find((e) => e.sha256)!.url;
    for (const who of [ttns, lead, officer]) {
      const res = await who.request('GET', url);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.headers['content-type']).toContain('application/pdf');
      expect(res.rawPayload).toEqual(PDF);
    }
    expect((await bqlr.request('GET', url)).statusCode).toBe(404);
    expect((await ttns.request('GET', url.replace(/[0-9a-f]{64}$/, 'a'.repeat(64)))).statusCode).toBe(404);
  });

  it("refuses an upload to another member's sheet, and an executable renamed .pdf", async () => {
    const b = await board();
    const s = b.sheets.find((x) => x.unitCode === 'BL-TTNS')!;
    const other = await bqlr.upload(uploadUrl(s.id, crit(b, 'B1')), 'x.pdf', PDF);
    expect(other.statusCode).toBe(403);
    expect(other.json().code).toBe('SCORING.NOT_OWN_SHEET');
    const exe = await ttns.upload(uploadUrl(s.id, crit(b, 'B1')), 'setup.pdf', EXE);
    expect(exe.statusCode).toBe(415);
    expect(exe.json().code).toBe('DOSSIER.FILE_TYPE');
    expect(await sheetOf('BL-TTNS')).toEqual(s);
  });

  it('saving the sheet keeps an uploaded file; a file entry not uploaded to this sheet is refused', async () => {
    const b = await board();
    const s = b.sheets.find((x) => x.unitCode === 'BL-TTNS')!;
    const file = s.scores.find((x) => x.criterionId === crit(b, 'B1'))!.evidence[0]!;
    const forged = await ttns.request('PUT', `/api/scoring/sheets/${s.id}/self`, {
      version: s.version,
      scores: [
        {
          criterionId: crit(b, 'B1'),
          selfScore: 35,
          evidence: [{ label: 'Giả', url: '/x', sha256: 'b'.repeat(64) }],
        },
      ],
    });
    expect(forged.statusCode).toBe(400);
    expect(forged.json().code).toBe('SCORING.EVIDENCE_FILE_UNKNOWN');
    const kept = await ttns.request('PUT', `/api/scoring/sheets/${s.id}/self`, {
      version: s.version,
      scores: [
        {
          criterionId: crit(b, 'B1'),
          selfScore: s.scores.find((x) => x.criterionId === crit(b, 'B1'))!.selfScore,
          evidence: [{ label: 'Biên bản họp', url: '/khac', sha256: file.sha256 }],
        },
      ],
    });
    expect(kept.statusCode, kept.body).toBe(200);
    expect((kept.json() as Sheet).scores.find((x) => x.criterionId === crit(b, 'B1'))!.evidence).toEqual([
      { ...file, label: 'Biên bản họp' },
    ]);
  });
});

describe('cross-check, lock, ranking, proposal, rotation', () => {
  it('the lead cross-checks a score; a reason is mandatory; a member may not cross-check', async () => {
    const s = await sheetOf('BL-TTNS');
    const b = await board();
    const noReason = await lead.request('PUT', `/api/scoring/sheets/${s.id}/check`, {
      version: s.version,
      scores: [{ criterionId: crit(b, 'A1'), checkedScore: 35 }],
    });
    expect(noReason.statusCode).toBe(400);
    expect(JSON.stringify(noReason.json())).toMatch(/Lý do điều chỉnh/);
    const byMember = await bqlr.request('PUT', `/api/scoring/sheets/${s.id}/check`, {
      version: s.version,
      scores: [{ criterionId: crit(b, 'A1'), checkedScore: 35, reason: 'x' }],
    });
    expect(byMember.statusCode).toBe(403);
    const tooHigh = await lead.request('PUT', `/api/scoring/sheets/${s.id}/check`, {
      version: s.version,
      scores: [{ criterionId: crit(b, 'A1'), checkedScore: 41, reason: 'Thử' }],
    });
    expect(tooHigh.statusCode).toBe(400);
    const res = await lead.request('PUT', `/api/scoring/sheets/${s.id}/check`, {
      version: s.version,
      scores: [{ criterionId: crit(b, 'A1'), checkedScore: 35, reason: 'Chỉ tiêu thứ 4 đạt 90% kế hoạch' }],
    });
    expect(res.statusCode, res.body).toBe(200);
    const checked = res.json() as Sheet;
    expect(checked.scores.find((x) => x.criterionId === crit(b, 'A1'))).toMatchObject({
      selfScore: 38,
      checkedScore: 35,
      checkReason: 'Chỉ tiêu thứ 4 đạt 90% kế hoạch',
    });
    expect(checked.adjusted).toBe(1);
    expect((await lastAudit()).action).toBe('scoring.sheet.check');
  });

  it('no nomination dossier before the lock', async () => {
    const res = await lead.request('POST', `/api/scoring/blocks/${blockId}/proposal/dossier`, {});
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('SCORING.NOT_LOCKED');
  });

  it('the lock waits for every sheet to be submitted', async () => {
    const b = await board();
    const res = await lead.request('POST', `/api/scoring/blocks/${blockId}/lock`, {
      version: b.set!.version,
      meetingNote: 'Biên bản họp khối ngày 15/12/2020',
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('SCORING.SHEETS_PENDING');
  });

  it('ranks by total, then criterion A (a tie decided by the set’s rule)', async () => {
    // BL-TTNS: submit (the lead has checked A1 to 35): 35 + 17|16 + 35 + 2 − 1.
    const ttnsSheet = await sheetOf('BL-TTNS');
    const b = await board();
    const submit = await ttns.request('PUT', `/api/scoring/sheets/${ttnsSheet.id}/self`, {
      version: ttnsSheet.version,
      submit: true,
      scores: [{ criterionId: crit(b, 'A2'), selfScore: 17, evidence: [] }],
    });
    expect(submit.statusCode, submit.body).toBe(200);
    expect((submit.json() as Sheet).total).toBe(88);
    // BL-BQLR and BL-TTKN: 88 as well; group A decides: BL-BQLR 58, BL-TTNS 52, BL-TTKN 50.
    expect((await selfScore(bqlr, 'BL-BQLR', { A1: 40, A2: 18, B1: 30 })).statusCode).toBe(200);
    expect((await selfScore(lead, 'BL-TTKN', { A1: 35, A2: 15, B1: 38 })).statusCode).toBe(200);
    // The other five members, officers created for them.
    let i = 0;
    for (const code of ['BL-BQLCC', 'BL-BQLDA', 'BL-CCCNTY', 'BL-TTGIONG', 'BL-TTKNGHIEM']) {
      const s = await userAt(`donvi.m${++i}`, 'unit_officer', code);
      expect((await selfScore(s, code, { A1: 30, A2: 10 + i, B1: 30 })).statusCode).toBe(200);
    }
    const ranking = (await board()).ranking;
    expect(ranking.slice(0, 3).map((r) => [r.unitCode, r.rank, r.total])).toEqual([
      ['BL-BQLR', 1, 88],
      ['BL-TTNS', 2, 88],
      ['BL-TTKN', 3, 88],
    ]);
  });

  it('the ranking says which rule decided each place', async () => {
    const ranking = (await board()).ranking;
    expect(ranking[0]!.decidedBy).toBe('');
    expect(ranking[1]!.decidedBy).toBe('Bằng tổng điểm; hơn ở tiêu chí A');
    expect(ranking[3]!.decidedBy).toBe('Tổng điểm');
  });

  it('locks after the block meeting; the ranking is frozen; every edit after the lock is refused', async () => {
    const b = await board();
    const res = await lead.request('POST', `/api/scoring/blocks/${blockId}/lock`, {
      version: b.set!.version,
      meetingNote: 'Biên bản Hội nghị tổng kết khối ngày 15/12/2020',
    });
    expect(res.statusCode, res.body).toBe(200);
    const locked = res.json() as ScoringBoard;
    expect(locked.set?.status).toBe('locked');
    expect(locked.ranking).toHaveLength(8);
    const before = await board();

    const s = before.sheets.find((x) => x.unitCode === 'BL-TTNS')!;
    const self = await ttns.request('PUT', `/api/scoring/sheets/${s.id}/self`, {
      version: s.version,
      scores: [{ criterionId: crit(before, 'A2'), selfScore: 20 }],
    });
    expect(self.statusCode).toBe(409);
    expect(self.json()).toMatchObject({ code: 'SCORING.LOCKED' });
    expect(self.json().message).toBe('Kết quả chấm điểm đã được khóa sau cuộc họp khối; không thể thay đổi.');
    const check = await lead.request('PUT', `/api/scoring/sheets/${s.id}/check`, {
      version: s.version,
      scores: [{ criterionId: crit(before, 'A2'), checkedScore: 1, reason: 'Sau khóa' }],
    });
    expect(check.json().code).toBe('SCORING.LOCKED');
    const criteria = await lead.request('PUT', `/api/scoring/blocks/${blockId}/criteria`, CRITERIA);
    expect(criteria.json().code).toBe('SCORING.LOCKED');
    const relock = await lead.request('POST', `/api/scoring/blocks/${blockId}/lock`, {
      version: before.set!.version,
      meetingNote: 'Lần hai',
    });
    expect(relock.json().code).toBe('SCORING.LOCKED');
    expect(await board()).toEqual(before);
  });

  it('no evidence upload after the lock', async () => {
    const b = await board();
    const s = b.sheets.find((x) => x.unitCode === 'BL-TTNS')!;
    const res = await ttns.upload(
      `/api/scoring/sheets/${s.id}/evidence?criterionId=${crit(b, 'A2')}`,
      'muon.pdf',
      PDF,
    );
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('SCORING.LOCKED');
    expect(await board()).toEqual(b);
  });

  it('no nomination dossier before the proposal', async () => {
    const res = await lead.request('POST', `/api/scoring/blocks/${blockId}/proposal/dossier`, {});
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('SCORING.NO_PROPOSAL');
  });

  it('a member reads the locked ranking', async () => {
    expect((await board(ttns)).ranking).toHaveLength(8);
  });

  it('the lead proposes the top member for the flag and runners-up for Bằng khen; non-members refused', async () => {
    const b = await board();
    const [first, second, third] = b.ranking;
    const outsider = await unitId('BL-SNN-VP');
    const bad = await lead.request('PUT', `/api/scoring/blocks/${blockId}/proposal`, {
      flagUnitId: outsider,
      bkUnitIds: [],
      note: null,
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().code).toBe('SCORING.NOT_MEMBER');
    const res = await lead.request('PUT', `/api/scoring/blocks/${blockId}/proposal`, {
      flagUnitId: first!.unitId,
      bkUnitIds: [second!.unitId, third!.unitId],
      note: 'Theo kết quả xếp hạng đã khóa',
    });
    expect(res.statusCode, res.body).toBe(200);
    const result = (res.json() as ScoringBoard).result!;
    expect(result.flagUnitId).toBe(first!.unitId);
    expect(result.bkUnitIds).toEqual([second!.unitId, third!.unitId]);
    expect((await lastAudit()).action).toBe('scoring.propose');
  });

  it('the proposal becomes a draft nomination dossier in one step: flag CO_TINH, runners-up BK_TINH', async () => {
    const b = await board();
    const [first, second, third] = b.ranking;
    for (const [who, code] of [
      [otherLead, 'SCORING.NOT_LEAD'],
      [deputyLead, 'SCORING.NOT_LEADER'],
      [ttns, 'AUTH.FORBIDDEN'],
    ] as const) {
      const refused = await who.request('POST', `/api/scoring/blocks/${blockId}/proposal/dossier`, {});
      expect(refused.statusCode, refused.body).toBe(403);
      expect(refused.json().code).toBe(code);
    }
    expect(await t.database.db.select().from(dossiers)).toHaveLength(0);

    const res = await lead.request('POST', `/api/scoring/blocks/${blockId}/proposal/dossier`, {});
    expect(res.statusCode, res.body).toBe(200);
    const made = (res.json() as ScoringBoard).result!.proposalDossier!;
    expect(made.code).toMatch(/^HS-2020-\d+$/);
    const audit = await lastAudit();
    expect(audit.action).toBe('scoring.proposal.dossier');
    expect(audit.entityId).toBe(b.set!.id);
    expect(audit.after).toMatchObject({ dossierId: made.id, code: made.code });

    const d = (await lead.request('GET', `/api/dossiers/${made.id}`)).json() as DossierDetail;
    expect(d).toMatchObject({
      status: 'draft',
      track: 'regular',
      year: 2020,
      proposingUnitId: await unitId('BL-TTKN'),
      title: expect.stringContaining('Cờ thi đua cấp tỉnh và Bằng khen năm 2020'),
    });
    const [block] = await t.database.db.select().from(blocks).where(eq(blocks.id, blockId));
    expect(d.authorityUnitId).toBe(block!.organizerUnitId);
    const pts = (n: number) => n.toLocaleString('vi-VN', { maximumFractionDigits: 2 });
    expect(
      d.nominees.map((n) => [n.recipientKind, n.unitId, n.awardCode, n.achievementSummary.split(' (')[0]]),
    ).toEqual([
      ['collective', first!.unitId, 'CO_TINH', `Xếp thứ 1/8 với ${pts(first!.total)} điểm`],
      ['collective', second!.unitId, 'BK_TINH', `Xếp thứ ${second!.rank}/8 với ${pts(second!.total)} điểm`],
      ['collective', third!.unitId, 'BK_TINH', `Xếp thứ ${third!.rank}/8 với ${pts(third!.total)} điểm`],
    ]);
  });

  it('a second click returns the same dossier; the proposal can no longer change', async () => {
    const before = await board();
    const again = await lead.request('POST', `/api/scoring/blocks/${blockId}/proposal/dossier`, {});
    expect(again.statusCode, again.body).toBe(200);
    expect((again.json() as ScoringBoard).result!.proposalDossier).toEqual(before.result!.proposalDossier);
    expect(await t.database.db.select().from(dossiers)).toHaveLength(1);
    const repropose = await lead.request('PUT', `/api/scoring/blocks/${blockId}/proposal`, {
      flagUnitId: before.ranking[1]!.unitId,
      bkUnitIds: [],
      note: null,
    });
    expect(repropose.statusCode).toBe(409);
    expect(repropose.json().code).toBe('SCORING.PROPOSAL_DOSSIER_MADE');
    expect(await board()).toEqual(before);
  });

  it("records next year's lead and deputy by rotation, in next year's block", async () => {
    const res = await lead.request('POST', `/api/scoring/blocks/${blockId}/rotation`, {});
    expect(res.statusCode, res.body).toBe(200);
    const result = (res.json() as ScoringBoard).result!;
    // 2020: lead BL-TTKN, deputy BL-TTNS → 2021: BL-TTNS leads.
    expect(result.nextLeadUnitId).toBe(await unitId('BL-TTNS'));
    const next = (await officer.request('GET', '/api/registry/blocks?year=2021')).json() as {
      id: string;
      leadUnitId: string;
      deputyUnitId: string;
      members: unknown[];
    }[];
    expect(next).toHaveLength(1);
    expect(next[0]!.id).toBe(result.nextBlockId);
    expect(next[0]!.leadUnitId).toBe(await unitId('BL-TTNS'));
    expect(next[0]!.deputyUnitId).toBe(result.nextDeputyUnitId);
    expect(next[0]!.members).toHaveLength(8);
    expect((await lastAudit()).action).toBe('scoring.rotate');
  });

  it('the department reads every block; a member only its own blocks', async () => {
    const all = (await officer.request('GET', '/api/scoring/blocks?year=2020')).json();
    expect(all).toHaveLength(1);
    expect(all[0]).toMatchObject({ status: 'locked', canLead: false });
    // The year's overview (all blocks in a few reads) agrees with the block's own locked ranking.
    const overview = (await officer.request('GET', '/api/scoring/rankings?year=2020')).json();
    expect(overview).toHaveLength(1);
    expect(overview[0].ranking).toEqual((await board()).ranking);
    expect((await ttns.request('GET', '/api/scoring/rankings?year=2020')).json()).toHaveLength(1);
    expect((await ttns.request('GET', '/api/scoring/rankings?year=2021')).json()).toEqual([]);
    const mine = (await lead.request('GET', '/api/scoring/blocks?year=2020')).json();
    expect(mine[0]).toMatchObject({ canLead: true, member: true });
  });

  it("next year's lead copies last year's criteria and tie rules into a new draft", async () => {
    // The rotation made BL-TTNS the 2021 lead: a block lead account there copies 2020's covenant.
    const ttnsLead = await userAt('khoitruong.ttns', 'block_lead', 'BL-TTNS');
    const next = (await t.database.db.select().from(blocks).where(eq(blocks.year, 2021)))[0]!;
    expect((await lead.request('POST', `/api/scoring/blocks/${next.id}/criteria/copy`, {})).statusCode).toBe(
      403,
    );
    const res = await ttnsLead.request('POST', `/api/scoring/blocks/${next.id}/criteria/copy`, {});
    expect(res.statusCode, res.body).toBe(200);
    const copied = res.json() as ScoringBoard;
    const source = await board();
    expect(copied.set).toMatchObject({ status: 'draft', copiedFromSetId: source.set!.id });
    expect(copied.set!.tieRules).toEqual(source.set!.tieRules);
    expect(copied.criteria.map((c) => [c.code, c.kind, c.maxPoints, c.minPoints])).toEqual(
      source.criteria.map((c) => [c.code, c.kind, c.maxPoints, c.minPoints]),
    );
    expect(copied.criteria.find((c) => c.code === 'A1')!.parentId).toBe(
      copied.criteria.find((c) => c.code === 'A')!.id,
    );
    expect((await lastAudit()).action).toBe('scoring.criteria.copy');
    // Nothing earlier than 2020 to copy into 2020's own (locked) set.
    const again = await lead.request('POST', `/api/scoring/blocks/${blockId}/criteria/copy`, {});
    expect(again.json().code).toBe('SCORING.LOCKED');
  });
});
