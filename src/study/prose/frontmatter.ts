/**
 * The YAML frontmatter of an MDX file, read as Astro reads it (the same delimiters and
 * js-yaml, the parser Astro uses), but kept with the place of every value: the result is a
 * JsonSource whose tree points into the MDX file, so frontmatter is validated and located
 * by the same code as the study's JSON files.
 */
import yaml from 'js-yaml';
import type { Node, NodeType } from 'jsonc-parser';
import type { VFile } from 'vfile';
import { report } from '../diagnostics.ts';
import { positionAt, type JsonSource } from '../json-source.ts';

/** Astro's frontmatter pattern (@astrojs/internal-helpers/frontmatter): `---` fences at the very top, after a BOM or blank lines. */
const frontmatterPattern = /(?:^\uFEFF?|^\s*\n)(?:---|\+\+\+)([\s\S]*?\n)(?:---|\+\+\+)/;

export interface Frontmatter {
  /** The frontmatter as a located JSON source, or undefined when it does not parse. */
  source: JsonSource | undefined;
  /** The file's text with the frontmatter blanked out (lines and columns kept), for the MDX parser. */
  body: string;
}

export function readFrontmatter(file: VFile): Frontmatter {
  const text = String(file.value);
  const match = frontmatterPattern.exec(text);
  if (!match) {
    return { source: { file, text, tree: objectNode(0, 0), value: {} }, body: text };
  }
  const raw = match[1]!;
  const start = match.index + match[0].indexOf(raw);
  const body = text.slice(0, match.index) + match[0].replace(/[^\r\n]/g, ' ') + text.slice(match.index + match[0].length);
  if (match[0].trimStart().startsWith('+++')) {
    report(file, {
      reason: 'TOML frontmatter (+++) is not supported here',
      rule: 'frontmatter-syntax',
      severity: 'error',
      place: positionAt(text, match.index),
      fix: 'Write the frontmatter in YAML between --- lines, as in docs/mdx.md.',
    });
    return { source: undefined, body };
  }
  const events: { type: 'open' | 'close'; position: number; kind: string | null; result: unknown }[] = [];
  let value: unknown;
  try {
    value = yaml.load(raw, {
      listener(type, state) {
        events.push({ type, position: state.position, kind: state.kind, result: state.result });
      },
    });
  } catch (cause) {
    const error = cause as yaml.YAMLException;
    report(file, {
      reason: `Invalid YAML in the frontmatter: ${error.reason ?? error.message}`,
      rule: 'frontmatter-syntax',
      severity: 'error',
      place: error.mark ? positionAt(text, start + error.mark.position) : positionAt(text, start),
      fix: yamlFix(error.reason ?? ''),
    });
    return { source: undefined, body };
  }
  if (value === undefined || value === null) value = {};
  const tree = value !== null && typeof value === 'object' ? treeFromEvents(events, raw, start) : undefined;
  return { source: { file, text, tree: tree ?? objectNode(start, raw.length), value }, body };
}

function yamlFix(reason: string): string {
  if (/mapping entry|multiline key|implicit mapping/.test(reason)) {
    return 'A value that contains ": " (or starts with a quote, [, {, &, *, !, |, >, %, @ or `) must be quoted: title: "Session 3: the rupture". Inside double quotes write \\" for a quote.';
  }
  if (/duplicated mapping key/.test(reason)) return 'Each field may appear once; remove one of them.';
  return 'Correct the YAML at this position; quoting the value in double quotes usually fixes it.';
}

interface Frame {
  start: number;
  children: Node[];
}

/**
 * js-yaml reports each node it composes as an `open` (at the offset where it starts
 * looking, which may be before blank space) and a `close` (at its end, with its kind and
 * value). Nodes nest, so a stack rebuilds the tree; for a mapping, its children alternate
 * key and value.
 */
function treeFromEvents(events: readonly { type: 'open' | 'close'; position: number; kind: string | null; result: unknown }[], raw: string, base: number): Node | undefined {
  const stack: Frame[] = [{ start: 0, children: [] }];
  for (const event of events) {
    if (event.type === 'open') {
      stack.push({ start: skipBlank(raw, event.position), children: [] });
      continue;
    }
    const frame = stack.pop();
    const parent = stack.at(-1);
    if (!frame || !parent) return undefined;
    // A block sequence item is opened twice (once as the item, once as its content).
    if (frame.children.length === 1 && frame.children[0]!.offset === base + frame.start && event.kind !== 'sequence' && event.kind !== 'mapping') {
      parent.children.push(frame.children[0]!);
      continue;
    }
    parent.children.push(toNode(event.kind, event.result, frame, base + frame.start, Math.max(0, event.position - frame.start)));
  }
  return stack[0]?.children[0];
}

function toNode(kind: string | null, result: unknown, frame: Frame, offset: number, length: number): Node {
  if (kind === 'mapping') {
    const properties: Node[] = [];
    for (let index = 0; index + 1 < frame.children.length; index += 2) {
      const key = frame.children[index]!;
      const value = frame.children[index + 1]!;
      properties.push({ type: 'property', offset: key.offset, length: value.offset + value.length - key.offset, children: [key, value] });
    }
    return { type: 'object', offset, length, children: properties };
  }
  if (kind === 'sequence') {
    return { type: 'array', offset, length, children: frame.children };
  }
  return { type: scalarType(result), offset, length, value: result };
}

function objectNode(offset: number, length: number): Node {
  return { type: 'object', offset, length, children: [] };
}

function scalarType(value: unknown): NodeType {
  if (value === null) return 'null';
  if (typeof value === 'string') return 'string';
  if (typeof value === 'number') return 'number';
  if (typeof value === 'boolean') return 'boolean';
  return 'string';
}

/** Past spaces, line breaks and comment lines, to where a node's text begins. */
function skipBlank(raw: string, position: number): number {
  let index = position;
  while (index < raw.length) {
    const char = raw[index]!;
    if (char === ' ' || char === '\t' || char === '\n' || char === '\r') index += 1;
    else if (char === '#') while (index < raw.length && raw[index] !== '\n') index += 1;
    else break;
  }
  return index;
}
