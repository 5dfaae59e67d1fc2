/**
 * Highwire Press `citation_*` meta tags, which Google Scholar and Zotero read from a page
 * (see citation.ts for the shared records and APA).
 */
import type { Reference, StudyMeta } from '../study/schemas/index.ts';
import { invertedName, listedNames, ownReferences, splitPages } from './citation.ts';

/**
 * One `citation_reference` value in the key=value form HighWire journals emit and Google
 * Scholar reads: `citation_title=…; citation_author=…; citation_journal_title=…; …`.
 * Semicolons inside values would end a field early, so they become commas.
 */
export function highwireReference(reference: Reference): string {
  const clean = (value: string) => value.replace(/;/gu, ',').trim();
  const pages = reference.pages ? splitPages(reference.pages) : undefined;
  const fields: [string, string | undefined][] = [
    ['citation_title', reference.title],
    ...listedNames(reference).map((name): [string, string] => ['citation_author', invertedName(name)]),
    ['citation_journal_title', reference.type === 'article' ? reference.container : undefined],
    ['citation_inbook_title', reference.type === 'chapter' ? reference.container : undefined],
    ['citation_publisher', reference.type !== 'article' ? reference.publisher : undefined],
    ['citation_volume', reference.volume],
    ['citation_issue', reference.issue],
    ['citation_firstpage', pages?.first],
    ['citation_lastpage', pages?.last],
    ['citation_publication_date', reference.year === undefined ? undefined : String(reference.year)],
    ['citation_doi', reference.doi],
  ];
  return fields
    .filter((field): field is [string, string] => Boolean(field[1]))
    .map(([name, value]) => `${name}=${clean(value)}`)
    .join('; ');
}

/** The work's own Highwire Press tags, as `[name, content]` pairs in a stable order, with the fields of its publication type. */
export function highwireWork(meta: StudyMeta, references: readonly Reference[]): [string, string][] {
  const publication = meta.publication;
  const printed = publication.type === 'article' ? publication.journal.pages : publication.type === 'chapter' ? publication.pages : undefined;
  const pages = printed ? splitPages(printed) : undefined;
  const journal = publication.type === 'article' ? publication.journal : undefined;
  const tags: [string, string | undefined][] = [
    ['citation_title', meta.title],
    ...meta.authors.flatMap((author): [string, string | undefined][] => [
      ['citation_author', `${author.family}, ${author.given}`],
      ['citation_author_institution', author.affiliation],
    ]),
    ['citation_publication_date', (meta.published ?? String(meta.year)).replaceAll('-', '/')],
    ['citation_journal_title', journal?.name],
    ['citation_issn', journal?.issn],
    ['citation_volume', journal?.volume === undefined ? undefined : String(journal.volume)],
    ['citation_issue', journal?.issue === undefined ? undefined : String(journal.issue)],
    ['citation_inbook_title', publication.type === 'chapter' ? publication.book : undefined],
    ['citation_dissertation_institution', publication.type === 'thesis' ? publication.institution : undefined],
    ['citation_technical_report_institution', publication.type === 'report' ? publication.institution : undefined],
    ['citation_technical_report_number', publication.type === 'report' ? publication.number : undefined],
    [
      'citation_publisher',
      publication.type === 'chapter' ? publication.publisher : publication.type === 'preprint' ? publication.repository : publication.type === 'teaching-case' ? publication.institution : undefined,
    ],
    ['citation_firstpage', pages?.first],
    ['citation_lastpage', pages?.last],
    ['citation_doi', meta.doi],
    ['citation_keywords', meta.keywords.join('; ')],
    ['citation_language', 'en'],
    // Only the study's own reference list, not what this edition adds.
    ...ownReferences(references).map((reference): [string, string] => ['citation_reference', highwireReference(reference)]),
  ];
  return tags.filter((tag): tag is [string, string] => Boolean(tag[1]));
}
