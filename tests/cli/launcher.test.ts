/**
 * scripts/cli.mjs, which `npm run import:qdpx` and the other interchange commands go
 * through: it runs the command from a bundle in node_modules/.cache/casebook-cli/, and
 * must never run a bundle older than the sources (an edit is picked up on the next run).
 */
import { spawnSync } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../helpers/build-site.ts';

const manifest = join(repoRoot, 'node_modules', '.cache', 'casebook-cli', 'import-csv.json');

function launch(...args: string[]) {
  return spawnSync(process.execPath, [join(repoRoot, 'scripts', 'cli.mjs'), ...args], {
    cwd: repoRoot,
    encoding: 'utf8',
    timeout: 300_000,
    env: { ...process.env, STUDY_DIR: join(repoRoot, 'no-such-study') },
  });
}

describe('scripts/cli.mjs', () => {
  it('runs the command with its own arguments, from a bundle made from every source it imports', async () => {
    const run = launch('import-csv');
    // import-csv with no file prints its usage and exits 2, as when run through tsx.
    expect(run.stderr).toContain('Usage: npm run import:csv');
    expect(run.status).toBe(2);
    const { inputs } = JSON.parse(await readFile(manifest, 'utf8')) as { inputs: string[] };
    expect(inputs).toContain('src/cli/import-csv.ts');
    expect(inputs).toContain('src/interchange/csv.ts');
  });

  it('makes the bundle again when a source differs from what it was made from', async () => {
    launch('import-csv');
    const made = JSON.parse(await readFile(manifest, 'utf8')) as { inputs: string[]; hash: string };
    // The record of what the bundle was made from no longer matches the sources: as after an edit.
    await writeFile(manifest, JSON.stringify({ ...made, hash: 'stale' }));
    const run = launch('import-csv');
    expect(run.status).toBe(2);
    expect((JSON.parse(await readFile(manifest, 'utf8')) as { hash: string }).hash).toBe(made.hash);
  });

  it('refuses a name that is not a command of src/cli/', () => {
    const run = launch('../bench/run');
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('names a file of src/cli/');
  });
});
