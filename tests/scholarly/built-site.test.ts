/**
 * The scholarly layer of the built bundled study: Highwire Press tags, JSON-LD, Open
 * Graph, the references page, and the data downloads read back and compared with the
 * study they were built from.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { loadStudy } from '../../src/study/load.ts';
import type { Study } from '../../src/study/index.ts';
import { parseCsv } from './csv.ts';

const distDir = inject('distDir');
const page = (path: string) => readFile(join(distDir, path, 'index.html'), 'utf8');
let study: Study;

beforeAll(async () => {
  const loaded = await loadStudy(join(import.meta.dirname, '..', '..', 'content'));
  if (!loaded.study) throw new Error('the bundled study does not load');
  study = loaded.study;
});

/** `<meta name|property="…" content="…">` pairs, entities decoded. */
function metaTags(html: string): [string, string][] {
  const decode = (value: string) =>
    value
      .replace(/&quot;/gu, '"')
      .replace(/&#39;/gu, "'")
      .replace(/&lt;/gu, '<')
      .replace(/&gt;/gu, '>')
      .replace(/&amp;/gu, '&');
  return [...html.matchAll(/<meta (?:name|property)="([^"]+)" content="([^"]*)"/gu)].map((match) => [match[1]!, decode(match[2]!)]);
}

function jsonLdBlocks(html: string): unknown[] {
  return [...html.matchAll(/<script type="application\/ld\+json">(.*?)<\/script>/gsu)].map((match) => JSON.parse(match[1]!));
}

const pages = ['', 'excerpts/puppy-preschool', 'references', 'about', 'themes/separateness'];

describe('Highwire Press tags for Google Scholar and reference managers', () => {
  it.each(pages)('describe the article on /%s', async (path) => {
    const tags = metaTags(await page(path));
    const value = (name: string) => tags.filter(([key]) => key === name).map(([, content]) => content);
    expect(value('citation_title')).toEqual([study.meta.title]);
    expect(value('citation_author')).toEqual(['Clark, Timothy']);
    expect(value('citation_publication_date')).toEqual(['2019/09']);
    expect(value('citation_journal_title')).toEqual(['International Journal of Therapeutic Massage and Bodywork']);
    expect(value('citation_volume')).toEqual(['12']);
    expect(value('citation_issue')).toEqual(['3']);
    expect(value('citation_firstpage')).toEqual([]);
    expect(value('citation_pdf_url')).toEqual([]);
    const references = value('citation_reference');
    expect(references).toHaveLength(24);
    expect(references[1]).toBe(
      'citation_title=A meta-analysis of massage therapy research; citation_author=Moyer, C. A.; citation_author=Rounds, J.; citation_author=Hannum, J. W.; citation_journal_title=Psych Bull; citation_volume=130; citation_issue=1; citation_firstpage=3; citation_lastpage=18; citation_publication_date=2004',
    );
  });
});

describe('Open Graph and the canonical URL', () => {
  it('name the page, its description, its canonical URL and the edition', async () => {
    const html = await page('excerpts/puppy-preschool');
    const tags = new Map(metaTags(html));
    const canonical = html.match(/<link rel="canonical" href="([^"]+)"/u)?.[1];
    expect(canonical).toBe('https://casebook.example.org/excerpts/puppy-preschool/');
    expect(tags.get('og:url')).toBe(canonical);
    expect(tags.get('og:type')).toBe('website');
    expect(tags.get('og:title')).toMatch(/^back to puppy preschool · /u);
    expect(tags.get('og:description')).toBe(study.excerptIndex.get('puppy-preschool')!.leadIn);
    expect(tags.get('og:site_name')).toBe(`${study.meta.title}: An online edition`);
    expect(tags.get('twitter:card')).toBe('summary');
  });
});

