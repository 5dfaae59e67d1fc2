/**
 * Runs a command and watches its whole process tree through /proc: peak resident memory
 * (summed over the tree, sampled) and when each named child phase was first and last
 * seen, so a build's time can be split into phases without instrumenting it.
 */
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

export interface Phase {
  name: string;
  /** Matched against each descendant's command line. */
  pattern: RegExp;
}

export interface TreeRun {
  status: number | null;
  /** Whether it was stopped for running past the timeout. */
  timedOut: boolean;
  wallMs: number;
  peakRssBytes: number;
  /** Phase name → [first seen, last seen] in ms since start. */
  phases: Map<string, [number, number]>;
  output: string;
}

const pageSize = 4096;

function processTable(): Map<number, { ppid: number; rss: number }> {
  const table = new Map<number, { ppid: number; rss: number }>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      // The command name (field 2) may hold spaces and parentheses: read fields after the last ")".
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      table.set(Number(name), { ppid: Number(fields[1]), rss: Number(fields[21]) * pageSize });
    } catch {
      // The process ended between listing and reading.
    }
  }
  return table;
}

function descendants(root: number, table: Map<number, { ppid: number; rss: number }>): number[] {
  const children = new Map<number, number[]>();
  for (const [pid, { ppid }] of table) children.set(ppid, [...(children.get(ppid) ?? []), pid]);
  const found: number[] = [];
  const queue = [root];
  while (queue.length) {
    const pid = queue.shift()!;
    if (!table.has(pid)) continue;
    found.push(pid);
    queue.push(...(children.get(pid) ?? []));
  }
  return found;
}

function commandLine(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ');
  } catch {
    return '';
  }
}

export function runTree(command: string, args: string[], env: NodeJS.ProcessEnv, phases: Phase[], timeoutMs: number, sampleMs = 100): Promise<TreeRun> {
  return new Promise((done) => {
    const started = performance.now();
    // Its own process group, so a timeout ends the whole tree (tsx, the build, Astro, Pagefind).
    const child = spawn(command, args, { env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    let peak = 0;
    const seen = new Map<string, [number, number]>();
    const sample = () => {
      const table = processTable();
      const tree = descendants(child.pid!, table);
      peak = Math.max(
        peak,
        tree.reduce((sum, pid) => sum + table.get(pid)!.rss, 0),
      );
      const now = performance.now() - started;
      for (const pid of tree) {
        const line = commandLine(pid);
        for (const phase of phases) {
          if (!phase.pattern.test(line)) continue;
          const span = seen.get(phase.name);
          seen.set(phase.name, span ? [span[0], now] : [now, now]);
        }
      }
    };
    const timer = setInterval(sample, sampleMs);
    let timedOut = false;
    const killer = setTimeout(() => {
      timedOut = true;
      process.kill(-child.pid!, 'SIGKILL');
    }, timeoutMs);
    child.on('exit', (status) => {
      clearInterval(timer);
      clearTimeout(killer);
      done({ status, timedOut, wallMs: performance.now() - started, peakRssBytes: peak, phases: seen, output });
    });
  });
}
