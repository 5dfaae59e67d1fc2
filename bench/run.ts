/**
 * `npm run bench [S] [M] [L] [QDA] [CSV]`: generates synthetic studies at three scales, builds each
 * with the real build command, and reports wall time (split into phases), peak memory of
 * the build's process tree, pages and bytes written, the JavaScript and CSS a reader
 * downloads per page type, a rebuild after changing one excerpt, and Lighthouse scores of
 * the S build. Prints a table and the targets met or missed, and writes bench/results.md.
 * QDA and CSV time the two imports (a REFI-QDA project, a 100,000-row sheet) and write
 * bench/import-results.md.
 */
import { execSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { generateStudy, scales, writeStudy, type Scale } from './generate.ts';
import { lighthouse, type LighthouseResult } from './lighthouse.ts';
import { pageWeight, type PageWeight } from './page-weight.ts';
import { benchQdaImport, type QdaBench } from './qda.ts';
import { benchCsvImport, type CsvBench } from './csv.ts';
import { runTree, type TreeRun } from './process-tree.ts';

const root = resolve(import.meta.dirname, '..');
const work = join(root, 'bench', '.work');
const trash = join(work, 'trash');
/** A build still running after this has missed every target by far; it is stopped and reported. */
const buildTimeoutMs = 10 * 60_000;

const phases = [
  { name: 'astro build', pattern: /astro\.mjs build/ },
  { name: 'pagefind', pattern: /pagefind/ },
];

interface Result {
  scale: Scale;
  build: TreeRun;
  /** Absent when the build failed or timed out. */
  pages?: number;
  outputBytes?: number;
  weights?: Record<string, PageWeight>;
  rebuild?: TreeRun;
}

const succeeded = (result: Result): result is Result & Required<Pick<Result, 'pages' | 'outputBytes' | 'weights'>> => result.weights !== undefined;

const mb = (bytes: number) => `${(bytes / 1_048_576).toFixed(bytes < 10_485_760 ? 1 : 0)} MB`;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/** Moves a folder out of the way instead of deleting it: deleting ~10,000 files slows file creation here for minutes. */
async function moveAside(path: string): Promise<void> {
  if (!existsSync(path)) return;
  await mkdir(trash, { recursive: true });
  await rename(path, join(trash, `${Date.now()}-${path.split('/').pop()}`));
}

function walk(dir: string): { pages: number; bytes: number } {
  let pages = 0;
  let bytes = 0;
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    bytes += statSync(join(entry.parentPath, entry.name)).size;
    if (entry.name === 'index.html' || (entry.name === '404.html' && entry.parentPath === dir)) pages += 1;
  }
  return { pages, bytes };
}

function build(studyDir: string, distDir: string): Promise<TreeRun> {
  return runTree(
    process.execPath,
    [join(root, 'node_modules/tsx/dist/cli.mjs'), join(root, 'src/cli/build.ts')],
    { ...process.env, STUDY_DIR: studyDir, CASEBOOK_DIST: distDir },
    phases,
    buildTimeoutMs,
  );
}

/** Phase durations: check runs before Astro starts, the swap after the last child exits. */
function phaseSplit(run: TreeRun): string {
  const astro = run.phases.get('astro build');
  const pagefind = run.phases.get('pagefind');
  if (!astro) return 'Astro never started';
  const parts = [`check ${seconds(astro[0])}`, `astro ${seconds(astro[1] - astro[0])}${pagefind ? '' : ' (unfinished)'}`];
  if (pagefind) parts.push(`pagefind ${seconds(pagefind[1] - pagefind[0])}`, `swap ${seconds(run.wallMs - pagefind[1])}`);
  return parts.join(', ');
}

/** The first page of each type, found in the built site rather than assumed. */
function samplePages(distDir: string): Record<string, string> {
  const firstDir = (path: string) => readdirSync(join(distDir, path), { withFileTypes: true }).find((entry) => entry.isDirectory() && existsSync(join(distDir, path, entry.name, 'index.html')))?.name;
  return { overview: '/', theme: `/themes/${firstDir('themes')}/`, session: '/sessions/1/', excerpt: '/excerpts/excerpt-1/' };
}

