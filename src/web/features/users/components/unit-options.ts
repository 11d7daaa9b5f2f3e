import type { Unit } from '../../../../shared/units/units.schema';
import { viCollator } from '../../../lib/text';

export interface UnitOption {
  value: string;
  title: string;
  disabled?: boolean;
  children?: UnitOption[];
}

/** The units as a TreeSelect tree; inactive units cannot be picked for new assignments. */
export function unitOptions(units: readonly Unit[], { allowInactive = false } = {}): UnitOption[] {
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
          disabled: !allowInactive && !u.active,
          children: children.length ? children : undefined,
        };
      });
  return build(null);
}
