/**
 * Logical backup and restore that work on both engines, so PGlite data can move to PostgreSQL (and back).
 *
 * The file is JSON Lines (gzip when the name ends in `.gz`), written and read as a stream so that a table
 * of millions of rows never becomes one string in memory:
 *
 *   line 1      header  {"format":"vinhdanh-backup","formatVersion":1,"appVersion","createdAt","engine",
 *                        "migrations":[{hash,createdAt,tag}],"tables":[{name,columns,primaryKey}]}
 *   lines 2..n  batches {"table":"units","rows":[…]}   (every table has at least one line, even if empty)
 *   then        files   {"file":"<sha256>","data":"<base64>"}   (format 2: dossier attachments and scoring
 *                        evidence files, kept outside the database under `<upload dir>/files/<sha256>`;
 *                        one line per file)
 *   last line   trailer {"end":true,"rowCounts":{…},"files":n,"sha256":"<hex of every byte before this line>"}
 *
 * Rows are rendered as JSON by the database itself (row_to_json), inside one read-only repeatable-read
 * transaction (one consistent snapshot) with the session time zone set to UTC, and read back by the
 * database (json_populate_recordset): timestamps keep their microseconds, numerics and jsonb stay exact,
 * and JavaScript never parses row data. Tables are paged by primary key.
 *
 * Restore runs in ONE transaction into a migrated database that must be empty (or is emptied with
 * `force`), refuses a backup made by a newer schema, checks the trailer's checksum and row counts before
 * committing, resets identity sequences, and then verifies the audit chain.
 */
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import zlib from 'node:zlib';
import { createHash, randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { finished } from 'node:stream/promises';
import type { Readable, Writable } from 'node:stream';
import { sql, type SQL } from 'drizzle-orm';
import { MIGRATIONS_DIR, toCount, type Database, type DbOrTx, type EngineKind } from './db/database';
import { verifyAuditChain, type VerifyResult } from './audit';
import type { Clock } from './clock';
import { VERSION } from '../version';

export const BACKUP_FORMAT = 'vinhdanh-backup';
/** 2: attachment files travel with the rows (format 1 files, without them, still restore). */
export const BACKUP_FORMAT_VERSION = 2;
const DEFAULT_BATCH = 1000;

export interface MigrationRecord {
  hash: string;
  createdAt: number;
  /** The migration file's tag (e.g. `0000_init`) when this installation knows it. */
  tag: string | null;
}

export interface TableInfo {
  name: string;
  /** Stored columns (generated columns are recomputed by the target and left out). */
  columns: string[];
  primaryKey: string[];
}

export interface BackupHeader {
  format: typeof BACKUP_FORMAT;
  formatVersion: number;
  appVersion: string;
  createdAt: string;
  engine: EngineKind;
  migrations: MigrationRecord[];
  tables: TableInfo[];
}

interface BackupTrailer {
  end: true;
  rowCounts: Record<string, number>;
  /** Attachment files in the backup (format 2). */
  files?: number;
  sha256: string;
}

/** An expected failure of backup or restore; its message is Vietnamese and meant for the user. */
/** Tables that migrations fill with reference rows (drizzle/0004: the base salaries in force since 2018). */
const MIGRATION_SEEDED_TABLES = new Set(['base_salaries']);

export class BackupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BackupError';
  }
}

// ---------------------------------------------------------------------------------------------------------
// Catalogue

async function rowsOf<T>(db: DbOrTx, query: SQL): Promise<T[]> {
  return ((await db.execute(query)) as unknown as { rows: T[] }).rows;
}

interface TableCatalogue {
  tables: TableInfo[];
  /** child -> parents it references (other tables only). */
  parents: Map<string, Set<string>>;
  selfReferencing: Set<string>;
  /** Columns backed by a sequence (identity or serial), to reset after a restore. */
  sequences: { table: string; column: string; sequence: string }[];
}

const ident = (name: string) => sql.identifier(name);
const list = (names: string[], prefix?: string) =>
  sql.join(
    names.map((n) => (prefix ? sql`${sql.identifier(prefix)}.${ident(n)}` : ident(n))),
    sql`, `,
  );