async function benchScale(scale: Scale): Promise<Result> {
  const base = join(work, scale.name);
  const studyDir = join(base, 'study');
  const distDir = join(base, 'dist');
  await moveAside(studyDir);
  await writeStudy(studyDir, generateStudy(scale));
  await moveAside(distDir);
  console.error(`building ${scale.name} (${scale.excerpts} excerpts)…`);
  const run = await build(studyDir, distDir);
  if (run.status !== 0) {
    console.error(run.timedOut ? `The ${scale.name} build ran past ${seconds(buildTimeoutMs)} and was stopped.` : `The ${scale.name} build failed (${run.status}):\n${run.output.slice(-3000)}`);
    // A stopped build cannot remove its staging folder; it goes with the rest of the old output.
    for (const name of readdirSync(base)) if (name.startsWith('dist.staging-')) await moveAside(join(base, name));
    return { scale, build: run };
  }
  const { pages, bytes } = walk(distDir);
  const weights = Object.fromEntries(Object.entries(samplePages(distDir)).map(([type, route]) => [type, pageWeight(distDir, route)]));
  return { scale, build: run, pages, outputBytes: bytes, weights };
}

/** The researcher's edit: one excerpt's interpretation changes, then the same build command runs again. */
async function rebuildAfterOneChange(result: Result): Promise<void> {
  const base = join(work, result.scale.name);
  const file = join(base, 'study', 'excerpts', 'excerpt-1.json');
  const excerpt = JSON.parse(await readFile(file, 'utf8')) as { interpretation: string };
  excerpt.interpretation = `${excerpt.interpretation.slice(0, -1)}, recoded.`;
  await writeFile(file, `${JSON.stringify(excerpt, null, 2)}\n`);
  console.error(`rebuilding ${result.scale.name} after changing one excerpt…`);
  result.rebuild = await build(join(base, 'study'), join(base, 'dist'));
  if (result.rebuild.status !== 0) console.error(`The ${result.scale.name} rebuild failed (${result.rebuild.timedOut ? 'timed out' : result.rebuild.status})`);
}

function machine(): string {
  const version = (name: string) => (JSON.parse(readFileSync(join(root, 'node_modules', name, 'package.json'), 'utf8')) as { version: string }).version;
  const cpu = cpus()[0]?.model.trim() ?? 'unknown CPU';
  const timeAvailable = existsSync('/usr/bin/time') ? '' : ' (memory sampled from /proc every 100 ms; /usr/bin/time is not installed)';
  return [
    `- Machine: ${cpus().length} cores (nproc ${execSync('nproc').toString().trim()}), ${cpu}, ${(totalmem() / 1_073_741_824).toFixed(1)} GiB memory${timeAvailable}`,
    `- Load average when the run began: ${readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ')} (the machine is shared; runs drift by up to ~30 %)`,
    `- Versions: node ${process.version}, astro ${version('astro')}, pagefind ${version('pagefind')}, lighthouse ${existsSync(join(root, 'node_modules/lighthouse/package.json')) ? version('lighthouse') : 'not installed'}`,
  ].join('\n');
}

function table(results: Result[]): string {
  const rows = [
    '| Scale | Sessions | Codes | Excerpts | Wall time | Phases | Peak memory | Pages | Output | JS overview / theme / session / excerpt | CSS excerpt | JS on demand (excerpt) |',
    '|---|---|---|---|---|---|---|---|---|---|---|---|',
    ...results
      .map((result) => {
        const { scale, build } = result;
        const head = [scale.name, scale.sessions, `${scale.themes} × ${scale.subthemesPerTheme}`, scale.excerpts.toLocaleString('en')];
        if (!succeeded(result))
          return [...head, `${build.timedOut ? 'stopped after' : 'failed after'} ${seconds(build.wallMs)}`, phaseSplit(build), mb(build.peakRssBytes), '—', '—', '—', '—', '—'].join(' | ');
        const { pages, outputBytes, weights } = result;
        return [
          ...head,
          seconds(build.wallMs),
          phaseSplit(build),
          mb(build.peakRssBytes),
          pages.toLocaleString('en'),
          mb(outputBytes),
          ['overview', 'theme', 'session', 'excerpt'].map((type) => kb(weights[type]!.js.bytes)).join(' / '),
          kb(weights.excerpt!.css.bytes),
          kb(weights.excerpt!.jsOnDemand.bytes),
        ].join(' | ');
      })
      .map((row) => `| ${row} |`),
  ];
  return rows.join('\n');
}

