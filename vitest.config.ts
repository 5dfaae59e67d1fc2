/**
 * Three tiers, run in this order by `npm test`:
 *  - unit: needs no built site and no browser (`npm run test:unit`, also the Astro
 *    container tests in tests/charts/vitest.components.config.ts);
 *  - build: builds sites and checks what comes out (`npm run test:build`);
 *  - browser: drives built sites in Chromium (`npm run test:browser`).
 * Only the build and browser tiers run the global setup that builds the bundled, the
 * hostile and the example study; when both run in one process they share those builds.
 * A test file belongs to the unit tier unless it is listed below.
 */
import { defineConfig } from 'vitest/config';

const browser = [
  'tests/browser/**/*.test.ts',
  'tests/quality/a11y.test.ts',
  'tests/quality/a11y-hostile.test.ts',
  'tests/quality/a11y-example.test.ts',
  'tests/quality/example.test.ts',
  'tests/quality/colour-modes.test.ts',
  'tests/quality/hostile.test.ts',
  'tests/scholarly/browser.test.ts',
  'tests/scholarly/subpath.test.ts',
  'tests/site/history.test.ts',
  'tests/teaching/handouts.test.ts',
  'tests/teaching/projector.test.ts',
  'tests/teaching/teaching-browser.test.ts',
];

const build = [
  'tests/build/**/*.test.ts',
  'tests/cli/deidentify.test.ts',
  'tests/cli/dev-reload.test.ts',
  'tests/cli/recode-end-to-end.test.ts',
  'tests/content/chapters.test.ts',
  'tests/quality/leaks.test.ts',
  'tests/quality/malformed.test.ts',
  'tests/quality/static.test.ts',
  'tests/scholarly/built-site.test.ts',
  'tests/site/backlinks.test.ts',
  'tests/site/links.test.ts',
  'tests/site/reporting.test.ts',
  'tests/site/routes.test.ts',
  'tests/teaching/course-pack-pdf.test.ts',
  'tests/teaching/docx.test.ts',
  'tests/teaching/reference-checks.test.ts',
  'tests/teaching/teaching-pages.test.ts',
];

// Expectation files are written only on request (`UPDATE=1`); a missing one fails.
const update = process.env.UPDATE === '1' ? 'all' : 'none';

const shared = {
  environment: 'node',
  // Timeouts only catch a hung test; no test may fail because the machine is busy, so
  // they are far above any run seen, and tests wait on conditions rather than clocks.
  testTimeout: 600_000,
  hookTimeout: 1_800_000,
  // Build and browser tests are heavy on these 2-core machines; keep parallelism modest.
  maxWorkers: 2,
  update,
} as const;

export default defineConfig({
  test: {
    update,
    projects: [
      { test: { ...shared, name: 'unit', include: ['tests/**/*.test.ts'], exclude: [...build, ...browser], sequence: { groupOrder: 0 } } },
      'tests/charts/vitest.components.config.ts',
      { test: { ...shared, name: 'build', include: build, globalSetup: ['tests/setup/global-build.ts'], sequence: { groupOrder: 2 } } },
      { test: { ...shared, name: 'browser', include: browser, globalSetup: ['tests/setup/global-build.ts'], sequence: { groupOrder: 3 } } },
    ],
  },
});
