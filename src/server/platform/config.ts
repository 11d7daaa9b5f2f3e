/** Configuration from environment variables, read once at start-up. */
import os from 'node:os';
import path from 'node:path';

export interface Config {
  port: number;
  host: string;
  databaseUrl: string | undefined;
  dataDir: string;
  /** PGlite's shared_buffers (`32MB` when unset; decision 047). */
  pgliteSharedBuffers: string | undefined;
  uploadDir: string;
  /** `production` requires every seeded or created password to be changed at first login. */
  mode: 'demo' | 'production';
  seedDemo: boolean;
  sessionIdleMinutes: number;
  sessionAbsoluteHours: number;
  loginMaxFailures: number;
  loginLockMinutes: number;
  cookieSecure: boolean;
  trustProxy: boolean;
  logLevel: string;
  bodyLimitBytes: number;
  webDir: string;
  /** E-mail of notifications: `off` (default) or `file` (one .eml per message in `mailDir`). */
  mailer: 'off' | 'file';
  mailDir: string;
  /** Address of a unit's mailbox; `{unit}` is replaced by the unit's code (units carry no address yet). */
  mailUnitAddress: string;
}

function int(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined || value === '') return fallback;
  const n = Number.parseInt(value, 10);
  if (!Number.isFinite(n) || n < 0) throw new Error(`Biến môi trường ${name} không hợp lệ: ${value}`);
  return n;
}

function memorySize(value: string | undefined, name: string): string | undefined {
  if (value === undefined || value === '') return undefined;
  if (!/^[1-9][0-9]*(kB|MB|GB)$/.test(value))
    throw new Error(`Biến môi trường ${name} không hợp lệ: ${value} (ví dụ: 32MB)`);
  return value;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const mode = env.VINHDANH_MODE === 'production' || env.NODE_ENV === 'production' ? 'production' : 'demo';
  const dataDir = env.VINHDANH_DATA_DIR || './data';
  return {
    port: int(env.PORT, 3000, 'PORT'),
    host: env.HOST || '127.0.0.1',
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir,
    pgliteSharedBuffers: memorySize(env.VINHDANH_PGLITE_SHARED_BUFFERS, 'VINHDANH_PGLITE_SHARED_BUFFERS'),
    uploadDir: env.VINHDANH_UPLOAD_DIR || path.join(dataDir, 'uploads'),
    mode,
    seedDemo: env.VINHDANH_SEED_DEMO ? env.VINHDANH_SEED_DEMO !== 'false' : mode === 'demo',
    sessionIdleMinutes: int(env.SESSION_IDLE_MINUTES, 60, 'SESSION_IDLE_MINUTES'),
    sessionAbsoluteHours: int(env.SESSION_ABSOLUTE_HOURS, 12, 'SESSION_ABSOLUTE_HOURS'),
    loginMaxFailures: int(env.LOGIN_MAX_FAILURES, 5, 'LOGIN_MAX_FAILURES'),
    loginLockMinutes: int(env.LOGIN_LOCK_MINUTES, 15, 'LOGIN_LOCK_MINUTES'),
    cookieSecure: env.COOKIE_SECURE ? env.COOKIE_SECURE === 'true' : mode === 'production',
    trustProxy: env.TRUST_PROXY === 'true',
    logLevel: env.LOG_LEVEL || 'info',
    bodyLimitBytes: int(env.BODY_LIMIT_BYTES, 1024 * 1024, 'BODY_LIMIT_BYTES'),
    webDir: env.VINHDANH_WEB_DIR || path.resolve('dist/web'),
    mailer: env.VINHDANH_MAILER === 'file' ? 'file' : 'off',
    mailDir: env.VINHDANH_MAIL_DIR || path.join(dataDir, 'mail'),
    mailUnitAddress: env.VINHDANH_MAIL_UNIT_ADDRESS || 'thiduakhenthuong+{unit}@localhost',
  };
}

export function testConfig(overrides: Partial<Config> = {}): Config {
  return {
    ...loadConfig({}),
    mode: 'demo',
    seedDemo: false,
    logLevel: 'silent',
    cookieSecure: false,
    // Tests never write uploads or mail into the repository's ./data.
    uploadDir: path.join(os.tmpdir(), `vinhdanh-test-uploads-${process.pid}`),
    mailDir: path.join(os.tmpdir(), `vinhdanh-test-mail-${process.pid}`),
    ...overrides,
  };
}
