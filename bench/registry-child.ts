/**
 * One measurement of bench/registry.ts, in a process of its own so that its peak memory (getrusage
 * maxRSS) is its own. Prints one JSON line on stdout prefixed by RESULT.
 *
 *   tsx bench/registry-child.ts prepare (--data-dir <dir> | --url <…>)
 *       Creates and migrates the database, untimed, so that the measurement opens an existing one.
 *   tsx bench/registry-child.ts import --file <dataset.json> (--data-dir <dir> | --url <postgres://…>)
 *       What `npm run cli -- import dataset` does (decision 042): index the file in one streaming pass
 *       (indexJsonDataset: structure, envelope, where each kind's array is, sha256), then runImport(…,
 *       'commit') reads each kind's records from the open file a chunk at a time (JSON.parse + zod per
 *       record) and writes them with batched upserts by natural keys, all in one transaction.
 *   tsx bench/registry-child.ts bare --file <dataset.json> (--data-dir <dir> | --url <…>)
 *       The floor: the same rows into the same freshly migrated tables with plain batched
 *       `INSERT … SELECT FROM json_to_recordset` (1 000 rows a statement, ids made in JS), no ON CONFLICT,
 *       no RETURNING, no look-ups, one transaction. Reading and preparing the rows is not timed.
 *
 * Migrations run before the clock starts in both modes.
 */
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import { openDatabase, toCount, type Database, type DbOrTx } from '../src/server/platform/db/database';
import {
  indexJsonDataset,
  jsonDatasetChunks,
  runImport,
} from '../src/server/features/registry/import.service';
import { fileSource } from '../src/server/features/registry/json-stream';
import { systemActor } from '../src/server/platform/actor';
import { systemClock } from '../src/server/platform/clock';
import { foldVietnamese, personSortKey, splitVietnameseName } from '../src/shared/vietnamese';
import type { Dataset } from '../src/shared/registry/dataset.schema';

export interface ChildResult {
  mode: 'import' | 'bare';
  engine: 'pglite' | 'postgres';
  /** Dataset records (what rows/s counts). */
  records: number;
  /** Rows in the registry tables afterwards (records + block members + initiative authors). */
  tableRows: number;
  /** Timed span, and its phases. */
  ms: number;
  phases: Record<string, number>;
  /** CPU time of this process during the timed span (PostgreSQL's own work is not in it). */
  cpuMs: number;
  /** Peak resident set of this process over its whole life (getrusage), MB. */
  peakRssMb: number;
  /** Peak RSS once the database was open (and migrated), before the timed span: the engine's floor, MB. */
  openedPeakRssMb: number;
  /** Peak RSS sampled every 50 ms during the timed span, MB (misses peaks while the loop is blocked). */
  sampledPeakRssMb: number;
  errors: number;
  /** process.memoryUsage() at the end of the timed span, MB (heap = JS objects; external includes PGlite's WebAssembly memory). */
  memoryAtEnd: { rssMb: number; heapUsedMb: number; externalMb: number };
  loadAvg: [number, number];
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
];

async function tableRows(database: Database): Promise<number> {
  let n = 0;
  for (const t of TABLES) {
    const [row] = await database.rows<{ n: unknown }>(sql.raw(`select count(*) as n from ${t}`));
    n += toCount(row?.n);
  }
  return n;
}

/** The floor: plain batched inserts with explicit ids. */
async function bareInsert(tx: DbOrTx, table: string, columns: Record<string, string>, rows: unknown[][]) {
  const cols = Object.keys(columns);
  const head = sql.raw(
    `insert into ${table} (${cols.join(', ')}) select ${cols.join(', ')} from json_to_recordset(`,
  );
  const tail = sql.raw(`::json) as x(${cols.map((c) => `${c} ${columns[c]}`).join(', ')})`);
  for (let i = 0; i < rows.length; i += 1000) {
    const payload = JSON.stringify(
      rows.slice(i, i + 1000).map((r) => Object.fromEntries(cols.map((c, k) => [c, r[k] ?? null]))),
    );
    await tx.execute(sql`${head}${payload}${tail}`);
  }
}

