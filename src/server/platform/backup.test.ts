/**
 * Backup on one engine, restore on the other, same rows. The source is always an in-process PGlite (the
 * engine a first installation runs on); the target is a PostgreSQL server when one is reachable (always
 * when TEST_DATABASE_URL is set), otherwise a second PGlite — the test name says which.
 */
import fs from 'node:fs';
import { createHash } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { openDatabase, type Database } from './db/database';
import { recordAudit, verifyAuditChain } from './audit';
import { systemActor } from './actor';
import { testConfig } from './config';
import {
  BackupError,
  dumpTables,
  migrationTags,
  readBackupHeader,
  restoreBackup,
  writeBackup,
} from './backup';
import { createServerDatabase, testClock } from '../testing/harness';
import { seedDemo } from '../seed/demo';
import { createUsersService } from '../features/users/users.service';

const PG_BASE = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

async function reachable(url: string): Promise<boolean> {
  // With TEST_DATABASE_URL set, PostgreSQL is required: let the test fail rather than fall back.
  if (process.env.TEST_DATABASE_URL) return true;
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.end();
    return true;
  } catch {
    return false;
  }
}

const pgUp = await reachable(PG_BASE);

interface Target {
  database: Database;
  close(): Promise<void>;
}

async function freshPglite(): Promise<Target> {
  const database = await openDatabase({ dataDir: 'memory://' });
  return { database, close: () => database.close() };
}

async function freshPostgres(): Promise<Target> {
  const created = await createServerDatabase(PG_BASE);
  const database = await openDatabase({ url: created.url, poolSize: 2 });
  return {
    database,
    async close() {
      await database.close();
      await created.drop();
    },
  };
}

const maxSeq = async (database: Database) =>
  Number(
    (await database.rows<{ m: string | number }>(sql`select coalesce(max(seq), 0) as m from audit_log`))[0]!
      .m,
  );

