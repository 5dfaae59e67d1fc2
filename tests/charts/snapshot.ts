/**
 * Chart snapshots as reviewable files, after Observable Plot's snapshot tests: the hast is
 * normalised (numbers rounded to 3 decimals, ids re-indexed in document order, one element
 * per line) and compared with `toMatchFileSnapshot`. On a mismatch the new output is also
 * written next to it as `<name>-changed.<ext>`, to open side by side with the old one.
 */
import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Element, ElementContent } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { expect } from 'vitest';

const snapshots = join(import.meta.dirname, '__snapshots__');

function round(text: string): string {
  return text.replace(/-?\d+\.\d{4,}/g, (number) => String(Math.round(Number(number) * 1000) / 1000));
}

/** A normalised copy of `tree`: rounded numbers and ids `id-0`, `id-1`… with references updated. */
export function normalise(tree: Element): Element {
  const copy = structuredClone(tree);
  const ids = new Map<string, string>();
  const collect = (node: Element) => {
    if (typeof node.properties.id === 'string') ids.set(node.properties.id, `id-${ids.size}`);
    for (const child of node.children) if (child.type === 'element') collect(child);
  };
  collect(copy);
  const rename = (value: string) => {
    let out = ids.get(value) ?? value;
    for (const [from, to] of ids) out = out.replaceAll(`#${from})`, `#${to})`);
    return round(out);
  };
  const visit = (node: Element) => {
    for (const [key, value] of Object.entries(node.properties)) {
      if (typeof value === 'number') node.properties[key] = Math.round(value * 1000) / 1000;
      else if (typeof value === 'string') node.properties[key] = rename(value);
      else if (Array.isArray(value)) node.properties[key] = value.map((item) => (typeof item === 'string' ? rename(item) : item));
    }
    for (const child of node.children) if (child.type === 'element') visit(child);
  };
  visit(copy);
  return copy;
}

/** One element per line, indented; an element holding only text stays on one line. */
export function pretty(node: ElementContent, depth = 0, space: 'html' | 'svg' = 'html'): string {
  const indent = '  '.repeat(depth);
  if (node.type !== 'element') return node.type === 'text' && node.value.trim() === '' ? '' : `${indent}${toHtml(node)}`;
  const inner = node.tagName === 'svg' ? 'svg' : space;
  const serialise = (element: Element) => toHtml(element, { space: inner });
  if (node.children.every((child) => child.type === 'text')) return `${indent}${serialise(node)}`;
  const shell = serialise({ ...node, children: [] });
  const close = `</${node.tagName}>`;
  const open = shell.endsWith(close) ? shell.slice(0, -close.length) : shell;
  const children = node.children.map((child) => pretty(child, depth + 1, inner)).filter(Boolean);
  return [`${indent}${open}`, ...children, `${indent}${close}`].join('\n');
}

/** Compares `tree` with `__snapshots__/<name>.<ext>`; writes `<name>-changed.<ext>` when it differs. */
export async function expectSnapshot(tree: Element, name: string, ext: 'svg' | 'html' = 'svg'): Promise<void> {
  const text = `${pretty(normalise(tree))}\n`;
  const changed = join(snapshots, `${name}-changed.${ext}`);
  try {
    await expect(text).toMatchFileSnapshot(join(snapshots, `${name}.${ext}`));
    await rm(changed, { force: true });
  } catch (error) {
    await writeFile(changed, text);
    throw error;
  }
}
