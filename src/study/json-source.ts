/**
 * A content JSON file parsed with its syntax tree kept, so any value found wrong later
 * (by zod or a cross-reference check) can be reported at its own line and column.
 */
import { findNodeAtLocation, parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import type { VFile } from 'vfile';
import { report } from './diagnostics.ts';

export type JsonPath = ReadonlyArray<string | number>;

export interface JsonSource {
  file: VFile;
  text: string;
  tree: Node;
  value: unknown;
}

/** Parses strict JSON (no comments, no trailing commas); syntax errors are reported on the file. */
export function parseJsonSource(file: VFile): JsonSource | undefined {
  const text = String(file.value);
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
  return { file, text, tree, value: toValue(tree) };
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
      return Object.fromEntries(
        (node.children ?? []).map((property) => [property.children?.[0]?.value as string, toValue(property.children![1]!)]),
      );
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
  let raw = node.offset + 1;
  for (let decoded = 0; decoded < index && raw < node.offset + node.length - 1; decoded += 1) {
    if (source.text[raw] === '\\') raw += source.text[raw + 1] === 'u' ? 6 : 2;
    else raw += 1;
  }
  return positionAt(source.text, raw);
}
