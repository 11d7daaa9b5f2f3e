/**
 * `npm start`: open the database (PGlite in VINHDANH_DATA_DIR, or PostgreSQL at DATABASE_URL), apply
 * migrations, seed the demo on first run, serve the API and the web app, and shut down cleanly on SIGTERM.
 */
import { loadConfig } from './platform/config';
import { DataDirLockedError, openDatabase } from './platform/db/database';
import { systemClock } from './platform/clock';
import { buildApp } from './app';
import { bootstrap } from './seed/bootstrap';
import { DEMO_PASSWORD, DEMO_USERS } from './seed/demo';
import { ROLE_LABELS } from '../shared/permissions';
import { VERSION } from './version';

async function main() {
  const started = Date.now();
  const config = loadConfig();
  let database;
  try {
    database = await openDatabase({
      url: config.databaseUrl,
      dataDir: config.dataDir,
      pgliteSharedBuffers: config.pgliteSharedBuffers,
    });
  } catch (err) {
    if (err instanceof DataDirLockedError) {
      console.error(`\n✖ ${err.message}\n`);
      process.exit(2);
    }
    throw err;
  }
  const boot = await bootstrap(database, config, systemClock);
  const app = await buildApp({ database, config });

  let shuttingDown = false;
  const shutdown = async (signal: string) => {
    if (shuttingDown) return;
    shuttingDown = true;
    app.log.info({ signal }, 'shutting down: draining requests');
    const timer = setTimeout(() => {
      console.error('Shutdown took too long; forcing exit.');
      process.exit(1);
    }, 15_000);
    timer.unref();
    try {
      await app.close();
    } finally {
      await database.close();
      clearTimeout(timer);
      process.exit(0);
    }
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));

  await app.listen({ port: config.port, host: config.host });
  const url = `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${config.port}`;
  const lines = [
    '',
    `VinhDanh ${VERSION} — quản lý thi đua, khen thưởng`,
    `  Địa chỉ / URL:      ${url}`,
    `  Tài liệu API:       ${url}/api/docs`,
    `  Cơ sở dữ liệu:      ${database.kind === 'pglite' ? `PGlite (${config.dataDir})` : 'PostgreSQL'}`,
    `  Chế độ / mode:      ${config.mode}${boot.demoSeeded ? ' (vừa tạo dữ liệu mẫu)' : ''}`,
    `  Khởi động trong:    ${Date.now() - started} ms`,
  ];
  if (config.mode === 'demo') {
    lines.push('', `  Tài khoản mẫu (mật khẩu chung: ${DEMO_PASSWORD}):`);
    for (const u of DEMO_USERS) lines.push(`    ${u.username.padEnd(12)} ${ROLE_LABELS[u.role].vi}`);
  }
  if (boot.firstAdmin) {
    lines.push(
      '',
      `  Tài khoản quản trị đầu tiên: ${boot.firstAdmin.username} / ${boot.firstAdmin.password}`,
      '  (chỉ hiện một lần; phải đổi mật khẩu khi đăng nhập lần đầu)',
    );
  }
  console.log(lines.join('\n') + '\n');
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
