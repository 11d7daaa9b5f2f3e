/**
 * `npm run bench:reports` (also `npm run bench -- --only=reports`) — the figures of issue 7 (reports):
 *
 *  1. The synthetic province (bench/synthetic.ts: 60 000 people × 10 years, seed 1 — its imported award
 *     history gives every year thousands of awards) is loaded into a fresh PostgreSQL database and a fresh
 *     PGlite directory with the registry benchmark's plain batched INSERTs (bench/registry-child.ts `bare`).
 *  2. For the last year, over the whole province, through the app (Fastify inject, logged in as an officer:
 *     routing, access check, zod, the service, serialisation), median of 3 after one warm-up:
 *     - the year-end summary: GET /api/reports/summary JSON and Word;
 *     - the statistics tables: GET /api/statistics JSON and Word;
 *     each beside the bare aggregate queries behind it — the very SQL statements the service sends (recorded
 *     once through a recording `Database`, then replayed directly: node-postgres on PostgreSQL, the PGlite
 *     connection on PGlite), with no app code around them.
 *     Targets on PostgreSQL: JSON < 1 s, Word < 2 s.
 *
 * Writes bench/results/reports.json. Options: --people=N (smoke runs: --people=3000), --no-pg, --no-pglite;
 * BENCH_PG_URL (admin connection).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { sql, type SQL } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import type { FastifyInstance } from 'fastify';
import { writeDataset, DEFAULT_END_YEAR } from './synthetic';
import { openDatabase, type Database } from '../src/server/platform/db/database';
import { testConfig } from '../src/server/platform/config';
import { systemClock } from '../src/server/platform/clock';
import { systemActor } from '../src/server/platform/actor';
import { hashPassword } from '../src/server/platform/passwords';
import { buildApp } from '../src/server/app';
import { createReportsService } from '../src/server/features/reports/reports.service';
import { createStatisticsService } from '../src/server/features/statistics/statistics.service';
import type { SummaryReport } from '../src/domain/reports/summary';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const RESULTS = path.join(ROOT, 'bench', 'results');
const args = process.argv.slice(2);
const PEOPLE = Number(args.find((a) => a.startsWith('--people='))?.split('=')[1] ?? 60_000);
const YEARS = 10;
const YEAR = DEFAULT_END_YEAR;
const PG_ADMIN_URL = process.env.BENCH_PG_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
const RUNS = 3;
const TARGET = { json: 1000, docx: 2000 };
const PASSWORD = 'BenchReports2026!';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const since = (t0: number) => performance.now() - t0;

function child(...argv: string[]) {
  const r = spawnSync(
    process.execPath,
    ['--import', 'tsx', path.join(ROOT, 'bench', 'registry-child.ts'), ...argv],
    {
      cwd: ROOT,
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    },
  );
  if (r.status !== 0) throw new Error(`registry-child ${argv[0]} failed:\n${r.stderr}`);
}

/**
 * A Database that records every raw statement the services send (`rows`, and `db.execute` for what goes
 * through drizzle directly). Query-builder reads are not recorded; they are reported as the statement count.
 */
function recording(database: Database): { database: Database; statements: SQL[] } {
  const statements: SQL[] = [];
  // The database and any transaction opened on it: `execute` recorded, the rest passed through.
  const wrap = <T extends object>(target: T): T =>
    new Proxy(target, {
      get(t, prop, receiver) {
        const v = Reflect.get(t, prop, receiver) as unknown;
        if (typeof v !== 'function') return v;
        const f = v as (...a: unknown[]) => unknown;
        if (prop === 'execute')
          return (q: SQL) => {
            statements.push(q);
            return f.call(t, q);
          };
        if (prop === 'transaction')
          return (fn: (tx: object) => unknown, config?: unknown) =>
            f.call(t, (tx: object) => fn(wrap(tx)), config);
        return f.bind(t);
      },
    });
  const db = wrap(database.db);
  return {
    statements,
    database: {
      ...database,
      db,
      rows: <T extends Record<string, unknown>>(q: SQL) => {
        statements.push(q);
        return database.rows<T>(q);
      },
    },
  };
}

