/**
 * "On this page": a long page's section headings, read from its rendered HTML, become a
 * contents list, and each heading gets a permalink. Reading the rendered page (rather
 * than a list each page keeps by hand) means the contents can never disagree with the
 * headings, whether they come from MDX prose or from a page's components.
 *
 * A section heading is an h2–h4 outside the page's self-contained blocks (an excerpt
 * card, an aside, a figure, a disclosure; an element with class `no-outline`): an
 * excerpt's title names the excerpt, not a part of the page. Headings keep the ids they have; one without gets a slug that no other
 * id on the page uses. The permalink follows its heading, grouped with it
 * (rehype-autolink-headings), so the heading's own name stays exactly its text.
 */
import GithubSlugger from 'github-slugger';
import type { Element, ElementContent, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toHtml } from 'hast-util-to-html';
import { toString } from 'hast-util-to-string';
import { h } from 'hastscript';
import rehypeAutolinkHeadings from 'rehype-autolink-headings';
import { CONTINUE, EXIT, SKIP, visit } from 'unist-util-visit';

export interface OutlineEntry {
  /** 2 for a section, 3 for a subsection. */
  depth: number;
  id: string;
  text: string;
}

export interface Outline {
  /** The page's HTML with ids and permalinks added. */
  html: string;
  /** The headings down to the requested depth, in page order. */
  entries: OutlineEntry[];
}

/** Blocks whose headings title the block, not a section of the page. */
const selfContained = new Set(['article', 'aside', 'details', 'figure', 'nav', 'header', 'footer', 'dialog', 'template']);
const headingDepth: Record<string, number> = { h2: 2, h3: 3, h4: 4 };

/** Whether the block holds the page's title: then it is the page itself (a page's <article>), not a block in it. */
function holdsTitle(node: Element): boolean {
  let found = false;
  visit(node, 'element', (child) => {
    if (child.tagName === 'h1') found = true;
    return found ? EXIT : CONTINUE;
  });
  return found;
}

function classes(node: Element): string[] {
  const className = node.properties.className;
  return Array.isArray(className) ? className.map(String) : [];
}

/**
 * Adds ids and permalinks to the section headings of `html` and lists those down to
 * `depth` (2: sections; 3: sections and subsections).
 */
export function outline(html: string, depth: 2 | 3): Outline {
  const tree: Root = fromHtml(html, { fragment: true });
  const slugger = new GithubSlugger();
  visit(tree, 'element', (node) => {
    if (typeof node.properties.id === 'string') slugger.slug(node.properties.id);
  });

  const sections = new Set<Element>();
  const entries: OutlineEntry[] = [];
  visit(tree, 'element', (node) => {
    if ((selfContained.has(node.tagName) && !holdsTitle(node)) || classes(node).includes('no-outline')) return SKIP;
    const level = headingDepth[node.tagName];
    if (level === undefined) return CONTINUE;
    const text = toString(node).replace(/\s+/g, ' ').trim();
    if (text === '') return SKIP;
    if (typeof node.properties.id !== 'string' || node.properties.id === '') node.properties.id = slugger.slug(text);
    sections.add(node);
    if (level <= depth) entries.push({ depth: level, id: String(node.properties.id), text });
    return SKIP;
  });

  rehypeAutolinkHeadings({
    behavior: 'after',
    test: (node) => sections.has(node as Element),
    group: (node) => h(`div.heading.heading--${node.tagName}`),
    properties: { className: ['heading__anchor'] },
    content: (node): ElementContent[] => [h('span', { ariaHidden: 'true' }, '#'), h('span.visually-hidden', `Link to the section “${toString(node).replace(/\s+/g, ' ').trim()}”`)],
  })(tree);
  return { html: toHtml(tree), entries };
}

export interface OutlineSection extends OutlineEntry {
  /** Its subsections. */
  children: OutlineEntry[];
}

/** The entries as sections with their subsections (a subsection before any section stands alone). */
export function nest(entries: readonly OutlineEntry[]): OutlineSection[] {
  const top = Math.min(...entries.map((entry) => entry.depth));
  const sections: OutlineSection[] = [];
  for (const entry of entries) {
    const parent = sections.at(-1);
    if (entry.depth > top && parent) parent.children.push(entry);
    else sections.push({ ...entry, children: [] });
  }
  return sections;
}
