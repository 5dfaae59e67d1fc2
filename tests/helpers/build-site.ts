import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';

export const repoRoot = resolve(import.meta.dirname, '..', '..');

/** Runs `npm run build`'s script in a child process with the given environment. */
export function buildSite(env: Record<string, string>): { status: number | null; output: string } {
  const result = spawnSync(process.execPath, [resolve(repoRoot, 'node_modules/tsx/dist/cli.mjs'), 'src/cli/build.ts'], {
    cwd: repoRoot,
    env: { ...process.env, ...env },
    encoding: 'utf8',
    timeout: 300_000,
  });
  return { status: result.status, output: `${result.stdout}\n${result.stderr}` };
}
