#!/usr/bin/env node
/* global process, console */
/**
 * Builds the web app (dist/web) when it is missing or older than its sources. Run by `npm start`
 * (prestart) and by the test global setup. When nothing changed it only stats files (well under 200 ms).
 *
 * "Older" is judged against a stamp file written after a successful build, so that a build interrupted
 * half-way is redone next time.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outDir = path.join(root, 'dist/web');
const stamp = path.join(outDir, '.build-stamp');
const sources = ['src/web', 'src/shared', 'vite.config.ts', 'package-lock.json'].map((p) => path.join(root, p));

/** Newest modification time under `p` (a file or a directory), 0 if it does not exist. */
function newest(p) {
  let stat;
  try {
    stat = fs.statSync(p);
  } catch {
    return 0;
  }
  if (!stat.isDirectory()) return stat.mtimeMs;
  // A directory's own mtime changes when a file is added, removed or renamed in it.
  let max = stat.mtimeMs;
  for (const entry of fs.readdirSync(p, { withFileTypes: true })) {
    // Tests are not part of the bundle: editing one should not trigger a rebuild.
    if (entry.name === 'node_modules' || entry.name.startsWith('.') || /\.test\.tsx?$/.test(entry.name)) continue;
    max = Math.max(max, newest(path.join(p, entry.name)));
  }
  return max;
}

function reason() {
  if (!fs.existsSync(path.join(outDir, 'index.html'))) return 'chưa có bản dựng giao diện / no web build yet';
  let built;
  try {
    built = fs.statSync(stamp).mtimeMs;
  } catch {
    return 'thiếu dấu thời gian bản dựng / build stamp missing';
  }
  for (const source of sources) {
    if (newest(source) > built) return `mã nguồn đã thay đổi / sources changed (${path.relative(root, source)})`;
  }
  return null;
}

const why = reason();
if (why === null) process.exit(0);

console.log(`Đang dựng giao diện web / building the web app: ${why} …`);
const started = Date.now();
const viteBin = path.join(root, 'node_modules/vite/bin/vite.js');
const result = spawnSync(process.execPath, [viteBin, 'build', '--config', 'vite.config.ts', '--logLevel', 'warn'], {
  cwd: root,
  stdio: 'inherit',
  // Test runners set NODE_ENV=test, which would give a development build of React and antd.
  env: { ...process.env, NODE_ENV: 'production' },
});
if (result.status !== 0) {
  console.error('Dựng giao diện web thất bại / web build failed.');
  process.exit(result.status ?? 1);
}
fs.writeFileSync(stamp, `${new Date(started).toISOString()}\n`);
// Stamped with the start time: a source saved while the build ran makes the next check build again.
fs.utimesSync(stamp, new Date(started), new Date(started));
console.log(`Đã dựng xong giao diện web / web app built in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
