import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestApp, engine, type TestApp } from '../testing/harness';
import { toCount } from '../platform/db/database';
import { datasetSchema } from '../../shared/registry/dataset.schema';
import { applyDataset } from '../features/registry/dataset-import';
import { readJsonDataset } from '../features/registry/import.service';
import {
  ARTICLE_2020_AWARDS,
  BLOCK_2020_MEMBERS,
  BLOCK_NAME,
  ISSUER_SNN,
  buildDemoDataset,
} from './demo-registry';
import { DEMO_USERS, seedDemo } from './demo';

let t: TestApp;
let seedMs = 0;
beforeAll(async () => {
  t = await createTestApp();
  const started = performance.now();
  await t.seed({ registry: true });
  seedMs = performance.now() - started;
  console.log(`demo seed on ${engine}: ${seedMs.toFixed(0)} ms (reset + units, users, registry)`);
});
afterAll(async () => t?.close());

const rows = <T extends Record<string, unknown>>(q: ReturnType<typeof sql>) => t.database.rows<T>(q);
const one = async (q: ReturnType<typeof sql>) => toCount((await rows<{ n: unknown }>(q))[0]!.n);

/** People in a unit at the end of a year (their unit-history period covers 31/12). */
const atYearEnd = (year: number) => sql.raw(`'${year}-12-31'::date`);

describe('demo dataset (pure)', () => {
  it('validates against the dataset schema', () => {
    const parsed = datasetSchema.safeParse(buildDemoDataset());
    expect(parsed.success ? [] : parsed.error.issues.slice(0, 5)).toEqual([]);
  });

  it('is already in parsed form (the seed applies it without a second validation pass)', () => {
    const d = buildDemoDataset();
    expect(datasetSchema.parse(d)).toEqual(d);
  });

  it('is deterministic: two builds are identical', () => {
    expect(JSON.stringify(buildDemoDataset())).toBe(JSON.stringify(buildDemoDataset()));
  });

  it('uses fictional people only: generated names, never the demo accounts', () => {
    const d = buildDemoDataset();
    const names = new Set(DEMO_USERS.map((u) => u.displayName));
    expect(d.people!.every((p) => p.isDemo === true)).toBe(true);
    expect(d.people!.filter((p) => names.has(p.fullName))).toEqual([]);
    const keys = d.people!.map((p) => `${p.fullName}|${p.dateOfBirth}`);
    expect(new Set(keys).size).toBe(keys.length);
  });
});

