/**
 * `npx tsx bench/eligibility.ts` (also run by `npm run bench -- --only=eligibility`) — the figures of issue 4:
 *
 *  1. The synthetic province (bench/synthetic.ts: 60 000 people × 10 years, seed 1) is loaded into a fresh
 *     PostgreSQL database and a fresh PGlite directory with the registry benchmark's plain batched INSERTs
 *     (bench/registry-child.ts `bare`; loading is not what is measured here).
 *  2. For the last year, over the whole province, each run measures:
 *     - the read-only floor: the very reads of the suggestion sweep (people, their histories, units,
 *       members, lineage) with no evaluation — `service.load()`;
 *     - the full sweep: the same reads, then every person and collective judged for every title and form
 *       of the pack — `service.run()`, what GET /api/eligibility/suggestions runs before filtering (on two
 *       threads for a sweep this size: decision 046; the worker is started by the warm-up run).
 *     Median of 3 runs after one warm-up. Targets: sweep ≤ 2 × floor, and < 5 s on PostgreSQL.
 *  3. The pure evaluator alone (src/domain `sweep` on the histories already in memory): evaluations/s,
 *     as the sweep runs it (statuses and criteria, facts written only for the rows shown) and with every
 *     fact written out.
 *
 * Writes bench/results/eligibility.json. Options: --quick (8 000 people × 10 years), --no-pglite,
 * --no-pg; BENCH_PG_URL (admin connection), BENCH_ELIGIBILITY_PEOPLE.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { sql } from 'drizzle-orm';
import { writeDataset, DEFAULT_END_YEAR } from './synthetic';
import { openDatabase, type Database } from '../src/server/platform/db/database';
import { createEligibilityService } from '../src/server/features/eligibility/eligibility.service';
import { systemActor } from '../src/server/platform/actor';
import { sweep } from '../src/domain/eligibility/sweep';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const RESULTS = path.join(ROOT, 'bench', 'results');
const args = process.argv.slice(2);
const quick = args.includes('--quick');
const PEOPLE = Number(process.env.BENCH_ELIGIBILITY_PEOPLE ?? (quick ? 8000 : 60_000));
const YEARS = 10;
const YEAR = DEFAULT_END_YEAR;
const PG_ADMIN_URL = process.env.BENCH_PG_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
const RUNS = 3;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const ms = (t0: number) => performance.now() - t0;

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

interface EngineResult {
  engine: string;
  people: number;
  collectives: number;
  verdicts: number;
  floorMs: number[];
  sweepMs: number[];
  floorMedianMs: number;
  sweepMedianMs: number;
  ratio: number;
  pureEvaluationsPerSecond: number;
  pureMs: number;
  /** The same with every fact written out (what a person's panel does). */
  explainedEvaluationsPerSecond: number;
}

async function measure(database: Database, engine: string): Promise<EngineResult> {
  const service = createEligibilityService(database);
  const viewer = { actor: systemActor(null, 'bench'), scope: 'any' as const };
  const scope = await service.resolveScope(viewer, { year: YEAR });
  if (!scope.ok) throw new Error(scope.error.message);
  // Warm-up (plans, caches, JIT) — not counted.
  await service.run(scope.value, YEAR, false);
  const floorMs: number[] = [];
  const sweepMs: number[] = [];
  let verdicts = 0;
  for (let i = 0; i < RUNS; i++) {
    // Nothing from one measurement is kept alive into the next (a retained province would slow the
    // collector for the other).
    let t0 = performance.now();
    await service.load(scope.value, YEAR);
    floorMs.push(ms(t0));
    t0 = performance.now();
    // What GET /api/eligibility/suggestions runs: everyone judged, facts written only for the page's rows.
    verdicts = (await service.run(scope.value, YEAR, false)).verdicts.length;
    sweepMs.push(ms(t0));
  }
  const l = await service.load(scope.value, YEAR);
  if (process.env.BENCH_DUMP)
    fs.writeFileSync(
      process.env.BENCH_DUMP,
      JSON.stringify({ people: l.sweepPeople, collectives: l.collectives.list }),
    );
  let t0 = performance.now();
  const pure = sweep({
    year: YEAR,
    pack: l.pack,
    people: l.sweepPeople,
    collectives: l.collectives.list,
    explain: false,
  });
  const pureMs = ms(t0);
  t0 = performance.now();
  sweep({ year: YEAR, pack: l.pack, people: l.sweepPeople, collectives: l.collectives.list, explain: true });
  const explainedMs = ms(t0);
  const floorMedianMs = median(floorMs);
  const sweepMedianMs = median(sweepMs);
  return {
    engine,
    people: l.sweepPeople.length,
    collectives: l.collectives.list.length,
    verdicts,
    floorMs,
    sweepMs,
    floorMedianMs,
    sweepMedianMs,
    ratio: sweepMedianMs / floorMedianMs,
    pureEvaluationsPerSecond: pure.verdicts.length / (pureMs / 1000),
    pureMs,
    explainedEvaluationsPerSecond: pure.verdicts.length / (explainedMs / 1000),
  };
}

