/**
 * The study's chapters: every chapter is published under its title, the Results embed
 * each coded excerpt once, under its subtheme and in article order, and the prose is our
 * own — it neither retypes participants' words nor reproduces the article's wording.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Element, Root, Text } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { visit } from 'unist-util-visit';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { loadStudy } from '../../src/study/load.ts';
import type { Study } from '../../src/study/index.ts';
import { repoRoot } from '../helpers/build-site.ts';
import { mdxProse, sharedRuns } from './shared-wording.ts';

const chaptersDir = join(repoRoot, 'content', 'chapters');
const article = readFileSync(join(repoRoot, 'tests', 'fixtures', 'article', 'clark-2019.txt'), 'utf8');

interface Chapter {
  slug: string;
  source: string;
  title: string;
  order: number;
}

const chapters: Chapter[] = readdirSync(chaptersDir)
  .filter((name) => name.endsWith('.mdx'))
  .map((name) => {
    const source = readFileSync(join(chaptersDir, name), 'utf8');
    return { slug: name.replace(/\.mdx$/, ''), source, title: frontmatterField(source, 'title'), order: Number(frontmatterField(source, 'order')) };
  })
  .sort((a, b) => a.order - b.order);

let study: Study;

beforeAll(async () => {
  const loaded = await loadStudy(join(repoRoot, 'content'));
  if (!loaded.study) throw new Error('The bundled study does not load; run npm run check.');
  study = loaded.study;
});

function frontmatterField(source: string, field: string): string {
  const match = new RegExp(`^${field}:\\s*(.+)$`, 'm').exec(source.split(/^---$/m)[1] ?? '');
  if (!match) throw new Error(`Chapter frontmatter has no ${field}`);
  return match[1]!.trim();
}

function page(slug: string): Root {
  return fromHtml(readFileSync(join(inject('distDir'), 'chapters', slug, 'index.html'), 'utf8'));
}

function textOf(node: Root | Element): string {
  let text = '';
  visit(node, 'text', (leaf: Text) => {
    text += leaf.value;
  });
  return text;
}

function isExcerptCard(node: Element): boolean {
  return node.tagName === 'article' && String(node.properties['id'] ?? '').startsWith('excerpt-');
}

describe('the chapters', () => {
  it('are the six chapters of the study, in reading order', () => {
    expect(chapters.map((chapter) => [chapter.order, chapter.slug])).toEqual([
      [1, 'introduction'],
      [2, 'method'],
      [3, 'results'],
      [4, 'discussion'],
      [5, 'limitations'],
      [6, 'conclusion'],
    ]);
  });

  it.each(chapters)('publishes $slug under its title', ({ slug, title }) => {
    const tree = page(slug);
    const headings: string[] = [];
    let documentTitle = '';
    visit(tree, 'element', (node: Element) => {
      if (node.tagName === 'h1') headings.push(textOf(node).trim());
      // SVG charts carry <title> elements of their own; the document title is the one in <head>.
      if (node.tagName === 'head') documentTitle = node.children.map((child) => (child.type === 'element' && child.tagName === 'title' ? textOf(child) : '')).join('');
    });
    expect(headings).toEqual([title]);
    expect(documentTitle).toContain(title);
  });

  it.each(chapters)('$slug types its own quotation marks, since SmartyPants is off', ({ source }) => {
    expect(mdxProse(source).match(/.{0,30}["'].{0,30}/g) ?? []).toEqual([]);
  });
});

describe('the Results chapter', () => {
  it('embeds every excerpt exactly once, in article order', () => {
    const embedded: string[] = [];
    visit(page('results'), 'element', (node: Element) => {
      if (isExcerptCard(node)) embedded.push(String(node.properties['id']).slice('excerpt-'.length));
    });
    expect(embedded).toEqual(study.excerpts.map((excerpt) => excerpt.id));
    expect(new Set(embedded).size).toBe(17);
  });

  it('places each excerpt under the section of the code it is coded to', () => {
    const sectionOf = new Map<string, string>();
    let section = '';
    visit(page('results'), 'element', (node: Element) => {
      if (node.tagName === 'h2') section = textOf(node).trim();
      if (isExcerptCard(node)) sectionOf.set(String(node.properties['id']).slice('excerpt-'.length), section);
    });
    for (const excerpt of study.excerpts) {
      const code = study.codeIndex.get(excerpt.codes[0]!)!;
      const expected = code.kind === 'theme' ? `Theme ${code.code.split('.')[0]}: ${code.name}` : `${code.code} ${code.name}`;
      expect(sectionOf.get(excerpt.id), excerpt.id).toBe(expected);
    }
  });

  it('embeds the session-phases chart after the session summaries and the theme-process chart before the themes', () => {
    const order: string[] = [];
    visit(page('results'), 'element', (node: Element) => {
      const classes = (node.properties['className'] as string[] | undefined) ?? [];
      if (node.tagName === 'figure' && classes.includes('cb-chart')) order.push(classes.find((name) => name.startsWith('cb-chart--')) ?? '');
      if (node.tagName === 'h2') order.push(textOf(node).trim());
    });
    expect(order.slice(0, 5)).toEqual(['Session summaries', 'cb-chart--phases', 'Four themes, one process', 'cb-chart--process', 'Theme 1: Separateness']);
  });

  it('has a section for every subtheme, including those the article quotes nothing for', () => {
    const headings: string[] = [];
    visit(page('results'), 'element', (node: Element) => {
      if (node.tagName === 'h2') headings.push(textOf(node).trim());
    });
    for (const info of study.codes.filter((code) => code.kind === 'subtheme')) expect(headings).toContain(`${info.code} ${info.name}`);
    expect(study.excerptsByCode.get('1.3')).toEqual([]);
  });
});

describe('the chapters’ prose is our own', () => {
  it.each(chapters)('$slug retypes no participant’s words: excerpts are embedded by id', ({ source }) => {
    const normalised = source.replace(/\s+/g, ' ').toLowerCase();
    const retyped = study.excerpts.flatMap((excerpt) =>
      excerpt.lines
        .map((line) => line.text.replace(/\s+/g, ' ').toLowerCase())
        .filter((text) => text.length >= 20 && normalised.includes(text))
        .map((text) => `${excerpt.id}: ${text}`),
    );
    expect(retyped).toEqual([]);
  });

  it.each(chapters)('$slug shares no run of 8 or more words with the article', ({ source }) => {
    expect(sharedRuns(mdxProse(source), article, 8)).toEqual([]);
  });

  it.each(chapters)('$slug leaves the session timings to the charts and tables', ({ source }) => {
    const timings = study.sessions.flatMap((session) => Object.values(session.durations ?? {}).map((duration) => duration.text));
    expect(timings.filter((timing) => source.includes(timing))).toEqual([]);
  });
});
