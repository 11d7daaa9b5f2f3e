import { sql } from 'drizzle-orm';
import { DEMO_PASSWORD, DEMO_USERS, seedDemo } from '../../server/seed/demo';
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
    const counts = await withDatabase(
      ctx,
      async (db) =>
        (
          await db.rows<{ units: unknown; people: unknown; blocks: unknown }>(
            sql`select (select count(*) from units) as units, (select count(*) from people) as people, (select count(*) from blocks) as blocks`,
          )
        )[0]!,
    );
    ctx.out(
      `Đã tạo dữ liệu mẫu: ${Number(counts.units)} đơn vị, ${Number(counts.people)} cán bộ, ${DEMO_USERS.length} tài khoản, ${Number(counts.blocks)} khối thi đua.`,
    );
    ctx.out(
      `(Demo data seeded.) Tài khoản mẫu / demo accounts — mật khẩu chung / password: ${DEMO_PASSWORD}`,
    );
    for (const u of DEMO_USERS) ctx.out(`  ${u.username.padEnd(12)} ${u.role}`);
    return EXIT.ok;
  },
};
