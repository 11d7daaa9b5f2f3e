// Bundles the server (src/server/main.ts and what it imports from src/) into dist/server/ with esbuild,
// leaving node_modules as they are. `npm start` runs the bundle: Node then loads a handful of plain
// JavaScript files instead of compiling ~100 TypeScript modules at every start (cold start target < 3 s).
// Skipped when the bundle is newer than every source file it could contain.
import { build } from 'esbuild';
import { readdirSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import process from 'node:process';

const OUT = 'dist/server/main.js';

function newest(dir) {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'web') latest = Math.max(latest, newest(p));
    } else if (/\.(ts|tsx|json)$/.test(entry.name) && !/\.test\.ts$/.test(entry.name)) {
      latest = Math.max(latest, statSync(p).mtimeMs);
    }
  }
  return latest;
}

let built = 0;
try {
  built = statSync(OUT).mtimeMs;
} catch {
  /* not built yet */
}
const sources = Math.max(newest('src'), statSync('package.json').mtimeMs, statSync('package-lock.json').mtimeMs);
if (built > sources && process.argv[2] !== '--force') process.exit(0);

rmSync('dist/server', { recursive: true, force: true });
await build({
  // The eligibility sweep's worker thread (decision 046) is its own entry: dist/server/sweep.worker.js.
  entryPoints: [
    'src/server/main.ts',
    { in: 'src/server/features/eligibility/sweep.worker.ts', out: 'sweep.worker' },
  ],
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  packages: 'external',
  splitting: true,
  outdir: 'dist/server',
  sourcemap: true,
  logLevel: 'warning',
});
