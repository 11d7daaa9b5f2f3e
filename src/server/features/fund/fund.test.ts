/**
 * The emulation fund through the API on a real database (PGlite, or PostgreSQL with TEST_DATABASE_URL):
 * the dashboard's summary shape, the ledger, prizes recorded from issued decisions once, the legal checks,
 * validation messages, role refusals and the Excel ledger.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { sql } from 'drizzle-orm';
import { createTestApp, engine, type Session, type TestApp } from '../../testing/harness';
import { issuedDecision, unitIdOf } from './fund.fixtures';

let t: TestApp;
let canbo: Session;
let snn: string;

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());
beforeEach(async () => {
  await t.seed();
  canbo = await t.login('canbo');
  snn = await unitIdOf(t.database, 'BL-SNN');
});

const entry = (over: Record<string, unknown> = {}) => ({
  unitId: snn,
  year: 2020,
  entryDate: '2020-02-10',
  direction: 'income',
  category: 'budget_share',
  amount: 300_000_000,
  description: 'Trích quỹ từ dự toán chi thường xuyên',
  ...over,
});

async function post(s: Session, body: unknown, status = 201) {
  const res = await s.request('POST', '/api/fund/entries', body);
  expect(res.statusCode, res.body).toBe(status);
  return res.json();
}

const entryCount = async () =>
  Number((await t.database.rows<{ n: number }>(sql`select count(*) as n from fund_entries`))[0]!.n);
const auditCount = async (action: string) =>
  Number(
    (
      await t.database.rows<{ n: number }>(sql`select count(*) as n from audit_log where action = ${action}`)
    )[0]!.n,
  );

describe(`emulation fund (${engine})`, () => {
  it('keeps the ledger and answers the summary in the dashboard shape', async () => {
    await post(canbo, entry({ category: 'carried_over', entryDate: '2020-01-01', amount: 20_000_000 }));
    await post(canbo, entry());
    await post(canbo, entry({ category: 'donation', entryDate: '2020-03-02', amount: 50_000_000 }));
    await post(
      canbo,
      entry({ direction: 'expense', category: 'movement', entryDate: '2020-05-05', amount: 40_000_000 }),
    );
    const d = await issuedDecision(t.database, 'BL-SNN', '2020-08-14', 12_450_000);
    expect((await canbo.request('POST', '/api/fund/prizes', { decisionId: d.id })).statusCode).toBe(201);

    const res = await (await t.login('lanhdao')).request('GET', '/api/fund/summary?year=2020');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(Object.keys(body).sort()).toEqual(['totals', 'units', 'year']);
    expect(body.year).toBe(2020);
    expect(body.totals).toEqual({
      income: 350_000_000,
      expense: 52_450_000,
      balance: 20_000_000 + 350_000_000 - 52_450_000,
      prizes: 12_450_000,
      movements: 40_000_000,
    });
    expect(body.units).toHaveLength(1);
    expect(body.units[0]).toMatchObject({
      unitCode: 'BL-SNN',
      opening: 20_000_000,
      budgetShare: 300_000_000,
      donations: 50_000_000,
      unrecordedDecisions: 0,
    });
    // An empty year is an empty summary, not an error.
    const empty = (await canbo.request('GET', '/api/fund/summary?year=2019')).json();
    expect(empty).toEqual({
      year: 2019,
      totals: { income: 0, expense: 0, balance: 0, prizes: 0, movements: 0 },
      units: [],
    });
    expect(await auditCount('fund.entry.create')).toBe(4);
    expect(await auditCount('fund.prize.record')).toBe(1);
  });

  it('records a decision’s prizes once, from the list of payments not yet recorded', async () => {
    const d = await issuedDecision(t.database, 'BL-SNN', '2020-12-10', 8_940_000);
    const draft = await issuedDecision(t.database, 'BL-SNN', '2020-12-11', 1_000_000, 'draft');
    const pending = (await canbo.request('GET', '/api/fund/pending-prizes?year=2020')).json();
    expect(pending.map((p: { decisionId: string }) => p.decisionId)).toEqual([d.id]);
    expect(pending[0]).toMatchObject({ number: d.number, decidedOn: '2020-12-10', prizeTotal: 8_940_000 });
    expect(
      (await canbo.request('GET', '/api/fund/summary?year=2020')).json().units[0].unrecordedDecisions,
    ).toBe(1);

    const first = await canbo.request('POST', '/api/fund/prizes', { decisionId: d.id });
    expect(first.statusCode).toBe(201);
    expect(first.json()).toMatchObject({
      unitId: snn,
      year: 2020,
      entryDate: '2020-12-10',
      direction: 'expense',
      category: 'prize',
      amount: 8_940_000,
      decisionNumber: d.number,
    });
    const again = await canbo.request('POST', '/api/fund/prizes', { decisionId: d.id });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('FUND.DECISION_RECORDED');
    // The unique index holds even past the service's check.
    await expect(
      t.database.db.execute(
        sql`insert into fund_entries (unit_id, year, entry_date, direction, category, amount, decision_id)
          values (${snn}, 2020, '2020-12-12', 'expense', 'prize', 1, ${d.id})`,
      ),
    ).rejects.toThrow();
    expect((await canbo.request('GET', '/api/fund/pending-prizes?year=2020')).json()).toEqual([]);

    const notIssued = await canbo.request('POST', '/api/fund/prizes', { decisionId: draft.id });
    expect(notIssued.statusCode).toBe(409);
    expect(notIssued.json().code).toBe('FUND.DECISION_NOT_PAYABLE');

    // The amount of a decision's payment is the decision's; only date and text may change.
    const e = first.json();
    const locked = await canbo.request('PUT', `/api/fund/entries/${e.id}`, {
      unitId: snn,
      year: 2020,
      entryDate: '2020-12-10',
      direction: 'expense',
      category: 'prize',
      amount: 9_000_000,
      description: e.description,
      version: e.version,
    });
    expect(locked.statusCode).toBe(409);
    expect(locked.json().code).toBe('FUND.DECISION_ENTRY_LOCKED');
    const redated = await canbo.request('PUT', `/api/fund/entries/${e.id}`, {
      unitId: snn,
      year: 2020,
      entryDate: '2020-12-15',
      direction: 'expense',
      category: 'prize',
      amount: 8_940_000,
      description: 'Chi thưởng (đã chuyển khoản)',
      version: e.version,
    });
    expect(redated.statusCode).toBe(200);
    expect(redated.json()).toMatchObject({ entryDate: '2020-12-15', version: e.version + 1 });
  });

  it.each([
    ['a negative amount', { amount: -5 }, 'amount', 'Số tiền phải lớn hơn 0'],
    ['a zero amount', { amount: 0 }, 'amount', 'Số tiền phải lớn hơn 0'],
    ['a fractional amount', { amount: 10.5 }, 'amount', 'Số tiền phải là số nguyên (đồng)'],
    [
      'an income category on a spending line',
      { direction: 'expense', category: 'donation' },
      'category',
      'Khoản mục không phải khoản chi (chọn: chi tiền thưởng, chi tổ chức phong trào, chi khác)',
    ],
    [
      'a spending category on an income line',
      { direction: 'income', category: 'movement' },
      'category',
      'Khoản mục không phải khoản thu (chọn: trích từ ngân sách, đóng góp, kết dư năm trước, thu khác)',
    ],
    ['a date outside the year', { entryDate: '2021-01-05' }, 'entryDate', 'Ngày ghi sổ phải trong năm 2020'],
    ['a date that does not exist', { entryDate: '2020-02-30' }, 'entryDate', 'Ngày không tồn tại'],
  ])('refuses %s with a Vietnamese message and changes nothing', async (_name, over, field, message) => {
    const res = await canbo.request('POST', '/api/fund/entries', entry(over));
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('VALIDATION.FAILED');
    expect(res.json().fields[field]).toBe(message);
    expect(await entryCount()).toBe(0);
  });

  it('lets only the officer write, and the officer, admin and leader read', async () => {
    for (const user of ['khoitruong', 'donvi', 'hoidong']) {
      const s = await t.login(user);
      expect((await s.request('GET', '/api/fund/summary?year=2020')).statusCode, user).toBe(403);
      expect((await s.request('GET', '/api/fund/entries?year=2020')).statusCode, user).toBe(403);
    }
    for (const user of ['admin', 'lanhdao']) {
      const s = await t.login(user);
      expect((await s.request('GET', '/api/fund/summary?year=2020')).statusCode, user).toBe(200);
      expect((await s.request('POST', '/api/fund/entries', entry())).statusCode, user).toBe(403);
      expect(
        (await s.request('PUT', '/api/fund/budgets', { unitId: snn, year: 2020, recurrentSpending: 1 }))
          .statusCode,
        user,
      ).toBe(403);
    }
    expect((await t.sut.inject({ method: 'GET', url: '/api/fund/summary?year=2020' })).statusCode).toBe(401);
    expect(await entryCount()).toBe(0);
  });

  it('checks the legal shares with their citations (Nghị định 91/2017 for 2020)', async () => {
    // No budget yet: the ceiling cannot be checked.
    let checks = (await canbo.request('GET', `/api/fund/checks?year=2020&unitId=${snn}`)).json();
    expect(checks.packName).toBe('Nghị định 91/2017/NĐ-CP');
    expect(checks.verdicts.find((v: { code: string }) => v.code === 'BUDGET_SHARE_CEILING').status).toBe(
      'unknown',
    );

    const budget = await canbo.request('PUT', '/api/fund/budgets', {
      unitId: snn,
      year: 2020,
      recurrentSpending: 20_000_000_000,
      remoteArea: false,
    });
    expect(budget.statusCode).toBe(200);
    await post(canbo, entry({ amount: 250_000_000 })); // 1,25% > 1,0% of 20 tỷ
    await post(
      canbo,
      entry({ direction: 'expense', category: 'movement', entryDate: '2020-03-01', amount: 60_000_000 }),
    );
    await post(
      canbo,
      entry({ direction: 'expense', category: 'other_expense', entryDate: '2020-01-15', amount: 1_000_000 }),
    );
    checks = (await canbo.request('GET', `/api/fund/checks?year=2020&unitId=${snn}`)).json();
    const by = (code: string) => checks.verdicts.find((v: { code: string }) => v.code === code);
    expect(by('BUDGET_SHARE_CEILING')).toMatchObject({
      status: 'violation',
      limit: 200_000_000,
      actual: 250_000_000,
      citation: { ref: 'Điều 65 Nghị định 91/2017/NĐ-CP' },
    });
    expect(by('BUDGET_SHARE_CEILING').reason).toContain('vượt mức tối đa 1% chi thường xuyên');
    expect(by('MOVEMENT_SHARE')).toMatchObject({
      status: 'violation',
      limit: 50_000_000,
      actual: 60_000_000,
    });
    // Spent on 15/01 before the budget share arrived on 10/02.
    expect(by('NO_OVERSPEND').status).toBe('violation');
    expect(by('NO_OVERSPEND').reason).toContain('15/01/2020');
    expect((await canbo.request('GET', '/api/fund/summary?year=2020')).json().units[0].violations).toBe(3);

    // A remote area's ceiling is 1,5%: 250 triệu is within 300 triệu.
    await canbo.request('PUT', '/api/fund/budgets', {
      unitId: snn,
      year: 2020,
      recurrentSpending: 20_000_000_000,
      remoteArea: true,
    });
    checks = (await canbo.request('GET', `/api/fund/checks?year=2020&unitId=${snn}`)).json();
    expect(by('BUDGET_SHARE_CEILING')).toMatchObject({ status: 'ok', limit: 300_000_000 });
    expect(await auditCount('fund.budget.set')).toBe(2);
  });

  it('edits and deletes with the version, and audits both', async () => {
    const e = await post(canbo, entry());
    const stale = await canbo.request('PUT', `/api/fund/entries/${e.id}`, {
      ...entry({ amount: 1 }),
      version: e.version + 1,
    });
    expect(stale.statusCode).toBe(409);
    const ok = await canbo.request('PUT', `/api/fund/entries/${e.id}`, {
      ...entry({ amount: 280_000_000 }),
      version: e.version,
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().amount).toBe(280_000_000);
    expect((await canbo.request('DELETE', `/api/fund/entries/${e.id}?version=${e.version}`)).statusCode).toBe(
      409,
    );
    expect(
      (await canbo.request('DELETE', `/api/fund/entries/${e.id}?version=${e.version + 1}`)).statusCode,
    ).toBe(200);
    expect(await entryCount()).toBe(0);
    expect(await auditCount('fund.entry.update')).toBe(1);
    expect(await auditCount('fund.entry.delete')).toBe(1);
  });

  it('seeds the demo’s 2020 ledgers: every issued 2020 decision paid once, within the legal shares', async () => {
    await t.seed({ registry: true });
    canbo = await t.login('canbo');
    const summary = (await canbo.request('GET', '/api/fund/summary?year=2020')).json();
    expect(summary.units.map((u: { unitCode: string }) => u.unitCode)).toEqual(['BL-SNN', 'BL-UBND']);
    for (const u of summary.units) {
      expect(u.unrecordedDecisions, u.unitCode).toBe(0);
      expect(u.violations, u.unitCode).toBe(0);
      expect(u.prizes, u.unitCode).toBeGreaterThan(0);
    }
    const paid = await t.database.rows<{ n: number; total: number }>(
      sql`select count(*) as n, sum(prize_total) as total from decisions
        where status = 'issued' and prize_total > 0 and decided_on between '2020-01-01' and '2020-12-31'`,
    );
    expect(summary.totals.prizes).toBe(Number(paid[0]!.total));
    const entries = (await canbo.request('GET', '/api/fund/entries?year=2020')).json();
    expect(entries.filter((e: { category: string }) => e.category === 'prize')).toHaveLength(
      Number(paid[0]!.n),
    );
    expect((await canbo.request('GET', '/api/fund/pending-prizes?year=2020')).json()).toEqual([]);
    // The regular 2020 decisions of 18/01/2021 are paid from the 2021 fund: listed there, not yet recorded.
    const pending2021 = (await canbo.request('GET', '/api/fund/pending-prizes?year=2021')).json();
    expect(pending2021.map((p: { number: string }) => p.number)).toEqual(
      expect.arrayContaining(['15/QĐ-SNN', '18/QĐ-SNN']),
    );
  });

  it('exports the ledger to Excel with the running balance', async () => {
    await post(canbo, entry());
    await post(canbo, entry({ category: 'donation', entryDate: '2020-03-02', amount: 50_000_000 }));
    await post(
      canbo,
      entry({ direction: 'expense', category: 'movement', entryDate: '2020-05-05', amount: 40_000_000 }),
    );
    const res = await canbo.request('GET', '/api/fund/entries.xlsx?year=2020');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(ws.getCell(1, 1).value).toBe('SỔ QUỸ THI ĐUA, KHEN THƯỞNG NĂM 2020');
    // Header on row 4, entries from row 5: the third line's balance is 300 + 50 − 40 triệu.
    expect(ws.getCell(4, 8).value).toBe('Số dư');
    expect(ws.getCell(7, 3).value).toBe('Chi tổ chức phong trào thi đua');
    expect(ws.getCell(7, 8).value).toBe(310_000_000);
  });
});
