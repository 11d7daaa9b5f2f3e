import { randomBytes } from 'node:crypto';
import { loadConfig } from '../../server/platform/config';
import { systemActor } from '../../server/platform/actor';
import { createUsersService } from '../../server/features/users/users.service';
import { unitsRepository } from '../../server/features/units/units.repository';
import { userCreateSchema, type User } from '../../shared/users/users.schema';
import { newPassword } from '../../shared/auth/auth.schema';
import { ROLES, ROLE_LABELS, type Role } from '../../shared/permissions';
import {
  CliFailure,
  EXIT,
  formatOption,
  parseCommand,
  stringOption,
  UsageError,
  withDatabase,
  type CliContext,
  type Command,
} from '../context';

const ROLE_LIST = ROLES.map((r) => `    ${r.padEnd(15)} ${ROLE_LABELS[r].vi} / ${ROLE_LABELS[r].en}`).join(
  '\n',
);

const CREATE_HELP = `Tạo tài khoản người dùng (ghi vào nhật ký kiểm toán với người thực hiện "cli").
(Create a user account; audited with actor "cli".)

Cách dùng / Usage:
  npm run cli -- user create --username <tên> --role <vai trò> --unit <mã đơn vị> --display-name "<họ và tên>" [--password <mật khẩu>]

Tùy chọn / Options:
  --username        Tên đăng nhập: 3–50 ký tự chữ thường không dấu, số, . - _ / login name
  --display-name    Họ và tên / full name
  --role            Vai trò / role, một trong / one of:
${ROLE_LIST}
  --unit            Mã đơn vị, ví dụ BL-TTKN / unit code
  --password        Mật khẩu ban đầu (≥ 10 ký tự, có chữ và số). Nên bỏ trống: hệ thống sinh mật khẩu mạnh
                    và in ra một lần (mật khẩu gõ trên dòng lệnh có thể lưu trong lịch sử shell).
                    (Initial password; better omitted: a strong one is generated and printed once.)
  -h, --help        Trợ giúp / this help

Người dùng phải đổi mật khẩu khi đăng nhập lần đầu. (The user must change it at first login.)
Mã thoát / Exit: 0 đã tạo / created, 1 không tạo được (trùng tên, không có đơn vị) / refused, 2 dữ liệu sai / invalid input.`;

const LIST_HELP = `Liệt kê tài khoản người dùng. (List user accounts.)

Cách dùng / Usage:
  npm run cli -- user list [--format text|json]

Tùy chọn / Options:
  --format      text (mặc định / default) hoặc / or json
  -h, --help    Trợ giúp / this help`;

const HELP = `Quản lý tài khoản người dùng. (Manage user accounts.)

Cách dùng / Usage:
  npm run cli -- user create …   Tạo tài khoản / create an account
  npm run cli -- user list       Liệt kê tài khoản / list accounts

Xem / See: npm run cli -- user create --help`;

/** Flag that carries each schema field, so messages point at what to fix. */
const FLAG: Record<string, string> = {
  username: '--username',
  displayName: '--display-name',
  role: '--role',
  password: '--password',
  unitId: '--unit',
};

/** 24 random base64url characters (~144 bits), re-drawn until the password policy accepts it. */
export function generatePassword(): string {
  for (;;) {
    const candidate = randomBytes(18).toString('base64url');
    if (newPassword.safeParse(candidate).success) return candidate;
  }
}

