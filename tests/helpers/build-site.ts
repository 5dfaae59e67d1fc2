import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, statSync } from 'node:fs';
import { resolve } from 'node:path';

export const repoRoot = resolve(import.meta.dirname, '..', '..');

/**
 * Vitest mirrors `import.meta.env` into `process.env` (BASE_URL="/", MODE="test", …).
 * Inherited by the build, BASE_URL would override the configured `base`, so a sub-path
 * build would silently come out at the root.
 */
const vitestEnv = new Set(['BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR']);

/**
 * Builds in one checkout share Astro's generated `.astro/` folder (the content-module map)
 * and its content cache, so two at once can render one study with the other's chapters.
 * Test files run in parallel, so builds take turns through a lock directory; a lock older
 * than the longest build is left over from a killed run and is taken over.
 */
const lockDir = resolve(repoRoot, 'node_modules', '.casebook-build.lock');
const staleAfterMs = 600_000;

function withBuildLock<T>(run: () => T): T {
  const release = acquireBuildLock();
  try {
    return run();
  } finally {
    release();
  }
}

/** Waits for the build lock and returns its release; for tests that run Astro themselves (a build, or `astro dev`). */
export function acquireBuildLock(): () => void {
  const pause = new Int32Array(new SharedArrayBuffer(4));
  for (;;) {
    try {
      mkdirSync(lockDir);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      try {
        if (Date.now() - statSync(lockDir).mtimeMs > staleAfterMs) rmSync(lockDir, { recursive: true, force: true });
      } catch {
        // Released between the two calls: try again.
      }
      Atomics.wait(pause, 0, 0, 250);
    }
  }
  return () => rmSync(lockDir, { recursive: true, force: true });
}

/** Runs `npm run build`'s script in a child process with the given environment. */
export function buildSite(env: Record<string, string>): { status: number | null; output: string } {
  const inherited = Object.fromEntries(Object.entries(process.env).filter(([name]) => !vitestEnv.has(name)));
  const result = withBuildLock(() => spawnSync(process.execPath, [resolve(repoRoot, 'node_modules/tsx/dist/cli.mjs'), 'src/cli/build.ts'], {
    cwd: repoRoot,
    env: { ...inherited, ...env },
    encoding: 'utf8',
    timeout: 300_000,
  }));
  return { status: result.status, output: `${result.stdout}\n${result.stderr}` };
}
