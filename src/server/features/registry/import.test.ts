import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestApp, engine, type TestApp } from '../../testing/harness';
import { systemActor } from '../../platform/actor';
import { readJsonDataset, runImport } from './import.service';
import type { DatasetInput } from '../../../shared/registry/dataset.schema';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());
beforeEach(async () => t.seed());

const dataset = (): DatasetInput => ({
  format: 'vinhdanh-dataset',
  version: 1,
  units: [
    {
      code: 'BL-TTKN-P1',
      name: 'Phòng Kỹ thuật',
      kind: 'division',
      parentCode: 'BL-TTKN',
      activeFrom: '2010-01-01',
    },
    {
      code: 'BL-TTKN-P1-T1',
      name: 'Tổ Thủy sản',
      kind: 'division',
      parentCode: 'BL-TTKN-P1',
      activeFrom: '2012-01-01',
    },
  ],
  people: [
    {
      code: 'CB001',
      fullName: 'Nguyễn Thị Thu',
      sex: 'female',
      dateOfBirth: '1985-04-12',
      isLeader: false,
      position: 'Kỹ sư',
    },
    {
      code: 'CB002',
      fullName: 'Trần Văn Bình',
      sex: 'male',
      dateOfBirth: '1979-09-01',
      isLeader: true,
      position: 'Trưởng phòng',
      personalIdNumber: '094079000123',
    },
  ],
  personUnits: [
    { personCode: 'CB001', unitCode: 'BL-TTKN-P1-T1', fromDate: '2015-03-01' },
    { personCode: 'CB002', unitCode: 'BL-TTKN', fromDate: '2005-01-01', toDate: '2019-12-31' },
    { personCode: 'CB002', unitCode: 'BL-TTKN-P1', fromDate: '2020-01-01' },
  ],
  personEvaluations: [
    { personCode: 'CB001', year: 2020, rating: 'HTXSNV' },
    { personCode: 'CB002', year: 2020, rating: 'HTTNV' },
  ],
  leaves: [{ personCode: 'CB001', kind: 'maternity', fromDate: '2019-02-01', toDate: '2019-07-31' }],
  trainings: [{ personCode: 'CB002', fromDate: '2018-09-01', toDate: '2019-06-30', grade: 'kha' }],
  unitEvaluations: [{ unitCode: 'BL-TTKN', year: 2020, rating: 'HTXSNV', memberCount: 42 }],
  disciplines: [
    {
      personCode: 'CB002',
      level: 'khien_trach',
      decisionNumber: '05/QĐ-TTKN',
      decisionDate: '2017-05-05',
      fromDate: '2017-05-05',
      toDate: '2018-05-04',
    },
  ],
  initiatives: [
    {
      code: 'SK-2020-01',
      kind: 'initiative',
      title: 'Quy trình nuôi tôm ít thay nước',
      level: 'grassroots',
      recognitionDate: '2020-11-20',
      effectScope: 'unit',
      recognizingBody: 'Hội đồng sáng kiến Sở',
      authorCodes: ['CB001'],
    },
  ],
  awards: [
    {
      recipientKind: 'individual',
      personCode: 'CB001',
      awardCode: 'LDTT',
      year: 2020,
      track: 'regular',
      issuer: 'Giám đốc Sở',
      decisionNumber: '12/QĐ-SNN',
      decisionDate: '2021-01-15',
    },
    {
      recipientKind: 'collective',
      unitCode: 'BL-TTKN',
      awardCode: 'TTLDTT',
      year: 2020,
      track: 'regular',
      issuer: 'Giám đốc Sở',
      decisionNumber: '12/QĐ-SNN',
      decisionDate: '2021-01-15',
    },
    {
      recipientKind: 'household',
      householdName: 'Hộ ông Lâm Văn Tư',
      householdAddress: 'xã Vĩnh Hậu A',
      awardCode: 'GIAY_KHEN',
      year: 2020,
      track: 'thematic',
      issuer: 'Giám đốc Sở',
      decisionNumber: '30/QĐ-SNN',
      decisionDate: '2020-12-01',
    },
  ],
});

async function run(input: unknown, mode: 'preview' | 'commit' = 'commit') {
  const text = JSON.stringify(input);
  const { data, errors } = readJsonDataset(text);
  return runImport(
    t.database,
    systemActor('test', 'tester'),
    t.time.clock,
    { data, readErrors: errors, source: { name: 'test.json', bytes: text, kind: 'dataset' } },
    { unitIds: null },
    mode,
  );
}

