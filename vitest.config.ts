import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'tests/**/*.test.ts'],
    environment: 'node',
    pool: 'forks',
    // Vitest's default on a 2-CPU machine is one worker (CPUs - 1): every file in turn, one core idle. Two
    // workers run two files (each with its own database) side by side; override with --maxWorkers.
    maxWorkers: 2,
    // A worker runs its files one after another in one process, keeping the modules it has loaded: importing
    // the app (Fastify, drizzle, zod schemas, docx, exceljs) again for each of ~90 files was half the suite's
    // time. Files share no state: each opens its own database and builds its own app (decision 045).
    isolate: false,
    // Each file opens its own database (a PGlite takes seconds to create): generous hooks.
    testTimeout: 60_000,
    hookTimeout: 180_000,
    globalSetup: ['tests/global-setup.ts'],
  },
});
