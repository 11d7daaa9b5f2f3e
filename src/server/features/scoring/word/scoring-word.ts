/** The score sheet and the ranking as Word files in the Nghị định 30/2020 format. */
import { fmtPoints, type RankingReport, type SheetReport } from '../scoring.export';
import { ND30_TEXT_WIDTH_MM, renderNd30 } from '../../../platform/nd30';

/** "Sở … tỉnh Bạc Liêu" → "Bạc Liêu": the place line of the document. */
export function placeOf(organizerName: string): string {
  const m = /(?:tỉnh|thành phố)\s+(.+)$/i.exec(organizerName);
  return m ? m[1]!.trim() : organizerName;
}

const ISSUER = 'Khối thi đua';

export function scoreSheetWord(r: SheetReport, now: Date): Promise<Buffer> {
  const widths = [14, 71, 18, 18, 18, 26];
  if (widths.reduce((s, w) => s + w, 0) !== ND30_TEXT_WIDTH_MM) throw new Error('column widths');
  return renderNd30({
    parentBody: r.organizerName,
    issuer: ISSUER,
    number: 'Số:        /PCĐ-KTĐ',
    place: placeOf(r.organizerName),
    date: now,
    docType: 'Phiếu chấm điểm',
    summary: `Kết quả thực hiện giao ước thi đua năm ${r.year} của ${r.unitName}`,
    paragraphs: [
      `Căn cứ bộ tiêu chí chấm điểm thi đua năm ${r.year} của ${r.blockName}; ${r.unitName} tự chấm điểm, Khối trưởng và Khối phó chấm chéo như sau:`,
    ],
    tables: [
      {
        columns: [
          { header: 'Mã', widthMm: widths[0]!, align: 'center' },
          { header: 'Tiêu chí', widthMm: widths[1]! },
          { header: 'Điểm tối đa', widthMm: widths[2]!, align: 'center' },
          { header: 'Tự chấm', widthMm: widths[3]!, align: 'center' },
          { header: 'Điểm đạt', widthMm: widths[4]!, align: 'center' },
          { header: 'Lý do điều chỉnh', widthMm: widths[5]! },
        ],
        rows: [
          ...r.rows.map((x) => ({
            bold: x.isGroup,
            cells: [x.code, x.label, x.range, x.self, x.final, x.reason],
          })),
          { bold: true, cells: ['', 'Tổng cộng', '', fmtPoints(r.selfTotal), fmtPoints(r.total), ''] },
        ],
      },
    ],
    closing: [
      `Tổng điểm tự chấm: ${fmtPoints(r.selfTotal)} điểm; tổng điểm đạt sau chấm chéo: ${fmtPoints(r.total)} điểm (trong đó điểm thưởng ${fmtPoints(r.bonus)}, điểm trừ ${fmtPoints(r.penalty)}).`,
    ],
    signature: { onBehalf: 'TM. Khối thi đua', title: 'Khối trưởng', name: '' },
    recipients: [r.unitName, 'Các đơn vị thành viên khối', 'Lưu: VT'],
  });
}

export function rankingWord(r: RankingReport, now: Date): Promise<Buffer> {
  const widths = [14, 75, 22, 22, 32];
  if (widths.reduce((s, w) => s + w, 0) !== ND30_TEXT_WIDTH_MM) throw new Error('column widths');
  const proposal = [
    r.flagUnitName ? `Đề nghị tặng Cờ thi đua cấp tỉnh: ${r.flagUnitName}.` : null,
    r.bkUnitNames.length ? `Đề nghị tặng Bằng khen Chủ tịch UBND tỉnh: ${r.bkUnitNames.join('; ')}.` : null,
  ].filter((x): x is string => x !== null);
  return renderNd30({
    parentBody: r.organizerName,
    issuer: ISSUER,
    number: 'Số:        /BC-KTĐ',
    place: placeOf(r.organizerName),
    date: now,
    docType: 'Báo cáo',
    summary: `Kết quả chấm điểm, xếp hạng thi đua năm ${r.year}`,
    paragraphs: [
      `${r.blockName} báo cáo kết quả chấm điểm, xếp hạng các đơn vị thành viên năm ${r.year} như sau.`,
      r.locked
        ? `Kết quả đã được Hội nghị khối thông qua (${r.meetingNote ?? ''}).`
        : 'Kết quả tạm tính, chưa được Hội nghị khối thông qua.',
      `Khi bằng điểm, thứ tự xét: ${r.tieRules.join('; ')}.`,
    ],
    tables: [
      {
        columns: [
          { header: 'Hạng', widthMm: widths[0]!, align: 'center' },
          { header: 'Đơn vị', widthMm: widths[1]! },
          { header: 'Điểm tự chấm', widthMm: widths[2]!, align: 'center' },
          { header: 'Điểm đạt', widthMm: widths[3]!, align: 'center' },
          { header: 'Căn cứ xếp hạng', widthMm: widths[4]! },
        ],
        rows: r.rows.map((x) => ({
          cells: [String(x.rank), x.unitName, x.selfTotal, x.total, x.decidedBy],
        })),
      },
    ],
    closing: proposal,
    signature: { onBehalf: 'TM. Khối thi đua', title: 'Khối trưởng', name: '' },
    recipients: ['Hội đồng Thi đua – Khen thưởng', 'Các đơn vị thành viên khối', 'Lưu: VT'],
  });
}
