import { describe, expect, it } from 'vitest';
import {
  aggregateIndicator,
  aggregateResults,
  valueProblem,
  valuesProblems,
  type IndicatorDef,
  type IndicatorKind,
} from './indicators';
import { transition, type TransitionInput } from './registration';

const def = (kind: IndicatorKind, target: number | null = null): IndicatorDef => ({
  code: 'x',
  label: 'x',
  kind,
  target,
});

describe('indicator values fit their kind', () => {
  it.each<[IndicatorKind, unknown, boolean]>([
    ['count', 4, true],
    ['count', 0, true],
    ['count', 1.5, false],
    ['count', -1, false],
    ['count', '4', false],
    ['count', true, false],
    ['money', 30_000_000, true],
    ['money', 30_000_000.5, false],
    ['money', -1, false],
    ['percent', 100, true],
    ['percent', 87.5, true],
    ['percent', 101, false],
    ['percent', -0.1, false],
    ['boolean', true, true],
    ['boolean', false, true],
    ['boolean', 1, false],
    ['boolean', 'có', false],
  ])('%s %j → fits %s', (kind, value, fits) => {
    expect(valueProblem(kind, value) === null).toBe(fits);
  });

  it('names unknown indicator codes and wrong kinds', () => {
    const problems = valuesProblems([{ ...def('count'), code: 'drafts' }], { drafts: 'bốn', houses: 1 });
    expect(Object.keys(problems).sort()).toEqual(['drafts', 'houses']);
    expect(problems.houses).toContain('không có chỉ tiêu');
  });
});

describe('aggregation over a group of units', () => {
  it.each<[string, IndicatorDef, (number | boolean | undefined)[], number, number | null, number | null]>([
    // name, indicator, values per unit, value, met, metShare
    ['counts add up (04 legal drafts)', def('count'), [2, 1, 1, 0, undefined], 4, null, null],
    ['money adds up (30.000.000 đồng)', def('money'), [30_000_000, 0, undefined], 30_000_000, null, null],
    ['yes/no counts the units answering yes (08/08)', def('boolean'), Array(8).fill(true), 8, 8, 100],
    ['an unreported yes/no does not meet', def('boolean'), [true, true, undefined, false], 2, 2, 50],
    ['percentages average over the reporting units', def('percent', 100), [100, 50, undefined], 75, 1, 33.33],
    ['count with a target: units at or above it', def('count', 3), [3, 2, 5], 10, 2, 66.67],
    ['empty group', def('count', 1), [], 0, 0, 0],
  ])('%s', (_name, d, values, value, met, share) => {
    const a = aggregateIndicator(d, values);
    expect(a.value).toBe(value);
    expect(a.met).toBe(met);
    expect(a.metShare).toBe(share);
    expect(a.units).toBe(values.length);
    expect(a.reported).toBe(values.filter((v) => v !== undefined).length);
  });

  it('groups count only their own units; a unit without a result counts as not reported', () => {
    const indicators = [{ ...def('count'), code: 'n' }];
    const results = [
      { unitId: 'a', values: { n: 1 } },
      { unitId: 'b', values: { n: 2 } },
      { unitId: 'z', values: { n: 100 } },
    ];
    const [block, dept] = aggregateResults(indicators, results, [
      { key: 'block', label: 'Khối', unitIds: ['a', 'b', 'c'] },
      { key: 'dept', label: 'Sở', unitIds: ['a', 'b', 'c', 'z'] },
    ]);
    expect(block).toMatchObject({ units: 3, reportedUnits: 2 });
    expect(block!.indicators[0]!.value).toBe(3);
    expect(dept!.indicators[0]!.value).toBe(103);
  });
});

describe('registration state machine', () => {
  const base: TransitionInput = {
    status: 'draft',
    action: 'submit',
    by: 'unit',
    reason: null,
    items: 2,
    forwarded: false,
  };
  it.each<[string, Partial<TransitionInput>, string]>([
    ['the unit submits its draft', {}, 'submitted'],
    ['the unit resubmits a returned list', { status: 'returned' }, 'submitted'],
    ['an empty list cannot be submitted', { items: 0 }, 'REGISTRATION.EMPTY'],
    ['a submitted list cannot be submitted again', { status: 'submitted' }, 'REGISTRATION.WRONG_STATUS'],
    ['the department does not submit for the unit', { by: 'department' }, 'REGISTRATION.NOT_ALLOWED'],
    [
      'the department approves a submitted list',
      { status: 'submitted', action: 'approve', by: 'department' },
      'approved',
    ],
    [
      'a unit cannot approve its own list',
      { status: 'submitted', action: 'approve' },
      'REGISTRATION.NOT_ALLOWED',
    ],
    ['a draft cannot be approved', { action: 'approve', by: 'department' }, 'REGISTRATION.WRONG_STATUS'],
    [
      'return needs a reason',
      { status: 'submitted', action: 'return', by: 'department', reason: '  ' },
      'REGISTRATION.REASON_REQUIRED',
    ],
    [
      'return with a reason',
      { status: 'submitted', action: 'return', by: 'department', reason: 'Thiếu danh sách cá nhân' },
      'returned',
    ],
    [
      'an approved list cannot be returned',
      { status: 'approved', action: 'return', by: 'department', reason: 'x' },
      'REGISTRATION.WRONG_STATUS',
    ],
    ['editing a draft keeps it a draft', { action: 'edit' }, 'draft'],
    ['editing a returned list keeps it returned', { status: 'returned', action: 'edit' }, 'returned'],
    [
      'a submitted list is locked for the unit',
      { status: 'submitted', action: 'edit' },
      'REGISTRATION.WRONG_STATUS',
    ],
    ['an approved list is locked', { status: 'approved', action: 'edit' }, 'REGISTRATION.WRONG_STATUS'],
    [
      'approved lists are forwarded upward',
      { status: 'approved', action: 'forward', by: 'department' },
      'approved',
    ],
    [
      'forwarded once only',
      { status: 'approved', action: 'forward', by: 'department', forwarded: true },
      'REGISTRATION.ALREADY_FORWARDED',
    ],
    [
      'a submitted list is not forwarded before approval',
      { status: 'submitted', action: 'forward', by: 'department' },
      'REGISTRATION.WRONG_STATUS',
    ],
  ])('%s', (_name, change, expected) => {
    const r = transition({ ...base, ...change });
    expect(r.ok ? r.to : r.error).toBe(expected);
  });
});
