/**
 * Movement indicators (chỉ tiêu của phong trào): what a value of each kind may be, and how the results of
 * many units add up for a block or the whole department. Pure: plain data in, plain data out.
 */
export const INDICATOR_KINDS = ['count', 'money', 'percent', 'boolean'] as const;
export type IndicatorKind = (typeof INDICATOR_KINDS)[number];

export interface IndicatorDef {
  code: string;
  label: string;
  kind: IndicatorKind;
  /** Per unit: a count, đồng, a percentage; for yes/no the expected answer is yes. */
  target: number | null;
}

export type IndicatorValue = number | boolean;

/** Why a value does not fit its indicator's kind, in Vietnamese; null when it fits. */
export function valueProblem(kind: IndicatorKind, value: unknown): string | null {
  switch (kind) {
    case 'count':
      return typeof value === 'number' && Number.isInteger(value) && value >= 0
        ? null
        : 'Chỉ tiêu dạng số lượng cần một số nguyên không âm';
    case 'money':
      // Đồng has no subunit in use: whole đồng only.
      return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0
        ? null
        : 'Chỉ tiêu dạng số tiền cần một số đồng nguyên không âm';
    case 'percent':
      return typeof value === 'number' && Number.isFinite(value) && value >= 0 && value <= 100
        ? null
        : 'Chỉ tiêu dạng tỷ lệ cần một số từ 0 đến 100';
    case 'boolean':
      return typeof value === 'boolean' ? null : 'Chỉ tiêu dạng có/không cần giá trị đúng hoặc sai';
  }
}

/** Problems of a unit's values against the movement's indicators, keyed by indicator code. */
export function valuesProblems(
  indicators: readonly IndicatorDef[],
  values: Record<string, unknown>,
): Record<string, string> {
  const byCode = new Map(indicators.map((i) => [i.code, i]));
  const problems: Record<string, string> = {};
  for (const [code, value] of Object.entries(values)) {
    const def = byCode.get(code);
    if (!def) {
      problems[code] = `Phong trào không có chỉ tiêu "${code}"`;
      continue;
    }
    const p = valueProblem(def.kind, value);
    if (p) problems[code] = p;
  }
  return problems;
}

/** Whether one unit's value meets the indicator's target (null when there is no target to meet). */
export function meetsTarget(def: IndicatorDef, value: IndicatorValue | undefined): boolean | null {
  if (value === undefined) return false;
  if (def.kind === 'boolean') return value === true;
  if (def.target === null) return null;
  return typeof value === 'number' && value >= def.target;
}

export interface IndicatorAggregate {
  code: string;
  label: string;
  kind: IndicatorKind;
  /** Units in the group (the denominator of shares). */
  units: number;
  /** Units that reported a value for this indicator. */
  reported: number;
  /** count and money: the sum; percent: the mean of the reported values; boolean: units answering yes. */
  value: number;
  /** Units meeting the target (boolean: answering yes); null when the indicator has no target. */
  met: number | null;
  /** met / units, as a percentage rounded to two decimals; null when there is no target. */
  metShare: number | null;
}

const round2 = (x: number) => Math.round(x * 100) / 100;

/**
 * One indicator over a group of units. `values` holds one entry per unit of the group (undefined when the
 * unit has not reported it): a unit that did not report does not meet a target.
 */
export function aggregateIndicator(
  def: IndicatorDef,
  values: readonly (IndicatorValue | undefined)[],
): IndicatorAggregate {
  const reported = values.filter((v) => v !== undefined);
  let value: number;
  if (def.kind === 'boolean') value = reported.filter((v) => v === true).length;
  else {
    const nums = reported.filter((v): v is number => typeof v === 'number');
    const sum = nums.reduce((a, b) => a + b, 0);
    value = def.kind === 'percent' ? (nums.length ? round2(sum / nums.length) : 0) : sum;
  }
  const hasTarget = def.kind === 'boolean' || def.target !== null;
  const met = hasTarget ? values.filter((v) => meetsTarget(def, v) === true).length : null;
  return {
    code: def.code,
    label: def.label,
    kind: def.kind,
    units: values.length,
    reported: reported.length,
    value,
    met,
    metShare: met === null ? null : values.length ? round2((met / values.length) * 100) : 0,
  };
}

export interface UnitValues {
  unitId: string;
  values: Record<string, IndicatorValue>;
}

export interface AggregateGroup {
  key: string;
  label: string;
  unitIds: readonly string[];
}

export interface GroupAggregate {
  key: string;
  label: string;
  units: number;
  /** Units of the group that reported anything (text or values). */
  reportedUnits: number;
  indicators: IndicatorAggregate[];
}

/**
 * Every indicator over each group (a block, the department). A result of a unit outside a group does not
 * count for that group; a unit of the group without a result counts as not reported.
 */
export function aggregateResults(
  indicators: readonly IndicatorDef[],
  results: readonly UnitValues[],
  groups: readonly AggregateGroup[],
): GroupAggregate[] {
  const byUnit = new Map(results.map((r) => [r.unitId, r.values]));
  return groups.map((g) => ({
    key: g.key,
    label: g.label,
    units: g.unitIds.length,
    reportedUnits: g.unitIds.filter((u) => byUnit.has(u)).length,
    indicators: indicators.map((def) =>
      aggregateIndicator(
        def,
        g.unitIds.map((u) => byUnit.get(u)?.[def.code]),
      ),
    ),
  }));
}