type Prepared = { table: string; columns: Record<string, string>; rows: unknown[][] }[];

/** Rows for every table, as the import would write them, with ids made here instead of looked up. */
function prepareBare(d: Dataset): Prepared {
  const unitId = new Map(d.units.map((u) => [u.code, randomUUID()]));
  const personId = new Map(d.people.map((p) => [p.code, randomUUID()]));
  const current = new Map<string, string>();
  for (const h of d.personUnits) if (!h.toDate) current.set(h.personCode, unitId.get(h.unitCode)!);
  const u = (c: string | null | undefined) => (c ? unitId.get(c)! : null);
  const p = (c: string) => personId.get(c)!;
  const blockIds = d.blocks.map(() => randomUUID());
  const initiativeIds = d.initiatives.map(() => randomUUID());
  const recipientKey = (a: Dataset['awards'][number]) =>
    a.recipientKind === 'individual'
      ? `P:${a.personCode}`
      : a.recipientKind === 'collective'
        ? `U:${a.unitCode}`
        : `H:${foldVietnamese(a.householdName ?? '')}|${foldVietnamese(a.householdAddress ?? '')}`;
  return [
    {
      table: 'units',
      columns: {
        id: 'uuid',
        code: 'text',
        name: 'text',
        short_name: 'text',
        kind: 'text',
        parent_id: 'uuid',
        document_symbol: 'text',
        active_from: 'date',
        active_to: 'date',
        is_demo: 'boolean',
      },
      rows: d.units.map((x) => [
        unitId.get(x.code),
        x.code,
        x.name,
        x.shortName,
        x.kind,
        u(x.parentCode),
        x.documentSymbol,
        x.activeFrom,
        x.activeTo,
        x.isDemo ?? false,
      ]),
    },
    {
      table: 'unit_successions',
      columns: { predecessor_id: 'uuid', successor_id: 'uuid', effective_date: 'date', note: 'text' },
      rows: d.successions.map((s) => [u(s.predecessorCode), u(s.successorCode), s.effectiveDate, s.note]),
    },
    {
      table: 'blocks',
      columns: {
        id: 'uuid',
        year: 'int',
        name: 'text',
        organizer_unit_id: 'uuid',
        lead_unit_id: 'uuid',
        deputy_unit_id: 'uuid',
      },
      rows: d.blocks.map((b, i) => [
        blockIds[i],
        b.year,
        b.name,
        u(b.organizerCode),
        u(b.leadCode),
        u(b.deputyCode),
      ]),
    },
    {
      table: 'block_members',
      columns: { block_id: 'uuid', unit_id: 'uuid' },
      rows: d.blocks.flatMap((b, i) => [...new Set(b.memberCodes)].map((m) => [blockIds[i], u(m)])),
    },
    {
      table: 'people',
      columns: {
        id: 'uuid',
        code: 'text',
        full_name: 'text',
        family_name: 'text',
        middle_name: 'text',
        given_name: 'text',
        sort_key: 'text',
        sex: 'text',
        date_of_birth: 'date',
        ethnicity: 'text',
        personal_id_number: 'text',
        position: 'text',
        is_leader: 'boolean',
        current_unit_id: 'uuid',
        is_demo: 'boolean',
      },
      rows: d.people.map((x) => {
        const parts = splitVietnameseName(x.fullName);
        return [
          personId.get(x.code),
          x.code,
          x.fullName,
          parts.familyName,
          parts.middleName,
          parts.givenName,
          personSortKey(x.fullName),
          x.sex,
          x.dateOfBirth,
          x.ethnicity,
          x.personalIdNumber,
          x.position,
          x.isLeader,
          current.get(x.code),
          x.isDemo ?? false,
        ];
      }),
    },
    {
      table: 'person_unit_history',
      columns: { person_id: 'uuid', unit_id: 'uuid', from_date: 'date', to_date: 'date', position: 'text' },
      rows: d.personUnits.map((h) => [p(h.personCode), u(h.unitCode), h.fromDate, h.toDate, h.position]),
    },
    {
      table: 'person_evaluations',
      columns: {
        person_id: 'uuid',
        year: 'int',
        rating: 'text',
        unit_id: 'uuid',
        employment_start_date: 'date',
        note: 'text',
      },
      rows: d.personEvaluations.map((e) => [
        p(e.personCode),
        e.year,
        e.rating,
        u(e.unitCode),
        e.employmentStartDate,
        e.note,
      ]),
    },
    {
      table: 'person_leaves',
      columns: { person_id: 'uuid', kind: 'text', from_date: 'date', to_date: 'date', note: 'text' },
      rows: d.leaves.map((l) => [p(l.personCode), l.kind, l.fromDate, l.toDate, l.note]),
    },
    {
      table: 'person_trainings',
      columns: {
        person_id: 'uuid',
        from_date: 'date',
        to_date: 'date',
        grade: 'text',
        institution: 'text',
        good_conduct: 'boolean',
      },
      rows: d.trainings.map((t) => [
        p(t.personCode),
        t.fromDate,
        t.toDate,
        t.grade,
        t.institution,
        t.goodConduct,
      ]),
    },
    {
      table: 'unit_evaluations',
      columns: { unit_id: 'uuid', year: 'int', rating: 'text', member_count: 'int', note: 'text' },
      rows: d.unitEvaluations.map((e) => [u(e.unitCode), e.year, e.rating, e.memberCount, e.note]),
    },
    {
      table: 'disciplines',
      columns: {
        person_id: 'uuid',
        level: 'text',
        decision_number: 'text',
        decision_date: 'date',
        from_date: 'date',
        to_date: 'date',
        reason: 'text',
      },
      rows: d.disciplines.map((x) => [
        p(x.personCode),
        x.level,
        x.decisionNumber,
        x.decisionDate,
        x.fromDate,
        x.toDate,
        x.reason,
      ]),
    },
    {
      table: 'initiatives',
      columns: {
        id: 'uuid',
        code: 'text',
        kind: 'text',
        title: 'text',
        level: 'text',
        recognition_date: 'date',
        effect_scope: 'text',
        recognizing_body: 'text',
      },
      rows: d.initiatives.map((i, k) => [
        initiativeIds[k],
        i.code,
        i.kind,
        i.title,
        i.level,
        i.recognitionDate,
        i.effectScope,
        i.recognizingBody,
      ]),
    },
    {
      table: 'initiative_authors',
      columns: { initiative_id: 'uuid', person_id: 'uuid' },
      rows: d.initiatives.flatMap((i, k) => [...new Set(i.authorCodes)].map((a) => [initiativeIds[k], p(a)])),
    },
    {
      table: 'awards',
      columns: {
        recipient_kind: 'text',
        person_id: 'uuid',
        unit_id: 'uuid',
        household_name: 'text',
        household_address: 'text',
        recipient_key: 'text',
        award_code: 'text',
        year: 'int',
        track: 'text',
        issuer: 'text',
        decision_number: 'text',
        decision_date: 'date',
        note: 'text',
      },
      rows: d.awards.map((a) => [
        a.recipientKind,
        a.personCode ? p(a.personCode) : null,
        u(a.unitCode),
        a.householdName,
        a.householdAddress,
        recipientKey(a),
        a.awardCode,
        a.year,
        a.track,
        a.issuer,
        a.decisionNumber,
        a.decisionDate,
        a.note,
      ]),
    },
  ];
}

