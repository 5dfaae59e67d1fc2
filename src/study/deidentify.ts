/**
 * De-identification check. The researcher keeps a private, git-ignored list of real names
 * and places (`<study>/private/identifiers.txt`); every content file (JSON and MDX) is
 * searched for them, and each hit is an error at its line and column, so neither
 * `npm run check` nor `npm run build` lets one through. A hit that is fine to publish (a
 * city the article itself names, say) is allowed in `private/allowed.txt`. Without an
 * identifiers file there is nothing to check. See docs/deidentification.md.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import type { VFile } from 'vfile';
import { report } from './diagnostics.ts';
import { positionAt } from './json-source.ts';
import { IdentifierMatcher } from './identifier-match.ts';
import { readStudyFile, reportUnreadable, type StudyOverlay } from './read.ts';

export const PRIVATE_FOLDER = 'private';
export const IDENTIFIERS_FILE = 'identifiers.txt';
export const ALLOWED_FILE = 'allowed.txt';

export interface Identifier {
  term: string;
  /** Line of the term in identifiers.txt. */
  line: number;
}

export interface Allowance {
  term: string;
  /** Study-relative path of the one file it is allowed in; undefined for every file. */
  file: string | undefined;
}

/** Non-blank lines without `#` comments, with their line numbers. */
function entries(text: string): { value: string; line: number }[] {
  return text
    .replace(/^\uFEFF/, '')
    .split(/\r\n|\n|\r/)
    .map((raw, index) => ({ value: raw.replace(/(^|\s)#.*$/, '').trim(), line: index + 1 }))
    .filter((entry) => entry.value !== '');
}

export function parseIdentifiers(text: string): Identifier[] {
  return entries(text).map(({ value, line }) => ({ term: value, line }));
}

/** `term` allows it everywhere; `path/to/file.json: term` allows it in that file only. */
export function parseAllowances(text: string): Allowance[] {
  return entries(text).map(({ value }) => {
    const scoped = /^([^:]+\.(?:json|mdx|md)):\s*(.+)$/i.exec(value);
    return scoped ? { file: scoped[1]!.trim(), term: scoped[2]!.trim() } : { file: undefined, term: value };
  });
}

export interface Hit {
  identifier: Identifier;
  line: number;
  column: number;
  /** The text as it appears in the file. */
  found: string;
}

const matchers = new WeakMap<readonly Identifier[], IdentifierMatcher>();
/** One matcher per list (see identifier-match.ts for the ways of writing a name it finds). */
export function matcherFor(identifiers: readonly Identifier[]): IdentifierMatcher {
  let matcher = matchers.get(identifiers);
  if (!matcher) matchers.set(identifiers, (matcher = new IdentifierMatcher(identifiers.map((identifier) => identifier.term))));
  return matcher;
}

/** Every listed name in the text, however it is written there, at its line and column. */
export function findIdentifiers(text: string, identifiers: readonly Identifier[]): Hit[] {
  const matcher = matcherFor(identifiers);
  if (!matcher.test(text)) return [];
  return matcher.find(text).map((hit) => ({
    identifier: identifiers.find((identifier) => identifier.term === hit.term.term)!,
    ...positionAt(text, hit.start),
    found: text.slice(hit.start, hit.end),
  }));
}

/** A hit is allowed when an allowance names the listed term or the text as found, in any file (`file` undefined) or in that one. */
export function isAllowed(hit: Pick<Hit, 'identifier' | 'found'>, file: string | undefined, allowances: readonly Allowance[]): boolean {
  return allowances.some(
    (allowance) =>
      (allowance.file === undefined || file === undefined || allowance.file === file) &&
      (IdentifierMatcher.same(allowance.term, hit.found) || IdentifierMatcher.same(allowance.term, hit.identifier.term)),
  );
}

export interface IdentifierLists {
  identifiers: Identifier[];
  allowances: Allowance[];
  listPath: string;
}

/** The private lists of a study folder; undefined when it has no identifiers list. */
export async function readIdentifierLists(dir: string): Promise<IdentifierLists | undefined> {
  const listPath = join(dir, PRIVATE_FOLDER, IDENTIFIERS_FILE);
  const list = await readOptional(listPath);
  if (list === undefined) return undefined;
  return { identifiers: parseIdentifiers(list), allowances: parseAllowances((await readOptional(join(dir, PRIVATE_FOLDER, ALLOWED_FILE))) ?? ''), listPath };
}

export type IdentifierStatus = { checked: false; listPath: string } | { checked: true; listPath: string; terms: number; files: number; hits: number; allowed: number };

async function readOptional(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, 'utf8');
  } catch {
    return undefined;
  }
}

/** Every JSON, MDX and Markdown file of the study folder, except the private folder. */
async function contentFiles(dir: string, overlay: StudyOverlay | undefined, root = dir): Promise<string[]> {
  const found: string[] = [];
  const listed = overlay?.folders.get(dir);
  if (listed)
    return listed
      .filter((name) => /\.(?:json|mdx|md)$/i.test(name))
      .map((name) => join(dir, name))
      .sort();
  for (const entry of await readdir(dir, { withFileTypes: true }).catch(() => [])) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name.startsWith('.') || entry.name === 'node_modules' || (dir === root && entry.name === PRIVATE_FOLDER)) continue;
      found.push(...(await contentFiles(path, overlay, root)));
    } else if (/\.(?:json|mdx|md)$/i.test(entry.name)) found.push(path);
  }
  return found.sort();
}

