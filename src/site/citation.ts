/**
 * Citation formatters: APA 7 reference-list entries and in-text citations, BibTeX, RIS and
 * Highwire Press `citation_reference` values, all pure functions of the reference records
 * in `content/references.json` and the article's metadata in `content/study.json`.
 *
 * APA output is rich text (a list of spans, some italic, some links) so the references page
 * can print italics while copy buttons and tests use the plain string from `plainText`.
 *
 * Titles and journal names are printed as the records give them. APA asks for sentence-case
 * titles and unabbreviated journal names, but converting case automatically would mangle
 * proper nouns and acronyms ("APA", "ATOM"), and expanding "Psych Bull" would be guessing;
 * the records are the one place to change either.
 */
import type { PersonName, Reference, StudyMeta } from '../study/schemas/index.ts';

/** A run of text in a formatted citation. */
export interface Span {
  text: string;
  italic?: true;
  /** Present when the run is a URL or DOI that should be a link. */
  href?: string;
}

export type RichText = Span[];

export function plainText(rich: RichText): string {
  return rich.map((span) => span.text).join('');
}

const text = (value: string): Span => ({ text: value });
const italic = (value: string): Span => ({ text: value, italic: true });
const link = (url: string): Span => ({ text: url, href: url });

/** Joins adjacent plain runs so the output stays small and comparisons stay simple. */
function compact(spans: RichText): RichText {
  const out: RichText = [];
  for (const span of spans) {
    if (span.text === '') continue;
    const last = out.at(-1);
    if (last && !last.italic && !last.href && !span.italic && !span.href) last.text += span.text;
    else if (last && last.italic && span.italic && !last.href && !span.href) last.text += span.text;
    else out.push({ ...span });
  }
  return out;
}

// ── Names ────────────────────────────────────────────────────────────────────────────

/**
 * APA initials from given names as printed: "CA" → "C. A.", "Timothy" → "T.",
 * "Jean-Paul" → "J.-P.", "J. A." → "J. A.". A short all-capital token is read as a run of
 * initials, which is how the article's Vancouver-style list prints them.
 */
export function initials(given: string): string {
  const tokens = given.split(/[\s.]+/u).filter(Boolean);
  return tokens
    .flatMap((token) => {
      if (/^\p{Lu}{1,3}$/u.test(token)) return [...token].map((letter) => `${letter}.`);
      return [token.split('-').map((part) => `${[...part][0] ?? ''}.`).join('-')];
    })
    .join(' ');
}

/** "Moyer, C. A." */
export function invertedName(name: PersonName): string {
  const given = initials(name.given);
  return given ? `${name.family}, ${given}` : name.family;
}

/** "C. A. Moyer", the order APA uses for editors of a containing book. */
export function directName(name: PersonName): string {
  const given = initials(name.given);
  return given ? `${given} ${name.family}` : name.family;
}

/**
 * The reference-list author element: "A, B." · "A, B., & C, D." · "A, B., C, D., & E, F.";
 * from 21 names on, the first 19, an ellipsis, and the last (APA 7 §9.8).
 */
export function apaNameList(names: readonly PersonName[]): string {
  const inverted = names.map(invertedName);
  if (inverted.length <= 1) return inverted.join('');
  if (inverted.length > 20) return `${inverted.slice(0, 19).join(', ')}, . . . ${inverted.at(-1)}`;
  return `${inverted.slice(0, -1).join(', ')}, & ${inverted.at(-1)}`;
}

/** Editors inside a chapter entry: "T. Dryden & C. A. Moyer", "A, B, & C". */
function editorsInline(names: readonly PersonName[]): string {
  const direct = names.map(directName);
  if (direct.length <= 2) return direct.join(' & ');
  return `${direct.slice(0, -1).join(', ')}, & ${direct.at(-1)}`;
}

const editorLabel = (names: readonly PersonName[]) => (names.length === 1 ? '(Ed.)' : '(Eds.)');

/** Whom a reference is listed under: its authors, or the editors of an edited book. */
function listedNames(reference: Reference): PersonName[] {
  return reference.authors.length > 0 ? reference.authors : reference.editors;
}

// ── Dates, pages, titles ─────────────────────────────────────────────────────────────

/**
 * Year labels with APA's a/b suffixes for works by the same names in the same year
 * (ordered by title), so "Moyer, 2012a" and "Moyer, 2012b" stay distinguishable in text
 * and in the list. A work without a date is "n.d.".
 */