interface Row {
  what: string;
  appMs: number[];
  appMedianMs: number;
  bytes: number;
  /** The bare queries' time (JSON rows only: the Word file reads the same queries). */
  bareMedianMs: number;
  bareStatements: number;
  ratio: number;
  targetMs: number | null;
}

async function measure(database: Database, engine: string, url: string | null) {
  // An officer to call the API as (the synthetic province has no users).
  const root = await database.rows<{ id: string }>(sql`select id from units where parent_id is null limit 1`);
  await database.rows(
    sql`insert into users (username, display_name, password_hash, role, unit_id)
        values ('bench.officer', 'Cán bộ đo', ${await hashPassword(PASSWORD)}, 'officer', ${root[0]!.id})
        on conflict (username) do nothing`,
  );
  const app: FastifyInstance = await buildApp({ database, config: testConfig(), clock: systemClock });
  await app.ready();
  try {
    const login = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'bench.officer', password: PASSWORD },
    });
    if (login.statusCode !== 200) throw new Error(`login: ${login.statusCode} ${login.body}`);
    const cookie = `vd_session=${login.cookies.find((c) => c.name === 'vd_session')!.value}`;
    const get = async (u: string) => {
      const res = await app.inject({ method: 'GET', url: u, headers: { cookie } });
      if (res.statusCode !== 200) throw new Error(`${u}: ${res.statusCode} ${res.body.slice(0, 300)}`);
      return res;
    };

    // The bare statements behind each JSON answer, recorded once through the services themselves.
    const viewer = { actor: systemActor(null, 'bench'), scope: 'any' as const };
    const rs = recording(database);
    const summary = await createReportsService(rs.database, systemClock).summary(viewer, { year: YEAR });
    if (!summary.ok) throw new Error(summary.error.message);
    const st = recording(database);
    const stats = await createStatisticsService(st.database).statistics(viewer, YEAR);
    if (!stats.ok) throw new Error(stats.error.message);
    const dialect = new PgDialect();
    const client = url ? new pg.Client({ connectionString: url }) : null;
    await client?.connect();
    // Replayed in one transaction, as the statistics read them (its `set local` lines apply there).
    const replay = async (statements: SQL[]) => {
      const t0 = performance.now();
      if (client) {
        await client.query('begin');
        for (const q of statements) {
          const c = dialect.sqlToQuery(q);
          await client.query(c.sql, c.params as unknown[]);
        }
        await client.query('commit');
      } else
        await database.db.transaction(async (tx) => {
          for (const q of statements) await tx.execute(q);
        });
      return since(t0);
    };

    const rows: Row[] = [];
    const cases = [
      {
        what: 'summary JSON',
        url: `/api/reports/summary?year=${YEAR}`,
        bare: rs.statements,
        target: TARGET.json,
      },
      {
        what: 'summary Word',
        url: `/api/reports/summary?year=${YEAR}&format=docx`,
        bare: rs.statements,
        target: TARGET.docx,
      },
      {
        what: 'statistics JSON',
        url: `/api/statistics?year=${YEAR}`,
        bare: st.statements,
        target: TARGET.json,
      },
      {
        what: 'statistics Word',
        url: `/api/statistics?year=${YEAR}&format=docx`,
        bare: st.statements,
        target: TARGET.docx,
      },
    ];
    for (const c of cases) {
      await get(c.url); // warm-up
      await replay(c.bare);
      const appMs: number[] = [];
      const bareMs: number[] = [];
      let bytes = 0;
      for (let i = 0; i < RUNS; i++) {
        const t0 = performance.now();
        bytes = (await get(c.url)).rawPayload.length;
        appMs.push(since(t0));
        bareMs.push(await replay(c.bare));
      }
      const appMedianMs = median(appMs);
      const bareMedianMs = median(bareMs);
      rows.push({
        what: c.what,
        appMs,
        appMedianMs,
        bytes,
        bareMedianMs,
        bareStatements: c.bare.length,
        ratio: appMedianMs / bareMedianMs,
        targetMs: engine === 'postgres' ? c.target : null,
      });
    }
    await client?.end();
    const s = summary.value as SummaryReport;
    return {
      engine,
      year: YEAR,
      awardLines: s.lines.length,
      awards: s.lines.reduce((n, l) => n + l.awards, 0),
      rows,
    };
  } finally {
    await app.close();
  }
}

