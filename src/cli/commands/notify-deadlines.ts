import { loadConfig } from '../../server/platform/config';
import { createMailer } from '../../server/platform/mailer';
import { notifyDeadlines } from '../../server/features/dossiers/deadline-sweep';
import { EXIT, formatOption, parseCommand, withDatabase, type Command } from '../context';

const HELP = `Gửi thông báo cho các hồ sơ đề nghị khen thưởng sắp đến hạn (còn ≤ 2 ngày làm việc) hoặc quá hạn,
mỗi hồ sơ một lần cho mỗi bước; gửi kèm e-mail nếu VINHDANH_MAILER=file. Chạy định kỳ (cron), chạy lại không
gửi trùng. (Notify units of dossiers whose legal deadline is near or past; idempotent.)

Cách dùng / Usage:
  npm run cli -- notify-deadlines [--format text|json]

Mã thoát / Exit: 0 ok, 2 sai cú pháp / usage error.`;

export const notifyDeadlinesCommand: Command = {
  name: 'notify-deadlines',
  summary: 'Thông báo hồ sơ sắp đến hạn, quá hạn / Notify dossier deadlines',
  help: HELP,
  async run(argv, ctx) {
    const parsed = parseCommand('notify-deadlines', argv, { format: { type: 'string' } });
    if (parsed.help) {
      ctx.out(HELP);
      return EXIT.ok;
    }
    const format = formatOption('notify-deadlines', parsed);
    const config = loadConfig(ctx.env);
    return withDatabase(ctx, async (database) => {
      const r = await notifyDeadlines(database, ctx.clock, createMailer(config), config);
      if (format === 'json') ctx.out(JSON.stringify(r, null, 2));
      else {
        ctx.out(`Đã xét ${r.checked} hồ sơ có thời hạn; gửi ${r.notified.length} thông báo mới.`);
        for (const n of r.notified)
          ctx.out(`  ${n.code}: ${n.state === 'late' ? 'quá hạn' : 'sắp đến hạn'} (hạn ${n.dueOn})`);
      }
      return EXIT.ok;
    });
  },
};
