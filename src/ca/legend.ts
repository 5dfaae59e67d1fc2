/** A key to transcription symbols: under each transcript, and for the conventions appendix. */
import type { Element, ElementContent } from 'hast';
import { h } from 'hastscript';
import type { SymbolEntry } from './symbols.ts';

/** Legend options. */
export interface LegendOptions {
  /** `id` of the title, which labels the list. */
  readonly id: string;
  /** Title text. Default "Transcription symbols". */
  readonly title?: string;
}

/**
 * Render `entries` as a titled description list. Empty when there are none,
 * so a transcript of plain talk gets no empty key.
 */
export function legendToHast(entries: readonly SymbolEntry[], options: LegendOptions): Element[] {
  if (entries.length === 0) return [];
  return [
    h('div.ca-legend', [
      h('p.ca-legend-title', { id: options.id }, options.title ?? 'Transcription symbols'),
      h(
        'dl.ca-legend-list',
        entries.map((entry) => h('div.ca-legend-item', [h('dt', h('code.ca-legend-symbol', [glyph(entry)])), h('dd', [h('strong', entry.name), ` ${entry.meaning}`])])),
      ),
    ]),
  ];
}

/** Emphasis is shown underlined, as in print, not as the underscores Casebook stores. */
function glyph(entry: SymbolEntry): ElementContent | string {
  return entry.id === 'emphasis' ? h('span.ca-in-emphasis', 'word') : entry.symbol;
}
