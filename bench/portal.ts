/**
 * `npm run bench:portal` — issue 7's public news page under 200 concurrent readers: the real server (its own
 * process, `tsx src/server/main.ts`) over the demo's portal data, on a fresh PGlite directory and, when
 * reachable, a fresh PostgreSQL database; autocannon in this process reads one news item page
 * (`/tin-tuc/<slug>`: the page, its view counter and the site's visit statistics) for a warm-up and then
 * the measured run. Prints requests per second and the p95 latency (recorded per response) for each engine,
 * and the bare Fastify hello-world's rate as the ceiling they are compared with.
 *
 * The readers send a browser's user agent and no cookie (autocannon keeps none): the first ones get a
 * visitor id each (and are counted), then the address's daily cap of new ids is reached and the rest are
 * one visitor keyed by address and browser — the cookie-rotation bound of decision 038 under load.
 *
 * Writes bench/results/portal.json. Options: --no-pg, --no-pglite, --no-bare, --duration=S (default 10),
 * --warmup=S (default 3), --connections=N (default 200); BENCH_PG_URL (admin connection).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import autocannon, { type Result } from 'autocannon';
import { openDatabase } from '../src/server/platform/db/database';
import { systemClock } from '../src/server/platform/clock';
import { seedDemo } from '../src/server/seed/demo';
import { DEMO_NEWS, seedDemoPortal } from '../src/server/seed/demo-portal';
import { slugify } from '../src/shared/portal/news.schema';
import { freePort, start, stop, waitFor200, type Started } from './lib/processes';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const TSX = path.join(ROOT, 'node_modules', '.bin', 'tsx');
const RESULTS = path.join(ROOT, 'bench', 'results');
const args = process.argv.slice(2);
const flag = (name: string) => args.includes(`--${name}`);
const option = (name: string, fallback: number) =>
  Number(args.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback);
const DURATION = option('duration', 10);
const WARMUP = option('warmup', 3);
const CONNECTIONS = option('connections', 200);
const PG_ADMIN_URL = process.env.BENCH_PG_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
const BROWSER_UA =
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36';
const SLUG = slugify(DEMO_NEWS[0]!.title);

interface Figures {
  engine: string;
  url: string;
  connections: number;
  durationSeconds: number;
  requestsPerSecond: number;
  totalRequests: number;
  latencyP50Ms: number;
  latencyP95Ms: number;
  latencyP99Ms: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  /** The item's counter after the run: visitors counted (bounded by the per-address cap). */
  viewCountAfter?: number;
}

const log = (s: string) => console.log(`  ${s}`);

/** One autocannon run, recording every response time for the percentiles autocannon does not report. */
async function load(url: string, seconds: number, engine: string): Promise<Figures> {
  const times: number[] = [];
  const run = autocannon({
    url,
    connections: CONNECTIONS,
    duration: seconds,
    headers: { 'user-agent': BROWSER_UA, accept: 'text/html' },
  }) as unknown as Promise<Result> & {
    on(
      event: 'response',
      listener: (client: unknown, status: number, bytes: number, ms: number) => void,
    ): void;
  };
  run.on('response', (_client, _status, _bytes, ms) => {
    times.push(ms);
  });
  const r = await run;
  times.sort((a, b) => a - b);
  const at = (p: number) =>
    times.length ? times[Math.min(times.length - 1, Math.floor(p * times.length))]! : 0;
  return {
    engine,
    url,
    connections: CONNECTIONS,
    durationSeconds: r.duration,
    requestsPerSecond: Math.round(r.requests.average),
    totalRequests: r.requests.total,
    latencyP50Ms: Math.round(at(0.5) * 10) / 10,
    latencyP95Ms: Math.round(at(0.95) * 10) / 10,
    latencyP99Ms: Math.round(at(0.99) * 10) / 10,
    non2xx: r.non2xx,
    errors: r.errors,
    timeouts: r.timeouts,
  };
}

async function seed(options: { url?: string; dataDir?: string }) {
  const database = await openDatabase(options);
  try {
    await seedDemo(database, systemClock, { registry: false });
    await database.db.transaction((tx) => seedDemoPortal(tx));
  } finally {
    await database.close();
  }
}

async function serve(env: Record<string, string>): Promise<{ child: Started; base: string }> {
  const port = await freePort();
  const child = start(
    TSX,
    ['src/server/main.ts'],
    {
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      VINHDANH_SEED_DEMO: 'false',
      VINHDANH_MODE: '',
      NODE_ENV: '',
      DATABASE_URL: '',
      ...env,
    },
    ROOT,
  );
  const base = `http://127.0.0.1:${port}`;
  await waitFor200(`${base}/api/health`, child, performance.now());
  return { child, base };
}

