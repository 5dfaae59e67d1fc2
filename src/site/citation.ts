/**
 * Citation formatters: APA 7 reference-list entries and in-text citations, and what every
 * format shares (names, dates, pages, what a page of the edition is); BibTeX, RIS and
 * Highwire Press tags are in citation-bibtex.ts, citation-ris.ts and citation-highwire.ts.
 * All are pure functions of the study's reference records and its metadata.
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
    else if (last?.italic && span.italic && !last.href && !span.href) last.text += span.text;
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
      return [
        token
          .split('-')
          .map((part) => `${[...part][0] ?? ''}.`)
          .join('-'),
      ];
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
export function listedNames(reference: Reference): PersonName[] {
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
  const titleSpans = (suffix: string): RichText => (standalone ? [italic(reference.title), text(suffix)] : [text(reference.title), text(suffix)]);

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

export type Publication = StudyMeta['publication'];

/** The work's own page range, where the study records it (an article's or a chapter's). */
export function workPages(publication: Publication): string | undefined {
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
      return compact([
        lead,
        text(`${terminated(meta.title)} In ${editors}`),
        italic(publication.book),
        text(`${pages ? ` (pp. ${pages})` : ''}.${publication.publisher ? ` ${terminated(publication.publisher)}` : ''}`),
        ...locatorSpans(meta),
      ]);
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
export function described(page: PageCitation): string | undefined {
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
  return compact([italic(page.title), text(`${description ? ` [${description}]` : ''}. (n.d.). ${site}`), link(page.url)]);
}
