import { DEMO_PASSWORD, DEMO_UNITS, DEMO_USERS, seedDemo } from '../../server/seed/demo';
import { EXIT, parseCommand, UsageError, withDatabase, type Command } from '../context';

const HELP = `Tạo dữ liệu mẫu (Sở Nông nghiệp Bạc Liêu, khối thi đua 8 đơn vị, mỗi vai trò một tài khoản).
Chỉ chạy trên cơ sở dữ liệu trống; nếu đã có dữ liệu thì không làm gì.
(Seed the demo data; does nothing when the database already has data.)

Cách dùng / Usage:
  npm run cli -- seed --demo

Tùy chọn / Options:
  --demo        Dữ liệu mẫu (bắt buộc) / demo data (required)
  -h, --help    Trợ giúp / this help`;

export const seedCommand: Command = {
  name: 'seed',
  summary: 'Tạo dữ liệu mẫu / Seed demo data (--demo)',
  help: HELP,
  async run(argv, ctx) {
    const parsed = parseCommand('seed', argv, { demo: { type: 'boolean' } });
    if (parsed.help) {
      ctx.out(HELP);
      return EXIT.ok;
    }
    if (parsed.values.demo !== true) {
      throw new UsageError('Hãy chỉ rõ loại dữ liệu cần tạo: --demo (Specify what to seed: --demo)', 'seed');
    }
    const { seeded } = await withDatabase(ctx, (db) => seedDemo(db, ctx.clock));
    if (!seeded) {
      ctx.out('Cơ sở dữ liệu đã có dữ liệu nên không tạo dữ liệu mẫu; không có gì thay đổi.');
      ctx.out('(The database already has data; nothing was seeded.)');
      return EXIT.ok;
    }
    ctx.out(
      `Đã tạo dữ liệu mẫu: ${DEMO_UNITS.length} đơn vị, ${DEMO_USERS.length} tài khoản, 1 khối thi đua.`,
    );
    ctx.out(
      `(Demo data seeded.) Tài khoản mẫu / demo accounts — mật khẩu chung / password: ${DEMO_PASSWORD}`,
    );
    for (const u of DEMO_USERS) ctx.out(`  ${u.username.padEnd(12)} ${u.role}`);
    return EXIT.ok;
  },
};
