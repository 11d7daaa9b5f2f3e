/**
 * Calendar arithmetic on ISO dates ('yyyy-mm-dd') for the law: month fractions of a year, overlaps,
 * working days. Pure: no clock, no time zone (a legal date is a calendar day, not an instant).
 */

export interface Ymd {
  y: number;
  m: number;
  d: number;
}

export function parseYmd(iso: string): Ymd {
  const y = Number(iso.slice(0, 4));
  const m = Number(iso.slice(5, 7));
  const d = Number(iso.slice(8, 10));
  return { y, m, d };
}

export function toIso({ y, m, d }: Ymd): string {
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

export function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

export const yearStart = (y: number) => `${y}-01-01`;
export const yearEnd = (y: number) => `${y}-12-31`;

/** Days since 1970-01-01 (UTC calendar), for differences. */
export function dayNumber(iso: string): number {
  const { y, m, d } = parseYmd(iso);
  return Math.round(Date.UTC(y, m - 1, d) / 86_400_000);
}

export function addDays(iso: string, n: number): string {
  const t = new Date((dayNumber(iso) + n) * 86_400_000);
  return toIso({ y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() });
}

/** The same day n months later (clamped to the month's end), minus nothing: 2020-01-31 + 1 → 2020-02-29. */
export function addMonths(iso: string, n: number): string {
  const { y, m, d } = parseYmd(iso);
  const total = y * 12 + (m - 1) + n;
  const ny = Math.floor(total / 12);
  const nm = (total % 12) + 1;
  return toIso({ y: ny, m: nm, d: Math.min(d, daysInMonth(ny, nm)) });
}

/**
 * Months of year `y` from `start` to 31 December, counting the start month by the share of its days:
 * 2020-03-01 → 10, 2020-03-02 → 9.97, a start before the year → 12, a start after it → 0.
 */
export function monthsFromDateToYearEnd(start: string, y: number): number {
  if (start <= yearStart(y)) return 12;
  if (start > yearEnd(y)) return 0;
  const s = parseYmd(start);
  const dim = daysInMonth(s.y, s.m);
  return 12 - s.m + (dim - s.d + 1) / dim;
}

/** The part of [from, to] inside [lo, hi], or null. `to` null means open-ended. */
export function clip(from: string, to: string | null, lo: string, hi: string): [string, string] | null {
  const a = from > lo ? from : lo;
  const b = to === null || to > hi ? hi : to;
  return a <= b ? [a, b] : null;
}

export function overlaps(from: string, to: string | null, lo: string, hi: string): boolean {
  return clip(from, to, lo, hi) !== null;
}

/** Days in [from, to], both included. */
export function daysInclusive(from: string, to: string): number {
  return dayNumber(to) - dayNumber(from) + 1;
}

/** Monday–Friday days in [from, to], both included, minus the given holidays (ISO dates). */
export function workingDays(from: string, to: string, holidays: ReadonlySet<string> = new Set()): number {
  const a = dayNumber(from);
  const b = dayNumber(to);
  if (b < a) return 0;
  let n = 0;
  for (let day = a; day <= b; day++) {
    // 1970-01-01 was a Thursday: (day + 4) % 7 gives 0 = Sunday … 6 = Saturday.
    const dow = (day + 4) % 7;
    if (dow === 0 || dow === 6) continue;
    if (holidays.size && holidays.has(addDays('1970-01-01', day))) continue;
    n++;
  }
  return n;
}
