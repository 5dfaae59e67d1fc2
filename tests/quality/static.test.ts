/**
 * Gates over every page of every build, without a browser: valid HTML, no broken
 * internal links or anchors (tests/site/link-check.ts, plus absolute links to the site
 * itself and redirect targets), alternative text for images and names for graphics, no
 * inline event handlers or script URLs (so a strict Content-Security-Policy can be
 * used), and rel="noopener" on links to other sites. Every study the tests build is
 * checked (tests/setup/global-build.ts): the bundled one, the hostile fixture, where
 * escaping mistakes show up as invalid markup, and the example study of another shape.
 */
import type { Root } from 'hast';
import { describe, expect, inject, it } from 'vitest';
import { validatePage } from './html-validate.ts';
import { checkLinks, formatBroken } from '../site/link-check.ts';
import { brokenSelfLinks } from './links.ts';
import { declaresIcon, externalLinksWithoutNoopener, imagesWithoutAlt, inlineHandlers, missingReferences, policyProblems, scriptUrls, unnamedSvgs } from './markup.ts';
import { builtPages, parsePage, siteOf, type BuiltPage } from './site.ts';

const builds = Object.fromEntries(inject('studyBuilds').map((build) => [build.name, build.distDir]));

for (const [name, distDir] of Object.entries(builds)) {
  describe(`every page of ${name}`, () => {
    const pages = builtPages(distDir);
    const site = siteOf(distDir);
    const trees = new Map<string, Root>();
    const treeOf = (page: BuiltPage) => trees.get(page.file) ?? trees.set(page.file, parsePage(page.file)).get(page.file)!;
    /** Runs a check on every page's tree; each problem is prefixed with its page's route. */
    const problems = (check: (tree: Root, page: BuiltPage) => string[]) => pages.flatMap((page) => check(treeOf(page), page).map((problem) => `${page.route}: ${problem}`));

    it('includes the overview', () => {
      expect(pages.map((page) => page.route)).toContain('/');
    });

    it('is valid HTML', async () => {
      const errors = (await Promise.all(pages.map(validatePage))).flat();
      expect(errors).toEqual([]);
    });

    it('has no broken internal link or #anchor, and no reference to a missing id', async () => {
      expect(formatBroken((await checkLinks(distDir, site.pathname)).broken)).toBe('');
      expect(brokenSelfLinks(distDir, site)).toEqual([]);
      expect(problems(missingReferences)).toEqual([]);
    });

    it('gives every image alternative text and every visible graphic a name', () => {
      expect(problems((tree) => [...imagesWithoutAlt(tree), ...unnamedSvgs(tree)])).toEqual([]);
    });

    it('has no inline event handlers and no script URLs', () => {
      expect(problems((tree) => [...inlineHandlers(tree), ...scriptUrls(tree)])).toEqual([]);
    });

    it("ships a Content-Security-Policy that allows only the site's own scripts", () => {
      expect(problems((tree, page) => (page.redirectsTo === undefined ? policyProblems(tree) : []))).toEqual([]);
    });

    it('declares an icon on every page, so browsers do not request a missing /favicon.ico', () => {
      expect(problems((tree, page) => (page.redirectsTo === undefined && !declaresIcon(tree) ? ['has no <link rel="icon">'] : []))).toEqual([]);
    });

    it('opens links to other sites with rel="noopener"', () => {
      expect(problems((tree) => externalLinksWithoutNoopener(tree, site))).toEqual([]);
    });
  });
}
