import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { createTestApp, engine, type Session, type TestApp } from '../../testing/harness';
import { units } from '../../platform/db/schema';
import { readSpreadsheet, MAX_IMPORT_BYTES } from './excel/read';
import { writeSheet } from './excel/write';
import type { Block, Lineage } from '../../../shared/registry/registry.schema';

let t: TestApp;
let admin: Session;
const unitId = async (code: string) =>
  (await t.database.db.select().from(units).where(eq(units.code, code)))[0]!.id;
const count = async (table: string) =>
  Number((await t.database.rows<{ n: unknown }>(sql.raw(`select count(*) as n from ${table}`)))[0]!.n);

const dataset = {
  format: 'vinhdanh-dataset',
  version: 1,
  people: [
    { code: 'R-1', fullName: 'Phạm Thị Hồng', sex: 'female', dateOfBirth: '1990-01-02' },
    { code: 'R-2', fullName: 'Hồ Văn Lực', sex: 'male', isLeader: true },
  ],
  personUnits: [
    { personCode: 'R-1', unitCode: 'BL-TTNS', fromDate: '2018-01-01' },
    { personCode: 'R-2', unitCode: 'BL-TTKN', fromDate: '2018-01-01' },
  ],
  personEvaluations: [
    { personCode: 'R-1', year: 2020, rating: 'HTXSNV' },
    { personCode: 'R-2', year: 2020, rating: 'HTNV' },
  ],
};

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());
beforeEach(async () => {
  await t.seed();
  admin = await t.login('admin');
});