function weightsTable(results: Result[]): string {
  return [
    '| Scale | Page type | HTML (gzip) | JS up front (gzip) | JS on demand (gzip) | CSS (gzip) |',
    '|---|---|---|---|---|---|',
    ...results
      .filter(succeeded)
      .flatMap(({ scale, weights }) =>
        Object.entries(weights).map(
          ([type, w]) =>
            `| ${scale.name} | ${type} | ${kb(w.html.bytes)} (${kb(w.html.gzip)}) | ${kb(w.js.bytes)} (${kb(w.js.gzip)}) | ${kb(w.jsOnDemand.bytes)} (${kb(w.jsOnDemand.gzip)}) | ${kb(w.css.bytes)} (${kb(w.css.gzip)}) |`,
        ),
      ),
  ].join('\n');
}

function qdaOutcome(bench: QdaBench): string {
  if (bench.run.timedOut) return 'stopped unfinished';
  if (bench.run.status === 0) {
    const excerpts = [...bench.run.output.matchAll(/^wrote +\S*excerpts\/\S+\.json$/gm)].length;
    return `imported (dry run): ${excerpts} excerpt files to write`;
  }
  const rules = new Set([...bench.run.output.matchAll(/ {2}error {2}.*\[([a-z0-9/-]+)\]$/gm)].map((match) => match[1]));
  return `refused (exit ${bench.run.status})${rules.size > 0 ? `: ${[...rules].join(', ')}` : ''}`;
}

function qdaSection(bench: QdaBench): string {
  const { shape, run } = bench;
  return [
    '| project | archive | wall | processor time | peak memory | outcome |',
    '| --- | --- | ---: | ---: | ---: | --- |',
    `| NVivo-shaped: ${shape.sources} sources × ${shape.charactersPerSource.toLocaleString('en')} characters, ${shape.selections} selections | ${mb(bench.bytes)} | ${seconds(run.wallMs)} | ${seconds(bench.cpuMs)} | ${mb(run.peakRssBytes)} | ${qdaOutcome(bench)} |`,
    '',
    "`npm run import:qdpx -- … --prune --dry-run --source interview` into a copy of the fixture study that declares the texts' speakers and source, start to exit, as `npm run import:qdpx` runs it (through `scripts/cli.mjs`, its bundle already made; Node start-up and module loading included); processor time is user and system time of the whole process tree, which a busy machine does not inflate as it does wall time: reading the archive, deciding the position unit, cutting the excerpts, and the study check of the result. The project is generated by `bench/qda.ts` (seeded): UTF-8 with a byte-order mark, CRLF, an emoji every few thousand characters, UTF-16 positions, codes nested three deep, one selection per code on a stretch.",
  ].join('\n');
}

function qdaTarget(bench: QdaBench): { text: string; met: boolean } {
  const characters = bench.shape.sources * bench.shape.charactersPerSource;
  return {
    text: `An NVivo-shaped project of ${characters.toLocaleString('en')} characters and ${bench.shape.selections} selections is read in under 3 s of processor time (wall time on this shared machine is mostly the queue for its 2 cores): ${seconds(bench.cpuMs)} of processor time, ${seconds(bench.run.wallMs)} wall (${qdaOutcome(bench)})`,
    met: !bench.run.timedOut && bench.run.status === 0 && bench.cpuMs < 3_000,
  };
}

function csvOutcome(bench: CsvBench): string {
  if (bench.run.timedOut) return 'stopped unfinished';
  if (bench.run.status !== 0) return `failed (exit ${bench.run.status}): ${bench.run.output.trim().split('\n').slice(-3).join(' / ')}`;
  return `imported: ${bench.excerptFiles.toLocaleString('en')} excerpt files in the study`;
}

