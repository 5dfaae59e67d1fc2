/**
 * Every route a reader expects exists with the right <title> and <h1>. The expected
 * routes are derived from the Study, so a recoded study is checked the same way.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { loadStudy } from '../../src/study/load.ts';
import type { Study } from '../../src/study/index.ts';
import { browserFacets, filterSlug } from '../../src/site/excerpt-facets.ts';
import { appendices } from '../../src/site/appendices.ts';
import { repoRoot } from '../helpers/build-site.ts';
import { elements, parsePage, textOf } from './html.ts';

interface Route {
  path: string;
  title: string;
  h1: string;
}

let study: Study;
let routes: Route[];

function chapterTitles(): { slug: string; title: string }[] {
  const dir = join(repoRoot, 'content', 'chapters');
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((file) => file.endsWith('.mdx'))
    .map((file) => {
      const title = /^title:\s*(?:"(.*)"|'(.*)'|(.*))$/m.exec(readFileSync(join(dir, file), 'utf8'));
      return { slug: file.replace(/\.mdx$/, ''), title: (title?.[1] ?? title?.[2] ?? title?.[3] ?? '').trim() };
    });
}

function expectedRoutes(): Route[] {
  const same = (path: string, text: string): Route => ({ path, title: text, h1: text });
  const facetPages = browserFacets(study).flatMap((facet) => facet.options.map((option) => same(`excerpts/${facet.name}/${filterSlug(facet.name, option.value)}/`, `Excerpts: ${option.label}`)));
  return [
    { path: '', title: study.meta.shortTitle, h1: study.meta.title },
    same('codebook/', 'Codebook'),
    ...study.codes.map((info) => same(info.kind === 'theme' ? `themes/${info.slug}/` : `themes/${info.theme.slug}/${info.slug}/`, `${info.code} ${info.name}`)),
    same('sessions/', 'Sessions'),
    ...study.sessions.map((session) => same(`sessions/${session.number}/`, session.title)),
    same('excerpts/', 'Excerpts'),
    ...study.excerpts.map((excerpt) => same(`excerpts/${excerpt.id}/`, excerpt.title)),
    ...facetPages,
    same('appendices/', 'Appendices'),
    ...appendices(study).map((entry) => same(`appendices/${entry.slug}/`, entry.title)),
    same('chapters/', 'Chapters'),
    ...chapterTitles().map((chapter) => same(`chapters/${chapter.slug}/`, chapter.title)),
    same('404.html', 'Page not found'),
  ];
}

beforeAll(async () => {
  const loaded = await loadStudy(join(repoRoot, 'content'));
  if (!loaded.study) throw new Error('The bundled study does not load');
  study = loaded.study;
  routes = expectedRoutes();
});

describe('routes of the bundled study', () => {
  it('cover every theme, subtheme, session, excerpt, filter and appendix', () => {
    expect(routes.length).toBe(
      1 +
        1 +
        study.codes.length +
        1 +
        study.sessions.length +
        1 +
        study.excerpts.length +
        browserFacets(study).reduce((sum, facet) => sum + facet.options.length, 0) +
        1 +
        appendices(study).length +
        1 +
        chapterTitles().length +
        1,
    );
    expect(routes.map((route) => route.path)).toContain('excerpts/session/none/');
  });

  it('each exists with its <title> and a single matching <h1>', async () => {
    const dist = inject('distDir');
    const problems: string[] = [];
    for (const route of routes) {
      const file = route.path.endsWith('.html') ? route.path : `${route.path}index.html`;
      if (!existsSync(join(dist, file))) {
        problems.push(`/${route.path}: missing (${file})`);
        continue;
      }
      const tree = await parsePage(dist, file);
      const title = textOf(elements(tree, (node) => node.tagName === 'title')[0] ?? { type: 'root', children: [] });
      const expectedTitle = route.title === study.meta.shortTitle ? route.title : `${route.title} · ${study.meta.shortTitle}`;
      if (title !== expectedTitle) problems.push(`/${route.path}: <title> is "${title}", expected "${expectedTitle}"`);
      const headings = elements(tree, (node) => node.tagName === 'h1').map(textOf);
      if (headings.length !== 1 || headings[0] !== route.h1) problems.push(`/${route.path}: <h1> is ${JSON.stringify(headings)}, expected "${route.h1}"`);
    }
    expect(problems.join('\n')).toBe('');
  });

  it('keeps the old /themes/ address working by redirecting to the codebook', () => {
    const html = readFileSync(join(inject('distDir'), 'themes', 'index.html'), 'utf8');
    expect(html).toMatch(/http-equiv="refresh" content="0;url=\/codebook\/"/);
  });
});
