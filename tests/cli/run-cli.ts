/** Runs one of the researcher commands (src/cli/<name>.ts) in a child process, as npm run would. */
import { spawnSync } from 'node:child_process';
import { cp, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { repoRoot } from '../helpers/build-site.ts';

export function runCli(name: string, args: string[], env: Record<string, string> = {}, cwd = repoRoot): { status: number | null; stdout: string; stderr: string; output: string } {
  const result = spawnSync(process.execPath, [resolve(repoRoot, 'node_modules/tsx/dist/cli.mjs'), resolve(repoRoot, 'src/cli', `${name}.ts`), ...args], {
    cwd,
    env: { ...process.env, ...env },
    encoding: 'utf8',
    timeout: 600_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr, output: `${result.stdout}${result.stderr}` };
}

/** A throw-away copy of a study folder. */
export async function copyStudy(dir: string): Promise<string> {
  const copy = await mkdtemp(join(tmpdir(), 'casebook-cli-'));
  await cp(dir, copy, { recursive: true });
  return copy;
}
