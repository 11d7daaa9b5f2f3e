/**
 * What a certificate says for one recipient of an issued decision, and the default templates for Giấy khen
 * and Bằng khen (A4 landscape, positions in mm from the sheet's top-left corner). Pure.
 */
import { signatureLines, type SignMode } from '../decisions/signature';
import type { CertificateField, CertificateLayout, FieldLayout } from './layout';

export interface CertificateFacts {
  issuerName: string;
  awardCode: string;
  recipientKind: string;
  displayName: string;
  displayDetail: string;
  year: number;
  track: string;
  decisionNumber: string;
  decidedOn: string;
  decisionSummary: string;
  place: string;
  signMode: SignMode;
  signerTitle: string;
  signerName: string;
}

/** The head of the issuing body: "Giám đốc Sở …", "Chủ tịch Ủy ban nhân dân tỉnh …". */
export function headOf(issuerName: string): { leader: string; full: string } {
  if (/^Sở /i.test(issuerName)) return { leader: 'Giám đốc', full: `Giám đốc ${issuerName}` };
  if (/^Ủy ban nhân dân/i.test(issuerName)) return { leader: 'Chủ tịch', full: `Chủ tịch ${issuerName}` };
  if (/^Bộ /i.test(issuerName)) return { leader: 'Bộ trưởng', full: `Bộ trưởng ${issuerName}` };
  if (/^Chính phủ/i.test(issuerName)) return { leader: 'Thủ tướng', full: 'Thủ tướng Chính phủ' };
  return { leader: 'Thủ trưởng', full: `Thủ trưởng ${issuerName}` };
}

export function certificateTitle(awardCode: string): string {
  return awardCode.startsWith('BK_') ? 'BẰNG KHEN' : 'GIẤY KHEN';
}

/**
 * The achievement line from the decision's summary: "Về việc tặng Giấy khen cho các tập thể, cá nhân đã có
 * thành tích trong phong trào …" → "Đã có thành tích trong phong trào …"; a regular decision ("… năm 2020")
 * → "Đã hoàn thành xuất sắc nhiệm vụ năm 2020".
 */
export function achievementText(summary: string, year: number): string {
  const m = /(đã có thành tích.*|có thành tích.*)$/i.exec(summary.normalize('NFC'));
  if (m) {
    const t = m[1]!.replace(/^có/i, 'đã có').trim().replace(/\.$/, '');
    return t.charAt(0).toUpperCase() + t.slice(1);
  }
  return `Đã hoàn thành xuất sắc nhiệm vụ năm ${year}`;
}

const two = (n: string) => n.padStart(2, '0');

/** "Bạc Liêu, ngày 26 tháng 11 năm 2020" (Nghị định 30/2020: days and months below 10 with a leading 0). */
export function placeAndDate(place: string, iso: string): string {
  const [y, m, d] = iso.split('-');
  const date = `ngày ${two(d!)} tháng ${two(m!)} năm ${y}`;
  return place ? `${place}, ${date}` : date.charAt(0).toUpperCase() + date.slice(1);
}

export function vnDate(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${d}/${m}/${y}`;
}

export function certificateTexts(f: CertificateFacts): Record<CertificateField, string> {
  const head = headOf(f.issuerName);
  const sig = signatureLines(f.signMode, head.leader, f.signerTitle, f.issuerName.replace(/\s+tỉnh.*$/i, ''));
  return {
    issuer: `${head.full.toLocaleUpperCase('vi')}\nTẶNG`,
    title: certificateTitle(f.awardCode),
    recipientName: f.displayName,
    unit: f.displayDetail,
    achievement: achievementText(f.decisionSummary, f.year),
    decision: `Quyết định số ${f.decisionNumber} ngày ${vnDate(f.decidedOn)}`,
    placeDate: placeAndDate(f.place, f.decidedOn),
    signerTitle: [sig.onBehalf, sig.title].filter(Boolean).join('\n'),
    signerName: f.signerName,
  };
}

const field = (
  over: Partial<FieldLayout> & Pick<FieldLayout, 'x' | 'y' | 'width' | 'fontSize'>,
): FieldLayout => ({
  enabled: true,
  minFontSize: Math.max(6, Math.round(over.fontSize * 0.6)),
  align: 'center',
  bold: false,
  italic: false,
  uppercase: false,
  maxLines: 1,
  ...over,
});

/**
 * A4 landscape (297 × 210 mm) with the usual arrangement of a Vietnamese Giấy khen: the issuer and "TẶNG"
 * at the top, the title, the recipient's name, position and unit, the achievement, then place and date and
 * the signature block on the right, the decision number bottom left. On pre-printed paper turn off what the
 * paper already carries (usually the issuer and the title) and calibrate the offset with the grid page.
 */
export function defaultLayout(kind: 'GK' | 'BK'): CertificateLayout {
  const bk = kind === 'BK';
  return {
    page: { size: 'A4', orientation: 'landscape' },
    offset: { x: 0, y: 0 },
    fields: {
      issuer: field({ x: 38, y: bk ? 36 : 30, width: 221, fontSize: 14, bold: true, maxLines: 2 }),
      title: field({ x: 38, y: bk ? 52 : 46, width: 221, fontSize: bk ? 34 : 30, bold: true }),
      recipientName: field({ x: 38, y: bk ? 74 : 68, width: 221, fontSize: 22, minFontSize: 14, bold: true }),
      unit: field({
        x: 38,
        y: bk ? 88 : 82,
        width: 221,
        fontSize: 14,
        minFontSize: 10,
        italic: true,
        maxLines: 2,
      }),
      achievement: field({
        x: 48,
        y: bk ? 106 : 100,
        width: 201,
        fontSize: 15,
        minFontSize: 11,
        maxLines: 3,
      }),
      decision: field({
        x: 22,
        y: 178,
        width: 110,
        fontSize: 11,
        minFontSize: 8,
        align: 'left',
        maxLines: 2,
      }),
      placeDate: field({ x: 160, y: 138, width: 120, fontSize: 13, minFontSize: 10, italic: true }),
      signerTitle: field({
        x: 160,
        y: 146,
        width: 120,
        fontSize: 13,
        minFontSize: 10,
        bold: true,
        maxLines: 2,
      }),
      signerName: field({ x: 160, y: 183, width: 120, fontSize: 14, minFontSize: 10, bold: true }),
    },
  };
}

export const DEFAULT_TEMPLATES = [
  { code: 'GK-MAC-DINH', name: 'Giấy khen (mẫu mặc định, A4 ngang)', awardCodes: ['GIAY_KHEN'], kind: 'GK' },
  {
    code: 'BK-MAC-DINH',
    name: 'Bằng khen (mẫu mặc định, A4 ngang)',
    awardCodes: ['BK_TINH', 'BK_BO', 'BK_TTG'],
    kind: 'BK',
  },
] as const;
