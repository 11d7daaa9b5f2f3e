/**
 * The national packs, validated when this module loads, and the choice of pack by achievement period.
 */
import { loadPack } from '../validate';
import type { RulePack } from '../types';
import { V2017 as V2017_DATA } from './v2017';
import { V2024 as V2024_DATA } from './v2024';
import { V2025 as V2025_DATA } from './v2025';

export const V2017 = loadPack(V2017_DATA);
export const V2024 = loadPack(V2024_DATA);
export const V2025 = loadPack(V2025_DATA);

export const NATIONAL_PACKS: readonly RulePack[] = [V2017, V2024, V2025];

/**
 * The pack that judges an achievement period: the latest pack in force on the period's last day.
 * A 2020 case → V2017; 2024 → V2024; 2025 → V2025 (Nghị định 152/2025 in force from 01/07/2025).
 */
export function packForDate(date: string, packs: readonly RulePack[] = NATIONAL_PACKS): RulePack {
  const fit = packs
    .filter((p) => p.effectiveFrom <= date)
    .sort((a, b) => b.effectiveFrom.localeCompare(a.effectiveFrom));
  const p = fit[0] ?? [...packs].sort((a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom))[0];
  if (!p) throw new Error('No rule pack');
  return p;
}

export const packForYear = (year: number, packs: readonly RulePack[] = NATIONAL_PACKS) =>
  packForDate(`${year}-12-31`, packs);

export function packById(id: string, packs: readonly RulePack[] = NATIONAL_PACKS): RulePack | undefined {
  return packs.find((p) => p.id === id);
}
