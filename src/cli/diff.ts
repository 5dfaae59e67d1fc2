/**
 * `npm run diff -- [<git ref> | <folder>] [--json] [--record <id> [--label …] [--summary …] [--date YYYY-MM-DD]]`:
 * what the coding of the study folder changed against another edition: a folder, or the
 * study folder as it was at a git ref (default HEAD). A diff alone always exits 0: it is a
 * report, not a check. `--record` also writes the diff as a new edition,
 * `history/<id>.json`, for the site's coding-history page; it exits 1 and writes nothing
 * when that file exists or the edition would not be valid.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { formatReport, VFile } from '../study/diagnostics.ts';
import { parseJsonSource } from '../study/json-source.ts';
import { studyDir } from '../study/load.ts';
import { EditionSchema, SlugSchema, type CodingChanges } from '../study/schemas/index.ts';
import { validateSource } from '../study/validate.ts';
import { diffCoding, formatDiff, readCoding } from '../interchange/diff.ts';

function parseOptions() {
  try {
    return parseArgs({
      options: { json: { type: 'boolean' }, record: { type: 'string' }, label: { type: 'string' }, summary: { type: 'string' }, date: { type: 'string' } },
      allowPositionals: true,
    });
  } catch (error) {
    console.error(`${(error as Error).message}\nUsage: npm run diff -- [<git ref> | <folder>] [--json] [--record <id> [--label <text>] [--summary <text>] [--date YYYY-MM-DD]]`);
    process.exit(2);
  }
}
const { values: options, positionals } = parseOptions();
const other = positionals[0] ?? 'HEAD';
const current = studyDir();

function git(gitArgs: string[], cwd: string, input?: Buffer): { status: number | null; stdout: Buffer; stderr: string } {
  const result = spawnSync('git', gitArgs, { cwd, input, maxBuffer: 512 * 1024 * 1024 });
  return { status: result.status, stdout: result.stdout ?? Buffer.alloc(0), stderr: String(result.stderr ?? '') };
}

/** The study folder as it was at a git ref, extracted into a temporary folder. */
async function atRef(ref: string): Promise<{ dir: string; commit: string; cleanup: () => Promise<void> }> {
  const top = git(['rev-parse', '--show-toplevel'], current);
  if (top.status !== 0) throw new Error(`"${ref}" is not a folder, and ${current} is not in a git repository`);
  const root = String(top.stdout).trim();
  const commit = git(['rev-parse', '--verify', '--quiet', '--short', `${ref}^{commit}`], root);
  if (commit.status !== 0) throw new Error(`"${ref}" is neither a folder nor a git commit, branch or tag`);
  const path = relative(root, current) || '.';
  const archive = git(['archive', '--format=tar', ref, '--', path], root);
  if (archive.status !== 0) throw new Error(`git archive ${ref} -- ${path} failed: ${archive.stderr.trim()}`);
  const temp = await mkdtemp(join(tmpdir(), 'casebook-diff-'));
  const untar = spawnSync('tar', ['-x', '-C', temp], { input: archive.stdout });
  if (untar.status !== 0) throw new Error(`Could not unpack ${ref}: ${String(untar.stderr)}`);
  return { dir: join(temp, path), commit: String(commit.stdout).trim(), cleanup: () => rm(temp, { recursive: true, force: true }) };
}

/** The "$schema" for a new edition file: its neighbours', else the excerpts' pointed at the edition schema (both folders sit one level down). */
async function editionSchemaRef(): Promise<string> {
  for (const [folder, schemaFile] of [
    ['history', 'edition.schema.json'],
    ['excerpts', 'excerpt.schema.json'],
  ] as const) {
    const names = (await readdir(join(current, folder)).catch(() => [])).filter((name) => name.endsWith('.json')).sort();
    for (const name of names) {
      const ref = await readFile(join(current, folder, name), 'utf8').then(
        (text) => (JSON.parse(text) as { $schema?: unknown }).$schema,
        () => undefined,
      );
      if (typeof ref === 'string' && ref.endsWith(schemaFile)) return `${ref.slice(0, -schemaFile.length)}edition.schema.json`;
    }
  }
  return '../../public/schemas/edition.schema.json';
}

function today(): string {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}

/** Writes the edition file, or says why not; returns whether it was written. */
async function record(id: string, changes: CodingChanges, comparedWith: string): Promise<boolean> {
  // The id becomes a file name, so it is checked before any path is built from it.
  if (!SlugSchema.safeParse(id).success) {
    console.error(`--record "${id}": an edition id is a slug (lower-case letters, digits and single hyphens, e.g. "second-coding"). Nothing was written.`);
    return false;
  }
  const date = options.date ?? today();
  const edition = {
    $schema: await editionSchemaRef(),
    id,
    label: options.label ?? `Recoding of ${date}`,
    date,
    ...(options.summary === undefined ? {} : { summary: options.summary }),
    comparedWith,
    changes,
  };
  const path = join(current, 'history', `${id}.json`);
  const file = new VFile({ path, value: `${JSON.stringify(edition, null, 2)}\n` });
  const source = parseJsonSource(file);
  if (!source || validateSource(source, EditionSchema) === undefined) {
    console.error(`${formatReport([file])}\nThe edition would not be valid: correct --label, --summary or --date and run again. Nothing was written.`);
    return false;
  }
  await mkdir(join(current, 'history'), { recursive: true });
  try {
    await writeFile(path, String(file.value), { flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    console.error(`${relative(process.cwd(), path)} already exists, so nothing was written: choose another id, or delete the file to record that edition again.`);
    return false;
  }
  return true;
}

try {
  const isFolder = existsSync(other) && statSync(other).isDirectory();
  const before = isFolder ? { dir: resolve(other), commit: undefined, cleanup: async () => {} } : await atRef(other);
  try {
    const diff = diffCoding(await readCoding(before.dir), await readCoding(current));
    const title = `Coding of ${relative(process.cwd(), current) || '.'} compared with ${isFolder ? relative(process.cwd(), resolve(other)) || '.' : `git ${other}`}`;
    console.log(options.json ? JSON.stringify(diff, null, 2) : formatDiff(diff, title));
    if (options.record !== undefined) {
      // A folder's full path would publish the researcher's own file system; its name is enough.
      const comparedWith = before.commit === undefined ? `folder ${basename(before.dir)}` : `git ${before.commit}`;
      if (await record(options.record, diff, comparedWith)) {
        // With --json, stdout stays one JSON document.
        (options.json ? console.error : console.log)(`\nRecorded edition "${options.record}" in ${relative(process.cwd(), join(current, 'history', `${options.record}.json`))}`);
      } else process.exitCode = 1;
    }
  } finally {
    await before.cleanup();
  }
} catch (error) {
  console.error((error as Error).message);
  process.exitCode = 2;
}