describe(`registry routes (${engine})`, () => {
  it('imports a JSON dataset through upload: preview writes nothing, commit writes all, re-import is unchanged', async () => {
    const before = await count('people');
    const preview = await admin.upload(
      '/api/registry/import?target=dataset&mode=preview',
      'data.json',
      JSON.stringify(dataset),
    );
    expect(preview.statusCode, preview.body).toBe(200);
    expect(preview.json()).toMatchObject({ committed: false, inserted: 6, errors: [] });
    expect(await count('people')).toBe(before);
    const commit = await admin.upload(
      '/api/registry/import?target=dataset&mode=commit',
      'data.json',
      JSON.stringify(dataset),
    );
    expect(commit.json()).toMatchObject({ committed: true, inserted: 6 });
    expect(await count('people')).toBe(before + 2);
    const again = await admin.upload(
      '/api/registry/import?target=dataset&mode=commit',
      'data.json',
      JSON.stringify(dataset),
    );
    expect(again.json()).toMatchObject({ committed: true, inserted: 0, updated: 0, unchanged: 6 });
  });

  it('exports what is filtered, and the export re-imports unchanged', async () => {
    await admin.upload(
      '/api/registry/import?target=dataset&mode=commit',
      'data.json',
      JSON.stringify(dataset),
    );
    const list = (
      await admin.request(
        'GET',
        '/api/registry/records/personEvaluations?year=2020&rating=HTXSNV&q=pham%20thi%20hong',
      )
    ).json();
    expect(list.items.map((r: { personCode: string }) => r.personCode)).toEqual(['R-1']);
    const res = await admin.request(
      'GET',
      '/api/registry/records/personEvaluations/export?year=2020&rating=HTXSNV&q=pham%20thi%20hong',
    );
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(res.headers['content-disposition']).toContain("filename*=UTF-8''");
    const read = await readSpreadsheet(res.rawPayload, 'export.xlsx', 'personEvaluations');
    expect(read.errors).toEqual([]);
    expect(read.data.personEvaluations!.map((r) => r.record)).toEqual([
      expect.objectContaining({ personCode: 'R-1', year: 2020, rating: 'HTXSNV' }),
    ]);
    const reimport = await admin.upload(
      '/api/registry/import?target=personEvaluations&mode=commit',
      'export.xlsx',
      res.rawPayload,
    );
    expect(reimport.json()).toMatchObject({ committed: true, inserted: 0, updated: 0, unchanged: 1 });
    const leaders = await admin.request(
      'GET',
      '/api/registry/records/people/export?format=csv&q=r-&sex=male&isLeader=true',
    );
    expect(leaders.body).toContain('Hồ Văn Lực');
    expect(leaders.body).not.toContain('Phạm Thị Hồng');
    const csv = await admin.request('GET', '/api/registry/records/people/export?format=csv&q=hong');
    expect(csv.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(csv.body).toContain('Phạm Thị Hồng');
  });

  it('imports an Excel sheet made from the template columns, and reports row errors in Vietnamese', async () => {
    const template = await admin.request('GET', '/api/registry/templates/people');
    expect(template.statusCode).toBe(200);
    expect((await readSpreadsheet(template.rawPayload, 't.xlsx', 'people')).data.people ?? []).toEqual([]);
    const sheet = await writeSheet('people', [
      { code: 'X-1', fullName: 'Lý Thị Mai', sex: 'female', isLeader: false },
      { code: 'X 2!', fullName: 'Đỗ Văn Nam', sex: 'male', isLeader: false },
    ]);
    const res = await admin.upload('/api/registry/import?target=people&mode=commit', 'people.xlsx', sheet);
    expect(res.json().committed).toBe(false);
    expect(res.json().errors[0]).toMatchObject({
      row: 3,
      column: 'Mã cán bộ',
      value: 'X 2!',
      message: expect.stringMatching(/^Mã cán bộ gồm/),
    });
    expect(await count(`people where code like 'X-%'`)).toBe(0);
  });

  it('refuses an upload above the limit, and a file that is not a spreadsheet', async () => {
    const before = await count('people');
    const big = await admin.upload(
      '/api/registry/import?target=people&mode=commit',
      'big.xlsx',
      Buffer.alloc(MAX_IMPORT_BYTES + 1024, 1),
    );
    expect(big.statusCode).toBe(413);
    expect(big.json().code).toBe('IMPORT.TOO_LARGE');
    const png = await admin.upload(
      '/api/registry/import?target=people&mode=commit',
      'anh.xlsx',
      Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'),
    );
    expect(png.json().committed).toBe(false);
    expect(png.json().errors.length).toBeGreaterThan(0);
    const none = await admin.request('POST', '/api/registry/import?target=people', { x: 1 });
    expect(none.json().code).toBe('IMPORT.FILE_REQUIRED');
    expect(await count('people')).toBe(before);
  });

  it('a unit officer imports only for their own unit', async () => {
    const officer = await t.login('donvi'); // BL-TTNS
    const res = await officer.upload(
      '/api/registry/import?target=dataset&mode=commit',
      'd.json',
      JSON.stringify(dataset),
    );
    expect(res.json().committed).toBe(false);
    expect(res.json().errors.map((e: { message: string }) => e.message)).toContain(
      'Đơn vị "BL-TTKN" không thuộc phạm vi của bạn',
    );
    const own = {
      ...dataset,
      people: [dataset.people[0]],
      personUnits: [dataset.personUnits[0]],
      personEvaluations: [dataset.personEvaluations[0]],
    };
    expect(
      (
        await officer.upload('/api/registry/import?target=dataset&mode=commit', 'd.json', JSON.stringify(own))
      ).json().committed,
    ).toBe(true);
    expect((await officer.request('GET', '/api/registry/dataset')).statusCode).toBe(403);
  });

  it('keeps blocks per year with members, lead and deputy', async () => {
    const blocks2020 = (await admin.request('GET', '/api/registry/blocks?year=2020')).json() as Block[];
    expect(blocks2020).toHaveLength(1);
    expect(blocks2020[0]!.members).toHaveLength(8);
    expect(blocks2020[0]!.leadUnitId).toBe(await unitId('BL-TTKN'));
    const members = [await unitId('BL-TTKN'), await unitId('BL-TTNS'), await unitId('BL-BQLR')];
    const body = {
      year: 2031,
      name: 'Khối thử nghiệm',
      organizerUnitId: await unitId('BL-SNN'),
      leadUnitId: members[1]!,
      deputyUnitId: members[2]!,
      memberUnitIds: members,
    };
    const created = await admin.request('POST', '/api/registry/blocks', body);
    expect(created.statusCode, created.body).toBe(201);
    expect((await admin.request('POST', '/api/registry/blocks', body)).json().code).toBe('BLOCK.DUPLICATE');
    const notMember = await admin.request('PUT', `/api/registry/blocks/${created.json().id}`, {
      ...body,
      leadUnitId: await unitId('BL-BQLCC'),
      version: 1,
    });
    expect(notMember.json().fields.leadUnitId).toBe('Khối trưởng phải là thành viên của khối');
    const rotated = await admin.request('PUT', `/api/registry/blocks/${created.json().id}`, {
      ...body,
      leadUnitId: members[2],
      deputyUnitId: members[1],
      version: 1,
    });
    expect(rotated.json()).toMatchObject({ leadUnitId: members[2], version: 2 });
  });

  it('records a merger and walks the lineage both ways; a loop is refused', async () => {
    const a = await unitId('BL-TTKNGHIEM');
    const b = await unitId('BL-TTGIONG');
    const res = await admin.request('POST', '/api/registry/successions', {
      predecessorId: a,
      successorId: b,
      effectiveDate: '2025-07-01',
      note: 'Sáp nhập',
    });
    expect(res.statusCode).toBe(201);
    const lineage = (await admin.request('GET', `/api/registry/units/${b}/lineage`)).json() as Lineage;
    expect(lineage.predecessors.map((p) => p.code)).toContain('BL-TTKNGHIEM');
    const forward = (await admin.request('GET', `/api/registry/units/${a}/lineage`)).json() as Lineage;
    expect(forward.successors.map((p) => p.code)).toContain('BL-TTGIONG');
    const loop = await admin.request('POST', '/api/registry/successions', {
      predecessorId: b,
      successorId: a,
      effectiveDate: '2025-08-01',
    });
    expect(loop.json().code).toBe('SUCCESSION.INVALID');
  });
});
