/**
 * Study folders that are hostile or broken in ways a JSON overlay cannot express: files
 * too deep or too large to parse safely, bytes that are not UTF-8, control characters,
 * a named pipe, links that lead out of the study folder, a file that cannot be read, a
 * folder where a file should be, and a chapter whose MDX names an unknown excerpt. Each case plants one problem
 * in a copy of the base fixture and names the diagnostics `npm run check` and
 * `npm run build` must print (paths relative to the study folder), so tests/study/
 * hostile-input.test.ts checks each through the loader that `npm run check` and
 * `npm run build` both call; tests/quality/malformed.test.ts runs one of them through both
 * commands (exit code, nothing written).
 */
import { spawnSync } from 'node:child_process';
import { chmod, cp, mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
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
const runningAsRoot = process.getuid?.() === 0;
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
      return [
        `${steady}:${placeOf(text.replace('On rhythm.', 'On rhythm, café.'), 'é')}  error  The file is not valid UTF-8: byte ${offset} (E9 2E) is not a UTF-8 character, so the file was probably saved in another encoding (such as Windows-1252 or Latin-1)  [invalid-encoding]`,
      ];
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
  {
    // Root reads files whatever their mode, so there the same failure is provoked by a
    // folder where the file should be; elsewhere the file is made unreadable.
    name: runningAsRoot ? 'an unreadable file (a folder in its place, as root ignores permissions)' : 'an unreadable file (mode 000)',
    async plant(dir) {
      const target = join(dir, steady);
      if (runningAsRoot) {
        await rm(target);
        await mkdir(target);
      } else {
        await chmod(target, 0o000);
      }
      return [`${steady}  error  Cannot read file (${runningAsRoot ? 'EISDIR' : 'EACCES'})  [unreadable-file]`];
    },
  },
  {
    name: 'a folder in place of codebook.json',
    async plant(dir) {
      await rm(join(dir, 'codebook.json'));
      await mkdir(join(dir, 'codebook.json'));
      return ['codebook.json  error  Cannot read file (EISDIR)  [unreadable-file]'];
    },
  },
  {
    name: 'a chapter whose MDX names an unknown excerpt',
    async plant(dir) {
      await writeFile(
        join(dir, 'chapters', 'broken.mdx'),
        '---\ntitle: Broken\ndescription: Cites an excerpt that does not exist.\norder: 1\n---\n\n## Findings\n\n<Excerpt id="no-such-excerpt" />\n',
      );
      return ['chapters/broken.mdx:9:10  error  Unknown excerpt "no-such-excerpt": there is no excerpts/no-such-excerpt.json  [unknown-excerpt]'];
    },
  },
];

/** A copy of the base study with one hostile case planted; returns the folder and the expected diagnostics. */
export async function hostileStudy(entry: HostileCase): Promise<{ dir: string; diagnostics: string[] }> {
  const dir = await studyWithCase(baseStudy);
  return { dir, diagnostics: await entry.plant(dir) };
}
