import { appliedMigrations, type MigrationRecord } from '../../server/platform/backup';
import { EXIT, parseCommand, withDatabase, type Command } from '../context';

const HELP = `Áp dụng các migration còn thiếu cho cơ sở dữ liệu và cho biết lược đồ đang ở đâu.
(Apply pending database migrations and report the schema state.)

Cách dùng / Usage:
  npm run cli -- migrate

Máy chủ cũng tự áp dụng migration khi khởi động; lệnh này để làm việc đó trước, ví dụ khi nâng cấp.
(The server also migrates at start-up; this does it ahead of time, e.g. when upgrading.)`;

const label = (m: MigrationRecord) => m.tag ?? m.hash.slice(0, 12);

export const migrateCommand: Command = {
  name: 'migrate',
  summary: 'Áp dụng migration cơ sở dữ liệu / Apply database migrations',
  help: HELP,
  async run(argv, ctx) {
    const parsed = parseCommand('migrate', argv, {});
    if (parsed.help) {
      ctx.out(HELP);
      return EXIT.ok;
    }
    const before = await withDatabase(ctx, (db) => appliedMigrations(db.db), { migrate: false });
    const after = await withDatabase(ctx, (db) => appliedMigrations(db.db));
    const known = new Set(before.map((m) => m.hash));
    const applied = after.filter((m) => !known.has(m.hash));
    ctx.out(`Cơ sở dữ liệu / Database: ${ctx.describeDatabase()}`);
    if (applied.length === 0) {
      ctx.out(
        `Lược đồ đã ở phiên bản mới nhất (${after.length} migration, mới nhất: ${after.at(-1) ? label(after.at(-1)!) : '—'}); không có gì thay đổi.`,
      );
      ctx.out(`(Schema is up to date; nothing to apply.)`);
    } else {
      ctx.out(`Đã áp dụng ${applied.length} migration / Applied ${applied.length} migration(s):`);
      for (const m of applied) ctx.out(`  ✓ ${label(m)}`);
      ctx.out(`Tổng số migration đã áp dụng / Total applied: ${after.length}`);
    }
    return EXIT.ok;
  },
};