/** The application's tables (schema `public`), in foreign-key order: referenced tables first. */
export async function readCatalogue(db: DbOrTx): Promise<TableCatalogue> {
  const tableRows = await rowsOf<{ name: string }>(
    db,
    sql`select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
        where n.nspname = 'public' and c.relkind = 'r' and not c.relispartition order by c.relname`,
  );
  const columnRows = await rowsOf<{ table: string; column: string; generated: string }>(
    db,
    sql`select c.relname as "table", a.attname as "column", a.attgenerated::text as generated
        from pg_attribute a join pg_class c on c.oid = a.attrelid join pg_namespace n on n.oid = c.relnamespace
        where n.nspname = 'public' and c.relkind = 'r' and a.attnum > 0 and not a.attisdropped
        order by c.relname, a.attnum`,
  );
  const pkRows = await rowsOf<{ table: string; column: string }>(
    db,
    sql`select c.relname as "table", a.attname as "column"
        from pg_constraint con
        join pg_class c on c.oid = con.conrelid join pg_namespace n on n.oid = c.relnamespace
        cross join lateral unnest(con.conkey) with ordinality as k(attnum, ord)
        join pg_attribute a on a.attrelid = c.oid and a.attnum = k.attnum
        where con.contype = 'p' and n.nspname = 'public'
        order by c.relname, k.ord`,
  );
  const fkRows = await rowsOf<{ child: string; parent: string }>(
    db,
    sql`select distinct c.relname as child, p.relname as parent
        from pg_constraint con
        join pg_class c on c.oid = con.conrelid join pg_namespace n on n.oid = c.relnamespace
        join pg_class p on p.oid = con.confrelid join pg_namespace pn on pn.oid = p.relnamespace
        where con.contype = 'f' and n.nspname = 'public' and pn.nspname = 'public'`,
  );
  const seqRows = await rowsOf<{ table: string; column: string; sequence: string }>(
    db,
    sql`select s.* from (
          select c.relname as "table", a.attname as "column",
                 pg_get_serial_sequence(quote_ident(n.nspname) || '.' || quote_ident(c.relname), a.attname) as sequence
          from pg_attribute a join pg_class c on c.oid = a.attrelid join pg_namespace n on n.oid = c.relnamespace
          where n.nspname = 'public' and c.relkind = 'r' and a.attnum > 0 and not a.attisdropped) s
        where s.sequence is not null
        order by s."table", s."column"`,
  );

  const names = tableRows.map((r) => r.name);
  const parents = new Map<string, Set<string>>(names.map((n) => [n, new Set<string>()]));
  const selfReferencing = new Set<string>();
  for (const fk of fkRows) {
    if (fk.child === fk.parent) selfReferencing.add(fk.child);
    else parents.get(fk.child)?.add(fk.parent);
  }

  // Kahn's algorithm, alphabetical among equals so the order is stable.
  const ordered: string[] = [];
  const remaining = new Set(names);
  while (remaining.size > 0) {
    const ready = [...remaining].filter((n) => [...parents.get(n)!].every((p) => !remaining.has(p))).sort();
    if (ready.length === 0) {
      throw new BackupError(
        `Các bảng ${[...remaining].join(', ')} tham chiếu vòng lẫn nhau; định dạng sao lưu chưa hỗ trợ trường hợp này.`,
      );
    }
    for (const n of ready) {
      ordered.push(n);
      remaining.delete(n);
    }
  }

  const tables = ordered.map((name) => {
    const primaryKey = pkRows.filter((r) => r.table === name).map((r) => r.column);
    if (primaryKey.length === 0) {
      throw new BackupError(`Bảng ${name} không có khóa chính nên không thể sao lưu theo từng phần.`);
    }
    return {
      name,
      columns: columnRows.filter((r) => r.table === name && r.generated === '').map((r) => r.column),
      primaryKey,
    };
  });
  return { tables, parents, selfReferencing, sequences: seqRows };
}

