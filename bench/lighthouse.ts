/**
 * Lighthouse (performance, accessibility, best practices, SEO) on pages of a built site
 * served locally, with Debian's Chromium. Lighthouse runs as its own CLI process so a
 * crash or a missing browser becomes a reported reason, not a failed benchmark; it runs
 * asynchronously because the server that feeds it lives in this process.
 */
import { spawn } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromiumPath } from '../tests/helpers/browser.ts';
import { serveStatic } from '../tests/helpers/serve.ts';

export const categories = ['performance', 'accessibility', 'best-practices', 'seo'] as const;

type Scores = Record<(typeof categories)[number], number>;

export interface LighthouseResult {
  route: string;
  scores?: Scores;
  /** Audits that cost points, e.g. "errors-in-console (0)". */
  failing?: string[];
  error?: string;
}

interface LighthouseReport {
  categories: Record<string, { score: number | null; auditRefs: { id: string; weight: number }[] }>;
  audits: Record<string, { score: number | null; title: string }>;
}

export async function lighthouse(distDir: string, routes: string[]): Promise<LighthouseResult[]> {
  let cli: string;
  try {
    cli = createRequire(import.meta.url).resolve('lighthouse/cli/index.js');
  } catch (error) {
    return routes.map((route) => ({ route, error: `lighthouse is not installed (${(error as Error).message.split('\n')[0]}); run npm install` }));
  }
  const server = await serveStatic(distDir);
  const results: LighthouseResult[] = [];
  try {
    for (const route of routes) {
      const report = join(tmpdir(), `casebook-lighthouse-${process.pid}.json`);
      const run = await runCli(process.execPath, [
        cli,
        new URL(route.slice(1), server.url).href,
        '--quiet',
        '--output=json',
        `--output-path=${report}`,
        `--only-categories=${categories.join(',')}`,
        '--chrome-flags=--headless --no-sandbox --disable-gpu',
      ]);
      if (run.status !== 0) {
        results.push({ route, error: `lighthouse exited with ${run.status}: ${run.output.trim().split('\n').slice(-3).join(' ')}` });
        continue;
      }
      const result = JSON.parse(readFileSync(report, 'utf8')) as LighthouseReport;
      rmSync(report, { force: true });
      const scores = Object.fromEntries(categories.map((name) => [name, Math.round((result.categories[name]?.score ?? 0) * 100)])) as Scores;
      const failing = [
        ...new Set(
          categories.flatMap((name) =>
            (result.categories[name]?.auditRefs ?? []).filter((ref) => ref.weight > 0 && (result.audits[ref.id]?.score ?? 1) < 1).map((ref) => `${ref.id} (${result.audits[ref.id]!.score})`),
          ),
        ),
      ];
      results.push({ route, scores, failing });
    }
  } finally {
    await server.close();
  }
  return results;
}

/** Runs Lighthouse in its own process group, so a timeout also ends the Chromium it started. */
function runCli(command: string, args: string[]): Promise<{ status: number | string | null; output: string }> {
  return new Promise((done) => {
    const child = spawn(command, args, { env: { ...process.env, CHROME_PATH: chromiumPath }, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const timer = setTimeout(() => process.kill(-child.pid!, 'SIGTERM'), 180_000);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      done({ status: code ?? signal, output });
    });
  });
}