/**
 * Searches the study folder for the private identifiers and reports each hit on its file.
 * Files already loaded are reused from `files`; other content files (MDX) are read and
 * added, so the summary counts every file that was searched.
 */
export async function checkIdentifiers(dir: string, files: VFile[], overlay?: StudyOverlay): Promise<IdentifierStatus> {
  const lists = await readIdentifierLists(dir);
  if (lists === undefined) return { checked: false, listPath: join(dir, PRIVATE_FOLDER, IDENTIFIERS_FILE) };
  const { identifiers, allowances, listPath } = lists;
  const byPath = new Map(files.map((file) => [file.path, file]));
  let hits = 0;
  let allowed = 0;
  const paths = await contentFiles(dir, overlay);
  for (const path of paths) {
    let file = byPath.get(path);
    if (!file) {
      file = await readStudyFile(dir, path, reportUnreadable, overlay);
      // A chapter or teaching page that cannot be read is reported by the prose check.
      if (file.value === undefined && /^(?:chapters|teaching)\/[^/]+\.mdx$/.test(relative(dir, path))) continue;
      files.push(file);
    }
    const name = relative(dir, path);
    // File and folder names become addresses (a chapter's file name is its URL).
    for (const hit of findIdentifiers(name, identifiers)) {
      if (isAllowed(hit, name, allowances)) {
        allowed += 1;
        continue;
      }
      hits += 1;
      report(file, {
        reason: `The file name "${name}" holds the identifying term "${hit.found}" (listed in ${PRIVATE_FOLDER}/${IDENTIFIERS_FILE} line ${hit.identifier.line}); it would be published in an address`,
        rule: 'identifier',
        severity: 'error',
        place: undefined,
        fix: 'Rename the file (and its folder) with a pseudonym or a role.',
      });
    }
    for (const hit of findIdentifiers(String(file.value ?? ''), identifiers)) {
      if (isAllowed(hit, name, allowances)) {
        allowed += 1;
        continue;
      }
      hits += 1;
      report(file, {
        reason: `Identifying term "${hit.found}" (listed in ${PRIVATE_FOLDER}/${IDENTIFIERS_FILE} line ${hit.identifier.line}) must not be published`,
        rule: 'identifier',
        severity: 'error',
        place: { line: hit.line, column: hit.column },
        fix: `Replace it with a pseudonym or a role, or, if it may be published, allow it in ${PRIVATE_FOLDER}/${ALLOWED_FILE} ("${name}: ${hit.identifier.term}").`,
      });
    }
  }
  return { checked: true, listPath, terms: identifiers.length, files: paths.length, hits, allowed };
}

/** One line for `npm run check` saying whether and how names were checked. */
export function describeIdentifierStatus(status: IdentifierStatus, cwd = process.cwd()): string {
  const where = relative(cwd, status.listPath) || status.listPath;
  if (!status.checked) return `identifiers: not checked (no ${where}; see docs/deidentification.md)`;
  return `identifiers: ${status.terms} term${status.terms === 1 ? '' : 's'} from ${where} searched in ${status.files} files, ${status.hits} hit${status.hits === 1 ? '' : 's'}, ${status.allowed} allowed`;
}