/** Migrations applied to this database, oldest first (drizzle's own bookkeeping table). */
export async function appliedMigrations(db: DbOrTx): Promise<MigrationRecord[]> {
  const exists = await rowsOf<{ t: string | null }>(
    db,
    sql`select to_regclass('drizzle.__drizzle_migrations')::text as t`,
  );
  if (!exists[0]?.t) return [];
  const rows = await rowsOf<{ hash: string; created_at: string | number }>(
    db,
    sql`select hash, created_at from drizzle.__drizzle_migrations order by created_at, id`,
  );
  const tags = migrationTags();
  return rows.map((r) => {
    const createdAt = Number(r.created_at);
    return { hash: r.hash, createdAt, tag: tags.get(createdAt) ?? null };
  });
}

/** Journal `when` -> tag, from the migration files shipped with this version. */
export function migrationTags(): Map<number, string> {
  try {
    const journal = JSON.parse(fs.readFileSync(`${MIGRATIONS_DIR}/meta/_journal.json`, 'utf8')) as {
      entries: { when: number; tag: string }[];
    };
    return new Map(journal.entries.map((e) => [e.when, e.tag]));
  } catch {
    return new Map();
  }
}

// ---------------------------------------------------------------------------------------------------------
// Backup

export interface BackupOptions {
  /** Rows per line (and per query). */
  batchSize?: number;
  clock?: Clock;
  /** Replace an existing file (default: refuse). */
  overwrite?: boolean;
  /** Where attachment files are kept (`<uploadDir>/files/<sha256>`); without it, files are left out. */
  uploadDir?: string;
}

export interface BackupSummary {
  file: string;
  bytes: number;
  header: BackupHeader;
  rowCounts: Record<string, number>;
  totalRows: number;
  /** Attachment files written into the backup. */
  files: number;
  /** Attachments whose stored file is missing or damaged (their rows are backed up; the bytes could not be). */
  missingFiles: string[];
}

const SHA256 = /^[0-9a-f]{64}$/;
const filePath = (uploadDir: string, sha: string) => {
  if (!SHA256.test(sha)) throw new BackupError(`Mã tệp đính kèm không hợp lệ: ${sha}`);
  return path.join(uploadDir, 'files', sha);
};
const sha256Hex = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/** One page of a table, rendered by the database. Raw newlines can only be JSON whitespace: flatten them. */
function pageQuery(table: TableInfo, after: string | null, limit: number): SQL {
  const t = ident(table.name);
  const keyOfX = list(table.primaryKey, 'x');
  const keyOfB = list(table.primaryKey, 'b');
  const where = after
    ? sql`where (${keyOfX}) > (select ${list(table.primaryKey, 'l')} from json_populate_record(null::${t}, ${after}::json) l)`
    : sql``;
  return sql`
    with b as (select * from ${t} x ${where} order by ${keyOfX} limit ${limit})
    select count(*) as n,
      '[' || coalesce(string_agg(translate(row_to_json(b)::text, chr(10) || chr(13), '  '), ',' order by ${keyOfB}), '') || ']' as rows,
      (select row_to_json(l)::text from (select * from b order by ${sql.join(
        table.primaryKey.map((c) => sql`${ident(c)} desc`),
        sql`, `,
      )} limit 1) l) as last
    from b`;
}

