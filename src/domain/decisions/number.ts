/**
 * Decision numbers (số, ký hiệu): `12/QĐ-SNN` — the sequence within the issuer and the calendar year, then
 * `QĐ-` and the issuer's symbol. Numbers below 10 take a leading zero (`05/QĐ-SNN`): Nghị định 30/2020/NĐ-CP,
 * Phụ lục I, mục II.3 ("số … được ghi bằng chữ số Ả-rập … dưới số 10 phải ghi thêm số 0 phía trước").
 * The sequence restarts on 1 January (art. 15(1)).
 */

const SYMBOL = /^[A-ZĐ0-9]+(?:-[A-ZĐ0-9]+)*$/;

export function formatDecisionNumber(seq: number, symbol: string): string {
  if (!Number.isSafeInteger(seq) || seq < 1)
    throw new RangeError(`Số thứ tự phải là số nguyên dương: ${seq}`);
  if (!SYMBOL.test(symbol)) throw new RangeError(`Ký hiệu cơ quan không hợp lệ: "${symbol}"`);
  return `${String(seq).padStart(2, '0')}/QĐ-${symbol}`;
}

/** `12/QĐ-SNN` → { seq: 12, symbol: 'SNN' }; undefined for anything else. */
export function parseDecisionNumber(text: string): { seq: number; symbol: string } | undefined {
  const m = /^(\d+)\/QĐ-(.+)$/.exec(text.trim());
  if (!m || !SYMBOL.test(m[2]!)) return undefined;
  const seq = Number(m[1]);
  return seq >= 1 ? { seq, symbol: m[2]! } : undefined;
}

/**
 * The place line of a decision: the province the issuer sits in on the decision date. Bạc Liêu became part
 * of the new Cà Mau province on 2025-07-01 (Nghị quyết 202/2025/QH15), so documents dated from then on say
 * "Cà Mau". The table is data: other provinces add rows.
 */
export const PLACE_CHANGES: readonly { from: string; before: string; after: string }[] = [
  { from: '2025-07-01', before: 'Bạc Liêu', after: 'Cà Mau' },
];

export function placeOn(place: string, date: string): string {
  let p = place;
  for (const c of PLACE_CHANGES) if (p === c.before && date >= c.from) p = c.after;
  return p;
}

/**
 * Who signs for an issuing unit, as printed above the list and in the award history: "Giám đốc Sở …" for a
 * department, "Chủ tịch Ủy ban nhân dân tỉnh …" for the province, "Thủ trưởng …" otherwise.
 */
export function authorityTitle(unitName: string): string {
  if (/^Ủy ban nhân dân/i.test(unitName)) return `Chủ tịch ${unitName}`;
  if (/^Sở /.test(unitName)) return `Giám đốc ${unitName}`;
  if (/^Bộ /.test(unitName)) return `Bộ trưởng ${unitName}`;
  return `Thủ trưởng ${unitName}`;
}

/** The leader's title alone: GIÁM ĐỐC, CHỦ TỊCH … (the line under KT./TM. in the signature block). */
export function leaderTitle(unitName: string): string {
  if (/^Ủy ban nhân dân/i.test(unitName)) return 'Chủ tịch';
  if (/^Sở /.test(unitName)) return 'Giám đốc';
  if (/^Bộ /.test(unitName)) return 'Bộ trưởng';
  return 'Thủ trưởng';
}
