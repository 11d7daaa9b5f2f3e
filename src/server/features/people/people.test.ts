import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { createTestApp, engine, type Session, type TestApp } from '../../testing/harness';
import { units } from '../../platform/db/schema';
import type { PersonProfile, PersonSummary } from '../../../shared/people/people.schema';
import { createPeopleSearchIndex } from './people.search-index';

let t: TestApp;
let admin: Session;
const unitId = async (code: string) =>
  (await t.database.db.select().from(units).where(eq(units.code, code)))[0]!.id;

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());
beforeEach(async () => {
  await t.seed();
  // The demo registry may add people; these tests use their own, under codes no demo uses.
  await t.database.db.execute(sql`delete from people where code like 'T-%'`);
  admin = await t.login('admin');
  const add = (code: string, fullName: string, unit: string, extra: Record<string, unknown> = {}) =>
    admin.request('POST', '/api/people', {
      code,
      fullName,
      sex: 'female',
      unitId: unit,
      fromDate: '2015-01-01',
      isLeader: false,
      ...extra,
    });
  const ttkn = await unitId('BL-TTKN');
  const ttns = await unitId('BL-TTNS');
  for (const [code, name, unit, extra] of [
    ['T-1', 'Nguyễn Thị Thu', ttkn, { personalIdNumber: '094185000111', dateOfBirth: '1985-04-12' }],
    ['T-2', 'Trần Văn Ánh', ttkn, { sex: 'male', isLeader: true }],
    ['T-3', 'Lê Thị An', ttns, {}],
    ['T-4', 'Đặng Thu Đào', ttns, {}],
  ] as const) {
    const res = await add(code, name, unit, extra);
    expect(res.statusCode, res.body).toBe(201);
  }
});

const list = async (s: Session, query = '') =>
  (await s.request('GET', `/api/people?pageSize=500&${query}`)).json() as {
    items: PersonSummary[];
    total: number;
  };
const ours = (items: PersonSummary[]) => items.filter((p) => p.code.startsWith('T-'));

