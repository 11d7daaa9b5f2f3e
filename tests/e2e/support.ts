/**
 * Shared set-up for the browser tests: the real server (same `buildApp` as production, serving the
 * production web build from dist/web) listening on a free loopback port over a fresh test database seeded
 * with the demo, and Debian's Chromium driven by playwright-core.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/server/app';
import { testConfig } from '../../src/server/platform/config';
import { systemClock } from '../../src/server/platform/clock';
import { seedDemo, DEMO_PASSWORD, type SeedDemoOptions } from '../../src/server/seed/demo';
import { openTestDatabase, type TestDatabase } from '../../src/server/testing/harness';

export const CHROMIUM = '/usr/bin/chromium';
export const hasChromium = fs.existsSync(CHROMIUM);
/** A browser suite's title, saying why it is skipped only when it is. */
export const inBrowser = (title: string) =>
  hasChromium ? title : `${title} (skipped: ${CHROMIUM} is not installed)`;
export const WEB_DIR = path.resolve(import.meta.dirname, '../../dist/web');
export { DEMO_PASSWORD };

/** Exactly the flags DEVELOPERS.md prescribes for this machine and CI. */
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export interface E2EServer {
  url: string;
  app: FastifyInstance;
  database: TestDatabase;
  close(): Promise<void>;
}

export interface StartServerOptions {
  /** Passed to seedDemo (e.g. `withhold2020Unit`). */
  seed?: SeedDemoOptions;
  /** Where attachments go (a temporary directory of the test, not the repository's ./data). */
  uploadDir?: string;
}

export async function startServer(options: StartServerOptions = {}): Promise<E2EServer> {
  if (!fs.existsSync(path.join(WEB_DIR, 'index.html'))) {
    throw new Error(
      `No web build in ${WEB_DIR}: run \`npm run build:web\` (the test global setup normally does).`,
    );
  }
  const database = await openTestDatabase();
  await seedDemo(database, systemClock, options.seed ?? {});
  const app = await buildApp({
    database,
    config: testConfig({ webDir: WEB_DIR, ...(options.uploadDir ? { uploadDir: options.uploadDir } : {}) }),
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  if (!address || typeof address === 'string') throw new Error('server did not bind a TCP port');
  return {
    url: `http://127.0.0.1:${address.port}`,
    app,
    database,
    async close() {
      await app.close();
      await database.close();
    },
  };
}

export interface E2EBrowser {
  browser: Browser;
  /** A fresh context (own cookies and storage) at 1366×768, the screen the app is designed for. */
  newPage(): Promise<{ context: BrowserContext; page: Page }>;
  close(): Promise<void>;
}

export async function startBrowser(): Promise<E2EBrowser> {
  // launch() gives Chromium a fresh temporary profile (--user-data-dir) of its own and removes it on close.
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
  return {
    browser,
    async newPage() {
      const context = await browser.newContext({
        viewport: { width: 1366, height: 768 },
        locale: 'vi-VN',
        // The app turns antd's animations off for users who ask for reduced motion: no clicks on moving menus.
        reducedMotion: 'reduce',
      });
      const page = await context.newPage();
      page.setDefaultTimeout(15_000);
      return { context, page };
    },
    async close() {
      await browser.close();
    },
  };
}

/** Signs in through the login form and waits for the app shell. */
export async function login(page: Page, baseUrl: string, username: string, password = DEMO_PASSWORD) {
  await page.goto(`${baseUrl}/`);
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Mật khẩu').fill(password);
  await page.getByRole('button', { name: 'Đăng nhập', exact: true }).click();
  await page.getByTestId('current-user').waitFor();
}

/** Picks an option in the open antd Select dropdown (its accessible listbox is visually hidden). */
export async function pickOption(page: Page, label: string) {
  await page.locator(`.ant-select-item-option[title="${label.replace(/"/g, '\\"')}"]`).click();
}

/** Calls the API as a demo user straight through the app (set-up data for a browser test). */
export async function apiAs(server: E2EServer, username: string, password = DEMO_PASSWORD) {
  const login = await server.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username, password },
  });
  if (login.statusCode !== 200) throw new Error(`login ${username}: ${login.statusCode} ${login.body}`);
  const cookie = login.cookies.find((c) => c.name === 'vd_session')!.value;
  const { csrfToken } = login.json() as { csrfToken: string };
  return async (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: object) => {
    const res = await server.app.inject({
      method,
      url,
      cookies: { vd_session: cookie },
      headers: { 'x-csrf-token': csrfToken },
      ...(payload ? { payload } : {}),
    });
    if (res.statusCode >= 400) throw new Error(`${method} ${url}: ${res.statusCode} ${res.body}`);
    return res.json() as unknown;
  };
}

export interface ApiUnit {
  id: string;
  code: string;
  name: string;
  parentId: string | null;
  active: boolean;
}

/**
 * An active unit to hang test data under, chosen from what the server holds (the demo seed changes as the
 * product grows): the user's own unit when it is active, else the first active one.
 */
export async function activeUnitFor(
  call: Awaited<ReturnType<typeof apiAs>>,
): Promise<{ unit: ApiUnit; all: ApiUnit[] }> {
  const all = (await call('GET', '/api/units')) as ApiUnit[];
  const me = (await call('GET', '/api/auth/me')) as { unitId: string };
  const unit = all.find((u) => u.id === me.unitId && u.active) ?? all.find((u) => u.active);
  if (!unit) throw new Error('no active unit in the demo data');
  return { unit, all };
}

/**
 * The server (over a fresh demo database) and the browser of one suite: started before its tests, closed
 * after them. Call it inside the suite's `describe`; read `server` and `chrome` inside the tests.
 */
export function serverAndBrowser(options: StartServerOptions = {}, timeoutMs = 180_000) {
  const e2e = {} as { server: E2EServer; chrome: E2EBrowser };
  beforeAll(async () => {
    e2e.server = await startServer(options);
    e2e.chrome = await startBrowser();
  }, timeoutMs);
  afterAll(async () => {
    await e2e.chrome?.close();
    await e2e.server?.close();
  }, timeoutMs);
  return e2e;
}