export async function writeBackup(
  database: Database,
  file: string,
  options: BackupOptions = {},
): Promise<BackupSummary> {
  const batchSize = options.batchSize ?? DEFAULT_BATCH;
  const clock = options.clock ?? (() => new Date());
  if (!options.overwrite && fs.existsSync(file)) {
    throw new BackupError(`Tệp ${file} đã tồn tại; chọn tên khác (hoặc dùng --force để ghi đè).`);
  }
  const tmp = `${file}.${randomBytes(4).toString('hex')}.tmp`;
  const out = fs.createWriteStream(tmp, { flags: 'wx' });
  const gzip = file.endsWith('.gz') ? zlib.createGzip() : undefined;
  const sink: Writable = gzip ?? out;
  gzip?.pipe(out);
  const hash = createHash('sha256');
  let streamError: Error | undefined;
  const onError = (err: Error) => {
    streamError ??= err;
  };
  out.on('error', onError);
  gzip?.on('error', onError);

  const write = async (line: string, hashed = true) => {
    if (streamError) throw streamError;
    const data = `${line}\n`;
    if (hashed) hash.update(data);
    if (!sink.write(data)) await once(sink, 'drain');
  };

  try {
    const result = await database.db.transaction(
      async (tx) => {
        await tx.execute(sql`set local timezone = 'UTC'`);
        const catalogue = await readCatalogue(tx);
        const header: BackupHeader = {
          format: BACKUP_FORMAT,
          formatVersion: BACKUP_FORMAT_VERSION,
          appVersion: VERSION,
          createdAt: clock().toISOString(),
          engine: database.kind,
          migrations: await appliedMigrations(tx),
          tables: catalogue.tables,
        };
        await write(JSON.stringify(header));
        const rowCounts: Record<string, number> = {};
        for (const table of catalogue.tables) {
          let after: string | null = null;
          let count = 0;
          for (;;) {
            const page: { n: unknown; rows: string; last: string | null } = (
              await rowsOf<{ n: unknown; rows: string; last: string | null }>(
                tx,
                pageQuery(table, after, batchSize),
              )
            )[0]!;
            const n = toCount(page.n);
            // Every table gets at least one line, so the restore knows when each table is complete.
            if (n > 0 || count === 0)
              await write(`{"table":${JSON.stringify(table.name)},"rows":${page.rows}}`);
            count += n;
            if (n < batchSize) break;
            after = page.last;
          }
          rowCounts[table.name] = count;
        }
        // The attachments' bytes, one line per distinct file, read and checked against their checksum.
        let files = 0;
        const missingFiles: string[] = [];
        const has = (name: string) => catalogue.tables.some((t) => t.name === name);
        if (options.uploadDir && has('dossier_attachments')) {
          // Dossier attachments, and the files members uploaded as scoring evidence (`sha256` of an entry).
          const shas = await rowsOf<{ sha: string }>(
            tx,
            has('scores')
              ? sql`select sha256 as sha from dossier_attachments
                    union
                    select e->>'sha256' from scores, jsonb_array_elements(evidence) e
                    where jsonb_typeof(evidence) = 'array' and e->>'sha256' is not null
                    order by 1`
              : sql`select distinct sha256 as sha from dossier_attachments order by 1`,
          );
          for (const { sha } of shas) {
            let bytes: Buffer;
            try {
              bytes = fs.readFileSync(filePath(options.uploadDir, sha));
            } catch {
              missingFiles.push(sha);
              continue;
            }
            if (sha256Hex(bytes) !== sha) {
              missingFiles.push(sha);
              continue;
            }
            await write(`{"file":"${sha}","data":"${bytes.toString('base64')}"}`);
            files++;
          }
        }
        return { header, rowCounts, files, missingFiles };
      },
      { isolationLevel: 'repeatable read', accessMode: 'read only' },
    );
    const trailer: BackupTrailer = {
      end: true,
      rowCounts: result.rowCounts,
      files: result.files,
      sha256: hash.digest('hex'),
    };
    await write(JSON.stringify(trailer), false);
    sink.end();
    await finished(out);
    if (streamError) throw streamError;
    fs.renameSync(tmp, file);
    return {
      file,
      bytes: fs.statSync(file).size,
      header: result.header,
      rowCounts: result.rowCounts,
      totalRows: Object.values(result.rowCounts).reduce((a, b) => a + b, 0),
      files: result.files,
      missingFiles: result.missingFiles,
    };
  } catch (err) {
    sink.destroy();
    out.destroy();
    fs.rmSync(tmp, { force: true });
    throw err;
  }
}

// ---------------------------------------------------------------------------------------------------------
// Reading a backup file

const NOT_A_BACKUP = 'Tệp này không phải bản sao lưu VinhDanh (hoặc đã hỏng ngay từ đầu).';
const TRUNCATED = 'Tệp sao lưu không đầy đủ (bị cắt cụt: thiếu dòng kết thúc). Không có gì được thay đổi.';

interface BackupReader {
  header: BackupHeader;
  /** The header line exactly as read (it is covered by the checksum). */
  headerLine: string;
  lines: AsyncIterator<string>;
  close(): void;
}

