/**
 * Study folders that are hostile or broken in ways a JSON overlay cannot express: files
 * too deep or too large to parse safely, bytes that are not UTF-8, control characters,
 * a named pipe, and links that lead out of the study folder. Each case plants one problem
 * in a copy of the base fixture and names the diagnostics `npm run check` and
 * `npm run build` must print (paths relative to the study folder), so tests/study/
 * hostile-input.test.ts (the loader) and tests/quality/malformed.test.ts (both commands,
 * nothing written) share them.
 */
import { spawnSync } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { baseStudy, studyWithCase } from './fixture-study.ts';

export interface HostileCase {
  name: string;
  /** Plants the problem in `dir` (a copy of the base study); returns the diagnostics, `path[:line:column]  error  message  [rule]`. */
  plant(dir: string): Promise<string[]>;
}

/** 1-based line and column of the first occurrence of `needle` in `text`. */
function placeOf(text: string, needle: string): string {
  const offset = text.indexOf(needle);
  if (offset === -1) throw new Error(`"${needle}" is not in the fixture`);
  const before = text.slice(0, offset).split('\n');
  return `${before.length}:${before.at(-1)!.length + 1}`;
}

const steady = 'excerpts/steady.json';
const outsideFolders: string[] = [];

/** A folder outside every study folder, holding what a link points at. */
async function outside(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'casebook-outside-'));
  outsideFolders.push(dir);
  return dir;
}

export async function removeOutsideFolders(): Promise<void> {
  await Promise.all(outsideFolders.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
}

export const hostileCases: HostileCase[] = [
  {
    name: 'JSON nested 4,000 deep',
    async plant(dir) {
      await writeFile(join(dir, 'excerpts', 'deep.json'), `${'['.repeat(4000)}${']'.repeat(4000)}`);
      return ['excerpts/deep.json:1:65  error  JSON nested more than 64 levels deep (arrays and objects inside each other)  [json-depth]'];
    },
  },
  {
    name: 'a 50 MB excerpt',
    async plant(dir) {
      const text = await readFile(join(dir, steady), 'utf8');
      await writeFile(join(dir, steady), text.replace('Synthetic interpretation four.', 'x'.repeat(50 * 1024 * 1024)));
      return [`${steady}  error  The file is 50.0 MB; a content file may be at most 5.0 MB  [file-too-large]`];
    },
  },
  {
    name: 'bytes that are not UTF-8 (Latin-1)',
    async plant(dir) {
      const text = await readFile(join(dir, steady), 'utf8');
      const bytes = Buffer.from(text.replace('On rhythm.', 'On rhythm, café.'), 'latin1');
      await writeFile(join(dir, steady), bytes);
      const offset = bytes.indexOf(0xe9);
      return [`${steady}:${placeOf(text.replace('On rhythm.', 'On rhythm, café.'), 'é')}  error  The file is not valid UTF-8: byte ${offset} (E9 2E) is not a UTF-8 character, so the file was probably saved in another encoding (such as Windows-1252 or Latin-1)  [invalid-encoding]`];
    },
  },
  {
    name: 'an escaped NUL in a JSON string',
    async plant(dir) {
      const text = (await readFile(join(dir, steady), 'utf8')).replace('keep it steady', 'keep\\u0000 it steady');
      await writeFile(join(dir, steady), text);
      return [`${steady}:${placeOf(text, '\\u0000')}  error  Control character U+0000 in a string (written as an escape): a web page cannot show it  [control-character]`];
    },
  },
  {
    name: 'a raw NUL in a chapter',
    async plant(dir) {
      const path = join(dir, 'chapters', 'notes.mdx');
      const text = (await readFile(path, 'utf8')).replace('first instruction', 'first\u0000 instruction');
      await writeFile(path, text);
      return [`chapters/notes.mdx:${placeOf(text, '\u0000')}  error  Control character U+0000 in the file: a web page cannot show it  [control-character]`];
    },
  },
  {
    name: 'a named pipe called x.json',
    async plant(dir) {
      const made = spawnSync('mkfifo', [join(dir, 'excerpts', 'x.json')]);
      if (made.status !== 0) throw new Error(`mkfifo failed: ${made.stderr}`);
      return ['excerpts/x.json  error  This is a named pipe (FIFO), not a regular file  [not-a-file]'];
    },
  },
  {
    name: 'a chapter that links to a file outside the study',
    async plant(dir) {
      const target = join(await outside(), 'secret.mdx');
      await writeFile(target, '---\ntitle: Secret\ndescription: Outside the study.\norder: 5\n---\n\nA file of the build machine.\n');
      await symlink(target, join(dir, 'chapters', 'secret.mdx'));
      return [`chapters/secret.mdx  error  This is a link to ${target}, outside the study folder; only files inside the study folder are read  [outside-study]`];
    },
  },
  {
    name: 'an excerpt that links to a device',
    async plant(dir) {
      await symlink('/dev/zero', join(dir, 'excerpts', 'zero.json'));
      return ['excerpts/zero.json  error  This is a link to /dev/zero, outside the study folder; only files inside the study folder are read  [outside-study]'];
    },
  },
  {
    name: 'the whole excerpts/ folder linked to a folder outside the study',
    async plant(dir) {
      const target = join(await outside(), 'excerpts');
      await rm(join(dir, 'excerpts'), { recursive: true });
      await cp(join(baseStudy, 'excerpts'), target, { recursive: true });
      await symlink(target, join(dir, 'excerpts'));
      return [`excerpts  error  This is a link to ${target}, outside the study folder; only files inside the study folder are read  [outside-study]`];
    },
  },
];

/** A copy of the base study with one hostile case planted; returns the folder and the expected diagnostics. */
export async function hostileStudy(entry: HostileCase): Promise<{ dir: string; diagnostics: string[] }> {
  const dir = await studyWithCase(baseStudy);
  return { dir, diagnostics: await entry.plant(dir) };
}