describe('backup and restore', () => {
  const time = testClock();
  let sut: Database;
  let dir: string;
  let plainFile: string;
  let gzFile: string;
  let original: Record<string, string>;
  const cleanups: (() => Promise<void>)[] = [];

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vd-backup-'));
    sut = await openDatabase({ dataDir: 'memory://' });
    await seedDemo(sut, time.clock);
    const users = createUsersService(sut, testConfig(), time.clock);
    const unit = (await sut.rows<{ id: string }>(sql`select id from units where code = 'BL-TTKN'`))[0]!.id;
    time.advance(1000);
    const created = await users.create(systemActor(null, 'test'), {
      username: 'nguyenvana',
      displayName: 'Nguyễn Văn A',
      role: 'unit_officer',
      unitId: unit,
      password: 'MatKhauManh2026',
    });
    expect(created.ok).toBe(true);
    // Values that a careless dump would bend: microseconds, exact decimals in jsonb, big numbers,
    // newlines, quotes, Vietnamese text, a script-looking string.
    await sut.db.transaction(async (tx) => {
      for (let i = 0; i < 25; i++) {
        time.advance(1234);
        await recordAudit(
          tx,
          systemActor(`req-${i}`, 'test'),
          {
            action: 'test.event',
            entityType: 'thing',
            entityId: String(i),
            before: { n: i, text: 'Dòng 1\nDòng "2"', nested: { z: [1, 2, { y: null }] } },
            after: { n: i + 1, html: '<script>alert(1)</script>', amount: 30000000 },
          },
          time.clock,
        );
      }
    });
    await sut.db.execute(sql`insert into app_meta (key, value, updated_at)
      values ('exact', '{"b": 1.10, "big": 123456789012345678901234567890, "s": "a\\nb"}'::jsonb, '2026-03-02 08:00:00.123456+07')`);
    const userId = (await sut.rows<{ id: string }>(sql`select id from users where username = 'admin'`))[0]!
      .id;
    await sut.db
      .execute(sql`insert into sessions (id, user_id, csrf_token, created_at, last_seen_at, expires_at)
      values ('s1', ${userId}, 'c1', '2026-03-02 08:00:00.000001+07', '2026-03-02 08:00:00.999999+07', '2026-03-02 20:00:00+07')`);

    original = await dumpTables(sut);
    plainFile = path.join(dir, 'vinhdanh.jsonl');
    gzFile = path.join(dir, 'vinhdanh.jsonl.gz');
    // Small batches so paging by primary key is exercised (the audit log spans several lines).
    await writeBackup(sut, plainFile, { batchSize: 7, clock: time.clock });
    await writeBackup(sut, gzFile, { batchSize: 7, clock: time.clock });
  });

  afterAll(async () => {
    for (const c of cleanups) await c();
    await sut?.close();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('writes a self-describing header and refuses to overwrite a file', async () => {
    const header = await readBackupHeader(gzFile);
    expect(header).toMatchObject({ format: 'vinhdanh-backup', formatVersion: 2, engine: 'pglite' });
    // Every migration this version ships, named by its file.
    expect(header.migrations.map((m) => m.tag)).toEqual([...migrationTags().values()]);
    expect(header.migrations[0]?.tag).toBe('0000_init');
    // Referenced tables come before the tables that reference them.
    const order = header.tables.map((t) => t.name);
    expect(order.indexOf('units')).toBeLessThan(order.indexOf('users'));
    expect(order.indexOf('users')).toBeLessThan(order.indexOf('sessions'));
    expect(order.indexOf('blocks')).toBeLessThan(order.indexOf('block_members'));
    expect(fs.readFileSync(gzFile).subarray(0, 2)).toEqual(Buffer.from([0x1f, 0x8b]));
    await expect(writeBackup(sut, plainFile)).rejects.toThrow(/đã tồn tại/);
  });

  it(
    pgUp
      ? 'restores a PGlite backup on PostgreSQL with the same rows, and the audit chain continues'
      : 'restores a PGlite backup on a second PGlite with the same rows (PostgreSQL unreachable here)',
    async () => {
      const target = pgUp ? await freshPostgres() : await freshPglite();
      cleanups.push(() => target.close());
      const summary = await restoreBackup(target.database, gzFile);

      // 32 rows: the demo (27 before issue 7) with the 2020 fund's seeding and its four prize payments.
      expect(summary.audit).toEqual({ ok: true, checked: 32, firstBrokenSeq: null, reason: null });
      // The full demo: composite keys (block_members) span several pages of a backup.
      expect(summary.rowCounts).toMatchObject({
        units: 49,
        users: 7,
        audit_log: 32,
        block_members: 32,
        people: 351,
        sessions: 1,
      });
      expect(await dumpTables(target.database)).toEqual(original);

      // The identity sequence continues after the restored rows and the chain still holds.
      const before = await maxSeq(target.database);
      await recordAudit(
        target.database.db,
        systemActor(null, 'test'),
        { action: 'after.restore', entityType: 'system' },
        time.clock,
      );
      expect(await maxSeq(target.database)).toBe(before + 1);
      expect(await verifyAuditChain(target.database.db)).toMatchObject({ ok: true, checked: before + 1 });
    },
  );

  it.runIf(pgUp)('restores a PostgreSQL backup on PGlite with the same rows', async () => {
    const source = await freshPostgres();
    cleanups.push(() => source.close());
    await restoreBackup(source.database, plainFile);
    const fromPg = path.join(dir, 'from-postgres.jsonl.gz');
    const written = await writeBackup(source.database, fromPg, { batchSize: 5 });
    expect(written.header.engine).toBe('postgres');

    const target = await freshPglite();
    cleanups.push(() => target.close());
    const summary = await restoreBackup(target.database, fromPg);
    expect(summary.audit.ok).toBe(true);
    expect(await dumpTables(target.database)).toEqual(await dumpTables(source.database));
    expect(await dumpTables(target.database)).toEqual(original);
  });

  it('refuses to restore into a database that has data, and changes nothing', async () => {
    await expect(restoreBackup(sut, plainFile)).rejects.toThrow(/không trống.*--force/);
    expect(await dumpTables(sut)).toEqual(original);
  });

  it('with force, empties the database first and leaves the audit log append-only again', async () => {
    await recordAudit(
      sut.db,
      systemActor(null, 'test'),
      { action: 'extra', entityType: 'system' },
      time.clock,
    );
    const summary = await restoreBackup(sut, plainFile, { force: true });
    expect(summary.audit.ok).toBe(true);
    expect(await dumpTables(sut)).toEqual(original);
    await expect(sut.db.execute(sql`delete from audit_log`)).rejects.toThrow();
    await expect(sut.db.execute(sql`truncate audit_log`)).rejects.toThrow();
  });

  describe('bad files are refused with a clear message and change nothing', () => {
    let empty: Target;
    beforeAll(async () => {
      empty = await freshPglite();
    });
    afterAll(async () => {
      await empty?.close();
    });

    const lines = () => fs.readFileSync(plainFile, 'utf8').split('\n').filter(Boolean);
    const write = (name: string, content: string | Buffer) => {
      const file = path.join(dir, name);
      fs.writeFileSync(file, content);
      return file;
    };

    it.each([
      [
        'a file that is not a backup',
        () => write('foreign.json', fs.readFileSync('package.json')),
        /không phải bản sao lưu VinhDanh/,
      ],
      ['an empty file', () => write('empty.jsonl', ''), /không phải bản sao lưu VinhDanh/],
      ['a missing file', () => path.join(dir, 'nope.jsonl'), /Không tìm thấy tệp/],
      ['a truncated file', () => write('cut.jsonl', lines().slice(0, -1).join('\n') + '\n'), /cắt cụt/],
      [
        'a file whose rows were edited',
        () =>
          write(
            'edited.jsonl',
            lines()
              .map((l) => l.replace('Nguyễn Văn A', 'Nguyễn Văn B'))
              .join('\n') + '\n',
          ),
        /sha256/,
      ],
      [
        'a file with a broken line',
        () =>
          write(
            'broken.jsonl',
            lines()
              .map((l, i) => (i === 2 ? l.slice(0, 40) : l))
              .join('\n') + '\n',
          ),
        /hỏng/,
      ],
      [
        'a damaged gzip file',
        () =>
          write(
            'bad.jsonl.gz',
            Buffer.concat([fs.readFileSync(gzFile).subarray(0, 40), Buffer.alloc(64, 7)]),
          ),
        /hỏng|không phải/,
      ],
      [
        'a backup from a newer schema',
        () => {
          const [head, ...rest] = lines();
          const h = JSON.parse(head!) as { migrations: unknown[] };
          h.migrations.push({ hash: 'f'.repeat(64), createdAt: 9999999999999, tag: '0099_future' });
          return write('newer.jsonl', [JSON.stringify(h), ...rest].join('\n') + '\n');
        },
        /lược đồ mới hơn.*0099_future/,
      ],
      [
        'a newer file format',
        () => {
          const [head, ...rest] = lines();
          return write(
            'v2.jsonl',
            [head!.replace('"formatVersion":2', '"formatVersion":3'), ...rest].join('\n') + '\n',
          );
        },
        /định dạng phiên bản 3/,
      ],
    ])('refuses %s', async (_name, make, message) => {
      const file = make();
      const before = await dumpTables(empty.database);
      const error = await restoreBackup(empty.database, file).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(BackupError);
      expect((error as Error).message).toMatch(message);
      const dump = await dumpTables(empty.database);
      expect(dump).toEqual(before);
      // A new database holds only the reference rows its migrations insert (the base salaries).
      expect(
        Object.entries(dump)
          .filter(([, rows]) => rows !== '[]')
          .map(([t]) => t),
      ).toEqual(['base_salaries']);
    });

    it('still restores the good file afterwards', async () => {
      const summary = await restoreBackup(empty.database, plainFile);
      expect(summary.audit.ok).toBe(true);
      expect(await dumpTables(empty.database)).toEqual(original);
    });
  });
});

