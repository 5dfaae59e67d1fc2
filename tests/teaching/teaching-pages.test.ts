/**
 * The built teaching section: every vignette embeds the excerpts its frontmatter names
 * and hides its analysis; every link from a teaching page, and every glossary term link
 * anywhere on the site, lands on a page and anchor that exist.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { contentDir } from './content-copy.ts';
import { allHtmlFiles, handoutPaths, mainHrefs, readPage, resolves, teachingPaths, teachingSources } from './built-pages.ts';

const distDir = inject('distDir');
const sources = teachingSources();
const vignettes = sources.filter((source) => source.kind === 'vignette');

describe('teaching pages in the built site', () => {
  it('include the hub, two lesson plans, the questions, the module, the course pack and at least six vignettes', () => {
    const kinds = sources.map((source) => source.kind);
    expect(kinds.filter((kind) => kind === 'hub')).toHaveLength(1);
    expect(kinds.filter((kind) => kind === 'lesson-plan')).toHaveLength(2);
    expect(kinds).toContain('questions');
    expect(kinds).toContain('module');
    expect(kinds).toContain('course-pack');
    expect(vignettes.length).toBeGreaterThanOrEqual(6);
    for (const path of teachingPaths()) expect(() => readPage(distDir, path), path).not.toThrow();
  });

  it.each(vignettes.map((vignette) => [vignette.id, vignette] as const))('%s embeds exactly its frontmatter excerpts, analysis closed', (id, vignette) => {
    const html = readPage(distDir, `teaching/${id}/`);
    const embedded = [...html.matchAll(/<article class="excerpt[^"]*"[^>]*\sid="excerpt-([^"]+)"/g)].map((match) => match[1]);
    expect(embedded.length).toBeGreaterThan(0);
    expect(new Set(embedded)).toEqual(new Set(vignette.excerpts));
    expect(vignette.codes.length).toBeGreaterThan(0);
    expect(html).toMatch(/<details class="analysis"[^>]*data-analysis(?![^>]*\sopen)[^>]*>/);
    // Excerpt first: the article's reading appears only inside the analysis.
    const beforeAnalysis = html.slice(html.indexOf('<main'), html.indexOf('<details class="analysis"'));
    expect(beforeAnalysis).not.toContain('excerpt__interpretation');
    expect(beforeAnalysis).not.toContain('class="interpretation"');
  });

  it('links every teaching page only to pages and anchors that exist', () => {
    const broken: string[] = [];
    for (const path of teachingPaths()) {
      const hrefs = mainHrefs(readPage(distDir, path)).filter((href) => href.startsWith('/') || href.startsWith('#'));
      expect(hrefs.length, path).toBeGreaterThan(0);
      for (const href of hrefs) if (!resolves(distDir, href, path)) broken.push(`${path} → ${href}`);
    }
    expect(broken).toEqual([]);
  });

  it('links each code page from the questions page and every question to its excerpts', () => {
    const html = readPage(distDir, 'teaching/discussion-questions/');
    const codes = [...html.matchAll(/<section class="discussion-code"[^>]*data-code="([^"]+)"/g)].map((match) => match[1]);
    expect(codes).toEqual(['1.0', '1.1', '1.2', '1.3', '2.0', '2.1', '2.2', '2.3', '3.0', '3.1', '3.2', '4.0']);
    const discussion = JSON.parse(readFileSync(join(contentDir, 'discussion.json'), 'utf8')) as { topics: { questions: { excerpts: string[] }[] }[] };
    const wanted = new Set(discussion.topics.flatMap((topic) => topic.questions.flatMap((question) => question.excerpts)));
    for (const id of wanted) expect(html, id).toContain(`href="/excerpts/${id}/"`);
  });
});

describe('facilitator notes', () => {
  const notes = (html: string) => [...html.matchAll(/<details class="facilitator-notes"[^>]*>/g)].map((match) => /\sopen[\s>=]/.test(match[0]));
  const questionCount = (html: string) => (html.match(/class="teaching-questions__text"/g) ?? []).length;
  const discussion = JSON.parse(readFileSync(join(contentDir, 'discussion.json'), 'utf8')) as { topics: { questions: unknown[] }[] };
  const discussionCount = discussion.topics.reduce((sum, topic) => sum + topic.questions.length, 0);

  it('follow every question, closed, on the questions page and on every vignette', () => {
    expect(notes(readPage(distDir, 'teaching/discussion-questions/'))).toEqual(Array.from({ length: discussionCount }, () => false));
    for (const vignette of vignettes) {
      const html = readPage(distDir, `teaching/${vignette.id}/`);
      expect(questionCount(html), vignette.id).toBeGreaterThan(0);
      expect(notes(html), vignette.id).toEqual(Array.from({ length: questionCount(html) }, () => false));
    }
  });

  it('print open in the course pack, for every vignette question and every discussion question', () => {
    const vignetteQuestions = vignettes.reduce((sum, vignette) => sum + questionCount(readPage(distDir, `teaching/${vignette.id}/`)), 0);
    const pack = notes(readPage(distDir, 'teaching/course-pack/'));
    expect(pack).toHaveLength(vignetteQuestions + discussionCount);
    expect(pack.every(Boolean)).toBe(true);
  });

  it('never reach a student handout or a theme page', () => {
    for (const path of handoutPaths()) expect(notes(readPage(distDir, path)), path).toEqual([]);
    for (const file of allHtmlFiles(join(distDir, 'themes'))) expect(readFileSync(file, 'utf8')).not.toContain('class="facilitator-notes"');
  });
});

describe('glossary term links', () => {
  const glossary = readPage(distDir, 'glossary/');
  const anchors = new Set([...glossary.matchAll(/\sid="(term-[^"]+)"/g)].map((match) => match[1]));

  it('gives every term an anchor, alphabetically', () => {
    const terms = [...glossary.matchAll(/<dt id="term-[^"]+"[^>]*>([^<]+)<\/dt>/g)].map((match) => match[1]!);
    expect(terms.length).toBeGreaterThanOrEqual(30);
    expect(terms).toEqual([...terms].sort((a, b) => a.localeCompare(b, 'en', { sensitivity: 'base', numeric: true })));
  });

  it('resolves every <a class="term"> on the site to an anchor of the glossary, with its definition attached', () => {
    let count = 0;
    const problems: string[] = [];
    for (const file of allHtmlFiles(distDir)) {
      const html = readFileSync(file, 'utf8');
      for (const match of html.matchAll(/<a class="term"[^>]*href="([^"]+)"[^>]*aria-describedby="([^"]+)"/g)) {
        count += 1;
        const [path, fragment] = match[1]!.split('#');
        if (path !== '/glossary/' || !anchors.has(fragment!)) problems.push(`${file}: ${match[1]}`);
        if (!html.includes(`id="${match[2]}" role="tooltip"`)) problems.push(`${file}: no tooltip ${match[2]}`);
      }
    }
    expect(problems).toEqual([]);
    expect(count).toBeGreaterThan(20);
  });
});

describe('the teaching hub', () => {
  const hub = readPage(distDir, 'teaching/');
  const main = hub.slice(hub.indexOf('<main'), hub.indexOf('</main>'));

  it('opens with the materials: after the title and one lede, the cards come before the guide', () => {
    const cards = main.indexOf('class="teaching-card"');
    expect(cards).toBeGreaterThan(0);
    expect(main.slice(0, cards)).not.toMatch(/<h2 id="(who-it-is-for|learning-objectives)"/);
    expect(main.indexOf('id="who-it-is-for"')).toBeGreaterThan(cards);
  });

  it('shows each vignette card its class time and objectives from the frontmatter', () => {
    const vignetteCards = [...main.matchAll(/<li class="teaching-card"[^>]*>([\s\S]*?)<\/li>\s*(?=<li class="teaching-card"|<\/ul>)/g)]
      .map((match) => match[1]!)
      .filter((card) => /href="\/teaching\/vignette-/.test(card));
    expect(vignetteCards).toHaveLength(vignettes.length);
    for (const card of vignetteCards) {
      expect(card).toMatch(/Time:<\/span> \d+ minutes/);
      expect(card).toMatch(/teaching-facts__objectives[^>]*>(<li[^>]*>[^<]+<\/li>){1,}/);
    }
  });

  it('offers “Print this handout” on student handouts only', () => {
    for (const path of teachingPaths()) expect(readPage(distDir, path).includes('Print this handout'), path).toBe(path.endsWith('/handout/'));
    expect(handoutPaths()).toHaveLength(vignettes.length);
  });
});

describe('lesson plans', () => {
  it('print their written task and its rubric, one row per criterion and one column per level', () => {
    const html = readPage(distDir, 'teaching/lesson-50-minutes/');
    const start = html.indexOf('id="written-task"');
    const rubric = html.slice(start, html.indexOf('</table>', start));
    expect(rubric).toContain('exact words they would say after the 35-second silence');
    expect([...rubric.matchAll(/<th scope="col"[^>]*>([^<]+)</g)].map((match) => match[1])).toEqual(['Criterion', 'Strong', 'Developing', 'Not yet']);
    expect([...rubric.matchAll(/<th scope="row"[^>]*>/g)]).toHaveLength(4);
  });
});