async function main() {
  fs.mkdirSync(RESULTS, { recursive: true });
  const cacheDir = path.join(os.tmpdir(), 'vinhdanh-bench');
  fs.mkdirSync(cacheDir, { recursive: true });
  const file = path.join(cacheDir, `synthetic-${PEOPLE}x${YEARS}-s1.json`);
  if (!fs.existsSync(file)) {
    const t0 = performance.now();
    writeDataset({ people: PEOPLE, years: YEARS, seed: 1 }, file);
    console.log(`generated ${file} in ${(since(t0) / 1000).toFixed(1)} s`);
  }
  const results: Awaited<ReturnType<typeof measure>>[] = [];

  if (!args.includes('--no-pg')) {
    const admin = new pg.Client({ connectionString: PG_ADMIN_URL });
    let reachable = true;
    await admin.connect().catch(() => {
      reachable = false;
      console.log('PostgreSQL not reachable: skipped');
    });
    if (reachable) {
      const name = `vd_bench_reports_${process.pid}`;
      await admin.query(`create database ${name}`);
      const url = PG_ADMIN_URL.replace(/\/[^/]*$/, `/${name}`);
      try {
        const t0 = performance.now();
        child('prepare', '--url', url);
        child('bare', '--file', file, '--url', url);
        console.log(`PostgreSQL loaded in ${(since(t0) / 1000).toFixed(1)} s`);
        const database = await openDatabase({ url, poolSize: 8 });
        try {
          await database.db.execute(sql`analyze`);
          results.push(await measure(database, 'postgres', url));
        } finally {
          await database.close();
        }
      } finally {
        await admin.query(`drop database if exists ${name} with (force)`);
        await admin.end();
      }
    }
  }

  if (!args.includes('--no-pglite')) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vd-bench-reports-'));
    try {
      const t0 = performance.now();
      child('prepare', '--data-dir', dir);
      child('bare', '--file', file, '--data-dir', dir);
      console.log(`PGlite loaded in ${(since(t0) / 1000).toFixed(1)} s`);
      const database = await openDatabase({ dataDir: dir });
      try {
        await database.db.execute(sql`analyze`);
        results.push(await measure(database, 'pglite', null));
      } finally {
        await database.close();
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }

  console.log(
    `\nReports, whole province, ${PEOPLE} people × ${YEARS} years, year ${YEAR}, load avg ${os.loadavg()[0]!.toFixed(1)}`,
  );
  console.log('engine    what             app ms   bare ms  (stmts)  ratio   bytes     target');
  for (const r of results) {
    console.log(`${r.engine}: ${r.awardLines} award lines, ${r.awards} awards in ${r.year}`);
    for (const x of r.rows)
      console.log(
        `${r.engine.padEnd(9)} ${x.what.padEnd(16)} ${x.appMedianMs.toFixed(0).padStart(7)} ${x.bareMedianMs
          .toFixed(0)
          .padStart(
            9,
          )} ${`(${x.bareStatements})`.padStart(8)} ${x.ratio.toFixed(2).padStart(6)} ${String(x.bytes).padStart(8)}   ${
          x.targetMs === null ? '—' : `< ${x.targetMs} ms ${x.appMedianMs < x.targetMs ? '✓' : '✗'}`
        }`,
      );
  }
  fs.writeFileSync(
    path.join(RESULTS, 'reports.json'),
    `${JSON.stringify({ at: new Date().toISOString(), people: PEOPLE, years: YEARS, year: YEAR, loadAvg: os.loadavg(), results }, null, 2)}\n`,
  );
  console.log('Results written to bench/results/reports.json');
}

await main();
