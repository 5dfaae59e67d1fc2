/**
 * Renders the chart components with Astro's container API, which needs Astro's Vite
 * plugins: `npx vitest run --config tests/charts/vitest.components.config.ts`. Its test
 * files end in `.astro-test.ts` so the root config (plain Vite) does not pick them up.
 */
import { getViteConfig } from 'astro/config';

export default getViteConfig({
  test: {
    include: ['tests/charts/**/*.astro-test.ts'],
    environment: 'node',
    testTimeout: 60_000,
  },
});
