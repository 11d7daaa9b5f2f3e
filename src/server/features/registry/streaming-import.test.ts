/**
 * The JSON dataset streamed from a file (decision 042), on the engine under test: tiny read blocks and
 * chunks of two records put every boundary somewhere awkward; the guarantees of the in-memory import hold
 * across chunks — preview then commit, all-or-nothing (a late error rolls everything back), idempotent,
 * row-level errors, duplicates across chunks, any order of kinds in the file, a unit officer's scope.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { engine, openTestDatabase, testClock, type TestDatabase } from '../../testing/harness';
import { systemActor } from '../../platform/actor';
import { indexJsonDataset, jsonDatasetChunks, runImport } from './import.service';
import { fileSource } from './json-stream';
import type { ImportScope } from './dataset-import';

let db: TestDatabase;
let dir: string;
beforeAll(async () => {
  db = await openTestDatabase();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vd-stream-import-'));
});
afterAll(async () => {
  await db?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});
beforeEach(async () => db.reset());

const PEOPLE = 7;
const code = (i: number) => `CB${String(i).padStart(3, '0')}`;
const names = [
  'Nguyễn Thị Thu',
  'Trần Văn Bình',
  'Lê Thị Ánh "Út"',
  'Phạm Quốc Đạt',
  'Võ Thị Hương',
  'Đặng Văn Ẩn',
];

/** Members in the order given (the file may list kinds in any order). */
function members(): [string, unknown][] {
  const people = Array.from({ length: PEOPLE }, (_, i) => ({
    code: code(i + 1),
    fullName: names[i % names.length]!,
    sex: i % 2 ? 'male' : 'female',
    dateOfBirth: `198${i}-0${(i % 9) + 1}-1${i}`,
    isLeader: i === 0,
    position: 'Chuyên viên \\ kỹ thuật, "tổ 1"',
  }));
  return [
    ['format', 'vinhdanh-dataset'],
    ['version', 1],
    ['description', 'Thử đọc từng phần: dấu ngoặc ] } trong chuỗi, ký tự 😀'],
    [
      'units',
      [
        {
          code: 'ST-ROOT',
          name: 'Sở Thử nghiệm',
          kind: 'state_agency',
          parentCode: null,
          activeFrom: '2000-01-01',
        },
        {
          code: 'ST-P1',
          name: 'Phòng Một',
          kind: 'division',
          parentCode: 'ST-ROOT',
          activeFrom: '2001-01-01',
        },
        {
          code: 'ST-P2',
          name: 'Phòng Hai',
          kind: 'division',
          parentCode: 'ST-ROOT',
          activeFrom: '2001-01-01',
        },
      ],
    ],
    ['people', people],
    [
      'personUnits',
      people.map((p, i) => ({
        personCode: p.code,
        unitCode: i % 2 ? 'ST-P2' : 'ST-P1',
        fromDate: '2015-01-01',
      })),
    ],
    [
      'personEvaluations',
      people.flatMap((p) => [
        { personCode: p.code, year: 2019, rating: 'HTTNV' },
        { personCode: p.code, year: 2020, rating: 'HTXSNV' },
      ]),
    ],
    [
      'awards',
      people.map((p, i) => ({
        recipientKind: 'individual',
        personCode: p.code,
        awardCode: 'LDTT',
        year: 2020,
        track: 'regular',
        issuer: 'Giám đốc Sở',
        decisionNumber: `${i + 1}/QĐ-ST`,
        decisionDate: '2021-01-15',
      })),
    ],
  ];
}
const RECORDS = 3 + PEOPLE * 5;

const documentOf = (list: [string, unknown][]) =>
  `{\n${list.map(([k, v]) => `  ${JSON.stringify(k)}: ${JSON.stringify(v, null, 1)}`).join(',\n')}\n}\n`;

