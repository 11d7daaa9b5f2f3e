/**
 * The whole path an officer takes — template, fill, read, preview, commit, export, re-import — on a real
 * database (PGlite, or PostgreSQL with TEST_DATABASE_URL), and the promise that bad input changes nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type ExcelJS from 'exceljs';
import { createTestApp, engine, type TestApp } from '../../../testing/harness';
import { systemActor } from '../../../platform/actor';
import { runImport } from '../import.service';
import type { PersonEvaluationRecord, PersonRecord } from '../../../../shared/registry/dataset.schema';
import { localizeIssues, readSpreadsheet, type ReadTarget } from './read';
import { buildWorkbookTemplate } from './template';
import { writeSheet } from './write';
import { WORKBOOK_PARTS, deflatedZeros, loadXlsx, toWindows1258, xlsxOf, zipOf } from './test-support';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

async function sut(
  buffer: Buffer,
  filename: string,
  target: ReadTarget,
  mode: 'preview' | 'commit' = 'commit',
) {
  const read = await readSpreadsheet(buffer, filename, target);
  const summary = await runImport(
    t.database,
    systemActor('test', 'tester'),
    t.time.clock,
    {
      data: read.data,
      readErrors: read.errors,
      readWarnings: read.warnings,
      source: { name: filename, bytes: buffer, kind: target },
    },
    { unitIds: null },
    mode,
  );
  return { ...summary, errors: localizeIssues(summary.errors), warnings: localizeIssues(summary.warnings) };
}

const TABLES = [
  'units',
  'unit_successions',
  'blocks',
  'block_members',
  'people',
  'person_unit_history',
  'person_evaluations',
  'person_leaves',
  'person_trainings',
  'unit_evaluations',
  'disciplines',
  'initiatives',
  'initiative_authors',
  'awards',
  'audit_log',
];
async function snapshot(): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const table of TABLES) {
    const r = await t.database.rows<{ n: unknown }>(sql.raw(`select count(*) as n from ${table}`));
    out[table] = Number(r[0]!.n);
  }
  return out;
}

const PEOPLE_HEADERS = ['Mã cán bộ', 'Họ và tên', 'Giới tính', 'Ngày sinh', 'Chức vụ', 'Lãnh đạo (Có/Không)'];

/** Fill the downloaded template the way an officer does: labels, typed dates, Excel dates, "x". */
async function filledTemplate(): Promise<Buffer> {
  const wb = await loadXlsx(await buildWorkbookTemplate());
  const fill = (sheet: string, rows: ExcelJS.CellValue[][]) => {
    const ws = wb.getWorksheet(sheet)!;
    rows.forEach((row, i) => row.forEach((v, j) => (ws.getCell(i + 2, j + 1).value = v)));
  };
  fill('Đơn vị', [
    ['XL-P1', 'Phòng Thí nghiệm', 'PTN', 'Phòng, ban, bộ phận trực thuộc', 'BL-TTKN', null, '01/01/2010'],
  ]);
  fill('Cán bộ', [
    ['XL001', 'Nguyễn Thị Thu', 'Nữ', new Date(Date.UTC(1985, 3, 12)), 'Kinh', '094185000123', 'Kỹ sư', null],
    ['XL002', 'Trần Văn Bình', 'nam', '01/09/1979', null, null, '=Trưởng phòng', 'x'],
  ]);
  fill('Quá trình công tác', [
    ['XL001', 'XL-P1', '2015-03-01'],
    ['XL002', 'BL-TTKN', 38353, '31/12/2019'],
    ['XL002', 'XL-P1', '01/01/2020', null, 'Trưởng phòng'],
  ]);
  fill('Đánh giá cán bộ', [
    ['XL001', 2020, 'Hoàn thành xuất sắc nhiệm vụ', 'XL-P1'],
    ['XL002', '2020', 'HTTNV'],
  ]);
  fill('Sáng kiến, đề tài', [
    [
      'XL-SK-1',
      'Sáng kiến',
      'Quy trình nuôi tôm',
      'Cấp cơ sở',
      '20/11/2020',
      'Trong cơ quan, đơn vị',
      'Hội đồng Sở',
      'XL001; XL002',
    ],
  ]);
  fill('Khen thưởng', [
    [
      'Cá nhân',
      'XL001',
      null,
      null,
      null,
      'Chiến sĩ thi đua cơ sở',
      2020,
      'Thường xuyên (công trạng)',
      'Giám đốc Sở',
      '99/QĐ-SNN',
      '15/01/2021',
    ],
  ]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe(`spreadsheet import (${engine})`, () => {
  it('template → fill → preview → commit → export → re-import gives the same records', async () => {
    await t.seed();
    const file = await filledTemplate();
    const before = await snapshot();
    const preview = await sut(file, 'mau-da-dien.xlsx', 'workbook', 'preview');
    expect(preview).toMatchObject({ committed: false, errors: [], inserted: 10, updated: 0 });
    expect(await snapshot()).toEqual(before);

    const commit = await sut(file, 'mau-da-dien.xlsx', 'workbook');
    expect(commit.errors).toEqual([]);
    expect(commit).toMatchObject({ committed: true, inserted: 10 });
    expect(commit.byKind).toMatchObject({
      units: { inserted: 1 },
      people: { inserted: 2 },
      personUnits: { inserted: 3 },
      personEvaluations: { inserted: 2 },
      initiatives: { inserted: 1 },
      awards: { inserted: 1 },
    });

    // Export what the database now holds, as the list pages do, and read it back.
    const people = await t.database.rows<PersonRecord & Record<string, unknown>>(sql`
      select code, full_name as "fullName", sex, to_char(date_of_birth, 'YYYY-MM-DD') as "dateOfBirth",
             ethnicity, personal_id_number as "personalIdNumber", position, is_leader as "isLeader"
      from people where code like 'XL%' order by code`);
    const evaluations = await t.database.rows<PersonEvaluationRecord & Record<string, unknown>>(sql`
      select p.code as "personCode", e.year, e.rating, u.code as "unitCode",
             to_char(e.employment_start_date, 'YYYY-MM-DD') as "employmentStartDate", e.note
      from person_evaluations e join people p on p.id = e.person_id left join units u on u.id = e.unit_id
      where p.code like 'XL%' order by p.code`);
    const imported = await readSpreadsheet(file, 'mau-da-dien.xlsx', 'workbook');
    const exportedPeople = await readSpreadsheet(await writeSheet('people', people), 'can-bo.xlsx', 'people');
    expect(exportedPeople.errors).toEqual([]);
    expect(exportedPeople.data.people!.map((r) => r.record)).toEqual(
      imported.data.people!.map((r) => r.record),
    );
    expect(people[1]!.position).toBe('=Trưởng phòng');
    const exportedEvals = await readSpreadsheet(
      await writeSheet('personEvaluations', evaluations),
      'danh-gia.xlsx',
      'personEvaluations',
    );
    expect(exportedEvals.data.personEvaluations!.map((r) => r.record)).toEqual(
      imported.data.personEvaluations!.map((r) => r.record),
    );

    // Idempotent: the same file again, and the export, change nothing.
    expect(await sut(file, 'mau-da-dien.xlsx', 'workbook')).toMatchObject({
      committed: true,
      inserted: 0,
      updated: 0,
      unchanged: 10,
    });
    expect(await sut(await writeSheet('people', people), 'can-bo.xlsx', 'people')).toMatchObject({
      committed: true,
      inserted: 0,
      updated: 0,
      unchanged: 2,
    });
  });

  it('reports unknown unit codes at the row and header the officer sees, and writes nothing', async () => {
    await t.seed();
    const file = await xlsxOf(
      { name: 'Cán bộ', rows: [PEOPLE_HEADERS, ['XL001', 'Nguyễn Thị Thu', 'Nữ']] },
      {
        name: 'Quá trình công tác',
        rows: [
          ['Mã cán bộ', 'Mã đơn vị', 'Từ ngày'],
          ['XL001', 'BL-TTKN', '01/01/2015'],
          ['XL001', 'KHONG-CO', '01/01/2020'],
        ],
      },
    );
    const before = await snapshot();
    const res = await sut(file, 'x.xlsx', 'workbook');
    expect(res.committed).toBe(false);
    expect(res.errors).toEqual([
      {
        kind: 'personUnits',
        row: 3,
        column: 'Mã đơn vị',
        value: 'KHONG-CO',
        message: 'Không tìm thấy đơn vị có mã "KHONG-CO"',
      },
    ]);
    expect(await snapshot()).toEqual(before);
  });

  it('skips exact duplicate rows with a warning, warns of probable duplicate people, refuses conflicting rows', async () => {
    await t.seed();
    const rows = [
      PEOPLE_HEADERS,
      ['XL001', 'Nguyễn Thị Thu', 'Nữ', '12/04/1985'],
      ['XL001', 'Nguyễn Thị Thu', 'Nữ', '12/04/1985'],
      ['XL009', 'NGUYỄN THỊ THU', 'Nữ', '1985-04-12'],
    ];
    const ok = await sut(await xlsxOf({ name: 'Cán bộ', rows }), 'x.xlsx', 'people');
    expect(ok).toMatchObject({ committed: true, inserted: 2 });
    expect(ok.warnings).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ row: 3, message: 'Dòng lặp lại dòng 2; đã bỏ qua' }),
        expect.objectContaining({
          row: 4,
          column: 'Họ và tên',
          message: expect.stringContaining('Có thể trùng'),
        }),
      ]),
    );
    const before = await snapshot();
    const conflicting = [
      ...rows,
      ['XL010', 'Lê Văn Mới', 'Nam'],
      ['XL001', 'Nguyễn Thị Thu', 'Nữ', '13/04/1985'],
    ];
    const res = await sut(await xlsxOf({ name: 'Cán bộ', rows: conflicting }), 'x.xlsx', 'people');
    expect(res.committed).toBe(false);
    expect(res.errors).toEqual([
      expect.objectContaining({
        row: 6,
        value: 'XL001',
        message: 'Trùng khóa với dòng 2 nhưng khác nội dung',
      }),
    ]);
    expect(await snapshot()).toEqual(before);
  });

  it('imports a Windows-1258 CSV with its Vietnamese intact', async () => {
    await t.seed();
    const text = 'Mã cán bộ;Họ và tên;Giới tính\r\nXL001;Nguyễn Thị Thu;Nữ\r\n';
    const bytes = toWindows1258(text);
    expect(bytes.includes(Buffer.from('Nguy\xea\xden', 'latin1'))).toBe(true);
    const res = await sut(bytes, 'can-bo.csv', 'people');
    expect(res).toMatchObject({ committed: true, inserted: 1, errors: [] });
    const row = await t.database.rows<{ full_name: string; sex: string }>(
      sql`select full_name, sex from people where code = 'XL001'`,
    );
    expect(row).toEqual([{ full_name: 'Nguyễn Thị Thu', sex: 'female' }]);
  });

  describe('bad input leaves no partial data', () => {
    // Nothing here commits, so one seeded database serves every case.
    beforeAll(async () => t.seed());
    const valid = { name: 'Cán bộ', rows: [PEOPLE_HEADERS, ['XL001', 'Nguyễn Thị Thu', 'Nữ', '12/04/1985']] };
    const evaluations = (...rows: ExcelJS.CellValue[][]) => ({
      name: 'Đánh giá cán bộ',
      rows: [['Mã cán bộ', 'Năm', 'Xếp loại'], ...rows],
    });
    const cases: [string, () => Promise<Buffer>, string, ReadTarget][] = [
      [
        'a missing column',
        () =>
          xlsxOf(valid, {
            name: 'Đánh giá cán bộ',
            rows: [
              ['Mã cán bộ', 'Năm'],
              ['XL001', 2020],
            ],
          }),
        'x.xlsx',
        'workbook',
      ],
      [
        'a merged cell leaving a required cell empty',
        () =>
          xlsxOf(valid, {
            ...evaluations(['XL001', 2020, 'HTXSNV'], ['XL001', 2021]),
            setup: (ws) => ws.mergeCells('C2:C3'),
          }),
        'x.xlsx',
        'workbook',
      ],
      [
        'a formula without a cached value',
        () => xlsxOf(valid, evaluations(['XL001', { formula: '2019+1' }, 'HTXSNV'])),
        'x.xlsx',
        'workbook',
      ],
      [
        'a date that does not exist',
        () => xlsxOf({ ...valid, rows: [...valid.rows, ['XL002', 'Lê Văn Hai', 'Nam', '30/02/1990']] }),
        'x.xlsx',
        'workbook',
      ],
      [
        'a file that is not a spreadsheet',
        async () => Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'),
        'x.xlsx',
        'people',
      ],
      [
        'a zip bomb',
        async () => {
          const z = await deflatedZeros(120);
          return zipOf([
            ...WORKBOOK_PARTS,
            { name: 'xl/worksheets/sheet1.xml', data: z.data, compressed: z },
          ]);
        },
        'x.xlsx',
        'people',
      ],
      ['a 50 MB upload', async () => Buffer.alloc(50 * 1024 * 1024, 0x41), 'x.csv', 'people'],
    ];
    it.each(cases)('%s', async (_name, file, filename, target) => {
      const before = await snapshot();
      const res = await sut(await file(), filename, target);
      expect(res.committed).toBe(false);
      expect(res.errors.length).toBeGreaterThan(0);
      expect(await snapshot()).toEqual(before);
    });
  });
});
