/**
 * A content JSON file parsed with its syntax tree kept, so any value found wrong later
 * (by zod or a cross-reference check) can be reported at its own line and column.
 */
import { findNodeAtLocation, parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import type { VFile } from 'vfile';
import { report } from './diagnostics.ts';
import { codePointName, controlCharacters, limits } from './read.ts';

export type JsonPath = ReadonlyArray<string | number>;

export interface JsonSource {
  file: VFile;
  text: string;
  tree: Node;
  value: unknown;
}

/**
 * Parses strict JSON (no comments, no trailing commas); syntax errors are reported on the file.
 *
 * A well-formed file (nearly every file) is parsed by `JSON.parse` and its syntax tree is
 * built only when a problem has to be placed: building a tree for each of 100,000 excerpt
 * files took most of a large import's processor time and memory. A file `JSON.parse`
 * refuses, or whose text has more keys than its value (a duplicate key, which `JSON.parse`
 * drops silently), or whose strings hold a control character, takes the tree path, which
 * reports each problem at its place.
 */
export function parseJsonSource(file: VFile): JsonSource | undefined {
  const text = String(file.value);
  // The parser and every walk over the tree recurse once per level: a file nested some
  // thousands deep would overflow the stack before any message could name it.
  const { tooDeep, keys } = scan(text, limits.jsonDepth);
  if (tooDeep !== -1) {
    report(file, {
      reason: `JSON nested more than ${limits.jsonDepth} levels deep (arrays and objects inside each other)`,
      rule: 'json-depth',
      severity: 'error',
      place: positionAt(text, tooDeep),
      fix: `No study file needs more than a few levels; a study file may nest at most ${limits.jsonDepth}. Check the brackets from here on (a generated or damaged file is the usual cause).`,
    });
    return undefined;
  }
  const quick = quickParse(text, keys);
  if (quick.ok) {
    let tree: Node | undefined;
    return {
      file,
      text,
      value: quick.value,
      get tree() {
        tree ??= parseTree(text, [], { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false })!;
        return tree;
      },
    };
  }
  const errors: ParseError[] = [];
  const tree = parseTree(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  for (const error of errors) {
    report(file, {
      reason: `Invalid JSON: ${describeParseError(printParseErrorCode(error.error))}`,
      rule: 'json-syntax',
      severity: 'error',
      place: positionAt(text, error.offset),
      fix: 'Correct the JSON syntax at this position (a missing comma, quote or bracket is the usual cause).',
    });
  }
  if (errors.length > 0 || !tree) return undefined;
  reportDuplicateKeys(file, text, tree);
  reportControlEscapes(file, text, tree);
  return { file, text, tree, value: toValue(tree) };
}

/** The value by `JSON.parse`, when the text is valid and needs no message: as many keys as the text has, no control character in a string. */
function quickParse(text: string, textKeys: number): { ok: true; value: unknown } | { ok: false } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false };
  }
  let keys = 0;
  let clean = true;
  const walk = (node: unknown): void => {
    if (typeof node === 'string') {
      if (clean && hasControl(node)) clean = false;
    } else if (Array.isArray(node)) {
      for (const item of node) walk(item);
    } else if (node !== null && typeof node === 'object') {
      for (const [key, item] of Object.entries(node)) {
        keys += 1;
        if (clean && hasControl(key)) clean = false;
        walk(item);
      }
    }
  };
  walk(value);
  return clean && keys === textKeys ? { ok: true, value } : { ok: false };
}

// Made on first use: read.ts, which defines the pattern, imports this module too.
let controlCharacter: RegExp | undefined;
const hasControl = (text: string) => (controlCharacter ??= new RegExp(controlCharacters.source)).test(text);

/**
 * One pass over the text, strings skipped with their escapes: the offset of the first `[`
 * or `{` that opens a level deeper than `limit` (or -1), and how many object keys the text
 * writes (a string followed by a colon).
 */
function scan(text: string, limit: number): { tooDeep: number; keys: number } {
  let depth = 0;
  let keys = 0;
  for (let index = 0; index < text.length; index += 1) {
    const character = text.charCodeAt(index);
    if (character === 0x22) {
      for (index += 1; index < text.length && text.charCodeAt(index) !== 0x22; index += 1) if (text.charCodeAt(index) === 0x5c) index += 1;
      let next = index + 1;
      while (next < text.length && (text.charCodeAt(next) === 0x20 || text.charCodeAt(next) === 0x0a || text.charCodeAt(next) === 0x0d || text.charCodeAt(next) === 0x09)) next += 1;
      if (text.charCodeAt(next) === 0x3a) keys += 1;
    } else if (character === 0x5b || character === 0x7b) {
      depth += 1;
      if (depth > limit) return { tooDeep: index, keys };
    } else if (character === 0x5d || character === 0x7d) depth -= 1;
  }
  return { tooDeep: -1, keys };
}

