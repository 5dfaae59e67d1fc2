/**
 * `npm run build`: validates the study, builds the site into a temporary folder, indexes
 * it for search, and only then swaps it into dist/. Invalid content or a failed build
 * leaves an existing dist/ exactly as it was; so does a build that is killed (see build-output.ts).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { countProblems, formatReport } from '../study/diagnostics.ts';
import { checkStudyFolder } from '../study/check.ts';
import { studyDir } from '../study/load.ts';
import { readIdentifierLists } from '../study/deidentify.ts';
import { scanPublished, siteTexts } from '../study/published-scan.ts';
import { acquireBuildLock, describeOwner } from './build-lock.ts';
import { recoverOutput, renderFolder, sameFilesystem, stagingFolder, swapIn } from './build-output.ts';
import { passOn } from './build-log.ts';

// The checkout is where this file lives, not the working directory: run from elsewhere
// (`node …/src/cli/build.ts`), the build still takes the checkout's lock, runs its Astro and
// Pagefind and writes its dist/. Paths the researcher gives (STUDY_DIR, CASEBOOK_DIST) are
// read from the working directory, as every shell command reads them.
const checkout = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const outDir = process.env.CASEBOOK_DIST ? resolve(process.env.CASEBOOK_DIST) : resolve(checkout, 'dist');
const study = studyDir({ STUDY_DIR: process.env.STUDY_DIR ?? resolve(checkout, 'content') });
const stamp = `${process.pid}-${Date.now()}`;
const stagingDir = stagingFolder(outDir, stamp);

let child: ChildProcess | undefined;
/** Runs a step of the build; with `filtered`, its output passes through build-log.ts, which drops Astro's set-up warnings. */
function run(command: string, args: string[], env: NodeJS.ProcessEnv, filtered = false): Promise<void> {
  return new Promise((done, fail) => {
    // Piped, Astro would print without colours; it keeps them where the researcher's terminal shows them.
    const colour = filtered && process.stdout.isTTY && env.NO_COLOR === undefined ? { FORCE_COLOR: '1' } : {};
    // Astro finds its configuration in its working directory: the checkout's.
    const step = spawn(command, args, { cwd: checkout, stdio: filtered ? ['inherit', 'pipe', 'pipe'] : 'inherit', env: { ...env, ...colour } });
    child = step;
    const copied = filtered ? Promise.all([passOn(step.stdout!, process.stdout), passOn(step.stderr!, process.stderr)]) : Promise.resolve();
    step.on('error', fail);
    step.on('exit', (code, signal) => {
      void copied.then(() => (code === 0 ? done() : fail(new Error(`${command} ${args.join(' ')} exited with ${signal ?? code}`))));
    });
  });
}

// Without handlers a signal ends the process without the exit handler below, leaving the
// lock and a staging copy of the site behind.
for (const [signal, number] of [
  ['SIGINT', 2],
  ['SIGTERM', 15],
  ['SIGHUP', 1],
] as const) {
  process.on(signal, () => {
    console.error(`Build cancelled${existsSync(outDir) ? `; ${outDir} is unchanged` : ''}.`);
    process.exit(128 + number);
  });
}

// Every citation, canonical link, sitemap entry and JSON-LD record names the site's address.
if (!process.env.CASEBOOK_SITE) {
  console.error(
    'Warning: CASEBOOK_SITE is not set, so every citation, canonical link and the sitemap name the example address https://casebook.example.org.\n' +
      '  Set it to the address the site will be published at, e.g. CASEBOOK_SITE=https://example.university.edu npm run build (see docs/deploying.md).',
  );
}

const { files } = await checkStudyFolder(study);
if (countProblems(files).errors > 0) {
  console.error(formatReport(files));
  console.error(`Nothing was built${existsSync(outDir) ? `; ${outDir} is unchanged` : ''}.`);
  process.exit(1);
}

// Builds take turns (see build-lock.ts); one killed mid-build leaves a lock nobody owns,
// which the next build takes over at once. The check above reads only the study folder, so
// invalid content is reported at once, without waiting for another build to finish.
const releaseBuildLock = acquireBuildLock(resolve(checkout, 'node_modules', '.casebook-build.lock'), {
  tookOver: (owner) => console.error(`Taking over the build lock of ${describeOwner(owner)}, which is no longer running.`),
  waiting: (owner) => console.error(`Waiting for ${describeOwner(owner)} to finish; press Ctrl+C to cancel this build${owner ? `, or stop that one with: kill ${owner.pid}` : ''}.`),
});
process.on('exit', () => {
  child?.kill('SIGTERM');
  rmSync(stagingDir, { recursive: true, force: true });
  rmSync(resolve(checkout, renderFolder, stamp), { recursive: true, force: true });
  releaseBuildLock();
});

mkdirSync(dirname(outDir), { recursive: true });
const recovery = recoverOutput(outDir, checkout);
if (recovery.restored) console.error(`Restored ${outDir} from ${recovery.restored}, left by a build stopped while it swapped the site in.`);
if (recovery.removed.length > 0)
  console.error(
    `Removed ${recovery.removed.length} folder${recovery.removed.length === 1 ? '' : 's'} left by interrupted builds: ${recovery.removed.map((path) => relative(checkout, path)).join(', ')}`,
  );

try {
  // Vite reads BASE_URL from the environment (test runners set it), which would override the
  // configured base; the base comes only from CASEBOOK_BASE.
  const { BASE_URL: _ignored, ...inherited } = process.env;
  // Astro renames a build's assets into outDir from the checkout's .astro/ (where its
  // prerender chunks must stay to find their packages when outDir is outside the checkout):
  // onto another filesystem that fails (EXDEV). There the site is rendered inside the
  // checkout and copied to the staging folder beside the output folder.
  const renderDir = sameFilesystem(checkout, dirname(outDir)) ? stagingDir : resolve(checkout, renderFolder, stamp);
  // Astro runs in the checkout, so a study folder given relative to the working directory is passed on absolute.
  const env = { ...inherited, CASEBOOK_OUT_DIR: renderDir, STUDY_DIR: study };
  // Astro's build writes the whole site, its search index included (src/site/search-index.ts).
  await run(process.execPath, [resolve(checkout, 'node_modules/astro/bin/astro.mjs'), 'build'], env, true);
  // The last check before the swap: the private names, however written, in what the site
  // would publish (pages, attributes, addresses, downloads, handouts, search index).
  const lists = await readIdentifierLists(study);
  const published = lists ? scanPublished(siteTexts(renderDir, outDir), lists) : [];
  if (published.length > 0) {
    // A name in the site's address is on every page: the first files say enough.
    const shown = published.slice(0, 20);
    console.error(formatReport(shown));
    if (published.length > shown.length) console.error(`… and ${published.length - shown.length} more files would publish a listed name.`);
    console.error(`Nothing was published${existsSync(outDir) ? `; ${outDir} is unchanged` : ''}.`);
    process.exit(1);
  }
  if (renderDir !== stagingDir) {
    cpSync(renderDir, stagingDir, { recursive: true });
    rmSync(renderDir, { recursive: true, force: true });
  }
} catch (error) {
  console.error(String(error instanceof Error ? error.message : error));
  console.error(`Build failed${existsSync(outDir) ? `; ${outDir} is unchanged` : ''}.`);
  process.exit(1);
}

swapIn(stagingDir, outDir, stamp);
console.log(`Built ${outDir}`);
