/**
 * The CLI in process against the test database (PGlite, or PostgreSQL with TEST_DATABASE_URL), plus one
 * spawned smoke test of the real entry point on a temporary PGlite directory.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFile } from 'node:child_process';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { openTestDatabase, testClock, type TestDatabase } from '../server/testing/harness';
import { toCount } from '../server/platform/db/database';
import { acquireDirLock } from '../server/platform/db/dir-lock';
import { verifyPassword } from '../server/platform/passwords';
import { runCli } from './cli';
import type { CliContext } from './context';

describe('cli (in process)', () => {
  let database: TestDatabase;
  const time = testClock();
  let dir: string;

  async function cli(...argv: string[]) {
    const out: string[] = [];
    const err: string[] = [];
    const ctx: CliContext = {
      out: (t) => out.push(t),
      err: (t) => err.push(t),
      env: { VINHDANH_SEED_DEMO: 'false' },
      clock: time.clock,
      // The test owns the database: the command's close() must not end it.
      openDatabase: async () => ({ ...database, close: async () => undefined }),
      describeDatabase: () => 'test database',
    };
    const code = await runCli(argv, ctx);
    return { code, out: out.join('\n'), err: err.join('\n') };
  }

  const count = async (table: string) =>
    toCount(
      (await database.rows<{ n: unknown }>(sql`select count(*) as n from ${sql.identifier(table)}`))[0]?.n,
    );

  beforeAll(async () => {
    database = await openTestDatabase();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vd-cli-'));
  });
  afterAll(async () => {
    await database?.close();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });
  beforeEach(async () => {
    await database.reset();
  });

  it.each([
    [['--help']],
    [['help']],
    [['help', 'backup']],
    [['migrate', '--help']],
    [['seed', '-h']],
    [['user', '--help']],
    [['user', 'create', '--help']],
    [['user', 'list', '--help']],
    [['backup', '--help']],
    [['restore', '--help']],
    [['audit', 'verify', '--help']],
  ])('prints help for %j in Vietnamese then English, exit 0', async (argv) => {
    const r = await cli(...argv);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/Cách dùng \/ Usage:/);
    expect(r.err).toBe('');
  });

  it.each([
    [[], /Cách dùng/],
    [['frobnicate'], /Không có lệnh "frobnicate"/],
    [['seed'], /Hãy chỉ rõ loại dữ liệu cần tạo: --demo/],
    [['backup'], /Thiếu tệp đích: --out/],
    [['backup', '--out'], /Tùy chọn --out cần một giá trị/],
    [['restore'], /Thiếu tệp sao lưu/],
    [['restore', 'a', 'b'], /Đối số không mong đợi: b/],
    [['user', 'create', '--bogus'], /Tùy chọn không được hỗ trợ: --bogus/],
    [['user', 'delete'], /Lệnh con không có: user delete/],
    [['audit', 'verify', '--format', 'xml'], /--format chỉ nhận "text" hoặc "json"/],
    [['seed', '--demo=yes'], /Tùy chọn --demo không nhận giá trị/],
  ])('refuses %j as a usage error (exit 2)', async (argv, message) => {
    const r = await cli(...argv);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
    expect(r.out).toBe('');
  });

  it('migrate reports a current schema', async () => {
    const r = await cli('migrate');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/Lược đồ đã ở phiên bản mới nhất/);
  });

  it('seed --demo seeds an empty database once, then does nothing', async () => {
    const first = await cli('seed', '--demo');
    expect(first).toMatchObject({ code: 0 });
    expect(first.out).toMatch(/Đã tạo dữ liệu mẫu: 49 đơn vị, 351 cán bộ, 6 tài khoản, 4 khối thi đua/);
    expect(await count('users')).toBe(6);
    const again = await cli('seed', '--demo');
    expect(again.code).toBe(0);
    expect(again.out).toMatch(/đã có dữ liệu .*không có gì thay đổi/);
    expect(await count('users')).toBe(6);
  });

  describe('user create', () => {
    beforeEach(async () => {
      await cli('seed', '--demo');
    });

    it('refuses invalid input with the shared schema’s Vietnamese messages (exit 2) and writes nothing', async () => {
      const audit = await count('audit_log');
      const r = await cli(
        'user',
        'create',
        '--username',
        'A B',
        '--role',
        'boss',
        '--display-name',
        '   ',
        '--password',
        'ngan',
      );
      expect(r.code).toBe(2);
      expect(r.err).toContain('--username: Tên đăng nhập gồm 3–50 ký tự');
      expect(r.err).toContain('--role: Vai trò không hợp lệ');
      expect(r.err).toContain('--display-name: Họ và tên không được để trống');
      expect(r.err).toContain('--password: Mật khẩu mới phải có ít nhất 10 ký tự');
      expect(r.err).toContain('--unit: Vui lòng nhập mã đơn vị');
      expect(await count('users')).toBe(6);
      expect(await count('audit_log')).toBe(audit);
    });

    it('refuses an unknown unit code (exit 1)', async () => {
      const r = await cli(
        'user',
        'create',
        '--username',
        'nguyenvana',
        '--role',
        'unit_officer',
        '--unit',
        'KHONG-CO',
        '--display-name',
        'Nguyễn Văn A',
      );
      expect(r.code).toBe(1);
      expect(r.err).toMatch(/Không tìm thấy đơn vị có mã "KHONG-CO"/);
      expect(await count('users')).toBe(6);
    });

    it('creates an audited user with a generated password that must be changed, shown once', async () => {
      const r = await cli(
        'user',
        'create',
        '--username',
        'NguyenVanA',
        '--role',
        'unit_officer',
        '--unit',
        'BL-TTKN',
        '--display-name',
        'Nguyễn Văn A',
      );
      expect(r.code).toBe(0);
      const password = /\(shown once\): (\S+)/.exec(r.out)?.[1];
      expect(password).toBeDefined();
      const [row] = await database.rows<{
        id: string;
        password_hash: string;
        must_change_password: boolean;
        code: string;
      }>(
        sql`select u.id, u.password_hash, u.must_change_password, un.code from users u join units un on un.id = u.unit_id
            where u.username = 'nguyenvana'`,
      );
      expect(row).toMatchObject({ must_change_password: true, code: 'BL-TTKN' });
      expect(await verifyPassword(row!.password_hash, password!)).toBe(true);
      const [audit] = await database.rows<{ action: string; actor_name: string; entity_id: string }>(
        sql`select action, actor_name, entity_id from audit_log order by seq desc limit 1`,
      );
      expect(audit).toEqual({ action: 'user.create', actor_name: 'cli', entity_id: row!.id });

      const dup = await cli(
        'user',
        'create',
        '--username',
        'nguyenvana',
        '--role',
        'leader',
        '--unit',
        'BL-SNN',
        '--display-name',
        'Người khác',
      );
      expect(dup.code).toBe(1);
      expect(dup.err).toMatch(/Tên đăng nhập đã tồn tại/);

      const list = await cli('user', 'list', '--format', 'json');
      expect(list.code).toBe(0);
      const users = JSON.parse(list.out) as { username: string; mustChangePassword: boolean }[];
      expect(users).toHaveLength(7);
      expect(users.find((u) => u.username === 'nguyenvana')).toMatchObject({ mustChangePassword: true });
      expect((await cli('user', 'list')).out).toMatch(/nguyenvana\s+Nguyễn Văn A\s+Cán bộ TĐKT đơn vị/);
    });

    it('does not print a password given on the command line', async () => {
      const r = await cli(
        'user',
        'create',
        '--username',
        'tranb',
        '--role',
        'officer',
        '--unit',
        'BL-SNN-VP',
        '--display-name',
        'Trần B',
        '--password',
        'MatKhauRieng2026',
      );
      expect(r.code).toBe(0);
      expect(r.out).not.toContain('MatKhauRieng2026');
    });
  });

  it('audit verify: exit 0 on an intact chain, 1 with the broken row when a row was changed', async () => {
    await cli('seed', '--demo');
    await cli(
      'user',
      'create',
      '--username',
      'nguyenvana',
      '--role',
      'unit_officer',
      '--unit',
      'BL-TTKN',
      '--display-name',
      'Nguyễn Văn A',
    );
    const good = await cli('audit', 'verify');
    expect(good.code).toBe(0);
    // The demo seed (1), the 2020 fund's seeding and its four prize payments (5), the new user (1).
    expect(good.out).toMatch(/toàn vẹn: đã kiểm tra 7 dòng/);
    expect(JSON.parse((await cli('audit', 'verify', '--format', 'json')).out)).toEqual({
      ok: true,
      checked: 7,
      firstBrokenSeq: null,
      reason: null,
    });

    await database.db.transaction(async (tx) => {
      await tx.execute(sql`alter table audit_log disable trigger user`);
      await tx.execute(
        sql`update audit_log set actor_name = 'ke-gian' where seq = (select max(seq) from audit_log)`,
      );
      await tx.execute(sql`alter table audit_log enable trigger user`);
    });
    const bad = await cli('audit', 'verify');
    expect(bad.code).toBe(1);
    expect(bad.err).toMatch(/KHÔNG toàn vẹn: chuỗi bị phá vỡ tại dòng \d+/);
    const json = JSON.parse((await cli('audit', 'verify', '--format', 'json')).out) as {
      ok: boolean;
      firstBrokenSeq: number;
    };
    expect(json).toMatchObject({ ok: false, checked: 6 });
    expect(json.firstBrokenSeq).toBeGreaterThan(0);
  });

  it('backup then restore: refused into a database with data, replaced with --force', async () => {
    await cli('seed', '--demo');
    const file = path.join(dir, `b-${Date.now()}.jsonl.gz`);
    const backup = await cli('backup', '--out', file);
    expect(backup.code).toBe(0);
    expect(backup.out).toMatch(/Đã sao lưu \d+ dòng/);
    expect((await cli('backup', '--out', file)).code).toBe(1);

    const refused = await cli('restore', file);
    expect(refused.code).toBe(1);
    expect(refused.err).toMatch(/Cơ sở dữ liệu đích không trống/);

    const restored = await cli('restore', file, '--force');
    expect(restored.code).toBe(0);
    expect(restored.out).toMatch(/Đã khôi phục \d+ dòng/);
    expect(restored.out).toMatch(/Nhật ký kiểm toán toàn vẹn/);
    expect(await count('users')).toBe(6);

    const foreign = await cli('restore', 'package.json', '--force');
    expect(foreign.code).toBe(1);
    expect(foreign.err).toMatch(/không phải bản sao lưu VinhDanh/);
  });
});

describe('cli (spawned, PGlite directory)', () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vd-cli-spawn-'));
  });
  afterAll(() => {
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  const run = (...argv: string[]) =>
    new Promise<{ code: number; out: string; err: string }>((resolve) => {
      const env: NodeJS.ProcessEnv = { ...process.env, VINHDANH_DATA_DIR: path.join(dir, 'data') };
      delete env.DATABASE_URL;
      execFile(
        process.execPath,
        ['--import', 'tsx', 'src/cli/main.ts', ...argv],
        // Three spawns of tsx in one test: generous, for a busy CI machine (normally ~4 s each).
        { env, timeout: 120_000 },
        (error, out, err) => {
          resolve({ code: error ? Number(error.code ?? 1) : 0, out, err });
        },
      );
    });

  it('runs --help, audit verify, and refuses a data directory another process holds', async () => {
    const help = await run('--help');
    expect(help.code).toBe(0);
    expect(help.out).toMatch(/Cách dùng \/ Usage:/);

    const verify = await run('audit', 'verify', '--format', 'json');
    expect(verify).toMatchObject({ code: 0 });
    expect(JSON.parse(verify.out)).toEqual({ ok: true, checked: 0, firstBrokenSeq: null, reason: null });
    // The CLI closed PGlite and released the directory.
    expect(fs.existsSync(path.join(dir, 'data', 'vinhdanh.lock'))).toBe(false);

    const held = acquireDirLock(path.join(dir, 'data'));
    expect(held.ok).toBe(true);
    try {
      const locked = await run('audit', 'verify');
      expect(locked.code).toBe(1);
      expect(locked.err).toMatch(/đang được một tiến trình VinhDanh khác sử dụng \(PID \d+\)/);
    } finally {
      if (held.ok) held.lock.release();
    }
  }, 240_000);
});
