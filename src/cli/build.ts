/**
 * `npm run build`: validates the study, builds the site into a temporary folder, indexes
 * it for search, and only then swaps it into dist/. Invalid content or a failed build
 * leaves an existing dist/ exactly as it was.
 */
import { spawn } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { countProblems, formatReport } from '../study/diagnostics.ts';
import { loadStudy, studyDir } from '../study/load.ts';

const outDir = resolve(process.env.CASEBOOK_DIST ?? 'dist');
const stamp = `${process.pid}-${Date.now()}`;
const stagingDir = `${outDir}.staging-${stamp}`;

function run(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((done, fail) => {
    const child = spawn(command, args, { stdio: 'inherit', env });
    child.on('error', fail);
    child.on('exit', (code, signal) => (code === 0 ? done() : fail(new Error(`${command} ${args.join(' ')} exited with ${signal ?? code}`))));
  });
}

const { files } = await loadStudy(studyDir());
if (countProblems(files).errors > 0) {
  console.error(formatReport(files));
  console.error(`Nothing was built${existsSync(outDir) ? `; ${outDir} is unchanged` : ''}.`);
  process.exit(1);
}

// A transcript's symbol explanations, spoken names and legend are the same few sentences
// on every excerpt page: indexed, a search for "overlap" or "pause" found every excerpt,
// and they were half of what Pagefind read (and of its time and memory) at scale.
const searchExclusions = ['.ca-tip', '.ca-sr', '.ca-legend'].flatMap((selector) => ['--exclude-selectors', selector]);

// Astro keeps generated state (the content-module map) in the checkout's .astro/, so two
// builds at once could render one study with another's chapters: builds take turns.
const lockDir = resolve('node_modules', '.casebook-build.lock');
const staleLockMs = 15 * 60_000;
async function acquireBuildLock(): Promise<void> {
  for (;;) {
    try {
      await mkdir(lockDir);
      return;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const age = await stat(lockDir).then((info) => Date.now() - info.mtimeMs, () => 0);
      if (age > staleLockMs) await rm(lockDir, { recursive: true, force: true });
      await new Promise((wait) => setTimeout(wait, 250));
    }
  }
}
const releaseBuildLock = () => rmSync(lockDir, { recursive: true, force: true });

await acquireBuildLock();
process.on('exit', releaseBuildLock);
try {
  // Vite reads BASE_URL from the environment (test runners set it), which would override the
  // configured base; the base comes only from CASEBOOK_BASE.
  const { BASE_URL: _ignored, ...inherited } = process.env;
  const env = { ...inherited, CASEBOOK_OUT_DIR: stagingDir };
  // --force: the content layer's cache is keyed by file contents, so after building a study
  // copy that has since been deleted it would point at vanished files; a full sync is cheap.
  await run(process.execPath, [resolve('node_modules/astro/bin/astro.mjs'), 'build', '--force'], env);
  await run(process.execPath, [resolve('node_modules/pagefind/lib/runner/bin.cjs'), '--site', stagingDir, '--silent', ...searchExclusions], env);
} catch (error) {
  await rm(stagingDir, { recursive: true, force: true });
  console.error(String(error instanceof Error ? error.message : error));
  console.error(`Build failed${existsSync(outDir) ? `; ${outDir} is unchanged` : ''}.`);
  process.exit(1);
}

// Swap by renames so a reader of dist/ never sees a half-written site.
const previousDir = `${outDir}.previous-${stamp}`;
if (existsSync(outDir)) await rename(outDir, previousDir);
await rename(stagingDir, outDir);
await rm(previousDir, { recursive: true, force: true });
console.log(`Built ${outDir}`);
