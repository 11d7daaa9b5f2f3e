import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { createTestApp, type Session, type TestApp } from '../../testing/harness';
import { runCli } from '../../../cli/cli';
import type { CliContext } from '../../../cli/context';
import {
  awards,
  registrationItems,
  registrations,
  unitEvaluations,
  units,
  unitSuccessions,
} from '../../platform/db/schema';
import type {
  PacksResponse,
  QuotaResponse,
  SubjectVerdicts,
  SuggestionResponse,
} from '../../../shared/eligibility/eligibility.schema';

let t: TestApp;
let officer: Session;
const unitId = async (code: string) =>
  (await t.database.db.select().from(units).where(eq(units.code, code)))[0]!.id;

beforeAll(async () => {
  t = await createTestApp();
  await t.seed({ registry: true });
  officer = await t.login('canbo');
}, 120_000);
afterAll(async () => t?.close());

async function all(session: Session, query: string): Promise<SuggestionResponse> {
  const res = await session.request('GET', `/api/eligibility/suggestions?${query}&pageSize=500`);
  expect(res.statusCode, res.body).toBe(200);
  const first = res.json() as SuggestionResponse;
  const items = [...first.items];
  for (let page = 2; items.length < first.total; page++) {
    const more = (
      await session.request('GET', `/api/eligibility/suggestions?${query}&pageSize=500&page=${page}`)
    ).json() as SuggestionResponse;
    items.push(...more.items);
  }
  return { ...first, items };
}

describe('the origin article 2020 under V2017', () => {
  it('every LĐTT, CSTĐCS and Tập thể LĐTT awarded in 2020 is eligible, judged by V2017', async () => {
    const awarded = await t.database.db
      .select({ code: awards.awardCode, personId: awards.personId, unitId: awards.unitId })
      .from(awards)
      .where(
        sql`${awards.year} = 2020 and ${awards.track} = 'regular' and ${awards.awardCode} in ('LDTT','CSTDCS','TTLDTT')`,
      );
    expect(awarded.filter((a) => a.code === 'LDTT')).toHaveLength(300);
    expect(awarded.filter((a) => a.code === 'CSTDCS')).toHaveLength(44);
    expect(awarded.filter((a) => a.code === 'TTLDTT')).toHaveLength(29);

    const r = await all(officer, 'year=2020&status=eligible');
    expect(r.pack.id).toBe('V2017');
    const eligible = new Set(r.items.map((i) => `${i.awardCode}/${i.subjectId}`));
    const missing = awarded.filter((a) => !eligible.has(`${a.code}/${a.personId ?? a.unitId}`));
    expect(missing).toEqual([]);
    // Exactly the 300 are eligible for LĐTT: the 51 others each fail a criterion a reviewer can see.
    expect(r.items.filter((i) => i.awardCode === 'LDTT')).toHaveLength(300);
  });

  it('44 CSTĐCS of 300 LĐTT stay within the 15% cap of Nghị định 91/2017 art. 9(3)', async () => {
    const res = await officer.request('GET', '/api/eligibility/quotas?year=2020');
    expect(res.statusCode, res.body).toBe(200);
    const q = (res.json() as QuotaResponse).items.find((i) => i.quotaId === 'CSTDCS_SHARE_OF_LDTT')!;
    expect(q).toMatchObject({ basis: 300, basisSource: 'awarded', allowed: 45, used: 44, exceeded: false });
    expect(q.citation).toMatchObject({
      instrument: 'Nghị định 91/2017/NĐ-CP',
      article: 'Điều 9',
      verified: true,
    });
  });

  it('the ineligible say why, with the citation', async () => {
    const r = await all(officer, 'year=2020&status=ineligible&awardCode=LDTT');
    const rated = await t.database.rows<{ n: string | number }>(
      sql`select count(distinct person_id) as n from person_evaluations where year = 2020`,
    );
    // Everyone rated in 2020 is judged: 300 eligible, the rest ineligible for a reason.
    expect(r.items.length + 300).toBe(Number(rated[0]!.n));
    expect(r.items.length).toBeGreaterThan(20);
    const reasons = new Set(
      r.items.flatMap((i) => i.checks.filter((c) => c.status === 'unmet').map((c) => c.id)),
    );
    expect(reasons).toEqual(new Set(['rating', 'new_hire', 'discipline']));
    for (const i of r.items)
      for (const c of i.checks.filter((x) => x.status === 'unmet'))
        expect(c.citation.instrument).toBeTruthy();
  });

  it('near misses list the one missing criterion', async () => {
    const r = await all(officer, 'year=2020&status=near_miss&awardCode=CSTDCS');
    expect(r.items.length).toBeGreaterThan(0);
    for (const i of r.items) {
      expect(i.status).toBe('ineligible');
      expect(i.missing).toHaveLength(1);
    }
  });

  it('diacritic-insensitive filter and Excel export of the same filter', async () => {
    const r = await all(officer, 'year=2020&status=eligible&awardCode=CSTDCS');
    const someone = r.items[0]!;
    const folded = someone.name
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/đ/g, 'd')
      .replace(/Đ/g, 'D')
      .toLowerCase();
    const found = await all(officer, `year=2020&awardCode=CSTDCS&q=${encodeURIComponent(folded)}`);
    expect(found.items.map((i) => i.subjectId)).toContain(someone.subjectId);

    const res = await officer.request(
      'GET',
      '/api/eligibility/suggestions/export?year=2020&status=eligible&awardCode=CSTDCS',
    );
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(String(ws.getCell(1, 1).value)).toBe('GỢI Ý KHEN THƯỞNG NĂM 2020');
    const names: string[] = [];
    ws.eachRow((row, n) => {
      if (n > 5) names.push(String(row.getCell(4).value));
    });
    expect(names).toHaveLength(r.items.length);
    expect(names).toContain(someone.name);
  });
});

