/**
 * Everything in a study folder that names a code by its number, outside the codebook and
 * the excerpts: discussion questions (`discussion.json`), the `codes` of teaching and
 * chapter frontmatter, `<ThemeLink code="…">` in their MDX, and the coding history. When an
 * import gives a code another number, these either follow it (rewritten at the exact
 * place) or, when the code is gone, are reported with their place before anything is
 * written. History editions are records of what the coding was; they are listed, never
 * rewritten (the history page links a code only while its number and name still match).
 */
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { findNodeAtLocation, parseTree } from 'jsonc-parser';
import { placeAt, type Place } from './qda/text-bytes.ts';

export interface CodeReference {
  /** Absolute path of the file. */
  path: string;
  /** The code as written, e.g. "1.2". */
  code: string;
  /** UTF-16 offset and length of the code's characters in the file's text. */
  offset: number;
  length: number;
  place: Place;
  /** Whether the reference may be rewritten to follow a renumbered code. */
  follows: boolean;
  /** What refers, for messages, e.g. "discussion topic 3". */
  what: string;
}

export interface ReferencingFile {
  path: string;
  text: string;
  references: CodeReference[];
}

const codePattern = /^\d+\.\d+$/;

function discussionReferences(path: string, text: string): CodeReference[] {
  const tree = parseTree(text);
  const topics = tree ? findNodeAtLocation(tree, ['topics']) : undefined;
  return (topics?.children ?? []).flatMap((topic, index) => {
    const node = findNodeAtLocation(topic, ['code']);
    if (!node || typeof node.value !== 'string' || !codePattern.test(node.value)) return [];
    return [{ path, code: node.value, offset: node.offset + 1, length: node.value.length, place: placeAt(text, node.offset + 1), follows: true, what: `discussion topic ${index + 1}` }];
  });
}

function mdxReferences(path: string, text: string): CodeReference[] {
  const references: CodeReference[] = [];
  const frontmatter = /^---\r?\n([\s\S]*?)\r?\n---/.exec(text);
  if (frontmatter) {
    const block = /^codes:[^\S\n]*((?:\[[^\]]*\])|(?:\n[^\S\n]*-[^\n]*)+)/m.exec(frontmatter[1]!);
    if (block) {
      const base = frontmatter.index + frontmatter[0].indexOf(frontmatter[1]!) + block.index + block[0].indexOf(block[1]!);
      for (const match of block[1]!.matchAll(/(["']?)(\d+\.\d+)\1/g)) {
        const offset = base + match.index + match[1]!.length;
        references.push({ path, code: match[2]!, offset, length: match[2]!.length, place: placeAt(text, offset), follows: true, what: 'frontmatter "codes"' });
      }
    }
  }
  for (const match of text.matchAll(/<ThemeLink\b[^>]*?\bcode=(["'])(\d+\.\d+)\1/g)) {
    const offset = match.index + match[0].length - match[2]!.length - 1;
    references.push({ path, code: match[2]!, offset, length: match[2]!.length, place: placeAt(text, offset), follows: true, what: '<ThemeLink>' });
  }
  return references;
}

function historyReferences(path: string, text: string): CodeReference[] {
  return [...text.matchAll(/"code"\s*:\s*"(\d+\.\d+)"/g)].map((match) => {
    const offset = match.index + match[0].length - match[1]!.length - 1;
    return { path, code: match[1]!, offset, length: match[1]!.length, place: placeAt(text, offset), follows: false, what: 'history edition' };
  });
}

async function readText(path: string): Promise<string | undefined> {
  return readFile(path, 'utf8').catch(() => undefined);
}

async function filesIn(dir: string, extension: string): Promise<string[]> {
  const names = await readdir(dir).catch(() => [] as string[]);
  return names
    .filter((name) => name.endsWith(extension))
    .sort()
    .map((name) => join(dir, name));
}

/** The files of a study folder that refer to codes by number, with each reference. */
export async function codeReferences(dir: string): Promise<ReferencingFile[]> {
  const found: ReferencingFile[] = [];
  const add = async (path: string, read: (path: string, text: string) => CodeReference[]) => {
    const text = await readText(path);
    if (text === undefined) return;
    const references = read(path, text);
    if (references.length > 0) found.push({ path, text, references });
  };
  await add(join(dir, 'discussion.json'), discussionReferences);
  for (const folder of ['teaching', 'chapters']) for (const path of await filesIn(join(dir, folder), '.mdx')) await add(path, mdxReferences);
  for (const path of await filesIn(join(dir, 'history'), '.json')) await add(path, historyReferences);
  return found;
}

/** The file's text with every following reference to a renumbered code rewritten. */
export function followRenumbering(file: ReferencingFile, renumbered: ReadonlyMap<string, string>): string {
  let text = file.text;
  const edits = file.references.filter((reference) => reference.follows && renumbered.has(reference.code)).sort((a, b) => b.offset - a.offset);
  for (const edit of edits) text = text.slice(0, edit.offset) + renumbered.get(edit.code)! + text.slice(edit.offset + edit.length);
  return text;
}

/** `path:line:column` relative to a folder, for messages. */
export function where(reference: CodeReference, dir: string): string {
  return `${relative(dir, reference.path)}:${reference.place.line}:${reference.place.column}`;
}

/** Where an excerpt file names a code in its "codes", for messages. */
export function excerptCodePlace(text: string, code: string): Place | undefined {
  const tree = parseTree(text);
  const codes = tree ? findNodeAtLocation(tree, ['codes']) : undefined;
  const node = codes?.children?.find((child) => child.value === code);
  return node ? placeAt(text, node.offset + 1) : undefined;
}
