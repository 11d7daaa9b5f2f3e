import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, testClock, type TestDatabase } from '../../server/testing/harness';
import { seedDemo } from '../../server/seed/demo';
import { runCli } from '../cli';
import type { CliContext } from '../context';

describe('cli movements', () => {
  let database: TestDatabase;
  const time = testClock();
  async function cli(...argv: string[]) {
    const out: string[] = [];
    const err: string[] = [];
    const ctx: CliContext = {
      out: (t) => out.push(t),
      err: (t) => err.push(t),
      env: { VINHDANH_SEED_DEMO: 'false' },
      clock: time.clock,
      openDatabase: async () => ({ ...database, close: async () => undefined }),
      describeDatabase: () => 'test database',
    };
    const code = await runCli(argv, ctx);
    return { code, out: out.join('\n'), err: err.join('\n') };
  }
  beforeAll(async () => {
    database = await openTestDatabase();
    await seedDemo(database, time.clock, { registry: true });
  });
  afterAll(async () => database?.close());

  it('--year 2020 --format json lists the six movements with indicators, per-unit results and aggregates', async () => {
    const r = await cli('movements', '--year', '2020', '--format', 'json');
    expect(r.code, r.err).toBe(0);
    const doc = JSON.parse(r.out) as {
      movements: {
        name: string;
        indicators: { code: string }[];
        results: { unitCode: string; values: Record<string, number | boolean> }[];
        aggregates: { scope: string; indicators: { code: string; value: number; met: number | null }[] }[];
      }[];
    };
    expect(doc.movements).toHaveLength(6);
    const poor = doc.movements.find((m) => m.name.includes('chung tay vì người nghèo'))!;
    expect(poor.indicators.map((i) => i.code)).toEqual(['charity_houses', 'charity_value', 'salary_days']);
    expect(poor.results).toHaveLength(8);
    const dept = poor.aggregates.find((a) => a.scope === 'department')!;
    expect(dept.indicators.find((i) => i.code === 'charity_value')!.value).toBe(30_000_000);
    expect(dept.indicators.find((i) => i.code === 'salary_days')!.met).toBe(8);
    const reform = doc.movements.find((m) => m.name.includes('cải cách thể chế'))!;
    expect(reform.aggregates[0]!.indicators[0]!.value).toBe(4);
  });

  it('text output reads the article’s figures; a missing year is a usage error', async () => {
    const r = await cli('movements', '--year', '2020');
    expect(r.code).toBe(0);
    expect(r.out).toContain('Giá trị nhà tình thương: 30.000.000 đồng');
    expect(r.out).toContain('Hoàn thành, vượt chỉ tiêu kế hoạch nhà nước: 8/8 đơn vị');
    expect((await cli('movements')).code).toBe(2);
  });
});
