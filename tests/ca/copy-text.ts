/**
 * What a reader's copy of a rendered transcript yields: the text of each line,
 * leaving out what `transcript.css` makes unselectable (line numbers, spoken
 * names, tooltips). Works on the HTML string, parsed back, so it tests what
 * ships rather than the intermediate tree.
 */
import type { Element, Root, RootContent } from 'hast';
import { fromHtml } from 'hast-util-from-html';

/** Classes of added text that `transcript.css` marks `user-select: none`. */
export const unselectable = ['ca-n', 'ca-sr', 'ca-tip'];

function classes(node: Element): string[] {
  const value = node.properties['className'];
  return Array.isArray(value) ? value.map(String) : [];
}

function textOf(node: Root | RootContent): string {
  if (node.type === 'text') return node.value;
  if (node.type !== 'element' && node.type !== 'root') return '';
  if (node.type === 'element' && classes(node).some((name) => unselectable.includes(name))) return '';
  return node.children.map(textOf).join('');
}

/** Every element under `node` with class `name`, in document order. */
export function byClass(node: Root | RootContent, name: string): Element[] {
  if (node.type !== 'element' && node.type !== 'root') return [];
  const own = node.type === 'element' && classes(node).includes(name) ? [node] : [];
  return [...own, ...node.children.flatMap((child) => byClass(child, name))];
}

/** The copied text of each printed line's talk column. */
export function copiedTalk(html: string): string[] {
  return byClass(fromHtml(html, { fragment: true }), 'ca-talk').map(textOf);
}

/** The copied text of each printed line, label included. */
export function copiedLines(html: string): string[] {
  return byClass(fromHtml(html, { fragment: true }), 'ca-line').map(textOf);
}

export { fromHtml };
