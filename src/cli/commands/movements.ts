import { createMovementsService } from '../../server/features/movements/movements.service';
import { formatIndicatorValue, MOVEMENT_KIND_LABELS } from '../../shared/movements/movements.schema';
import { EXIT, formatOption, parseCommand, withDatabase, yearOption, type Command } from '../context';

const HELP = `Liệt kê các phong trào thi đua của năm, với chỉ tiêu, kết quả từng đơn vị và số liệu tổng hợp theo khối
và toàn ngành (cùng số liệu với trang "Phong trào thi đua" và API /api/movements).
(List a year's movements with their indicators, per-unit results and block/department aggregates.)

Cách dùng / Usage:
  npm run cli -- movements --year N [--format text|json]

Mã thoát / Exit: 0 ok, 2 sai cú pháp / usage error.`;

export const movementsCommand: Command = {
  name: 'movements',
  summary: 'Phong trào thi đua và kết quả / Movements and their results',
  help: HELP,
  async run(argv, ctx) {
    const parsed = parseCommand('movements', argv, { year: { type: 'string' }, format: { type: 'string' } });
    if (parsed.help) {
      ctx.out(HELP);
      return EXIT.ok;
    }
    const year = yearOption('movements', parsed);
    const format = formatOption('movements', parsed);

    return withDatabase(ctx, async (database) => {
      const report = await createMovementsService(database, ctx.clock).yearReport(year);
      if (format === 'json') {
        const doc = {
          year,
          movements: report.map((m) => ({
            id: m.id,
            name: m.name,
            kind: m.kind,
            status: m.status,
            launchingUnit: m.launchingUnitName,
            periodFrom: m.periodFrom,
            periodTo: m.periodTo,
            goals: m.goals,
            indicators: m.indicators.map(({ code, label, kind, target }) => ({ code, label, kind, target })),
            results: m.targets.map((t) => {
              const r = m.results.find((x) => x.unitId === t.unitId);
              return {
                unitCode: t.unitCode,
                unitName: t.unitName,
                summary: r?.summary ?? null,
                values: r?.values ?? {},
              };
            }),
            aggregates: m.aggregate.groups.map((g) => ({
              scope: g.scope,
              label: g.label,
              units: g.units,
              reportedUnits: g.reportedUnits,
              indicators: g.indicators,
            })),
          })),
        };
        ctx.out(JSON.stringify(doc, null, 2));
        return EXIT.ok;
      }
      ctx.out(`Phong trào thi đua năm ${year}: ${report.length}`);
      for (const m of report) {
        ctx.out(`\n■ ${m.name} (${MOVEMENT_KIND_LABELS[m.kind]}; ${m.launchingUnitName})`);
        for (const t of m.targets) {
          const r = m.results.find((x) => x.unitId === t.unitId);
          const values = m.indicators
            .filter((i) => r?.values[i.code] !== undefined)
            .map((i) => `${i.label}: ${formatIndicatorValue(i.kind, r!.values[i.code])}`)
            .join('; ');
          ctx.out(`  - ${t.unitName}: ${r ? r.summary : '(chưa báo cáo)'}${values ? ` [${values}]` : ''}`);
        }
        const dept = m.aggregate.groups.find((g) => g.scope === 'department');
        for (const a of dept?.indicators ?? [])
          ctx.out(
            `  Tổng hợp — ${a.label}: ${a.kind === 'boolean' ? `${a.value}/${a.units} đơn vị` : formatIndicatorValue(a.kind, a.value)}` +
              (a.met !== null && a.kind !== 'boolean' ? ` (${a.met}/${a.units} đơn vị đạt)` : ''),
          );
      }
      return EXIT.ok;
    });
  },
};
