/**
 * `import` and `export` in process against the test database (PGlite, or PostgreSQL with
 * TEST_DATABASE_URL). On PostgreSQL the same dataset is also imported into an in-memory PGlite and the two
 * exports are compared byte for byte.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { engine, openTestDatabase, testClock, type TestDatabase } from '../server/testing/harness';
import { openDatabase, toCount, type Database } from '../server/platform/db/database';
import { DATASET_ORDER, type DatasetInput } from '../shared/registry/dataset.schema';
import type { ImportIssue } from '../shared/registry/import.schema';
import { runCli } from './cli';
import type { CliContext } from './context';

/** A small dataset touching every kind, written the way the export writes it (so they can be compared). */
const fixture = () =>
  ({
    format: 'vinhdanh-dataset',
    version: 1,
    units: [
      {
        code: 'T-BL',
        name: 'Ủy ban nhân dân tỉnh Bạc Liêu',
        kind: 'state_agency',
        activeFrom: '1997-01-01',
        activeTo: '2025-06-30',
      },
      { code: 'T-CM', name: 'Ủy ban nhân dân tỉnh Cà Mau', kind: 'state_agency', activeFrom: '2025-07-01' },
      {
        code: 'T-BL-SNN',
        name: 'Sở Nông nghiệp và Phát triển nông thôn',
        shortName: 'Sở NN&PTNT',
        kind: 'state_agency',
        parentCode: 'T-BL',
        documentSymbol: 'SNN',
        activeFrom: '2000-01-01',
      },
      {
        code: 'T-BL-TTKN',
        name: 'Trung tâm Khuyến nông',
        kind: 'public_service',
        parentCode: 'T-BL-SNN',
        activeFrom: '2005-01-01',
      },
      {
        code: 'T-BL-TTNS',
        name: 'Trung tâm Nước sạch',
        kind: 'public_service',
        parentCode: 'T-BL-SNN',
        activeFrom: '2005-01-01',
      },
    ],
    successions: [
      { predecessorCode: 'T-BL', successorCode: 'T-CM', effectiveDate: '2025-07-01', note: 'Hợp nhất tỉnh' },
    ],
    blocks: [
      {
        year: 2020,
        name: 'Khối các đơn vị sự nghiệp',
        organizerCode: 'T-BL-SNN',
        leadCode: 'T-BL-TTKN',
        deputyCode: 'T-BL-TTNS',
        memberCodes: ['T-BL-TTKN', 'T-BL-TTNS'],
      },
    ],
    people: [
      {
        code: 'CB001',
        fullName: 'Nguyễn Văn An',
        sex: 'male',
        dateOfBirth: '1980-01-02',
        position: 'Kỹ sư',
        isLeader: false,
      },
      // Same name: ties in the list order must not change the dataset export.
      { code: 'CB002', fullName: 'Nguyễn Văn An', sex: 'male', dateOfBirth: '1991-11-30', isLeader: false },
      {
        code: 'CB003',
        fullName: 'Trần Thị Bích',
        sex: 'female',
        dateOfBirth: '1985-04-12',
        ethnicity: 'Khmer',
        personalIdNumber: '094185000123',
        position: 'Giám đốc',
        isLeader: true,
      },
    ],
    personUnits: [
      { personCode: 'CB001', unitCode: 'T-BL-TTKN', fromDate: '2010-03-01' },
      { personCode: 'CB002', unitCode: 'T-BL-TTNS', fromDate: '2015-01-01', toDate: '2019-12-31' },
      { personCode: 'CB002', unitCode: 'T-BL-TTKN', fromDate: '2020-01-01', position: 'Chuyên viên' },
      { personCode: 'CB003', unitCode: 'T-BL-TTKN', fromDate: '2008-01-01' },
    ],
    personEvaluations: [
      { personCode: 'CB001', year: 2019, rating: 'HTTNV' },
      { personCode: 'CB001', year: 2020, rating: 'HTXSNV', unitCode: 'T-BL-TTKN', note: 'Dẫn đầu' },
      { personCode: 'CB002', year: 2020, rating: 'HTNV', employmentStartDate: '2020-01-01' },
      { personCode: 'CB003', year: 2020, rating: 'HTXSNV' },
    ],
    leaves: [{ personCode: 'CB003', kind: 'maternity', fromDate: '2019-02-01', toDate: '2019-07-31' }],
    trainings: [
      {
        personCode: 'CB001',
        fromDate: '2018-09-01',
        toDate: '2019-06-30',
        grade: 'gioi',
        institution: 'Học viện Hành chính',
        goodConduct: true,
      },
    ],
    unitEvaluations: [{ unitCode: 'T-BL-TTKN', year: 2020, rating: 'HTXSNV', memberCount: 42 }],
    disciplines: [
      {
        personCode: 'CB002',
        level: 'khien_trach',
        decisionNumber: '05/QĐ-TTKN',
        decisionDate: '2017-05-05',
        fromDate: '2017-05-05',
        toDate: '2018-05-04',
        reason: 'Đi muộn',
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
        authorCodes: ['CB001', 'CB003'],
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
        unitCode: 'T-BL-TTKN',
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
        note: '=1+1 không phải công thức',
      },
    ],
  }) satisfies DatasetInput;