async function importText(
  text: string,
  mode: 'preview' | 'commit' = 'commit',
  scope: ImportScope = { unitIds: null },
) {
  const file = path.join(dir, `d-${Math.random().toString(36).slice(2)}.json`);
  fs.writeFileSync(file, text);
  const fd = fs.openSync(file, 'r');
  try {
    const source = fileSource(fd, fs.fstatSync(fd).size);
    const dataset = indexJsonDataset(source, { blockBytes: 7 });
    return await runImport(
      db,
      systemActor(null, 'test'),
      testClock().clock,
      {
        chunks: jsonDatasetChunks(source, dataset, 2),
        readErrors: dataset.errors,
        source: { name: 'd.json', sha256: dataset.sha256, kind: 'dataset' },
      },
      scope,
      mode,
    );
  } finally {
    fs.closeSync(fd);
  }
}

const count = async (table: string) =>
  Number((await db.rows<{ n: unknown }>(sql.raw(`select count(*) as n from ${table}`)))[0]!.n);

async function written() {
  const out: Record<string, number> = {};
  for (const t of ['units', 'people', 'person_unit_history', 'person_evaluations', 'awards', 'audit_log'])
    out[t] = await count(t);
  return out;
}
const NOTHING = {
  units: 0,
  people: 0,
  person_unit_history: 0,
  person_evaluations: 0,
  awards: 0,
  audit_log: 0,
};

