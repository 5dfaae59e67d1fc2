/**
 * RIS records (reference managers' exchange format) for the work this site publishes and
 * for a page of the edition (see citation.ts for the shared records and APA).
 */
import type { StudyMeta } from '../study/schemas/index.ts';
import { lineLabel, splitPages, type PageCitation, type Publication } from './citation.ts';

/** RIS lines ("TY  - JOUR"), ending with the mandatory "ER  - ". */
function risRecord(fields: [string, string | undefined][]): string {
  return [...fields.filter((field): field is [string, string] => Boolean(field[1])).map(([tag, value]) => `${tag}  - ${value.replace(/\s*\n\s*/gu, ' ')}`), 'ER  - '].join('\n');
}

const risTypes = { article: 'JOUR', thesis: 'THES', report: 'RPRT', preprint: 'UNPB', chapter: 'CHAP', 'teaching-case': 'GEN', unpublished: 'UNPB' } as const satisfies Record<
  Publication['type'],
  string
>;

/** RIS record for the work this site publishes, typed by how it is published. */
export function risWork(meta: StudyMeta): string {
  const publication = meta.publication;
  const printed = publication.type === 'article' ? publication.journal.pages : publication.type === 'chapter' ? publication.pages : undefined;
  const pages = printed ? splitPages(printed) : undefined;
  const journal = publication.type === 'article' ? publication.journal : undefined;
  const publisher =
    publication.type === 'thesis' || publication.type === 'report'
      ? publication.institution
      : publication.type === 'chapter'
        ? publication.publisher
        : publication.type === 'preprint'
          ? publication.repository
          : publication.type === 'teaching-case'
            ? publication.institution
            : undefined;
  return risRecord([
    ['TY', risTypes[publication.type]],
    ...meta.authors.map((author): [string, string] => ['AU', `${author.family}, ${author.given}`]),
    ['TI', meta.title],
    ['T2', journal?.name ?? (publication.type === 'chapter' ? publication.book : undefined)],
    ...(publication.type === 'chapter' ? publication.editors.map((name): [string, string] => ['A2', `${name.family}, ${name.given}`]) : []),
    ['PY', String(meta.year)],
    ['DA', meta.published?.replaceAll('-', '/')],
    ['VL', journal?.volume === undefined ? undefined : String(journal.volume)],
    ['IS', journal?.issue === undefined ? undefined : String(journal.issue)],
    ['SP', pages?.first],
    ['EP', pages?.last],
    ['SN', journal?.issn ?? (publication.type === 'report' ? publication.number : undefined)],
    ['PB', publisher],
    ['M3', publication.type === 'thesis' ? publication.degree : publication.type === 'teaching-case' ? 'Teaching case' : undefined],
    ['DO', meta.doi],
    ['UR', meta.url],
    ...meta.keywords.map((keyword): [string, string] => ['KW', keyword]),
  ]);
}

/** RIS `ELEC` record for a page of this online edition. */
export function risPage(page: PageCitation): string {
  return risRecord([
    ['TY', 'ELEC'],
    ['TI', page.title],
    ['T2', page.siteName],
    ['M3', page.medium],
    // RIS has no field for lines of a transcript; the section and start/end fields carry
    // them as Zotero and EndNote read them, and the note says what they are.
    ['SE', page.lines?.unit],
    ['SP', page.lines ? String(page.lines.first) : undefined],
    ['EP', page.lines && page.lines.last !== page.lines.first ? String(page.lines.last) : undefined],
    ['N1', page.lines ? [page.lines.unit, lineLabel(page.lines)].filter(Boolean).join(', ') : undefined],
    ['UR', page.url],
  ]);
}