async function openBackup(file: string): Promise<BackupReader> {
  let fd: fs.promises.FileHandle;
  try {
    fd = await fs.promises.open(file, 'r');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new BackupError(
      code === 'ENOENT'
        ? `Không tìm thấy tệp sao lưu ${file}.`
        : `Không đọc được tệp sao lưu ${file} (${code ?? String(err)}).`,
    );
  }
  const magic = Buffer.alloc(2);
  await fd.read(magic, 0, 2, 0);
  await fd.close();
  const raw = fs.createReadStream(file);
  let input: Readable = raw;
  if (magic[0] === 0x1f && magic[1] === 0x8b) {
    const gunzip = zlib.createGunzip();
    raw.on('error', (e) => gunzip.destroy(e));
    input = raw.pipe(gunzip);
  }
  const rl = readline.createInterface({ input, crlfDelay: Infinity });
  const lines = rl[Symbol.asyncIterator]();
  const close = () => {
    rl.close();
    input.destroy();
    raw.destroy();
  };
  try {
    const first = await nextLine(lines);
    if (first === undefined) throw new BackupError(NOT_A_BACKUP);
    let header: unknown;
    try {
      header = JSON.parse(first);
    } catch {
      throw new BackupError(NOT_A_BACKUP);
    }
    return { header: checkHeader(header), headerLine: first, lines, close };
  } catch (err) {
    close();
    throw err;
  }
}

async function nextLine(lines: AsyncIterator<string>): Promise<string | undefined> {
  try {
    const next = await lines.next();
    return next.done ? undefined : next.value;
  } catch (err) {
    if (err instanceof BackupError) throw err;
    throw new BackupError(`Tệp sao lưu hỏng, không giải nén/đọc được (${(err as Error).message}).`);
  }
}

function checkHeader(value: unknown): BackupHeader {
  const h = value as Partial<BackupHeader> | null;
  if (!h || typeof h !== 'object' || h.format !== BACKUP_FORMAT) throw new BackupError(NOT_A_BACKUP);
  if (typeof h.formatVersion !== 'number' || h.formatVersion > BACKUP_FORMAT_VERSION) {
    throw new BackupError(
      `Bản sao lưu dùng định dạng phiên bản ${String(h.formatVersion)}, mới hơn phiên bản phần mềm này đọc được ` +
        `(${BACKUP_FORMAT_VERSION}). Hãy nâng cấp VinhDanh rồi khôi phục lại.`,
    );
  }
  const okMigrations =
    Array.isArray(h.migrations) &&
    h.migrations.every((m) => m && typeof m.hash === 'string' && typeof m.createdAt === 'number');
  const okTables =
    Array.isArray(h.tables) &&
    h.tables.every(
      (t) =>
        t &&
        typeof t.name === 'string' &&
        Array.isArray(t.columns) &&
        t.columns.every((c) => typeof c === 'string') &&
        Array.isArray(t.primaryKey),
    );
  if (!okMigrations || !okTables)
    throw new BackupError(`${NOT_A_BACKUP} (phần đầu tệp thiếu thông tin lược đồ)`);
  return h as BackupHeader;
}

/** Reads only the header (e.g. to show what a file holds). */
export async function readBackupHeader(file: string): Promise<BackupHeader> {
  const reader = await openBackup(file);
  reader.close();
  return reader.header;
}

// ---------------------------------------------------------------------------------------------------------
// Restore

export interface RestoreOptions {
  /** Empty the target first (every table, the audit log included). */
  force?: boolean;
  /** Where to put the attachment files of the backup; without it they are checked but not written. */
  uploadDir?: string;
}

export interface RestoreSummary {
  header: BackupHeader;
  rowCounts: Record<string, number>;
  totalRows: number;
  /** Columns the target has and the (older) backup lacks: filled with their defaults. */
  notes: string[];
  /** Attachment files restored into the upload directory. */
  files: number;
  audit: VerifyResult;
}

