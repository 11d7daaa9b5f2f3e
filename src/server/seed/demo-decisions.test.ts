/**
 * The demo's 2020 awards exist as issued decisions with prize money (the origin article's counts), their
 * Word files render, the CLI prints what the API returns, and the withhold option leaves one member's 2020
 * regular awards out for the end-to-end walk.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestApp, engine, type Session, type TestApp } from '../testing/harness';
import { toCount } from '../platform/db/database';
import type { DecisionDetail, DecisionSummary } from '../../shared/decisions/decisions.schema';
import { runCli } from '../../cli/cli';
import type { CliContext } from '../../cli/context';

let t: TestApp;
let officer: Session;
beforeAll(async () => {
  t = await createTestApp();
  await t.seed({ registry: true });
  officer = await t.login('canbo');
}, 180_000);
afterAll(async () => t?.close());

const one = async (q: ReturnType<typeof sql>) => toCount((await t.database.rows<{ n: unknown }>(q))[0]!.n);

describe(`demo 2020 decisions (${engine})`, () => {
  it('the article’s 2020 awards of the Sở and the province are issued decisions with prize money', async () => {
    const list = (await officer.request('GET', '/api/decisions?year=2020')).json() as DecisionSummary[];
    const by = Object.fromEntries(list.map((d) => [d.number, d]));
    expect(Object.keys(by).sort()).toEqual(
      [
        '1456/QĐ-UBND',
        '15/QĐ-SNN',
        '16/QĐ-SNN',
        '17/QĐ-SNN',
        '18/QĐ-SNN',
        '2281/QĐ-UBND',
        '285/QĐ-SNN',
        '312/QĐ-SNN',
      ].sort(),
    );
    expect(list.every((d) => d.status === 'issued')).toBe(true);
    // Regular, 18/01/2021, base salary 1.490.000 (V2017 coefficients, rounded up to 10.000 đồng).
    expect(by['15/QĐ-SNN']).toMatchObject({
      decidedOn: '2021-01-18',
      recipientCount: 300,
      prizeTotal: 300 * 450_000,
    });
    expect(by['16/QĐ-SNN']).toMatchObject({ recipientCount: 29, prizeTotal: 29 * 1_200_000 });
    // CSTĐCS holders already got LĐTT's 450.000 for 2020 in 15/QĐ-SNN: only the difference (highest title).
    expect(by['17/QĐ-SNN']).toMatchObject({ recipientCount: 44, prizeTotal: 44 * 1_040_000 });
    expect(by['18/QĐ-SNN']).toMatchObject({
      recipientCount: 19 + 244,
      prizeTotal: 19 * 900_000 + 244 * 450_000,
    });
    // Thematic: Bằng khen Chủ tịch UBND tỉnh (1,0 / 2,0), Giấy khen Giám đốc Sở (0,6 for collectives).
    expect(by['1456/QĐ-UBND']).toMatchObject({ recipientCount: 3, prizeTotal: 1_490_000 + 2 * 2_980_000 });
    expect(by['2281/QĐ-UBND']).toMatchObject({
      recipientCount: 4,
      prizeTotal: 2 * 1_490_000 + 2 * 2_980_000,
    });
    // Each member unit is notified of the decisions on its people (sub-units roll up to the member).
    expect(
      await one(sql`select count(*) as n from notifications n join units u on u.id = n.unit_id
        where u.code = 'BL-TTNS' and n.kind = 'decision.issued' and n.entity_id = ${by['15/QĐ-SNN']!.id}`),
    ).toBe(1);
    expect(by['285/QĐ-SNN']!.prizeTotal).toBe(6 * 900_000);
    expect(by['312/QĐ-SNN']!.prizeTotal).toBe(6 * 900_000);
    // Every 2020 award of these issuers was written by its decision; the Kỷ niệm chương stays imported.
    expect(await one(sql`select count(*) as n from awards where year = 2020 and decision_id is null`)).toBe(
      1,
    );
    expect(await one(sql`select count(*) as n from awards where year = 2020 and source = 'decision'`)).toBe(
      300 + 29 + 44 + 19 + 244 + 4 + 3 + 12,
    );
  });

  it('the seed’s one audit row names the demo decisions', async () => {
    const [row] = await t.database.rows<{ after: { decisions: string[] } }>(
      sql`select after from audit_log where action = 'seed.demo'`,
    );
    expect(row!.after.decisions).toContain('15/QĐ-SNN');
    expect(row!.after.decisions).toHaveLength(8);
  });

  it('a demo decision downloads as Word with its number, the Bạc Liêu date line and the total in words', async () => {
    const list = (await officer.request('GET', '/api/decisions?year=2020')).json() as DecisionSummary[];
    const d = list.find((x) => x.number === '15/QĐ-SNN')!;
    const detail = (await officer.request('GET', `/api/decisions/${d.id}`)).json() as DecisionDetail;
    expect(detail.placeLine).toBe('Bạc Liêu');
    expect(detail.words).toBe('Một trăm ba mươi lăm triệu đồng');
    expect(detail.baseSalary).toBe(1_490_000);
    const res = await officer.request('GET', `/api/decisions/${d.id}/word`);
    expect(res.statusCode).toBe(200);
    expect(res.rawPayload.length).toBeGreaterThan(10_000);
  });

  it('CLI decisions --year 2020 --format json prints what the API returns', async () => {
    const out: string[] = [];
    const ctx: CliContext = {
      out: (x) => out.push(x),
      err: () => undefined,
      env: { VINHDANH_SEED_DEMO: 'false' },
      clock: t.time.clock,
      openDatabase: async () => ({ ...t.database, close: async () => undefined }),
      describeDatabase: () => 'test database',
    };
    expect(await runCli(['decisions', '--year', '2020', '--format', 'json'], ctx)).toBe(0);
    const doc = JSON.parse(out.join('\n')) as {
      decisions: {
        number: string;
        prizeTotal: number;
        recipients: { name: string; prizeAmount: number; awardCode: string }[];
      }[];
    };
    const api = (
      await officer.request('GET', '/api/decisions?year=2020&status=issued')
    ).json() as DecisionSummary[];
    expect(doc.decisions.map((d) => d.number).sort()).toEqual(api.map((d) => d.number).sort());
    for (const d of doc.decisions) {
      const a = api.find((x) => x.number === d.number)!;
      expect(d.prizeTotal).toBe(a.prizeTotal);
      expect(d.recipients).toHaveLength(a.recipientCount);
      const detail = (await officer.request('GET', `/api/decisions/${a.id}`)).json() as DecisionDetail;
      expect(d.recipients.map((r) => [r.name, r.awardCode, r.prizeAmount])).toEqual(
        detail.recipients.map((r) => [r.displayName, r.awardCode, r.paid]),
      );
    }
    out.length = 0;
    expect(await runCli(['decisions', '--year', '2020'], ctx)).toBe(0);
    expect(out.join('\n')).toContain('Quyết định số 15/QĐ-SNN ngày 18/01/2021');
    expect(out.join('\n')).toContain('135.000.000 đồng');
    expect(await runCli(['decisions'], ctx)).toBe(2);
  });

  it('a 2026 revocation of 15/QĐ-SNN is issued by the successor body, Sở Nông nghiệp và Môi trường tỉnh Cà Mau', async () => {
    const list = (await officer.request('GET', '/api/decisions?year=2020')).json() as DecisionSummary[];
    const d15 = (
      await officer.request('GET', `/api/decisions/${list.find((x) => x.number === '15/QĐ-SNN')!.id}`)
    ).json() as DecisionDetail;
    const res = await officer.request('POST', '/api/decisions', {
      kind: 'revocation',
      referencesDecisionId: d15.id,
      awardIds: [d15.recipients[0]!.awardId],
      decidedOn: '2026-03-02',
    });
    expect(res.statusCode, res.body).toBe(201);
    const rev = res.json() as DecisionDetail;
    expect(rev.issuerName).toBe('Sở Nông nghiệp và Môi trường tỉnh Cà Mau');
    expect(rev.placeLine).toBe('Cà Mau');
    expect(rev.total).toBe(450_000);
    const issued = (
      await officer.request('POST', `/api/decisions/${rev.id}/issue`, { version: rev.version })
    ).json() as DecisionDetail;
    expect(issued.number).toBe('01/QĐ-SNNMT');
    expect(issued.authority).toBe('Giám đốc Sở Nông nghiệp và Môi trường');
  });

  it('withhold2020Unit leaves one member’s 2020 regular awards out, keeps the rest', async () => {
    await t.seed({ registry: true, withhold2020Unit: 'BL-TTKN' });
    const held = await one(sql`select count(*) as n from awards a
      left join units u on u.id = a.unit_id
      left join people p on p.id = a.person_id
      left join person_unit_history h on h.person_id = p.id and h.from_date <= '2020-12-31' and (h.to_date is null or h.to_date >= '2020-12-31')
      left join units hu on hu.id = h.unit_id
      where a.year = 2020 and a.track = 'regular'
        and ('BL-TTKN' in (u.code, hu.code) or exists (select 1 from units m where m.code = 'BL-TTKN' and m.id in (u.parent_id, hu.parent_id)))`);
    expect(held).toBe(0);
    const ldtt = await one(sql`select count(*) as n from awards where year = 2020 and award_code = 'LDTT'`);
    expect(ldtt).toBeGreaterThan(150);
    expect(ldtt).toBeLessThan(300);
    // Thematic awards of that member stay (Bằng khen for the shrimp-rice movement).
    expect(
      await one(sql`select count(*) as n from awards a join units u on u.id = a.unit_id
      where u.code = 'BL-TTKN' and a.year = 2020 and a.track = 'thematic'`),
    ).toBe(1);
  });
});
