/**
 * Points carry at most two decimals (0,25 điểm). Sums are made in hundredths (integers) so that a total
 * never shows binary rounding such as 0,1 + 0,2 = 0,30000000000000004.
 */
export const toHundredths = (points: number): number => Math.round(points * 100);
export const fromHundredths = (h: number): number => h / 100;

export const sumPoints = (values: readonly number[]): number =>
  fromHundredths(values.reduce((s, v) => s + toHundredths(v), 0));

/** True when the value has at most two decimals. */
export const hasTwoDecimalsAtMost = (points: number): boolean =>
  Number.isFinite(points) && Math.abs(points * 100 - Math.round(points * 100)) < 1e-6;
