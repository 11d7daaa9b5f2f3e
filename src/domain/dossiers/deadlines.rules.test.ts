import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  DEADLINES,
  PLAIN_CALENDAR,
  addWorkingDays,
  deadlineRule,
  deadlineState,
  disclosureRule,
  dueOn,
  isWorkingDay,
  workingDaysLeft,
  type WorkCalendar,
} from './deadlines';

/** 2026: 30/4 (Thu) and 1/5 (Fri) off; Saturday 25/4 worked in exchange (a make-up day). */
const CAL_2026: WorkCalendar = {
  holidays: new Set(['2026-04-30', '2026-05-01', '2026-01-01']),
  workingWeekends: new Set(['2026-04-25']),
};

describe('working days (Monday–Friday, minus holidays, plus make-up days)', () => {
  it.each([
    ['2026-03-02', true, 'Monday'],
    ['2026-03-06', true, 'Friday'],
    ['2026-03-07', false, 'Saturday'],
    ['2026-03-08', false, 'Sunday'],
    ['2026-04-30', false, 'holiday on a Thursday'],
    ['2026-04-25', true, 'make-up Saturday'],
  ])('%s is working: %s (%s)', (iso, working) => {
    expect(isWorkingDay(iso, CAL_2026)).toBe(working);
  });

  it.each([
    ['2026-03-02', 0, '2026-03-02', PLAIN_CALENDAR],
    ['2026-03-02', 1, '2026-03-03', PLAIN_CALENDAR],
    ['2026-03-02', 5, '2026-03-09', PLAIN_CALENDAR],
    ['2026-03-06', 1, '2026-03-09', PLAIN_CALENDAR],
    ['2026-03-07', 1, '2026-03-09', PLAIN_CALENDAR],
    ['2026-03-02', 20, '2026-03-30', PLAIN_CALENDAR],
    // Across 30/4–1/5: Wed 29/4 + 1 = Mon 4/5.
    ['2026-04-29', 1, '2026-05-04', CAL_2026],
    ['2026-04-29', 1, '2026-04-30', PLAIN_CALENDAR],
    // The make-up Saturday counts: Fri 24/4 + 1 = Sat 25/4.
    ['2026-04-24', 1, '2026-04-25', CAL_2026],
    ['2026-12-31', 1, '2027-01-01', CAL_2026],
  ] as const)('%s + %i working days = %s', (from, n, to, cal) => {
    expect(addWorkingDays(from, n, cal)).toBe(to);
  });

  it('refuses negative or fractional counts', () => {
    expect(() => addWorkingDays('2026-03-02', -1)).toThrow(RangeError);
    expect(() => addWorkingDays('2026-03-02', 1.5)).toThrow(RangeError);
  });

  it.each([
    ['2026-03-02', '2026-03-02', 0],
    ['2026-03-02', '2026-03-03', 1],
    ['2026-03-06', '2026-03-09', 1],
    ['2026-03-02', '2026-03-09', 5],
    ['2026-03-03', '2026-03-02', -1],
    ['2026-03-09', '2026-03-06', -1],
    // Late by a weekend only: still one day late.
    ['2026-03-07', '2026-03-06', -1],
    ['2026-03-11', '2026-03-06', -3],
  ])('working days left from %s to %s: %i', (today, due, n) => {
    expect(workingDaysLeft(today, due)).toBe(n);
  });

  it('holidays lengthen the countdown', () => {
    expect(workingDaysLeft('2026-04-29', '2026-05-04', PLAIN_CALENDAR)).toBe(3);
    expect(workingDaysLeft('2026-04-29', '2026-05-04', CAL_2026)).toBe(1);
  });

  it('property: adding n working days then counting them back gives n', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 3000 }), fc.integer({ min: 0, max: 40 }), (offset, n) => {
        const start = new Date(Date.UTC(2024, 0, 1 + offset)).toISOString().slice(0, 10);
        const due = addWorkingDays(start, n, CAL_2026);
        expect(workingDaysLeft(start, due, CAL_2026)).toBe(n);
        if (n > 0) expect(isWorkingDay(due, CAL_2026)).toBe(true);
      }),
    );
  });
});

describe('deadline rules per authority level (data with their sources)', () => {
  it('central (Bộ Nội vụ): 5 working days to return an ineligible file, 20 to submit', () => {
    expect(deadlineRule('central', 'submitted')).toMatchObject({ workingDays: 5 });
    expect(deadlineRule('central', 'under_review')).toMatchObject({ workingDays: 20 });
    expect(deadlineRule('central', 'submitted')!.citation.instrument).toContain('98/2023');
  });

  it('province and department: local practice, marked as such', () => {
    for (const level of ['province', 'department'] as const)
      for (const r of DEADLINES[level]) expect(r.citation.instrument).toContain('thực tiễn địa phương');
  });

  it('notifying awardees: 10 working days after the decision', () => {
    expect(deadlineRule('department', 'decided')).toMatchObject({ workingDays: 10 });
  });

  it.each([
    ['department', 'submitted', '2026-03-02', '2026-03-09'],
    ['department', 'received', '2026-03-02', '2026-03-16'],
    ['department', 'draft', '2026-03-02', null],
    ['department', 'disclosed', '2026-03-02', null],
    ['central', 'submitted', '2026-04-27', '2026-05-06'],
  ] as const)('%s, %s entered %s: due %s (with the 2026 holidays)', (level, status, entered, due) => {
    expect(dueOn(level, status, entered, CAL_2026)).toBe(due);
  });

  it('disclosure: 10 working days for orders and national titles, 3 (configurable) below', () => {
    expect(disclosureRule(['HCLD_3']).minWorkingDays).toBe(10);
    expect(disclosureRule(['LDTT', 'CSTD_TOANQUOC']).minWorkingDays).toBe(10);
    expect(disclosureRule(['BK_TTG']).minWorkingDays).toBe(10);
    expect(disclosureRule(['LDTT', 'CSTDCS']).minWorkingDays).toBe(3);
  });
});

describe('countdown state', () => {
  it.each([
    ['2026-03-02', null, 'none', null],
    ['2026-03-02', '2026-03-09', 'ok', 5],
    ['2026-03-05', '2026-03-09', 'soon', 2],
    ['2026-03-09', '2026-03-09', 'soon', 0],
    ['2026-03-10', '2026-03-09', 'late', -1],
  ] as const)('today %s, due %s → %s (%s left)', (today, due, state, left) => {
    expect(deadlineState(today, due)).toEqual({ state, left });
  });

  it('a holiday before the due day turns ok into soon', () => {
    expect(deadlineState('2026-04-28', '2026-05-04', PLAIN_CALENDAR).state).toBe('ok');
    expect(deadlineState('2026-04-28', '2026-05-04', CAL_2026).state).toBe('soon');
  });
});