export function yearLabels(references: readonly Reference[]): Map<string, string> {
  const groups = new Map<string, Reference[]>();
  for (const reference of references) {
    const key = `${listedNames(reference).map(invertedName).join('|')}#${reference.year ?? 'n.d.'}#${listedNames(reference).length === 0 ? reference.title : ''}`;
    groups.set(key, [...(groups.get(key) ?? []), reference]);
  }
  const labels = new Map<string, string>();
  for (const group of groups.values()) {
    const sorted = [...group].sort((a, b) => a.title.localeCompare(b.title, 'en'));
    sorted.forEach((reference, index) => {
      const year = reference.year === undefined ? 'n.d.' : String(reference.year);
      const suffix = group.length > 1 ? `${reference.year === undefined ? '-' : ''}${String.fromCharCode(97 + index)}` : '';
      labels.set(reference.id, `${year}${suffix}`);
    });
  }
  return labels;
}

/** Page ranges with an en dash, however the record typed the hyphen. */
export function pageRange(pages: string): string {
  return pages.trim().replace(/\s*[-‐‑‒–—]+\s*/gu, '–');
}

/** First and last page of a range, for formats that store them apart. */
export function splitPages(pages: string): { first: string; last?: string } {
  const [first = '', last] = pageRange(pages).split('–');
  return last === undefined ? { first } : { first, last };
}

/** A title followed by a full stop unless it already ends in punctuation. */
function terminated(title: string): string {
  return /[.?!]$/u.test(title) ? title : `${title}.`;
}

/** "2nd" → "2nd ed."; an edition already written with "ed." is kept. */
function editionLabel(edition: string): string {
  return /\bed\.?$/iu.test(edition) ? edition.replace(/\.?$/u, '.') : `${edition} ed.`;
}

/** APA's bracketed description of a thesis, read from the record's note ("PhD thesis"). */
export function thesisLabel(note: string | undefined): string {
  if (note && /master/iu.test(note)) return 'Master’s thesis';
  if (note && /ph\.?\s?d|doctor/iu.test(note)) return 'Doctoral dissertation';
  return 'Thesis';
}

/** The DOI as a resolvable link, else the URL, else nothing. */
function locatorSpans(reference: { doi?: string | undefined; url?: string | undefined }): RichText {
  if (reference.doi) return [text(' '), link(`https://doi.org/${reference.doi}`)];
  if (reference.url) return [text(' '), link(reference.url)];
  return [];
}

// ── APA reference list ───────────────────────────────────────────────────────────────

/**
 * One APA 7 reference-list entry. `year` is the label from `yearLabels` when the list has
 * same-author same-year works; it defaults to the record's year or "n.d.".
 */
export function apaReference(reference: Reference, year = reference.year === undefined ? 'n.d.' : String(reference.year)): RichText {
  const names = listedNames(reference);
  const editedBook = reference.authors.length === 0 && reference.editors.length > 0;
  const date = `(${year}).`;
  const spans: RichText = [];

  // The title is italic for works that stand alone; an article's or chapter's is not.
  const standalone = reference.type === 'book' || reference.type === 'thesis' || reference.type === 'webpage';
  const titleSpans = (suffix: string): RichText =>
    standalone ? [italic(reference.title), text(suffix)] : [text(reference.title), text(suffix)];

  if (names.length > 0) {
    spans.push(text(`${apaNameList(names)}${editedBook ? ` ${editorLabel(names)}.` : ''} ${date} `));
  } else {
    // No author: the title takes the author's place, followed by the date (APA 7 §9.12).
    spans.push(...titleSpans(''), text(/[.?!]$/u.test(reference.title) ? ` ${date}` : `. ${date}`));
  }
  const titled = names.length > 0;

  switch (reference.type) {
    case 'article': {
      if (titled) spans.push(text(`${terminated(reference.title)} `));
      if (reference.container) {
        spans.push(italic(reference.container));
        if (reference.volume) spans.push(text(', '), italic(reference.volume));
        if (reference.issue) spans.push(text(`(${reference.issue})`));
        if (reference.pages) spans.push(text(`, ${pageRange(reference.pages)}`));
        spans.push(text('.'));
      }
      break;
    }
    case 'book': {
      const edition = reference.edition ? ` (${editionLabel(reference.edition)})` : '';
      if (titled) spans.push(...titleSpans(''), text(`${edition}${edition || !/[.?!]$/u.test(reference.title) ? '.' : ''}`));
      if (reference.publisher) spans.push(text(` ${terminated(reference.publisher)}`));
      break;
    }
    case 'chapter': {
      if (titled) spans.push(text(`${terminated(reference.title)} `));
      const inEditors = reference.authors.length > 0 && reference.editors.length > 0 ? `${editorsInline(reference.editors)} ${editorLabel(reference.editors)}, ` : '';
      const details = [reference.edition ? editionLabel(reference.edition) : '', reference.pages ? `${/[–-]/u.test(reference.pages) ? 'pp.' : 'p.'} ${pageRange(reference.pages)}` : '']
        .filter(Boolean)
        .join(', ');
      if (reference.container) {
        spans.push(text(`In ${inEditors}`), italic(reference.container), text(`${details ? ` (${details})` : ''}.`));
      }
      if (reference.publisher) spans.push(text(` ${terminated(reference.publisher)}`));
      break;
    }
    case 'thesis': {
      const bracket = [thesisLabel(reference.note), reference.publisher].filter(Boolean).join(', ');
      if (titled) spans.push(italic(reference.title), text(` [${bracket}].`));
      else spans.push(text(` [${bracket}].`));
      break;
    }
    case 'webpage': {
      if (titled) spans.push(...titleSpans(''), text(/[.?!]$/u.test(reference.title) ? '' : '.'));
      if (reference.container) spans.push(text(` ${terminated(reference.container)}`));
      break;
    }
  }
  spans.push(...locatorSpans(reference));
  return compact(spans.map((span, index) => (index === spans.length - 1 && !span.href ? { ...span, text: span.text.trimEnd() } : span)));
}