async function main() {
  fs.mkdirSync(RESULTS, { recursive: true });
  const cacheDir = path.join(os.tmpdir(), 'vinhdanh-bench');
  fs.mkdirSync(cacheDir, { recursive: true });
  const file = path.join(cacheDir, `synthetic-${PEOPLE}x${YEARS}-s1.json`);
  if (!fs.existsSync(file)) {
    const t0 = performance.now();
    writeDataset({ people: PEOPLE, years: YEARS, seed: 1 }, file);
    console.log(`generated ${file} in ${(ms(t0) / 1000).toFixed(1)} s`);
  }
  const results: EngineResult[] = [];

  if (!args.includes('--no-pg')) {
    const admin = new pg.Client({ connectionString: PG_ADMIN_URL });
    await admin.connect();
    const name = `vd_bench_elig_${process.pid}`;
    await admin.query(`create database ${name}`);
    const url = PG_ADMIN_URL.replace(/\/[^/]*$/, `/${name}`);
    try {
      let t0 = performance.now();
      child('prepare', '--url', url);
      child('bare', '--file', file, '--url', url);
      console.log(`PostgreSQL loaded in ${(ms(t0) / 1000).toFixed(1)} s`);
      const database = await openDatabase({ url, poolSize: 8 });
      try {
        await database.db.execute(sql`analyze`);
        t0 = performance.now();
        results.push(await measure(database, 'postgres'));
        console.log(`PostgreSQL measured in ${(ms(t0) / 1000).toFixed(1)} s`);
      } finally {
        await database.close();
      }
    } finally {
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    }
  }

  if (!args.includes('--no-pglite')) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vd-bench-elig-'));
    try {
      let t0 = performance.now();
      child('prepare', '--data-dir', dir);
      child('bare', '--file', file, '--data-dir', dir);
      console.log(`PGlite loaded in ${(ms(t0) / 1000).toFixed(1)} s`);
      const database = await openDatabase({ dataDir: dir });
      try {
        await database.db.execute(sql`analyze`);
        t0 = performance.now();
        results.push(await measure(database, 'pglite'));
        console.log(`PGlite measured in ${(ms(t0) / 1000).toFixed(1)} s`);
      } finally {
        await database.close();
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }

  console.log(
    `\nEligibility sweep, ${PEOPLE} people × ${YEARS} years, year ${YEAR}, load avg ${os.loadavg()[0]!.toFixed(1)}`,
  );
  console.log(
    'engine     people  collectives  verdicts  floor ms  sweep ms  ratio  (target ≤ 2.0; PG < 5000 ms)  pure evals/s (explained)',
  );
  for (const r of results)
    console.log(
      `${r.engine.padEnd(9)} ${String(r.people).padStart(7)} ${String(r.collectives).padStart(12)} ${String(r.verdicts).padStart(9)} ${r.floorMedianMs.toFixed(0).padStart(9)} ${r.sweepMedianMs.toFixed(0).padStart(9)} ${r.ratio.toFixed(2).padStart(6)}  ${r.ratio <= 2 ? 'ratio ✓' : 'ratio ✗'}${r.engine === 'postgres' ? (r.sweepMedianMs < 5000 ? ' time ✓' : ' time ✗') : ''}  ${Math.round(r.pureEvaluationsPerSecond)} (${Math.round(r.explainedEvaluationsPerSecond)})`,
    );
  fs.writeFileSync(
    path.join(RESULTS, 'eligibility.json'),
    `${JSON.stringify({ at: new Date().toISOString(), people: PEOPLE, years: YEARS, year: YEAR, loadAvg: os.loadavg(), results }, null, 2)}\n`,
  );
}

await main();
