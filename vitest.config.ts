import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 300_000,
    globalSetup: ['tests/setup/global-build.ts'],
    // Browser and build tests are heavy on these 2-core machines; keep parallelism modest.
    maxWorkers: 2,
  },
});
