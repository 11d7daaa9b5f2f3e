/**
 * PGlite's shared buffers (decision 047): 32 MB unless VINHDANH_PGLITE_SHARED_BUFFERS says otherwise.
 */
import { describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { loadConfig } from '../config';
import { engine, openTestDatabase } from '../../testing/harness';
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
