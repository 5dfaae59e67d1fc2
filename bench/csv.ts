/**
 * The spreadsheet import benchmark: the test fixture study's four excerpts exported with
 * `npm run export:csv`, repeated to 100,000 rows (each row after the first four under an id
 * of its own, every row with its own article order), then imported into a copy of that
 * study with the real command, `npm run import:csv -- … --prune`, which checks every row
 * and writes 100,000 excerpt files.
 */
import { execFileSync } from 'node:child_process';
import { cp, readdir, readFile, rename, mkdir, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { childrenCpuMs, warmCommand } from './qda.ts';
import { runTree, type TreeRun } from './process-tree.ts';

export const csvRows = 100_000;

export interface CsvBench {
  rows: number;
  bytes: number;
  run: TreeRun;
  /** Processor time (user and system) of the import's whole process tree, in ms. */
  cpuMs: number;
  /** Excerpt files in the study folder after the import. */
  excerptFiles: number;
}

/** The sheet: the fixture's exported rows repeated; the first rows keep their ids, which the study's chapters cite. */
async function sheet(root: string, study: string, path: string, rows: number): Promise<void> {
  const tsx = join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs');
  execFileSync(process.execPath, [tsx, join(root, 'src', 'cli', 'export-csv.ts'), path], { env: { ...process.env, STUDY_DIR: study }, stdio: 'ignore' });
  const [header, ...exported] = parse((await readFile(path, 'utf8')).replace(/^\uFEFF/, '')) as string[][];
  const id = header!.indexOf('id');
  const order = header!.indexOf('article order');
  const many = Array.from({ length: rows }, (_, n) =>
    exported[n % exported.length]!.map((cell, index) => (index === id && n >= exported.length ? `row-${n + 1}` : index === order ? String(n + 1) : cell)),
  );
  await writeFile(path, `\uFEFF${stringify([header!, ...many], { record_delimiter: '\r\n' })}`);
}

export async function benchCsvImport(root: string, work: string, rows = csvRows): Promise<CsvBench> {
  const dir = join(work, 'csv');
  await mkdir(dir, { recursive: true });
  // A previous run's 100,000 files are moved aside, not deleted: deleting them slows file creation here for minutes.
  const study = join(dir, 'study');
  if (existsSync(study)) {
    await mkdir(join(work, 'trash'), { recursive: true });
    await rename(study, join(work, 'trash', `${Date.now()}-csv-study`));
  }
  await cp(join(root, 'tests', 'fixtures', 'studies', 'harbour'), study, { recursive: true });
  const csv = join(dir, `rows-${rows}.csv`);
  await sheet(root, study, csv, rows);
  const bytes = (await readFile(csv)).length;
  console.error(`importing a sheet of ${rows.toLocaleString('en')} rows…`);
  const before = await childrenCpuMs();
  warmCommand(root, 'import-csv');
  const run = await runTree(process.execPath, [join(root, 'scripts', 'cli.mjs'), 'import-csv', csv, '--prune'], { ...process.env, STUDY_DIR: study }, [], 20 * 60_000);
  const cpuMs = (await childrenCpuMs()) - before;
  const excerptFiles = (await readdir(join(study, 'excerpts'))).filter((name) => name.endsWith('.json')).length;
  return { rows, bytes, run, cpuMs, excerptFiles };
}