describe(`demo registry after seeding (${engine})`, () => {
  it("reproduces the article's 2020 award counts by award, recipient kind and track", async () => {
    const got = await rows<{ award_code: string; recipient_kind: string; track: string; n: unknown }>(
      sql`select award_code, recipient_kind, track, count(*) as n from awards where year = 2020
          group by award_code, recipient_kind, track order by award_code, recipient_kind, track`,
    );
    const actual = got.map((r) => ({
      awardCode: r.award_code,
      recipientKind: r.recipient_kind,
      track: r.track,
      n: toCount(r.n),
    }));
    const key = (a: { awardCode: string; recipientKind: string; track: string }) =>
      `${a.awardCode}|${a.recipientKind}|${a.track}`;
    const sorted = (l: typeof actual) => [...l].sort((a, b) => (key(a) < key(b) ? -1 : 1));
    expect(sorted(actual)).toEqual(sorted(ARTICLE_2020_AWARDS));
    // Each recipient holds a 2020 award code at most once per track.
    expect(
      await one(sql`select count(*) as n from (select recipient_key, award_code, track from awards where year = 2020
                    group by 1, 2, 3 having count(*) > 1) d`),
    ).toBe(0);
  });

  it('records the regular 2020 awards as decisions of the Giám đốc Sở early in 2021, before the article', async () => {
    const decisions = await rows<{ issuer: string; decision_number: string; decision_date: string }>(
      sql`select distinct issuer, decision_number, decision_date::text as decision_date from awards
          where year = 2020 and track = 'regular'`,
    );
    expect(decisions.length).toBeGreaterThan(0);
    for (const d of decisions) {
      expect(d.issuer).toBe(ISSUER_SNN);
      expect(d.decision_number).toMatch(/^\d{2,3}\/QĐ-SNN$/);
      expect(d.decision_date >= '2021-01-01' && d.decision_date < '2021-02-02').toBe(true);
    }
    expect(
      await one(sql`select count(*) as n from awards where year = 2020 and decision_date > '2021-02-02'`),
    ).toBe(0);
  });

  it('gives LĐTT 2020 only to people rated HTTNV or better, with no discipline in force and ≥ 10 months worked', async () => {
    const holders = await rows<{
      code: string;
      rating: string | null;
      start: string | null;
      disciplined: unknown;
    }>(
      sql`select p.code, e.rating, e.employment_start_date::text as start,
            (select count(*) from disciplines d where d.person_id = p.id
              and d.from_date <= '2020-12-31' and (d.to_date is null or d.to_date >= '2020-01-01')) as disciplined
          from awards a join people p on p.id = a.person_id
          left join person_evaluations e on e.person_id = p.id and e.year = 2020
          where a.year = 2020 and a.award_code = 'LDTT'`,
    );
    expect(holders).toHaveLength(300);
    for (const h of holders) {
      expect(['HTXSNV', 'HTTNV']).toContain(h.rating);
      expect(toCount(h.disciplined)).toBe(0);
      expect(h.start! <= '2020-03-01').toBe(true);
    }
    const wellRated = await one(
      sql`select count(*) as n from person_evaluations e where e.year = 2020 and e.rating in ('HTXSNV', 'HTTNV')
          and not exists (select 1 from disciplines d where d.person_id = e.person_id
            and d.from_date <= '2020-12-31' and (d.to_date is null or d.to_date >= '2020-01-01'))`,
    );
    expect(wellRated).toBeGreaterThanOrEqual(300);
  });

  it('shows people who are not eligible, and leave that still counts', async () => {
    expect(
      await one(sql`select count(*) as n from person_evaluations where year = 2020 and rating = 'KHTNV'`),
    ).toBeGreaterThan(0);
    // New hires under 10 months, rated well, and without LĐTT.
    expect(
      await one(sql`select count(*) as n from person_evaluations e where e.year = 2020
        and e.employment_start_date > '2020-03-01' and e.rating in ('HTXSNV', 'HTTNV')
        and not exists (select 1 from awards a where a.person_id = e.person_id and a.year = 2020)`),
    ).toBeGreaterThan(0);
    expect(
      await one(sql`select count(*) as n from disciplines d where d.level = 'khien_trach'
        and d.decision_date between '2020-01-01' and '2020-12-31'
        and not exists (select 1 from awards a where a.person_id = d.person_id and a.year = 2020)`),
    ).toBeGreaterThan(0);
    // Maternity leave counts as working time: mothers on leave in 2020 hold LĐTT.
    expect(
      await one(sql`select count(distinct l.person_id) as n from person_leaves l
        join awards a on a.person_id = l.person_id and a.year = 2020 and a.award_code = 'LDTT'
        where l.kind = 'maternity' and l.from_date <= '2020-12-31' and l.to_date >= '2020-01-01'`),
    ).toBeGreaterThan(0);
    expect(await one(sql`select count(*) as n from person_trainings`)).toBeGreaterThan(0);
  });

  it('backs every CSTĐCS with LĐTT and an own grassroots initiative of the same year, within the 15% cap', async () => {
    for (const year of [2018, 2019, 2020]) {
      const holders = await rows<{ code: string; ldtt: unknown; initiatives: unknown }>(
        sql`select p.code,
              (select count(*) from awards l where l.person_id = p.id and l.year = ${year} and l.award_code = 'LDTT') as ldtt,
              (select count(*) from initiative_authors ia join initiatives i on i.id = ia.initiative_id
                where ia.person_id = p.id and i.level = 'grassroots' and i.used_by_award_id is null
                  and i.recognition_date between ${`${year}-01-01`}::date and ${`${year}-12-31`}::date) as initiatives
            from awards a join people p on p.id = a.person_id
            where a.year = ${year} and a.award_code = 'CSTDCS'`,
      );
      if (year === 2020) expect(holders).toHaveLength(44);
      for (const h of holders) {
        expect(toCount(h.ldtt), h.code).toBe(1);
        expect(toCount(h.initiatives), h.code).toBeGreaterThanOrEqual(1);
      }
      const ldtt = await one(
        sql`select count(*) as n from awards where year = ${year} and award_code = 'LDTT'`,
      );
      expect(holders.length * 100).toBeLessThanOrEqual(ldtt * 15);
    }
    // An initiative backs one award: no initiative is co-authored by two CSTĐCS holders of its year.
    expect(
      await one(sql`select count(*) as n from (
        select i.id from initiatives i join initiative_authors ia on ia.initiative_id = i.id
        join awards a on a.person_id = ia.person_id and a.award_code = 'CSTDCS'
          and a.year = extract(year from i.recognition_date)
        group by i.id having count(*) > 1) x`),
    ).toBe(0);
  });

  it('gives Tập thể LĐTT only to collectives rated HTTNV+, with more than 50% LĐTT and nobody warned', async () => {
    for (const year of [2018, 2019, 2020]) {
      const collectives = await rows<{
        code: string;
        rating: string | null;
        members: unknown;
        titled: unknown;
        warned: unknown;
      }>(
        sql`select u.code, e.rating,
              (select count(*) from person_unit_history h where h.unit_id = u.id
                and h.from_date <= ${atYearEnd(year)} and (h.to_date is null or h.to_date >= ${atYearEnd(year)})) as members,
              (select count(*) from person_unit_history h join awards l on l.person_id = h.person_id
                and l.year = ${year} and l.award_code = 'LDTT'
                where h.unit_id = u.id and h.from_date <= ${atYearEnd(year)}
                  and (h.to_date is null or h.to_date >= ${atYearEnd(year)})) as titled,
              (select count(*) from person_unit_history h join disciplines d on d.person_id = h.person_id
                and d.level <> 'khien_trach' and d.from_date <= ${atYearEnd(year)}
                and (d.to_date is null or d.to_date >= ${`${year}-01-01`}::date)
                where h.unit_id = u.id and h.from_date <= ${atYearEnd(year)}
                  and (h.to_date is null or h.to_date >= ${atYearEnd(year)})) as warned
            from awards a join units u on u.id = a.unit_id
            left join unit_evaluations e on e.unit_id = u.id and e.year = ${year}
            where a.year = ${year} and a.award_code = 'TTLDTT'`,
      );
      if (year === 2020) expect(collectives).toHaveLength(29);
      for (const c of collectives) {
        expect(['HTXSNV', 'HTTNV'], c.code).toContain(c.rating);
        expect(toCount(c.titled) * 2, c.code).toBeGreaterThan(toCount(c.members));
        expect(toCount(c.warned), c.code).toBe(0);
      }
    }
  });

  it('keeps unit member counts consistent with the people in each unit at year end', async () => {
    const mismatches = await rows<{ code: string; year: number; member_count: number; people: unknown }>(
      sql`select u.code, e.year, e.member_count, (
            select count(*) from person_unit_history h join units hu on hu.id = h.unit_id
            where (hu.id = u.id or hu.parent_id = u.id)
              and h.from_date <= make_date(e.year, 12, 31)
              and (h.to_date is null or h.to_date >= make_date(e.year, 12, 31))) as people
          from unit_evaluations e join units u on u.id = e.unit_id`,
    );
    expect(mismatches.length).toBeGreaterThan(100);
    expect(mismatches.filter((m) => toCount(m.people) !== Number(m.member_count))).toEqual([]);
    // 2020 roster of the block, and about one leader in ten.
    const roster = await one(sql`select count(*) as n from person_evaluations where year = 2020`);
    expect(roster).toBeGreaterThanOrEqual(340);
    const leaders = await one(sql`select count(*) as n from people where is_leader`);
    const all = await one(sql`select count(*) as n from people`);
    expect(leaders / all).toBeGreaterThan(0.08);
    expect(leaders / all).toBeLessThan(0.16);
    // A few mid-year transfers.
    expect(
      await one(
        sql`select count(*) as n from person_unit_history where to_date between '2019-01-01' and '2020-12-30'`,
      ),
    ).toBeGreaterThanOrEqual(4);
  });

  it('has the 2018–2020 blocks with the article’s 8 members and BL-TTKN leading in 2020', async () => {
    const blocks = await rows<{ id: string; year: number; name: string; lead: string; deputy: string }>(
      sql`select b.id, b.year, b.name, l.code as lead, d.code as deputy from blocks b
          join units l on l.id = b.lead_unit_id join units d on d.id = b.deputy_unit_id
          where b.year <= 2020 order by b.year`, // 2021: the block-scoring demo (demo-scoring.ts)
    );
    expect(blocks.map((b) => b.year)).toEqual([2018, 2019, 2020]);
    expect(blocks.every((b) => b.name === BLOCK_NAME)).toBe(true);
    expect(blocks[2]).toMatchObject({ lead: 'BL-TTKN' });
    // Rotation: each year's deputy leads the next year.
    expect(blocks[1]!.lead).toBe(blocks[0]!.deputy);
    expect(blocks[2]!.lead).toBe(blocks[1]!.deputy);
    const members = await rows<{ code: string }>(
      sql`select u.code from block_members m join units u on u.id = m.unit_id where m.block_id = ${blocks[2]!.id} order by u.code`,
    );
    expect(members.map((m) => m.code)).toEqual([...BLOCK_2020_MEMBERS].sort());
  });

  it('has the 2025 reorganisation: BL-SNN → BL-SNNMT → CM-SNNMT and BL-UBND → CM-UBND, history reachable', async () => {
    const chain = await rows<{ code: string; depth: number }>(
      sql`with recursive back(id, depth) as (
            select id, 0 from units where code = 'CM-SNNMT'
            union all
            select s.predecessor_id, back.depth + 1 from unit_successions s join back on s.successor_id = back.id
          )
          select u.code, back.depth from back join units u on u.id = back.id order by back.depth, u.code`,
    );
    expect(chain.map((c) => c.code)).toEqual(['CM-SNNMT', 'BL-SNNMT', 'BL-SNN', 'BL-STNMT']);
    expect(
      await one(sql`select count(*) as n from unit_successions s join units p on p.id = s.predecessor_id
        join units c on c.id = s.successor_id where p.code = 'BL-UBND' and c.code = 'CM-UBND'
        and s.effective_date = '2025-07-01'`),
    ).toBe(1);
    const units = await rows<{
      code: string;
      active_from: string;
      active_to: string | null;
      parent: string | null;
    }>(
      sql`select u.code, u.active_from::text as active_from, u.active_to::text as active_to, p.code as parent
          from units u left join units p on p.id = u.parent_id
          where u.code in ('BL-UBND', 'BL-SNN', 'BL-SNNMT', 'CM-UBND', 'CM-SNNMT', 'BL-TTKN') order by u.code`,
    );
    expect(units).toEqual([
      { code: 'BL-SNN', active_from: '1997-01-01', active_to: '2025-02-28', parent: 'BL-UBND' },
      { code: 'BL-SNNMT', active_from: '2025-03-01', active_to: '2025-06-30', parent: 'BL-UBND' },
      { code: 'BL-TTKN', active_from: '1997-01-01', active_to: null, parent: 'BL-SNN' },
      { code: 'BL-UBND', active_from: '1997-01-01', active_to: '2025-06-30', parent: null },
      { code: 'CM-SNNMT', active_from: '2025-07-01', active_to: null, parent: 'CM-UBND' },
      { code: 'CM-UBND', active_from: '2025-07-01', active_to: null, parent: null },
    ]);
    // From the successor, the block's 2020 awards are reachable through BL-SNN's subtree.
    expect(
      await one(sql`select count(*) as n from awards a join units u on u.id = a.unit_id
        join units m on m.id = u.parent_id or m.id = u.id
        join units d on d.id = m.parent_id and d.code = 'BL-SNN'
        where a.year = 2020 and a.award_code = 'TTLDTT'`),
    ).toBe(29);
  });

  it('is idempotent: applying the dataset again changes nothing', async () => {
    const { data, errors } = readJsonDataset(JSON.stringify(buildDemoDataset()));
    expect(errors).toEqual([]);
    const result = await t.database.db.transaction(async (tx) => applyDataset(tx, data, { unitIds: null }));
    expect(result.errors).toEqual([]);
    const changed = Object.entries(result.byKind).filter(([, c]) => c.inserted || c.updated);
    expect(changed).toEqual([]);
  });

  it('writes one seed audit row naming the counts', async () => {
    const audit = await rows<{ action: string; after: Record<string, number> }>(
      sql`select action, after from audit_log where action = 'seed.demo'`,
    );
    expect(audit).toHaveLength(1);
    expect(audit[0]!.after).toMatchObject({
      users: DEMO_USERS.length,
      blocks: 3,
      people: expect.any(Number),
    });
    expect(seedMs).toBeGreaterThan(0);
  });
});

describe(`small demo seed (${engine})`, () => {
  it('without the registry seeds what the demo had before: 11 units, the users and the 2020 block', async () => {
    await t.database.reset();
    expect(await seedDemo(t.database, t.time.clock, { registry: false })).toEqual({ seeded: true });
    expect(await one(sql`select count(*) as n from units`)).toBe(11);
    expect(await one(sql`select count(*) as n from users`)).toBe(DEMO_USERS.length);
    expect(await one(sql`select count(*) as n from people`)).toBe(0);
    const blocks = await rows<{ year: number; lead: string; members: unknown }>(
      sql`select b.year, l.code as lead, (select count(*) from block_members m where m.block_id = b.id) as members
          from blocks b join units l on l.id = b.lead_unit_id`,
    );
    expect(blocks.map((b) => ({ ...b, members: toCount(b.members) }))).toEqual([
      { year: 2020, lead: 'BL-TTKN', members: 8 },
    ]);
  });
});