describe(`people (${engine})`, () => {
  it('searches without diacritics: "nguyen thi thu" finds "Nguyễn Thị Thu", "dao" finds "Đào"', async () => {
    expect(ours((await list(admin, 'q=nguyen%20thi%20thu')).items).map((p) => p.fullName)).toEqual([
      'Nguyễn Thị Thu',
    ]);
    expect(ours((await list(admin, 'q=DAO')).items).map((p) => p.fullName)).toEqual(['Đặng Thu Đào']);
    expect(ours((await list(admin, 'q=t-3')).items).map((p) => p.code)).toEqual(['T-3']);
  });

  it('sorts by given name, then family name, then middle name (Vietnamese alphabet)', async () => {
    expect(ours((await list(admin)).items).map((p) => p.fullName)).toEqual([
      'Lê Thị An',
      'Trần Văn Ánh',
      'Đặng Thu Đào',
      'Nguyễn Thị Thu',
    ]);
  });

  it('paginates on the server', async () => {
    const all = await list(admin, 'q=t-');
    const page = (await admin.request('GET', '/api/people?q=t-&page=2&pageSize=3')).json() as {
      items: PersonSummary[];
      total: number;
    };
    expect(page.total).toBe(all.total);
    expect(page.items.map((p) => p.code)).toEqual(all.items.slice(3, 6).map((p) => p.code));
  });

  it('counts a search only up to the cap, and says the total is a lower bound past it', async () => {
    const index = createPeopleSearchIndex(t.database);
    const exact = await index.page({ q: 't-' }, 1, 2, 10);
    expect(exact).toMatchObject({ total: 4, totalIsLowerBound: false });
    const capped = await index.page({ q: 't-' }, 1, 2, 3);
    expect(capped.rows.map((p) => p.code)).toEqual(exact.rows.map((p) => p.code));
    expect(capped).toMatchObject({ total: 3, totalIsLowerBound: true });
    // The page asked for past the cap is still reachable, and the total covers it.
    const last = await index.page({ q: 't-' }, 2, 2, 3);
    expect(last).toMatchObject({ total: 4, totalIsLowerBound: true });
    // Below the cap the API answers the exact total and no flag.
    const body = (await admin.request('GET', '/api/people?q=t-')).json() as Record<string, unknown>;
    expect(body.total).toBe(4);
    expect(body).not.toHaveProperty('totalIsLowerBound');
  });

  it('filters by unit (with sub-units), leadership and sex', async () => {
    expect(
      ours((await list(admin, `unitId=${await unitId('BL-TTNS')}`)).items)
        .map((p) => p.code)
        .sort(),
    ).toEqual(['T-3', 'T-4']);
    expect(ours((await list(admin, `unitId=${await unitId('BL-SNN')}`)).items)).toHaveLength(4);
    expect(
      ours((await list(admin, `unitId=${await unitId('BL-SNN')}&includeSubunits=false`)).items),
    ).toHaveLength(0);
    expect(ours((await list(admin, 'isLeader=true')).items).map((p) => p.code)).toEqual(['T-2']);
    expect(ours((await list(admin, 'sex=male')).items).map((p) => p.code)).toEqual(['T-2']);
  });

  it('masks personal id numbers except for admins', async () => {
    const officer = await t.login('canbo');
    const mine = (r: { items: PersonSummary[] }) => r.items.find((p) => p.code === 'T-1')!.personalIdNumber;
    expect(mine(await list(admin))).toBe('094185000111');
    expect(mine(await list(officer))).toBe('••••••••0111');
  });

  it('a unit officer sees and edits only the people of their unit', async () => {
    const unitOfficer = await t.login('donvi'); // BL-TTNS
    const visible = (await list(unitOfficer)).items;
    expect(visible.every((p) => p.unitId === (visible[0]?.unitId ?? null))).toBe(true);
    expect(
      ours(visible)
        .map((p) => p.code)
        .sort(),
    ).toEqual(['T-3', 'T-4']);
    const other = (await list(admin, 'q=t-1')).items[0]!;
    expect((await unitOfficer.request('GET', `/api/people/${other.id}`)).statusCode).toBe(404);
    expect(
      (
        await unitOfficer.request('PATCH', `/api/people/${other.id}`, {
          position: 'x',
          version: other.version,
        })
      ).statusCode,
    ).toBe(404);
    const refused = await unitOfficer.request('POST', '/api/people', {
      code: 'T-9',
      fullName: 'Ngoài Phạm Vi',
      sex: 'male',
      unitId: await unitId('BL-TTKN'),
      fromDate: '2020-01-01',
    });
    expect(refused.json().code).toBe('PERSON.OUT_OF_SCOPE');
    const own = await unitOfficer.request('POST', '/api/people', {
      code: 'T-8',
      fullName: 'Trong Phạm Vi',
      sex: 'male',
      unitId: await unitId('BL-TTNS'),
      fromDate: '2020-01-01',
    });
    expect(own.statusCode).toBe(201);
  });

  it('keeps one profile: transfer mid-year, evaluations, leave, training, discipline', async () => {
    const p = (await list(admin, 'q=t-1')).items[0]!;
    const moved = await admin.request('POST', `/api/people/${p.id}/transfer`, {
      unitId: await unitId('BL-BQLR'),
      fromDate: '2020-07-01',
      position: 'Phó Trưởng ban',
    });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json().unitName).toBe('Ban Quản lý rừng đặc dụng – phòng hộ ven biển Bạc Liêu');
    expect(
      (await admin.request('PUT', `/api/people/${p.id}/evaluations/2020`, { rating: 'HTXSNV' })).statusCode,
    ).toBe(200);
    expect(
      (
        await admin.request('PUT', `/api/people/${p.id}/evaluations/2020`, {
          rating: 'HTTNV',
          note: 'sửa lại',
        })
      ).statusCode,
    ).toBe(200);
    expect(
      (
        await admin.request('POST', `/api/people/${p.id}/leaves`, {
          kind: 'maternity',
          fromDate: '2019-01-01',
          toDate: '2019-06-30',
        })
      ).statusCode,
    ).toBe(201);
    expect(
      (
        await admin.request('POST', `/api/people/${p.id}/trainings`, {
          fromDate: '2018-09-01',
          toDate: '2019-06-30',
          grade: 'kha',
        })
      ).statusCode,
    ).toBe(201);
    const disc = await admin.request('POST', `/api/people/${p.id}/disciplines`, {
      level: 'khien_trach',
      decisionNumber: '01/QĐ-TTKN',
      decisionDate: '2017-03-01',
      fromDate: '2017-03-01',
      toDate: '2018-02-28',
    });
    expect(disc.statusCode).toBe(201);
    expect(
      (
        await admin.request('POST', `/api/people/${p.id}/disciplines`, {
          level: 'khien_trach',
          decisionNumber: '01/QĐ-TTKN',
          decisionDate: '2017-03-01',
          fromDate: '2017-03-01',
        })
      ).json().code,
    ).toBe('RECORD.DUPLICATE');
    const profile = (await admin.request('GET', `/api/people/${p.id}`)).json() as PersonProfile;
    expect(profile.unitHistory.map((h) => [h.unitCode, h.fromDate, h.toDate])).toEqual([
      ['BL-BQLR', '2020-07-01', null],
      ['BL-TTKN', '2015-01-01', '2020-06-30'],
    ]);
    expect(profile.evaluations).toMatchObject([{ year: 2020, rating: 'HTTNV', note: 'sửa lại' }]);
    expect(profile.leaves).toHaveLength(1);
    expect(profile.trainings[0]!.grade).toBe('kha');
    expect(profile.disciplines[0]!.level).toBe('khien_trach');
    expect(
      (await admin.request('DELETE', `/api/people/${p.id}/disciplines/${disc.json().id}`)).statusCode,
    ).toBe(200);
    const early = await admin.request('POST', `/api/people/${p.id}/transfer`, {
      unitId: await unitId('BL-TTKN'),
      fromDate: '2020-01-01',
    });
    expect(early.json().code).toBe('PERSON.TRANSFER_DATE');
    const actions = (
      await t.database.rows<{ action: string }>(
        sql`select action from audit_log where entity_type = 'person' and entity_id = ${p.id} order by seq`,
      )
    ).map((r) => r.action);
    expect(actions).toEqual([
      'person.create',
      'person.transfer',
      'person.evaluation.create',
      'person.evaluation.update',
      'person.leave.create',
      'person.training.create',
      'person.discipline.create',
      'person.discipline.delete',
    ]);
  });

  it('refuses bad input with Vietnamese field messages and writes nothing', async () => {
    const before = (await list(admin, 'q=t-')).total;
    const res = await admin.request('POST', '/api/people', {
      code: 'T-X',
      fullName: '',
      sex: 'x',
      unitId: await unitId('BL-TTKN'),
      fromDate: '2020-13-01',
      personalIdNumber: '12ab',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().fields).toMatchObject({
      fullName: 'Họ và tên không được để trống',
      sex: 'Giới tính phải là Nam hoặc Nữ',
      personalIdNumber: 'Số định danh cá nhân gồm 12 chữ số (CCCD) hoặc 9 chữ số (CMND)',
    });
    expect((await list(admin, 'q=t-')).total).toBe(before);
  });
});