describe('JSON-LD', () => {
  it('describes the edition, the page and the article on every page', async () => {
    for (const path of pages) {
      const blocks = jsonLdBlocks(await page(path)) as { '@graph'?: Record<string, unknown>[] }[];
      const graph = blocks.flatMap((block) => block['@graph'] ?? []);
      expect(graph.map((node) => node['@type'])).toEqual(['WebSite', 'WebPage', 'ScholarlyArticle']);
      const article = graph[2]!;
      expect(article).toMatchObject({
        headline: study.meta.title,
        author: [{ '@type': 'Person', name: 'Timothy Clark' }],
        license: 'http://creativecommons.org/licenses/by-nc-nd/3.0/',
        isPartOf: {
          '@type': 'PublicationIssue',
          issueNumber: '3',
          isPartOf: { '@type': 'PublicationVolume', volumeNumber: '12', isPartOf: { '@type': 'Periodical', name: 'International Journal of Therapeutic Massage and Bodywork' } },
        },
      });
    }
  });

  it('describes the downloads as a Dataset on the about page', async () => {
    const blocks = jsonLdBlocks(await page('about')) as Record<string, unknown>[];
    const data = blocks.find((block) => block['@type'] === 'Dataset') as { distribution: { '@type': string; contentUrl: string; encodingFormat: string }[]; license: string };
    expect(data.license).toBe(study.meta.licence.url);
    expect(data.distribution.map((entry) => [entry['@type'], entry.contentUrl, entry.encodingFormat])).toEqual([
      ['DataDownload', 'https://casebook.example.org/data/study.json', 'application/json'],
      ['DataDownload', 'https://casebook.example.org/data/excerpts.csv', 'text/csv'],
    ]);
  });
});

describe('the references page', () => {
  it('lists every reference in APA 7 with its anchor and the article’s number', async () => {
    const html = await page('references');
    const ids = [...html.matchAll(/<li id="ref-([^"]+)"/gu)].map((match) => match[1]);
    expect(ids.toSorted()).toEqual(study.references.map((reference) => reference.id).toSorted());
    expect(html).toContain('Reference 2 in the article');
    expect(html).toContain('Moyer, C. A., Rounds, J., &amp; Hannum, J. W. (2004). A meta-analysis of massage therapy research. <i>Psych Bull</i>, <i>130</i>(1), 3–18.');
    expect(html).toContain('In T. Dryden &amp; C. A. Moyer (Eds.), <i>Massage Therapy: Integrating Research and Practice</i> (pp. 168–180). Human Kinetics.');
  });
});

describe('the data downloads', () => {
  it('/data/study.json is a versioned export of the whole study', async () => {
    const data = JSON.parse(await readFile(join(distDir, 'data', 'study.json'), 'utf8'));
    expect(data.format).toBe('casebook-study');
    expect(data.formatVersion).toBe(1);
    expect(data.documentation).toBe('https://casebook.example.org/about/#data');
    expect(Object.keys(data)).toEqual(['format', 'formatVersion', 'documentation', 'meta', 'codebook', 'sessions', 'excerpts', 'questionnaires', 'references', 'glossary', 'procedure']);
    expect(data.excerpts).toHaveLength(17);
    expect(data.references.filter((reference: { number?: number }) => reference.number !== undefined)).toHaveLength(24);
    expect(data.references).toHaveLength(study.references.length);
    expect(data.excerpts.map((excerpt: { id: string }) => excerpt.id)).toEqual(study.excerpts.map((excerpt) => excerpt.id));
    expect(data.codebook.themes.map((theme: { code: string }) => theme.code)).toEqual(['1.0', '2.0', '3.0', '4.0']);
    expect(JSON.stringify(data)).not.toContain('$schema');
  });

  it('/data/excerpts.csv parses back to one row per excerpt with the study’s codes and exact transcripts', async () => {
    const bytes = await readFile(join(distDir, 'data', 'excerpts.csv'));
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const [header, ...rows] = parseCsv(bytes.toString('utf8').slice(1));
    expect(header).toEqual(['id', 'title', 'session', 'source', 'speakers', 'codes', 'transcript', 'lead_in', 'interpretation', 'article_section', 'article_order']);
    expect(rows).toHaveLength(17);
    for (const row of rows) {
      const record = Object.fromEntries(header!.map((name, index) => [name, row[index]]));
      const excerpt = study.excerptIndex.get(record.id!)!;
      expect(record.codes!.split('; ')).toEqual(excerpt.codes);
      expect(record.session).toBe(excerpt.session === null ? '' : String(excerpt.session));
      expect(record.interpretation).toBe(excerpt.interpretation);
      const quoted = excerpt.lines.map((line) => line.text);
      expect(record.transcript!.split('\n').map((line) => line.replace(/^(?:Client|Therapist|Researcher): /u, ''))).toEqual(quoted);
    }
  });
});
