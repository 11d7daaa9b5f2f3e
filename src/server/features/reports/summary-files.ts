/**
 * The year-end summary drawn as files: Word in the Nghị định 30/2020 format ("BÁO CÁO Tổng kết công tác thi
 * đua, khen thưởng năm …") and an Excel table of the count lines. Both draw the model only.
 */
import { ND30_TEXT_WIDTH_MM, renderNd30, type Nd30Paragraph, type Nd30Table } from '../../platform/nd30';
import { xlsxTable } from '../../platform/xlsx-table';
import { narrativeOutline, type AwardLine, type SummaryReport } from '../../../domain/reports/summary';
import type { ReportIssuer } from './reports.service';

const heading = (text: string): Nd30Paragraph => ({ text, bold: true });

function awardsTable(lines: AwardLine[]): Nd30Table {
  const widths = [10, 50, 45, 25, 35];
  if (widths.reduce((s, w) => s + w, 0) !== ND30_TEXT_WIDTH_MM) throw new Error('column widths');
  return {
    columns: [
      { header: 'TT', widthMm: widths[0]!, align: 'center' },
      { header: 'Cấp khen thưởng', widthMm: widths[1]! },
      { header: 'Danh hiệu, hình thức', widthMm: widths[2]! },
      { header: 'Đối tượng', widthMm: widths[3]!, align: 'center' },
      { header: 'Số lượng', widthMm: widths[4]!, align: 'center' },
    ],
    rows: lines.map((l, i) => ({
      cells: [String(i + 1), l.issuer, l.awardLabel, l.recipientKindLabel, l.text],
    })),
  };
}

/** `issuer`: the reporting body on the report's date (after mergers: Sở NN&MT tỉnh Cà Mau from 2025-07-01). */
export function summaryWord(r: SummaryReport, now: Date, issuer: ReportIssuer): Promise<Buffer> {
  const paragraphs: (string | Nd30Paragraph)[] = [
    `Báo cáo tổng kết công tác thi đua, khen thưởng năm ${r.year} (phạm vi: ${r.scope.label}) như sau:`,
  ];
  if (r.empty)
    paragraphs.push(`Năm ${r.year} chưa có dữ liệu phong trào thi đua và khen thưởng trong phạm vi này.`);
  paragraphs.push(heading('I. KẾT QUẢ THỰC HIỆN CÁC PHONG TRÀO THI ĐUA'));
  if (!r.movements.length) paragraphs.push('Không có phong trào thi đua trong phạm vi báo cáo.');
  r.movements.forEach((m, i) => {
    paragraphs.push({
      lead: `${i + 1}.`,
      text: `${m.name} (${m.kind === 'thematic' ? 'chuyên đề' : 'thường xuyên'}).`,
    });
    for (const t of m.totals) paragraphs.push(`- ${t.label}: ${t.value}.`);
    for (const res of m.results) paragraphs.push(`- ${res.unitName}: ${res.summary}`);
  });
  paragraphs.push(heading('II. CÔNG TÁC KHEN THƯỞNG'));
  if (!r.tracks.length) paragraphs.push(`Năm ${r.year} không có khen thưởng trong phạm vi báo cáo.`);
  r.tracks.forEach((t, i) => {
    const parts = t.lines.map((l) => `${l.awardLabel} (${l.issuer}): ${l.text}`);
    paragraphs.push({
      lead: `${i + 1}.`,
      text: `Khen thưởng ${t.label.toLowerCase()}: ${parts.join('; ')}.`,
    });
  });
  paragraphs.push('Chi tiết theo bảng kèm theo báo cáo này.');
  // III… the narrative (latest saved version), numbered after the numbers, empty parts left out.
  const closing: (string | Nd30Paragraph)[] = [];
  for (const part of narrativeOutline(r.narrative)) {
    closing.push(heading(part.heading), ...part.paragraphs);
    for (const sub of part.sub) closing.push(heading(sub.heading), ...sub.paragraphs);
  }
  return renderNd30({
    parentBody: issuer.parentBody,
    issuer: issuer.issuer,
    number: `Số:        /BC-${issuer.symbol}`,
    place: issuer.place,
    date: now,
    docType: 'Báo cáo',
    summary: r.title,
    paragraphs,
    tables: r.lines.length ? [awardsTable(r.lines)] : [],
    closing,
    signature: { onBehalf: 'KT. GIÁM ĐỐC', title: 'PHÓ GIÁM ĐỐC', name: '' },
    recipients: ['Lưu: VT'],
  });
}

export function summaryWorkbook(r: SummaryReport): Promise<Buffer> {
  return xlsxTable<AwardLine>({
    sheetName: `Tong ket ${r.year}`,
    title: [`Báo cáo ${r.title}`, `Phạm vi: ${r.scope.label}`, r.empty ? 'Không có dữ liệu.' : ''].filter(
      Boolean,
    ),
    columns: [
      { header: 'Loại hình', width: 26, value: (l) => l.trackLabel },
      { header: 'Cấp khen thưởng', width: 40, value: (l) => l.issuer },
      { header: 'Mã', width: 12, value: (l) => l.awardCode },
      { header: 'Danh hiệu, hình thức', width: 36, value: (l) => l.awardLabel },
      { header: 'Đối tượng', width: 14, value: (l) => l.recipientKindLabel },
      { header: 'Đếm theo', width: 12, value: (l) => (l.countOf === 'awards' ? 'lượt' : 'người/đơn vị') },
      { header: 'Số lượng', width: 10, value: (l) => l.count },
      { header: 'Số lượt', width: 10, value: (l) => l.awards },
      { header: 'Số người/đơn vị', width: 14, value: (l) => l.recipients },
    ],
    rows: r.lines,
  });
}
