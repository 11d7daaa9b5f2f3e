/**
 * PGlite's shared buffers (decision 047): 32 MB unless VINHDANH_PGLITE_SHARED_BUFFERS says otherwise. And
 * closing a PostgreSQL database waits until its connections are gone.
 */
import { describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import net from 'node:net';
import { loadConfig } from '../config';
import { createServerDatabase, engine, openTestDatabase } from '../../testing/harness';
import { openDatabase, PGLITE_SHARED_BUFFERS, type Database } from './database';

const sharedBuffers = async (database: Database) =>
  (await database.rows<{ shared_buffers: string }>(sql`show shared_buffers`))[0]?.shared_buffers;

describe('PGlite shared buffers', () => {
  it('reads VINHDANH_PGLITE_SHARED_BUFFERS and refuses a malformed size with a Vietnamese message', () => {
    expect(loadConfig({}).pgliteSharedBuffers).toBeUndefined();
    expect(loadConfig({ VINHDANH_PGLITE_SHARED_BUFFERS: '64MB' }).pgliteSharedBuffers).toBe('64MB');
    for (const bad of ['64', '64 MB', '0MB', '-1MB', '1TB', 'abc'])
      expect(() => loadConfig({ VINHDANH_PGLITE_SHARED_BUFFERS: bad })).toThrow(
        /Biến môi trường VINHDANH_PGLITE_SHARED_BUFFERS không hợp lệ/,
      );
  });

  it.runIf(engine === 'pglite')('opens PGlite with 32 MB, or the size asked for', async () => {
    expect(PGLITE_SHARED_BUFFERS).toBe('32MB');
    const usual = await openTestDatabase();
    try {
      expect(await sharedBuffers(usual)).toBe('32MB');
    } finally {
      await usual.close();
    }
    const asked = await openDatabase({ dataDir: 'memory://', migrate: false, pgliteSharedBuffers: '16MB' });
    try {
      expect(await sharedBuffers(asked)).toBe('16MB');
    } finally {
      await asked.close();
    }
  });
});

describe.runIf(engine === 'postgres')('closing a PostgreSQL database', () => {
  it('returns only once every connection of its pool has ended', async () => {
    const created = await createServerDatabase(process.env.TEST_DATABASE_URL!);
    const target = new URL(created.url);
    // A loopback relay that passes the server's end of a connection on 300 ms late, as a slow network
    // would: the pool's sockets stay open that long after the pool has asked them to end.
    const open = new Set<net.Socket>();
    const relay = net.createServer((down) => {
      open.add(down);
      down.on('close', () => open.delete(down));
      const up = net.connect(Number(target.port || 5432), target.hostname);
      down.pipe(up);
      up.on('data', (chunk) => down.write(chunk));
      up.on('end', () => setTimeout(() => down.end(), 300));
      up.on('error', () => down.destroy());
      down.on('error', () => up.destroy());
    });
    await new Promise<void>((done) => relay.listen(0, '127.0.0.1', done));
    const url = new URL(created.url);
    url.hostname = '127.0.0.1';
    url.port = String((relay.address() as net.AddressInfo).port);
    try {
      const database = await openDatabase({ url: url.toString(), poolSize: 4, migrate: false });
      // Four at once: the pool opens four connections.
      await Promise.all([1, 2, 3, 4].map(() => database.rows(sql`select pg_sleep(0.05)`)));
      expect(open.size).toBe(4);
      await database.close();
      // The relay's own close event comes a turn of the event loop after its last byte; without waiting
      // for the connections, close() returned 300 ms early with all four still open.
      await new Promise((done) => setImmediate(done));
      expect(open.size).toBe(0);
    } finally {
      await new Promise((done) => relay.close(done));
      await created.drop();
    }
  });
});
