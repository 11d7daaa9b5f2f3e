/**
 * The words of a decision: default "Căn cứ" lines for the law in force on the decision date, Điều 1–3, the
 * attached list's heading, the award history's issuer. Plain functions over plain data, shared by the Word
 * file, the detail page and the demo.
 */
import { AWARD_CODES, type AwardCode } from '../../../shared/registry/catalog';
import { formatDong } from '../../../domain/money/vietnamese-words';
import type { DecisionKind } from '../../../domain/decisions/rules';

export function defaultBasis(decisionDate: string, issuerName: string): string {
  const law =
    decisionDate < '2024-01-01'
      ? [
          'Căn cứ Luật Thi đua, Khen thưởng ngày 26 tháng 11 năm 2003; Luật sửa đổi, bổ sung một số điều của Luật Thi đua, Khen thưởng ngày 16 tháng 11 năm 2013;',
          'Căn cứ Nghị định số 91/2017/NĐ-CP ngày 31 tháng 7 năm 2017 của Chính phủ quy định chi tiết thi hành một số điều của Luật Thi đua, khen thưởng;',
        ]
      : decisionDate < '2025-07-01'
        ? [
            'Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;',
            'Căn cứ Nghị định số 98/2023/NĐ-CP ngày 31 tháng 12 năm 2023 của Chính phủ quy định chi tiết thi hành một số điều của Luật Thi đua, khen thưởng;',
          ]
        : [
            'Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;',
            'Căn cứ Nghị định số 152/2025/NĐ-CP của Chính phủ quy định chi tiết thi hành một số điều của Luật Thi đua, khen thưởng;',
          ];
  const office = /^Ủy ban nhân dân/i.test(issuerName) ? 'Giám đốc Sở Nội vụ' : 'Chánh Văn phòng Sở';
  return [...law, `Theo đề nghị của ${office} (Thường trực Hội đồng Thi đua – Khen thưởng).`].join('\n');
}

/** "Sở … tỉnh Bạc Liêu" → "Bạc Liêu". */
export function provinceOf(unitName: string): string {
  const m = /(?:tỉnh|thành phố)\s+(.+)$/i.exec(unitName);
  return m ? m[1]!.trim() : '';
}

/**
 * The issuer as the award history names it: "Giám đốc Sở Nông nghiệp và Phát triển nông thôn" (a department
 * without its province, as documents of the province name it), "Chủ tịch Ủy ban nhân dân tỉnh Bạc Liêu".
 */
export function historyIssuer(unitName: string): string {
  if (/^Sở /.test(unitName)) return `Giám đốc ${unitName.replace(/\s+(?:tỉnh|thành phố)\s+.+$/i, '')}`;
  if (/^Ủy ban nhân dân/i.test(unitName)) return `Chủ tịch ${unitName}`;
  return `Thủ trưởng ${unitName}`;
}

export interface LineFacts {
  recipientKind: string;
  awardCode: string;
  year: number;
}

const label = (code: string) => AWARD_CODES[code as AwardCode]?.label ?? code;
const two = (n: number) => String(n).padStart(2, '0');

function whoCount(lines: LineFacts[]): string {
  const c = (k: string) => lines.filter((l) => l.recipientKind === k).length;
  const parts = [
    c('collective') ? `${two(c('collective'))} tập thể` : '',
    c('individual') ? `${two(c('individual'))} cá nhân` : '',
    c('household') ? `${two(c('household'))} hộ gia đình` : '',
  ].filter(Boolean);
  return parts.join(', ').replace(/, ([^,]*)$/, ' và $1');
}

