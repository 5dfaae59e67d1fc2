/**
 * Serialising charts, and the building blocks of their data tables. Everything is hast, so
 * text from data is escaped by construction; nothing here concatenates HTML from data.
 */
import type { Element, ElementContent, Root } from 'hast';
import type { Properties } from 'hastscript';
import { h } from 'hastscript';
import { toHtml as hastToHtml } from 'hast-util-to-html';

/** HTML for a chart element (SVG or table), ready for Astro's `set:html`. */
export function toHtml(node: Element | Root | readonly Element[]): string {
  const tree: Root = Array.isArray(node) ? { type: 'root', children: [...node] } : (node as Element | Root).type === 'root' ? (node as Root) : { type: 'root', children: [node as Element] };
  return hastToHtml(tree, { space: 'html' });
}

export type Cell = string | number | ElementContent | readonly ElementContent[];

export interface DataTableOptions {
  caption: string;
  /** Column headers. */
  columns: readonly string[];
  /** Rows; the first cell of each is its row header. */
  rows: readonly { cells: readonly Cell[]; properties?: Properties }[];
  /** Footer rows (e.g. totals), first cell a row header. */
  footer?: readonly { cells: readonly Cell[]; properties?: Properties }[];
  /** Notes printed under the table, inside its caption's figure. */
  className?: string;
}

function cellContent(cell: Cell): ElementContent[] {
  if (typeof cell === 'string' || typeof cell === 'number') return [{ type: 'text', value: String(cell) }];
  return Array.isArray(cell) ? [...(cell as readonly ElementContent[])] : [cell as ElementContent];
}

/** A plain data table: caption, column headers, a row header per row. */
export function dataTable({ caption, columns, rows, footer = [], className = 'cb-data-table' }: DataTableOptions): Element {
  const row = (cells: readonly Cell[], properties: Properties = {}) =>
    h(
      'tr',
      properties,
      cells.map((cell, i) => (i === 0 ? h('th', { scope: 'row' }, cellContent(cell)) : h('td', cellContent(cell)))),
    );
  return h('table', { className: [className] }, [
    h('caption', caption),
    h(
      'thead',
      h(
        'tr',
        columns.map((column) => h('th', { scope: 'col' }, column)),
      ),
    ),
    h(
      'tbody',
      rows.map((r) => row(r.cells, r.properties)),
    ),
    ...(footer.length > 0
      ? [
          h(
            'tfoot',
            footer.map((r) => row(r.cells, r.properties)),
          ),
        ]
      : []),
  ]);
}