describe('panels and scoping', () => {
  it('a person panel lists every individual title with checks and citations', async () => {
    const r = await all(officer, 'year=2020&status=eligible&awardCode=CSTDCS');
    const id = r.items[0]!.subjectId;
    const res = await officer.request('GET', `/api/eligibility/people/${id}?year=2020`);
    expect(res.statusCode, res.body).toBe(200);
    const p = res.json() as SubjectVerdicts;
    expect(p.pack.id).toBe('V2017');
    expect(p.verdicts.map((v) => v.awardCode)).toEqual(
      expect.arrayContaining(['LDTT', 'CSTDCS', 'CSTD_TINH', 'BK_TINH', 'BK_TTG', 'HCLD_3']),
    );
    expect(p.verdicts.find((v) => v.awardCode === 'CSTDCS')!.status).toBe('eligible');
  });

  it('a unit panel judges the collective from its members', async () => {
    const r = await all(officer, 'year=2020&status=eligible&awardCode=TTLDTT');
    const id = r.items[0]!.subjectId;
    const res = await officer.request('GET', `/api/eligibility/units/${id}?year=2020`);
    expect(res.statusCode, res.body).toBe(200);
    const v = (res.json() as SubjectVerdicts).verdicts.find((x) => x.awardCode === 'TTLDTT')!;
    expect(v.status).toBe('eligible');
    expect(v.checks.find((c) => c.id === 'members_ldtt')!.detail).toMatch(
      /thành viên Lao động tiên tiến = \d+/,
    );
  });

  it('a unit officer sees only their unit; other units are refused', async () => {
    const unitOfficer = await t.login('donvi');
    const own = await all(unitOfficer, 'year=2020&status=eligible');
    expect(own.items.length).toBeGreaterThan(0);
    const mine = await unitId('BL-TTNS');
    const other = await unitId('BL-TTKN');
    const ok = await unitOfficer.request('GET', `/api/eligibility/suggestions?year=2020&unitId=${mine}`);
    const refused = await unitOfficer.request(
      'GET',
      `/api/eligibility/suggestions?year=2020&unitId=${other}`,
    );
    expect([ok.statusCode, refused.statusCode]).toEqual([200, 403]);
    const all2020 = await all(officer, 'year=2020&status=eligible');
    expect(own.items.length).toBeLessThan(all2020.items.length);
  });

  it('bad input gets a Vietnamese message', async () => {
    const res = await officer.request('GET', '/api/eligibility/suggestions?year=abc');
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toMatch(/Dữ liệu không hợp lệ/);
  });
});

