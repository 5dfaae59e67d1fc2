/**
 * The unit tier's chart-component tests render with Astro's container API, which needs
 * Astro's Vite plugins, so they are a project of their own (the root vitest.config.ts
 * lists this file). Their files end in `.astro-test.ts` so the plain unit project does
 * not pick them up.
 */
import { getViteConfig } from 'astro/config';

export default getViteConfig({
  root: new URL('../..', import.meta.url).pathname,
  test: {
    name: 'unit-astro',
    include: ['tests/charts/**/*.astro-test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    update: process.env.UPDATE === '1' ? 'all' : 'none',
  },
});
