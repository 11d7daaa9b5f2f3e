/**
 * `npm run bench` — the performance figures of issue 2, measured on this machine in one run:
 *
 *  1. Cold start of the real server on an existing PGlite data directory, to the first 200 from
 *     /api/health (target < 3 s): N starts of exactly what `npm start` runs after its prestart
 *     (`node_modules/.bin/tsx src/server/main.ts`), plus one through `npm start` itself.
 *  2. Requests per second (autocannon, in this process) against servers in their own processes: a bare
 *     Fastify hello-world (the ceiling), GET /api/health and an authenticated GET /api/units of the real
 *     app on PGlite — and on PostgreSQL when it is reachable. Target: units ≥ 50 % of the bare ceiling.
 *
 * Prints a table and writes bench/results/latest.json. Options (flags or environment):
 *   --quick               1 s warm-up, 3 s runs, 3 cold starts (a smoke run, not the figures)
 *   --no-pg               skip PostgreSQL            (BENCH_PG=0)
 *   --profile             also profile the app under the units load (node --cpu-prof) and print
 *                         where its CPU time goes (writes bench/results/profiles/)
 *   --profile-only        only the profile (with --profile's output), for looking into a slow route
 *   --strict              exit 1 when a target is missed (a failure to measure always exits 1)
 *   --only=eligibility|registry|scoring|decisions|reports|portal   run that benchmark instead (bench/<name>.ts)
 *   BENCH_DURATION=8 BENCH_WARMUP=2 BENCH_CONNECTIONS=10 BENCH_COLD_RUNS=5
 *   BENCH_PG_URL=postgres://postgres@127.0.0.1:5432/postgres   (admin connection used to create the db)
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { freePort, start, stop, waitFor200, type Started, type Stopped } from './lib/processes';
import { busy, getJson, login, measure, type LoadOptions, type LoadResult } from './lib/load';
import { summarise, type ProfileSummary } from './lib/profile';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const TSX = path.join(ROOT, 'node_modules', '.bin', 'tsx');
const SERVER = 'src/server/main.ts';
/** What `npm start` runs after its prestart, read from package.json so the bench follows any change. */
const START_SCRIPT: string =
  (
    JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
      scripts?: Record<string, string>;
    }
  ).scripts?.start ?? `tsx ${SERVER}`;
/** Cold-start comparison: the TypeScript sources through tsx, or without tsx's wrapper if start uses tsx. */
const COMPARISON: [string, [string, string[]]] = START_SCRIPT.startsWith('tsx ')
  ? [`node --import tsx ${SERVER}`, [process.execPath, ['--import', 'tsx', SERVER]]]
  : [`tsx ${SERVER}`, [TSX, [SERVER]]];