function csvSection(bench: CsvBench): string {
  return [
    '| sheet | size | wall | processor time | peak memory | outcome |',
    '| --- | ---: | ---: | ---: | ---: | --- |',
    `| ${bench.rows.toLocaleString('en')} rows | ${mb(bench.bytes)} | ${seconds(bench.run.wallMs)} | ${seconds(bench.cpuMs)} | ${mb(bench.run.peakRssBytes)} | ${csvOutcome(bench)} |`,
    '',
    "`npm run import:csv -- … --prune` into a copy of the fixture study, start to exit, as `npm run import:csv` runs it (through `scripts/cli.mjs`, its bundle already made), writing every file: reading the sheet, checking every row as `npm run check` would (schemas, cross-references, the CA notation of every excerpt, the chapters' citations), comparing with the files there, and writing 100,000 excerpt files. The sheet is the fixture study's export repeated (`bench/csv.ts`); processor time and memory as for the QDA import.",
  ].join('\n');
}

function csvTargets(bench: CsvBench): { text: string; met: boolean }[] {
  const done = !bench.run.timedOut && bench.run.status === 0 && bench.excerptFiles === bench.rows;
  return [
    {
      text: `A sheet of ${bench.rows.toLocaleString('en')} rows imports in under 60 s: ${seconds(bench.run.wallMs)} wall, ${seconds(bench.cpuMs)} of processor time (${csvOutcome(bench)})`,
      met: done && bench.run.wallMs < 60_000,
    },
    { text: `A sheet of ${bench.rows.toLocaleString('en')} rows imports in under 1 GiB of memory: ${mb(bench.run.peakRssBytes)}`, met: done && bench.run.peakRssBytes < 1024 ** 3 },
  ];
}

function targets(results: Result[]): { text: string; met: boolean }[] {
  const by = (name: string) => results.find((result) => result.scale.name === name);
  const L = by('L');
  const M = by('M');
  const out: { text: string; met: boolean }[] = [];
  const unfinished = (result: Result) => (succeeded(result) ? '' : ` (${result.build.timedOut ? 'stopped unfinished' : 'failed'})`);
  if (L) {
    out.push({ text: `L builds in under 60 s: ${seconds(L.build.wallMs)}${unfinished(L)}`, met: succeeded(L) && L.build.wallMs < 60_000 });
    out.push({ text: `L peaks under 2 GB of memory: ${mb(L.build.peakRssBytes)}${unfinished(L)}`, met: succeeded(L) && L.build.peakRssBytes < 2 * 1024 ** 3 });
  }
  if (L && M) {
    const timeRatio = L.build.wallMs / M.build.wallMs;
    const sizeRatio = L.scale.excerpts / M.scale.excerpts;
    const pages = succeeded(L) && succeeded(M) ? ` (×${(L.pages / M.pages).toFixed(1)} pages)` : '';
    out.push({
      text: `Time grows no worse than linearly from M to L: ×${timeRatio.toFixed(1)}${succeeded(L) ? '' : ' at least'} time for ×${sizeRatio} excerpts${pages}`,
      met: succeeded(L) && succeeded(M) && timeRatio <= sizeRatio,
    });
  }
  for (const result of results.filter(succeeded)) {
    const js = result.weights.excerpt!.js.bytes;
    out.push({ text: `${result.scale.name}: an excerpt page needs at most 15 KB of JavaScript: ${kb(js)} (${kb(result.weights.excerpt!.js.gzip)} gzipped)`, met: js <= 15 * 1024 });
  }
  for (const result of results.filter((entry) => entry.rebuild)) {
    const rebuild = result.rebuild!;
    out.push({
      text: `${result.scale.name}: a rebuild after changing one excerpt is no slower than a full build: ${seconds(rebuild.wallMs)} against ${seconds(result.build.wallMs)} (${phaseSplit(rebuild)})`,
      met: rebuild.status === 0 && rebuild.wallMs <= result.build.wallMs,
    });
  }
  return out;
}

function lighthouseSection(results: LighthouseResult[]): string {
  const rows = results.map((result) =>
    result.scores
      ? `| ${result.route} | ${result.scores.performance} | ${result.scores.accessibility} | ${result.scores['best-practices']} | ${result.scores.seo} | ${result.failing?.join(', ') || '—'} |`
      : `| ${result.route} | — | — | — | — | could not run: ${result.error} |`,
  );
  return ['| Page (S build) | Performance | Accessibility | Best practices | SEO | Audits that cost points |', '|---|---|---|---|---|---|', ...rows].join('\n');
}

