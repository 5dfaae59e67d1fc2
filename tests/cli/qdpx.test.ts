import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { baseStudy, fixturesDir } from '../helpers/fixture-study.ts';
import { copyStudy, runCli } from './run-cli.ts';

const temps: string[] = [];
afterEach(async () => {
  await Promise.all(temps.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

const lessonFor = (first: string) => `---
title: Lesson
description: A lesson on the first theme.
order: 1
kind: lesson-plan
codes: ["${first}", "2.0"]
---

Start with <ThemeLink code="${first}" />, then <ThemeLink code="2.0">recovery</ThemeLink>.
`;
const lesson = lessonFor('1.1');

/** Adds what refers to codes by number outside the codebook and excerpts: discussion questions and a teaching page. */
async function withReferences(dir: string, first = '1.1'): Promise<string> {
  await writeFile(
    join(dir, 'discussion.json'),
    `{
  "topics": [
    { "code": "${first}", "questions": [{ "text": "What is this about?" }] },
    { "code": "2.0", "questions": [{ "text": "What happens after the piece?" }] }
  ]
}
`,
  );
  await mkdir(join(dir, 'teaching'), { recursive: true });
  await writeFile(join(dir, 'teaching', 'lesson.mdx'), lessonFor(first));
  return dir;
}

/** Every file of a study folder and its text. */
async function snapshot(dir: string): Promise<Record<string, string>> {
  const files: Record<string, string> = {};
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) files[join(entry.parentPath, entry.name).slice(dir.length)] = await readFile(join(entry.parentPath, entry.name), 'utf8');
  }
  return files;
}

async function harbour(): Promise<string> {
  const dir = await copyStudy(baseStudy);
  temps.push(dir);
  return dir;
}

describe('npm run import:qdpx / export:qdpx', () => {
  it('imports a project: codebook replaced, coded selections as excerpts, adjustments reported', async () => {
    const dir = await harbour();
    const refused = runCli('import-qdpx', [join(fixturesDir, 'qdpx', 'standard.qdpx'), '--prune'], { STUDY_DIR: dir });
    expect(refused.status, 'pruning an excerpt a chapter cites').toBe(1);
    expect(refused.stdout + refused.stderr).toContain('chapters/notes.mdx:15:44  error  Cites excerpt "oars-first", which --prune would delete: the import does not contain it  [unknown-excerpt]');
    expect(refused.stderr).toContain('Nothing was written.');
    const notes = join(dir, 'chapters', 'notes.mdx');
    await writeFile(notes, (await readFile(notes, 'utf8')).replace(/^The same exchange is coded as <ExcerptLink[^\n]*\n/m, ''));
    const result = runCli('import-qdpx', [join(fixturesDir, 'qdpx', 'standard.qdpx'), '--prune'], { STUDY_DIR: dir });
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('warning  Code "Launching › Pushing off › … › Oar check" is nested deeper than a subtheme');
    expect(result.stdout).toContain('adjusted: theme "Recovery": colour #FFCC00 darkened to');
    expect((await readdir(join(dir, 'excerpts'))).sort()).toEqual(['dock-talk.json', 'river-talk-okay.json', 'river-talk-ye-s-steady.json', 'river-talk.json']);
    expect(runCli('check', [], { STUDY_DIR: dir }).status).toBe(0);
  });

  it('names a study folder that is not there instead of failing with a stack trace', () => {
    const result = runCli('import-qdpx', [join(fixturesDir, 'qdpx', 'codebook.qdc')], { STUDY_DIR: join(fixturesDir, 'no-such-study') });
    expect(result.status).toBe(1);
    expect(result.output).toContain('error  Study folder not found: ');
    expect(result.output).toContain('[missing-folder]');
    expect(result.output).not.toMatch(/\n\s+at /);
  });

  it('refuses a selection outside its text and writes nothing', async () => {
    const dir = await harbour();
    const before = await readFile(join(dir, 'codebook.json'), 'utf8');
    const result = runCli('import-qdpx', [join(fixturesDir, 'qdpx', 'out-of-range.qdpx')], { STUDY_DIR: dir });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('out-of-range.qdpx  error  Selection in source "dock-talk" runs from 25 to 999, but the text has only 39 characters (Unicode code points)  [qdpx-selection-range]');
    expect(result.stderr).toContain('Nothing was written.');
    expect(await readFile(join(dir, 'codebook.json'), 'utf8')).toBe(before);
  });

  it('refuses to leave excerpts it does not import coded to a code it removes, naming file, line and column', async () => {
    const dir = await harbour();
    const result = runCli('import-qdpx', [join(fixturesDir, 'qdpx', 'lenient.qdpx')], { STUDY_DIR: dir });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/excerpts\/steady\.json:6:14  error  Excerpt "steady", which the import does not contain, is coded 1\.1 "Rigging", a code the import removes/);
    expect(result.stderr).toContain('Nothing was written.');
  });

  it('a codebook that differs from the study: excerpts outside the import are not re-pointed to the new code that takes their number', async () => {
    const dir = await harbour();
    const before = await snapshot(dir);
    const result = runCli('import-qdpx', [join(fixturesDir, 'qdpx', 'foreign.qdc')], { STUDY_DIR: dir });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(
      /excerpts\/felt-good\.json:\d+:\d+  error  Excerpt "felt-good", which the import does not contain, is coded 2\.0 "Recovery", a code the import removes; kept as it is, it would name whatever code takes that number  \[qdpx-stale-code\]/,
    );
    expect(result.stderr).toMatch(/excerpts\/cold-water\.json:\d+:\d+  error  Excerpt "cold-water"[^\n]*2\.0 "Recovery"/);
    expect(await snapshot(dir)).toEqual(before);
  });

  it('a codebook whose themes come in another order renumbers nothing: discussion questions and teaching links keep pointing at their codes', async () => {
    // Themes only, so that renumbering them would still name codes that exist: nothing would catch it.
    const dir = await withReferences(await harbour(), '1.0');
    const before = await snapshot(dir);
    const result = runCli('import-qdpx', [join(fixturesDir, 'qdpx', 'codebook.qdc')], { STUDY_DIR: dir });
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('no content file changed');
    expect(await snapshot(dir)).toEqual(before);
  });

  it('a subtheme made a theme of its own is renumbered, and every reference follows it before anything is written', async () => {
    const dir = await withReferences(await harbour());
    const result = runCli('import-qdpx', [join(fixturesDir, 'qdpx', 'moved.qdc')], { STUDY_DIR: dir });
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('adjusted: code "Rigging" renumbered 1.1 → 3.0 (it is now a theme)');
    expect(result.stdout).toContain('follows the new number: discussion.json:3:16: discussion topic 1 1.1 → 3.0');
    expect(result.stdout).toContain('follows the new number: teaching/lesson.mdx:6:10: frontmatter "codes" 1.1 → 3.0');
    expect(result.stdout).toContain('follows the new number: teaching/lesson.mdx:9:29: <ThemeLink> 1.1 → 3.0');
    expect(result.stdout).toContain('follows the new number: excerpts/steady.json: codes 1.1, 1.2 → 3.0, 1.2');
    expect(result.stdout).toMatch(/wrote   \S*discussion\.json/);
    expect(JSON.parse(await readFile(join(dir, 'discussion.json'), 'utf8')).topics.map((topic: { code: string }) => topic.code)).toEqual(['3.0', '2.0']);
    expect(await readFile(join(dir, 'teaching', 'lesson.mdx'), 'utf8')).toBe(lesson.replaceAll('1.1', '3.0'));
    expect(JSON.parse(await readFile(join(dir, 'excerpts', 'steady.json'), 'utf8')).codes).toEqual(['3.0', '1.2']);
    expect(runCli('check', [], { STUDY_DIR: dir }).status).toBe(0);
  });

  it('exports a study that imports back with no change', async () => {
    const dir = await harbour();
    const out = `${dir}.qdpx`;
    temps.push(out);
    const exported = runCli('export-qdpx', [out], { STUDY_DIR: dir });
    expect(exported.stdout).toContain('wrote 4 codes and 4 excerpts (one text source each)');
    const result = runCli('import-qdpx', [out], { STUDY_DIR: dir });
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('no content file changed');
  });
});
