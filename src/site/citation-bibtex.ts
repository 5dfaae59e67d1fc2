/**
 * BibTeX entries for the work this site publishes and for a page of the edition (see
 * citation.ts for the shared records and APA).
 */
import type { StudyMeta } from '../study/schemas/index.ts';
import { described, workPages, type PageCitation, type Publication } from './citation.ts';

/** Escapes the characters BibTeX and LaTeX treat specially inside a braced field. */
export function bibtexEscape(value: string): string {
  return value.replace(/[\\{}&%$#_~^]/gu, (character) => {
    switch (character) {
      case '\\':
        return '\\textbackslash{}';
      case '~':
        return '\\textasciitilde{}';
      case '^':
        return '\\textasciicircum{}';
      default:
        return `\\${character}`;
    }
  });
}

/** A citation key from a family name and a year: "okafor2021" (ASCII letters only). */
export function bibtexKey(family: string, year: string | number): string {
  const ascii = family
    .normalize('NFD')
    .replace(/[^A-Za-z]/gu, '')
    .toLowerCase();
  return `${ascii || 'anon'}${year}`;
}

function bibtexEntry(type: string, key: string, fields: [string, string | undefined][]): string {
  const present = fields.filter((field): field is [string, string] => field[1] !== undefined && field[1] !== '');
  const width = Math.max(...present.map(([name]) => name.length));
  const lines = present.map(([name, value]) => `  ${name.padEnd(width)} = {${value}}`);
  return `@${type}{${key},\n${lines.join(',\n')}\n}`;
}

const months = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** The BibTeX entry type for the work this site publishes. */
function bibtexType(publication: Publication): string {
  switch (publication.type) {
    case 'article':
      return 'article';
    case 'thesis':
      return /\b(?:phd|doctor|doctoral)\b/iu.test(publication.degree ?? '') ? 'phdthesis' : 'mastersthesis';
    case 'report':
      return 'techreport';
    case 'chapter':
      return 'incollection';
    case 'unpublished':
      return 'unpublished';
    default:
      return 'misc';
  }
}

/** BibTeX entry for the work this site publishes, typed by how it is published. */
export function bibtexWork(meta: StudyMeta): string {
  const publication = meta.publication;
  const month = meta.published === undefined ? undefined : months[Number(meta.published.slice(5, 7)) - 1];
  const pages = workPages(publication)?.replace('–', '--');
  const journal = publication.type === 'article' ? publication.journal : undefined;
  return bibtexEntry(bibtexType(publication), bibtexKey(meta.authors[0]!.family, meta.year), [
    ['author', meta.authors.map((author) => bibtexEscape(`${author.family}, ${author.given}`)).join(' and ')],
    ['title', bibtexEscape(meta.title)],
    ['journal', journal ? bibtexEscape(journal.name) : undefined],
    ['booktitle', publication.type === 'chapter' ? bibtexEscape(publication.book) : undefined],
    ['editor', publication.type === 'chapter' && publication.editors.length > 0 ? publication.editors.map((name) => bibtexEscape(`${name.family}, ${name.given}`)).join(' and ') : undefined],
    ['school', publication.type === 'thesis' ? bibtexEscape(publication.institution) : undefined],
    ['institution', publication.type === 'report' ? bibtexEscape(publication.institution) : undefined],
    ['publisher', publication.type === 'chapter' && publication.publisher ? bibtexEscape(publication.publisher) : undefined],
    [
      'howpublished',
      publication.type === 'preprint' ? bibtexEscape(publication.repository) : publication.type === 'teaching-case' && publication.institution ? bibtexEscape(publication.institution) : undefined,
    ],
    ['type', publication.type === 'thesis' && publication.degree ? bibtexEscape(publication.degree) : undefined],
    ['year', String(meta.year)],
    ['month', month],
    ['volume', journal?.volume === undefined ? undefined : String(journal.volume)],
    ['number', journal?.issue === undefined ? (publication.type === 'report' ? publication.number : undefined) : String(journal.issue)],
    ['pages', pages],
    ['issn', journal?.issn],
    ['note', publication.type === 'teaching-case' ? 'Teaching case' : publication.type === 'unpublished' ? 'Unpublished manuscript' : undefined],
    ['doi', meta.doi],
    ['url', meta.url],
  ]);
}

/** BibTeX `@misc` for a page of this online edition (read by BibTeX, biblatex and Zotero). */
export function bibtexPage(page: PageCitation, key: string): string {
  return bibtexEntry('misc', key, [
    ['title', bibtexEscape(page.title)],
    ['howpublished', bibtexEscape(page.siteName)],
    ['note', described(page) === undefined ? undefined : bibtexEscape(described(page)!).replace('–', '--')],
    ['url', page.url],
  ]);
}