/**
 * The APA reference-list order: by the names the work is listed under (a one-name entry
 * before longer lists starting with the same name), then year, then title; works without
 * an author by title, ignoring a leading article.
 */
export function compareApa(a: Reference, b: Reference): number {
  const sortKey = (reference: Reference): string[] => {
    const names = listedNames(reference);
    if (names.length === 0) return [reference.title.replace(/^(?:the|a|an)\s+/iu, '')];
    return names.map((name) => `${name.family} ${initials(name.given)}`);
  };
  const ka = sortKey(a);
  const kb = sortKey(b);
  for (let index = 0; index < Math.max(ka.length, kb.length); index += 1) {
    const x = ka[index];
    const y = kb[index];
    if (x === undefined) return -1;
    if (y === undefined) return 1;
    const order = x.localeCompare(y, 'en', { sensitivity: 'base' });
    if (order !== 0) return order;
  }
  return (a.year ?? Infinity) - (b.year ?? Infinity) || a.title.localeCompare(b.title, 'en');
}

// ── APA in-text ──────────────────────────────────────────────────────────────────────

/**
 * The author part of a parenthetical citation: "Moyer", "Fortune & Hymel", "Moyer et al."
 * (APA 7 uses "et al." from three authors). A work with no author is cited by its title,
 * italic for a stand-alone work and in quotation marks for an article or chapter.
 */
export function inTextAuthor(reference: Reference): RichText {
  const names = listedNames(reference);
  if (names.length > 0) return [text(inTextNames(names))];
  return reference.type === 'article' || reference.type === 'chapter' ? [text(`“${reference.title}”`)] : [italic(reference.title)];
}

/** "Moyer", "Fortune & Hymel", "Moyer et al." */
export function inTextNames(names: readonly PersonName[]): string {
  if (names.length <= 1) return names[0]?.family ?? '';
  if (names.length === 2) return `${names[0]!.family} & ${names[1]!.family}`;
  return `${names[0]!.family} et al.`;
}

/** One work inside a parenthetical citation: "Moyer et al., 2004". */
export function inTextEntry(reference: Reference, year = reference.year === undefined ? 'n.d.' : String(reference.year)): RichText {
  return compact([...inTextAuthor(reference), text(`, ${year}`)]);
}

/**
 * The works of the study's own reference list. In a numbered list they are the numbered
 * works, and works without a number are ones this edition adds; a study whose list has
 * no numbers (author–date) lists every work as its own.
 */
export function ownReferences<T extends Pick<Reference, 'number'>>(references: readonly T[]): T[] {
  return references.some((reference) => reference.number !== undefined) ? references.filter((reference) => reference.number !== undefined) : [...references];
}

// ── The work this site publishes ─────────────────────────────────────────────────────

type Publication = StudyMeta['publication'];

/** The work's own page range, where the study records it (an article's or a chapter's). */
function workPages(publication: Publication): string | undefined {
  const pages = publication.type === 'article' ? publication.journal.pages : publication.type === 'chapter' ? publication.pages : undefined;
  return pages ? pageRange(pages) : undefined;
}