/** A backup restores onto the same migrations or a newer schema that starts with the same ones. */
function checkMigrations(backup: MigrationRecord[], target: MigrationRecord[], appVersion: string): void {
  const name = (m: MigrationRecord) => m.tag ?? m.hash.slice(0, 12);
  if (backup.length > target.length) {
    const newer = backup.slice(target.length).map(name).join(', ');
    throw new BackupError(
      `Bản sao lưu được tạo từ lược đồ mới hơn cơ sở dữ liệu đích (thêm các migration: ${newer}). ` +
        `Hãy nâng cấp VinhDanh lên phiên bản ${appVersion} (bản đã tạo tệp) trở lên rồi khôi phục lại.`,
    );
  }
  for (let i = 0; i < backup.length; i++) {
    if (backup[i]!.hash !== target[i]!.hash) {
      throw new BackupError(
        `Lịch sử migration của bản sao lưu không khớp với cơ sở dữ liệu đích tại migration thứ ${i + 1} ` +
          `(${name(backup[i]!)} ≠ ${name(target[i]!)}). Không thể khôi phục an toàn.`,
      );
    }
  }
}

const LINE_PREFIX = /^\{"table":("(?:[^"\\]|\\.)*"),"rows":/;
const FILE_LINE = /^\{"file":"([0-9a-f]{64})","data":"([A-Za-z0-9+/=]*)"\}$/;