/** "Công nhận danh hiệu “Lao động tiên tiến” năm 2020 cho 300 cá nhân; tặng Giấy khen cho …". */
export function article1(kind: DecisionKind, lines: LineFacts[], referencesNumber: string | null): string {
  if (kind === 'revocation')
    return `Thu hồi ${two(lines.length)} khen thưởng đã tặng, công nhận tại Quyết định số ${referencesNumber ?? '…'} cho ${whoCount(lines)} (có danh sách kèm theo).`;
  if (kind === 'correction')
    return `Đính chính thông tin của ${whoCount(lines)} tại Quyết định số ${referencesNumber ?? '…'} như danh sách kèm theo; các nội dung khác của Quyết định số ${referencesNumber ?? '…'} giữ nguyên.`;
  const groups = new Map<string, LineFacts[]>();
  for (const l of lines) {
    const k = `${l.awardCode}|${l.year}`;
    groups.set(k, [...(groups.get(k) ?? []), l]);
  }
  const parts = [...groups.values()].map((g) => {
    const first = g[0]!;
    const what =
      AWARD_CODES[first.awardCode as AwardCode]?.kind === 'title'
        ? `Công nhận danh hiệu “${label(first.awardCode)}” năm ${first.year}`
        : `Tặng ${label(first.awardCode)}`;
    return `${what} cho ${whoCount(g)}`;
  });
  const text = parts.map((p, i) => (i === 0 ? p : p.charAt(0).toLowerCase() + p.slice(1))).join('; ');
  return `${text}, đã có thành tích trong thực hiện nhiệm vụ (có danh sách kèm theo).`;
}

export function article2(
  kind: DecisionKind,
  total: number,
  words: string,
  baseSalary: number | null,
  issuerName: string,
): string {
  if (kind === 'revocation')
    return `Các cá nhân, tập thể có tên tại Điều 1 nộp lại hiện vật khen thưởng và số tiền thưởng đã nhận, tổng cộng ${formatDong(total)} (Bằng chữ: ${words}), về Quỹ thi đua, khen thưởng của ${issuerName}.`;
  if (kind === 'correction')
    return 'Việc đính chính không làm thay đổi mức tiền thưởng đã chi theo quyết định được đính chính.';
  const salary = baseSalary ? ` được tính theo mức lương cơ sở ${formatDong(baseSalary)}` : '';
  return `Tiền thưởng${salary}, làm tròn lên hàng chục nghìn đồng; tổng cộng ${formatDong(total)} (Bằng chữ: ${words}); mức thưởng của từng cá nhân, tập thể theo danh sách kèm theo, được chi từ Quỹ thi đua, khen thưởng của ${issuerName}.`;
}

export function article3(issuerName: string): string {
  const office = /^Ủy ban nhân dân/i.test(issuerName)
    ? 'Chánh Văn phòng Ủy ban nhân dân tỉnh'
    : 'Chánh Văn phòng Sở';
  return `${office}, Thủ trưởng các cơ quan, đơn vị có liên quan và các cá nhân, tập thể có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này. Quyết định có hiệu lực kể từ ngày ký./.`;
}

/** "cá nhân được công nhận danh hiệu Lao động tiên tiến năm 2020" from the summary "Về việc công nhận …". */
export function annexSubtitle(summary: string): string {
  const s = summary.replace(/^Về việc\s+/i, '').trim();
  return s ? `${s.charAt(0).toUpperCase()}${s.slice(1)}` : '';
}

export function defaultSummary(
  kind: DecisionKind,
  lines: LineFacts[],
  referencesNumber: string | null,
): string {
  if (kind === 'revocation')
    return `Về việc thu hồi khen thưởng tại Quyết định số ${referencesNumber ?? '…'}`;
  if (kind === 'correction') return `Về việc đính chính Quyết định số ${referencesNumber ?? '…'}`;
  const codes = [...new Set(lines.map((l) => l.awardCode))];
  const years = [...new Set(lines.map((l) => l.year))].sort();
  const titles = codes.filter((c) => AWARD_CODES[c as AwardCode]?.kind === 'title');
  const forms = codes.filter((c) => AWARD_CODES[c as AwardCode]?.kind !== 'title');
  const parts = [
    titles.length ? `công nhận danh hiệu ${titles.map(label).join(', ')}` : '',
    forms.length ? `tặng ${forms.map(label).join(', ')}` : '',
  ].filter(Boolean);
  return `Về việc ${parts.join(' và ')} năm ${years.join(', ')}`;
}
