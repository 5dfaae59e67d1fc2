/**
 * A second build waits for a live first one and says whose build it waits for and how to
 * cancel; the lock is the checkout's, wherever the build is started from. The first build
 * is a live process holding the lock (tests/helpers/hold-build-lock.ts), so the test waits
 * on what the second build prints, never on a clock, and nothing is built.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { repoRoot, userEnvironment } from '../helpers/build-site.ts';
import { baseStudy } from '../helpers/fixture-study.ts';

const lockDir = resolve(repoRoot, 'node_modules', '.casebook-build.lock');
const tsx = resolve(repoRoot, 'node_modules/tsx/dist/cli.mjs');

interface Running {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

function start(args: string[], cwd: string, env: Record<string, string> = {}): Running {
  let output = '';
  // Its own process group, so a Ctrl+C reaches the build the way a terminal sends it.
  const child = spawn(process.execPath, [tsx, ...args], { cwd, env: { ...userEnvironment(), ...env }, detached: true, stdio: ['pipe', 'pipe', 'pipe'] });
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const exited = new Promise<number | null>((done) => child.on('exit', (code, signal) => done(code ?? (signal ? -1 : null))));
  return { child, output: () => output, exited };
}

/** Resolves when `condition` holds; fails at once if `running` ends first (no clock involved). */
async function until(running: Running, condition: () => boolean, what: string): Promise<void> {
  let ended = false;
  void running.exited.then(() => (ended = true));
  while (!condition()) {
    if (ended) throw new Error(`the process ended before ${what}:\n${running.output()}`);
    await new Promise((wait) => setTimeout(wait, 20));
  }
}

const lockOwner = (): number | undefined => {
  try {
    return JSON.parse(readFileSync(join(lockDir, 'owner.json'), 'utf8')).pid as number;
  } catch {
    return undefined;
  }
};

describe('a build that finds the lock held by a live build', () => {
  const cleanup: (() => Promise<unknown>)[] = [];
  afterEach(async () => {
    for (const step of cleanup.splice(0).reverse()) await step();
  });

  async function holdLock(): Promise<number> {
    const holder = start([resolve(repoRoot, 'tests/helpers/hold-build-lock.ts')], repoRoot);
    cleanup.push(async () => {
      holder.child.stdin!.end();
      await holder.exited;
    });
    await until(holder, () => /held \d+\n/.test(holder.output()), 'it held the lock');
    const pid = Number(/held (\d+)/.exec(holder.output())![1]);
    expect(lockOwner()).toBe(pid);
    return pid;
  }

  async function waitingBuild(cwd: string, holder: number): Promise<string> {
    const dist = `${await mkdtemp(join(tmpdir(), 'casebook-lock-'))}/site`;
    cleanup.push(() => rm(resolve(dist, '..'), { recursive: true, force: true }));
    const build = start([resolve(repoRoot, 'src/cli/build.ts')], cwd, { STUDY_DIR: baseStudy, CASEBOOK_DIST: dist });
    cleanup.push(async () => {
      if (build.child.exitCode === null && build.child.signalCode === null) process.kill(-build.child.pid!, 'SIGKILL');
      await build.exited;
    });
    const waiting = new RegExp(`Waiting for the build started at [^\\n]+ \\(PID ${holder}\\) to finish; press Ctrl\\+C to cancel this build, or stop that one with: kill ${holder}\\.`);
    await until(build, () => waiting.test(build.output()), 'it said whose build it waits for');
    // Ctrl+C: the waiting build ends, the first build keeps its lock, nothing was built.
    process.kill(-build.child.pid!, 'SIGINT');
    await build.exited;
    expect(lockOwner()).toBe(holder);
    expect(existsSync(dist)).toBe(false);
    return build.output();
  }

  it('says whose build it waits for and how to cancel, and leaves that build its lock', async () => {
    const holder = await holdLock();
    const output = await waitingBuild(repoRoot, holder);
    expect(output.match(/Waiting for/g)).toHaveLength(1);
  });

  it('waits for the checkout’s lock when started from another working directory', async () => {
    const holder = await holdLock();
    const elsewhere = await mkdtemp(join(tmpdir(), 'casebook-cwd-'));
    cleanup.push(() => rm(elsewhere, { recursive: true, force: true }));
    await waitingBuild(elsewhere, holder);
    expect(existsSync(join(elsewhere, 'node_modules'))).toBe(false);
  });
});
