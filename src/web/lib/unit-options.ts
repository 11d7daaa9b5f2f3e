import type { Unit } from '../../shared/units/units.schema';
import { viCollator } from './text';

export interface UnitOption {
  value: string;
  title: string;
  disabled?: boolean;
  children?: UnitOption[];
}

/**
 * The units as a TreeSelect tree, by name in Vietnamese order. For filters every unit can be picked (old
 * records belong to units that have since closed); for a transfer only active ones.
 */
export function unitOptions(units: readonly Unit[], { activeOnly = false } = {}): UnitOption[] {
  const byParent = new Map<string | null, Unit[]>();
  const ids = new Set(units.map((u) => u.id));
  for (const u of units) {
    const key = u.parentId && ids.has(u.parentId) ? u.parentId : null;
    byParent.set(key, [...(byParent.get(key) ?? []), u]);
  }
  const build = (parent: string | null): UnitOption[] =>
    (byParent.get(parent) ?? [])
      .sort((a, b) => viCollator.compare(a.name, b.name))
      .map((u) => {
        const children = build(u.id);
        return {
          value: u.id,
          title: u.name,
          disabled: activeOnly && !u.active,
          children: children.length ? children : undefined,
        };
      });
  return build(null);
}
