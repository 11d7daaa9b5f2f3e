/** Builds the unit tree from the flat list the API returns, and filters it keeping the path to matches. */
import type { Unit } from '../../../../shared/units/units.schema';
import { matches, viCollator } from '../../../lib/text';

export interface UnitNode extends Unit {
  /** 0 for a root. */
  depth: number;
  children?: UnitNode[];
}

/**
 * Parents before children, siblings by name in Vietnamese order. A unit whose parent is not in the list
 * (a unit officer sees only their own branch) becomes a root.
 */
export function buildUnitTree(units: readonly Unit[]): UnitNode[] {
  const byId = new Map<string, UnitNode>(units.map((u) => [u.id, { ...u, depth: 0 }]));
  const roots: UnitNode[] = [];
  for (const node of byId.values()) {
    const parent = node.parentId ? byId.get(node.parentId) : undefined;
    if (parent) (parent.children ??= []).push(node);
    else roots.push(node);
  }
  const sort = (nodes: UnitNode[], depth: number) => {
    nodes.sort((a, b) => viCollator.compare(a.name, b.name));
    for (const n of nodes) {
      n.depth = depth;
      if (n.children) sort(n.children, depth + 1);
    }
  };
  sort(roots, 0);
  return roots;
}

export interface UnitFilter {
  text: string;
  showInactive: boolean;
}

/** Keeps the nodes that match (and their ancestors); an inactive unit hides its subtree when hidden. */
export function filterUnitTree(nodes: readonly UnitNode[], filter: UnitFilter): UnitNode[] {
  const out: UnitNode[] = [];
  for (const node of nodes) {
    if (!filter.showInactive && !node.active) continue;
    const children = node.children ? filterUnitTree(node.children, filter) : [];
    const self =
      !filter.text.trim() ||
      matches(node.name, filter.text) ||
      matches(node.code, filter.text) ||
      (node.shortName !== null && matches(node.shortName, filter.text));
    if (self || children.length) out.push({ ...node, children: children.length ? children : undefined });
  }
  return out;
}

export function countNodes(nodes: readonly UnitNode[]): number {
  return nodes.reduce((n, node) => n + 1 + (node.children ? countNodes(node.children) : 0), 0);
}

/** Keys of every node that has children (to expand the whole tree). */
export function parentKeys(nodes: readonly UnitNode[]): string[] {
  return nodes.flatMap((n) => (n.children?.length ? [n.id, ...parentKeys(n.children)] : []));
}

/** The unit and everything under it (a unit cannot move under its own descendant). */
export function subtreeIds(units: readonly Unit[], rootId: string): Set<string> {
  const ids = new Set([rootId]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const u of units) {
      if (u.parentId && ids.has(u.parentId) && !ids.has(u.id)) {
        ids.add(u.id);
        grew = true;
      }
    }
  }
  return ids;
}
