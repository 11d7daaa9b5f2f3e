import { verifyAuditChain, type VerifyResult } from '../../server/platform/audit';
import {
  EXIT,
  formatOption,
  parseCommand,
  UsageError,
  withDatabase,
  type CliContext,
  type Command,
} from '../context';

const VERIFY_HELP = `Kiểm tra chuỗi băm của nhật ký kiểm toán: phát hiện dòng bị sửa, xóa hoặc chèn.
(Verify the audit log hash chain: detects changed, deleted or inserted rows.)

Cách dùng / Usage:
  npm run cli -- audit verify [--format text|json]

Tùy chọn / Options:
  --format      text (mặc định / default) hoặc / or json: { ok, checked, firstBrokenSeq, reason }
  -h, --help    Trợ giúp / this help

Mã thoát / Exit: 0 chuỗi toàn vẹn / chain intact, 1 chuỗi bị phá vỡ / chain broken.`;

const HELP = `Nhật ký kiểm toán. (Audit log.)

Cách dùng / Usage:
  npm run cli -- audit verify [--format text|json]   Kiểm tra chuỗi băm / verify the hash chain`;

/** Human-readable lines for a verification result (also used after a restore). */
export function describeVerify(result: VerifyResult): string[] {
  if (result.ok) {
    return [
      `✓ Nhật ký kiểm toán toàn vẹn: đã kiểm tra ${result.checked} dòng, chuỗi băm khớp.`,
      `  (Audit log intact: ${result.checked} rows checked.)`,
    ];
  }
  return [
    `✖ Nhật ký kiểm toán KHÔNG toàn vẹn: chuỗi bị phá vỡ tại dòng ${result.firstBrokenSeq} (sau ${result.checked} dòng hợp lệ).`,
    `  ${result.reason}`,
    `  (Audit chain broken at seq ${result.firstBrokenSeq}.)`,
  ];
}

async function verify(argv: string[], ctx: CliContext): Promise<number> {
  const parsed = parseCommand('audit verify', argv, { format: { type: 'string' } });
  if (parsed.help) {
    ctx.out(VERIFY_HELP);
    return EXIT.ok;
  }
  const format = formatOption('audit verify', parsed);
  const result = await withDatabase(ctx, (database) => verifyAuditChain(database.db));
  if (format === 'json') {
    const { ok, checked, firstBrokenSeq, reason } = result;
    ctx.out(JSON.stringify({ ok, checked, firstBrokenSeq, reason }));
  } else {
    for (const line of describeVerify(result)) (result.ok ? ctx.out : ctx.err)(line);
  }
  return result.ok ? EXIT.ok : EXIT.failure;
}

export const auditCommand: Command = {
  name: 'audit',
  summary: 'Kiểm tra nhật ký kiểm toán / Verify the audit log (verify)',
  help: HELP,
  async run(argv, ctx) {
    const [sub, ...rest] = argv;
    if (sub === 'verify') return verify(rest, ctx);
    if (sub === '--help' || sub === '-h' || sub === 'help') {
      ctx.out(HELP);
      return EXIT.ok;
    }
    if (sub === undefined) {
      ctx.err(HELP);
      return EXIT.usage;
    }
    throw new UsageError(`Lệnh con không có: audit ${sub} (unknown subcommand; dùng / use: verify)`, 'audit');
  },
};
