/**
 * Every part of a study that not every study has is optional. A copy of the bundled study
 * with its durations, step tables, questionnaires, procedure and journal taken out passes
 * the check without a warning about what is missing, and builds; the pages, charts,
 * appendices and downloads of the parts taken out are absent rather than empty, and no
 * page says "0:00" or calls the study an article.
 */
import { existsSync } from 'node:fs';
import { cp, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadStudy } from '../../src/study/load.ts';
import { countProblems } from '../../src/study/diagnostics.ts';
import { buildSite, repoRoot } from '../helpers/build-site.ts';

let work: string;
let studyDir: string;
let dist: string;
let build: { status: number | null; output: string };

async function editJson(path: string, edit: (value: Record<string, unknown>) => Record<string, unknown>): Promise<void> {
  await writeFile(path, `${JSON.stringify(edit(JSON.parse(await readFile(path, 'utf8')) as Record<string, unknown>), null, 2)}\n`);
}

/** Every built HTML page, as a path relative to dist and its text. */
async function pages(dir: string): Promise<{ path: string; html: string }[]> {
  const out: { path: string; html: string }[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile() && entry.name.endsWith('.html')) {
      const path = join(entry.parentPath, entry.name);
      out.push({ path: relative(dir, path), html: await readFile(path, 'utf8') });
    }
  }
  return out;
}

/** Every string value in the study folder's JSON files. */
async function studyStrings(dir: string): Promise<string[]> {
  const out: string[] = [];
  const walk = (value: unknown): void => {
    if (typeof value === 'string') out.push(value);
    else if (Array.isArray(value)) value.forEach(walk);
    else if (value && typeof value === 'object') Object.values(value).forEach(walk);
  };
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile() && entry.name.endsWith('.json')) walk(JSON.parse(await readFile(join(entry.parentPath, entry.name), 'utf8')));
  }
  return out.sort((a, b) => b.length - a.length);
}

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'casebook-stripped-'));
  studyDir = join(work, 'study');
  dist = join(work, 'dist');
  await cp(join(repoRoot, 'content'), studyDir, { recursive: true });
  await rm(join(studyDir, 'questionnaires.json'));
  await rm(join(studyDir, 'procedure.json'));
  await editJson(join(studyDir, 'study.json'), ({ timing: _timing, steps: _steps, publication: _publication, ...rest }) => ({ ...rest, publication: { type: 'unpublished' } }));
  for (const name of await readdir(join(studyDir, 'sessions'))) {
    await editJson(join(studyDir, 'sessions', name), ({ durations: _durations, steps: _steps, ...rest }) => rest);
  }
  for (const name of await readdir(join(studyDir, 'excerpts'))) {
    await editJson(join(studyDir, 'excerpts', name), ({ step: _step, ...rest }) => rest);
  }
  // The results chapter embeds the phases chart, which a study without durations cannot have.
  const results = join(studyDir, 'chapters', 'results.mdx');
  // The chart goes, and so does the sentence that refers to it as a figure.
  await writeFile(results, (await readFile(results, 'utf8')).replace(/<Chart name="session-phases"[^>]*\/>/, '').replace(/<FigureRef id="phases" \/>[^.]*\./, ''));
  // Built as on a machine without Chromium: the course pack PDF cannot be printed.
  build = buildSite({ STUDY_DIR: studyDir, CASEBOOK_DIST: dist, CASEBOOK_CHROMIUM: join(work, 'no-chromium') });
}, 600_000);

afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

describe('a copy of the bundled study without its optional parts', () => {
  it('passes the check with no error and no warning about what is absent', async () => {
    const { study, files } = await loadStudy(studyDir);
    expect(study).toBeDefined();
    expect(countProblems(files).errors).toBe(0);
    const messages = files.flatMap((file) => file.messages.map((message) => `${file.path}: ${message.reason}`));
    expect(messages.filter((message) => /questionnaires|procedure|durations|steps|journal|missing/i.test(message))).toEqual([]);
    expect(study!.questionnaires).toBeUndefined();
    expect(study!.procedure).toBeUndefined();
  });

  it('builds', () => {
    expect(build.output).toContain('Built');
    expect(build.status).toBe(0);
  });

  it('without Chromium says so, and the course pack page links to no PDF', async () => {
    expect(build.output).toContain(`No Chromium at ${join(work, 'no-chromium')}`);
    expect(build.output).toContain('the course pack PDF was not made');
    expect(existsSync(join(dist, 'teaching', 'course-pack.pdf'))).toBe(false);
    const pack = await readFile(join(dist, 'teaching', 'course-pack', 'index.html'), 'utf8');
    expect(pack).toContain('id="pack-contents"');
    expect(pack).not.toContain('course-pack.pdf');
  });

  it('has no page for the parts taken out', () => {
    for (const path of ['appendices/questionnaires', 'appendices/procedure', 'appendices/session-breakdowns']) {
      expect(existsSync(join(dist, path, 'index.html')), path).toBe(false);
    }
    expect(existsSync(join(dist, 'sessions', '1', 'index.html'))).toBe(true);
  });

  it('draws no phases or step chart, prints no empty duration and calls the study no article', async () => {
    const all = await pages(dist);
    // The study's own words (its licence notice, summary, notes) may say "article"; the interface may not.
    const own = (await studyStrings(studyDir)).filter((text) => /\barticle\b/i.test(text));
    const escape = (text: string) => text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');
    expect(all.length).toBeGreaterThan(40);
    const generated = all.filter((page) => !page.path.startsWith('chapters/') && !page.path.startsWith('teaching/'));
    for (const { path, html } of generated) {
      expect(html, path).not.toContain('cb-session-phases');
      expect(html, path).not.toContain('cb-step-sequence');
      expect(html, path).not.toMatch(/>\s*0:00\s*</);
      expect(html, path).not.toContain('class="durations"');
      // Interface text follows the publication type; only the study's own prose may say "article".
      const text = own.reduce((rest, value) => rest.replaceAll(value, '').replaceAll(escape(value), ''), html.replace(/<(script|style)[\s\S]*?<\/\1>/g, ''));
      expect(text, path).not.toMatch(/\bthe article\b/i);
    }
  });

  it('lists only the appendices it has, and no download holds the parts taken out', async () => {
    const appendices = await readFile(join(dist, 'appendices', 'index.html'), 'utf8');
    expect(appendices).toContain('Transcription conventions');
    expect(appendices).not.toContain('Questionnaires');
    expect(appendices).not.toContain('Data-collection procedure');
    const data = JSON.parse(await readFile(join(dist, 'data', 'study.json'), 'utf8')) as Record<string, unknown>;
    expect(Object.keys(data)).not.toContain('questionnaires');
    expect(Object.keys(data)).not.toContain('procedure');
    expect(JSON.stringify(data.meta)).not.toContain('journal');
  });
});
