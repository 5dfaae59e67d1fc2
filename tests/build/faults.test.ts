/**
 * Builds that survive faults: a real build of the small fixture study is killed (`kill -9`
 * of its whole process group, as a power cut or the OOM killer would) while it checks,
 * while Astro renders, while Pagefind indexes, and between the two renames of the swap.
 * After each, the output path holds a whole site and the next build neither waits for the
 * dead one nor leaves its leftovers behind.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { cp, mkdtemp, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseStudy } from '../helpers/fixture-study.ts';
import { buildSite, repoRoot, userEnvironment } from '../helpers/build-site.ts';

const lockDir = resolve(repoRoot, 'node_modules', '.casebook-build.lock');
let work: string;
let dist: string;

/** The pages every build of the fixture study has, and the search index. */
function assertWholeSite(path: string, marker: string | undefined): void {
  for (const file of ['index.html', '404.html', 'codebook/index.html', 'excerpts/index.html', 'data/excerpts.csv', 'pagefind/pagefind.js', 'pagefind/pagefind-entry.json']) {
    expect(existsSync(join(path, file)), `${file} in ${path}`).toBe(true);
  }
  if (marker !== undefined) expect(readFileSync(join(path, 'previous-site.txt'), 'utf8')).toBe(marker);
}

function leftovers(): string[] {
  return readdirSync(dirname(dist)).filter((name) => name !== basename(dist) && name.startsWith(basename(dist)));
}

function startBuild(): { child: ChildProcess; output: () => string; exited: Promise<number | null> } {
  let output = '';
  const child = spawn(process.execPath, [resolve(repoRoot, 'node_modules/tsx/dist/cli.mjs'), 'src/cli/build.ts'], {
    cwd: repoRoot,
    env: { ...userEnvironment(), STUDY_DIR: baseStudy, CASEBOOK_DIST: dist },
    // Its own process group, so the kill reaches Astro and Pagefind too.
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
  return { child, output: () => output, exited };
}

async function until(condition: () => boolean, what: string, timeoutMs = 600_000): Promise<void> {
  const started = Date.now();
  while (!condition()) {
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting until ${what}`);
    await new Promise((wait) => setTimeout(wait, 10));
  }
}

/** The PID in the lock's owner record when that process is in the process group `group`. */
function lockOwnerIn(group: number): number | undefined {
  try {
    const pid = JSON.parse(readFileSync(join(lockDir, 'owner.json'), 'utf8')).pid as number;
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[2]) === group ? pid : undefined;
  } catch {
    return undefined;
  }
}
const staging = () => leftovers().find((name) => name.includes('.staging-'));

/**
 * Starts a build, waits for the moment, kills its process group with SIGKILL, and returns
 * the PID that held the lock (none when it was killed before it took the lock).
 */
async function killBuildWhen(moment: () => boolean, what: string, holdingLock = true): Promise<number | undefined> {
  const build = startBuild();
  const group = build.child.pid!;
  let owner: number | undefined;
  try {
    await until(() => (((owner = lockOwnerIn(group)) !== undefined || !holdingLock) && moment()) || build.child.exitCode !== null, what);
    expect(build.child.exitCode, `the build ended before ${what}:\n${build.output()}`).toBeNull();
    process.kill(-group, 'SIGKILL');
  } finally {
    await build.exited;
  }
  return owner;
}

beforeAll(async () => {
  work = await mkdtemp(join(repoRoot, '.test-dist-faults-'));
  dist = join(work, 'site');
  const first = buildSite({ STUDY_DIR: baseStudy, CASEBOOK_DIST: dist });
  if (first.status !== 0) throw new Error(first.output);
  await writeFile(join(dist, 'previous-site.txt'), 'first build');
});

afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

describe('a build killed with kill -9', () => {
  const killed: number[] = [];
  const kill = async (moment: () => boolean, what: string, holdingLock = true) => {
    const owner = await killBuildWhen(moment, what, holdingLock);
    if (owner !== undefined) killed.push(owner);
  };

  it('before it takes the lock (starting or checking the study) leaves the previous site', async () => {
    await kill(() => true, 'it has started', false);
    assertWholeSite(dist, 'first build');
  });

  it('as soon as it holds the lock leaves the previous site', async () => {
    await kill(() => true, 'it holds the lock');
    assertWholeSite(dist, 'first build');
  });

  it('while Astro renders leaves the previous site', async () => {
    await kill(() => staging() !== undefined && existsSync(join(dirname(dist), staging()!, 'index.html')), 'Astro writes pages');
    assertWholeSite(dist, 'first build');
  });

  it('while Pagefind indexes leaves the previous site', async () => {
    await kill(() => staging() !== undefined && existsSync(join(dirname(dist), staging()!, 'pagefind')), 'Pagefind writes its index');
    assertWholeSite(dist, 'first build');
  });

  it('is followed by a build that takes over the lock at once, cleans up and succeeds', async () => {
    // Every kill left its lock and (past the check) its staging folder.
    expect(leftovers().length).toBeGreaterThan(0);
    const build = startBuild();
    const code = await build.exited;
    expect(code, build.output()).toBe(0);
    expect(build.output()).not.toMatch(new RegExp(`Waiting for the build started at [^\\n]*\\(PID (${killed.join('|')})\\)`));
    assertWholeSite(dist, undefined);
    expect(existsSync(join(dist, 'previous-site.txt'))).toBe(false);
    expect(leftovers()).toEqual([]);
  });

  it('between the two renames of the swap is restored by the next build', async () => {
    // The state that kill leaves: the old site renamed aside, the new one still staged, the lock held by a dead process.
    await writeFile(join(dist, 'previous-site.txt'), 'second build');
    const stamp = '999999-1';
    await cp(dist, `${dist}.staging-${stamp}`, { recursive: true });
    await rename(dist, `${dist}.previous-${stamp}`);
    const dead = spawn(process.execPath, ['-e', ''], { stdio: 'ignore' });
    await new Promise((done) => dead.on('exit', done));
    // Other build tests run beside this file and share the lock: wait for a free moment to plant it.
    await until(() => {
      try {
        mkdirSync(lockDir);
        return true;
      } catch {
        return false;
      }
    }, 'no other build holds the lock');
    await writeFile(join(lockDir, 'owner.json'), JSON.stringify({ pid: dead.pid, host: hostname(), started: new Date().toISOString() }));
    expect(existsSync(dist)).toBe(false);

    const build = startBuild();
    await until(() => existsSync(dist) || build.child.exitCode !== null, 'the site is restored');
    // Restored before anything else: the old site, while the new one builds.
    if (build.child.exitCode === null) assertWholeSite(dist, 'second build');
    expect(await build.exited, build.output()).toBe(0);
    expect(build.output()).toContain(`Taking over the build lock of the build started at`);
    expect(build.output()).toContain(`(PID ${dead.pid}), which is no longer running`);
    expect(build.output()).toMatch(/Restored .*site from .*site\.previous-999999-1/);
    assertWholeSite(dist, undefined);
    expect(leftovers()).toEqual([]);
    expect(await readFile(join(dist, 'index.html'), 'utf8')).toContain('Harbour');
  });
});
