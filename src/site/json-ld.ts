/**
 * schema.org descriptions of the article, the edition's pages and the data downloads, and
 * their safe serialisation into a `<script type="application/ld+json">`.
 */
import type { StudyMeta } from '../study/schemas/index.ts';
import { articleId, editionName } from './edition.ts';

type Json = string | number | boolean | null | Json[] | { [key: string]: Json | undefined };
export type JsonLdNode = { [key: string]: Json | undefined };

/**
 * JSON for inside a `<script>` element. `<`, `>` and `&` become `\u003c`, `\u003e` and
 * `\u0026` so data containing `</script>` or `<!--` cannot end the element or open a
 * comment; U+2028/U+2029 are escaped for old JavaScript parsers. The result is still the
 * same JSON value.
 */
export function serializeJsonLd(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</gu, '\\u003c')
    .replace(/>/gu, '\\u003e')
    .replace(/&/gu, '\\u0026')
    .replace(/\u2028/gu, '\\u2028')
    .replace(/\u2029/gu, '\\u2029');
}

/** The article: authors, journal issue, licence and keywords. */
export function scholarlyArticle(meta: StudyMeta, homeUrl: string): JsonLdNode {
  return {
    '@type': 'ScholarlyArticle',
    '@id': articleId(meta, homeUrl),
    headline: meta.title,
    name: meta.title,
    author: meta.authors.map((author) => ({
      '@type': 'Person',
      name: `${author.given} ${author.family}`,
      givenName: author.given,
      familyName: author.family,
      affiliation: author.affiliation ? { '@type': 'Organization', name: author.affiliation } : undefined,
    })),
    datePublished: meta.published,
    isPartOf: {
      '@type': 'PublicationIssue',
      issueNumber: String(meta.journal.issue),
      datePublished: String(meta.year),
      isPartOf: {
        '@type': 'PublicationVolume',
        volumeNumber: String(meta.journal.volume),
        isPartOf: { '@type': 'Periodical', name: meta.journal.name, issn: meta.journal.issn },
      },
    },
    pagination: meta.journal.pages,
    license: meta.licence.url,
    keywords: meta.keywords,
    inLanguage: 'en',
    sameAs: meta.url,
  };
}

/** The graph every page carries: the edition, this page, and the article it is about. */
export function pageGraph(meta: StudyMeta, page: { url: string; title: string; description: string; homeUrl: string }): JsonLdNode {
  const website = `${page.homeUrl}#edition`;
  return {
    '@context': 'https://schema.org',
    '@graph': [
      { '@type': 'WebSite', '@id': website, url: page.homeUrl, name: editionName(meta), inLanguage: 'en', about: { '@id': articleId(meta, page.homeUrl) } },
      { '@type': 'WebPage', '@id': page.url, url: page.url, name: page.title, description: page.description, isPartOf: { '@id': website }, about: { '@id': articleId(meta, page.homeUrl) }, inLanguage: 'en' },
      scholarlyArticle(meta, page.homeUrl),
    ],
  };
}

/** A download of the coded data. */
export interface Download {
  url: string;
  /** IANA media type, e.g. "text/csv". */
  encodingFormat: string;
  name: string;
  description: string;
  /** Size in bytes. */
  bytes: number;
}

/** The coded data as a schema.org Dataset with one DataDownload per file. */
export function dataset(meta: StudyMeta, homeUrl: string, aboutUrl: string, downloads: readonly Download[]): JsonLdNode {
  return {
    '@context': 'https://schema.org',
    '@type': 'Dataset',
    '@id': `${aboutUrl}#data`,
    name: `Coded data: ${meta.title}`,
    description: `The coded qualitative data of ${meta.authors.map((author) => `${author.given} ${author.family}`).join(', ')} (${meta.year}), "${meta.title}": codebook, sessions, coded transcript excerpts, questionnaires, data-collection procedure, references and glossary, as published in ${editionName(meta)}.`,
    url: `${aboutUrl}#data`,
    keywords: meta.keywords,
    license: meta.licence.url,
    creator: meta.authors.map((author) => ({ '@type': 'Person', name: `${author.given} ${author.family}` })),
    isBasedOn: { '@type': 'ScholarlyArticle', '@id': articleId(meta, homeUrl), name: meta.title },
    includedInDataCatalog: { '@type': 'DataCatalog', name: editionName(meta), url: homeUrl },
    distribution: downloads.map((download) => ({
      '@type': 'DataDownload',
      name: download.name,
      description: download.description,
      contentUrl: download.url,
      encodingFormat: download.encodingFormat,
      contentSize: `${download.bytes} B`,
    })),
  };
}