/** "12(3)", "12", "(3)" or nothing: an article's volume and issue as far as they are known. */
function volumeIssue(journal: Extract<Publication, { type: 'article' }>['journal']): RichText {
  const issue = journal.issue === undefined ? '' : `(${journal.issue})`;
  return journal.volume === undefined ? (issue ? [text(`, ${issue}`)] : []) : [text(', '), italic(String(journal.volume)), ...(issue ? [text(issue)] : [])];
}

/** Where the work appeared, for bylines: a title to set in italics (journal, book, server) and what follows it. */
export function venue(meta: Pick<StudyMeta, 'publication'>): { container?: string; detail: string } {
  const publication = meta.publication;
  switch (publication.type) {
    case 'article': {
      const { volume, issue } = publication.journal;
      return { container: publication.journal.name, detail: `${volume ?? ''}${issue === undefined ? '' : `(${issue})`}` };
    }
    case 'chapter':
      return { container: publication.book, detail: publication.publisher ?? '' };
    case 'preprint':
      return { container: publication.repository, detail: 'preprint' };
    case 'thesis':
      return { detail: `${publication.degree ?? 'Thesis'}, ${publication.institution}` };
    case 'report':
      return { detail: `Report${publication.number ? ` ${publication.number}` : ''}, ${publication.institution}` };
    case 'teaching-case':
      return { detail: `Teaching case${publication.institution ? `, ${publication.institution}` : ''}` };
    default:
      return { detail: 'Unpublished' };
  }
}

/** APA 7's bracketed description of a work that is not an article, book or chapter. */
function apaDescription(publication: Publication): string | undefined {
  switch (publication.type) {
    case 'thesis':
      return `${publication.degree ?? 'Thesis'}, ${publication.institution}`;
    case 'teaching-case':
      return 'Teaching case';
    case 'unpublished':
      return 'Unpublished manuscript';
    default:
      return undefined;
  }
}

/** APA 7 entry for the work this site publishes, in the form its publication type takes. */
export function apaWork(meta: StudyMeta): RichText {
  const publication = meta.publication;
  const pages = workPages(publication);
  const lead = text(`${apaNameList(meta.authors)} (${meta.year}). `);
  switch (publication.type) {
    case 'article':
      return compact([lead, text(`${terminated(meta.title)} `), italic(publication.journal.name), ...volumeIssue(publication.journal), text(`${pages ? `, ${pages}` : ''}.`), ...locatorSpans(meta)]);
    case 'chapter': {
      const editors = publication.editors.length > 0 ? `${editorsInline(publication.editors)} ${editorLabel(publication.editors)}, ` : '';
      return compact([lead, text(`${terminated(meta.title)} In ${editors}`), italic(publication.book), text(`${pages ? ` (pp. ${pages})` : ''}.${publication.publisher ? ` ${terminated(publication.publisher)}` : ''}`), ...locatorSpans(meta)]);
    }
    case 'report':
      return compact([lead, italic(meta.title), text(`${publication.number ? ` (Report No. ${publication.number})` : ''}. ${terminated(publication.institution)}`), ...locatorSpans(meta)]);
    case 'preprint':
      return compact([lead, italic(meta.title), text(`. ${terminated(publication.repository)}`), ...locatorSpans(meta)]);
    case 'teaching-case':
      return compact([lead, italic(meta.title), text(` [${apaDescription(publication)}].${publication.institution ? ` ${terminated(publication.institution)}` : ''}`), ...locatorSpans(meta)]);
    default:
      return compact([lead, italic(meta.title), text(` [${apaDescription(publication)}].`), ...locatorSpans(meta)]);
  }
}

/** What a web page of this edition is, for citing it. */
export interface PageCitation {
  /** The page's own title, e.g. an excerpt's title or "Results". */
  title: string;
  /** APA's bracketed description, e.g. "Transcript excerpt"; omitted for ordinary pages. */
  medium?: string;
  /** The edition's name, printed where APA puts the site name. */
  siteName: string;
  /** Absolute, canonical URL of the page. */
  url: string;
  /** The transcript lines cited, where a reader cites part of an excerpt ("cite lines 3–5"). */
  lines?: LineLocator;
}

/** Lines of a transcript, by the numbers the page prints (the source's own numbering). */
export interface LineLocator {
  first: number;
  last: number;
  /** The unit the transcript comes from, in the study's words ("Session 3"). */
  unit?: string;
}

