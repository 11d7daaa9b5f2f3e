import { writeFile } from 'node:fs/promises';
import { createReportsService } from '../../server/features/reports/reports.service';
import { summaryWord, summaryWorkbook } from '../../server/features/reports/summary-files';
import { systemActor } from '../../server/platform/actor';
import {
  CliFailure,
  EXIT,
  parseCommand,
  stringOption,
  UsageError,
  withDatabase,
  yearOption,
  type Command,
} from '../context';

const HELP = `Báo cáo tổng kết công tác thi đua, khen thưởng của một năm, tính từ dữ liệu: các phong trào thi đua và
kết quả, số khen thưởng theo loại hình, cấp khen thưởng, danh hiệu/hình thức và đối tượng (cùng số liệu với
API /api/reports/summary).
(The year-end summary from the data: movements and their results, award counts by track, authority, code
and recipient kind.)

Cách dùng / Usage:
  npm run cli -- report summary --year N [--scope <mã đơn vị | mã khối>] [--format json|docx|xlsx] [--out <tệp>]

--scope: mã đơn vị (BL-TTKN) hoặc mã khối thi đua của năm — tên khối viết không dấu, chữ thường, nối bằng
dấu gạch (khoi-thi-dua-cac-don-vi-su-nghiep-cong-lap-don-vi-to-chuc-hanh-chinh-co-su-nghiep); tên khối
viết đầy đủ có dấu cũng được. Xem các mã: GET /api/reports/scopes?year=N.
(--scope: a unit code, or a block's code: its name without diacritics, lower case, hyphenated.)
Không có --scope: toàn bộ dữ liệu. docx/xlsx cần --out; json in ra màn hình nếu không có --out.
Mã thoát / Exit: 0 ok, 1 lỗi / failure, 2 sai cú pháp / usage error.`;

export const reportCommand: Command = {
  name: 'report',
  summary: 'Báo cáo tổng kết thi đua, khen thưởng / Year-end summary report',
  help: HELP,
  async run(argv, ctx) {
    const parsed = parseCommand(
      'report',
      argv,
      {
        year: { type: 'string' },
        scope: { type: 'string' },
        format: { type: 'string' },
        out: { type: 'string' },
      },
      1,
    );
    if (parsed.help) {
      ctx.out(HELP);
      return EXIT.ok;
    }
    if (parsed.positionals[0] !== 'summary')
      throw new UsageError('cần lệnh con "summary": report summary --year N', 'report');
    // Reports reach back before the system's own years (imported award history).
    const year = yearOption('report', parsed, 1990);
    const format = stringOption(parsed, 'format') ?? 'json';
    if (!['json', 'docx', 'xlsx'].includes(format))
      throw new UsageError(`--format chỉ nhận json, docx hoặc xlsx (nhận được "${format}")`, 'report');
    const out = stringOption(parsed, 'out');
    if (format !== 'json' && !out) throw new UsageError(`--format ${format} cần --out <tệp>`, 'report');

    return withDatabase(ctx, async (database) => {
      const service = createReportsService(database, ctx.clock);
      const now = ctx.clock();
      const r = await service.summaryWithIssuer(
        { actor: systemActor(null, 'cli'), scope: 'any' },
        { year, scope: stringOption(parsed, 'scope') },
        now,
      );
      if (!r.ok) throw new CliFailure(`--scope: ${r.error.message}`);
      const { report, issuer } = r.value;
      const body =
        format === 'docx'
          ? await summaryWord(report, now, issuer)
          : format === 'xlsx'
            ? await summaryWorkbook(report)
            : JSON.stringify(report, null, 2);
      if (out) {
        await writeFile(out, body);
        ctx.out(`Đã ghi ${out}`);
      } else ctx.out(body as string);
      return EXIT.ok;
    });
  },
};
