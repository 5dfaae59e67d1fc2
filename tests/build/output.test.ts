/**
 * A successful build prints nothing the researcher cannot act on: no warning from Astro,
 * Vite or the bundler about the generator's own set-up, and none about optional folders
 * a study leaves out. What it does print when CASEBOOK_SITE is unset (as in the tests) is
 * the one warning a researcher must act on before deploying.
 */
import { describe, expect, inject, it } from 'vitest';
import { isSetupWarning } from '../../src/cli/build-log.ts';

const ansi = /\u001b\[[0-9;]*m/g;

for (const build of inject('studyBuilds')) {
  describe(`the build of ${build.name}`, () => {
    const lines = build.output.replace(ansi, '').split('\n');

    it('prints no warning but the one about CASEBOOK_SITE', () => {
      const warnings = lines.filter((line) => /\[WARN\]|warning|MODULE_LEVEL_DIRECTIVE|does not exist/i.test(line));
      expect(warnings).toEqual([expect.stringMatching(/^Warning: CASEBOOK_SITE is not set/)]);
    });
  });
}

describe("the filter of Astro's set-up warnings", () => {
  it('drops exactly those lines, coloured or not, and keeps every other warning', () => {
    expect(isSetupWarning('09:05:15 [WARN] [config] Shiki syntax highlighting uses inline styles that are not compatible with Content Security Policy (CSP).')).toBe(true);
    expect(isSetupWarning("\u001b[2m09:05:17\u001b[22m \u001b[33m[WARN] [csp] `security.csp.styleDirective` defines `style-src` resources ('self')\u001b[39m")).toBe(true);
    // No longer passed, so no longer dropped: a forced clearing of the content store would be news.
    expect(isSetupWarning('09:05:17 [WARN] [content] data store cleared (force)')).toBe(false);
    expect(isSetupWarning('09:05:15 [WARN] [content] The collection "chapters" does not exist or is empty.')).toBe(false);
    expect(isSetupWarning('09:05:15 [WARN] [vite] something about the study')).toBe(false);
  });
});
