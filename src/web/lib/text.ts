/** Vietnamese text helpers: accent-insensitive matching and Vietnamese sort order. */

/** Lower case, without diacritics (đ → d), for searches that ignore accents. */
export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'd')
    .toLowerCase();
}

export function matches(haystack: string, needle: string): boolean {
  return fold(haystack).includes(fold(needle.trim()));
}

export const viCollator = new Intl.Collator('vi', { sensitivity: 'base', numeric: true });

/** For antd Select/TreeSelect `filterTreeNode` / `filterOption`: matches the title ignoring accents. */
export function titleMatches(input: string, option?: { title?: unknown; label?: unknown }): boolean {
  return matches(String(option?.title ?? option?.label ?? ''), input);
}
