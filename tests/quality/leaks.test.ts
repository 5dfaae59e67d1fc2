/**
 * The leak test: for each study the tests build, no page contains a distinctive sentence
 * or term of another study folder (the bundled study, the hostile fixture, the example
 * study), nor a word of the bundled study's field (leaks.ts `domainWords`) unless the
 * study's own folder uses it. The parts are tested first on made-up pages, so the gate
 * is known to be able to fail.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fromHtml } from 'hast-util-from-html';
import { describe, expect, inject, it } from 'vitest';
import { repoRoot } from '../helpers/build-site.ts';
import { foreignPhrases, leaks, pageText, studyPhrases, studyText } from './leaks.ts';
import { builtPages, parsePage } from './site.ts';

const builds = inject('studyBuilds');
const studyDirs = builds.map((build) => build.studyDir);
const bundled = builds.find((build) => build.name === 'the bundled study')!;
const example = builds.find((build) => build.name === 'the example interview study')!;

describe('the leak test itself', () => {
  const foreign = foreignPhrases(studyDirs, example.studyDir, repoRoot);
  const own = studyText(example.studyDir);

  it('takes sentences and terms from every other study folder', () => {
    const phrases = studyPhrases(bundled.studyDir);
    expect(phrases.size).toBeGreaterThan(100);
    expect(phrases.has('internalization')).toBe(true);
    expect([...foreign.keys()]).toEqual(expect.arrayContaining([...phrases].slice(0, 20)));
  });

  it("finds another study's sentence, term or domain word in a page's text or attributes", () => {
    const sentence = [...studyPhrases(bundled.studyDir)].find((phrase) => phrase.length > 60)!;
    const page = fromHtml(`<main><p>Intro.</p><p>${sentence.toUpperCase()}</p><a href="/x/" aria-label="Filmed sessions">x</a></main>`);
    const found = leaks(pageText(page), own, foreign);
    expect(found.some((leak) => leak.startsWith(`"${sentence}"`))).toBe(true);
    expect(found).toContain('the word "filmed", which its own folder never uses');
  });

  it("excuses a phrase or word the published study's own folder uses, and script code, which is not the page's text", () => {
    const page = fromHtml('<p>Keeping things in circulation, the interviewer said.</p><script>el.getBoundingClientRect()</script>');
    expect(leaks(pageText(page), own, foreign)).toEqual([]);
  });
});

describe("the example study's addresses", () => {
  it('name its units in its own word: pre-filtered excerpt lists and the filter form say "interview", never the bundled study\'s "session"', () => {
    const facets = new Set(builtPages(example.distDir).flatMap((page) => /^\/excerpts\/([^/]+)\/[^/]+\/$/.exec(page.route)?.[1] ?? []));
    expect([...facets].sort()).toEqual(['code', 'interview', 'source', 'speaker']);
    const browser = readFileSync(join(example.distDir, 'excerpts', 'index.html'), 'utf8');
    expect(browser).toContain('name="interview"');
    expect(browser).not.toMatch(/name="session"|\/excerpts\/session\/|[?&;]session=/);
  });
});

for (const build of builds) {
  describe(`every page of ${build.name}`, () => {
    it("holds no other study's sentence or term and no domain word its folder does not use", () => {
      const foreign = foreignPhrases(studyDirs, build.studyDir, repoRoot);
      const own = studyText(build.studyDir);
      const found = builtPages(build.distDir).flatMap((page) => leaks(pageText(parsePage(page.file)), own, foreign).map((leak) => `${page.route}: ${leak}`));
      expect(found).toEqual([]);
    });
  });
}
