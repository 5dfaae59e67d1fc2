/**
 * What the coding-history page needs from a recorded edition: which of its codes,
 * excerpts and sessions still have a page to link to, readable dates, and the rows of
 * the count tables that changed. Pure functions of the Study and the edition.
 */
import type { Study } from '../study/index.ts';
import type { HistoryCode } from '../study/schemas/index.ts';
import { codeHref, excerptHref, sessionHref } from './urls.ts';
import { capitalise } from '../study/words.ts';

/** Something the page names, with the address of its current page when it has one. */
export interface Ref {
  label: string;
  href: string | undefined;
}

/**
 * A code as an edition recorded it. It links only when today's codebook has the same code
 * under the same name: after a renumbering, the old number may belong to another code.
 */
export function codeRef(study: Study, entry: HistoryCode): Ref {
  const info = study.codeIndex.get(entry.code);
  return { label: `${entry.code} ${entry.name}`.trim(), href: info && info.name === entry.name ? codeHref(info) : undefined };
}

export function excerptRef(study: Study, excerpt: { id: string; title: string }): Ref {
  return { label: excerpt.title || excerpt.id, href: study.excerptIndex.has(excerpt.id) ? excerptHref(excerpt.id) : undefined };
}

export function sessionRef(study: Study, session: number | null): Ref {
  if (session === null) return { label: `No ${study.meta.vocabulary.unit.singular} stated`, href: undefined };
  return { label: `${capitalise(study.meta.vocabulary.unit.singular)} ${session}`, href: study.sessionIndex.has(session) ? sessionHref(study.meta, session) : undefined };
}

/** Rows whose count changed: unchanged ones would bury the changes in a large study. */
export function changedCounts<Row extends { before: number; after: number }>(rows: readonly Row[]): Row[] {
  return rows.filter((row) => row.before !== row.after);
}

/** "+2", "−1" (a true minus sign), "0". */
export function signed(n: number): string {
  return n > 0 ? `+${n}` : n < 0 ? `−${-n}` : '0';
}

const dayFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
const monthFormat = new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' });

/** "2024-09-10" → "10 September 2024"; "2019-09" → "September 2019". */
export function formatDate(iso: string): string {
  if (/^\d{4}$/.test(iso)) return iso;
  if (/^\d{4}-\d{2}$/.test(iso)) return monthFormat.format(new Date(`${iso}-01T00:00:00Z`));
  return dayFormat.format(new Date(`${iso}T00:00:00Z`));
}

/** A summary's paragraphs: the researcher separates them with a blank line. */
export function paragraphs(text: string): string[] {
  return text
    .split(/\n\s*\n/)
    .map((paragraph) => paragraph.trim())
    .filter(Boolean);
}
