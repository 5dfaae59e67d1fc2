/**
 * The chart tests on their own: pure functions over in-memory studies, so they need none of
 * the site build that the root config's global setup runs. Run with
 * `npx vitest run --config tests/charts/vitest.config.ts` (the root config runs them too).
 */
import { defineConfig } from 'vitest/config';

export default defineConfig({
  root: new URL('../..', import.meta.url).pathname,
  test: {
    include: ['tests/charts/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
  },
});