async function viewCount(base: string): Promise<number> {
  // A robot's user agent: read without being counted.
  const res = await fetch(`${base}/tin-tuc/${SLUG}`, { headers: { 'user-agent': 'curl/8.5.0' } });
  const html = await res.text();
  if (res.status !== 200) throw new Error(`GET /tin-tuc/${SLUG}: ${res.status}`);
  return Number(/data-testid="view-count">(\d+)</.exec(html)?.[1]);
}

async function portalFigures(engine: string, env: Record<string, string>): Promise<Figures> {
  console.log(`\n▶ News item page on ${engine}`);
  const { child, base } = await serve(env);
  try {
    const url = `${base}/tin-tuc/${SLUG}`;
    const before = await viewCount(base);
    if (WARMUP > 0) await load(url, WARMUP, engine);
    const figures = await load(url, DURATION, engine);
    figures.viewCountAfter = await viewCount(base);
    log(
      `${figures.requestsPerSecond} req/s, p50 ${figures.latencyP50Ms} ms, p95 ${figures.latencyP95Ms} ms, ` +
        `p99 ${figures.latencyP99Ms} ms, non-2xx ${figures.non2xx}, errors ${figures.errors}; ` +
        `view count ${before} → ${figures.viewCountAfter}`,
    );
    return figures;
  } finally {
    await stop(child);
  }
}

async function bare(): Promise<Figures> {
  console.log('\n▶ Bare Fastify hello-world (the ceiling)');
  const port = await freePort();
  const child = start(TSX, ['bench/bare-fastify.ts'], { PORT: String(port) }, ROOT);
  try {
    const url = `http://127.0.0.1:${port}/`;
    await waitFor200(url, child, performance.now());
    if (WARMUP > 0) await load(url, WARMUP, 'bare');
    const figures = await load(url, DURATION, 'bare');
    log(`${figures.requestsPerSecond} req/s, p95 ${figures.latencyP95Ms} ms`);
    return figures;
  } finally {
    await stop(child);
  }
}

async function pgReachable(): Promise<boolean> {
  const client = new pg.Client({ connectionString: PG_ADMIN_URL, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.end();
    return true;
  } catch {
    return false;
  }
}

async function main() {
  console.log(
    `Portal news page: ${CONNECTIONS} connections, ${WARMUP} s warm-up, ${DURATION} s measured (${os.cpus().length} CPUs)`,
  );
  const results: Figures[] = [];
  if (!flag('no-pglite')) {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'vd-bench-portal-'));
    try {
      await seed({ dataDir });
      results.push(await portalFigures('pglite', { VINHDANH_DATA_DIR: dataDir }));
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  }
  if (!flag('no-pg')) {
    if (!(await pgReachable())) {
      console.log(`\n▶ PostgreSQL not reachable at ${PG_ADMIN_URL}: skipped`);
    } else {
      const name = `vd_bench_portal_${process.pid}`;
      const admin = new pg.Client({ connectionString: PG_ADMIN_URL });
      await admin.connect();
      await admin.query(`create database ${name}`);
      const url = new URL(PG_ADMIN_URL);
      url.pathname = `/${name}`;
      const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'vd-bench-portal-pg-'));
      try {
        await seed({ url: url.toString() });
        results.push(
          await portalFigures('postgres', { DATABASE_URL: url.toString(), VINHDANH_DATA_DIR: dataDir }),
        );
      } finally {
        await admin.query(`drop database if exists ${name} with (force)`);
        await admin.end();
        fs.rmSync(dataDir, { recursive: true, force: true });
      }
    }
  }
  const ceiling = flag('no-bare') ? undefined : await bare();

  console.log('\nPortal news page (GET /tin-tuc/<slug>, 200 concurrent readers)');
  for (const r of results) {
    const ratio = ceiling
      ? ` (${Math.round((r.requestsPerSecond / ceiling.requestsPerSecond) * 100)} % of bare)`
      : '';
    console.log(
      `  ${r.engine.padEnd(9)} ${String(r.requestsPerSecond).padStart(7)} req/s${ratio}   p95 ${r.latencyP95Ms} ms   p99 ${r.latencyP99Ms} ms`,
    );
  }
  if (ceiling)
    console.log(
      `  ${'bare'.padEnd(9)} ${String(ceiling.requestsPerSecond).padStart(7)} req/s   p95 ${ceiling.latencyP95Ms} ms`,
    );
  fs.mkdirSync(RESULTS, { recursive: true });
  fs.writeFileSync(
    path.join(RESULTS, 'portal.json'),
    JSON.stringify({ at: new Date().toISOString(), cpus: os.cpus().length, results, ceiling }, null, 2),
  );
  const failed = results.some((r) => r.non2xx > 0 || r.errors > 0);
  if (failed) {
    console.error('\nSome requests failed (non-2xx or errors): the figures are not valid.');
    process.exit(1);
  }
}

await main();
