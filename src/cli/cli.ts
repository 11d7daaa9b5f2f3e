/**
 * `npm run cli -- <command>`: parses the command line, runs one command, and turns the outcome into an exit
 * code — 0 ok, 1 failure (message shown), 2 usage error (wrong command line or invalid input).
 */
import { DataDirLockedError } from '../server/platform/db/database';
import { BackupError } from '../server/platform/backup';
import { VERSION } from '../server/version';
import { causeMessage, CliFailure, EXIT, UsageError, type CliContext, type Command } from './context';
import { migrateCommand } from './commands/migrate';
import { seedCommand } from './commands/seed';
import { userCommand } from './commands/user';
import { backupCommand, restoreCommand } from './commands/backup';
import { auditCommand } from './commands/audit';
import { importCommand } from './commands/import';
import { exportCommand } from './commands/export';
import { eligibilityCommand } from './commands/eligibility';
import { movementsCommand } from './commands/movements';
import { decisionsCommand } from './commands/decisions';
import { notifyDeadlinesCommand } from './commands/notify-deadlines';
import { reportCommand } from './commands/report';

/**
 * `generate` pulls in the synthetic-data generator (bench/synthetic.ts): loaded when it runs, so every
 * other command starts without it. `help generate` runs `generate --help`.
 */
const generateCommand: Command = {
  name: 'generate',
  summary: 'Sinh dữ liệu tổng hợp để đo hiệu năng / Generate a synthetic dataset',
  help: 'npm run cli -- generate --help',
  run: async (argv, ctx) => (await import('./commands/generate')).generate.run(argv, ctx),
};

export const COMMANDS: Command[] = [
  migrateCommand,
  seedCommand,
  userCommand,
  backupCommand,
  restoreCommand,
  auditCommand,
  importCommand,
  exportCommand,
  eligibilityCommand,
  movementsCommand,
  decisionsCommand,
  notifyDeadlinesCommand,
  reportCommand,
  generateCommand,
];

export const HELP = `VinhDanh ${VERSION} — công cụ dòng lệnh quản lý thi đua, khen thưởng
(VinhDanh command-line tool)

Cách dùng / Usage:
  npm run cli -- <lệnh> [tùy chọn]

Lệnh / Commands:
  migrate                        Áp dụng migration cơ sở dữ liệu / Apply database migrations
  seed --demo                    Tạo dữ liệu mẫu / Seed demo data
  user create --username … --role … --unit <mã đơn vị> --display-name … [--password …]
                                 Tạo tài khoản / Create a user account
  user list [--format json]      Liệt kê tài khoản / List user accounts
  backup --out <tệp>             Sao lưu toàn bộ dữ liệu / Back up all data
  restore <tệp> [--force]        Khôi phục từ tệp sao lưu / Restore from a backup
  audit verify [--format json]   Kiểm tra chuỗi băm nhật ký kiểm toán / Verify the audit chain
  import <loại|dataset|workbook> <tệp> [--dry-run] [--format json]
                                 Nhập dữ liệu từ Excel, CSV, JSON / Import registry records
  export <loại|dataset|workbook> --out <tệp> [--year N] [--unit <mã>] [--q …] [--force]
                                 Xuất dữ liệu ra Excel, CSV, JSON / Export registry records
  eligibility --year N [--unit <mã>] [--person <mã>] [--format text|json|xlsx] [--out <tệp>]
                                 Xét điều kiện khen thưởng / Judge eligibility
  movements --year N [--format text|json]
                                 Phong trào thi đua và kết quả / Movements and their results
  decisions --year N [--format text|json]
                                 Quyết định khen thưởng và tiền thưởng / Decisions and prize money
  report summary --year N [--scope <mã đơn vị | id khối>] --format json|docx|xlsx [--out <tệp>]
                                 Báo cáo tổng kết thi đua, khen thưởng / Year-end summary report
  generate --people N --years N --seed N --out <tệp.json>
                                 Sinh dữ liệu tổng hợp (không cần CSDL) / Generate a synthetic dataset

Trợ giúp từng lệnh / Help on a command:  npm run cli -- <lệnh> --help

Cơ sở dữ liệu / Database: PostgreSQL khi đặt DATABASE_URL, nếu không thì PGlite trong VINHDANH_DATA_DIR
(mặc định ./data). Với PGlite, dừng máy chủ trước khi chạy lệnh (chỉ một tiến trình được mở thư mục dữ liệu).
(PostgreSQL when DATABASE_URL is set, else PGlite in VINHDANH_DATA_DIR; stop the server first on PGlite.)

Mã thoát / Exit codes: 0 thành công / ok · 1 thất bại / failure · 2 sai cú pháp hoặc dữ liệu / usage error`;

export async function runCli(argv: string[], ctx: CliContext): Promise<number> {
  const [name, ...rest] = argv;
  let command: Command | undefined;
  try {
    if (name === undefined) {
      ctx.err(HELP);
      return EXIT.usage;
    }
    if (name === '--help' || name === '-h') {
      ctx.out(HELP);
      return EXIT.ok;
    }
    if (name === 'help') {
      // `help user create` is `user create --help`: each command prints its own help.
      const target = COMMANDS.find((c) => c.name === rest[0]);
      if (!target) {
        ctx.out(HELP);
        return EXIT.ok;
      }
      command = target;
      return await target.run([...rest.slice(1), '--help'], ctx);
    }
    if (name === '--version' || name === '-v') {
      ctx.out(VERSION);
      return EXIT.ok;
    }
    command = COMMANDS.find((c) => c.name === name);
    if (!command) throw new UsageError(`Không có lệnh "${name}" (unknown command)`);
    return await command.run(rest, ctx);
  } catch (err) {
    if (err instanceof UsageError) {
      ctx.err(`✖ ${err.message}`);
      ctx.err(
        `Xem trợ giúp / See help: npm run cli -- ${err.command ?? command?.name ?? ''} --help`.replace(
          '--  --',
          '-- --',
        ),
      );
      return EXIT.usage;
    }
    if (err instanceof CliFailure || err instanceof BackupError || err instanceof DataDirLockedError) {
      ctx.err(`✖ ${err.message}`);
      return EXIT.failure;
    }
    // A fault, not an expected failure: say so plainly; the stack only on request.
    const e = err as Error;
    ctx.err(`✖ Lỗi không mong đợi / Unexpected error: ${causeMessage(err)}`);
    if (ctx.env.VINHDANH_DEBUG) ctx.err(String(e?.stack ?? ''));
    else ctx.err('  (Đặt VINHDANH_DEBUG=1 để xem chi tiết / set VINHDANH_DEBUG=1 for details.)');
    return EXIT.failure;
  }
}
