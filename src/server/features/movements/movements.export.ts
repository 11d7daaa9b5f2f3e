/** A movement's per-unit results as an Excel sheet (one column per indicator), for the route and the CLI. */
import {
  formatIndicatorValue,
  MOVEMENT_KIND_LABELS,
  type MovementAggregate,
  type MovementDetail,
} from '../../../shared/movements/movements.schema';
import { xlsxTable } from '../../platform/xlsx-table';

interface Row {
  n: number | string;
  unit: string;
  summary: string;
  values: Record<string, string | number | null>;
}

export function resultsWorkbook(m: MovementDetail, aggregate: MovementAggregate): Promise<Buffer> {
  const byUnit = new Map(m.results.map((r) => [r.unitId, r]));
  const rows: Row[] = m.targets.map((t, i) => {
    const r = byUnit.get(t.unitId);
    return {
      n: i + 1,
      unit: t.unitName,
      summary: r?.summary ?? '(chưa báo cáo)',
      values: Object.fromEntries(
        m.indicators.map((ind) => {
          const v = r?.values[ind.code];
          // Numbers stay numbers (Excel sums them); yes/no reads Có/Không.
          return [ind.code, v === undefined ? null : typeof v === 'boolean' ? (v ? 'Có' : 'Không') : v];
        }),
      ),
    };
  });
  for (const g of aggregate.groups) {
    rows.push({
      n: '',
      unit: `Tổng hợp ${g.scope === 'block' ? 'khối' : 'toàn ngành'}: ${g.label}`,
      summary: `${g.reportedUnits}/${g.units} đơn vị đã báo cáo`,
      values: Object.fromEntries(
        g.indicators.map((a) => [
          a.code,
          // With a target (or yes/no): units meeting it, as the article counts ("100% of members").
          a.met !== null
            ? `${a.met}/${a.units} đơn vị đạt (${formatIndicatorValue('percent', a.metShare ?? 0)})`
            : a.value,
        ]),
      ),
    });
  }
  return xlsxTable<Row>({
    sheetName: 'Kết quả phong trào',
    title: [
      `KẾT QUẢ PHONG TRÀO: ${m.name.toUpperCase()}`,
      `${MOVEMENT_KIND_LABELS[m.kind]}; phát động: ${m.launchingUnitName}; năm ${m.year}.`,
    ],
    columns: [
      { header: 'STT', width: 6, value: (r) => r.n },
      { header: 'Đơn vị', width: 36, value: (r) => r.unit },
      ...m.indicators.map((ind) => ({
        header: `${ind.label}${ind.kind === 'money' ? ' (đồng)' : ind.kind === 'percent' ? ' (%)' : ''}`,
        width: 18,
        value: (r: Row) => r.values[ind.code] ?? null,
      })),
      { header: 'Kết quả (mô tả)', width: 60, value: (r) => r.summary },
    ],
    rows,
  });
}
