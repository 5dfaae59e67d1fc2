/** Syntax tree → HTML string, for `set:html` in Astro components. */
import { toHtml as hastToHtml } from 'hast-util-to-html';
import { toHast, type ToHastOptions } from './to-hast.ts';
import type { Transcript } from './types.ts';

/** Render `tree` to HTML; all talk is escaped by hast-util-to-html. */
export function toHtml(tree: Transcript, options: ToHastOptions = {}): string {
  return hastToHtml(toHast(tree, options));
}