const count = async (table: string) =>
  Number((await t.database.rows<{ n: unknown }>(sql.raw(`select count(*) as n from ${table}`)))[0]!.n);

describe(`dataset import (${engine})`, () => {
  it('previews exact counts without writing, then commits everything', async () => {
    const preview = await run(dataset(), 'preview');
    expect(preview).toMatchObject({ committed: false, errors: [], inserted: 17, updated: 0, unchanged: 0 });
    expect(await count('people')).toBe(0);
    const commit = await run(dataset());
    expect(commit).toMatchObject({ committed: true, inserted: 17 });
    expect(commit.byKind).toMatchObject({
      units: { inserted: 2 },
      people: { inserted: 2 },
      personUnits: { inserted: 3 },
      awards: { inserted: 3 },
    });
    const cb002 = (
      await t.database.rows<{ unit: string; sort_key: string }>(
        sql`select u.code as unit, p.sort_key from people p join units u on u.id = p.current_unit_id where p.code = 'CB002'`,
      )
    )[0]!;
    expect(cb002.unit).toBe('BL-TTKN-P1');
    const audit = (
      await t.database.rows<{ action: string; after: { inserted: number } }>(
        sql`select action, after from audit_log order by seq desc limit 1`,
      )
    )[0]!;
    expect(audit.action).toBe('registry.import');
    expect(audit.after.inserted).toBe(17);
  });

  it('is idempotent: the same file again changes nothing', async () => {
    await run(dataset());
    const again = await run(dataset());
    expect(again).toMatchObject({ committed: true, inserted: 0, updated: 0, unchanged: 17 });
  });

  it('counts changed records as updated', async () => {
    await run(dataset());
    const d = dataset();
    d.people![0]!.position = 'Phó trưởng phòng';
    d.initiatives![0]!.authorCodes = ['CB001', 'CB002'];
    const res = await run(d);
    expect(res.byKind.people).toEqual({ inserted: 0, updated: 1, unchanged: 1 });
    expect(res.byKind.initiatives).toEqual({ inserted: 0, updated: 1, unchanged: 0 });
  });

  it('reports row-level errors in Vietnamese and writes nothing at all', async () => {
    const d = dataset();
    d.personUnits![0]!.unitCode = 'KHONG-CO';
    (d.personEvaluations![1] as { rating: string }).rating = 'GIOI';
    d.people![1]!.dateOfBirth = '1979-02-30';
    const res = await run(d);
    expect(res.committed).toBe(false);
    expect(res.errors).toEqual(
      expect.arrayContaining([
        { kind: 'people', row: 2, column: 'dateOfBirth', value: '1979-02-30', message: 'Ngày không tồn tại' },
        {
          kind: 'personUnits',
          row: 1,
          column: 'unitCode',
          value: 'KHONG-CO',
          message: 'Không tìm thấy đơn vị có mã "KHONG-CO"',
        },
        {
          kind: 'personEvaluations',
          row: 2,
          column: 'rating',
          value: 'GIOI',
          message: 'Xếp loại phải là HTXSNV, HTTNV, HTNV hoặc KHTNV',
        },
      ]),
    );
    expect(await count('people')).toBe(0);
    expect(await count('units')).toBe(11);
  });

  it('warns about probable duplicate people, skips exact repeated rows, refuses conflicting ones', async () => {
    const d = dataset();
    d.people!.push({ code: 'CB009', fullName: 'NGUYEN THI THU', sex: 'female', dateOfBirth: '1985-04-12' });
    d.personEvaluations!.push({ personCode: 'CB001', year: 2020, rating: 'HTXSNV' });
    const res = await run(d);
    expect(res.committed).toBe(true);
    expect(res.warnings.map((w) => w.message)).toEqual(
      expect.arrayContaining([
        expect.stringContaining('Có thể trùng người với dòng 1'),
        'Dòng lặp lại dòng 1; đã bỏ qua',
      ]),
    );
    d.personEvaluations!.push({ personCode: 'CB001', year: 2020, rating: 'HTNV' });
    const conflicting = await run(d);
    expect(conflicting.committed).toBe(false);
    expect(conflicting.errors[0]!.message).toBe('Trùng khóa với dòng 1 nhưng khác nội dung');
  });

  it('refuses a foreign document', async () => {
    const res = await run({ format: 'other', version: 1 });
    expect(res.errors[0]!.message).toContain('Không phải tệp dữ liệu VinhDanh');
    const bad = readJsonDataset('{not json');
    expect(bad.errors[0]!.message).toContain('Tệp không phải JSON hợp lệ');
  });
});