const wanted = process.argv.slice(2).map((name) => name.toUpperCase());
const chosen = scales.filter((scale) => wanted.length === 0 || wanted.includes(scale.name));
const qda: QdaBench | undefined = wanted.length === 0 || wanted.includes('QDA') ? await benchQdaImport(root, work) : undefined;
const csv: CsvBench | undefined = wanted.length === 0 || wanted.includes('CSV') ? await benchCsvImport(root, work) : undefined;
const header = machine();
const results: Result[] = [];
for (const scale of chosen) results.push(await benchScale(scale));
// The rebuild is measured at the largest scale that built.
const largest = results.filter(succeeded).at(-1);
if (largest) await rebuildAfterOneChange(largest);
const small = results.find((result) => result.scale.name === 'S' && succeeded(result));
const audits = small ? await lighthouse(join(work, 'S', 'dist'), Object.values(samplePages(join(work, 'S', 'dist')))) : [];

const importChecks = [...(qda ? [qdaTarget(qda)] : []), ...(csv ? csvTargets(csv) : [])];
const checks = [...targets(results), ...importChecks];
const report = [
  '# Benchmark results',
  '',
  `Written by \`npm run bench${wanted.length ? ` ${wanted.join(' ')}` : ''}\` on ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC. Synthetic studies from \`bench/generate.ts\` (seeded), built with \`src/cli/build.ts\` into \`bench/.work/\`.`,
  '',
  header,
  '',
  '## Builds',
  '',
  table(results),
  '',
  'Phases are observed from outside: *check* is the time before Astro starts (the build CLI loading and validating the study), *swap* the time after Pagefind ends (renaming into place and deleting the previous output). JavaScript is counted up front (inline module scripts, linked scripts and their static imports); *on demand* is what dynamic `import()` can load later. Sizes are uncompressed unless marked gzip.',
  '',
  '## Page weight by page type',
  '',
  weightsTable(results),
  '',
  ...(qda ? ['## REFI-QDA import', '', qdaSection(qda), ''] : []),
  ...(csv ? ['## Spreadsheet import', '', csvSection(csv), ''] : []),
  '## Targets',
  '',
  ...checks.map((check) => `- ${check.met ? 'met' : '**missed**'}: ${check.text}`),
  '',
  ...(small ? ['## Lighthouse', '', lighthouseSection(audits), ''] : []),
].join('\n');

// An import-only run leaves the build results alone: its numbers go to their own file.
const onlyImports = wanted.length > 0 && wanted.every((name) => name === 'QDA' || name === 'CSV');
if (!onlyImports) await writeFile(join(root, 'bench', 'results.md'), report);
if (qda || csv) {
  await writeFile(
    join(root, 'bench', 'import-results.md'),
    [
      '# Import benchmarks',
      '',
      `Written by \`npm run bench${wanted.length ? ` ${wanted.join(' ')}` : ''}\` on ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC.`,
      '',
      header,
      '',
      ...(qda ? ['## REFI-QDA import', '', qdaSection(qda), ''] : []),
      ...(csv ? ['## Spreadsheet import', '', csvSection(csv), ''] : []),
      '## Targets',
      '',
      ...importChecks.map((check) => `- ${check.met ? 'met' : '**missed**'}: ${check.text}`),
      '',
    ].join('\n'),
  );
  if (qda) console.log(`\n${qdaSection(qda)}`);
  if (csv) console.log(`\n${csvSection(csv)}`);
}
console.log(table(results));
console.log('');
for (const check of checks) console.log(`${check.met ? '✔ met   ' : '✖ missed'}  ${check.text}`);
if (small) console.log(`\n${lighthouseSection(audits)}`);
console.log(`\nWrote ${[...(onlyImports ? [] : ['bench/results.md']), ...(qda || csv ? ['bench/import-results.md'] : [])].join(' and ')}`);
// Old output is deleted only now, after every timing is taken.
await rm(trash, { recursive: true, force: true });
