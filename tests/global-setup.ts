/**
 * Runs once before the suite: the browser tests need the production web build, so build it if it is
 * missing or older than the sources (the same check `npm start` makes). VINHDANH_SKIP_WEB_BUILD=1 skips
 * it when running server tests alone.
 */
import { execFileSync } from 'node:child_process';

export default function setup() {
  if (process.env.VINHDANH_SKIP_WEB_BUILD === '1') return;
  execFileSync(process.execPath, ['scripts/build-web-if-needed.mjs'], { stdio: 'inherit' });
}