describe('each period under its own pack', () => {
  it.each([
    [2024, 'V2024', 'Luật Thi đua, khen thưởng số 06/2022/QH15', 6, '2024-07-02', 'ineligible'],
    [2024, 'V2024', 'Luật Thi đua, khen thưởng số 06/2022/QH15', 6, '2024-06-01', 'eligible'],
    [2025, 'V2025', 'Luật Thi đua, khen thưởng số 06/2022/QH15', 6, '2025-06-01', 'eligible'],
    [2020, 'V2017', 'Luật Thi đua, khen thưởng 2003 (sửa đổi, bổ sung 2013)', 10, '2020-06-01', 'ineligible'],
  ])(
    '%i: a new hire is judged by %s (LĐTT needs %i months; hired %s → %s)',
    async (year, packId, law, months, hired, status) => {
      const admin = await t.login('admin');
      const code = `T-HIRE-${year}-${hired}`;
      const created = await admin.request('POST', '/api/people', {
        code,
        fullName: 'Phạm Thị Mới',
        sex: 'female',
        unitId: await unitId('BL-TTKN'),
        fromDate: hired,
        isLeader: false,
      });
      expect(created.statusCode, created.body).toBe(201);
      const id = created.json().id as string;
      const rated = await admin.request('PUT', `/api/people/${id}/evaluations/${year}`, {
        rating: 'HTTNV',
        employmentStartDate: hired,
      });
      expect(rated.statusCode, rated.body).toBeLessThan(300);
      const res = await officer.request('GET', `/api/eligibility/people/${id}?year=${year}`);
      expect(res.statusCode, res.body).toBe(200);
      const body = res.json() as SubjectVerdicts;
      expect(body.pack.id).toBe(packId);
      const ldtt = body.verdicts.find((v) => v.awardCode === 'LDTT')!;
      expect(ldtt.status).toBe(status);
      const hire = ldtt.checks.find((c) => c.id === 'new_hire')!;
      expect(hire.criterion).toContain(`từ ${months} tháng`);
      expect(ldtt.checks.find((c) => c.id === 'rating')!.citation.instrument).toBe(law);
    },
  );
});

describe('registration as a fact a local rule may require', () => {
  it('a local pack that requires registered titles judges from the registrations', async () => {
    const admin = await t.login('admin');
    const r = await all(officer, 'year=2020&status=eligible&awardCode=LDTT');
    const person = r.items[0]!;
    const created = await admin.request('POST', '/api/rules/local-packs', {
      id: 'T-REG',
      name: 'Quy định có đăng ký thi đua',
      issuer: 'UBND tỉnh',
      effectiveFrom: '2020-01-01',
      effectiveTo: '2020-12-31',
      enabled: true,
      criteria: [
        {
          awardCode: 'LDTT',
          recipientKind: 'individual',
          criterion: {
            id: 'registered',
            label: 'Có đăng ký thi đua danh hiệu Lao động tiên tiến',
            fact: 'registered',
            op: 'eq',
            value: true,
            citation: { instrument: 'Quy chế kiểm thử', verified: false },
          },
        },
      ],
      quotas: [],
      citation: { instrument: 'Quy chế kiểm thử', verified: false },
    });
    expect(created.statusCode, created.body).toBe(201);
    try {
      const ldtt = async () => {
        const res = await officer.request('GET', `/api/eligibility/people/${person.subjectId}?year=2020`);
        return (res.json() as SubjectVerdicts).verdicts.find((v) => v.awardCode === 'LDTT')!;
      };
      const before = await ldtt();
      expect(before.status).toBe('ineligible');
      expect(before.checks.find((c) => c.id === 'registered')!.detail).toMatch(
        /Không đăng ký Lao động tiên tiến năm 2020/,
      );
      const [reg] = await t.database.db
        .insert(registrations)
        .values({ unitId: await unitId('BL-TTKN'), year: 2020, status: 'approved' })
        .returning();
      await t.database.db.insert(registrationItems).values({
        registrationId: reg!.id,
        recipientKind: 'individual',
        personId: person.subjectId,
        awardCode: 'LDTT',
      });
      const after = await ldtt();
      expect(after.status).toBe('eligible');
      await t.database.db.delete(registrations).where(eq(registrations.id, reg!.id));
    } finally {
      await t.database.db.execute(sql`delete from local_rule_packs where id = 'T-REG'`);
    }
  });
});