describe(`streamed JSON dataset import (${engine})`, () => {
  it('previews, commits in chunks, and a re-import changes nothing', async () => {
    const text = documentOf(members());
    const preview = await importText(text, 'preview');
    expect(preview).toMatchObject({ committed: false, errors: [], warnings: [], inserted: RECORDS });
    expect(await written()).toEqual(NOTHING);

    const commit = await importText(text);
    expect(commit).toMatchObject({ committed: true, errors: [], inserted: RECORDS, updated: 0 });
    expect(commit.byKind).toEqual({
      units: { inserted: 3, updated: 0, unchanged: 0 },
      people: { inserted: PEOPLE, updated: 0, unchanged: 0 },
      personUnits: { inserted: PEOPLE, updated: 0, unchanged: 0 },
      personEvaluations: { inserted: PEOPLE * 2, updated: 0, unchanged: 0 },
      awards: { inserted: PEOPLE, updated: 0, unchanged: 0 },
    });
    expect(await written()).toEqual({
      units: 3,
      people: PEOPLE,
      person_unit_history: PEOPLE,
      person_evaluations: PEOPLE * 2,
      awards: PEOPLE,
      audit_log: 1,
    });
    const [p3] = await db.rows<{ full_name: string; position: string; unit: string }>(
      sql`select p.full_name, p.position, u.code as unit from people p join units u on u.id = p.current_unit_id where p.code = 'CB003'`,
    );
    expect(p3).toEqual({
      full_name: 'Lê Thị Ánh "Út"',
      position: 'Chuyên viên \\ kỹ thuật, "tổ 1"',
      unit: 'ST-P1',
    });

    const again = await importText(text);
    expect(again).toMatchObject({ committed: true, inserted: 0, updated: 0, unchanged: RECORDS });
  });

  it('reads the kinds in dependency order whatever their order in the file', async () => {
    const res = await importText(documentOf([...members()].reverse()));
    expect(res).toMatchObject({ committed: true, errors: [], inserted: RECORDS });
  });

  it('rolls everything back for an error in the last record', async () => {
    const list = members();
    const awards = list.find(([k]) => k === 'awards')![1] as { personCode: string }[];
    awards[PEOPLE - 1]!.personCode = 'KHONG-CO';
    const res = await importText(documentOf(list));
    expect(res.committed).toBe(false);
    expect(res.errors).toEqual([
      {
        kind: 'awards',
        row: PEOPLE,
        column: 'personCode',
        value: 'KHONG-CO',
        message: 'Không tìm thấy cán bộ có mã "KHONG-CO"',
      },
    ]);
    expect(await written()).toEqual(NOTHING);
  });

  it('reports a malformed record late in the file by its position, and writes nothing', async () => {
    const text = documentOf(members()).replace('"decisionNumber": "7/QĐ-ST"', '"decisionNumber": 7/QĐ-ST');
    const res = await importText(text);
    expect(res.committed).toBe(false);
    expect(res.errors).toEqual([
      expect.objectContaining({
        kind: 'awards',
        row: 7,
        message: expect.stringMatching(/^Bản ghi không phải JSON hợp lệ: /),
      }),
    ]);
    expect(await written()).toEqual(NOTHING);

    // A missing comma between the last two records: the file is refused where it breaks.
    const lines = documentOf(members()).split('\n');
    const at = lines.lastIndexOf(' },');
    lines[at] = ' }';
    const broken = await importText(lines.join('\n'));
    expect(broken.committed).toBe(false);
    expect(broken.errors).toEqual([
      expect.objectContaining({
        kind: 'dataset',
        row: 0,
        message: `Tệp không phải JSON hợp lệ: thiếu dấu "," giữa hai phần tử của mảng (dòng ${at + 2}, cột 2)`,
      }),
    ]);
    expect(await written()).toEqual(NOTHING);
  });

  it('refuses a truncated file before reading any record', async () => {
    const text = documentOf(members());
    const res = await importText(text.slice(0, text.length - 40));
    expect(res.committed).toBe(false);
    expect(res.errors).toHaveLength(1);
    expect(res.errors[0]!.message).toMatch(/^Tệp không phải JSON hợp lệ: tệp kết thúc giữa chừng/);
    expect(res.inserted).toBe(0);
    expect(await written()).toEqual(NOTHING);
  });

  it('finds duplicates across chunks: an exact repeat is skipped, a conflicting one refused', async () => {
    const list = members();
    const evaluations = list.find(([k]) => k === 'personEvaluations')![1] as { rating: string }[];
    evaluations.push({ ...(evaluations[0] as object), rating: 'HTTNV' } as { rating: string });
    const res = await importText(documentOf(list));
    expect(res).toMatchObject({ committed: true, inserted: RECORDS });
    expect(res.warnings).toEqual([
      expect.objectContaining({
        kind: 'personEvaluations',
        row: PEOPLE * 2 + 1,
        message: 'Dòng lặp lại dòng 1; đã bỏ qua',
      }),
    ]);
    await db.reset();
    evaluations.push({ ...(evaluations[1] as object), rating: 'KHTNV' } as { rating: string });
    const conflicting = await importText(documentOf(list));
    expect(conflicting.committed).toBe(false);
    expect(conflicting.errors).toEqual([
      expect.objectContaining({
        kind: 'personEvaluations',
        row: PEOPLE * 2 + 2,
        message: 'Trùng khóa với dòng 2 nhưng khác nội dung',
      }),
    ]);
    expect(await written()).toEqual(NOTHING);
  });

  it('keeps a unit officer to their units: new people need a history there, found in a later chunk', async () => {
    const list = members();
    const units = list.filter(([k]) => ['format', 'version', 'units'].includes(k));
    expect(await importText(documentOf(units))).toMatchObject({ committed: true });
    const [p1] = await db.rows<{ id: string }>(sql`select id from units where code = 'ST-P1'`);
    const scope = { unitIds: new Set([p1!.id]) };
    const people = (list.find(([k]) => k === 'people')![1] as { code: string }[]).slice(0, 5);
    const history = (
      list.find(([k]) => k === 'personUnits')![1] as { personCode: string; unitCode: string }[]
    )
      .slice(0, 5)
      .filter((h) => h.unitCode === 'ST-P1' && h.personCode !== 'CB005');
    const res = await importText(
      documentOf([
        ['format', 'vinhdanh-dataset'],
        ['version', 1],
        ['people', people],
        ['personUnits', history],
      ]),
      'commit',
      scope,
    );
    expect(res.committed).toBe(false);
    // CB001 and CB003 are placed in ST-P1 (in later chunks than their people rows); CB002 and CB004 are
    // in no history, CB005 neither.
    expect(res.errors.map((e) => [e.kind, e.row, e.value])).toEqual([
      ['people', 2, 'CB002'],
      ['people', 4, 'CB004'],
      ['people', 5, 'CB005'],
    ]);
    expect(res.errors[0]!.message).toBe(
      'Cán bộ "CB002" không thuộc đơn vị của bạn (cần quá trình công tác tại đơn vị của bạn)',
    );
    expect(await count('people')).toBe(0);
  });
});