/** Strings (values and keys) whose escapes (`\u0000`) decode to a control character, which a page cannot show. */
function reportControlEscapes(file: VFile, text: string, node: Node): void {
  if (node.type === 'string' && typeof node.value === 'string') {
    for (const match of node.value.matchAll(controlCharacters)) {
      report(file, {
        reason: `Control character ${codePointName(match[0])} in a string (written as an escape): a web page cannot show it`,
        rule: 'control-character',
        severity: 'error',
        place: placeInStringNode(text, node, match.index),
        fix: 'Remove the escape (\\u0000 and the like); a line break is written \\n and a tab \\t.',
      });
    }
  }
  for (const child of node.children ?? []) reportControlEscapes(file, text, child);
}

function describeParseError(code: string): string {
  const readable: Record<string, string> = {
    InvalidSymbol: 'unexpected character',
    InvalidNumberFormat: 'malformed number',
    PropertyNameExpected: 'expected a property name in double quotes',
    ValueExpected: 'expected a value',
    ColonExpected: 'expected ":" after the property name',
    CommaExpected: 'expected "," between entries',
    CloseBraceExpected: 'expected "}"',
    CloseBracketExpected: 'expected "]"',
    EndOfFileExpected: 'unexpected content after the end of the document',
    InvalidCommentToken: 'comments are not allowed in JSON',
    UnexpectedEndOfComment: 'comments are not allowed in JSON',
    UnexpectedEndOfString: 'unterminated string',
    UnexpectedEndOfNumber: 'unterminated number',
    InvalidUnicode: 'invalid \\u escape',
    InvalidEscapeCharacter: 'invalid escape character',
    InvalidCharacter: 'invalid character in string (control characters must be escaped)',
  };
  return readable[code] ?? code;
}

/** Builds the plain value from the tree (avoids parsing the text twice). */
function toValue(node: Node): unknown {
  switch (node.type) {
    case 'object':
      return Object.fromEntries((node.children ?? []).map((property) => [property.children?.[0]?.value as string, toValue(property.children![1]!)]));
    case 'array':
      return (node.children ?? []).map(toValue);
    default:
      return node.value;
  }
}

function reportDuplicateKeys(file: VFile, text: string, node: Node): void {
  if (node.type === 'object') {
    const seen = new Set<string>();
    for (const property of node.children ?? []) {
      const key = property.children?.[0];
      if (!key) continue;
      const name = String(key.value);
      if (seen.has(name)) {
        report(file, {
          reason: `Duplicate key "${name}": JSON keeps only the last one`,
          rule: 'duplicate-key',
          severity: 'error',
          place: positionAt(text, key.offset),
          fix: `Remove one of the "${name}" entries.`,
        });
      }
      seen.add(name);
    }
  }
  for (const child of node.children ?? []) reportDuplicateKeys(file, text, child);
}

/** 1-based line and column of a character offset. */
export function positionAt(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let index = 0; index < offset && index < text.length; index += 1) {
    if (text.charCodeAt(index) === 10) {
      line += 1;
      lineStart = index + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

/**
 * The node at a path, or the deepest node that exists on the way to it (so a missing
 * field is reported at the object that lacks it).
 */
export function nodeAt(source: JsonSource, path: JsonPath): Node {
  for (let length = path.length; length >= 0; length -= 1) {
    const node = findNodeAtLocation(source.tree, path.slice(0, length) as (string | number)[]);
    if (node) return node;
  }
  return source.tree;
}

/** Position of the value at a path (falls back to the nearest existing ancestor). */
export function placeOf(source: JsonSource, path: JsonPath): { line: number; column: number } {
  return positionAt(source.text, nodeAt(source, path).offset);
}

/** Position of a property's key, for problems about the key itself (unknown, misspelt). */
export function keyPlaceOf(source: JsonSource, objectPath: JsonPath, key: string): { line: number; column: number } {
  const object = nodeAt(source, objectPath);
  const property = object.children?.find((child) => child.children?.[0]?.value === key);
  return positionAt(source.text, (property ?? object).offset);
}

/**
 * Position of a character inside a string value. `index` counts UTF-16 units of the decoded
 * string; escapes in the raw JSON (\n, \", \u2191) make raw and decoded offsets differ.
 */
export function placeInString(source: JsonSource, path: JsonPath, index: number): { line: number; column: number } {
  const node = nodeAt(source, path);
  if (node.type !== 'string') return positionAt(source.text, node.offset);
  return placeInStringNode(source.text, node, index);
}

function placeInStringNode(text: string, node: Node, index: number): { line: number; column: number } {
  let raw = node.offset + 1;
  for (let decoded = 0; decoded < index && raw < node.offset + node.length - 1; decoded += 1) {
    if (text[raw] === '\\') raw += text[raw + 1] === 'u' ? 6 : 2;
    else raw += 1;
  }
  return positionAt(text, raw);
}