export async function restoreBackup(
  database: Database,
  file: string,
  options: RestoreOptions = {},
): Promise<RestoreSummary> {
  const reader = await openBackup(file);
  const { header } = reader;
  const notes: string[] = [];
  let rowCounts: Record<string, number>;
  let files: number;
  try {
    ({ counts: rowCounts, files } = await database.db.transaction(async (tx) => {
      const target = await readCatalogue(tx);
      const targetMigrations = await appliedMigrations(tx);
      checkMigrations(header.migrations, targetMigrations, header.appVersion);
      const sameSchema = header.migrations.length === targetMigrations.length;

      // What to insert: the backup's columns that the target still has.
      const targetTables = new Map(target.tables.map((t) => [t.name, t]));
      const columnsOf = new Map<string, string[]>();
      for (const t of header.tables) {
        const into = targetTables.get(t.name);
        if (!into)
          throw new BackupError(`Bảng ${t.name} trong bản sao lưu không có trong cơ sở dữ liệu đích.`);
        const cols = t.columns.filter((c) => into.columns.includes(c));
        const missing = into.columns.filter((c) => !t.columns.includes(c));
        const dropped = t.columns.filter((c) => !into.columns.includes(c));
        if (sameSchema && (missing.length > 0 || dropped.length > 0)) {
          throw new BackupError(
            `Cấu trúc bảng ${t.name} của bản sao lưu khác cơ sở dữ liệu đích dù cùng migration.`,
          );
        }
        if (missing.length) notes.push(`${t.name}: cột mới ${missing.join(', ')} nhận giá trị mặc định.`);
        if (dropped.length)
          notes.push(`${t.name}: bỏ các cột không còn trong lược đồ: ${dropped.join(', ')}.`);
        columnsOf.set(t.name, cols);
      }

      // Nobody else writes while we check and fill.
      const all = list(target.tables.map((t) => t.name));
      await tx.execute(sql`lock table ${all} in access exclusive mode`);
      const nonEmpty: string[] = [];
      for (const t of target.tables) {
        // Reference rows a migration inserts (the base-salary table) do not make a database "used": they
        // are replaced by the backup's own rows below.
        if (MIGRATION_SEEDED_TABLES.has(t.name)) continue;
        const r = await rowsOf<{ e: boolean }>(tx, sql`select exists (select 1 from ${ident(t.name)}) as e`);
        if (r[0]?.e) nonEmpty.push(t.name);
      }
      if (nonEmpty.length === 0)
        for (const t of target.tables)
          if (MIGRATION_SEEDED_TABLES.has(t.name) && header.tables.some((h) => h.name === t.name))
            await tx.execute(sql`delete from ${ident(t.name)}`);
      if (nonEmpty.length > 0) {
        if (!options.force) {
          throw new BackupError(
            `Cơ sở dữ liệu đích không trống (có dữ liệu trong: ${nonEmpty.join(', ')}). Chỉ khôi phục vào cơ sở dữ liệu ` +
              `mới (vừa migrate, chưa seed), hoặc dùng --force để XÓA TOÀN BỘ dữ liệu hiện có trước khi khôi phục.`,
          );
        }
        // The audit log refuses TRUNCATE through a user trigger; switch it off for this transaction only.
        for (const t of target.tables)
          await tx.execute(sql`alter table ${ident(t.name)} disable trigger user`);
        await tx.execute(sql`truncate ${all} restart identity cascade`);
        for (const t of target.tables)
          await tx.execute(sql`alter table ${ident(t.name)} enable trigger user`);
      }

      // Tables are loaded straight into place when every table they reference is complete; otherwise (a
      // self-reference such as units.parent_id, or an order the target's keys do not allow) they are staged
      // in a temporary table and moved with one INSERT, whose foreign-key checks run at the end of the
      // statement, when all rows are there.
      const inBackup = new Set(header.tables.map((t) => t.name));
      const complete = new Set(target.tables.map((t) => t.name).filter((n) => !inBackup.has(n)));
      const staged = new Set<string>();
      const pending: string[] = [];
      const counts: Record<string, number> = {};
      let files = 0;
      const seen = new Set<string>();
      let current: string | null = null;
      const hash = createHash('sha256');
      hash.update(`${reader.headerLine}\n`);
      const stage = (n: string) => ident(`vd_restore_${n}`);
      const parentsReady = (n: string) => [...(target.parents.get(n) ?? [])].every((p) => complete.has(p));

      const flush = async () => {
        for (let moved = true; moved;) {
          moved = false;
          for (const n of [...pending]) {
            if (!parentsReady(n)) continue;
            const cols = list(columnsOf.get(n)!);
            await tx.execute(
              sql`insert into ${ident(n)} (${cols}) overriding system value select ${cols} from ${stage(n)}`,
            );
            pending.splice(pending.indexOf(n), 1);
            complete.add(n);
            moved = true;
          }
        }
      };
      const finishTable = async (n: string) => {
        if (staged.has(n)) pending.push(n);
        else complete.add(n);
        await flush();
      };

      let trailer: BackupTrailer | undefined;
      for (;;) {
        const line = await nextLine(reader.lines);
        if (line === undefined) break;
        if (trailer) throw new BackupError('Tệp sao lưu hỏng: có dữ liệu sau dòng kết thúc.');
        const f = FILE_LINE.exec(line);
        if (f) {
          // An attachment: checked against its name (the sha256 of its bytes), written content-addressed —
          // a file written by a restore that fails later is harmless (nothing refers to it).
          hash.update(`${line}\n`);
          const sha = f[1]!;
          const bytes = Buffer.from(f[2]!, 'base64');
          if (sha256Hex(bytes) !== sha)
            throw new BackupError(
              `Tệp sao lưu hỏng: tệp đính kèm ${sha.slice(0, 12)}… không khớp mã kiểm tra.`,
            );
          if (options.uploadDir) {
            const target = filePath(options.uploadDir, sha);
            fs.mkdirSync(path.dirname(target), { recursive: true });
            const tmp = `${target}.${randomBytes(4).toString('hex')}.tmp`;
            fs.writeFileSync(tmp, bytes);
            fs.renameSync(tmp, target);
          }
          files++;
          continue;
        }
        const m = LINE_PREFIX.exec(line);
        if (!m) {
          let parsed: Partial<BackupTrailer> | undefined;
          try {
            parsed = JSON.parse(line) as Partial<BackupTrailer>;
          } catch {
            /* reported below */
          }
          if (
            parsed?.end !== true ||
            typeof parsed.sha256 !== 'string' ||
            typeof parsed.rowCounts !== 'object'
          ) {
            throw new BackupError('Tệp sao lưu hỏng: có dòng không đọc được.');
          }
          trailer = parsed as BackupTrailer;
          continue;
        }
        hash.update(`${line}\n`);
        const table = JSON.parse(m[1]!) as string;
        const rowsJson = line.slice(m[0].length, line.endsWith('}') ? -1 : undefined);
        if (!columnsOf.has(table))
          throw new BackupError(`Tệp sao lưu hỏng: bảng ${table} không có trong phần đầu tệp.`);
        if (table !== current) {
          if (seen.has(table))
            throw new BackupError(`Tệp sao lưu hỏng: dữ liệu bảng ${table} không liền mạch.`);
          if (current) await finishTable(current);
          current = table;
          seen.add(table);
          if (target.selfReferencing.has(table) || !parentsReady(table)) {
            staged.add(table);
            await tx.execute(
              sql`create temporary table ${stage(table)} (like ${ident(table)}) on commit drop`,
            );
          }
        }
        const cols = list(columnsOf.get(table)!);
        const into = staged.has(table)
          ? sql`${stage(table)} (${cols})`
          : sql`${ident(table)} (${cols}) overriding system value`;
        let inserted: number;
        try {
          const r = await rowsOf<{ n: unknown }>(
            tx,
            sql`with ins as (insert into ${into} select ${cols} from json_populate_recordset(null::${ident(table)}, ${rowsJson}::json) returning 1)
                select count(*) as n from ins`,
          );
          inserted = toCount(r[0]?.n);
        } catch (err) {
          // drizzle wraps the driver's error with the whole query and its parameters: report the cause only.
          const cause = (err as { cause?: unknown }).cause;
          const detail = cause instanceof Error ? cause.message : (err as Error).message.split('\n')[0];
          throw new BackupError(
            `Tệp sao lưu hỏng hoặc không khớp lược đồ: không nạp được dữ liệu bảng ${table} (${detail}).`,
          );
        }
        counts[table] = (counts[table] ?? 0) + inserted;
      }
      if (!trailer) throw new BackupError(TRUNCATED);
      if ((trailer.files ?? 0) !== files)
        throw new BackupError(`Tệp sao lưu hỏng: có ${files} tệp đính kèm, tệp ghi ${trailer.files ?? 0}.`);
      if (trailer.sha256 !== hash.digest('hex')) {
        throw new BackupError(
          'Tệp sao lưu hỏng: mã kiểm tra (sha256) không khớp nội dung. Không có gì được thay đổi.',
        );
      }
      if (current) await finishTable(current);
      for (const t of header.tables) {
        if ((counts[t.name] ?? 0) !== (trailer.rowCounts[t.name] ?? 0)) {
          throw new BackupError(
            `Tệp sao lưu hỏng: bảng ${t.name} có ${counts[t.name] ?? 0} dòng, tệp ghi ${trailer.rowCounts[t.name] ?? 0}.`,
          );
        }
      }
      if (pending.length > 0) {
        throw new BackupError(`Không sắp được thứ tự nạp cho các bảng: ${pending.join(', ')}.`);
      }

      // Identity columns continue after the restored values (the next audit row gets max(seq) + 1).
      for (const s of target.sequences) {
        await tx.execute(
          sql`select setval(${s.sequence}::regclass, coalesce(max(${ident(s.column)}), 1), max(${ident(s.column)}) is not null) from ${ident(s.table)}`,
        );
      }
      return { counts, files };
    }));
  } finally {
    reader.close();
  }
  const audit = await verifyAuditChain(database.db);
  return {
    header,
    rowCounts,
    totalRows: Object.values(rowCounts).reduce((a, b) => a + b, 0),
    notes,
    files,
    audit,
  };
}

// ---------------------------------------------------------------------------------------------------------
// Comparing databases

/**
 * Every table's rows as the database renders them (ordered by primary key, UTC): two databases hold the
 * same data exactly when these strings are equal. Used by the tests and handy after moving engines.
 */
export async function dumpTables(database: Database): Promise<Record<string, string>> {
  return database.db.transaction(
    async (tx) => {
      await tx.execute(sql`set local timezone = 'UTC'`);
      const { tables } = await readCatalogue(tx);
      const out: Record<string, string> = {};
      for (const t of tables) {
        const r = await rowsOf<{ rows: string }>(
          tx,
          sql`select coalesce(json_agg(x order by ${list(t.primaryKey, 'x')}), '[]')::text as rows from ${ident(t.name)} x`,
        );
        out[t.name] = r[0]!.rows;
      }
      return out;
    },
    { isolationLevel: 'repeatable read', accessMode: 'read only' },
  );
}
