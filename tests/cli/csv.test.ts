import { mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { afterEach, describe, expect, it } from 'vitest';
import { repoRoot } from '../helpers/build-site.ts';
import { baseStudy } from '../helpers/fixture-study.ts';
import { copyStudy, runCli } from './run-cli.ts';

const temps: string[] = [];
afterEach(async () => {
  await Promise.all(temps.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

async function exported(): Promise<{ dir: string; csv: string; text: string }> {
  const dir = await copyStudy(baseStudy);
  temps.push(dir);
  const csv = join(dir, '..', `${dir.split('/').pop()}.csv`);
  temps.push(csv);
  const result = runCli('export-csv', [csv], { STUDY_DIR: dir });
  expect(result.stdout).toContain('wrote 4 excerpts to');
  expect(result.status).toBe(0);
  return { dir, csv, text: await readFile(csv, 'utf8') };
}

/** Edits the sheet as a researcher would: cells by excerpt id and column header. */
function edit(text: string, changes: Record<string, Record<string, string>>, drop: string[] = []): string {
  const [header, ...rows] = parse(text.replace(/^\uFEFF/, '')) as string[][];
  const edited = rows.filter((row) => !drop.includes(row[0]!)).map((row) => row.map((cell, index) => changes[row[0]!]?.[header![index]!] ?? cell));
  return stringify([header!, ...edited], { record_delimiter: '\r\n' });
}

async function snapshot(dir: string): Promise<Record<string, string>> {
  const names = await readdir(join(dir, 'excerpts'));
  return Object.fromEntries(await Promise.all(names.map(async (name) => [name, await readFile(join(dir, 'excerpts', name), 'utf8')] as const)));
}

describe('npm run export:csv / import:csv', () => {
  it('re-importing an untouched export changes no file', async () => {
    const { dir, csv } = await exported();
    const before = await snapshot(dir);
    const result = runCli('import-csv', [csv], { STUDY_DIR: dir });
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('no content file changed');
    expect(await snapshot(dir)).toEqual(before);
  });

  it('writes a recoded row back to its excerpt file, keeping its $schema', async () => {
    const { dir, csv, text } = await exported();
    await writeFile(csv, edit(text, { 'oars-first': { codes: '1.2; 2.0' } }));
    const result = runCli('import-csv', [csv], { STUDY_DIR: dir });
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^wrote {3}\S*excerpts\/oars-first\.json$/m);
    expect(result.stdout.match(/^wrote/gm)).toHaveLength(1);
    const written = JSON.parse(await readFile(join(dir, 'excerpts', 'oars-first.json'), 'utf8'));
    expect(written.codes).toEqual(['1.2', '2.0']);
    expect(written.$schema).toBe('../../../../../public/schemas/excerpt.schema.json');
    expect(runCli('check', [], { STUDY_DIR: dir }).status).toBe(0);
  });

  it('reports every problem at its row and column and writes nothing', async () => {
    const { dir, csv, text } = await exported();
    const before = await snapshot(dir);
    const steadyLines = (parse(text.replace(/^\uFEFF/, '')) as string[][]).find((row) => row[0] === 'steady')![5]!;
    await writeFile(csv, edit(text, { 'oars-first': { session: 'one' }, steady: { lines: steadyLines.replace('Coach:', 'Coahc:') }, 'cold-water': { codes: '9.9' } }));
    const result = runCli('import-csv', [csv], { STUDY_DIR: dir });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('Nothing was written.');
    const name = csv.split('/').pop();
    const lines = result.stdout.split('\n').filter((line) => line.includes(`${name}:`));
    // The CA engine may add its own reading of the broken turn; every problem is placed in the sheet.
    expect(
      result.stdout
        .split('\n')
        .filter((line) => /  (error|warning)  /.test(line))
        .every((line) => line.includes(`${name}:`)),
    ).toBe(true);
    expect(lines.some((line) => /:\d+:3  error  Wrong type for "session": expected number, found string "one"  \[wrong-type\]$/.test(line))).toBe(true);
    expect(lines.some((line) => /:\d+:7  error  Unknown code "9\.9": it is not in codebook\.json  \[unknown-code\]$/.test(line))).toBe(true);
    expect(lines.some((line) => /:\d+:6  error  A turn without "speaker" continues the previous speaker, but no speaker comes before it \(line 1 of the cell\)  \[missing-speaker\]$/.test(line))).toBe(
      true,
    );
    expect(await snapshot(dir)).toEqual(before);
  });

  it('prunes excerpts missing from the sheet only when asked', async () => {
    const { dir, csv, text } = await exported();
    await writeFile(csv, edit(text, {}, ['felt-good']));
    const kept = runCli('import-csv', [csv], { STUDY_DIR: dir });
    expect(kept.stdout).toContain('kept 1 excerpt file the import does not contain (felt-good); pass --prune to delete them');
    await stat(join(dir, 'excerpts', 'felt-good.json'));
    const pruned = runCli('import-csv', [csv, '--prune'], { STUDY_DIR: dir });
    expect(pruned.status).toBe(0);
    expect(pruned.stdout).toMatch(/deleted .*felt-good\.json/);
    await expect(stat(join(dir, 'excerpts', 'felt-good.json'))).rejects.toThrow();
  });

  it('checks the rows as the files they become, without writing them: a private identifier and a control character are found at their cells', async () => {
    const { dir, csv, text } = await exported();
    await mkdir(join(dir, 'private'));
    await writeFile(join(dir, 'private', 'identifiers.txt'), 'Mara Quist\n');
    const before = await snapshot(dir);
    // U+0085 (next line) is no character JSON escapes: it reaches the file as it is, and a page cannot show it.
    await writeFile(csv, edit(text, { 'oars-first': { interpretation: 'Said to Mara Quist at the dock.' }, steady: { title: 'Steady\u0085' } }));
    const result = runCli('import-csv', [csv], { STUDY_DIR: dir });
    expect(result.status).toBe(1);
    const name = csv.split('/').pop();
    const problems = result.stdout.split('\n').filter((line) => /  (error|warning)  /.test(line));
    expect(problems.some((line) => line.includes(`${name}:2:9  error  Identifying term "Mara Quist"`))).toBe(true);
    expect(problems.some((line) => new RegExp(`${name}:5:1  error  Control character U\\+0085 in the file`).test(line))).toBe(true);
    expect(
      problems.every((line) => line.includes(`${name}:`)),
      result.stdout,
    ).toBe(true);
    expect(await snapshot(dir)).toEqual(before);
  });

  it('keeps an excerpt\'s "notLoud" through an untouched export, and through a sheet written before the column existed', async () => {
    const { dir, csv } = await exported();
    const path = join(dir, 'excerpts', 'oars-first.json');
    const excerpt = JSON.parse(await readFile(path, 'utf8')) as Record<string, unknown>;
    await writeFile(path, `${JSON.stringify({ ...excerpt, notLoud: ['GPS'] }, null, 2)}\n`);
    expect(runCli('export-csv', [csv], { STUDY_DIR: dir }).status).toBe(0);
    const before = await snapshot(dir);
    const [header, ...rows] = parse((await readFile(csv, 'utf8')).replace(/^\uFEFF/, '')) as string[][];
    expect(rows.find((row) => row[0] === 'oars-first')![header!.indexOf('not loud')]).toBe('GPS');
    const untouched = runCli('import-csv', [csv], { STUDY_DIR: dir });
    expect(untouched.stdout, untouched.output).toContain('no content file changed');
    const column = header!.indexOf('not loud');
    await writeFile(
      csv,
      stringify(
        [header!, ...rows].map((row) => row.filter((_, index) => index !== column)),
        { record_delimiter: '\r\n' },
      ),
    );
    const older = runCli('import-csv', [csv], { STUDY_DIR: dir });
    expect(older.stdout, older.output).toContain('no content file changed');
    expect(await snapshot(dir)).toEqual(before);
  });

  it('a sheet wrong in every row lists the first 200 problems and counts the rest in one message, writing nothing', async () => {
    const { dir, csv, text } = await exported();
    const before = await snapshot(dir);
    const [header, ...rows] = parse(text.replace(/^\uFEFF/, '')) as string[][];
    const id = header!.indexOf('id');
    const codes = header!.indexOf('codes');
    const many = Array.from({ length: 300 }, (_, n) => rows[n % rows.length]!.map((cell, index) => (index === id ? `wrong-${n + 1}` : index === codes ? '9.9' : cell)));
    await writeFile(csv, stringify([header!, ...many], { record_delimiter: '\r\n' }));
    const result = runCli('import-csv', [csv], { STUDY_DIR: dir });
    expect(result.status).toBe(1);
    const name = csv.split('/').pop()!;
    const listed = result.stdout.split('\n').filter((line) => line.includes(`${name}:`) && /  error  /.test(line));
    expect(listed).toHaveLength(200);
    const summary = result.stdout.split('\n').filter((line) => line.includes('more problems not listed'));
    expect(summary, result.stdout.slice(-2000)).toHaveLength(1);
    expect(summary[0]).toMatch(/ 100 more problems not listed \(\S+ ×100\): only the first 200 are listed/);
    expect(await snapshot(dir)).toEqual(before);
  });

  it('imports a sheet of thousands of rows with a small file-handle limit: files are read a few at a time, never all at once (EMFILE)', async () => {
    const { dir, csv, text } = await exported();
    const [header, ...rows] = parse(text.replace(/^\uFEFF/, '')) as string[][];
    const id = header!.indexOf('id');
    const order = header!.indexOf('article order');
    // The first rows keep their ids: the study's chapters cite them, and pruning a cited excerpt is refused.
    const many = Array.from({ length: 3000 }, (_, n) => rows[n % rows.length]!.map((cell, index) => (index === id && n >= rows.length ? `row-${n + 1}` : index === order ? String(n + 1) : cell)));
    await writeFile(csv, stringify([header!, ...many], { record_delimiter: '\r\n' }));
    const run = spawnSync(
      'bash',
      ['-c', `ulimit -n 256 && exec "${process.execPath}" "${join(repoRoot, 'node_modules/tsx/dist/cli.mjs')}" "${join(repoRoot, 'src/cli/import-csv.ts')}" "${csv}" --prune`],
      { env: { ...process.env, STUDY_DIR: dir }, encoding: 'utf8', timeout: 300_000 },
    );
    expect(run.stdout + run.stderr).not.toContain('EMFILE');
    expect(run.status, run.stdout + run.stderr).toBe(0);
    expect(await readdir(join(dir, 'excerpts'))).toHaveLength(3000);
  });
});
