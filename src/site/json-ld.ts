/**
 * schema.org descriptions of the article, the edition's pages and the data downloads, and
 * their safe serialisation into a `<script type="application/ld+json">`.
 */
import type { StudyMeta } from '../study/schemas/index.ts';
import { workId, editionName } from './edition.ts';

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

/** Where the work appears, as schema.org nests it: an article in its journal issue, a chapter in its book. */
function containerOf(meta: StudyMeta): JsonLdNode | undefined {
  const publication = meta.publication;
  if (publication.type === 'chapter') {
    return {
      '@type': 'Book',
      name: publication.book,
      editor: publication.editors.map((name) => ({ '@type': 'Person', givenName: name.given, familyName: name.family })),
      publisher: publication.publisher ? { '@type': 'Organization', name: publication.publisher } : undefined,
    };
  }
  if (publication.type !== 'article') return undefined;
  const periodical: JsonLdNode = { '@type': 'Periodical', name: publication.journal.name, issn: publication.journal.issn };
  const volume: JsonLdNode = publication.journal.volume === undefined ? periodical : { '@type': 'PublicationVolume', volumeNumber: String(publication.journal.volume), isPartOf: periodical };
  return publication.journal.issue === undefined ? volume : { '@type': 'PublicationIssue', issueNumber: String(publication.journal.issue), datePublished: String(meta.year), isPartOf: volume };
}

const workTypes = {
  article: 'ScholarlyArticle',
  thesis: 'Thesis',
  report: 'Report',
  preprint: 'ScholarlyArticle',
  chapter: 'Chapter',
  'teaching-case': 'LearningResource',
  unpublished: 'CreativeWork',
} as const satisfies Record<StudyMeta['publication']['type'], string>;

/** The published work: its type, authors, where it appears, licence and keywords. */
export function scholarlyWork(meta: StudyMeta, homeUrl: string): JsonLdNode {
  const publication = meta.publication;
  const institution = publication.type === 'thesis' || publication.type === 'report' ? publication.institution : publication.type === 'teaching-case' ? publication.institution : undefined;
  return {
    '@type': workTypes[publication.type],
    '@id': workId(meta, homeUrl),
    headline: meta.title,
    name: meta.title,
    author: meta.authors.map((author) => ({
      '@type': 'Person',
      name: `${author.given} ${author.family}`,
      givenName: author.given,
      familyName: author.family,
      affiliation: author.affiliation ? { '@type': 'Organization', name: author.affiliation } : undefined,
    })),
    datePublished: meta.published ?? String(meta.year),
    isPartOf: containerOf(meta),
    pagination: publication.type === 'article' ? publication.journal.pages : publication.type === 'chapter' ? publication.pages : undefined,
    inSupportOf: publication.type === 'thesis' ? publication.degree : undefined,
    sourceOrganization: institution ? { '@type': 'Organization', name: institution } : undefined,
    reportNumber: publication.type === 'report' ? publication.number : undefined,
    publisher: publication.type === 'preprint' ? { '@type': 'Organization', name: publication.repository } : undefined,
    creativeWorkStatus: publication.type === 'preprint' ? 'Preprint' : publication.type === 'unpublished' ? 'Unpublished' : undefined,
    license: meta.licence.url,
    keywords: meta.keywords,
    inLanguage: 'en',
    sameAs: meta.url,
  };
}

/** The graph every page carries: the edition, this page, and the work it is about. */
export function pageGraph(meta: StudyMeta, page: { url: string; title: string; description: string; homeUrl: string }): JsonLdNode {
  const website = `${page.homeUrl}#edition`;
  return {
    '@context': 'https://schema.org',
    '@graph': [
      { '@type': 'WebSite', '@id': website, url: page.homeUrl, name: editionName(meta), inLanguage: 'en', about: { '@id': workId(meta, page.homeUrl) } },
      {
        '@type': 'WebPage',
        '@id': page.url,
        url: page.url,
        name: page.title,
        description: page.description,
        isPartOf: { '@id': website },
        about: { '@id': workId(meta, page.homeUrl) },
        inLanguage: 'en',
      },
      scholarlyWork(meta, page.homeUrl),
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
/** `holds` lists what the data contains, e.g. "codebook, interviews, excerpts and references". */
export function dataset(meta: StudyMeta, homeUrl: string, aboutUrl: string, downloads: readonly Download[], holds: string): JsonLdNode {
  return {
    '@context': 'https://schema.org',
    '@type': 'Dataset',
    '@id': `${aboutUrl}#data`,
    name: `Coded data: ${meta.title}`,
    description: `The coded qualitative data of ${meta.authors.map((author) => `${author.given} ${author.family}`).join(', ')} (${meta.year}), "${meta.title}": ${holds}, as published in ${editionName(meta)}.`,
    url: `${aboutUrl}#data`,
    keywords: meta.keywords,
    license: meta.licence.url,
    creator: meta.authors.map((author) => ({ '@type': 'Person', name: `${author.given} ${author.family}` })),
    isBasedOn: { '@type': 'ScholarlyArticle', '@id': workId(meta, homeUrl), name: meta.title },
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
