/**
 * axe-core on one page of every template, in light and in dark mode: no WCAG 2.2 A/AA
 * violations. Also checks that no template scrolls sideways on a 360 px wide phone.
 */
import axe from 'axe-core';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useBuiltSite } from '../helpers/browser.ts';
import { bundledStudy, templatePages } from './templates.ts';

const site = useBuiltSite();
const pages = templatePages(await bundledStudy());

interface Violation {
  id: string;
  impact: string | null | undefined;
  help: string;
  nodes: { target: unknown; failureSummary: string | undefined }[];
}

async function violations(page: Page): Promise<Violation[]> {
  // Evaluated, not added as a <script>: the pages' Content-Security-Policy refuses foreign inline scripts.
  await page.evaluate(axe.source);
  return page.evaluate(async () => {
    const result = await (window as unknown as { axe: typeof axe }).axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
    });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target, failureSummary: n.failureSummary })) }));
  });
}

function describeViolations(path: string, found: Violation[]): string {
  return found
    .map((v) => `/${path}: ${v.id} (${v.impact}) ${v.help}\n${v.nodes.map((n) => `    at ${JSON.stringify(n.target)}\n      ${n.failureSummary?.replace(/\n/g, '\n      ')}`).join('\n')}`)
    .join('\n');
}

for (const colorScheme of ['light', 'dark'] as const) {
  describe(`axe in ${colorScheme} mode`, () => {
    it.each(pages)('$template (/$path) has no violations', async ({ path }) => {
      const context = await site.browser.newContext({ colorScheme });
      const page = await context.newPage();
      await page.goto(`${site.server.url}${path}`);
      // Open every disclosure so hidden content (data tables, notes) is checked too.
      await page.evaluate(() => document.querySelectorAll('details').forEach((details) => (details.open = true)));
      const found = await violations(page);
      await context.close();
      expect(describeViolations(path, found)).toBe('');
    });
  });
}

describe('on a 360 px wide screen', () => {
  it('no template scrolls sideways', async () => {
    const context = await site.browser.newContext({ viewport: { width: 360, height: 800 } });
    const page = await context.newPage();
    const overflowing: string[] = [];
    for (const { path } of pages) {
      await page.goto(`${site.server.url}${path}`);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      if (overflow > 0) overflowing.push(`/${path}: ${overflow}px too wide`);
    }
    await context.close();
    expect(overflowing.join('\n')).toBe('');
  });
});