async function main() {
  const { values, positionals } = parseArgs({
    args: process.argv.slice(2),
    options: { file: { type: 'string' }, 'data-dir': { type: 'string' }, url: { type: 'string' } },
    allowPositionals: true,
  });
  const mode = positionals[0];
  if (mode === 'prepare') {
    // Create and migrate the database in a process of its own (as `npm start` would have done), so that
    // PGlite's initdb is not counted in the import's peak memory.
    const database = await openDatabase({ url: values.url, dataDir: values['data-dir'] });
    await database.close();
    console.log(`RESULT ${JSON.stringify({ peakRssMb: process.resourceUsage().maxRSS / 1024 })}`);
    return;
  }
  if ((mode !== 'import' && mode !== 'bare') || !values.file || (!values['data-dir'] && !values.url)) {
    throw new Error(
      'usage: registry-child.ts prepare|import|bare [--file <json>] (--data-dir <dir> | --url <url>)',
    );
  }
  const database = await openDatabase({ url: values.url, dataDir: values['data-dir'] });
  const openedPeakRssMb = process.resourceUsage().maxRSS / 1024;
  try {
    let sampled = process.memoryUsage().rss;
    const sampler = setInterval(() => {
      sampled = Math.max(sampled, process.memoryUsage().rss);
    }, 50);
    const phases: Record<string, number> = {};
    let records = 0;
    let errors = 0;
    let cpu0 = process.cpuUsage();
    let t0 = performance.now();
    const phase = (name: string, since: number) => (phases[name] = performance.now() - since);
    if (mode === 'import') {
      let t = performance.now();
      const fd = fs.openSync(values.file, 'r');
      try {
        const source = fileSource(fd, fs.fstatSync(fd).size);
        const dataset = indexJsonDataset(source);
        phase('index', t);
        for (const n of Object.values(dataset.counts)) records += n ?? 0;
        t = performance.now();
        const summary = await runImport(
          database,
          systemActor(null, 'bench'),
          systemClock,
          {
            chunks: jsonDatasetChunks(source, dataset),
            readErrors: dataset.errors,
            source: { name: values.file, sha256: dataset.sha256, kind: 'dataset' },
          },
          { unitIds: null },
          'commit',
        );
        phase('applyAndCommit', t);
        errors = summary.errors.length;
        if (errors) console.error(JSON.stringify(summary.errors.slice(0, 10)));
      } finally {
        fs.closeSync(fd);
      }
    } else {
      // Not timed: reading, parsing and preparing the rows.
      const d = JSON.parse(fs.readFileSync(values.file, 'utf8')) as Dataset;
      const prepared = prepareBare(d);
      for (const list of Object.values(d)) if (Array.isArray(list)) records += list.length;
      cpu0 = process.cpuUsage();
      t0 = performance.now();
      const t = performance.now();
      await database.db.transaction(async (tx) => {
        for (const { table, columns, rows } of prepared) await bareInsert(tx, table, columns, rows);
      });
      phase('insertAndCommit', t);
    }
    const ms = performance.now() - t0;
    const cpu = process.cpuUsage(cpu0);
    const memoryAtEnd = process.memoryUsage();
    clearInterval(sampler);
    const result: ChildResult = {
      mode,
      engine: database.kind,
      records,
      tableRows: await tableRows(database),
      ms,
      phases,
      cpuMs: (cpu.user + cpu.system) / 1000,
      peakRssMb: process.resourceUsage().maxRSS / 1024,
      openedPeakRssMb,
      sampledPeakRssMb: sampled / 1024 / 1024,
      errors,
      memoryAtEnd: {
        rssMb: memoryAtEnd.rss / 1048576,
        heapUsedMb: memoryAtEnd.heapUsed / 1048576,
        externalMb: memoryAtEnd.external / 1048576,
      },
      loadAvg: [os.loadavg()[0]!, os.loadavg()[1]!],
    };
    console.log(`RESULT ${JSON.stringify(result)}`);
  } finally {
    await database.close();
  }
}

await main();
