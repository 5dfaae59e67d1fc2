/**
 * The build lock. Astro keeps generated state (the content-module map, prerender chunks of
 * an output folder outside the checkout) in the checkout, so two builds at once could
 * render one study with another's chapters: builds in one checkout take turns.
 *
 * The lock is a folder that appears at once with its owner record inside (it is written in
 * a private folder first and renamed into place, so no build ever sees a lock without an
 * owner). A lock whose owner process is gone (killed, crashed, power cut) is taken over at
 * once; a live owner is waited for, saying whose build it is and how to cancel.
 */
import { mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';

export interface LockOwner {
  pid: number;
  host: string;
  /** ISO time the build started. */
  started: string;
  /** Start time of the process in clock ticks since boot (Linux), so a reused PID is not mistaken for the owner. */
  processStart?: string | undefined;
}

/** Fields 3 onwards of /proc/<pid>/stat (after the parenthesised command name, which may hold spaces). */
function procStat(pid: number): string[] | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  } catch {
    return undefined;
  }
}

/** Field 22: start time in clock ticks since boot. */
const processStart = (pid: number): string | undefined => procStat(pid)?.[19];

function isAlive(owner: LockOwner): boolean {
  // Another machine's process cannot be looked up: treat it as alive (a shared disk).
  if (owner.host !== hostname()) return true;
  try {
    process.kill(owner.pid, 0);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
  const stat = procStat(owner.pid);
  // A killed build stays a zombie until its parent reaps it; it will never release the lock.
  if (stat?.[0] === 'Z' || stat?.[0] === 'X') return false;
  const start = stat?.[19];
  return owner.processStart === undefined || start === undefined || start === owner.processStart;
}

function readOwner(lockDir: string): LockOwner | undefined {
  try {
    const owner = JSON.parse(readFileSync(join(lockDir, 'owner.json'), 'utf8')) as Partial<LockOwner>;
    return typeof owner.pid === 'number' && typeof owner.host === 'string' && typeof owner.started === 'string' ? (owner as LockOwner) : undefined;
  } catch {
    return undefined;
  }
}

const sameOwner = (a: LockOwner | undefined, b: LockOwner | undefined) => a !== undefined && b !== undefined && a.pid === b.pid && a.host === b.host && a.started === b.started;

export interface LockEvents {
  /** A dead owner's lock was removed. */
  tookOver(owner: LockOwner | undefined): void;
  /** A live owner holds the lock; called once per owner. */
  waiting(owner: LockOwner | undefined): void;
}

const sleeper = new Int32Array(new SharedArrayBuffer(4));
const sleep = (ms: number) => Atomics.wait(sleeper, 0, 0, ms);

/**
 * Takes the lock, waiting for a live owner and taking over a dead one's; returns its
 * release. Synchronous on purpose: a build does nothing else until it has the lock, and
 * tests that run Astro themselves take it from synchronous setup code.
 */
export function acquireBuildLock(lockDir: string, events: LockEvents): () => void {
  const me: LockOwner = { pid: process.pid, host: hostname(), started: new Date().toISOString(), processStart: processStart(process.pid) };
  const draft = `${lockDir}.new-${process.pid}`;
  let announced: LockOwner | undefined | null = null;
  for (;;) {
    rmSync(draft, { recursive: true, force: true });
    mkdirSync(draft, { recursive: true });
    writeFileSync(join(draft, 'owner.json'), `${JSON.stringify(me)}\n`);
    try {
      renameSync(draft, lockDir);
      return () => {
        if (!sameOwner(readOwner(lockDir), me)) return;
        // Renamed away before it is removed: removed in place, the folder is empty for a moment,
        // another build's rename onto an empty folder succeeds, and the removal then failed on
        // (or deleted) that build's lock (ENOTEMPTY, seen in CI with builds in parallel).
        const released = `${lockDir}.released-${process.pid}`;
        rmSync(released, { recursive: true, force: true });
        renameSync(lockDir, released);
        rmSync(released, { recursive: true, force: true });
      };
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      rmSync(draft, { recursive: true, force: true });
      if (code !== 'ENOTEMPTY' && code !== 'EEXIST' && code !== 'EISDIR') throw error;
    }
    const owner = readOwner(lockDir);
    if (owner === undefined || !isAlive(owner)) {
      if (takeOver(lockDir, owner)) events.tookOver(owner);
      continue;
    }
    if (!sameOwner(announced ?? undefined, owner)) {
      announced = owner;
      events.waiting(owner);
    }
    sleep(250);
  }
}

/**
 * Removes a dead owner's lock. Two builds may find the same dead lock: each first claims
 * the right to remove it (a folder only one can create) and looks again at who owns the
 * lock, so neither removes a lock the other has meanwhile taken.
 */
function takeOver(lockDir: string, dead: LockOwner | undefined): boolean {
  const claim = join(lockDir, 'takeover');
  try {
    mkdirSync(claim);
  } catch {
    // A claim older than any takeover takes was left by a build killed while taking over.
    const age = Date.now() - (statSync(claim, { throwIfNoEntry: false })?.mtimeMs ?? Date.now());
    if (age > 10_000) rmSync(claim, { recursive: true, force: true });
    sleep(50);
    return false;
  }
  const now = readOwner(lockDir);
  if (!(dead === undefined ? now === undefined : sameOwner(now, dead))) {
    rmSync(claim, { recursive: true, force: true });
    return false;
  }
  const doomed = `${lockDir}.dead-${process.pid}`;
  rmSync(doomed, { recursive: true, force: true });
  renameSync(lockDir, doomed);
  rmSync(doomed, { recursive: true, force: true });
  return true;
}

/** "the build started at 04:12:03 (PID 4711)", for messages about an owner. */
export function describeOwner(owner: LockOwner | undefined): string {
  if (!owner) return 'a build of an older version (no owner recorded)';
  const time = new Date(owner.started);
  const when = Number.isNaN(time.getTime()) ? owner.started : time.toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'medium' });
  return `the build started at ${when} (PID ${owner.pid}${owner.host === hostname() ? '' : ` on ${owner.host}`})`;
}
