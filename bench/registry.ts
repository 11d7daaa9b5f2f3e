/**
 * `npx tsx bench/registry.ts` — the registry figures of issue 3, measured on this machine in one run:
 *
 *  1. Import of a synthetic province (bench/synthetic.ts; 60 000 people × 10 years, seed 1, ≈ 1.1 M
 *     records) through the real import (the file streamed: indexJsonDataset + runImport reading each kind
 *     a chunk at a time, commit; decision 042), into a fresh PGlite data
 *     directory and a fresh PostgreSQL database: records per second and the importing process's peak RSS.
 *     Targets on PGlite: ≥ 5 000 records/s, < 600 MB.
 *  2. In the same run, the floor: the same rows into the same fresh tables with plain batched INSERTs
 *     (1 000 rows a statement, ids made in JS, no ON CONFLICT, no look-ups). Target: import ≤ 3 × bare.
 *     Every measurement runs in its own process (bench/registry-child.ts), so its peak memory is its own.
 *  3. Diacritic-insensitive people search over 100 000 people on PostgreSQL: the real server
 *     (`node --import tsx src/server/main.ts`, demo seed on an empty database), 100 000 people imported,
 *     then autocannon with 20 connections on GET /api/people?q=… rotating through folded and accented
 *     queries; p95 from every response time. Target p95 < 50 ms. If the route is not there yet, the SQL it
 *     is expected to run is measured instead with 20 concurrent clients (and said so).
 *
 * Prints a table and writes bench/results/registry.json. Options (flags or environment):
 *   --quick            small sizes (8 000 people × 3 years; 20 000 for search; 5 s load): a smoke run
 *   --no-pg            PGlite only (no import on PostgreSQL, no search)      (BENCH_PG=0)
 *   --only=import|search
 *   --strict           exit 1 when a target is missed (failing to measure always exits 1)
 *   BENCH_PG_URL=postgres://postgres@127.0.0.1:5432/postgres   admin connection used to create databases
 *   BENCH_REGISTRY_PEOPLE=60000 BENCH_REGISTRY_YEARS=10 BENCH_SEARCH_PEOPLE=100000
 *   BENCH_SEARCH_DURATION=20 BENCH_SEARCH_CONNECTIONS=20
 */
import { randomBytes } from 'node:crypto';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { EventEmitter } from 'node:events';
import autocannon from 'autocannon';
import pg from 'pg';
import { writeDataset, type WriteSummary } from './synthetic';
import type { ChildResult } from './registry-child';
import { freePort, start, stop, waitFor200 } from './lib/processes';
import { login } from './lib/load';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const RESULTS = path.join(ROOT, 'bench', 'results');
const args = process.argv.slice(2);
const flag = (name: string) => args.includes(name);
const only = args.find((a) => a.startsWith('--only='))?.slice('--only='.length);
const quick = flag('--quick');
const STRICT = flag('--strict');
const WITH_PG = !flag('--no-pg') && process.env.BENCH_PG !== '0';
const PG_ADMIN_URL = process.env.BENCH_PG_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
const num = (name: string, fallback: number) => {
  const v = process.env[name];
  const n = v === undefined || v === '' ? fallback : Number(v);
  if (!Number.isInteger(n) || n < 1) throw new Error(`${name} must be a positive integer`);
  return n;
};
const IMPORT_PEOPLE = num('BENCH_REGISTRY_PEOPLE', quick ? 8000 : 60_000);
const IMPORT_YEARS = num('BENCH_REGISTRY_YEARS', quick ? 3 : 10);
const SEARCH_PEOPLE = num('BENCH_SEARCH_PEOPLE', quick ? 20_000 : 100_000);
const SEARCH_SECONDS = num('BENCH_SEARCH_DURATION', quick ? 5 : 20);
const SEARCH_CONNECTIONS = num('BENCH_SEARCH_CONNECTIONS', 20);

const TARGET = { rowsPerSecond: 5000, peakMb: 600, ratio: 3, p95Ms: 50 };
const DEMO_USER = 'admin';
const DEMO_PASSWORD = 'VinhDanh2020';

