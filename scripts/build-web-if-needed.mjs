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
const sources = ['src/web', 'src/shared', 'vite.config.ts', 'package-lock.json'].map((p) =>
  path.join(root, p),
);

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
    if (entry.name === 'node_modules' || entry.name.startsWith('.') || /\.test\.tsx?$/.test(entry.name))
      continue;
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
    if (newest(source) > built)
      return `mã nguồn đã thay đổi / sources changed (${path.relative(root, source)})`;
  }
  return null;
}

/**
 * Two processes may check at once (an `npm start` beside a test run): the second waits for the first
 * build instead of emptying dist/web under it. A lock older than five minutes is from a dead build.
 */
const lock = path.join(root, 'dist/.web-build.lock');
function acquireLock() {
  fs.mkdirSync(path.dirname(lock), { recursive: true });
  const deadline = Date.now() + 5 * 60_000;
  for (;;) {
    try {
      fs.closeSync(fs.openSync(lock, 'wx'));
      return;
    } catch (error) {
      if (error.code !== 'EEXIST') throw error;
      try {
        if (Date.now() - fs.statSync(lock).mtimeMs > 5 * 60_000) fs.rmSync(lock, { force: true });
      } catch {
        // Released meanwhile: try again.
      }
      if (Date.now() > deadline) throw new Error(`web build lock held too long: ${lock}`);
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 250);
    }
  }
}

if (reason() === null) process.exit(0);
acquireLock();
let status = 0;
try {
  // Checked again under the lock: another process may have just built it.
  const why = reason();
  if (why !== null) status = build(why);
} finally {
  fs.rmSync(lock, { force: true });
}
process.exit(status);

function build(why) {
  console.log(`Đang dựng giao diện web / building the web app: ${why} …`);
  const started = Date.now();
  const viteBin = path.join(root, 'node_modules/vite/bin/vite.js');
  const result = spawnSync(
    process.execPath,
    [viteBin, 'build', '--config', 'vite.config.ts', '--logLevel', 'warn'],
    {
      cwd: root,
      stdio: 'inherit',
      // Test runners set NODE_ENV=test, which would give a development build of React and antd.
      env: { ...process.env, NODE_ENV: 'production' },
    },
  );
  if (result.status !== 0) {
    console.error('Dựng giao diện web thất bại / web build failed.');
    return result.status ?? 1;
  }
  fs.writeFileSync(stamp, `${new Date(started).toISOString()}\n`);
  // Stamped with the start time: a source saved while the build ran makes the next check build again.
  fs.utimesSync(stamp, new Date(started), new Date(started));
  console.log(
    `Đã dựng xong giao diện web / web app built in ${((Date.now() - started) / 1000).toFixed(1)} s.`,
  );
  return 0;
}
