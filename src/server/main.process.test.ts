/**
 * The real `npm start` entry point as a process: one PGlite directory, one process; SIGTERM closes the
 * database cleanly so the next start finds the data intact.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createServer } from 'node:net';
import { acquireDirLock } from './platform/db/dir-lock';
import { createServerDatabase } from './testing/harness';

const root = path.resolve(import.meta.dirname, '../..');
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'vd-main-'));
const children: ChildProcess[] = [];

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const srv = createServer().listen(0, '127.0.0.1', () => {
      const port = (srv.address() as { port: number }).port;
      srv.close(() => resolve(port));
    });
  });
}

function start(port: number, extraEnv: Record<string, string> = {}) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    cwd: root,
    env: {
      ...process.env,
      VINHDANH_DATA_DIR: dataDir,
      PORT: String(port),
      LOG_LEVEL: 'warn',
      DATABASE_URL: '',
      VINHDANH_WEB_DIR: path.join(dataDir, 'no-web'),
      ...extraEnv,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (d) => (stdout += d));
  child.stderr!.on('data', (d) => (stderr += d));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, exited, out: () => stdout, err: () => stderr };
}

/** Starting means tsx, PGlite, migrations and the demo seed: ~6 s here, much more on a busy CI machine. */
async function waitForHealth(port: number, timeoutMs = 120_000) {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    try {
      const res = await fetch(`http://127.0.0.1:${port}/api/health`);
      if (res.status === 200) return (await res.json()) as { database: string };
    } catch {
      /* not yet */
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('server did not become healthy');
}

async function waitFor(done: () => boolean, timeoutMs = 10_000) {
  const until = Date.now() + timeoutMs;
  while (!done() && Date.now() < until) await new Promise((r) => setTimeout(r, 20));
}

afterAll(() => {
  for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('the server process', () => {
  it('refuses a second process on the same PGlite directory, and shuts down cleanly on SIGTERM', async () => {
    const port = await freePort();
    const first = start(port);
    expect((await waitForHealth(port)).database).toBe('pglite');
    // The banner is printed right after listening: its bytes may reach us just after the health answer.
    await waitFor(() => first.out().includes(`http://127.0.0.1:${port}`));
    expect(first.out()).toContain(`http://127.0.0.1:${port}`);
    expect(first.out()).toMatch(/admin\s+Quản trị hệ thống/);
    expect(fs.existsSync(path.join(dataDir, 'vinhdanh.lock'))).toBe(true);

    const second = start(await freePort());
    expect(await second.exited).toBe(2);
    expect(second.err()).toContain('đang được một tiến trình VinhDanh khác sử dụng');
    expect(second.err()).toContain(`PID ${first.child.pid}`);

    first.child.kill('SIGTERM');
    expect(await first.exited).toBe(0);
    expect(fs.existsSync(path.join(dataDir, 'vinhdanh.lock'))).toBe(false);

    // Restart on the same directory: data intact, demo not seeded twice.
    const again = start(port);
    await waitForHealth(port);
    const login = await fetch(`http://127.0.0.1:${port}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password: 'VinhDanh2020' }),
    });
    expect(login.status).toBe(200);
    const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
    const units = (await (
      await fetch(`http://127.0.0.1:${port}/api/units`, { headers: { cookie } })
    ).json()) as unknown[];
    // The full demo: 11 units of the article, 34 sub-units, 4 successors of the 2025 reorganisation.
    expect(units).toHaveLength(49);
    await waitFor(() => again.out().includes('Chế độ / mode'));
    expect(again.out()).toContain('Chế độ / mode:      demo');
    expect(again.out()).not.toContain('vừa tạo dữ liệu mẫu');
    again.child.kill('SIGTERM');
    expect(await again.exited).toBe(0);
  }, 300_000);

  it('takes over a lock left by a process that no longer exists', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vd-lock-'));
    fs.writeFileSync(path.join(dir, 'vinhdanh.lock'), '999999999');
    const result = acquireDirLock(dir);
    expect(result.ok).toBe(true);
    if (result.ok) result.lock.release();
    expect(fs.existsSync(path.join(dir, 'vinhdanh.lock'))).toBe(false);
    // A live owner (this process) blocks.
    fs.writeFileSync(path.join(dir, 'vinhdanh.lock'), String(process.pid));
    expect(acquireDirLock(dir)).toEqual({ ok: false, pid: process.pid });
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it.skipIf(!process.env.TEST_DATABASE_URL)(
    'runs the same app on PostgreSQL when DATABASE_URL is set',
    async () => {
      const db = await createServerDatabase(process.env.TEST_DATABASE_URL!);
      try {
        const port = await freePort();
        const server = start(port, { DATABASE_URL: db.url });
        expect((await waitForHealth(port)).database).toBe('postgres');
        await waitFor(() => server.out().includes('PostgreSQL'));
        expect(server.out()).toContain('PostgreSQL');
        server.child.kill('SIGTERM');
        expect(await server.exited).toBe(0);
      } finally {
        await db.drop();
      }
    },
    300_000,
  );
});