/** What users type: folded and accented, full names, family + middle, given names, fragments. */
export const SEARCH_QUERIES = [
  'nguyen thi thu',
  'Nguyễn Thị Thu',
  'tran van',
  'Trần Văn Hùng',
  'le minh',
  'pham thi',
  'huynh',
  'Võ Thị',
  'hoang',
  'dang van',
  'bui thi ngoc',
  'Hồ Thị',
  'ngo van',
  'duong',
  'thach',
  'huong',
  'Hương',
  'dung',
  'Dũng',
  'linh',
  'thi thu ha',
  'van hung',
  'ngoc anh',
  'khanh',
  'quynh',
  'thanh tam',
  'nguyen van an',
  'Đặng',
  'phuong',
  'ly',
];

// ---------------------------------------------------------------------------------------------- helpers

const log = (msg: string) => console.log(`  · ${msg}`);
const fmt = (n: number, digits = 0) =>
  n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const verdict = (ok: boolean) => (ok ? 'PASS' : 'FAIL');
const load = () => os.loadavg().map((x) => Math.round(x * 100) / 100);

function table(rows: string[][]) {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length)));
  const line = (r: string[]) =>
    '  ' + r.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('   ');
  console.log(line(rows[0]!));
  console.log('  ' + widths.map((w) => '─'.repeat(w)).join('   '));
  for (const r of rows.slice(1)) console.log(line(r));
}