async function create(argv: string[], ctx: CliContext): Promise<number> {
  const parsed = parseCommand('user create', argv, {
    username: { type: 'string' },
    'display-name': { type: 'string' },
    role: { type: 'string' },
    unit: { type: 'string' },
    password: { type: 'string' },
  });
  if (parsed.help) {
    ctx.out(CREATE_HELP);
    return EXIT.ok;
  }
  const unitCode = stringOption(parsed, 'unit')?.trim();
  const givenPassword = stringOption(parsed, 'password');
  const password = givenPassword ?? generatePassword();
  const fields = {
    username: stringOption(parsed, 'username'),
    displayName: stringOption(parsed, 'display-name'),
    role: stringOption(parsed, 'role'),
    password,
  };

  // The same schema the API and the form use; the unit is checked once it is resolved from its code.
  const problems: string[] = [];
  const result = userCreateSchema.omit({ unitId: true }).safeParse(fields);
  if (!result.success) {
    for (const issue of result.error.issues) {
      const key = String(issue.path[0] ?? '');
      const extra = key === 'role' ? ` (${ROLES.join(', ')})` : '';
      problems.push(`  ${FLAG[key] ?? key}: ${issue.message}${extra}`);
    }
  }
  if (!unitCode) problems.push('  --unit: Vui lòng nhập mã đơn vị');
  if (problems.length > 0) {
    ctx.err('Dữ liệu không hợp lệ, chưa tạo tài khoản / Invalid input, nothing created:');
    for (const p of problems) ctx.err(p);
    ctx.err('Xem / See: npm run cli -- user create --help');
    return EXIT.usage;
  }

  return withDatabase(ctx, async (database) => {
    const unit = await unitsRepository.findByCode(database.db, unitCode!);
    if (!unit) {
      throw new CliFailure(
        `Không tìm thấy đơn vị có mã "${unitCode}"; chưa tạo tài khoản. (No unit with this code.)`,
      );
    }
    const input = userCreateSchema.parse({ ...result.data, unitId: unit.id });
    const users = createUsersService(database, loadConfig(ctx.env), ctx.clock);
    const created = await users.create(systemActor(null, 'cli'), input);
    if (!created.ok) {
      const details = Object.entries(created.error.fields ?? {})
        .filter(([, v]) => !created.error.message.startsWith(v))
        .map(([k, v]) => ` ${FLAG[k] ?? k}: ${v}.`);
      throw new CliFailure(`${created.error.message}${details.join('')} Chưa tạo tài khoản.`);
    }
    const u = created.value;
    ctx.out(`Đã tạo tài khoản / Account created: ${u.username} — ${u.displayName}`);
    ctx.out(`  Vai trò / role:  ${ROLE_LABELS[u.role].vi} (${u.role})`);
    ctx.out(`  Đơn vị / unit:   ${u.unitName} (${unit.code})`);
    if (givenPassword === undefined) {
      ctx.out(`  Mật khẩu ban đầu (chỉ hiện một lần) / initial password (shown once): ${password}`);
    }
    ctx.out('  Phải đổi mật khẩu khi đăng nhập lần đầu. (Must change the password at first login.)');
    return EXIT.ok;
  });
}

async function listUsers(argv: string[], ctx: CliContext): Promise<number> {
  const parsed = parseCommand('user list', argv, { format: { type: 'string' } });
  if (parsed.help) {
    ctx.out(LIST_HELP);
    return EXIT.ok;
  }
  const format = formatOption('user list', parsed);
  const all = await withDatabase(ctx, async (database) => {
    const users = createUsersService(database, loadConfig(ctx.env), ctx.clock);
    const items: User[] = [];
    for (let page = 1; ; page++) {
      const result = await users.list(systemActor(null, 'cli'), 'any', { page, pageSize: 500 });
      items.push(...result.items);
      if (items.length >= result.total || result.items.length === 0) break;
    }
    return items;
  });
  if (format === 'json') {
    ctx.out(JSON.stringify(all, null, 2));
    return EXIT.ok;
  }
  if (all.length === 0) {
    ctx.out('Chưa có tài khoản nào. (No accounts yet.)');
    return EXIT.ok;
  }
  const rows = all.map((u) => [
    u.username,
    u.displayName,
    ROLE_LABELS[u.role as Role].vi,
    u.unitName,
    [
      u.active ? 'hoạt động' : 'đã khóa',
      u.locked ? 'tạm khóa' : '',
      u.mustChangePassword ? 'phải đổi mật khẩu' : '',
    ]
      .filter(Boolean)
      .join(', '),
  ]);
  const head = ['Tên đăng nhập', 'Họ và tên', 'Vai trò', 'Đơn vị', 'Trạng thái'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => c.padEnd(widths[i]!))
      .join('  ')
      .trimEnd();
  ctx.out(line(head));
  ctx.out(line(widths.map((w) => '-'.repeat(w))));
  for (const r of rows) ctx.out(line(r));
  ctx.out(`\n${all.length} tài khoản / accounts`);
  return EXIT.ok;
}

export const userCommand: Command = {
  name: 'user',
  summary: 'Tạo, liệt kê tài khoản / Create and list user accounts (create | list)',
  help: HELP,
  async run(argv, ctx) {
    const [sub, ...rest] = argv;
    if (sub === 'create') return create(rest, ctx);
    if (sub === 'list') return listUsers(rest, ctx);
    if (sub === undefined || sub === '--help' || sub === '-h' || sub === 'help') {
      if (sub === undefined) {
        ctx.err(HELP);
        return EXIT.usage;
      }
      ctx.out(HELP);
      return EXIT.ok;
    }
    throw new UsageError(
      `Lệnh con không có: user ${sub} (unknown subcommand; dùng / use: create, list)`,
      'user',
    );
  },
};
