/**
 * Backlinks and empty states in the built bundled site, derived from the study and from
 * where its prose names each record: every reference lists where the edition cites it,
 * every excerpt where the text discusses it, every theme page where the text discusses the
 * theme; a code without excerpts says so under its heading instead of leaving it empty.
 * (That each link's #section exists is the link gate's job, on every page.)
 */
import { join } from 'node:path';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { loadStudy } from '../../src/study/load.ts';
import { readProseUses, type ProseUses } from '../../src/study/prose/uses.ts';
import type { Study } from '../../src/study/index.ts';
import { repoRoot } from '../helpers/build-site.ts';
import { elements, parsePage, textOf } from './html.ts';

let study: Study;
let uses: ProseUses;
const dist = () => inject('distDir');
const section = (slug: string | undefined) => (slug ? `#${slug}` : '');

beforeAll(async () => {
  study = (await loadStudy(join(repoRoot, 'content'))).study!;
  uses = await readProseUses(join(repoRoot, 'content'));
});

describe('backlinks', () => {
  it('lists under each reference the sections that cite it', async () => {
    const page = await parsePage(dist(), 'references/index.html');
    let checked = 0;
    for (const reference of study.references) {
      const [entry] = elements(page, (element) => element.properties.id === `ref-${reference.id}`);
      const links = elements(entry!, (element) => element.tagName === 'a' && typeof element.properties.href === 'string' && !/^https?:/.test(String(element.properties.href))).map(
        (a) => a.properties.href,
      );
      const expected = [...new Set((uses.reference.get(reference.id) ?? []).map((place) => `${place.folder === 'chapters' ? `/chapters/${place.page}/` : ''}${section(place.section?.slug)}`))];
      for (const href of expected.filter((href) => href.startsWith('/chapters/'))) expect(links).toContain(href);
      if (expected.length === 0) expect(textOf(entry!)).not.toContain('Cited in');
      checked += expected.length;
    }
    expect(checked).toBeGreaterThan(10);
  });

  it('lists on each excerpt’s page the sections that discuss it', async () => {
    let checked = 0;
    for (const excerpt of study.excerpts) {
      const page = await parsePage(dist(), `excerpts/${excerpt.id}/index.html`);
      const hrefs = elements(page, (element) => element.tagName === 'a').map((a) => String(a.properties.href));
      for (const place of uses.excerpt.get(excerpt.id) ?? []) {
        if (place.folder !== 'chapters') continue;
        expect(hrefs).toContain(`/chapters/${place.page}/${section(place.section?.slug)}`);
        checked += 1;
      }
    }
    expect(checked).toBeGreaterThan(10);
  });

  it('links each theme page to where the text discusses it', async () => {
    for (const info of study.codes) {
      const path = info.kind === 'theme' ? `themes/${info.slug}/index.html` : `themes/${info.theme.slug}/${info.slug}/index.html`;
      const page = await parsePage(dist(), path);
      const [discussed] = elements(page, (element) => element.tagName === 'section' && element.properties.ariaLabelledBy?.toString() === 'discussed');
      const named = uses.code.get(info.code) ?? [];
      if (named.length === 0) continue;
      const hrefs = elements(discussed!, (element) => element.tagName === 'a').map((a) => String(a.properties.href));
      for (const place of named.filter((place) => place.folder === 'chapters')) expect(hrefs).toContain(`/chapters/${place.page}/${section(place.section?.slug)}`);
    }
  });
});

describe('empty states', () => {
  it('says under a code’s heading that the work quotes no excerpt for it, and where the text discusses it', async () => {
    const empty = study.codes.filter((info) => info.leaf && (study.excerptsByCode.get(info.code)?.length ?? 0) === 0);
    expect(empty.length).toBeGreaterThan(0);
    for (const info of empty) {
      for (const path of [`themes/${info.theme.slug}/${info.kind === 'subtheme' ? `${info.slug}/` : ''}index.html`, `themes/${info.theme.slug}/index.html`]) {
        const page = await parsePage(dist(), path);
        const note = elements(page, (element) => element.tagName === 'p' && String(element.properties.className).includes('no-excerpts'));
        expect(note.length, path).toBeGreaterThanOrEqual(1);
        expect(textOf(note[0]!)).toMatch(/^The article quotes no excerpt for this (sub)?theme\./);
        const chapterPlaces = (uses.code.get(info.code) ?? []).filter((place) => place.folder === 'chapters');
        const hrefs = elements(note[0]!, (element) => element.tagName === 'a').map((a) => String(a.properties.href));
        for (const place of chapterPlaces) expect(hrefs).toContain(`/chapters/${place.page}/${section(place.section?.slug)}`);
        // No list of excerpts stands empty under a heading.
        expect(
          elements(
            page,
            (element) => element.tagName === 'ol' && String(element.properties.className).includes('code-page__list') && element.children.filter((child) => child.type === 'element').length === 0,
          ),
        ).toEqual([]);
      }
    }
  });
});
