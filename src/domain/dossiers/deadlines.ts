/**
 * Legal deadlines of the dossier path as data, with working-day arithmetic (Monday–Friday, minus
 * configured holidays, plus configured make-up working days). Pure: `today` and the calendar are inputs.
 *
 * Values and where they come from (law.md "Dossiers, deadlines, disclosure"; what was read is in
 * docs/law-sources.md). Provinces set their own review periods and cut-off dates; those are marked as local
 * practice and can be overridden per authority level.
 */
import { addDays, dayNumber } from '../calendar';
import { cite } from '../rules/packs/common';
import type { Citation } from '../rules/types';
import type { DossierStatus } from './workflow';

export interface WorkCalendar {
  /** Public holidays (ISO dates) that fall on weekdays or are compensated. */
  holidays: ReadonlySet<string>;
  /** Weekend days that are working days (ngày làm bù). */
  workingWeekends: ReadonlySet<string>;
}

export const PLAIN_CALENDAR: WorkCalendar = { holidays: new Set(), workingWeekends: new Set() };

export function isWorkingDay(iso: string, cal: WorkCalendar = PLAIN_CALENDAR): boolean {
  if (cal.workingWeekends.has(iso)) return true;
  if (cal.holidays.has(iso)) return false;
  // 1970-01-01 was a Thursday: (day + 4) % 7 gives 0 = Sunday … 6 = Saturday.
  const dow = (((dayNumber(iso) + 4) % 7) + 7) % 7;
  return dow !== 0 && dow !== 6;
}

/** The n-th working day after `iso` (n ≥ 1); n = 0 gives `iso` itself. */
export function addWorkingDays(iso: string, n: number, cal: WorkCalendar = PLAIN_CALENDAR): string {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`working days must be a whole number ≥ 0: ${n}`);
  let day = iso;
  let left = n;
  while (left > 0) {
    day = addDays(day, 1);
    if (isWorkingDay(day, cal)) left--;
  }
  return day;
}

/**
 * Working days from `today` to `due`: positive while time is left (0 = due today), negative when late
 * (−1 = one working day late). Counts the working days strictly after `today` up to and including `due`.
 */
export function workingDaysLeft(today: string, due: string, cal: WorkCalendar = PLAIN_CALENDAR): number {
  const a = dayNumber(today);
  const b = dayNumber(due);
  if (a === b) return 0;
  const sign = b > a ? 1 : -1;
  let n = 0;
  for (let d = a; d !== b; d += sign) {
    const day = addDays('1970-01-01', d + sign);
    if (isWorkingDay(day, cal)) n++;
  }
  // Late: the due day itself counted as the first day past; being late on a non-working day still counts.
  return sign * (sign < 0 ? Math.max(n, 1) : n);
}

export type AuthorityLevel = 'department' | 'province' | 'central';

export interface DeadlineRule {
  /** The dossier status the clock runs in. */
  status: DossierStatus;
  /** What must happen before the deadline (shown to officers). */
  task: string;
  workingDays: number;
  citation: Citation;
}

export interface DisclosureRule {
  /** Minimum working days the list stays published before the council meets. */
  minWorkingDays: number;
  citation: Citation;
}

const LAW_SOURCES = 'docs/law-sources.md §"Dossiers, deadlines, disclosure"';

/**
 * Per authority level. Central: Bộ Nội vụ returns an ineligible file within 5 working days of receipt and
 * submits within 20 (law.md; NĐ 98/2023 art. 87, unverified article number). Department and province: the
 * common provincial regulation values (5 working days to check completeness, 20 to decide), local practice.
 */
