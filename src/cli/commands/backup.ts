import path from 'node:path';
import { restoreBackup, writeBackup } from '../../server/platform/backup';
import { EXIT, parseCommand, stringOption, UsageError, withDatabase, type Command } from '../context';
import { describeVerify } from './audit';

const BACKUP_HELP = `Sao lưu toàn bộ dữ liệu ra một tệp (bản sao lưu logic, khôi phục được trên cả PGlite lẫn PostgreSQL).
(Back up all data to one file: a logical dump that restores on either engine.)

Cách dùng / Usage:
  npm run cli -- backup --out <tệp> [--force]

Tùy chọn / Options:
  --out <tệp>   Tệp đích; đuôi .gz thì nén gzip / output file, gzip when it ends in .gz
  --force       Ghi đè nếu tệp đã tồn tại / overwrite an existing file
  -h, --help    Trợ giúp / this help

Với PGlite, hãy dừng máy chủ trước (chỉ một tiến trình được mở thư mục dữ liệu). Với PostgreSQL có thể sao
lưu khi máy chủ đang chạy: bản sao lưu lấy một ảnh nhất quán.
(On PGlite stop the server first; on PostgreSQL the backup is a consistent snapshot taken live.)
Xem / See docs/backup.md`;

const RESTORE_HELP = `Khôi phục dữ liệu từ tệp sao lưu vào cơ sở dữ liệu đang cấu hình (PGlite hoặc PostgreSQL).
(Restore a backup into the configured database, PGlite or PostgreSQL.)

Cách dùng / Usage:
  npm run cli -- restore <tệp> [--force]

Tùy chọn / Options:
  --force       XÓA TOÀN BỘ dữ liệu hiện có rồi khôi phục / DELETE all existing data first
  -h, --help    Trợ giúp / this help

Cơ sở dữ liệu đích phải trống (vừa migrate, chưa khởi động máy chủ, chưa seed), trừ khi dùng --force.
Mọi thứ chạy trong một giao dịch: lỗi giữa chừng thì không có gì thay đổi. Bản sao lưu từ phiên bản lược đồ
mới hơn bị từ chối. Sau khi khôi phục, chuỗi băm nhật ký kiểm toán được kiểm tra.
(The target must be empty unless --force; one transaction; newer-schema backups are refused; the audit
chain is verified afterwards.)
Mã thoát / Exit: 0 thành công / ok, 1 bị từ chối hoặc chuỗi nhật ký hỏng / refused or audit chain broken.`;

const size = (bytes: number) =>
  bytes >= 1024 * 1024
    ? `${(bytes / 1024 / 1024).toFixed(1).replace('.', ',')} MB`
    : `${Math.ceil(bytes / 1024)} KB`;

export const backupCommand: Command = {
  name: 'backup',
  summary: 'Sao lưu dữ liệu ra tệp / Back up all data to a file (--out)',
  help: BACKUP_HELP,
  async run(argv, ctx) {
    const parsed = parseCommand('backup', argv, { out: { type: 'string' }, force: { type: 'boolean' } });
    if (parsed.help) {
      ctx.out(BACKUP_HELP);
      return EXIT.ok;
    }
    const out = stringOption(parsed, 'out');
    if (!out) throw new UsageError('Thiếu tệp đích: --out <tệp> (missing --out)', 'backup');
    const summary = await withDatabase(ctx, (database) =>
      writeBackup(database, out, {
        overwrite: parsed.values.force === true,
        clock: ctx.clock,
        ...(ctx.uploadDir ? { uploadDir: ctx.uploadDir() } : {}),
      }),
    );
    ctx.out(
      `Đã sao lưu ${summary.totalRows} dòng của ${summary.header.tables.length} bảng từ ${ctx.describeDatabase()}`,
    );
    ctx.out(`  vào / to: ${path.resolve(summary.file)} (${size(summary.bytes)})`);
    for (const [table, n] of Object.entries(summary.rowCounts)) ctx.out(`  ${table.padEnd(20)} ${n}`);
    ctx.out(`  Tệp đính kèm / attachment files: ${summary.files}`);
    for (const sha of summary.missingFiles)
      ctx.err(
        `  Cảnh báo: thiếu hoặc hỏng tệp đính kèm ${sha} trong thư mục tải lên; không sao lưu được nội dung tệp này.`,
      );
    ctx.out(`(Backup written: ${summary.totalRows} rows, ${summary.files} files.)`);
    return EXIT.ok;
  },
};

export const restoreCommand: Command = {
  name: 'restore',
  summary: 'Khôi phục từ tệp sao lưu / Restore from a backup file',
  help: RESTORE_HELP,
  async run(argv, ctx) {
    const parsed = parseCommand('restore', argv, { force: { type: 'boolean' } }, 1);
    if (parsed.help) {
      ctx.out(RESTORE_HELP);
      return EXIT.ok;
    }
    const file = parsed.positionals[0];
    if (!file) throw new UsageError('Thiếu tệp sao lưu: restore <tệp> (missing backup file)', 'restore');
    const summary = await withDatabase(ctx, (database) =>
      restoreBackup(database, file, {
        force: parsed.values.force === true,
        ...(ctx.uploadDir ? { uploadDir: ctx.uploadDir() } : {}),
      }),
    );
    const h = summary.header;
    ctx.out(`Đã khôi phục ${summary.totalRows} dòng vào ${ctx.describeDatabase()}`);
    ctx.out(
      `  từ / from: ${file} (tạo lúc / created ${h.createdAt} trên / on ${h.engine}, VinhDanh ${h.appVersion})`,
    );
    for (const [table, n] of Object.entries(summary.rowCounts)) ctx.out(`  ${table.padEnd(20)} ${n}`);
    ctx.out(`  Tệp đính kèm / attachment files: ${summary.files}`);
    for (const note of summary.notes) ctx.out(`  Lưu ý / note: ${note}`);
    const lines = describeVerify(summary.audit);
    if (summary.audit.ok) {
      for (const line of lines) ctx.out(line);
      return EXIT.ok;
    }
    for (const line of lines) ctx.err(line);
    ctx.err(
      'Dữ liệu đã được khôi phục đúng như bản sao lưu, nhưng bản sao lưu mang một nhật ký đã bị can thiệp.',
    );
    return EXIT.failure;
  },
};