/** "line 4" · "lines 3–5", with an en dash as APA writes ranges. */
export function lineLabel(lines: Pick<LineLocator, 'first' | 'last'>): string {
  return lines.first === lines.last ? `line ${String(lines.first)}` : `lines ${String(lines.first)}–${String(lines.last)}`;
}

/** What the page is and which part of it is cited: "Transcript excerpt, Session 3, lines 3–5". */
function described(page: PageCitation): string | undefined {
  const parts = [page.medium, page.lines?.unit, page.lines ? lineLabel(page.lines) : undefined].filter((part) => part !== undefined && part !== '');
  return parts.length === 0 ? undefined : parts.join(', ');
}

/**
 * Read a line range as a reader writes it in a link or a form, `3-5`, `3–5` or `4`; first
 * and last in order. Undefined for anything else.
 */
export function parseLineRange(value: string | null | undefined): { first: number; last: number } | undefined {
  const match = /^\s*(\d{1,6})\s*(?:[-–—]\s*(\d{1,6})\s*)?$/u.exec(value ?? '');
  if (!match) return undefined;
  const a = Number(match[1]);
  const b = match[2] === undefined ? a : Number(match[2]);
  return { first: Math.min(a, b), last: Math.max(a, b) };
}

/**
 * APA 7 entry for a page of this online edition: a web page without a personal author of
 * its own (the edition's prose is not the article author's) and without a date, so the
 * title leads and the date is "n.d." (APA 7 §9.12, §10.16).
 */
export function apaPage(page: PageCitation): RichText {
  // The edition's home page is the site itself: its name is not repeated as the site name.
  const site = page.siteName === page.title ? '' : `${terminated(page.siteName)} `;
  const description = described(page);
  return compact([
    italic(page.title),
    text(`${description ? ` [${description}]` : ''}. (n.d.). ${site}`),
    link(page.url),
  ]);
}

// ── BibTeX ───────────────────────────────────────────────────────────────────────────

/** Escapes the characters BibTeX and LaTeX treat specially inside a braced field. */
export function bibtexEscape(value: string): string {
  return value.replace(/[\\{}&%$#_~^]/gu, (character) => {
    switch (character) {
      case '\\': return '\\textbackslash{}';
      case '~': return '\\textasciitilde{}';
      case '^': return '\\textasciicircum{}';
      default: return `\\${character}`;
    }
  });
}

/** A citation key from a family name and a year: "okafor2021" (ASCII letters only). */
export function bibtexKey(family: string, year: string | number): string {
  const ascii = family.normalize('NFD').replace(/[^A-Za-z]/gu, '').toLowerCase();
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
    ['howpublished', publication.type === 'preprint' ? bibtexEscape(publication.repository) : publication.type === 'teaching-case' && publication.institution ? bibtexEscape(publication.institution) : undefined],
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

// ── RIS ──────────────────────────────────────────────────────────────────────────────

/** RIS lines ("TY  - JOUR"), ending with the mandatory "ER  - ". */
function risRecord(fields: [string, string | undefined][]): string {
  return [...fields.filter((field): field is [string, string] => Boolean(field[1])).map(([tag, value]) => `${tag}  - ${value.replace(/\s*\n\s*/gu, ' ')}`), 'ER  - '].join('\n');
}

const risTypes = { article: 'JOUR', thesis: 'THES', report: 'RPRT', preprint: 'UNPB', chapter: 'CHAP', 'teaching-case': 'GEN', unpublished: 'UNPB' } as const satisfies Record<Publication['type'], string>;

/** RIS record for the work this site publishes, typed by how it is published. */
export function risWork(meta: StudyMeta): string {
  const publication = meta.publication;
  const printed = publication.type === 'article' ? publication.journal.pages : publication.type === 'chapter' ? publication.pages : undefined;
  const pages = printed ? splitPages(printed) : undefined;
  const journal = publication.type === 'article' ? publication.journal : undefined;
  const publisher = publication.type === 'thesis' || publication.type === 'report' ? publication.institution : publication.type === 'chapter' ? publication.publisher : publication.type === 'preprint' ? publication.repository : publication.type === 'teaching-case' ? publication.institution : undefined;
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

// ── Highwire Press ───────────────────────────────────────────────────────────────────

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
    ['citation_publisher', publication.type === 'chapter' ? publication.publisher : publication.type === 'preprint' ? publication.repository : publication.type === 'teaching-case' ? publication.institution : undefined],
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
