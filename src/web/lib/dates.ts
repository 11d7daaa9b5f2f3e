/**
 * Dates as Vietnamese readers expect them: dd/mm/yyyy. Calendar dates travel as `yyyy-mm-dd` strings and
 * are formatted without going through `Date` (no time-zone shift); instants are shown in local time.
 */
import dayjs, { type Dayjs } from 'dayjs';

export const DATE_FORMAT = 'DD/MM/YYYY';

/** `2026-03-02` → `02/03/2026`; null/empty → ''. */
export function formatIsoDate(value: string | null | undefined): string {
  if (!value) return '';
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(value);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : value;
}

/** An ISO instant → `02/03/2026 08:15` in the browser's time zone. */
export function formatInstant(value: string | null | undefined): string {
  if (!value) return '';
  const d = dayjs(value);
  return d.isValid() ? d.format('DD/MM/YYYY HH:mm') : value;
}

/** A picked day → `yyyy-mm-dd` for the API. */
export function toIsoDate(value: Dayjs | null | undefined): string | undefined {
  return value ? value.format('YYYY-MM-DD') : undefined;
}

export function fromIsoDate(value: string | null | undefined): Dayjs | undefined {
  return value ? dayjs(value, 'YYYY-MM-DD') : undefined;
}

export function today(): Dayjs {
  return dayjs().startOf('day');
}