export const DEADLINES: Record<AuthorityLevel, readonly DeadlineRule[]> = {
  central: [
    {
      status: 'submitted',
      task: 'Kiểm tra, tiếp nhận hoặc trả lại hồ sơ không đủ điều kiện',
      workingDays: 5,
      citation: cite('Nghị định 98/2023/NĐ-CP', 'Điều 87', { note: `Giá trị theo law.md; ${LAW_SOURCES}` }),
    },
    {
      status: 'received',
      task: 'Thẩm định và trình cấp có thẩm quyền',
      workingDays: 20,
      citation: cite('Nghị định 98/2023/NĐ-CP', 'Điều 87', { note: `Giá trị theo law.md; ${LAW_SOURCES}` }),
    },
    {
      status: 'under_review',
      task: 'Thẩm định và trình cấp có thẩm quyền',
      workingDays: 20,
      citation: cite('Nghị định 98/2023/NĐ-CP', 'Điều 87', { note: `Giá trị theo law.md; ${LAW_SOURCES}` }),
    },
  ],
  province: localPractice(),
  department: localPractice(),
};

function localPractice(): DeadlineRule[] {
  const c = cite('Quy chế thi đua, khen thưởng của tỉnh (thực tiễn địa phương)', undefined, {
    note: 'Giá trị mặc định có thể cấu hình theo quy chế của từng tỉnh; không phải quy định của Nghị định.',
  });
  return [
    { status: 'submitted', task: 'Kiểm tra, tiếp nhận hoặc trả lại hồ sơ', workingDays: 5, citation: c },
    { status: 'received', task: 'Thẩm định hồ sơ', workingDays: 10, citation: c },
    { status: 'under_review', task: 'Thẩm định, công khai và trình Hội đồng', workingDays: 20, citation: c },
    { status: 'approved', task: 'Trình ký quyết định khen thưởng', workingDays: 10, citation: c },
  ];
}

/** Disclosure: at least 10 working days for orders, national titles and the PM's Bằng khen; lower: local practice. */
export function disclosureRule(awardCodes: readonly string[]): DisclosureRule {
  const high = awardCodes.some((c) => /^(HCLD_|CSTD_TOANQUOC|CO_CHINHPHU|BK_TTG)/.test(c));
  return high
    ? {
        minWorkingDays: 10,
        citation: cite('Nghị định 98/2023/NĐ-CP', undefined, {
          note: `Công khai ít nhất 10 ngày làm việc trước khi Hội đồng họp (law.md); ${LAW_SOURCES}`,
        }),
      }
    : {
        minWorkingDays: 3,
        citation: cite('Quy chế thi đua, khen thưởng của đơn vị (thực tiễn địa phương)', undefined, {
          note: 'Danh hiệu cơ sở: thời hạn công khai do đơn vị quy định; mặc định 3 ngày làm việc, có thể cấu hình.',
        }),
      };
}

/** Notifying awardees: within 10 working days of receiving the decision (law.md). */
export const NOTIFY_AWARDEES: DeadlineRule = {
  status: 'decided',
  task: 'Thông báo, trao quyết định cho người được khen thưởng',
  workingDays: 10,
  citation: cite('Nghị định 98/2023/NĐ-CP', undefined, { note: `law.md; ${LAW_SOURCES}` }),
};

export function deadlineRule(level: AuthorityLevel, status: DossierStatus): DeadlineRule | undefined {
  if (status === 'decided') return NOTIFY_AWARDEES;
  return DEADLINES[level].find((r) => r.status === status);
}

/** The due date of the step a dossier entered on `enteredOn`, or null when that step has no deadline. */
export function dueOn(
  level: AuthorityLevel,
  status: DossierStatus,
  enteredOn: string,
  cal: WorkCalendar = PLAIN_CALENDAR,
): string | null {
  const rule = deadlineRule(level, status);
  return rule ? addWorkingDays(enteredOn, rule.workingDays, cal) : null;
}

export type DeadlineState = 'none' | 'ok' | 'soon' | 'late';

/** How a countdown reads: `soon` within 2 working days, `late` past the due day. */
export function deadlineState(today: string, due: string | null, cal: WorkCalendar = PLAIN_CALENDAR) {
  if (!due) return { state: 'none' as DeadlineState, left: null };
  const left = workingDaysLeft(today, due, cal);
  const state: DeadlineState = left < 0 ? 'late' : left <= 2 ? 'soon' : 'ok';
  return { state, left };
}