function startCommand(): [string, string[]] {
  if (/[&|;$<>`'"]/.test(START_SCRIPT)) {
    const bin = path.join(ROOT, 'node_modules', '.bin');
    return ['sh', ['-c', `PATH="${bin}:$PATH" exec ${START_SCRIPT}`]];
  }
  // `exec node …` (so that npm's sh hands its signals straight to the server) spawns the same command.
  const [bin = 'tsx', ...rest] = START_SCRIPT.trim()
    .replace(/^exec\s+/, '')
    .split(/\s+/);
  if (bin === 'node') return [process.execPath, rest];
  const local = path.join(ROOT, 'node_modules', '.bin', bin);
  return [fs.existsSync(local) ? local : bin, rest];
}
const RESULTS = path.join(ROOT, 'bench', 'results');

const args = new Set(process.argv.slice(2));
const quick = args.has('--quick');
const num = (name: string, fallback: number) => {
  const v = process.env[name];
  const n = v === undefined || v === '' ? fallback : Number(v);
  if (!Number.isFinite(n) || n < 0) throw new Error(`${name} must be a non-negative number`);
  return n;
};
const load: LoadOptions = {
  connections: num('BENCH_CONNECTIONS', 10),
  warmupSeconds: num('BENCH_WARMUP', quick ? 1 : 2),
  durationSeconds: num('BENCH_DURATION', quick ? 3 : 8),
};
const COLD_RUNS = num('BENCH_COLD_RUNS', quick ? 3 : 5);
const WITH_PG = !args.has('--no-pg') && process.env.BENCH_PG !== '0';
const PROFILE_ONLY = args.has('--profile-only');
const PROFILE = args.has('--profile') || PROFILE_ONLY;
const STRICT = args.has('--strict');
const PG_ADMIN_URL = process.env.BENCH_PG_URL || 'postgres://postgres@127.0.0.1:5432/postgres';

const COLD_TARGET_MS = 3000;
const RATIO_TARGET = 0.5;
const DEMO_USER = 'admin';
const DEMO_PASSWORD = 'VinhDanh2020';

// ---------------------------------------------------------------------------------------------- helpers

const log = (msg: string) => console.log(`  · ${msg}`);
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};
const fmtMs = (ms: number) => `${Math.round(ms).toLocaleString('en-US')} ms`;
const fmtRps = (n: number) => Math.round(n).toLocaleString('en-US');
const verdict = (ok: boolean) => (ok ? 'PASS' : 'FAIL');

function table(rows: string[][]) {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length)));
  const line = (r: string[]) =>
    '  ' + r.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('   ');
  console.log(line(rows[0]!));
  console.log('  ' + widths.map((w) => '─'.repeat(w)).join('   '));
  for (const r of rows.slice(1)) console.log(line(r));
}

function serverEnv(extra: Record<string, string>): Record<string, string> {
  // Only what the bench sets; the rest of the environment is inherited, minus anything that would point
  // the server at another database or change its mode.
  return { LOG_LEVEL: 'warn', DATABASE_URL: '', VINHDANH_MODE: '', NODE_ENV: '', ...extra };
}

/** The server's own start-up figure (`Khởi động trong: N ms`, from opening the database to listening). */
function reportedStartup(output: string): number | null {
  const m = /Khởi động trong:\s+(\d+) ms/.exec(output);
  return m ? Number(m[1]) : null;
}

/**
 * The stop was clean: nothing had to be killed, the process exited 0 and PGlite's lock file is gone (it is
 * removed only when the server exits through its own code). `npm` itself dies of the SIGTERM it passes
 * on, so for `npm start` only the server's side is checked.
 */
function assertClean(what: string, stopped: Stopped, dataDir?: string, leaderIsNpm = false) {
  const problems: string[] = [];
  if (stopped.killed) problems.push('had to be killed');
  if (stopped.stragglers) problems.push(`${stopped.stragglers} process(es) did not follow the SIGTERM`);
  const npmBySignal = leaderIsNpm && stopped.code === null && stopped.signal === 'SIGTERM';
  if (stopped.code !== 0 && !npmBySignal) problems.push(`exit code ${stopped.code ?? stopped.signal}`);
  if (dataDir && fs.existsSync(path.join(dataDir, 'vinhdanh.lock')))
    problems.push('left its PGlite lock file (not closed cleanly)');
  if (problems.length) throw new Error(`${what}: ${problems.join(', ')}`);
}

async function startServer(command: string, argv: string[], env: Record<string, string>) {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const t0 = performance.now();
  const child = start(command, argv, serverEnv({ ...env, PORT: String(port) }), ROOT);
  let ms: number;
  try {
    ms = await waitFor200(`${base}/api/health`, child, t0, { intervalMs: 20, timeoutMs: 180_000 });
  } catch (err) {
    await stop(child, { group: true });
    throw err;
  }
  return { child, base, ms };
}

// Anything we started is stopped on the way out, whatever happens.
const running = new Set<Started>();
const cleanups: (() => Promise<void>)[] = [];
async function cleanup() {
  for (const child of running) await stop(child, { group: true }).catch(() => undefined);
  running.clear();
  for (const fn of cleanups.splice(0).reverse())
    await fn().catch((e) => console.error(`cleanup: ${String(e)}`));
}
for (const sig of ['SIGINT', 'SIGTERM'] as const) {
  process.once(sig, () => {
    console.error(`\n${sig}: stopping servers…`);
    void cleanup().then(() => process.exit(130));
  });
}

async function stopTracked(child: Started, group = false) {
  const s = await stop(child, { group });
  running.delete(child);
  return s;
}

function tmpDir(prefix: string) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  cleanups.push(async () => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}

// ------------------------------------------------------------------------------------------- cold start

interface ColdRun {
  via: 'start script' | 'npm start' | 'comparison';
  toFirst200Ms: number;
  serverReportedMs: number | null;
  shutdownMs: number;
}

async function coldStart(): Promise<{ runs: ColdRun[]; prepareMs: number; npmError?: string }> {
  console.log('\n▶ Cold start on an existing PGlite data directory');
  // `npm start` = prestart (builds what is missing or stale: the web app, the server bundle) + start. One
  // untimed prestart first, so that the timed runs measure starts, not one-time builds.
  const t0 = performance.now();
  const pre = start('npm', ['run', '--silent', 'prestart', '--if-present'], {}, ROOT);
  const { code: preCode } = await pre.exited;
  if (preCode !== 0) throw new Error(`npm run prestart exited ${preCode}:\n${pre.output().slice(-1500)}`);
  log(`prestart done (${fmtMs(performance.now() - t0)}); start script: ${START_SCRIPT}`);
  const dataDir = tmpDir('vd-bench-cold-');
  const prep = await startServer(...startCommand(), { VINHDANH_DATA_DIR: dataDir });
  running.add(prep.child);
  assertClean('preparing run', await stopTracked(prep.child), dataDir);
  log(`data directory prepared (first start, with the demo seed: ${fmtMs(prep.ms)})`);

  const runs: ColdRun[] = [];
  const once = async (via: ColdRun['via']) => {
    const [cmd, argv] =
      via === 'start script'
        ? startCommand()
        : via === 'npm start'
          ? ['npm', ['start', '--silent']]
          : COMPARISON[1];
    const s = await startServer(cmd, argv, { VINHDANH_DATA_DIR: dataDir });
    running.add(s.child);
    const reported = reportedStartup(s.child.output());
    // npm passes SIGTERM to its `sh -c`, which dies of it and leaves tsx and the server running: stop
    // `npm start` the way a terminal or systemd does, by signalling its whole process group.
    const stopped = await stopTracked(s.child, via === 'npm start');
    assertClean(`cold start via ${via}`, stopped, dataDir, via === 'npm start');
    runs.push({ via, toFirst200Ms: s.ms, serverReportedMs: reported, shutdownMs: stopped.ms });
    log(
      `${(via === 'comparison' ? COMPARISON[0] : via).padEnd(16)} first 200 after ${fmtMs(s.ms)} (server says ${reported ?? '?'} ms after its modules loaded); SIGTERM → exit ${fmtMs(stopped.ms)}`,
    );
  };
  // Interleaved with the comparison (no target: the server run another way, see COMPARISON), so that a
  // burst of other work on the machine does not land on one of them only.
  for (let i = 0; i < COLD_RUNS; i++) {
    await once('start script');
    if (i < 3) await once('comparison');
  }

  // Once through `npm start` itself (its prestart now only checks that nothing needs building).
  let npmError: string | undefined;
  try {
    await once('npm start');
  } catch (err) {
    npmError = (err instanceof Error ? err.message : String(err)).split('\n').slice(0, 12).join('\n');
    log(`npm start: could not measure — ${npmError}`);
  }
  return { runs, prepareMs: prep.ms, npmError };
}

// ------------------------------------------------------------------------------------------- throughput

interface EngineFigures {
  engine: 'pglite' | 'postgres';
  /** Diagnostic: GET /api/units with no session — the whole app stack (helmet, hooks, guard, error
   *  handler) answering 401 without touching the database. Tells stack cost from database cost. */
  noDb?: LoadResult;
  /** SIGTERM to exit, after the load (used to place the load period in a CPU profile). */
  shutdownMs?: number;
  /** SIGTERM sent while the route is under load: a clean exit (0) with the database closed. */
  stopUnderLoad?: { exitCode: number | null; ms: number; lockLeft: boolean; pass: boolean };
  health: LoadResult;
  units: LoadResult;
  unitCount: number;
}

async function bare(): Promise<LoadResult> {
  console.log('\n▶ Bare Fastify hello-world (the ceiling)');
  const port = await freePort();
  const child = start(TSX, ['bench/bare-fastify.ts'], { PORT: String(port) }, ROOT);
  running.add(child);
  const url = `http://127.0.0.1:${port}/`;
  await waitFor200(url, child, performance.now());
  const r = await measure(url, load);
  assertClean('bare server', await stopTracked(child));
  log(`${fmtRps(r.requestsPerSecond)} req/s`);
  return r;
}

async function appFigures(
  engine: EngineFigures['engine'],
  env: Record<string, string>,
  profileDir?: string,
): Promise<EngineFigures> {
  const [cmd, argv] = profileDir
    ? [process.execPath, ['--cpu-prof', `--cpu-prof-dir=${profileDir}`, '--import', 'tsx', SERVER]]
    : startCommand();
  const s = await startServer(cmd, argv, env);
  running.add(s.child);
  log(`server up on ${engine} with fresh demo data (${fmtMs(s.ms)})`);
  try {
    const cookie = await login(s.base, DEMO_USER, DEMO_PASSWORD);
    const units = (await getJson(`${s.base}/api/units`, { cookie })) as unknown[];
    if (!Array.isArray(units) || units.length === 0)
      throw new Error('GET /api/units returned no units for admin');
    const health = profileDir ? null : await measure(`${s.base}/api/health`, load);
    if (health) log(`GET /api/health  ${fmtRps(health.requestsPerSecond)} req/s`);
    const noDb = profileDir || engine !== 'pglite' ? undefined : await measure(`${s.base}/api/units`, load);
    if (noDb)
      log(`GET /api/units without a session (401, no database) ${fmtRps(noDb.requestsPerSecond)} req/s`);
    const unitsLoad = await measure(`${s.base}/api/units`, load, { cookie });
    log(
      `GET /api/units   ${fmtRps(unitsLoad.requestsPerSecond)} req/s (${units.length} units, as ${DEMO_USER})`,
    );
    const figures: EngineFigures = {
      engine,
      health: health ?? unitsLoad,
      units: unitsLoad,
      unitCount: units.length,
      ...(noDb ? { noDb } : {}),
    };
    if (profileDir) {
      const stopped = await stopTracked(s.child);
      assertClean(`app on ${engine}`, stopped, env.VINHDANH_DATA_DIR);
      figures.shutdownMs = stopped.ms;
      return figures;
    }
    // SIGTERM while the server is busy: it must drain and close its database (PGlite: lock file gone).
    const during = busy(`${s.base}/api/units`, load.connections, 3, { cookie });
    await new Promise((r) => setTimeout(r, 1500));
    const stopped = await stopTracked(s.child);
    await during.catch(() => undefined);
    const lockLeft = env.VINHDANH_DATA_DIR
      ? fs.existsSync(path.join(env.VINHDANH_DATA_DIR, 'vinhdanh.lock'))
      : false;
    figures.stopUnderLoad = {
      exitCode: stopped.code,
      ms: stopped.ms,
      lockLeft,
      pass: stopped.code === 0 && !stopped.killed && !lockLeft,
    };
    log(
      `SIGTERM under load: exit ${stopped.code ?? stopped.signal} after ${fmtMs(stopped.ms)}` +
        (env.VINHDANH_DATA_DIR ? `, PGlite lock ${lockLeft ? 'LEFT BEHIND (not closed)' : 'released'}` : ''),
    );
    return figures;
  } finally {
    if (running.has(s.child)) await stopTracked(s.child);
  }
}

async function onPostgres(): Promise<EngineFigures | { skipped: string }> {
  console.log('\n▶ The app on PostgreSQL');
  const admin = new pg.Client({ connectionString: PG_ADMIN_URL, connectionTimeoutMillis: 3000 });
  try {
    await admin.connect();
  } catch (err) {
    const why = `PostgreSQL not reachable at ${PG_ADMIN_URL.replace(/:[^:@/]*@/, ':***@')} (${(err as Error).message})`;
    log(`skipped: ${why}`);
    return { skipped: why };
  }
  const db = `vd_bench_${randomBytes(4).toString('hex')}`;
  await admin.query(`CREATE DATABASE ${db}`);
  const drop = async () => {
    await admin.query(`DROP DATABASE IF EXISTS ${db} WITH (FORCE)`);
    await admin.end();
  };
  cleanups.push(drop);
  const url = new URL(PG_ADMIN_URL);
  url.pathname = `/${db}`;
  const version = (await admin.query<{ server_version: string }>('SHOW server_version')).rows[0]
    ?.server_version;
  log(`database ${db} created (PostgreSQL ${version ?? '?'}); dropped at the end`);
  return appFigures('postgres', { DATABASE_URL: url.toString() });
}

async function profileUnits(): Promise<ProfileSummary> {
  console.log('\n▶ CPU profile of the app under the GET /api/units load (PGlite)');
  const dir = path.join(RESULTS, 'profiles');
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const figures = await appFigures('pglite', { VINHDANH_DATA_DIR: tmpDir('vd-bench-prof-') }, dir);
  const file = fs.readdirSync(dir).find((f) => f.endsWith('.cpuprofile'));
  if (!file) throw new Error('the server wrote no .cpuprofile');
  // Only the measured load: it ended just before SIGTERM; leave a little margin on both sides.
  const end = (figures.shutdownMs ?? 0) + 300;
  return summarise(path.join(dir, file), {
    fromEndMs: end + load.durationSeconds * 1000 - 600,
    toEndMs: end,
  });
}

function printProfile(profile: ProfileSummary) {
  console.log(
    `\n══ Where the server's CPU goes under GET /api/units (PGlite) — ${path.relative(ROOT, profile.file)} ══`,
  );
  const w = profile.window
    ? ` in the load window ${(profile.window.fromMs / 1000).toFixed(1)}–${(profile.window.toMs / 1000).toFixed(1)} s of the profile`
    : '';
  console.log(`  busy ${fmtMs(profile.busyMs)}, idle ${fmtMs(profile.idleMs)}${w}; self time by place:`);
  table([
    ['place', 'ms', 'share'],
    ...profile.byPlace.map((l) => [l.name, l.ms.toFixed(0), `${(l.share * 100).toFixed(1)} %`]),
  ]);
  console.log('\n  top functions by self time:');
  table([
    ['function — place:line', 'ms', 'share'],
    ...profile.byFunction.map((l) => [l.name, l.ms.toFixed(0), `${(l.share * 100).toFixed(1)} %`]),
  ]);
  console.log('\n  our own functions, callees included (share of busy time):');
  table([
    ['function — place:line', 'ms', 'share'],
    ...profile.appInclusive.map((l) => [l.name, l.ms.toFixed(0), `${(l.share * 100).toFixed(1)} %`]),
  ]);
}

// ------------------------------------------------------------------------------------------------- main

async function main() {
  const began = performance.now();
  const loadBefore = os.loadavg();
  console.log(
    `VinhDanh bench — node ${process.version}, ${os.cpus().length} CPU(s) ${os.cpus()[0]?.model ?? ''}\n` +
      `load: autocannon in this process, ${load.connections} connections, ${load.warmupSeconds} s warm-up + ${load.durationSeconds} s measured per route`,
  );

  if (PROFILE_ONLY) {
    printProfile(await profileUnits());
    return true;
  }
  const cold = await coldStart();
  const ceiling = await bare();
  console.log('\n▶ The app on PGlite');
  const engines: EngineFigures[] = [
    await appFigures('pglite', { VINHDANH_DATA_DIR: tmpDir('vd-bench-load-') }),
  ];
  let pgSkipped: string | undefined;
  if (WITH_PG) {
    const r = await onPostgres();
    if ('skipped' in r) pgSkipped = r.skipped;
    else engines.push(r);
  } else pgSkipped = 'not requested (--no-pg)';
  const profile = PROFILE ? await profileUnits() : undefined;

  // ---- report
  const tsxRuns = cold.runs.filter((r) => r.via === 'start script').map((r) => r.toFirst200Ms);
  const npmRun = cold.runs.find((r) => r.via === 'npm start');
  const nodeRuns = cold.runs.filter((r) => r.via === 'comparison').map((r) => r.toFirst200Ms);
  const coldMedian = median(tsxRuns);
  const coldOk = coldMedian < COLD_TARGET_MS && npmRun !== undefined && npmRun.toFirst200Ms < COLD_TARGET_MS;

  console.log('\n══ Cold start to first 200 from /api/health (existing PGlite directory) ══');
  table([
    ['run', 'min', 'median', 'max', 'target', ''],
    [
      `${START_SCRIPT} ×${tsxRuns.length}`,
      fmtMs(Math.min(...tsxRuns)),
      fmtMs(coldMedian),
      fmtMs(Math.max(...tsxRuns)),
      '< 3,000 ms',
      verdict(coldMedian < COLD_TARGET_MS),
    ],
    ...(npmRun
      ? [
          [
            'npm start ×1 (with prestart)',
            '',
            fmtMs(npmRun.toFirst200Ms),
            '',
            '< 3,000 ms',
            verdict(npmRun.toFirst200Ms < COLD_TARGET_MS),
          ],
        ]
      : [['npm start ×1 (with prestart)', '', 'error', '', '< 3,000 ms', 'FAIL']]),
    ...(nodeRuns.length
      ? [
          [
            `${COMPARISON[0]} ×${nodeRuns.length} ²`,
            fmtMs(Math.min(...nodeRuns)),
            fmtMs(median(nodeRuns)),
            fmtMs(Math.max(...nodeRuns)),
            '',
            '',
          ],
        ]
      : []),
  ]);
  if (nodeRuns.length) {
    console.log('  ² comparison, no target: the same server started another way.');
  }
  const reported = cold.runs
    .filter((r) => r.via === 'start script')
    .map((r) => r.serverReportedMs)
    .filter((x): x is number => x !== null);
  if (reported.length) {
    console.log(
      `  of which, by the server's own clock (database open + migrations + app build + listen): median ${fmtMs(median(reported))};` +
        ` the rest is process start and module loading/transpiling.`,
    );
  }

  console.log(
    `\n══ Requests per second (${load.connections} connections, ${load.durationSeconds} s after ${load.warmupSeconds} s warm-up) ══`,
  );
  const rows: string[][] = [['route', 'req/s', 'p50', 'p99', 'non-2xx', 'vs bare', 'target', '']];
  rows.push([
    'bare Fastify hello-world',
    fmtRps(ceiling.requestsPerSecond),
    `${ceiling.latencyP50Ms} ms`,
    `${ceiling.latencyP99Ms} ms`,
    String(ceiling.non2xx + ceiling.errors),
    '1.00',
    '',
    '',
  ]);
  const ratios: Record<string, { health: number; units: number; healthOk: boolean; unitsOk: boolean }> = {};
  for (const e of engines) {
    const health = e.health.requestsPerSecond / ceiling.requestsPerSecond;
    const units = e.units.requestsPerSecond / ceiling.requestsPerSecond;
    const healthOk = health >= RATIO_TARGET && e.health.non2xx + e.health.errors === 0;
    const unitsOk = units >= RATIO_TARGET && e.units.non2xx + e.units.errors === 0;
    ratios[e.engine] = { health, units, healthOk, unitsOk };
    const row = (name: string, r: LoadResult, ratio: number, ok: boolean) => [
      name,
      fmtRps(r.requestsPerSecond),
      `${r.latencyP50Ms} ms`,
      `${r.latencyP99Ms} ms`,
      String(r.non2xx + r.errors),
      ratio.toFixed(2),
      '≥ 0.50',
      verdict(ok),
    ];
    if (e.noDb) {
      const r = e.noDb;
      rows.push([
        `${e.engine}: GET /api/units, no session → 401 ¹`,
        fmtRps(r.requestsPerSecond),
        `${r.latencyP50Ms} ms`,
        `${r.latencyP99Ms} ms`,
        `${r.non2xx} ¹`,
        (r.requestsPerSecond / ceiling.requestsPerSecond).toFixed(2),
        '',
        '',
      ]);
    }
    rows.push(row(`${e.engine}: GET /api/health`, e.health, health, healthOk));
    rows.push(row(`${e.engine}: GET /api/units (admin, ${e.unitCount})`, e.units, units, unitsOk));
  }
  table(rows);
  if (engines.some((e) => e.noDb)) {
    console.log(
      '  ¹ diagnostic, no target: the full app stack (helmet, hooks, session guard, error handler) refusing with 401',
    );
    console.log(
      '    before any database work — the gap between this row and the ones below is the database path.',
    );
  }
  if (pgSkipped) console.log(`  PostgreSQL: ${pgSkipped}`);

  const stops = engines.filter((e) => e.stopUnderLoad);
  if (stops.length) {
    console.log(`\n══ Graceful stop: SIGTERM to \`${START_SCRIPT}\` while GET /api/units is under load ══`);
    table([
      ['engine', 'exit code', 'SIGTERM → gone', 'database closed', ''],
      ...stops.map((e) => [
        e.engine,
        String(e.stopUnderLoad!.exitCode),
        fmtMs(e.stopUnderLoad!.ms),
        e.engine === 'pglite' ? (e.stopUnderLoad!.lockLeft ? 'no (lock file left)' : 'yes') : '—',
        verdict(e.stopUnderLoad!.pass),
      ]),
    ]);
  }

  if (profile) printProfile(profile);

  const allOk =
    coldOk &&
    Object.values(ratios).every((r) => r.unitsOk && r.healthOk) &&
    stops.every((e) => e.stopUnderLoad!.pass);
  const unitsPg = ratios.pglite;
  console.log(
    `\nRatio authenticated GET /api/units ÷ bare hello-world: ${unitsPg ? unitsPg.units.toFixed(2) : '?'} on PGlite` +
      (ratios.postgres ? `, ${ratios.postgres.units.toFixed(2)} on PostgreSQL` : '') +
      ` (target ≥ ${RATIO_TARGET.toFixed(2)}). Cold start median ${fmtMs(coldMedian)} (target < 3,000 ms).`,
  );
  const elapsed = (performance.now() - began) / 1000;
  const loadAfter = os.loadavg();
  const busy = Math.max(loadBefore[0]!, loadAfter[0]!) > os.cpus().length * 0.75;
  console.log(
    `Machine load average (1 min) ${loadBefore[0]!.toFixed(1)} before, ${loadAfter[0]!.toFixed(1)} after, on ${os.cpus().length} CPUs` +
      (busy
        ? ' — other work was running: absolute figures are depressed; compare ratios, or rerun on a quiet machine.'
        : '.'),
  );
  console.log(`${allOk ? 'All targets met.' : 'Some targets missed.'} Bench took ${elapsed.toFixed(0)} s.`);

  fs.mkdirSync(RESULTS, { recursive: true });
  const out = {
    when: new Date().toISOString(),
    machine: {
      node: process.version,
      cpus: os.cpus().length,
      cpuModel: os.cpus()[0]?.model,
      platform: `${os.platform()} ${os.release()}`,
      loadAverage1mBefore: loadBefore[0],
      loadAverage1mAfter: loadAfter[0],
    },
    settings: { ...load, coldRuns: COLD_RUNS, quick },
    coldStart: {
      targetMs: COLD_TARGET_MS,
      startScript: {
        command: START_SCRIPT,
        minMs: Math.min(...tsxRuns),
        medianMs: coldMedian,
        maxMs: Math.max(...tsxRuns),
        pass: coldMedian < COLD_TARGET_MS,
      },
      comparison: nodeRuns.length
        ? {
            command: COMPARISON[0],
            minMs: Math.min(...nodeRuns),
            medianMs: median(nodeRuns),
            maxMs: Math.max(...nodeRuns),
          }
        : null,
      npmStart: npmRun
        ? { ms: npmRun.toFirst200Ms, pass: npmRun.toFirst200Ms < COLD_TARGET_MS }
        : { error: cold.npmError ?? 'not run', pass: false },
      prepareFirstStartMs: cold.prepareMs,
      runs: cold.runs,
    },
    throughput: {
      bare: ceiling,
      engines,
      ratios,
      ratioTarget: RATIO_TARGET,
      postgresSkipped: pgSkipped ?? null,
    },
    profile: profile ?? null,
    allTargetsMet: allOk,
    elapsedSeconds: elapsed,
  };
  fs.writeFileSync(path.join(RESULTS, 'latest.json'), JSON.stringify(out, null, 2) + '\n');
  console.log(`Results written to ${path.relative(ROOT, path.join(RESULTS, 'latest.json'))}`);
  return allOk;
}

/**
 * `npm run bench -- --only=eligibility|registry|scoring|decisions` runs that benchmark instead (each is also
 * its own script: bench:eligibility, bench:registry, bench:scoring); other flags are passed on.
 */
const only = [...args].find((a) => a.startsWith('--only='))?.slice('--only='.length);
const OTHER_BENCHES: Record<string, string> = {
  eligibility: 'bench/eligibility.ts',
  registry: 'bench/registry.ts',
  scoring: 'bench/scoring.ts',
  decisions: 'bench/decisions.ts',
  reports: 'bench/reports.ts',
  portal: 'bench/portal.ts',
};
if (only && OTHER_BENCHES[only]) {
  const { spawnSync } = await import('node:child_process');
  const rest = [...args].filter((a) => !a.startsWith('--only='));
  const r = spawnSync(process.execPath, ['--import', 'tsx', path.join(ROOT, OTHER_BENCHES[only]), ...rest], {
    cwd: ROOT,
    stdio: 'inherit',
  });
  process.exit(r.status ?? 1);
}

main()
  .then(async (ok) => {
    await cleanup();
    process.exit(!ok && STRICT ? 1 : 0);
  })
  .catch(async (err) => {
    console.error(`\n✖ bench failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
    await cleanup();
    process.exit(1);
  });
