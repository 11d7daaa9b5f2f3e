/**
 * Summarises a V8 `.cpuprofile` (from `node --cpu-prof`): self time per package / source file and per
 * function, so a bench run can say where the server's time goes.
 */
import fs from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

export interface ProfileLine {
  name: string;
  ms: number;
  share: number;
}
export interface ProfileSummary {
  file: string;
  busyMs: number;
  idleMs: number;
  /** The part of the profile summarised (ms from the start of the profile), when a window was given. */
  window: { fromMs: number; toMs: number } | null;
  byPlace: ProfileLine[];
  byFunction: ProfileLine[];
  /** Time inside each function of ours (src/**), callees included: what the app's own steps cost. */
  appInclusive: ProfileLine[];
}

export interface SummariseOptions {
  top?: number;
  /** Only samples between these two offsets, in ms before the end of the profile (the load period). */
  fromEndMs?: number;
  toEndMs?: number;
}

/** Where a frame's code lives: an npm package, a file of ours, node itself, or V8 (GC, native). */
export function placeOf(url: string, functionName: string): string {
  if (!url) {
    if (functionName === '(garbage collector)') return '(garbage collector)';
    if (functionName === '(program)') return '(program: native / V8)';
    return `(native) ${functionName || '(anonymous)'}`;
  }
  const clean = url.replace(/^file:\/\//, '');
  const nm = clean.lastIndexOf('/node_modules/');
  if (nm >= 0) {
    const rest = clean.slice(nm + '/node_modules/'.length).split('/');
    const pkg = rest[0]?.startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0];
    return `npm: ${pkg}`;
  }
  if (clean.startsWith('node:')) return `node: ${clean.slice(5).split('/')[0]}`;
  const src = clean.indexOf('/src/');
  if (src >= 0) return `app: ${clean.slice(src + 1)}`;
  return clean;
}

export function summarise(file: string, options: SummariseOptions = {}): ProfileSummary {
  const top = options.top ?? 15;
  const profile = JSON.parse(fs.readFileSync(file, 'utf8')) as CpuProfile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);

  const totalUs = profile.endTime - profile.startTime;
  const from = options.fromEndMs !== undefined ? totalUs - options.fromEndMs * 1000 : -Infinity;
  const to = options.toEndMs !== undefined ? totalUs - options.toEndMs * 1000 : Infinity;
  const selfUs = new Map<number, number>();
  let t = 0;
  for (let i = 0; i < profile.samples.length; i++) {
    const dt = profile.timeDeltas[i] ?? 0;
    t += dt;
    if (t < from || t > to) continue;
    const id = profile.samples[i]!;
    selfUs.set(id, (selfUs.get(id) ?? 0) + dt);
  }
  let idle = 0;
  let busy = 0;
  const places = new Map<string, number>();
  const functions = new Map<string, number>();
  const inclusive = new Map<string, number>();
  const frameName = (n: ProfileNode) => {
    const { functionName, url, lineNumber } = n.callFrame;
    return `${functionName || '(anonymous)'} — ${url ? `${placeOf(url, functionName)}:${lineNumber + 1}` : placeOf(url, functionName)}`;
  };
  for (const [id, us] of selfUs) {
    const node = byId.get(id);
    if (!node) continue;
    const { functionName, url } = node.callFrame;
    if (functionName === '(idle)') {
      idle += us;
      continue;
    }
    busy += us;
    const place = placeOf(url, functionName);
    places.set(place, (places.get(place) ?? 0) + us);
    functions.set(frameName(node), (functions.get(frameName(node)) ?? 0) + us);
    // Credit every distinct function of ours on the stack (recursion counted once).
    const seen = new Set<string>();
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      const n = byId.get(cur);
      if (!n || !placeOf(n.callFrame.url, n.callFrame.functionName).startsWith('app: ')) continue;
      const name = frameName(n);
      if (seen.has(name)) continue;
      seen.add(name);
      inclusive.set(name, (inclusive.get(name) ?? 0) + us);
    }
  }
  const lines = (m: Map<string, number>) =>
    [...m.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([name, us]) => ({ name, ms: us / 1000, share: busy ? us / busy : 0 }));
  const window =
    options.fromEndMs !== undefined || options.toEndMs !== undefined
      ? { fromMs: Math.max(0, from / 1000), toMs: Math.min(totalUs, to) / 1000 }
      : null;
  return {
    file,
    busyMs: busy / 1000,
    idleMs: idle / 1000,
    window,
    byPlace: lines(places),
    byFunction: lines(functions),
    appInclusive: lines(inclusive),
  };
}
