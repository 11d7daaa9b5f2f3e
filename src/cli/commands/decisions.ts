import { createDecisionsService } from '../../server/features/decisions/decisions.service';
import { DECISION_KIND_LABELS } from '../../shared/decisions/decisions.schema';
import { formatDong } from '../../domain/money/vietnamese-words';
import { EXIT, formatOption, parseCommand, withDatabase, yearOption, type Command } from '../context';

const HELP = `Liệt kê các quyết định khen thưởng đã ban hành cho thành tích của một năm, với từng người, tập thể
được khen, danh hiệu hoặc hình thức và tiền thưởng (cùng số liệu với trang "Quyết định" và API /api/decisions).
(List the issued decisions on a year's achievements, with recipients, titles or forms and prize money.)

Cách dùng / Usage:
  npm run cli -- decisions --year N [--format text|json]

Mã thoát / Exit: 0 ok, 2 sai cú pháp / usage error.`;

export const decisionsCommand: Command = {
  name: 'decisions',
  summary: 'Quyết định khen thưởng và tiền thưởng / Decisions and prize money',
  help: HELP,
  async run(argv, ctx) {
    const parsed = parseCommand('decisions', argv, { year: { type: 'string' }, format: { type: 'string' } });
    if (parsed.help) {
      ctx.out(HELP);
      return EXIT.ok;
    }
    const year = yearOption('decisions', parsed);
    const format = formatOption('decisions', parsed);

    return withDatabase(ctx, async (database) => {
      const report = await createDecisionsService(database, ctx.clock).yearReport(year);
      if (format === 'json') {
        const doc = {
          year,
          decisions: report.map((d) => ({
            id: d.id,
            number: d.number,
            decidedOn: d.decidedOn,
            kind: d.kind,
            issuer: d.authority,
            summary: d.summary,
            signer: d.signerName,
            baseSalary: d.baseSalary,
            prizeTotal: d.total,
            prizeTotalInWords: d.words,
            recipients: d.recipients.map((r) => ({
              recipientKind: r.recipientKind,
              recipientKey: r.recipientKey,
              name: r.displayName,
              detail: r.displayDetail,
              awardCode: r.awardCode,
              award: r.awardLabel,
              track: r.track,
              year: r.year,
              coefficient: r.coefficient,
              prizeAmount: r.paid,
              revoked: r.revokedByDecisionId !== null,
            })),
          })),
        };
        ctx.out(JSON.stringify(doc, null, 2));
        return EXIT.ok;
      }
      ctx.out(`Quyết định khen thưởng cho thành tích năm ${year}: ${report.length}`);
      for (const d of report) {
        const date = d.decidedOn ? d.decidedOn.split('-').reverse().join('/') : '';
        ctx.out(
          `\n■ Quyết định số ${d.number} ngày ${date} của ${d.authority} (${DECISION_KIND_LABELS[d.kind]})\n  ${d.summary}`,
        );
        ctx.out(
          `  ${d.recipients.length} người/tập thể; tổng tiền thưởng ${formatDong(d.total)} (${d.words})`,
        );
        for (const r of d.recipients)
          ctx.out(
            `  - ${r.displayName}${r.displayDetail ? ` (${r.displayDetail})` : ''}: ${r.awardLabel} — ${formatDong(r.paid)}`,
          );
      }
      return EXIT.ok;
    });
  },
};