function percentile(sorted: number[], p: number) {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

async function createDatabase(): Promise<{ url: string; name: string; drop: () => Promise<void> }> {
  const name = `vd_bench_${randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: PG_ADMIN_URL });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(PG_ADMIN_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    name,
    async drop() {
      const c = new pg.Client({ connectionString: PG_ADMIN_URL });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

async function pgReachable(): Promise<boolean> {
  const c = new pg.Client({ connectionString: PG_ADMIN_URL, connectionTimeoutMillis: 3000 });
  try {
    await c.connect();
    await c.query('select 1');
    return true;
  } catch {
    return false;
  } finally {
    await c.end().catch(() => undefined);
  }
}

/** Runs one measurement in its own process and returns its RESULT line. */
function child<T = ChildResult>(
  mode: 'prepare' | 'import' | 'bare',
  file: string | null,
  target: { dataDir: string } | { url: string },
) {
  const where = 'url' in target ? ['--url', target.url] : ['--data-dir', target.dataDir];
  return new Promise<T>((resolve, reject) => {
    const proc = spawn(
      process.execPath,
      ['--import', 'tsx', 'bench/registry-child.ts', mode, ...(file ? ['--file', file] : []), ...where],
      {
        cwd: ROOT,
        stdio: ['ignore', 'pipe', 'pipe'],
        env: { ...process.env, NODE_OPTIONS: '' },
      },
    );
    let out = '';
    let err = '';
    proc.stdout.on('data', (c: Buffer) => (out += c.toString()));
    proc.stderr.on('data', (c: Buffer) => (err = (err + c.toString()).slice(-8000)));
    proc.on('error', reject);
    proc.on('exit', (code, signal) => {
      const line = out.split('\n').find((l) => l.startsWith('RESULT '));
      if (code === 0 && line) resolve(JSON.parse(line.slice(7)) as T);
      else
        reject(
          new Error(`${mode} child failed (code ${code}, signal ${signal}):\n${err}\n${out.slice(-2000)}`),
        );
    });
  });
}

// -------------------------------------------------------------------------------------------- import

interface EngineImport {
  engine: 'pglite' | 'postgres';
  import: ChildResult;
  bare: ChildResult;
  rowsPerSecond: number;
  cpuRowsPerSecond: number;
  ratio: number;
  applyRatio: number;
}

async function importBench(
  file: string,
  tmp: string,
  engines: ('pglite' | 'postgres')[],
): Promise<EngineImport[]> {
  const out: EngineImport[] = [];
  for (const engine of engines) {
    const measure = async (mode: 'import' | 'bare') => {
      log(
        `${engine}: ${mode === 'import' ? 'import (streamed: indexJsonDataset + runImport)' : 'bare batched INSERT'} …`,
      );
      if (engine === 'pglite') {
        const dataDir = path.join(tmp, `pglite-${mode}`);
        try {
          await child('prepare', null, { dataDir });
          return await child(mode, file, { dataDir });
        } finally {
          fs.rmSync(dataDir, { recursive: true, force: true });
        }
      }
      const db = await createDatabase();
      try {
        await child('prepare', null, { url: db.url });
        return await child(mode, file, { url: db.url });
      } finally {
        await db.drop();
      }
    };
    const imp = await measure('import');
    log(
      `  ${fmt(imp.records)} records in ${fmt(imp.ms / 1000, 1)} s, peak ${fmt(imp.peakRssMb)} MB, errors ${imp.errors}`,
    );
    const bare = await measure('bare');
    log(`  bare: ${fmt(bare.records)} records in ${fmt(bare.ms / 1000, 1)} s`);
    if (imp.errors) throw new Error(`the import reported ${imp.errors} errors (see above)`);
    if (imp.tableRows !== bare.tableRows)
      throw new Error(
        `import wrote ${imp.tableRows} rows but the bare insert ${bare.tableRows}: not the same work`,
      );
    out.push({
      engine,
      import: imp,
      bare,
      rowsPerSecond: imp.records / (imp.ms / 1000),
      cpuRowsPerSecond: imp.records / (imp.cpuMs / 1000),
      ratio: imp.ms / bare.ms,
      applyRatio: (imp.phases.applyAndCommit ?? imp.ms) / bare.ms,
    });
  }
  return out;
}

// -------------------------------------------------------------------------------------------- search

interface SearchResult {
  people: number;
  mode: 'http' | 'sql';
  note: string;
  connections: number;
  durationSeconds: number;
  requests: number;
  requestsPerSecond: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  maxMs: number;
  non2xx: number;
  errors: number;
  perQuery: { q: string; total: number | null; medianMs: number }[];
  explain: { q: string; plan: string[] }[];
  importRecordsPerSecond: number;
  loadAvg: number[];
}

type Instance = EventEmitter & { stop(): void };
type WithCallback = (
  opts: Record<string, unknown>,
  cb: (
    err: Error | null,
    result: { requests: { total: number }; duration: number; non2xx: number; errors: number },
  ) => void,
) => Instance;

async function runAutocannon(base: string, cookie: string, seconds: number, record: boolean) {
  const latencies: number[] = [];
  const result = await new Promise<{
    requests: { total: number };
    duration: number;
    non2xx: number;
    errors: number;
  }>((resolve, reject) => {
    const instance = (autocannon as unknown as WithCallback)(
      {
        url: base,
        connections: SEARCH_CONNECTIONS,
        duration: seconds,
        headers: { cookie },
        requests: SEARCH_QUERIES.map((q) => ({
          method: 'GET',
          path: `/api/people?q=${encodeURIComponent(q)}`,
        })),
      },
      (err, r) => (err ? reject(err) : resolve(r)),
    );
    if (record)
      instance.on('response', (_client: unknown, _status: number, _bytes: number, ms: number) =>
        latencies.push(ms),
      );
  });
  return { result, latencies: latencies.sort((a, b) => a - b) };
}

const likeEscape = (q: string) => q.trim().replace(/[\\%_]/g, (c) => `\\${c}`);
/**
 * What GET /api/people?q= runs (src/server/features/people/people.repository.ts, mirrored here for the
 * SQL-only fallback and EXPLAIN): one page in Vietnamese order joined to the unit name, and the total.
 */
const MATCH = `(vd_fold(p.full_name) like '%' || vd_fold($1) || '%' or p.code like '%' || upper($1) || '%')`;
const PAGE_SQL = `select p.*, u.name as unit_name from people p left join units u on u.id = p.current_unit_id
  where ${MATCH} order by p.sort_key collate "C", p.id limit 50 offset 0`;
const COUNT_SQL = `select count(*) as n from people p where ${MATCH}`;
/** The same match on the trigram index alone (no OR on the code), for comparison in EXPLAIN. */
const COUNT_TRGM_SQL = `select count(*) as n from people p where vd_fold(p.full_name) like '%' || vd_fold($1) || '%'`;

async function sqlLoad(url: string, seconds: number) {
  const pool = new pg.Pool({ connectionString: url, max: SEARCH_CONNECTIONS });
  const latencies: number[] = [];
  let requests = 0;
  let i = 0;
  const until = performance.now() + seconds * 1000;
  await Promise.all(
    Array.from({ length: SEARCH_CONNECTIONS }, async () => {
      const client = await pool.connect();
      try {
        while (performance.now() < until) {
          const q = SEARCH_QUERIES[i++ % SEARCH_QUERIES.length]!;
          const t = performance.now();
          await Promise.all([
            client.query(PAGE_SQL, [likeEscape(q)]),
            pool.query(COUNT_SQL, [likeEscape(q)]),
          ]);
          latencies.push(performance.now() - t);
          requests++;
        }
      } finally {
        client.release();
      }
    }),
  );
  await pool.end();
  return { requests, latencies: latencies.sort((a, b) => a - b) };
}

async function explain(url: string) {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const out: { q: string; plan: string[] }[] = [];
    for (const q of ['nguyen thi', 'Thạch', 'huong', 'ly']) {
      for (const [name, text] of [
        ['page', PAGE_SQL],
        ['count', COUNT_SQL],
        ['count on the trigram index alone', COUNT_TRGM_SQL],
      ] as const) {
        const r = await c.query<{ 'QUERY PLAN': string }>(`explain (analyze, buffers) ${text}`, [
          likeEscape(q),
        ]);
        out.push({ q: `${name}: ${q}`, plan: r.rows.map((x) => x['QUERY PLAN']) });
      }
    }
    return out;
  } finally {
    await c.end();
  }
}

async function searchBench(tmp: string): Promise<SearchResult> {
  const db = await createDatabase();
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  log(`search: server on PostgreSQL (${db.name}), port ${port} …`);
  const server = start(
    process.execPath,
    ['--import', 'tsx', 'src/server/main.ts'],
    { DATABASE_URL: db.url, PORT: String(port), HOST: '127.0.0.1', VINHDANH_MODE: 'demo', LOG_LEVEL: 'warn' },
    ROOT,
  );
  try {
    await waitFor200(`${base}/api/health`, server, performance.now(), { timeoutMs: 180_000 });
    const file = path.join(tmp, `search-${SEARCH_PEOPLE}.json`);
    log(`search: generating ${fmt(SEARCH_PEOPLE)} people × 1 year (seed 2) and importing them …`);
    writeDataset({ people: SEARCH_PEOPLE, years: 1, seed: 2 }, file);
    const imported = await child('import', file, { url: db.url });
    if (imported.errors) throw new Error(`search dataset import reported ${imported.errors} errors`);
    fs.rmSync(file, { force: true });
    {
      const c = new pg.Client({ connectionString: db.url });
      await c.connect();
      await c.query('analyze');
      await c.end();
    }
    const cookie = await login(base, DEMO_USER, DEMO_PASSWORD);
    const probe = await fetch(`${base}/api/people?q=nguyen`, { headers: { cookie } });
    await probe.text();
    const perQuery: SearchResult['perQuery'] = [];
    let mode: 'http' | 'sql';
    let note: string;
    let measured: { requests: number; latencies: number[]; non2xx: number; errors: number };
    if (probe.status === 200) {
      mode = 'http';
      note = `GET /api/people?q=… on the real server (autocannon, ${SEARCH_CONNECTIONS} connections, ${SEARCH_QUERIES.length} queries in rotation)`;
      for (const q of SEARCH_QUERIES) {
        const times: number[] = [];
        let total: number | null = null;
        for (let k = 0; k < 5; k++) {
          const t = performance.now();
          const res = await fetch(`${base}/api/people?q=${encodeURIComponent(q)}`, { headers: { cookie } });
          const body = (await res.json()) as { total?: unknown };
          times.push(performance.now() - t);
          if (res.status !== 200)
            throw new Error(`GET /api/people?q=${q}: ${res.status} ${JSON.stringify(body)}`);
          total = typeof body.total === 'number' ? body.total : null;
        }
        perQuery.push({ q, total, medianMs: times.sort((a, b) => a - b)[2]! });
      }
      log(`search: warm-up 3 s, then ${SEARCH_SECONDS} s with ${SEARCH_CONNECTIONS} connections …`);
      await runAutocannon(base, cookie, 3, false);
      const { result, latencies } = await runAutocannon(base, cookie, SEARCH_SECONDS, true);
      measured = { requests: result.requests.total, latencies, non2xx: result.non2xx, errors: result.errors };
    } else {
      mode = 'sql';
      note = `GET /api/people answered ${probe.status} (route not there yet): measured the SQL it is expected to run (page of 50 in sort_key order + count, as in people.repository.ts) with ${SEARCH_CONNECTIONS} concurrent PostgreSQL clients`;
      log(`search: ${note}`);
      const c = new pg.Client({ connectionString: db.url });
      await c.connect();
      for (const q of SEARCH_QUERIES) {
        const times: number[] = [];
        let total = 0;
        for (let k = 0; k < 5; k++) {
          const t = performance.now();
          await c.query(PAGE_SQL, [likeEscape(q)]);
          const r = await c.query<{ n: string }>(COUNT_SQL, [likeEscape(q)]);
          times.push(performance.now() - t);
          total = Number(r.rows[0]!.n);
        }
        perQuery.push({ q, total, medianMs: times.sort((a, b) => a - b)[2]! });
      }
      await c.end();
      await sqlLoad(db.url, 3);
      const r = await sqlLoad(db.url, SEARCH_SECONDS);
      measured = { ...r, non2xx: 0, errors: 0 };
    }
    const l = measured.latencies;
    return {
      people: SEARCH_PEOPLE,
      mode,
      note,
      connections: SEARCH_CONNECTIONS,
      durationSeconds: SEARCH_SECONDS,
      requests: measured.requests,
      requestsPerSecond: measured.requests / SEARCH_SECONDS,
      p50Ms: percentile(l, 50),
      p95Ms: percentile(l, 95),
      p99Ms: percentile(l, 99),
      maxMs: l.at(-1) ?? NaN,
      non2xx: measured.non2xx,
      errors: measured.errors,
      perQuery,
      explain: await explain(db.url),
      importRecordsPerSecond: imported.records / (imported.ms / 1000),
      loadAvg: load(),
    };
  } finally {
    const stopped = await stop(server);
    if (stopped.killed) log('search: the server had to be killed');
    await db.drop();
  }
}

// ---------------------------------------------------------------------------------------------- main

async function main() {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'vd-bench-registry-'));
  const missed: string[] = [];
  const results: Record<string, unknown> = {
    when: new Date().toISOString(),
    machine: {
      node: process.version,
      cpus: os.cpus().length,
      cpuModel: os.cpus()[0]?.model,
      memMb: Math.round(os.totalmem() / 1048576),
    },
    loadAvgAtStart: load(),
    settings: {
      quick,
      importPeople: IMPORT_PEOPLE,
      importYears: IMPORT_YEARS,
      searchPeople: SEARCH_PEOPLE,
      searchSeconds: SEARCH_SECONDS,
      searchConnections: SEARCH_CONNECTIONS,
    },
    targets: TARGET,
  };
  console.log(
    `\nVinhDanh registry benchmarks — ${os.cpus().length} CPUs, load ${load().join(' / ')}${quick ? ' (quick: not the figures)' : ''}\n`,
  );
  try {
    const pgOk = WITH_PG && (await pgReachable());
    if (WITH_PG && !pgOk)
      throw new Error(`PostgreSQL not reachable at ${PG_ADMIN_URL} (use --no-pg to skip)`);
    if (only !== 'search') {
      const file = path.join(tmp, `province-${IMPORT_PEOPLE}x${IMPORT_YEARS}.json`);
      log(`generating ${fmt(IMPORT_PEOPLE)} people × ${IMPORT_YEARS} years (seed 1) …`);
      const t = performance.now();
      const gen: WriteSummary = writeDataset({ people: IMPORT_PEOPLE, years: IMPORT_YEARS, seed: 1 }, file);
      const genMs = performance.now() - t;
      log(`  ${fmt(gen.records)} records, ${fmt(gen.bytes / 1048576, 1)} MB in ${fmt(genMs / 1000, 1)} s`);
      results.generate = { records: gen.records, bytes: gen.bytes, ms: genMs, byKind: gen.byKind };
      const engines = await importBench(file, tmp, pgOk ? ['pglite', 'postgres'] : ['pglite']);
      results.import = engines;
      console.log(
        `\nImport of ${fmt(IMPORT_PEOPLE)} people × ${IMPORT_YEARS} years (${fmt(engines[0]!.import.records)} records)\n`,
      );
      const rows = [
        [
          '',
          'import s',
          'records/s',
          'CPU rec/s',
          'peak MB',
          'open MB',
          'bare s',
          'import/bare',
          'apply/bare',
          'load',
        ],
      ];
      for (const e of engines) {
        rows.push([
          e.engine,
          fmt(e.import.ms / 1000, 1),
          fmt(e.rowsPerSecond),
          fmt(e.cpuRowsPerSecond),
          fmt(e.import.peakRssMb),
          fmt(e.import.openedPeakRssMb),
          fmt(e.bare.ms / 1000, 1),
          `${fmt(e.ratio, 2)}×`,
          `${fmt(e.applyRatio, 2)}×`,
          fmt(e.import.loadAvg[0], 1),
        ]);
      }
      table(rows);
      for (const e of engines) {
        const p = e.import.phases;
        console.log(
          `  ${e.engine} phases: index ${fmt((p.index ?? 0) / 1000, 1)} s, read+validate+apply+commit ${fmt((p.applyAndCommit ?? 0) / 1000, 1)} s; open MB = peak once the existing database was open, before importing; at the end: heap ${fmt(e.import.memoryAtEnd.heapUsedMb)} MB, external ${fmt(e.import.memoryAtEnd.externalMb)} MB${e.engine === 'pglite' ? " (PGlite's WebAssembly memory is in it)" : ''}; bare peak ${fmt(e.bare.peakRssMb)} MB (includes parsing the file, untimed)`,
        );
      }
      const lite = engines.find((e) => e.engine === 'pglite')!;
      const checks: [string, boolean][] = [
        [
          `PGlite ≥ ${fmt(TARGET.rowsPerSecond)} records/s: ${fmt(lite.rowsPerSecond)}`,
          lite.rowsPerSecond >= TARGET.rowsPerSecond,
        ],
        [
          `PGlite peak < ${TARGET.peakMb} MB: ${fmt(lite.import.peakRssMb)} MB`,
          lite.import.peakRssMb < TARGET.peakMb,
        ],
        ...engines.map((e): [string, boolean] => [
          `${e.engine} import ≤ ${TARGET.ratio}× bare: ${fmt(e.ratio, 2)}×`,
          e.ratio <= TARGET.ratio,
        ]),
      ];
      console.log('');
      for (const [text, ok] of checks) {
        console.log(`  ${verdict(ok)}  ${text}`);
        if (!ok) missed.push(text);
      }
    }
    if (only !== 'import' && pgOk) {
      console.log('');
      const s = await searchBench(tmp);
      results.search = s;
      console.log(
        `\nPeople search over ${fmt(s.people)} people on PostgreSQL (${s.mode === 'http' ? 'HTTP' : 'SQL only'})\n`,
      );
      table([
        ['', 'requests', 'req/s', 'p50 ms', 'p95 ms', 'p99 ms', 'max ms', 'non-2xx', 'load'],
        [
          s.mode,
          fmt(s.requests),
          fmt(s.requestsPerSecond),
          fmt(s.p50Ms, 1),
          fmt(s.p95Ms, 1),
          fmt(s.p99Ms, 1),
          fmt(s.maxMs, 1),
          fmt(s.non2xx),
          fmt(s.loadAvg[0]!, 1),
        ],
      ]);
      console.log(`\n  ${s.note}`);
      console.log(
        '  single-client medians: ' +
          s.perQuery.map((q) => `${q.q} ${fmt(q.medianMs, 1)} ms (${q.total ?? '?'})`).join(' · '),
      );
      const ok = s.p95Ms < TARGET.p95Ms && s.non2xx === 0 && s.errors === 0;
      const text = `search p95 < ${TARGET.p95Ms} ms under ${s.connections} clients: ${fmt(s.p95Ms, 1)} ms${s.mode === 'sql' ? ' (SQL only, not HTTP)' : ''}`;
      console.log(`\n  ${verdict(ok)}  ${text}`);
      if (!ok) missed.push(text);
    }
    results.loadAvgAtEnd = load();
    results.missed = missed;
    fs.mkdirSync(RESULTS, { recursive: true });
    fs.writeFileSync(path.join(RESULTS, 'registry.json'), `${JSON.stringify(results, null, 2)}\n`);
    console.log(`\n  written: ${path.relative(ROOT, path.join(RESULTS, 'registry.json'))}\n`);
    return STRICT && missed.length ? 1 : 0;
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(`\n✖ ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
    process.exit(1);
  },
);
