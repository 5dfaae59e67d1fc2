/**
 * `npm run diff -- [<git ref> | <folder>] [--json]`: what the coding of the study folder
 * changed against another edition: a folder, or the study folder as it was at a git ref
 * (default HEAD). Always exits 0: a diff is a report, not a check.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { studyDir } from '../study/load.ts';
import { diffCoding, formatDiff, readCoding } from '../interchange/diff.ts';

const args = process.argv.slice(2);
const json = args.includes('--json');
const other = args.find((arg) => !arg.startsWith('--')) ?? 'HEAD';
const current = studyDir();

function git(gitArgs: string[], cwd: string, input?: Buffer): { status: number | null; stdout: Buffer; stderr: string } {
  const result = spawnSync('git', gitArgs, { cwd, input, maxBuffer: 512 * 1024 * 1024 });
  return { status: result.status, stdout: result.stdout ?? Buffer.alloc(0), stderr: String(result.stderr ?? '') };
}

/** The study folder as it was at a git ref, extracted into a temporary folder. */
async function atRef(ref: string): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  const top = git(['rev-parse', '--show-toplevel'], current);
  if (top.status !== 0) throw new Error(`"${ref}" is not a folder, and ${current} is not in a git repository`);
  const root = String(top.stdout).trim();
  if (git(['rev-parse', '--verify', '--quiet', `${ref}^{commit}`], root).status !== 0) throw new Error(`"${ref}" is neither a folder nor a git commit, branch or tag`);
  const path = relative(root, current) || '.';
  const archive = git(['archive', '--format=tar', ref, '--', path], root);
  if (archive.status !== 0) throw new Error(`git archive ${ref} -- ${path} failed: ${archive.stderr.trim()}`);
  const temp = await mkdtemp(join(tmpdir(), 'casebook-diff-'));
  const untar = spawnSync('tar', ['-x', '-C', temp], { input: archive.stdout });
  if (untar.status !== 0) throw new Error(`Could not unpack ${ref}: ${String(untar.stderr)}`);
  return { dir: join(temp, path), cleanup: () => rm(temp, { recursive: true, force: true }) };
}

try {
  const isFolder = existsSync(other) && statSync(other).isDirectory();
  const before = isFolder ? { dir: resolve(other), cleanup: async () => {} } : await atRef(other);
  try {
    const diff = diffCoding(await readCoding(before.dir), await readCoding(current));
    const title = `Coding of ${relative(process.cwd(), current) || '.'} compared with ${isFolder ? relative(process.cwd(), resolve(other)) || '.' : `git ${other}`}`;
    console.log(json ? JSON.stringify(diff, null, 2) : formatDiff(diff, title));
  } finally {
    await before.cleanup();
  }
} catch (error) {
  console.error((error as Error).message);
  process.exitCode = 2;
}
