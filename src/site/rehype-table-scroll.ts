/**
 * rehype plugin: wraps each table written in Markdown or MDX prose in the same scroll
 * region the site's own tables use (`.table-scroll`). Table cells never break a word or a
 * number to fit (global.css), so a table wider than the screen scrolls sideways inside
 * this region instead of squeezing its columns. A region that scrolls must be reachable
 * by keyboard (WCAG 2.1.1, axe `scrollable-region-focusable`), hence `tabindex="0"`, and
 * a focusable region needs a name (a named `<section>` is a region landmark): the table's caption, or else the heading the table
 * sits under.
 *
 * Browsers may end a line after any hyphen or dash, which would split a range of times or
 * a number-led compound ("0:00–" / "0:15", "35-" / "second"); in cells such words are
 * kept on one line.
 */
import type { Element, ElementContent, Root, RootContent, Text } from 'hast';
import { toString } from 'hast-util-to-string';
import { SKIP, visit } from 'unist-util-visit';

const heading = /^h[1-6]$/;
/** A run without spaces that starts with a digit and holds a hyphen or dash. */
const numberWithDash = /(?<!\S)\d\S*[-‐–—]\S*/gu;

function hasClass(node: Element, name: string): boolean {
  const className = node.properties.className;
  return Array.isArray(className) && className.includes(name);
}

/** The text split so that each number with a dash sits in a span that does not wrap; undefined when it has none. */
function keepNumbersWhole(text: Text): ElementContent[] | undefined {
  const parts: ElementContent[] = [];
  let from = 0;
  for (const match of text.value.matchAll(numberWithDash)) {
    if (match.index > from) parts.push({ type: 'text', value: text.value.slice(from, match.index) });
    parts.push({ type: 'element', tagName: 'span', properties: { className: ['nowrap'] }, children: [{ type: 'text', value: match[0] }] });
    from = match.index + match[0].length;
  }
  if (parts.length === 0) return undefined;
  if (from < text.value.length) parts.push({ type: 'text', value: text.value.slice(from) });
  return parts;
}

function keepCellNumbersWhole(table: Element): void {
  visit(table, 'element', (cell) => {
    if (cell.tagName !== 'td' && cell.tagName !== 'th') return;
    visit(cell, 'text', (text, index, parent) => {
      if (parent === undefined || index === undefined) return;
      const parts = keepNumbersWhole(text);
      if (parts === undefined) return;
      parent.children.splice(index, 1, ...(parts as typeof parent.children));
      return index + parts.length;
    });
    return SKIP;
  });
}

export default function rehypeTableScroll() {
  return (tree: Root) => {
    let lastHeading = '';
    let tables = 0;
    visit(tree, 'element', (node, index, parent) => {
      if (heading.test(node.tagName)) {
        lastHeading = toString(node).trim();
        return;
      }
      if (hasClass(node, 'table-scroll')) return SKIP;
      if (node.tagName !== 'table' || parent === undefined || index === undefined) return;
      tables += 1;
      const caption = node.children.find((child): child is Element => child.type === 'element' && child.tagName === 'caption');
      const name = (caption ? toString(caption).trim() : '') || lastHeading || `Table ${tables}`;
      keepCellNumbersWhole(node);
      const region: Element = {
        type: 'element',
        tagName: 'section',
        properties: { className: ['table-scroll'], tabIndex: 0, ariaLabel: name },
        children: [node],
      };
      (parent.children as RootContent[])[index] = region;
      return SKIP;
    });
  };
}
