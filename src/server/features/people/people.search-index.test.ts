/**
 * The in-process people list (decision 044) must answer exactly what the SQL it replaced answers, and must
 * see every committed change — made by this process, another process, a raw statement or a TRUNCATE —
 * on the next request.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
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