const TOTAL = DATASET_ORDER.reduce((n, k) => n + fixture()[k].length, 0);

interface Summary {
  inserted: number;
  updated: number;
  unchanged: number;
  errors: ImportIssue[];
  warnings: ImportIssue[];
  committed: boolean;
  byKind: Record<string, { inserted: number; updated: number; unchanged: number }>;
}

describe(`cli import / export (${engine})`, () => {
  let database: TestDatabase;
  const time = testClock();
  let dir: string;
  let n = 0;

  async function cli(db: Database, ...argv: string[]) {
    const out: string[] = [];
    const err: string[] = [];
    const ctx: CliContext = {
      out: (t) => out.push(t),
      err: (t) => err.push(t),
      env: { VINHDANH_SEED_DEMO: 'false' },
      clock: time.clock,
      // The test owns the database: the command's close() must not end it.
      openDatabase: async () => ({ ...db, close: async () => undefined }),
      describeDatabase: () => 'test database',
    };
    const code = await runCli(argv, ctx);
    return { code, out: out.join('\n'), err: err.join('\n') };
  }
  const sut = (...argv: string[]) => cli(database, ...argv);
  const json = (out: string) => JSON.parse(out) as Summary;

  const file = (name: string, content?: string | Buffer) => {
    const p = path.join(dir, `${++n}-${name}`);
    if (content !== undefined) fs.writeFileSync(p, content);
    return p;
  };
  const count = async (table: string, db: Database = database) =>
    toCount((await db.rows<{ n: unknown }>(sql`select count(*) as n from ${sql.identifier(table)}`))[0]?.n);
  const registryCounts = async () => ({
    units: await count('units'),
    people: await count('people'),
    evaluations: await count('person_evaluations'),
    awards: await count('awards'),
    audit: await count('audit_log'),
  });
  const withoutGeneratedAt = (text: string) => {
    const doc = JSON.parse(text) as Record<string, unknown>;
    delete doc.generatedAt;
    return doc;
  };

  beforeAll(async () => {
    database = await openTestDatabase();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vd-cli-io-'));
  });
  afterAll(async () => {
    await database?.close();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });
  beforeEach(async () => {
    await database.reset();
  });

  it.each([[['import', '--help']], [['export', '-h']], [['help', 'import']], [['help', 'export']]])(
    'prints help for %j in Vietnamese then English',
    async (argv) => {
      const r = await sut(...argv);
      expect(r.code).toBe(0);
      expect(r.out).toMatch(/Cách dùng \/ Usage:/);
      expect(r.out).toMatch(/personEvaluations\s+Đánh giá cán bộ/);
      expect(r.err).toBe('');
    },
  );

  it.each([
    [['import'], /Thiếu loại dữ liệu/],
    [['import', 'people'], /Thiếu tệp cần nhập/],
    [['import', 'nguoi', 'a.json'], /Không có loại dữ liệu "nguoi"/],
    [['import', 'people', 'a.json', 'b.json'], /Đối số không mong đợi: b.json/],
    [['import', 'people', 'a.json', '--format', 'xml'], /--format chỉ nhận "text" hoặc "json"/],
    [['import', 'people', 'a.json', '--dry-run=1'], /Tùy chọn --dry-run không nhận giá trị/],
    [['export', 'people'], /Thiếu tệp đích: --out/],
    [['export', 'people', '--out', 'a.pdf'], /Định dạng không hỗ trợ ".pdf"/],
    [['export', 'workbook', '--out', 'a.csv'], /"export workbook" ghi tệp .xlsx/],
    [['export', 'dataset', '--out', 'a.xlsx'], /Bộ dữ liệu được xuất ra tệp .json/],
    [['export', 'dataset', '--out', 'a.json', '--year', '2020'], /Bộ dữ liệu JSON luôn gồm toàn bộ dữ liệu/],
    [['export', 'people', '--out', 'a.csv', '--year', '20'], /--year phải là một năm từ 1945 đến 2100/],
  ])('refuses %j as a usage error (exit 2)', async (argv, message) => {
    const r = await sut(...argv);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
    expect(r.out).toBe('');
  });

  it('imports a JSON dataset with a JSON summary on stdout, then re-imports it as all unchanged', async () => {
    const src = file('dataset.json', JSON.stringify(fixture(), null, 2));
    const first = await sut('import', 'dataset', src, '--format', 'json');
    expect(first.err).toBe('');
    expect(first.code).toBe(0);
    const summary = json(first.out);
    expect(Object.keys(summary)).toEqual([
      'inserted',
      'updated',
      'unchanged',
      'errors',
      'warnings',
      'committed',
      'byKind',
    ]);
    expect(summary).toMatchObject({ inserted: TOTAL, updated: 0, unchanged: 0, errors: [], committed: true });
    expect(summary.byKind).toMatchObject({
      units: { inserted: 5 },
      people: { inserted: 3 },
      personEvaluations: { inserted: 4 },
      awards: { inserted: 3 },
    });
    expect(await registryCounts()).toEqual({ units: 5, people: 3, evaluations: 4, awards: 3, audit: 1 });
    const [audit] = await database.rows<{
      action: string;
      actor_name: string;
      after: { file: string; kind: string };
    }>(sql`select action, actor_name, after from audit_log order by seq desc limit 1`);
    expect(audit).toMatchObject({ action: 'registry.import', actor_name: 'cli', after: { kind: 'dataset' } });
    expect(audit!.after.file).toMatch(/dataset\.json$/);

    const again = json((await sut('import', 'dataset', src, '--format', 'json')).out);
    expect(again).toMatchObject({ inserted: 0, updated: 0, unchanged: TOTAL, errors: [], committed: true });

    const text = await sut('import', 'dataset', src);
    expect(text.code).toBe(0);
    expect(text.out).toMatch(/Cán bộ \(people\)\s+0\s+0\s+3/);
    expect(text.out).toMatch(new RegExp(`Tổng / total\\s+0\\s+0\\s+${TOTAL}`));
    expect(text.out).toMatch(/✓ Đã nhập: 0 thêm mới, 0 cập nhật, \d+ không đổi/);
  });

  it('--dry-run previews exact counts and writes nothing', async () => {
    const src = file('dataset.json', JSON.stringify(fixture()));
    const before = await registryCounts();
    const r = await sut('import', 'dataset', src, '--dry-run', '--format', 'json');
    expect(r.code).toBe(0);
    expect(json(r.out)).toMatchObject({ inserted: TOTAL, errors: [], committed: false });
    expect(await registryCounts()).toEqual(before);

    const text = await sut('import', 'dataset', src, '--dry-run');
    expect(text.code).toBe(0);
    expect(text.out).toMatch(/chạy thử, không ghi gì/);
    expect(text.out).toMatch(/dự kiến \/ would be/);
    expect(text.out).toMatch(/✓ Chạy thử: tệp hợp lệ, chưa ghi gì/);
    expect(await registryCounts()).toEqual(before);
  });

  it('a file with errors: exit 1, every error listed with row, column, value and reason, nothing written', async () => {
    const d = fixture() as DatasetInput;
    d.personUnits![0]!.unitCode = 'KHONG-CO';
    (d.personEvaluations![1] as { rating: string }).rating = 'GIOI';
    d.people![2]!.dateOfBirth = '1985-02-30';
    const src = file('bad.json', JSON.stringify(d));
    const r = await sut('import', 'dataset', src, '--format', 'json');
    expect(r.code).toBe(1);
    const summary = json(r.out);
    expect(summary.committed).toBe(false);
    expect(summary.errors).toEqual(
      expect.arrayContaining([
        { kind: 'people', row: 3, column: 'dateOfBirth', value: '1985-02-30', message: 'Ngày không tồn tại' },
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
    expect(await registryCounts()).toEqual({ units: 0, people: 0, evaluations: 0, awards: 0, audit: 0 });

    const text = await sut('import', 'dataset', src);
    expect(text.code).toBe(1);
    expect(text.out).toMatch(/Lỗi \(\d+\) \/ Errors:/);
    expect(text.out).toMatch(
      /Quá trình công tác \(personUnits\)\s+1\s+unitCode\s+KHONG-CO\s+Không tìm thấy đơn vị có mã "KHONG-CO"/,
    );
    expect(text.err).toMatch(/✖ Có \d+ lỗi nên không có gì được ghi/);
    expect(await count('people')).toBe(0);

    // Even a dry run fails on errors, so scripts can gate on it.
    expect((await sut('import', 'dataset', src, '--dry-run', '--format', 'json')).code).toBe(1);
  });

  it('lists the first 50 errors in text, then how many more', async () => {
    const d = fixture() as DatasetInput;
    d.personEvaluations = Array.from({ length: 57 }, (_, i) => ({
      personCode: `X${i}`,
      year: 2020,
      rating: 'HTNV' as const,
    }));
    const r = await sut('import', 'dataset', file('many.json', JSON.stringify(d)));
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/Lỗi \(57\) \/ Errors:/);
    expect(r.out).toContain('Không tìm thấy cán bộ có mã "X49"');
    expect(r.out).not.toContain('Không tìm thấy cán bộ có mã "X50"');
    expect(r.out).toContain('… và 7 lỗi khác');
    expect(await count('units')).toBe(0);
  });

  it('refuses what is not a dataset and files that cannot be read', async () => {
    const foreign = await sut(
      'import',
      'dataset',
      file('x.json', '{"format":"khac","version":1}'),
      '--format',
      'json',
    );
    expect(foreign.code).toBe(1);
    expect(json(foreign.out).errors[0]!.message).toMatch(/Không phải tệp dữ liệu VinhDanh/);
    const broken = await sut('import', 'dataset', file('y.json', '{"format": '));
    expect(broken.code).toBe(1);
    expect(broken.out).toMatch(/Tệp không phải JSON hợp lệ/);
    const missing = await sut('import', 'dataset', path.join(dir, 'khong-co.json'));
    expect(missing.code).toBe(1);
    expect(missing.err).toMatch(/Không tìm thấy tệp/);
    const notSheet = await sut(
      'import',
      'people',
      file('z.xlsx', 'đây không phải bảng tính'),
      '--format',
      'json',
    );
    expect(notSheet.code).toBe(1);
    expect(json(notSheet.out).errors[0]!.message).toMatch(/Tệp không phải bảng tính/);
  });

  it('imports one kind from a JSON array (aliases accepted), and refuses a dataset holding other kinds', async () => {
    await sut('import', 'units', file('units.json', JSON.stringify(fixture().units)));
    await sut('import', 'people', file('people.json', JSON.stringify(fixture().people)));
    const r = await sut(
      'import',
      'evaluations',
      file('ev.json', JSON.stringify(fixture().personEvaluations)),
      '--format',
      'json',
    );
    expect(r.code).toBe(0);
    expect(json(r.out)).toMatchObject({ inserted: 4, byKind: { personEvaluations: { inserted: 4 } } });

    const whole = await sut(
      'import',
      'award-history',
      file('all.json', JSON.stringify(fixture())),
      '--format',
      'json',
    );
    expect(whole.code).toBe(1);
    expect(json(whole.out).errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          column: 'people',
          message: expect.stringContaining('Dùng "import dataset"'),
        }),
      ]),
    );
    expect(await count('awards')).toBe(0);
  });

  it('imports an .xlsx workbook through the spreadsheet reader, with Vietnamese headers in the errors', async () => {
    const wb = new ExcelJS.Workbook();
    const units = wb.addWorksheet('Đơn vị');
    units.addRow(['Mã đơn vị', 'Tên đơn vị', 'Loại đơn vị', 'Mã đơn vị cấp trên', 'Hoạt động từ ngày']);
    units.addRow(['t-snn', 'Sở Nông nghiệp', 'state_agency', null, '01/01/2000']);
    units.addRow([
      'T-TTKN',
      'Trung tâm Khuyến nông',
      'public_service',
      'T-SNN',
      new Date(Date.UTC(2005, 0, 1)),
    ]);
    const people = wb.addWorksheet('Cán bộ');
    people.addRow(['Mã cán bộ', 'Họ và tên', 'Giới tính', 'Ngày sinh', 'Lãnh đạo (Có/Không)']);
    people.addRow(['CB001', 'Nguyễn Thị Thu', 'Nữ', '12/04/1985', 'Không']);
    people.addRow(['CB002', 'Trần Văn Bình', 'Nam', '1979-09-01', 'Có']);
    const history = wb.addWorksheet('Quá trình công tác');
    history.addRow(['Mã cán bộ', 'Mã đơn vị', 'Từ ngày']);
    history.addRow(['CB001', 'T-TTKN', '01/03/2015']);
    history.addRow(['CB002', 'T-KHONG-CO', '01/01/2005']);
    const bad = file('so-lieu.xlsx', Buffer.from(await wb.xlsx.writeBuffer()));

    const refused = await sut('import', 'workbook', bad, '--format', 'json');
    expect(refused.code).toBe(1);
    expect(json(refused.out).errors).toEqual([
      {
        kind: 'personUnits',
        row: 3,
        column: 'Mã đơn vị',
        value: 'T-KHONG-CO',
        message: 'Không tìm thấy đơn vị có mã "T-KHONG-CO"',
      },
    ]);
    expect(await count('units')).toBe(0);

    history.getCell('B3').value = 'T-SNN';
    const good = file('so-lieu.xlsx', Buffer.from(await wb.xlsx.writeBuffer()));
    const r = await sut('import', 'workbook', good, '--format', 'json');
    expect(r.code).toBe(0);
    expect(json(r.out)).toMatchObject({
      inserted: 6,
      committed: true,
      byKind: { units: { inserted: 2 }, people: { inserted: 2 }, personUnits: { inserted: 2 } },
    });
    const [cb001] = await database.rows<{ date_of_birth: string; is_leader: boolean; unit: string }>(
      sql`select to_char(p.date_of_birth, 'YYYY-MM-DD') as date_of_birth, p.is_leader, u.code as unit
          from people p join units u on u.id = p.current_unit_id where p.code = 'CB001'`,
    );
    expect(cb001).toEqual({ date_of_birth: '1985-04-12', is_leader: false, unit: 'T-TTKN' });

    // One sheet of the workbook, as one kind: the rest of the workbook is ignored by the reader.
    const one = await sut('import', 'people', good, '--format', 'json');
    expect(json(one.out)).toMatchObject({ inserted: 0, unchanged: 2, byKind: { people: { unchanged: 2 } } });
  });

  it('exports a list to .xlsx and .csv with filters, refuses to overwrite, and both re-import as unchanged', async () => {
    await sut('import', 'dataset', file('dataset.json', JSON.stringify(fixture())));
    const xlsx = file('can-bo.xlsx');
    const r = await sut('export', 'people', '--out', xlsx, '--q', 'nguyen van an');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/Đã xuất 2 bản ghi/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await fs.promises.readFile(xlsx)) as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0]!;
    expect(sheet.name).toBe('Cán bộ');
    expect(sheet.getRow(1).getCell(1).value).toBe('Mã cán bộ');
    expect(sheet.actualRowCount).toBe(3);

    const again = await sut('export', 'people', '--out', xlsx);
    expect(again.code).toBe(1);
    expect(again.err).toMatch(/đã tồn tại; dùng --force để ghi đè/);
    expect((await sut('export', 'people', '--out', xlsx, '--force')).code).toBe(0);
    const reimport = json((await sut('import', 'people', xlsx, '--format', 'json')).out);
    expect(reimport).toMatchObject({ inserted: 0, updated: 0, unchanged: 3, errors: [] });

    const csv = file('danh-gia.csv');
    expect(
      (await sut('export', 'evaluations', '--out', csv, '--year', '2020', '--unit', 't-bl-ttkn')).code,
    ).toBe(0);
    const body = fs.readFileSync(csv, 'utf8');
    expect(body.startsWith('\uFEFF')).toBe(true); // so that Excel reads the Vietnamese right
    const lines = body.slice(1).trimEnd().split(/\r\n/);
    expect(lines[0]).toMatch(/^Mã cán bộ,Năm,Xếp loại/);
    expect(lines).toHaveLength(1 + 3);
    expect(lines.slice(1).every((l) => l.includes(',2020,'))).toBe(true);
    expect(json((await sut('import', 'personEvaluations', csv, '--format', 'json')).out)).toMatchObject({
      unchanged: 3,
      inserted: 0,
      updated: 0,
    });

    const awards = file('khen-thuong.csv');
    expect((await sut('export', 'awards', '--out', awards)).code).toBe(0);
    // Formula-looking text is neutralised in CSV and comes back exactly.
    expect(fs.readFileSync(awards, 'utf8')).toContain("'=1+1 không phải công thức");
    expect(json((await sut('import', 'awards', awards, '--format', 'json')).out)).toMatchObject({
      unchanged: 3,
    });

    const unknown = await sut('export', 'people', '--out', file('x.xlsx'), '--unit', 'KHONG-CO');
    expect(unknown.code).toBe(1);
    expect(unknown.err).toMatch(/Không tìm thấy đơn vị có mã "KHONG-CO"/);
  });

  it('exports a workbook that re-imports as unchanged', async () => {
    await sut('import', 'dataset', file('dataset.json', JSON.stringify(fixture())));
    const out = file('so.xlsx');
    expect((await sut('export', 'workbook', '--out', out)).code).toBe(0);
    const r = json((await sut('import', 'workbook', out, '--format', 'json')).out);
    expect(r).toMatchObject({ inserted: 0, updated: 0, unchanged: TOTAL, errors: [] });
  });

  it('export dataset → import into a fresh database → export again gives the identical file', async () => {
    expect((await sut('import', 'dataset', file('in.json', JSON.stringify(fixture())))).code).toBe(0);
    const first = file('first.json');
    const exported = await sut('export', 'dataset', '--out', first);
    expect(exported.code).toBe(0);
    expect(exported.out).toMatch(new RegExp(`Đã xuất ${TOTAL} bản ghi`));
    const text = fs.readFileSync(first, 'utf8');
    const doc = JSON.parse(text) as Record<string, unknown>;
    expect(doc).toMatchObject({
      format: 'vinhdanh-dataset',
      version: 1,
      generatedAt: time.clock().toISOString(),
    });
    // The export is the input, field for field (nulls omitted, codes as stored), in a canonical order.
    for (const kind of DATASET_ORDER) {
      expect(doc[kind], kind).toHaveLength(fixture()[kind].length);
      expect(doc[kind], kind).toEqual(expect.arrayContaining(fixture()[kind] as unknown[]));
    }
    const people = doc.people as { code: string }[];
    expect(people.map((p) => p.code)).toEqual(['CB001', 'CB002', 'CB003']);

    await database.reset();
    const reimport = json((await sut('import', 'dataset', first, '--format', 'json')).out);
    expect(reimport).toMatchObject({ inserted: TOTAL, errors: [], committed: true });
    const second = file('second.json');
    time.advance(60_000);
    expect((await sut('export', 'dataset', '--out', second)).code).toBe(0);
    const again = fs.readFileSync(second, 'utf8');
    expect(again).not.toBe(text); // generatedAt moved on…
    expect(withoutGeneratedAt(again)).toEqual(withoutGeneratedAt(text)); // …nothing else did
    expect(again.replace(/"generatedAt": "[^"]*"/, '')).toBe(text.replace(/"generatedAt": "[^"]*"/, ''));

    // And importing the export over the data it came from changes nothing.
    expect(json((await sut('import', 'dataset', second, '--format', 'json')).out)).toMatchObject({
      unchanged: TOTAL,
    });
  });

  it('generate (registered in the CLI) → import → export → fresh import → export: identical, ties and all', async () => {
    expect((await sut('help', 'generate')).out).toMatch(/Cách dùng \/ Usage:/);
    const generated = file('tinh.json');
    const gen = await sut('generate', '--people', '120', '--years', '2', '--seed', '7', '--out', generated);
    expect(gen.code).toBe(0);
    const first = json((await sut('import', 'dataset', generated, '--format', 'json')).out);
    expect(first).toMatchObject({ errors: [], committed: true, updated: 0, unchanged: 0 });
    const a = file('a.json');
    const b = file('b.json');
    expect((await sut('export', 'dataset', '--out', a)).code).toBe(0);
    await database.reset();
    expect(json((await sut('import', 'dataset', a, '--format', 'json')).out)).toMatchObject({
      inserted: first.inserted,
      errors: [],
    });
    expect((await sut('export', 'dataset', '--out', b)).code).toBe(0);
    expect(fs.readFileSync(b, 'utf8')).toBe(fs.readFileSync(a, 'utf8'));
  });

  it.runIf(engine === 'postgres')(
    'the same dataset imported on PGlite and on PostgreSQL exports identically',
    async () => {
      const src = file('in.json', JSON.stringify(fixture()));
      const lite = await openDatabase({ dataDir: 'memory://' });
      try {
        for (const db of [database, lite]) {
          const r = await cli(db, 'import', 'dataset', src, '--format', 'json');
          expect(json(r.out)).toMatchObject({ inserted: TOTAL, committed: true });
        }
        const fromPostgres = file('postgres.json');
        const fromPglite = file('pglite.json');
        expect((await cli(database, 'export', 'dataset', '--out', fromPostgres)).code).toBe(0);
        expect((await cli(lite, 'export', 'dataset', '--out', fromPglite)).code).toBe(0);
        // Same clock, so even generatedAt matches: the files are byte-identical.
        expect(fs.readFileSync(fromPglite, 'utf8')).toBe(fs.readFileSync(fromPostgres, 'utf8'));
        expect(await count('people', lite)).toBe(3);
      } finally {
        await lite.close();
      }
    },
  );
});
