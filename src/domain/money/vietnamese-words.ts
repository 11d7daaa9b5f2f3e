/**
 * Amounts in Vietnamese words and figures, as printed on decisions and payment lists ("Bằng chữ: …").
 *
 * Reading follows the standard written form used in administrative documents (Nghị định 30/2020/NĐ-CP
 * leaves the wording to common usage): "nghìn" rather than the southern "ngàn", "linh" rather than "lẻ",
 * "mốt" for a final 1 after "mươi", "lăm" for a final 5 after "mười"/"mươi", and no "tư" for 4. Once a
 * non-zero group has been read, every later non-zero group is read in full ("một triệu không trăm linh
 * một") so that the words cannot be misread as a smaller number.
 */

const DIGITS = ['không', 'một', 'hai', 'ba', 'bốn', 'năm', 'sáu', 'bảy', 'tám', 'chín'] as const;

/** Largest amount read: 999 999 999 999 999 đồng (999 nghìn tỷ …), still a safe integer. */
export const MAX_WORDS_AMOUNT = 999_999_999_999_999;

const BILLION = 1_000_000_000;

function digit(d: number): string {
  const word = DIGITS[d];
  if (word === undefined) throw new RangeError(`Không phải chữ số: ${d}`);
  return word;
}

/** Tens and units of a group; `afterHundreds` is true when a hundreds word has been (or must be) said. */
function readTensAndUnits(tens: number, units: number, afterHundreds: boolean): string[] {
  if (tens === 0) {
    if (units === 0) return [];
    // "linh" marks the empty tens place only when something precedes it (105 → "một trăm linh năm").
    return afterHundreds ? ['linh', digit(units)] : [digit(units)];
  }
  if (tens === 1) {
    // 10 → "mười"; 15 → "mười lăm"; 11 → "mười một" ("mốt" follows "mươi" only).
    if (units === 0) return ['mười'];
    return ['mười', units === 5 ? 'lăm' : digit(units)];
  }
  const words = [digit(tens), 'mươi'];
  if (units === 1) words.push('mốt');
  else if (units === 5) words.push('lăm');
  else if (units !== 0) words.push(digit(units)); // 4 stays "bốn" (no "tư").
  return words;
}

/** One group of three digits (0 < n < 1000). `full` reads leading zeros: 4 → "không trăm linh bốn". */
function readGroup(n: number, full: boolean): string[] {
  const hundreds = Math.floor(n / 100);
  const tens = Math.floor((n % 100) / 10);
  const units = n % 10;
  if (hundreds === 0 && !full) return readTensAndUnits(tens, units, false);
  return [digit(hundreds), 'trăm', ...readTensAndUnits(tens, units, true)];
}

/**
 * Words for 0 < n < 1 000 000 000 as triệu / nghìn / units groups. `full` is true when a higher,
 * non-zero part has already been read, so the first group present is read in full as well.
 */
function readBelowBillion(n: number, full: boolean): string[] {
  const groups: Array<[number, string | undefined]> = [
    [Math.floor(n / 1_000_000), 'triệu'],
    [Math.floor((n % 1_000_000) / 1000), 'nghìn'],
    [n % 1000, undefined],
  ];
  const words: string[] = [];
  let started = full;
  for (const [value, label] of groups) {
    if (value === 0) continue; // an all-zero group is silent ("một tỷ đồng", "một triệu không trăm linh một")
    words.push(...readGroup(value, started));
    if (label !== undefined) words.push(label);
    started = true;
  }
  return words;
}

/** Words for 0 < n ≤ MAX_WORDS_AMOUNT: the count of tỷ is itself read (1 000 tỷ → "một nghìn tỷ"). */
function readPositive(n: number): string[] {
  const billions = Math.floor(n / BILLION);
  const rest = n % BILLION;
  if (billions === 0) return readBelowBillion(rest, false);
  const words = [...readBelowBillion(billions, false), 'tỷ'];
  if (rest !== 0) words.push(...readBelowBillion(rest, true));
  return words;
}

/**
 * The amount in words, first letter capitalised, ending in " đồng":
 * 1_880_000 → "Một triệu tám trăm tám mươi nghìn đồng".
 * Throws RangeError for a negative, fractional or too large amount: money is whole đồng, and a wrong
 * amount in words on a decision is worse than no amount.
 */
export function amountInWords(dong: number): string {
  if (!Number.isInteger(dong) || dong < 0 || dong > MAX_WORDS_AMOUNT) {
    throw new RangeError(`Số tiền phải là số nguyên đồng từ 0 đến ${MAX_WORDS_AMOUNT}: ${dong}`);
  }
  const words = dong === 0 ? [digit(0)] : readPositive(dong);
  const text = `${words.join(' ')} đồng`;
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * "30.000.000 đồng": dot as thousands separator, as Vietnamese documents print money, built by hand so
 * that the result does not depend on the ICU data or locale of the machine that runs it.
 */
export function formatDong(n: number): string {
  if (!Number.isSafeInteger(n)) throw new RangeError(`Số tiền phải là số nguyên đồng: ${n}`);
  const digits = String(Math.abs(n)).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return `${n < 0 ? '-' : ''}${digits} đồng`;
}
