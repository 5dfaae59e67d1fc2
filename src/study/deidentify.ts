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
import { readStudyFile } from './read.ts';

export const PRIVATE_FOLDER = 'private';
export const IDENTIFIERS_FILE = 'identifiers.txt';
export const ALLOWED_FILE = 'allowed.txt';

export interface Identifier {
  term: string;
  /** Line of the term in identifiers.txt. */
  line: number;
  pattern: RegExp;
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

/**
 * The term as a case-insensitive pattern on word boundaries (letters, marks and digits of
 * any script count as word characters); the spaces of a phrase match any whitespace, so a
 * name broken across lines is still found.
 */
export function identifierPattern(term: string): RegExp {
  const body = term
    .trim()
    .split(/\s+/)
    .map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('\\s+');
  return new RegExp(`(?<![\\p{L}\\p{M}\\p{N}_])${body}(?![\\p{L}\\p{M}\\p{N}_])`, 'giu');
}

export function parseIdentifiers(text: string): Identifier[] {
  return entries(text).map(({ value, line }) => ({ term: value, line, pattern: identifierPattern(value) }));
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

export function findIdentifiers(text: string, identifiers: readonly Identifier[]): Hit[] {
  const hits: Hit[] = [];
  for (const identifier of identifiers) {
    identifier.pattern.lastIndex = 0;
    for (const match of text.matchAll(identifier.pattern)) {
      hits.push({ identifier, ...positionAt(text, match.index), found: match[0] });
    }
  }
  return hits.sort((a, b) => a.line - b.line || a.column - b.column);
}

function isAllowed(hit: Hit, file: string, allowances: readonly Allowance[]): boolean {
  const matches = (allowance: Allowance) => identifierPattern(allowance.term).test(hit.found) && identifierPattern(hit.found).test(allowance.term);
  return allowances.some((allowance) => (allowance.file === undefined || allowance.file === file) && matches(allowance));
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
async function contentFiles(dir: string, root = dir): Promise<string[]> {
  const found: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true }).catch(() => [])) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name.startsWith('.') || entry.name === 'node_modules' || (dir === root && entry.name === PRIVATE_FOLDER)) continue;
      found.push(...(await contentFiles(path, root)));
    } else if (/\.(?:json|mdx|md)$/i.test(entry.name)) found.push(path);
  }
  return found.sort();
}

/**
 * Searches the study folder for the private identifiers and reports each hit on its file.
 * Files already loaded are reused from `files`; other content files (MDX) are read and
 * added, so the summary counts every file that was searched.
 */
export async function checkIdentifiers(dir: string, files: VFile[]): Promise<IdentifierStatus> {
  const listPath = join(dir, PRIVATE_FOLDER, IDENTIFIERS_FILE);
  const list = await readOptional(listPath);
  if (list === undefined) return { checked: false, listPath };
  const identifiers = parseIdentifiers(list);
  const allowances = parseAllowances((await readOptional(join(dir, PRIVATE_FOLDER, ALLOWED_FILE))) ?? '');
  const byPath = new Map(files.map((file) => [file.path, file]));
  let hits = 0;
  let allowed = 0;
  const paths = await contentFiles(dir);
  for (const path of paths) {
    let file = byPath.get(path);
    if (!file) {
      file = await readStudyFile(dir, path, (unread, code) =>
        report(unread, { reason: `Cannot read file (${code ?? 'unknown error'})`, rule: 'unreadable-file', severity: 'error', place: undefined, fix: 'Check the file permissions and that it is a regular file.' }),
      );
      // A chapter or teaching page that cannot be read is reported by the prose check.
      if (file.value === undefined && /^(?:chapters|teaching)\/[^/]+\.mdx$/.test(relative(dir, path))) continue;
      files.push(file);
    }
    const name = relative(dir, path);
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
