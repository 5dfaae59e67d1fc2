/**
 * The HTML validator every built page must pass with no errors: conformance to the HTML
 * standard, html-validate's accessibility rules (WCAG techniques H30, H32, H36, H37, H63,
 * H67, H71 and more) and document structure. Its formatting rules (`recommended`: quote
 * style, upper-case DOCTYPE, inline styles) are left out: they judge taste, not readers.
 * `require-sri` is off because every script and stylesheet is served from our own origin.
 * `no-missing-references` is off because it is quadratic (30 s on a page with a
 * 10,000-character turn); `markup.ts` checks the same id references with a lookup table.
 * `wcag/h32` (forms need a submit button) is off: the site's one form, the excerpt
 * filters, applies each choice in place (CSS without JavaScript, a script with it) and
 * never submits or changes context, which is the harm H32 guards against; a submit
 * button would reload the page and, without JavaScript, drop the chosen filters.
 */
import { readFile } from 'node:fs/promises';
import { HtmlValidate } from 'html-validate';
import type { BuiltPage } from './site.ts';

const validator = new HtmlValidate({
  extends: ['html-validate:standard', 'html-validate:a11y', 'html-validate:document'],
  rules: { 'require-sri': 'off', 'no-missing-references': 'off', 'wcag/h32': 'off' },
});

/** `route:line:col  rule  message` for every error on the page. */
export async function validatePage(page: BuiltPage): Promise<string[]> {
  const report = await validator.validateString(await readFile(page.file, 'utf8'), page.file);
  return report.results.flatMap((result) =>
    result.messages.filter((message) => message.severity === 2).map((message) => `${page.route}:${message.line}:${message.column}  ${message.ruleId}  ${message.message}`),
  );
}
