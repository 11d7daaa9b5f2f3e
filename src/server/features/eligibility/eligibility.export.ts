/** The suggestion list as an Excel sheet: used by the export route and by the CLI, so both print the same. */
import { AWARD_CODES, RECIPIENT_KIND_LABELS } from '../../../shared/registry/catalog';
import {
  SUGGESTION_FILTER_LABELS,
  type SuggestionQuery,
  type SuggestionRow,
} from '../../../shared/eligibility/eligibility.schema';
import type { RulePack } from '../../../domain/rules/types';
import { xlsxTable } from '../../platform/xlsx-table';

const STATUS_LABEL = {
  eligible: 'Đủ điều kiện',
  needs_review: 'Cần xem xét',
  ineligible: 'Chưa đủ điều kiện',
};

export function reasons(r: SuggestionRow): string {
  if (r.status === 'eligible') return r.checks.map((c) => `✓ ${c.criterion}: ${c.detail}`).join('\n');
  return r.checks
    .filter((c) => c.status !== 'met')
    .map((c) => `${c.status === 'unmet' ? '✗' : '?'} ${c.criterion}: ${c.detail}`)
    .join('\n');
}

export function citations(r: SuggestionRow): string {
  const seen = new Set<string>();
  for (const c of r.checks)
    seen.add(
      [c.citation.instrument, c.citation.article, c.citation.clause, c.citation.point]
        .filter(Boolean)
        .join(', '),
    );
  return [...seen].join('; ');
}

export function suggestionsWorkbook(
  q: Pick<SuggestionQuery, 'year' | 'status'>,
  r: { rows: SuggestionRow[]; pack: Pick<RulePack, 'name'>; scope: string },
): Promise<Buffer> {
  return xlsxTable({
    sheetName: 'Gợi ý khen thưởng',
    title: [
      `GỢI Ý KHEN THƯỞNG NĂM ${q.year}`,
      `Phạm vi: ${r.scope}. Căn cứ: ${r.pack.name}.`,
      q.status
        ? `Lọc: ${SUGGESTION_FILTER_LABELS[q.status]}`
        : 'Đủ điều kiện, cần xem xét và thiếu một tiêu chuẩn',
    ],
    columns: [
      { header: 'STT', width: 6, value: (x) => x.n },
      { header: 'Đối tượng', width: 10, value: (x) => RECIPIENT_KIND_LABELS[x.subjectKind] },
      { header: 'Mã', width: 14, value: (x) => x.code },
      { header: 'Họ và tên / Tên tập thể', width: 30, value: (x) => x.name },
      { header: 'Đơn vị', width: 28, value: (x) => x.unitName },
      { header: 'Danh hiệu, hình thức', width: 28, value: (x) => AWARD_CODES[x.awardCode].label },
      {
        header: 'Kết quả',
        width: 18,
        value: (x) => (x.nearMiss ? 'Thiếu một tiêu chuẩn' : STATUS_LABEL[x.status]),
      },
      { header: 'Lý do', width: 70, value: (x) => reasons(x) },
      { header: 'Căn cứ', width: 40, value: (x) => citations(x) },
    ],
    rows: r.rows.map((x, i) => ({ ...x, n: i + 1 })),
  });
}
