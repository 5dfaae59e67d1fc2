/**
 * Runs axe-core in a page for the WCAG 2.2 AA rule set and formats what it finds as one
 * line per violation, naming the page, the mode, the rule and the offending elements.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import type { AxeResults } from 'axe-core';

// Evaluated rather than added as a <script>: the pages' Content-Security-Policy rightly
// refuses an inline script that is not the site's own.
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** Every WCAG A and AA rule up to WCAG 2.2. */
export const wcagTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** Runs axe in the page, injecting it first unless `inject` is false (it is already there). */
export async function axeViolations(page: Page, label: string, inject = true): Promise<string[]> {
  if (inject) await page.evaluate(axeSource);
  const results = await page.evaluate(
    (tags) =>
      (window as unknown as { axe: { run(context: Document, options: object): Promise<AxeResults> } }).axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] }),
    wcagTags,
  );
  return results.violations.map((violation) => {
    const targets = violation.nodes
      .slice(0, 5)
      .map((node) => node.target.join(' '))
      .join(', ');
    const more = violation.nodes.length > 5 ? ` and ${violation.nodes.length - 5} more` : '';
    return `${label}: ${violation.id} (${violation.impact ?? 'unknown'}) ${violation.help}: ${targets}${more}`;
  });
}
