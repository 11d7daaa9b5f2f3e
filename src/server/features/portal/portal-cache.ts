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

/**
 * A small cache whose entries expire after `ttlMs` of `clock` or when the generation moves. Concurrent
 * readers of a missing entry share one load (200 readers arriving together cost one query, not 200); for
 * `staleMs` past its time-to-live an entry is still served while one reload runs in the background.
 */
export function ttlCache<V>(key: object, clock: Clock, ttlMs: number, staleMs = 1_000, maxEntries = 500) {
  interface Entry {
    value?: V;
    at: number;
    generation: number;
    loading?: Promise<V>;
  }
  const entries = new Map<string, Entry>();

  function reload(name: string, entry: Entry, load: () => Promise<V>, now: number, generation: number) {
    const loading = load().then(
      (value) => {
        entries.set(name, { value, at: now, generation });
        return value;
      },
      (err: unknown) => {
        entries.delete(name);
        throw err;
      },
    );
    entry.loading = loading;
    return loading;
  }

  return {
    async get(name: string, load: () => Promise<V>): Promise<V> {
      const now = clock().getTime();
      const generation = portalGeneration(key);
      let entry = entries.get(name);
      if (!entry || entry.generation !== generation || now < entry.at) {
        if (entry?.loading && entry.generation === generation) return entry.loading;
        if (entries.size >= maxEntries) entries.clear();
        entry = { at: now, generation };
        entries.set(name, entry);
        return reload(name, entry, load, now, generation);
      }
      const age = now - entry.at;
      if (age < ttlMs && 'value' in entry) return entry.value as V;
      if (entry.loading)
        return 'value' in entry && age < ttlMs + staleMs ? (entry.value as V) : entry.loading;
      const loading = reload(name, entry, load, now, generation);
      if ('value' in entry && age < ttlMs + staleMs) {
        // Served stale: a failed background reload is retried by the next reader, not thrown here.
        loading.catch(() => undefined);
        return entry.value as V;
      }
      return loading;
    },
    clear() {
      entries.clear();
    },
  };
}
