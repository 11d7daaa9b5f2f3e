/**
 * The portal's rendered parts are cached in memory (decision 038): by an item's id and version, and for the
 * lists, for a few seconds of the server's clock. Every news write bumps the generation of its database, so
 * this process drops what it cached at once; other processes (several on one PostgreSQL) see the change
 * when their short time-to-live runs out.
 */
import type { Clock } from '../../platform/clock';

const generations = new WeakMap<object, { n: number }>();

/** Called by every news write (items, categories, links). */
export function bumpPortal(key: object): void {
  const g = generations.get(key);
  if (g) g.n += 1;
  else generations.set(key, { n: 1 });
}

export function portalGeneration(key: object): number {
  return generations.get(key)?.n ?? 0;
}

/** A small cache whose entries expire after `ttlMs` of `clock` or when the generation moves. */
export function ttlCache<V>(key: object, clock: Clock, ttlMs: number, maxEntries = 500) {
  const entries = new Map<string, { value: V; at: number; generation: number }>();
  return {
    async get(name: string, load: () => Promise<V>): Promise<V> {
      const now = clock().getTime();
      const generation = portalGeneration(key);
      const hit = entries.get(name);
      if (hit && hit.generation === generation && now - hit.at < ttlMs && now >= hit.at) return hit.value;
      const value = await load();
      if (entries.size >= maxEntries) entries.clear();
      entries.set(name, { value, at: now, generation });
      return value;
    },
    clear() {
      entries.clear();
    },
  };
}
