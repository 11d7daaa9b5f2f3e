/**
 * The in-process people list (decision 044) must answer exactly what the SQL it replaced answers, and must
 * see every committed change — made by this process, another process, a raw statement or a TRUNCATE —
 * on the next request.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { createTestApp, engine, type TestApp } from '../../testing/harness';
import { createPeopleSearchIndex, PeopleSnapshot, type ListedPerson } from './people.search-index';

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
  await t.seed({ registry: true });
});
afterAll(async () => t?.close());

/** The SQL of decision 043's list: every match of the folded query in Vietnamese order. */
async function sqlIds(q: string): Promise<string[]> {
  const escaped = q.trim().replace(/[\\%_]/g, (c) => `\\${c}`);
  const rows = await t.database.rows<{ id: string }>(sql`
    select id from people where search_text like '%' || vd_fold(${escaped}) || '%'
    order by sort_key collate "C", id`);
  return rows.map((r) => r.id);
}

async function indexIds(index: ReturnType<typeof createPeopleSearchIndex>, q: string, pageSize = 37) {
  const ids: string[] = [];
  for (let page = 1; ; page++) {
    const r = await index.page({ q }, page, pageSize, 1_000_000);
    ids.push(...r.rows.map((p) => p.id));
    if (r.rows.length < pageSize) return { ids, total: r.total };
  }
}

