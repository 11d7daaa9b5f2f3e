/**
 * The decision as files: the Word decision in the Nghị định 30/2020 layout with its attached list (prize per
 * recipient, total and the amount in words), and the Excel list. Both draw the same detail the page shows.
 */
import { ND30_TEXT_WIDTH_MM, renderNd30, type Nd30Paragraph } from '../../platform/nd30';
import { formatDong } from '../../../domain/money/vietnamese-words';
import { leaderTitle, signatureLines } from '../../../domain/decisions';
import { RECIPIENT_KIND_LABELS, AWARD_TRACK_LABELS, type AwardTrack } from '../../../shared/registry/catalog';
import type { DecisionDetail } from '../../../shared/decisions/decisions.schema';
import { annexSubtitle, article1, article2, article3 } from './decision-text';

const dots = (n: number) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
const dmy = (iso: string) => iso.split('-').reverse().join('/');

/** `decided_on` is a calendar date in Vietnam: midnight there. */
const vnDate = (iso: string) => new Date(`${iso}T00:00:00+07:00`);

export function decisionFileName(d: DecisionDetail, ext: 'docx' | 'xlsx'): string {
  const n = d.number ? d.number.replace('/', '-') : `du-thao-${d.id.slice(0, 8)}`;
  return `quyet-dinh-${n}.${ext}`;
}

function numberLine(d: DecisionDetail): string {
  return d.number ? `Số: ${d.number}` : `Số:        /QĐ-${d.symbol}`;
}

export async function decisionWord(d: DecisionDetail, today: string): Promise<Buffer> {
  const date = d.decidedOn ?? today;
  const leader = leaderTitle(d.issuerName);
  const body = /^Ủy ban nhân dân/i.test(d.issuerName) ? 'Ủy ban nhân dân' : '';
  const sig = signatureLines(d.signMode, leader, d.signerTitle, body);
  const facts = d.recipients.map((r) => ({
    recipientKind: r.recipientKind,
    awardCode: r.awardCode,
    year: r.year,
  }));
  const basis: Nd30Paragraph[] = d.basis
    .split('\n')
    .map((t) => t.trim())
    .filter(Boolean)
    .map((text) => ({ text, italics: true }));
  const refLine = `(Kèm theo Quyết định số ${d.number ?? `      /QĐ-${d.symbol}`} ngày ${d.decidedOn ? dmy(d.decidedOn) : '   /   /    '} của ${d.authority})`;
  const widths = [11, 44, 58, 25, 27];
  if (widths.reduce((s, w) => s + w, 0) !== ND30_TEXT_WIDTH_MM) throw new Error('column widths');
  const amountHeader = d.kind === 'revocation' ? 'Tiền thưởng thu hồi (đồng)' : 'Tiền thưởng (đồng)';
  return renderNd30({
    parentBody: d.issuerParentName ?? '',
    issuer: d.issuerName
      .replace(/\s+(?:tỉnh|thành phố)\s+.+$/i, '')
      .replace(/^Ủy ban nhân dân$/i, d.issuerName),
    number: numberLine(d),
    place: d.placeLine,
    date: vnDate(date),
    docType: 'Quyết định',
    summary: d.summary,
    summaryRule: true,
    paragraphs: [
      { text: d.authority.toUpperCase(), bold: true, center: true },
      ...basis,
      { text: 'QUYẾT ĐỊNH:', bold: true, center: true },
      { lead: 'Điều 1.', text: article1(d.kind, facts, d.referencesNumber) },
      {
        lead: 'Điều 2.',
        text: article2(d.kind, d.total, d.words, d.baseSalary, d.issuerName),
      },
      { lead: 'Điều 3.', text: article3(d.issuerName) },
    ],
    tables: [],
    signature: { onBehalf: sig.onBehalf, title: sig.title, name: d.signerName },
    recipients: d.recipientsNote
      .split('\n')
      .map((t) => t.trim().replace(/[;.]$/, ''))
      .filter(Boolean),
    annex: {
      title: 'Danh sách',
      subtitle: [annexSubtitle(d.summary)],
      reference: refLine,
      table: {
        columns: [
          { header: 'STT', widthMm: widths[0]!, align: 'center' },
          { header: 'Họ và tên / Tên tập thể', widthMm: widths[1]! },
          { header: 'Chức vụ, đơn vị', widthMm: widths[2]! },
          { header: 'Danh hiệu, hình thức', widthMm: widths[3]!, align: 'center' },
          { header: amountHeader, widthMm: widths[4]!, align: 'right' },
        ],
        rows: [
          ...d.recipients.map((r, i) => ({
            cells: [String(i + 1), r.displayName, r.displayDetail, r.awardLabel, dots(r.paid)],
          })),
          { bold: true, cells: ['', `Tổng cộng: ${d.recipients.length}`, '', '', dots(d.total)] },
        ],
      },
      closing: [{ text: `Tổng số tiền: ${formatDong(d.total)} (Bằng chữ: ${d.words}).`, italics: true }],
    },
  });
}

export async function decisionWorkbook(d: DecisionDetail): Promise<Buffer> {
  const { xlsxTable } = await import('../../platform/xlsx-table');
  type Row = DecisionDetail['recipients'][number] | { total: true };
  const rows: Row[] = [...d.recipients, { total: true }];
  const isTotal = (r: Row): r is { total: true } => 'total' in r;
  return xlsxTable<Row>({
    sheetName: 'Danh sách',
    title: [
      `Danh sách kèm theo Quyết định số ${d.number ?? '(dự thảo)'}${d.decidedOn ? ` ngày ${dmy(d.decidedOn)}` : ''} của ${d.authority}`,
      d.summary,
      `Tổng số tiền: ${formatDong(d.total)} (Bằng chữ: ${d.words})`,
    ],
    columns: [
      { header: 'STT', width: 6, value: (r) => (isTotal(r) ? null : r.position) },
      {
        header: 'Họ và tên / Tên tập thể',
        width: 32,
        value: (r) => (isTotal(r) ? 'Tổng cộng' : r.displayName),
      },
      { header: 'Chức vụ, đơn vị', width: 40, value: (r) => (isTotal(r) ? null : r.displayDetail) },
      {
        header: 'Đối tượng',
        width: 12,
        value: (r) => (isTotal(r) ? null : RECIPIENT_KIND_LABELS[r.recipientKind]),
      },
      { header: 'Danh hiệu, hình thức', width: 26, value: (r) => (isTotal(r) ? null : r.awardLabel) },
      {
        header: 'Loại hình',
        width: 14,
        value: (r) => (isTotal(r) ? null : (AWARD_TRACK_LABELS[r.track as AwardTrack] ?? r.track)),
      },
      { header: 'Năm', width: 8, value: (r) => (isTotal(r) ? null : r.year) },
      { header: 'Hệ số', width: 8, value: (r) => (isTotal(r) ? null : r.coefficient) },
      { header: 'Tiền thưởng (đồng)', width: 16, value: (r) => (isTotal(r) ? d.total : r.paid) },
      { header: 'Ghi chú', width: 30, value: (r) => (isTotal(r) ? null : r.note) },
    ],
    rows,
  });
}
