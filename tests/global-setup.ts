/**
 * Runs once before the suite: the browser tests need the production web build, so build it if it is
 * missing or older than the sources (the same check `npm start` makes).
 */
import { execFileSync } from 'node:child_process';

export default function setup() {
  execFileSync(process.execPath, ['scripts/build-web-if-needed.mjs'], { stdio: 'inherit' });
}
