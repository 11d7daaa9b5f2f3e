/**
 * The year-end summary drawn as clean HTML for the portal's news item: headings, paragraphs and one table,
 * no classes, scripts or styles (the portal sanitises with an allow-list anyway; this renderer escapes every
 * text itself, so a narrative containing markup shows as text). Pure: draws the model only, like the Word one.
 */
import { narrativeOutline, type SummaryReport } from '../../../domain/reports/summary';
import type { ReportIssuer } from './reports.service';

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};
export const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ESCAPES[c]!);

const p = (text: string) => `<p>${escapeHtml(text)}</p>`;
const h = (level: 2 | 3 | 4, text: string) => `<h${level}>${escapeHtml(text)}</h${level}>`;

export function summaryHtml(r: SummaryReport, issuer: ReportIssuer): string {
  const out: string[] = [];
  const body = issuer.issuer ? ` của ${issuer.issuer}${issuer.place ? ` (${issuer.place})` : ''}` : '';
  out.push(
    p(`Báo cáo tổng kết công tác thi đua, khen thưởng năm ${r.year}${body}; phạm vi: ${r.scope.label}.`),
  );
  if (r.empty)
    out.push(p(`Năm ${r.year} chưa có dữ liệu phong trào thi đua và khen thưởng trong phạm vi này.`));

  out.push(h(2, 'I. Kết quả thực hiện các phong trào thi đua'));
  if (!r.movements.length) out.push(p('Không có phong trào thi đua trong phạm vi báo cáo.'));
  r.movements.forEach((m, i) => {
    out.push(h(3, `${i + 1}. ${m.name} (${m.kind === 'thematic' ? 'chuyên đề' : 'thường xuyên'})`));
    const items = [
      ...m.totals.map((t) => `${t.label}: ${t.value}`),
      ...m.results.map((x) => `${x.unitName}: ${x.summary}`),
    ];
    if (items.length) out.push(`<ul>${items.map((x) => `<li>${escapeHtml(x)}</li>`).join('')}</ul>`);
  });

  out.push(h(2, 'II. Công tác khen thưởng'));
  if (!r.tracks.length) out.push(p(`Năm ${r.year} không có khen thưởng trong phạm vi báo cáo.`));
  r.tracks.forEach((t, i) => {
    out.push(h(3, `${i + 1}. Khen thưởng ${t.label.toLowerCase()}`));
    const rows = t.lines
      .map(
        (l, j) =>
          `<tr><td>${j + 1}</td><td>${escapeHtml(l.issuer)}</td><td>${escapeHtml(l.awardLabel)}</td>` +
          `<td>${escapeHtml(l.recipientKindLabel)}</td><td>${escapeHtml(l.text)}</td></tr>`,
      )
      .join('');
    out.push(
      '<table><thead><tr><th>TT</th><th>Cấp khen thưởng</th><th>Danh hiệu, hình thức</th>' +
        `<th>Đối tượng</th><th>Số lượng</th></tr></thead><tbody>${rows}</tbody></table>`,
    );
  });

  for (const part of narrativeOutline(r.narrative)) {
    out.push(h(2, part.heading), ...part.paragraphs.map(p));
    for (const sub of part.sub) out.push(h(3, sub.heading), ...sub.paragraphs.map(p));
  }
  return out.join('\n');
}
