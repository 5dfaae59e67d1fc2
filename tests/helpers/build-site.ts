import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { acquireBuildLock as takeBuildLock } from '../../src/cli/build-lock.ts';

export const repoRoot = resolve(import.meta.dirname, '..', '..');

/**
 * The environment a researcher's shell gives `npm run build` or `npm run dev`: without
 * what Vitest adds. Vitest mirrors `import.meta.env` into `process.env` (BASE_URL="/",
 * MODE="test", …); inherited by the build, BASE_URL would override the configured `base`,
 * so a sub-path build would silently come out at the root. It also sets NODE_ENV=test and
 * VITEST*, and Astro's dev server does not serve pages when it believes it runs inside
 * Vitest.
 */
export function userEnvironment(): Record<string, string> {
  const added = new Set(['BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR', 'TEST', 'NODE_ENV']);
  return Object.fromEntries(Object.entries(process.env).filter((entry): entry is [string, string] => entry[1] !== undefined && !added.has(entry[0]) && !entry[0].startsWith('VITEST')));
}

/**
 * Builds in one checkout share Astro's generated `.astro/` folder (the content-module map),
 * so `npm run build` takes a lock (src/cli/build-lock.ts). A test that runs Astro another
 * way (`astro dev`) takes the same lock.
 */
const lockDir = resolve(repoRoot, 'node_modules', '.casebook-build.lock');

/** Waits for the lock `npm run build` takes and returns its release: for tests that run Astro outside the build command (`astro dev`). */
export function acquireBuildLock(): () => void {
  return takeBuildLock(lockDir, { tookOver: () => {}, waiting: () => {} });
}

/** Runs `npm run build`'s script in a child process with the given environment. */
export function buildSite(env: Record<string, string>): { status: number | null; output: string } {
  const result = spawnSync(process.execPath, [resolve(repoRoot, 'node_modules/tsx/dist/cli.mjs'), 'src/cli/build.ts'], {
    cwd: repoRoot,
    env: { ...userEnvironment(), ...env },
    encoding: 'utf8',
    // Only a guard against a hung build: a busy machine must never fail the tests.
    timeout: 1_800_000,
  });
  const killed = result.signal ? `\n(the build was stopped by ${result.signal} after 30 minutes)` : '';
  return { status: result.status, output: `${result.stdout}\n${result.stderr}${killed}` };
}