describe(`people search index (${engine})`, () => {
  it('finds exactly what the SQL finds, in the same order, for accented, folded, short and odd queries', async () => {
    const n = (await t.database.rows<{ n: number | string }>(sql`select count(*) as n from people`))[0]!.n;
    expect(Number(n)).toBeGreaterThan(300);
    const index = createPeopleSearchIndex(t.database);
    const queries = [
      '',
      'nguyen',
      'Nguyễn Thị',
      'NGUYỄN VĂN',
      'thi thu',
      'đ',
      'Đặng',
      'dang',
      'a',
      'an',
      'ánh',
      'uyê',
      'van a',
      '  tran  ',
      'bl-',
      '%',
      '_',
      'x_y',
      'zzzz',
      'ngoc anh',
    ];
    let nonEmpty = 0;
    for (const q of queries) {
      const expected = await sqlIds(q);
      const got = await indexIds(index, q);
      expect(got.ids, `q=${JSON.stringify(q)}`).toEqual(expected);
      expect(got.total, `q=${JSON.stringify(q)}`).toBe(expected.length);
      if (expected.length > 0 && expected.length < Number(n)) nonEmpty++;
    }
    // The queries are not all trivially empty or everything.
    expect(nonEmpty).toBeGreaterThan(10);
  });

  it('sees a change committed by anyone on the next request, and keeps its copy while nothing changes', async () => {
    const a = createPeopleSearchIndex(t.database);
    const b = createPeopleSearchIndex(t.database); // another process
    const first = (await a.current('')).snapshot;
    // A statement that changes no row, and reads, leave the copy alone.
    await t.database.db.execute(sql`update people set position = position where false`);
    await t.database.db.execute(sql`delete from people where code = 'no-such-code'`);
    expect((await a.current('')).snapshot).toBe(first);

    const unit = (await t.database.rows<{ id: string }>(sql`select id from units order by code limit 1`))[0]!
      .id;
    await b.page({ q: 'quách' }, 1, 10); // b holds a copy from before the insert
    await t.database.db.execute(sql`
      insert into people (code, full_name, family_name, middle_name, given_name, sort_key, sex, current_unit_id)
      values ('IDX-1', 'Quách Thị Xuyến', 'Quách', 'Thị', 'Xuyến', 'x', 'female', ${unit})`);
    const found = await b.page({ q: 'quach thi xuyen' }, 1, 10);
    expect(found.rows.map((p) => p.code)).toEqual(['IDX-1']);
    expect(found.rows[0]).toMatchObject({ fullName: 'Quách Thị Xuyến', currentUnitId: unit, sex: 'female' });

    await t.database.db.execute(sql`update people set full_name = 'Quách Thị Xuân' where code = 'IDX-1'`);
    expect((await b.page({ q: 'quach thi xuyen' }, 1, 10)).rows).toHaveLength(0);
    expect((await b.page({ q: 'Quách Thị Xuân' }, 1, 10)).rows.map((p) => p.code)).toEqual(['IDX-1']);

    // Renaming the unit changes the unit name the list shows.
    const name = (await t.database.rows<{ name: string }>(sql`select name from units where id = ${unit}`))[0]!
      .name;
    await t.database.db.execute(sql`update units set name = 'Đơn vị đổi tên' where id = ${unit}`);
    expect((await b.page({ q: 'quach thi xuan' }, 1, 10)).rows[0]!.unitName).toBe('Đơn vị đổi tên');
    await t.database.db.execute(sql`update units set name = ${name} where id = ${unit}`);

    // A change inside a transaction that rolls back is not seen.
    await expect(
      t.database.db.transaction(async (tx) => {
        await tx.execute(sql`delete from people where code = 'IDX-1'`);
        throw new Error('rollback');
      }),
    ).rejects.toThrow('rollback');
    expect((await a.page({ q: 'idx-1' }, 1, 10)).rows).toHaveLength(1);

    await t.database.db.execute(sql`delete from people where code = 'IDX-1'`);
    expect((await a.page({ q: 'idx-1' }, 1, 10)).rows).toHaveLength(0);
    expect((await b.page({ q: 'idx-1' }, 1, 10)).rows).toHaveLength(0);
  });

  it('stamps at commit: a savepoint rolled back leaves no mark, both tables in one transaction are stamped', async () => {
    const index = createPeopleSearchIndex(t.database);
    const stamps = async () =>
      (
        await t.database.rows<{ name: string; stamp: string }>(
          sql`select name, stamp::text as stamp from vd_cache.change_stamps order by name`,
        )
      ).map((r) => `${r.name}=${r.stamp}`);
    const marks = async () =>
      Number(
        (await t.database.rows<{ n: unknown }>(sql`select count(*) as n from vd_cache.change_marks`))[0]!.n,
      );
    const first = (await index.current('')).snapshot;
    const before = await stamps();

    // Only a rolled-back savepoint changed people: no new stamp, the copy is kept.
    await t.database.db.transaction(async (tx) => {
      await expect(
        tx.transaction(async (sp) => {
          await sp.execute(
            sql`update people set position = 'Tạm' where code = (select min(code) from people)`,
          );
          throw new Error('rollback the savepoint');
        }),
      ).rejects.toThrow('rollback the savepoint');
    });
    expect(await stamps()).toEqual(before);
    expect((await index.current('')).snapshot).toBe(first);

    // A rolled-back savepoint, then a kept change: stamped once at commit, marks gone, change seen.
    await t.database.db.transaction(async (tx) => {
      await expect(
        tx.transaction(async (sp) => {
          await sp.execute(sql`update units set name = name || '' where true`);
          throw new Error('rollback the savepoint');
        }),
      ).rejects.toThrow('rollback the savepoint');
      await tx.execute(
        sql`update people set position = 'Chuyên viên tạm' where code = (select min(code) from people)`,
      );
      await tx.execute(
        sql`update people set position = 'Chuyên viên tạm 2' where code = (select min(code) from people)`,
      );
    });
    const afterPeople = await stamps();
    expect(afterPeople[0]).not.toBe(before[0]); // people (before units in name order): changed
    expect(afterPeople[1]).toBe(before[1]); // units: only in the rolled-back savepoint
    expect(await marks()).toBe(0);
    const seen = await index.page({ q: '' }, 1, 1_000_000);
    expect(seen.rows.some((p) => p.position === 'Chuyên viên tạm 2')).toBe(true);

    // People and units in one transaction: both stamps move.
    await t.database.db.transaction(async (tx) => {
      await tx.execute(sql`update units set name = name where code = (select min(code) from units)`);
      await tx.execute(sql`update people set position = null where position like 'Chuyên viên tạm%'`);
    });
    const both = await stamps();
    expect(both[0]).not.toBe(afterPeople[0]);
    expect(both[1]).not.toBe(afterPeople[1]);
    expect(await marks()).toBe(0);
  });

  it.runIf(engine === 'postgres')(
    'a long transaction writing people does not hold up other writers of people and units',
    async () => {
      const a = new pg.Client({ connectionString: t.database.url });
      const b = new pg.Client({ connectionString: t.database.url });
      await a.connect();
      await b.connect();
      const index = createPeopleSearchIndex(t.database);
      try {
        const codes = (
          await t.database.rows<{ code: string }>(sql`select code from people order by code limit 2`)
        ).map((r) => r.code);
        await index.current('');
        await a.query('begin');
        await a.query(`update people set position = 'Giao dịch dài' where code = $1`, [codes[0]]);
        // Before decision 048 this waited on the stamp row until A ended.
        await b.query(`set lock_timeout = '3s'`);
        await b.query('begin');
        await b.query(`update people set position = 'Người viết khác' where code = $1`, [codes[1]]);
        await b.query(`update units set name = name where code = (select min(code) from units)`);
        await b.query('commit');
        const afterB = await index.page({ q: '' }, 1, 1_000_000);
        expect(afterB.rows.find((p) => p.code === codes[1])!.position).toBe('Người viết khác');
        expect(afterB.rows.find((p) => p.code === codes[0])!.position).not.toBe('Giao dịch dài');
        await a.query('commit');
        const afterA = await index.page({ q: '' }, 1, 1_000_000);
        expect(afterA.rows.find((p) => p.code === codes[0])!.position).toBe('Giao dịch dài');
      } finally {
        await a.query('rollback').catch(() => undefined);
        await a.end();
        await b.end();
      }
    },
  );

  it('sees a TRUNCATE (a restore or a test reset empties the tables that way)', async () => {
    const index = createPeopleSearchIndex(t.database);
    expect((await index.page({}, 1, 5)).total).toBeGreaterThan(0);
    await t.seed(); // truncates every table, then seeds without the registry
    const n = (await t.database.rows<{ n: number | string }>(sql`select count(*) as n from people`))[0]!.n;
    expect((await index.page({}, 1, 5)).total).toBe(Number(n));
    await t.seed({ registry: true });
  });

  it('filters by unit set, leadership and sex before paging', () => {
    const person = (i: number, over: Partial<ListedPerson>): ListedPerson => ({
      id: `id-${i}`,
      code: `C${i}`,
      fullName: `Người ${i}`,
      sex: 'female',
      dateOfBirth: null,
      ethnicity: null,
      personalIdNumber: null,
      position: null,
      isLeader: false,
      isDemo: false,
      currentUnitId: 'u1',
      unitName: 'Đơn vị 1',
      version: 1,
      ...over,
    });
    const people = [
      person(0, {}),
      person(1, { sex: 'male' }),
      person(2, { currentUnitId: 'u2' }),
      person(3, { isLeader: true }),
      person(4, { currentUnitId: null }),
      person(5, {}),
    ];
    const snap = new PeopleSnapshot('s', people, [
      'nguyen van a c0',
      'nguyen b c1',
      'nguyen c c2',
      'tran d c3',
      'nguyen e c4',
      'le nguyen f c5',
    ]);
    const codes = (r: { rows: ListedPerson[] }) => r.rows.map((p) => p.code);
    expect(codes(snap.search({ folded: 'nguyen' }, 0, 10))).toEqual(['C0', 'C1', 'C2', 'C4', 'C5']);
    expect(codes(snap.search({ folded: 'nguyen', unitIds: new Set(['u1']) }, 0, 10))).toEqual([
      'C0',
      'C1',
      'C5',
    ]);
    expect(codes(snap.search({ folded: '', isLeader: true }, 0, 10))).toEqual(['C3']);
    expect(codes(snap.search({ folded: 'nguyen', sex: 'male' }, 0, 10))).toEqual(['C1']);
    // Paging: offset and limit over the matches; the count stops at the cap + 1.
    expect(snap.search({ folded: 'nguyen' }, 1, 2)).toMatchObject({ counted: 5 });
    expect(codes(snap.search({ folded: 'nguyen' }, 1, 2))).toEqual(['C1', 'C2']);
    expect(snap.search({ folded: 'nguyen' }, 0, 2, 2).counted).toBe(3);
    // One character scans; two use their pair; a piece nobody has finds nothing.
    expect(codes(snap.search({ folded: 'c' }, 0, 10))).toHaveLength(6);
    expect(codes(snap.search({ folded: 'le' }, 0, 10))).toEqual(['C5']);
    expect(codes(snap.search({ folded: 'f ' }, 0, 10))).toEqual(['C5']);
    expect(snap.search({ folded: 'qqq' }, 0, 10).counted).toBe(0);
    expect(snap.search({ folded: 'qq' }, 0, 10).counted).toBe(0);
  });
});
