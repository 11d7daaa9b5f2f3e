/**
 * The tally minutes (biên bản kiểm phiếu) of a council session: a plain report model built from the
 * session view (tested for its numbers), drawn as a Word file in the Nghị định 30/2020 format.
 */
import { ND30_TEXT_WIDTH_MM, renderNd30 } from '../../../platform/nd30';
import type { SessionView } from '../../../../shared/council/council.schema';

export interface TallyMinutes {
  issuer: string;
  parentBody: string;
  place: string;
  councilName: string;
  title: string;
  heldOn: string;
  sessionPlace: string;
  ballotMode: 'secret' | 'open';
  closed: boolean;
  membersTotal: number;
  present: number;
  absentWritten: number;
  absent: number;
  chairName: string;
  secretaryName: string;
  rows: {
    no: number;
    name: string;
    detail: string;
    award: string;
    yes: string;
    no_: string;
    abstain: string;
    share: string;
    threshold: string;
    result: string;
  }[];
  citations: string[];
  passed: number;
  failed: number;
}

const pct = (x: number) => `${(Math.round(x * 10000) / 100).toString().replace('.', ',')}%`;
const vnDate = (iso: string) => iso.split('-').reverse().join('/');

export function tallyMinutes(v: SessionView, org: { authorityName: string; place: string }): TallyMinutes {
  const count = (p: string) => v.members.filter((m) => m.presence === p).length;
  const closed = v.session.status === 'closed';
  const byRole = (r: string) => v.members.find((m) => m.councilRole === r)?.fullName ?? '';
  return {
    issuer: 'Hội đồng Thi đua – Khen thưởng',
    parentBody: org.authorityName,
    place: org.place,
    councilName: v.session.councilName,
    title: v.session.title,
    heldOn: v.session.heldOn,
    sessionPlace: v.session.place,
    ballotMode: v.session.ballotMode,
    closed,
    membersTotal: v.session.membersTotal ?? v.members.length,
    present: count('present'),
    absentWritten: count('absent_written'),
    absent: v.members.length - count('present') - count('absent_written'),
    chairName: byRole('chair'),
    secretaryName: byRole('secretary'),
    rows: v.items.map((i, k) => ({
      no: k + 1,
      name: i.name,
      detail: i.detail,
      award: i.awardLabel,
      yes: closed ? String(i.yes ?? 0) : '',
      no_: closed ? String(i.no ?? 0) : '',
      abstain: closed ? String(i.abstain ?? 0) : '',
      share: closed && i.shareOfMembers !== null ? pct(i.shareOfMembers) : '',
      threshold: i.thresholdLabel ?? '',
      result: !closed ? 'Chưa kiểm phiếu' : i.result === 'passed' ? 'Đạt' : 'Không đạt',
    })),
    citations: [...new Set(v.items.map((i) => i.thresholdCitation).filter((c): c is string => Boolean(c)))],
    passed: v.items.filter((i) => i.result === 'passed').length,
    failed: v.items.filter((i) => i.result === 'failed').length,
  };
}

export function tallyMinutesWord(m: TallyMinutes, now: Date): Promise<Buffer> {
  const widths = [10, 40, 27, 13, 15, 15, 16, 14, 15];
  if (widths.reduce((s, w) => s + w, 0) !== ND30_TEXT_WIDTH_MM) throw new Error('column widths');
  const mode = m.ballotMode === 'secret' ? 'bỏ phiếu kín' : 'biểu quyết công khai';
  return renderNd30({
    parentBody: m.parentBody,
    issuer: m.issuer,
    number: 'Số:        /BB-HĐTĐKT',
    place: m.place,
    date: now,
    docType: 'Biên bản',
    summary: `Kiểm phiếu — ${m.title}`,
    paragraphs: [
      `Ngày ${vnDate(m.heldOn)}${m.sessionPlace ? `, tại ${m.sessionPlace}` : ''}, ${m.councilName} họp xét đề nghị khen thưởng (${m.title}).`,
      `Tổng số thành viên Hội đồng: ${m.membersTotal}; có mặt: ${m.present}; vắng có ý kiến bằng văn bản: ${m.absentWritten}; vắng: ${m.absent}.`,
      `Hình thức: ${mode}. Tỷ lệ đồng ý được tính trên tổng số thành viên Hội đồng (không phải trên số thành viên có mặt).`,
      'Kết quả kiểm phiếu như sau:',
    ],
    tables: [
      {
        columns: [
          { header: 'STT', widthMm: widths[0]!, align: 'center' },
          { header: 'Cá nhân, tập thể', widthMm: widths[1]! },
          { header: 'Danh hiệu, hình thức', widthMm: widths[2]! },
          { header: 'Đồng ý', widthMm: widths[3]!, align: 'center' },
          { header: 'Không đồng ý', widthMm: widths[4]!, align: 'center' },
          { header: 'Không biểu quyết', widthMm: widths[5]!, align: 'center' },
          { header: 'Tỷ lệ / tổng số TV', widthMm: widths[6]!, align: 'center' },
          { header: 'Ngưỡng', widthMm: widths[7]!, align: 'center' },
          { header: 'Kết quả', widthMm: widths[8]!, align: 'center' },
        ],
        rows: m.rows.map((r) => ({
          cells: [
            String(r.no),
            r.detail ? `${r.name} (${r.detail})` : r.name,
            r.award,
            r.yes,
            r.no_,
            r.abstain,
            r.share,
            r.threshold,
            r.result,
          ],
        })),
      },
    ],
    closing: [
      m.closed
        ? `Số đạt: ${m.passed}; không đạt: ${m.failed}.`
        : 'Phiên họp chưa kết thúc; kết quả chưa được kiểm.',
      ...(m.citations.length ? [`Căn cứ ngưỡng biểu quyết: ${m.citations.join('; ')}.`] : []),
      `Thư ký Hội đồng: ${m.secretaryName || '……………'}.`,
    ],
    signature: { onBehalf: 'TM. HỘI ĐỒNG', title: 'CHỦ TỊCH', name: m.chairName },
    recipients: ['Thành viên Hội đồng', 'Lưu: VT, hồ sơ khen thưởng'],
  });
}
