/**
 * One key to the transcription symbols per page, instead of one under every transcript
 * (a Results chapter quotes seventeen). Each transcript names the symbols it uses in
 * `data-ca-symbols` (src/ca/handlers/structure.ts); the page's key lists their union in
 * the symbol table's order, folded in a disclosure after the page's content.
 */
import { toHtml } from 'hast-util-to-html';
import { h } from 'hastscript';
import { legendToHast, symbols } from '../../ca/index.ts';

/** `id` of the key's list, which transcripts link to ("Key to symbols"). */
export const symbolKeyId = 'symbol-key';

/** The key's HTML for a page's rendered `html`; empty when no transcript on it uses a symbol. */
export function symbolKeyHtml(html: string): string {
  const used = new Set<string>();
  for (const match of html.matchAll(/ data-ca-symbols="([^"]*)"/gu)) for (const id of (match[1] ?? '').split(' ')) if (id) used.add(id);
  const entries = symbols.filter((entry) => used.has(entry.id));
  if (entries.length === 0) return '';
  const legend = legendToHast(entries, { id: `${symbolKeyId}-title`, title: 'Transcription symbols on this page' });
  return toHtml(h('details.ca-key', { id: symbolKeyId, dataPagefindIgnore: '' }, [h('summary', `Key to the transcription symbols (${String(entries.length)})`), ...legend]));
}
