/**
 * Where the study's prose refers to its records: every excerpt, reference, theme, unit and
 * glossary term a chapter or teaching page names through a component, with the page and
 * the section (the nearest heading above) it is named in. Read once per build from the
 * same MDX parse `npm run check` uses; pages turn it into backlinks ("cited in",
 * "discussed in") without re-reading any file.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import Slugger from 'github-slugger';
import type { Root, RootContent } from 'mdast';
import type { MdxJsxAttribute } from 'mdast-util-mdx-jsx';
import { VFile } from 'vfile';
import { mdxComponentSpecs, type MdxComponentName, type PropKind } from './components.ts';
import { readFrontmatter } from './frontmatter.ts';
import { parseMdx, proseFolders, type ProseFolder } from './check.ts';

/** A place in the prose: a page, and the section of it a reader is sent to. */
export interface ProsePlace {
  folder: ProseFolder;
  /** The file name without .mdx. */
  page: string;
  /** The page's title, from its frontmatter. */
  title: string;
  /** Teaching pages' kind (it decides their URL); undefined for chapters. */
  kind: string | undefined;
  /** Order of chapters, from the frontmatter, so lists follow the edition. */
  order: number;
  /** The nearest heading above the use, with the id Astro gives it (github-slugger, as @astrojs/markdown-remark does). */
  section: { text: string; slug: string } | undefined;
  /** Position among all uses in the edition's reading order, so lists merged from several records keep that order. */
  sequence: number;
}

/** The kinds of record prose refers to that have backlinks. */
export type UsedKind = 'excerpt' | 'reference' | 'code' | 'unit' | 'term';

export interface ProseUses {
  /** Record id (a unit by its number as a string) → the places naming it, in edition order, one per section. */
  excerpt: Map<string, ProsePlace[]>;
  reference: Map<string, ProsePlace[]>;
  code: Map<string, ProsePlace[]>;
  unit: Map<string, ProsePlace[]>;
  term: Map<string, ProsePlace[]>;
  /** How many places were recorded, the last `sequence` given. */
  count: number;
}

const usedKinds: Partial<Record<PropKind, UsedKind>> = { excerpt: 'excerpt', references: 'reference', code: 'code', unit: 'unit', term: 'term' };

/** Text of a heading as Astro's rehype-heading-ids reads it: its text, inline code and expressions. */
function headingText(node: RootContent): string {
  if (node.type === 'text' || node.type === 'inlineCode' || node.type === 'mdxTextExpression') return node.value;
  return 'children' in node ? node.children.map((child) => headingText(child as RootContent)).join('') : '';
}

/** The literal value of a string or number prop, as prose writes ids. */
function propValue(attribute: MdxJsxAttribute): string | undefined {
  if (typeof attribute.value === 'string') return attribute.value;
  if (attribute.value && typeof attribute.value === 'object') {
    const written = attribute.value.value.trim();
    return /^\d+$/.test(written) ? written : undefined;
  }
  return undefined;
}

/** Collects the uses in one parsed MDX file. */
export function usesInTree(tree: Root, place: Omit<ProsePlace, 'section' | 'sequence'>, into: ProseUses): void {
  const slugger = new Slugger();
  let section: ProsePlace['section'];
  const add = (kind: UsedKind, id: string) => {
    const list = into[kind].get(id) ?? [];
    const last = list.at(-1);
    // One entry per section: a work cited three times in a paragraph is one place to go.
    if (last?.folder === place.folder && last.page === place.page && last.section?.slug === section?.slug) return;
    list.push({ ...place, section, sequence: (into.count += 1) });
    into[kind].set(id, list);
  };
  const visit = (node: Root | RootContent) => {
    if (node.type === 'heading') {
      const text = headingText(node);
      section = { text, slug: slugger.slug(text) };
    }
    if ((node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') && node.name && node.name in mdxComponentSpecs) {
      const props = mdxComponentSpecs[node.name as MdxComponentName].props as Record<string, { kind: PropKind }>;
      for (const attribute of node.attributes) {
        if (attribute.type !== 'mdxJsxAttribute') continue;
        const kind = usedKinds[props[attribute.name]?.kind ?? 'text'];
        const value = propValue(attribute);
        if (!kind || value === undefined) continue;
        for (const id of kind === 'reference' ? value.split(',').map((part) => part.trim()) : [value]) add(kind, id);
      }
    }
    if ('children' in node) for (const child of node.children) visit(child);
  };
  visit(tree);
}

function emptyUses(): ProseUses {
  return { excerpt: new Map(), reference: new Map(), code: new Map(), unit: new Map(), term: new Map(), count: 0 };
}

/**
 * Reads every chapter and teaching page of a study folder for its uses. Called once per
 * build; the study has passed `npm run check`, so every file parses.
 */
export async function readProseUses(dir: string): Promise<ProseUses> {
  const uses = emptyUses();
  const pages: { tree: Root; place: Omit<ProsePlace, 'section' | 'sequence'> }[] = [];
  for (const folder of Object.keys(proseFolders) as ProseFolder[]) {
    const names = (await readdir(join(dir, folder)).catch(() => [] as string[])).filter((name) => name.endsWith('.mdx')).sort();
    for (const name of names) {
      const file = new VFile({ path: join(dir, folder, name), value: await readFile(join(dir, folder, name), 'utf8') });
      const { source, body } = readFrontmatter(file);
      const tree = parseMdx(file, body);
      const data = (source?.value ?? {}) as { title?: unknown; kind?: unknown; order?: unknown };
      if (!tree) continue;
      pages.push({
        tree,
        place: {
          folder,
          page: name.slice(0, -'.mdx'.length),
          title: typeof data.title === 'string' ? data.title : name,
          kind: typeof data.kind === 'string' ? data.kind : undefined,
          order: typeof data.order === 'number' ? data.order : 0,
        },
      });
    }
  }
  // Chapters first, in the edition's order, then teaching pages in theirs.
  pages.sort((a, b) => (a.place.folder === b.place.folder ? a.place.order - b.place.order || a.place.page.localeCompare(b.place.page) : a.place.folder === 'chapters' ? -1 : 1));
  for (const { tree, place } of pages) usesInTree(tree, place, uses);
  return uses;
}
