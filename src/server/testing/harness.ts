/**
 * Test harness for the medium tier (real database): PGlite in process by default, a PostgreSQL server
 * when TEST_DATABASE_URL is set. Each test file gets its own database (a fresh PGlite, or a fresh
 * database on the server, dropped at the end) and resets it between tests with `reset()`.
 */
import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import type { PGlite } from '@electric-sql/pglite';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { openDatabase, type Database } from '../platform/db/database';
import { testConfig, type Config } from '../platform/config';
import type { Clock } from '../platform/clock';
import type { RouteAccess } from '../platform/http';
import { buildApp } from '../app';
import { seedDemo, DEMO_PASSWORD, type SeedDemoOptions } from '../seed/demo';

export const engine: 'pglite' | 'postgres' = process.env.TEST_DATABASE_URL ? 'postgres' : 'pglite';

export interface TestDatabase extends Database {
  /** Empty every table (the audit log included) so the next test starts clean. */
  reset(): Promise<void>;
  url?: string;
}

/** A URL for a brand-new database on the TEST_DATABASE_URL server. */
export async function createServerDatabase(
  baseUrl: string,
): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `vd_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const c = new pg.Client({ connectionString: baseUrl });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

/**
 * A migrated PGlite data directory, made once per test worker (vitest runs a worker's files in one process,
 * decision 045): a fresh PGlite plus the migrations takes ~1.4 s, loading this image ~0.3 s.
 */
let migratedPglite: Promise<Blob> | undefined;
async function openPgliteFromTemplate(): Promise<Database> {
  migratedPglite ??= (async () => {
    const first = await openDatabase({ dataDir: 'memory://' });
    try {
      return await (first.db as unknown as { $client: PGlite }).$client.dumpDataDir('none');
    } finally {
      await first.close();
    }
  })();
  // Migrations still run (nothing pending: a check of the journal), so a stale image could not hide one.
  return openDatabase({ dataDir: 'memory://', loadDataDir: await migratedPglite });
}

export async function openTestDatabase(): Promise<TestDatabase> {
  let database: Database;
  let drop: (() => Promise<void>) | undefined;
  let url: string | undefined;
  if (process.env.TEST_DATABASE_URL) {
    const created = await createServerDatabase(process.env.TEST_DATABASE_URL);
    url = created.url;
    drop = created.drop;
    database = await openDatabase({ url, poolSize: 4 });
  } else {
    database = await openPgliteFromTemplate();
  }
  return {
    ...database,
    url,
    async reset() {
      const tables = await database.rows<{ tablename: string }>(
        sql`select tablename from pg_tables where schemaname = 'public'`,
      );
      const names = tables.map((t) => `"${t.tablename}"`).join(', ');
      await database.db.transaction(async (tx) => {
        await tx.execute(sql`alter table audit_log disable trigger user`);
        await tx.execute(sql.raw(`truncate ${names} restart identity cascade`));
        await tx.execute(sql`alter table audit_log enable trigger user`);
      });
    },
    async close() {
      await database.close();
      await drop?.();
    },
  };
}

/** A clock tests can move. */
export function testClock(start = new Date('2026-03-02T08:00:00+07:00')) {
  let now = start.getTime();
  const clock: Clock = () => new Date(now);
  return {
    clock,
    advance(ms: number) {
      now += ms;
    },
    set(date: Date) {
      now = date.getTime();
    },
  };
}

export interface TestApp {
  sut: FastifyInstance;
  database: TestDatabase;
  config: Config;
  time: ReturnType<typeof testClock>;
  routes: RouteAccess[];
  /**
   * Reset the database and seed the demo: by default the small demo (11 units, one user per role, the 2020
   * block); `{ registry: true }` adds the whole demo registry (people, evaluations, awards…), which is slower.
   */
  seed(options?: SeedDemoOptions): Promise<void>;
  login(username: string, password?: string): Promise<Session>;
  close(): Promise<void>;
}

export interface Session {
  cookie: string;
  csrf: string;
  user: { id: string; unitId: string; role: string };
  request(
    method: string,
    url: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<LightMyRequestResponse>;
  /** POST one file as multipart/form-data (field "file"). */
  upload(url: string, filename: string, content: Buffer | string): Promise<LightMyRequestResponse>;
}

export async function createTestApp(overrides: Partial<Config> = {}): Promise<TestApp> {
  const database = await openTestDatabase();
  const config = testConfig(overrides);
  const time = testClock();
  const routes: RouteAccess[] = [];
  const sut = await buildApp({ database, config, clock: time.clock, routeAccess: routes });
  await sut.ready();

  async function login(username: string, password = DEMO_PASSWORD): Promise<Session> {
    const res = await sut.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
    if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
    const cookie = res.cookies.find((c) => c.name === 'vd_session')!.value;
    const me = res.json() as { csrfToken: string; id: string; unitId: string; role: string };
    return {
      cookie,
      csrf: me.csrfToken,
      user: { id: me.id, unitId: me.unitId, role: me.role },
      request: (method, url, body, headers = {}) =>
        sut.inject({
          method: method as 'GET',
          url,
          cookies: { vd_session: cookie },
          headers: { 'x-csrf-token': me.csrfToken, ...headers },
          ...(body === undefined ? {} : { payload: body as object }),
        }),
      upload: (url, filename, content) => {
        const form = multipartFile(filename, content);
        return sut.inject({
          method: 'POST',
          url,
          cookies: { vd_session: cookie },
          headers: { 'x-csrf-token': me.csrfToken, ...form.headers },
          payload: form.payload,
        });
      },
    };
  }

  return {
    sut,
    database,
    config,
    time,
    routes,
    async seed(options: SeedDemoOptions = { registry: false }) {
      await database.reset();
      time.set(new Date('2026-03-02T08:00:00+07:00'));
      await seedDemo(database, time.clock, options);
    },
    login,
    async close() {
      await sut.close();
      await database.close();
    },
  };
}

/** A multipart/form-data body with one file, for upload routes. */
export function multipartFile(filename: string, content: Buffer | string, field = 'file') {
  const boundary = `----vinhdanh${randomBytes(8).toString('hex')}`;
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${filename}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return {
    payload: Buffer.concat([head, Buffer.isBuffer(content) ? content : Buffer.from(content), tail]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}
