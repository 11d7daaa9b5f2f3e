import type { Clock } from './clock';

/** Today's calendar date in Vietnam (UTC+7, no daylight saving), as yyyy-mm-dd. */
export function todayInVietnam(clock: Clock): string {
  return new Date(clock().getTime() + 7 * 3_600_000).toISOString().slice(0, 10);
}