describe('merged units', () => {
  it("a successor's collective chain includes its predecessor's years (lineage)", async () => {
    const db = t.database.db;
    const parent = await unitId('BL-SNN');
    const [old] = await db
      .insert(units)
      .values({
        code: 'T-OLD',
        name: 'Trung tâm cũ',
        kind: 'public_service',
        parentId: parent,
        activeFrom: '2015-01-01',
        activeTo: '2024-12-31',
      })
      .returning();
    const [neu] = await db
      .insert(units)
      .values({
        code: 'T-NEW',
        name: 'Trung tâm mới',
        kind: 'public_service',
        parentId: parent,
        activeFrom: '2025-01-01',
      })
      .returning();
    await db.insert(unitEvaluations).values([
      { unitId: old!.id, year: 2023, rating: 'HTXSNV', memberCount: 0 },
      { unitId: old!.id, year: 2024, rating: 'HTXSNV', memberCount: 0 },
      { unitId: neu!.id, year: 2025, rating: 'HTXSNV', memberCount: 0 },
    ]);
    const verdict = async () => {
      const res = await officer.request('GET', `/api/eligibility/units/${neu!.id}?year=2025`);
      expect(res.statusCode, res.body).toBe(200);
      return (res.json() as SubjectVerdicts).verdicts.find((v) => v.awardCode === 'BK_TINH')!;
    };
    const alone = await verdict();
    expect(alone.checks.find((c) => c.id === 'achievement')!.status).toBe('unmet');
    await db
      .insert(unitSuccessions)
      .values({ predecessorId: old!.id, successorId: neu!.id, effectiveDate: '2025-01-01' });
    const merged = await verdict();
    const chain = merged.checks.find((c) => c.id === 'achievement')!;
    expect(chain.status).toBe('met');
    expect(JSON.stringify(chain)).toMatch(/2023, 2024, 2025/);
  });
});

