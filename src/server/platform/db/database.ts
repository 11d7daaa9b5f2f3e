/**
 * One factory for both engines: embedded PGlite in a data directory (default), or a PostgreSQL server when
 * a connection URL is given. Everything above this file sees the same drizzle database.
 */
import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { sql, type SQL } from 'drizzle-orm';
import pg from 'pg';
import * as schema from './schema';
import { acquireDirLock, type DirLock } from './dir-lock';
import { PROJECT_ROOT } from '../paths';

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
/** A transaction handle has the same query surface as the database. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
export type DbOrTx = Db | Tx;
export type EngineKind = 'pglite' | 'postgres';

export interface Database {
  db: Db;
  kind: EngineKind;
  /** Run a raw statement and get plain rows back (same shape on both engines). */
  rows<T extends Record<string, unknown>>(query: SQL): Promise<T[]>;
  close(): Promise<void>;
}

export const MIGRATIONS_DIR = path.join(PROJECT_ROOT, 'drizzle');

export interface OpenOptions {
  /** postgres://… — when set, PostgreSQL is used and dataDir is ignored. */
  url?: string | undefined;
  /** PGlite data directory; `memory://` for a throw-away database (tests). */
  dataDir?: string | undefined;
  /** Apply pending migrations (default true). */
  migrate?: boolean;
  /** Max pool size for PostgreSQL. */
  poolSize?: number;
  /** PGlite only: start from this data directory image (`dumpDataDir`), e.g. an already migrated one. */
  loadDataDir?: Blob | undefined;
  /** PGlite only: its `shared_buffers` (PostgreSQL units, e.g. `32MB`); default PGLITE_SHARED_BUFFERS. */
  pgliteSharedBuffers?: string | undefined;
}

/** PGlite's shared buffers unless VINHDANH_PGLITE_SHARED_BUFFERS says otherwise (decision 047). */
export const PGLITE_SHARED_BUFFERS = '32MB';

export class DataDirLockedError extends Error {
  constructor(
    readonly dataDir: string,
    readonly pid: number,
  ) {
    super(
      `Thư mục dữ liệu ${dataDir} đang được một tiến trình VinhDanh khác sử dụng (PID ${pid}). ` +
        `Hãy dừng tiến trình đó hoặc đặt VINHDANH_DATA_DIR khác. ` +
        `(The data directory is in use by another VinhDanh process, PID ${pid}.)`,
    );
    this.name = 'DataDirLockedError';
  }
}

async function rowsOf<T>(db: Db, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}

export async function openDatabase(options: OpenOptions): Promise<Database> {
  const doMigrate = options.migrate ?? true;
  if (options.url) {
    const pool = new pg.Pool({ connectionString: options.url, max: options.poolSize ?? 10 });
    // An idle client whose connection the server ends (restart, admin termination, a dropped test
    // database) must not crash the process: the pool replaces it on the next query.
    pool.on('error', (err) => process.emitWarning(`PostgreSQL: kết nối rảnh bị đóng (${err.message})`));
    // `pool.end()` resolves once its clients are asked to end, not once their sockets are closed; `close`
    // waits for those too, so that a caller dropping the database right after does not end live
    // connections (which the pool would report as errors).
    const open = new Set<pg.PoolClient>();
    pool.on('connect', (client) => {
      open.add(client);
      client.once('end', () => open.delete(client));
    });
    const db = drizzlePg(pool, { schema }) as unknown as Db;
    if (doMigrate) {
      // Several processes may start at once against one server: migrate under an advisory lock held on
      // the same connection that runs the migrations.
      const client = await pool.connect();
      try {
        await client.query('SELECT pg_advisory_lock(7362001)');
        await migratePg(drizzlePg(client, { schema }), { migrationsFolder: MIGRATIONS_DIR });
      } finally {
        await client.query('SELECT pg_advisory_unlock(7362001)').catch(() => undefined);
        client.release();
      }
    }
    return {
      db,
      kind: 'postgres',
      rows: (q) => rowsOf(db, q),
      async close() {
        const closing = [...open].map((c) => new Promise<void>((done) => c.once('end', () => done())));
        await pool.end();
        // A peer that never answers the goodbye must not hold the process: at most 5 s.
        let timer: NodeJS.Timeout | undefined;
        await Promise.race([
          Promise.all(closing),
          new Promise<void>((done) => (timer = setTimeout(done, 5000).unref())),
        ]);
        clearTimeout(timer);
      },
    };
  }

  const dataDir = options.dataDir ?? './data';
  const inMemory = dataDir.startsWith('memory://');
  let lock: DirLock | undefined;
  if (!inMemory) {
    fs.mkdirSync(dataDir, { recursive: true });
    const result = acquireDirLock(dataDir);
    if (!result.ok) throw new DataDirLockedError(path.resolve(dataDir), result.pid);
    lock = result.lock;
  }
  let client: PGlite;
  try {
    client = await PGlite.create(inMemory ? undefined : path.join(dataDir, 'pg'), {
      extensions: { unaccent, pg_trgm },
      // PGlite's WebAssembly memory never shrinks, and its shared buffers are touched at start: 32 MB
      // instead of PostgreSQL's 128 MB keeps the process ~75 MB smaller, measured no slower (decision 047).
      startParams: [
        ...PGlite.defaultStartParams,
        '-c',
        `shared_buffers=${options.pgliteSharedBuffers ?? PGLITE_SHARED_BUFFERS}`,
      ],
      ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}),
    });
  } catch (err) {
    lock?.release();
    throw err;
  }
  const db = drizzlePglite(client, { schema }) as unknown as Db;
  if (doMigrate) await migratePglite(drizzlePglite(client, { schema }), { migrationsFolder: MIGRATIONS_DIR });
  let closed = false;
  return {
    db,
    kind: 'pglite',
    rows: (q) => rowsOf(db, q),
    async close() {
      if (closed) return;
      closed = true;
      try {
        await client.close();
      } finally {
        lock?.release();
      }
    },
  };
}

/** Counts come back as numbers from PGlite and as strings from node-postgres: normalise here. */
export function toCount(value: unknown): number {
  if (typeof value === 'number') return value;
  if (typeof value === 'bigint') return Number(value);
  if (typeof value === 'string') return Number.parseInt(value, 10);
  return 0;
}

export async function ping(database: Database): Promise<boolean> {
  const rows = await database.rows<{ ok: unknown }>(sql`select 1 as ok`);
  return toCount(rows[0]?.ok) === 1;
}
