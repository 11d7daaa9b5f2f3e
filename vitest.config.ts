import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'tests/**/*.test.ts'],
    environment: 'node',
    pool: 'forks',
    // Each file opens its own database (a PGlite takes seconds to create): generous hooks.
    testTimeout: 60_000,
    hookTimeout: 180_000,
    globalSetup: ['tests/global-setup.ts'],
  },
});