describe('rule packs, local overrides and base salaries', () => {
  it('lists the national packs with citations and unverified counts', async () => {
    const res = await officer.request('GET', '/api/rules/packs');
    expect(res.statusCode).toBe(200);
    const p = res.json() as PacksResponse;
    expect(p.national.map((x) => x.id)).toEqual(['V2017', 'V2024', 'V2025']);
    for (const pack of p.national) expect(pack.unverifiedCount).toBeGreaterThan(0);
    expect(p.local.map((l) => l.id)).toContain('CM-2025');
  });

  it('an admin enables a local pack (audited); it changes the verdict of its years only', async () => {
    const admin = await t.login('admin');
    const packs = (await admin.request('GET', '/api/rules/packs')).json() as PacksResponse;
    const local = packs.local.find((l) => l.id === 'CM-2025')!;
    const before = (await all(officer, 'year=2025&awardCode=CSTDCS')).pack.id;
    expect(before).toBe('V2025');
    const res = await admin.request('POST', '/api/rules/local-packs/CM-2025/enabled', {
      enabled: true,
      version: local.version,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect((await all(officer, 'year=2025&awardCode=CSTDCS')).pack.id).toBe('V2025+CM-2025');
    expect((await all(officer, 'year=2020&awardCode=CSTDCS')).pack.id).toBe('V2017');
    const stale = await admin.request('POST', '/api/rules/local-packs/CM-2025/enabled', {
      enabled: false,
      version: local.version,
    });
    expect(stale.statusCode).toBe(409);
    const off = await admin.request('POST', '/api/rules/local-packs/CM-2025/enabled', {
      enabled: false,
      version: local.version + 1,
    });
    expect(off.statusCode).toBe(200);
    const audit = await t.database.rows<{ action: string }>(
      sql`select action from audit_log where entity_type = 'local_rule_pack' and entity_id = 'CM-2025' order by seq`,
    );
    expect(audit.map((a) => a.action)).toEqual(['rules.local.enable', 'rules.local.disable']);
  });

  it('a local pack that raises the V2017 ceiling is refused and nothing is stored', async () => {
    const admin = await t.login('admin');
    const res = await admin.request('POST', '/api/rules/local-packs', {
      id: 'BL-2020',
      name: 'Quy định tỉnh Bạc Liêu',
      issuer: 'UBND tỉnh Bạc Liêu',
      effectiveFrom: '2020-01-01',
      criteria: [],
      quotas: [
        {
          id: 'CSTDCS_SHARE_OF_LDTT',
          awardCode: 'CSTDCS',
          basisAwardCode: 'LDTT',
          maxShare: 0.2,
          rounding: 'floor',
          citation: { instrument: 'Quyết định của UBND tỉnh', verified: false },
        },
      ],
      citation: { instrument: 'Quyết định của UBND tỉnh', verified: false },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toMatch(/vượt mức trần 15%/);
    const rows = await t.database.rows(sql`select 1 from local_rule_packs where id = 'BL-2020'`);
    expect(rows).toHaveLength(0);
    const unknownFact = await admin.request('POST', '/api/rules/local-packs', {
      id: 'BL-X',
      name: 'x',
      issuer: 'x',
      effectiveFrom: '2020-01-01',
      criteria: [
        {
          awardCode: 'LDTT',
          recipientKind: 'individual',
          criterion: {
            id: 'k',
            label: 'k',
            fact: 'rating',
            op: 'gt',
            value: true,
            citation: { instrument: 'x', verified: false },
          },
        },
      ],
      quotas: [],
      citation: { instrument: 'x', verified: false },
    });
    expect(unknownFact.statusCode).toBe(400);
    expect(unknownFact.json().message).toMatch(/Phép so sánh "gt" không dùng được/);
  });

  it('prize money uses the base salary in force on the decision date, rounded up, in words', async () => {
    const res = await officer.request(
      'GET',
      '/api/rules/prize?awardCode=GIAY_KHEN&recipientKind=individual&issuerLevel=commune&decisionDate=2021-01-18',
    );
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      packId: 'V2017',
      amount: 230_000,
      words: 'Hai trăm ba mươi nghìn đồng',
      formula: '0,15 × 1.490.000 = 223.500 → 230.000 (làm tròn lên 10.000 đồng)',
    });
  });

  it('admins edit the base salary table; a date taken twice is refused; officers may not write', async () => {
    const admin = await t.login('admin');
    const add = await admin.request('POST', '/api/rules/base-salaries', {
      effectiveFrom: '2026-07-01',
      amount: 2_530_000,
      instrument: 'Nghị định (giả định cho kiểm thử)',
    });
    expect(add.statusCode, add.body).toBe(201);
    const again = await admin.request('POST', '/api/rules/base-salaries', {
      effectiveFrom: '2026-07-01',
      amount: 2_600_000,
      instrument: 'x',
    });
    expect(again.statusCode).toBe(409);
    const denied = await officer.request('POST', '/api/rules/base-salaries', {
      effectiveFrom: '2027-07-01',
      amount: 2_600_000,
      instrument: 'x',
    });
    expect(denied.statusCode).toBe(403);
    const prize = await officer.request(
      'GET',
      '/api/rules/prize?awardCode=LDTT&recipientKind=individual&decisionDate=2026-08-01',
    );
    expect(prize.json().amount).toBe(760_000); // 0,3 × 2.530.000 = 759.000 → 760.000
    const del = await admin.request('DELETE', `/api/rules/base-salaries/${add.json().id}`);
    expect(del.statusCode).toBe(200);
  });
});

describe('the CLI prints the same verdicts as the API', () => {
  async function cli(...argv: string[]) {
    const out: string[] = [];
    const ctx: CliContext = {
      out: (x) => out.push(x),
      err: (x) => out.push(x),
      env: {},
      clock: t.time.clock,
      openDatabase: async () => ({ ...t.database, close: async () => undefined }),
      describeDatabase: () => 'test database',
    };
    const code = await runCli(argv, ctx);
    return { code, out: out.join('\n') };
  }

  it('eligibility --year 2020 --unit BL-TTKN --format json', async () => {
    const r = await cli('eligibility', '--year', '2020', '--unit', 'BL-TTKN', '--format', 'json');
    expect(r.code, r.out).toBe(0);
    const doc = JSON.parse(r.out) as {
      pack: { id: string };
      verdicts: Array<{ subjectId: string; awardCode: string; status: string; missing: string[] }>;
    };
    expect(doc.pack.id).toBe('V2017');
    const api = await all(officer, `year=2020&unitId=${await unitId('BL-TTKN')}`);
    const key = (x: { subjectId: string; awardCode: string; status: string; missing: string[] }) =>
      `${x.subjectId}/${x.awardCode}/${x.status}/${x.missing.join('|')}`;
    expect(doc.verdicts.map(key)).toEqual(api.items.map(key));
    expect(doc.verdicts.length).toBeGreaterThan(50);
  });

  it('refuses an unknown unit and a bad year with a message', async () => {
    expect((await cli('eligibility', '--year', '2020', '--unit', 'KHONG-CO')).out).toMatch(
      /Không có đơn vị mã "KHONG-CO"/,
    );
    const bad = await cli('eligibility', '--year', '20');
    expect(bad.code).toBe(2);
    expect(bad.out).toMatch(/--year/);
  });
});
