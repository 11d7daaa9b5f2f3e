import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { createEligibilityService } from '../../server/features/eligibility/eligibility.service';
import { suggestionsWorkbook, reasons } from '../../server/features/eligibility/eligibility.export';
import { systemActor } from '../../server/platform/actor';
import { unitsRepository } from '../../server/features/units/units.repository';
import { AWARD_CODES } from '../../shared/registry/catalog';
import { SUGGESTION_FILTERS, suggestionQuery } from '../../shared/eligibility/eligibility.schema';
import {
  CliFailure,
  EXIT,
  parseCommand,
  stringOption,
  UsageError,
  withDatabase,
  type Command,
} from '../context';

const HELP = `Xét điều kiện khen thưởng theo quy định pháp luật của năm (cùng kết quả với trang "Gợi ý khen thưởng"
và API /api/eligibility/suggestions).
(Judge eligibility for every title and form of the year's rule pack; same verdicts as the UI and the API.)

Cách dùng / Usage:
  npm run cli -- eligibility --year N [--unit <mã đơn vị>] [--person <mã cán bộ|id>] [--award <mã>]
                             [--status eligible|needs_review|near_miss|ineligible|all]
                             [--format text|json|xlsx] [--out <tệp.xlsx>] [--force]

Mặc định liệt kê người, tập thể đủ điều kiện, cần xem xét và thiếu đúng một tiêu chuẩn (kèm tiêu chuẩn thiếu).
(By default: eligible, needs review, and missing exactly one criterion.)
Mã thoát / Exit: 0 ok, 1 không tìm thấy đơn vị/cá nhân / unknown unit or person, 2 sai cú pháp / usage error.`;

export const eligibilityCommand: Command = {
  name: 'eligibility',
  summary: 'Xét điều kiện khen thưởng / Judge eligibility',
  help: HELP,
  async run(argv, ctx) {
    const parsed = parseCommand('eligibility', argv, {
      year: { type: 'string' },
      unit: { type: 'string' },
      person: { type: 'string' },
      award: { type: 'string' },
      status: { type: 'string' },
      format: { type: 'string' },
      out: { type: 'string' },
      force: { type: 'boolean' },
    });
    if (parsed.help) {
      ctx.out(HELP);
      return EXIT.ok;
    }
    const format = stringOption(parsed, 'format') ?? 'text';
    if (!['text', 'json', 'xlsx'].includes(format))
      throw new UsageError(
        `--format chỉ nhận "text", "json" hoặc "xlsx" (nhận được "${format}")`,
        'eligibility',
      );
    const status = stringOption(parsed, 'status');
    if (status && status !== 'all' && !(SUGGESTION_FILTERS as readonly string[]).includes(status))
      throw new UsageError(`--status không hợp lệ: ${status}`, 'eligibility');
    const award = stringOption(parsed, 'award');
    const query = suggestionQuery.safeParse({
      year: stringOption(parsed, 'year'),
      ...(award ? { awardCode: award } : {}),
      ...(status && status !== 'all' ? { status } : {}),
      page: 1,
      pageSize: 500,
    });
    if (!query.success)
      throw new UsageError(
        query.error.issues.map((i) => `--${String(i.path[0])}: ${i.message}`).join('; '),
        'eligibility',
      );
    const out = stringOption(parsed, 'out');
    if (format === 'xlsx' && !out) throw new UsageError('Thiếu tệp đích: --out <tệp.xlsx>', 'eligibility');
    if (out && fs.existsSync(out) && !parsed.values.force)
      throw new CliFailure(`Tệp đã tồn tại: ${out} (dùng --force để ghi đè)`);

    return withDatabase(ctx, async (database) => {
      const service = createEligibilityService(database);
      const unitCode = stringOption(parsed, 'unit');
      const personRef = stringOption(parsed, 'person');
      let unitId: string | undefined;
      let personId: string | undefined;
      if (unitCode) {
        const u = await unitsRepository.findByCode(database.db, unitCode);
        if (!u) throw new CliFailure(`Không có đơn vị mã "${unitCode}"`);
        unitId = u.id;
      }
      if (personRef) {
        const rows = await database.rows<{ id: string }>(
          sql`select id from people where code = ${personRef} or id::text = ${personRef} limit 1`,
        );
        if (!rows[0]) throw new CliFailure(`Không có cán bộ "${personRef}"`);
        personId = rows[0].id;
      }
      const q = { ...query.data, ...(unitId ? { unitId } : {}), ...(personId ? { personId } : {}) };
      const viewer = { actor: systemActor(null, 'cli'), scope: 'any' as const };
      const r = await service.suggestionExport(viewer, q);
      if (!r.ok) throw new CliFailure(r.error.message);
      const rows = status === 'all' ? await service.allRows(viewer, q) : r.value.rows;
      if (format === 'xlsx') {
        fs.mkdirSync(path.dirname(path.resolve(out!)), { recursive: true });
        fs.writeFileSync(out!, await suggestionsWorkbook(q, { ...r.value, rows }));
        ctx.out(`Đã ghi ${rows.length} dòng vào ${out}`);
        return EXIT.ok;
      }
      if (format === 'json') {
        const doc = {
          year: q.year,
          pack: { id: r.value.pack.id, name: r.value.pack.name },
          scope: r.value.scope,
          verdicts: rows.map((x) => ({
            subjectKind: x.subjectKind,
            subjectId: x.subjectId,
            code: x.code,
            name: x.name,
            unitName: x.unitName,
            awardCode: x.awardCode,
            status: x.status,
            nearMiss: x.nearMiss,
            missing: x.missing,
            checks: x.checks,
          })),
        };
        const text = JSON.stringify(doc, null, 2);
        if (out) fs.writeFileSync(out, `${text}\n`);
        else ctx.out(text);
        return EXIT.ok;
      }
      ctx.out(`Năm ${q.year} — ${r.value.pack.name} — phạm vi: ${r.value.scope}`);
      for (const x of rows)
        ctx.out(
          `${x.code}\t${x.name}\t${AWARD_CODES[x.awardCode].label}\t${x.nearMiss ? 'thiếu một tiêu chuẩn' : x.status}` +
            (x.status === 'eligible' ? '' : `\n    ${reasons(x).replace(/\n/g, '\n    ')}`),
        );
      ctx.out(`${rows.length} dòng`);
      return EXIT.ok;
    });
  },
};