describe('dossier attachments travel with a backup (format 2)', () => {
  let source: Database;
  let target: Target;
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'vd-backup-files-'));
  const fromDir = path.join(root, 'from');
  const toDir = path.join(root, 'to');
  const pdf = Buffer.from('%PDF-1.4\n% tờ trình\n%%EOF\n');
  const sha = createHash('sha256').update(pdf).digest('hex');
  const lost = 'f'.repeat(64);
  // A member's uploaded scoring evidence (referenced from scores.evidence, not from a dossier).
  const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);
  const evidenceSha = createHash('sha256').update(png).digest('hex');
  const file = path.join(root, 'with-files.jsonl');

  beforeAll(async () => {
    source = await openDatabase({ dataDir: 'memory://' });
    await seedDemo(source, testClock().clock);
    fs.mkdirSync(path.join(fromDir, 'files'), { recursive: true });
    fs.writeFileSync(path.join(fromDir, 'files', sha), pdf);
    fs.writeFileSync(path.join(fromDir, 'files', evidenceSha), png);
    await source.db.execute(sql`insert into scores (sheet_id, criterion_id, evidence)
      select s.id, c.id, jsonb_build_array(jsonb_build_object('label', 'Ảnh', 'url', '/x', 'sha256', ${evidenceSha}::text))
      from score_sheets s join scoring_criteria c on c.set_id = s.set_id and c.kind = 'score' limit 1
      on conflict (sheet_id, criterion_id) do update set evidence = excluded.evidence`);
    await source.db.execute(sql`with d as (
        insert into dossiers (code, year, title, proposing_unit_id, authority_unit_id, track)
        select 'HS-2020-0001', 2020, 'Đề nghị', u.id, u.parent_id, 'regular' from units u where u.code = 'BL-TTKN'
        returning id)
      insert into dossier_attachments (dossier_id, kind, file_name, mime_type, size, sha256)
      select d.id, k.kind, k.name, 'application/pdf', ${pdf.length}, k.sha from d,
        (values ('submission_letter', 'to-trinh.pdf', ${sha}), ('minutes', 'bien-ban.pdf', ${lost})) k(kind, name, sha)`);
    target = await freshPglite();
  });
  afterAll(async () => {
    await target?.close();
    await source?.close();
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('writes each stored file once, names the lost ones, and restores the bytes into the target upload directory', async () => {
    const written = await writeBackup(source, file, { uploadDir: fromDir });
    expect(written.files).toBe(2);
    expect(written.missingFiles).toEqual([lost]);
    const summary = await restoreBackup(target.database, file, { uploadDir: toDir });
    expect(summary.files).toBe(2);
    expect(summary.rowCounts.dossier_attachments).toBe(2);
    expect(fs.readFileSync(path.join(toDir, 'files', sha))).toEqual(pdf);
    expect(fs.readFileSync(path.join(toDir, 'files', evidenceSha))).toEqual(png);
  });

  it('refuses a backup whose file bytes were changed, and writes no rows', async () => {
    const changed = fs
      .readFileSync(file, 'utf8')
      .replace(pdf.toString('base64'), Buffer.from('%PDF-1.4 khác').toString('base64'));
    const bad = path.join(root, 'changed.jsonl');
    fs.writeFileSync(bad, changed);
    const empty = await freshPglite();
    try {
      await expect(restoreBackup(empty.database, bad, { uploadDir: path.join(root, 'x') })).rejects.toThrow(
        /không khớp mã kiểm tra/,
      );
      expect((await dumpTables(empty.database)).dossier_attachments).toBe('[]');
    } finally {
      await empty.close();
    }
  });
});
