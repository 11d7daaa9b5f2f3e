/**
 * Vietnamese text helpers shared by server and web: folding for search, collation keys, name splitting.
 *
 * Collation follows the Vietnamese alphabet (a ă â b c d đ e ê g h i k l m n o ô ơ p q r s t u ư v x y),
 * letters first and tones second (ngang, huyền, hỏi, ngã, sắc, nặng — dictionary order), so that
 * "An" < "Ân" < "Bảo" < "Dũng" < "Đức". Neither engine's default collation does this (PGlite has no ICU),
 * so the key is computed here and compared bytewise (COLLATE "C").
 */

const TONES: Record<string, number> = { '\u0300': 1, '\u0309': 2, '\u0303': 3, '\u0301': 4, '\u0323': 5 };

/** Lower case, without diacritics; "đ" → "d". Mirrors SQL `vd_fold()`. */
export function foldVietnamese(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase();
}

const ALPHABET = 'aăâbcdđeêfghijklmnoôơpqrstuưvwxyz';

/** A string whose bytewise order is Vietnamese dictionary order. */
export function vietnameseSortKey(s: string): string {
  const letters: string[] = [];
  const tones: string[] = [];
  // Decompose tone marks but keep the letter-forming marks (breve, circumflex, horn) with their letter.
  for (const ch of s.toLowerCase().normalize('NFD').replace(/\s+/g, ' ').trim()) {
    if (TONES[ch] !== undefined) {
      tones[tones.length - 1] = String(TONES[ch]);
      continue;
    }
    if (ch === '\u0306' || ch === '\u0302' || ch === '\u031b') {
      const prev = letters.pop() ?? '';
      const base = (prev ? ALPHABET[prev.charCodeAt(0) - 0x41] : '') ?? '';
      const composed = (base + ch).normalize('NFC');
      letters.push(code(composed));
      continue;
    }
    letters.push(code(ch));
    tones.push('0');
  }
  return `${letters.join('')}\u0001${tones.join('')}`;
}

/** Each letter becomes one character from 'A' on, in alphabet order; others keep a code above them. */
function code(ch: string): string {
  const i = ALPHABET.indexOf(ch);
  if (i >= 0) return String.fromCharCode(0x41 + i);
  if (ch === ' ') return ' ';
  if (/[0-9]/.test(ch)) return ch; // digits sort before letters
  return String.fromCharCode(0x41 + ALPHABET.length + (ch.codePointAt(0)! % 1000));
}

export interface NameParts {
  familyName: string;
  middleName: string;
  givenName: string;
}

/** "Nguyễn Thị Thu Hà" → family "Nguyễn", middle "Thị Thu", given "Hà". */
export function splitVietnameseName(fullName: string): NameParts {
  const words = fullName.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return { familyName: '', middleName: '', givenName: '' };
  if (words.length === 1) return { familyName: '', middleName: '', givenName: words[0]! };
  return { familyName: words[0]!, middleName: words.slice(1, -1).join(' '), givenName: words.at(-1)! };
}

/** The people sort key: given name, then family name, then middle name. */
export function personSortKey(fullName: string): string {
  const p = splitVietnameseName(fullName);
  return [p.givenName, p.familyName, p.middleName].map(vietnameseSortKey).join('\u0002');
}

/** Vietnamese comparison for in-memory lists (same order as the stored keys). */
export function compareVietnamese(a: string, b: string): number {
  const ka = vietnameseSortKey(a);
  const kb = vietnameseSortKey(b);
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}
