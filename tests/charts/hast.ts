/** Small queries over hast trees for assertions. */
import type { Element, ElementContent } from 'hast';

export function findAll(node: Element, test: (element: Element) => boolean): Element[] {
  const found: Element[] = [];
  const visit = (element: Element) => {
    if (test(element)) found.push(element);
    for (const child of element.children) if (child.type === 'element') visit(child);
  };
  visit(node);
  return found;
}

/** Elements with a class. */
export function byClass(node: Element, name: string): Element[] {
  return findAll(node, (element) => Array.isArray(element.properties.className) && element.properties.className.includes(name));
}

/** Visible text: text nodes, leaving out `<title>` tooltips below the node. */
export function textOf(node: ElementContent): string {
  if (node.type === 'text') return node.value;
  if (node.type === 'element') return node.children.map((child) => (child.type === 'element' && child.tagName === 'title' ? '' : textOf(child))).join('');
  return '';
}

/** HTML with attribute values removed, to look for markup injected into text. */
export function withoutAttributeValues(html: string): string {
  return html.replace(/="[^"]*"/g, '=""');
}

/** A numeric property. */
export function n(element: Element, name: string): number {
  const value = element.properties[name];
  if (typeof value !== 'number') throw new TypeError(`Expected numeric ${name}, got ${String(value)}`);
  return value;
}
