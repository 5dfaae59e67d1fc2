/**
 * Layer 3: syntax tree → hast, through one handler per node type
 * (`handlers/index.ts`). This module holds the walk and the state handlers share.
 */
import type { Element, ElementContent, Root } from 'hast';
import { h } from 'hastscript';
import { handlers } from './handlers/index.ts';
import type { Marker, Node, Transcript, Whitespace } from './types.ts';

/** Rendering options. */
export interface ToHastOptions {
  /** Prefix of every generated `id` (tooltips, lines, legend); give each transcript on a page its own. Default `ca`. */
  idPrefix?: string;
  /** Show printed line numbers. Default `true`. */
  lineNumbers?: boolean;
  /** Add a legend of the symbols used, under the transcript. Default `true`. */
  legend?: boolean;
  /**
   * The number printed on line 1; every line number (and line id) moves with it. Default `1`.
   * Excerpts shown together (one vignette's) continue each other's numbering, so "line 9"
   * names one line.
   */
  firstLine?: number;
}

/** What handlers share while one transcript is rendered. */
export interface State {
  /** Options with defaults applied. */
  readonly options: Readonly<Required<ToHastOptions>>;
  /** Stretches open at the current point of the walk, by marker id (they cross-nest, so this is not a stack). */
  readonly active: Map<number, Marker>;
  /** Columns of padding to insert before an overlap onset so it lines up under the onset it answers, by marker id. */
  readonly alignment: ReadonlyMap<number, number>;
  /** How many columns a run of whitespace is printed as: tabs expanded, and a run before an aligned onset resized to line it up. */
  readonly spacing: ReadonlyMap<Whitespace, string>;
  /** Columns of the label cell (longest label, its colon and a space), so talk starts in one column on every line. */
  labelWidth: number;
  /** A fresh id with the transcript's prefix. */
  id(kind: string): string;
  /** Render one node. */
  one(node: Node): ElementContent[];
  /** Render a parent's children in order. */
  all(parent: { children: readonly Node[] }): ElementContent[];
}

/** Renders one node type. */
export type Handler<N extends Node> = (state: State, node: N) => ElementContent | ElementContent[];

/** One handler per node type. */
export type Handlers = { [K in Node['type']]: Handler<Extract<Node, { type: K }>> };

/** Render `tree` as hast: a `div.ca-transcript` holding the numbered lines and, by default, a legend. */
export function toHast(tree: Transcript, options: ToHastOptions = {}): Root {
  const settings = { idPrefix: 'ca', lineNumbers: true, legend: true, firstLine: 1, ...options };
  const counters = new Map<string, number>();
  const layout = layOut(tree);
  const state: State = {
    options: settings,
    active: new Map(),
    alignment: layout.padding,
    spacing: layout.spacing,
    labelWidth: 0,
    id(kind) {
      const next = (counters.get(kind) ?? 0) + 1;
      counters.set(kind, next);
      return `${settings.idPrefix}-${kind}-${String(next)}`;
    },
    one: (node) => one(state, node),
    all: (parent) => parent.children.flatMap((child) => one(state, child)),
  };
  const rendered = one(state, tree);
  return { type: 'root', children: hasLowLines(tree) ? rendered.map(underlineMarks) : rendered };
}

function hasLowLines(node: Node): boolean {
  if ('value' in node && typeof node.value === 'string' && lowLines.test(node.value)) return true;
  return 'children' in node && (node.children as readonly Node[]).some(hasLowLines);
}

/** Combining low lines (CABank's underlined emphasis, `y̲e̲s̲`), which monospace faces such as DejaVu Sans Mono set as a column of their own. */
const lowLines = /[\u0332\u0333]+/u;
const lowLineSplit = /([^\u0332\u0333]?)([\u0332\u0333]+)/gu;

/**
 * A combining low line stays in the text, so a copy gives it back, but it is drawn as an
 * underline of the letter it sits on (`span.ca-ul`) and itself takes no room
 * (`span.ca-mark`): set as a glyph, it would push the rest of the line one column right
 * per mark, and overlap onsets after it out of line with those they answer.
 */
function underlineMarks<T extends ElementContent>(node: T): T {
  if (node.type === 'element') {
    const classes = node.properties['className'];
    if (Array.isArray(classes) && (classes.includes('ca-sr') || classes.includes('ca-tip'))) return node;
    if (!node.children.some((child) => child.type !== 'text' || lowLines.test(child.value))) return node;
    return { ...node, children: node.children.flatMap((child) => (child.type === 'text' ? splitMarks(child.value) : [underlineMarks(child)])) };
  }
  return node;
}

function splitMarks(value: string): ElementContent[] {
  if (!lowLines.test(value)) return [{ type: 'text', value }];
  const out: ElementContent[] = [];
  let at = 0;
  for (const match of value.matchAll(lowLineSplit)) {
    const [, base = '', marks = ''] = match;
    if (match.index > at) out.push({ type: 'text', value: value.slice(at, match.index) });
    const mark: Element = { type: 'element', tagName: 'span', properties: { className: ['ca-mark'] }, children: [{ type: 'text', value: marks }] };
    out.push(base === '' ? mark : { type: 'element', tagName: 'span', properties: { className: ['ca-ul'] }, children: [{ type: 'text', value: base }, mark] });
    at = match.index + match[0].length;
  }
  if (at < value.length) out.push({ type: 'text', value: value.slice(at) });
  return out;
}

/** The highest line number of a transcript (0 when no line is numbered): where the next excerpt shown with it carries on. */
export function lastLineNumber(tree: Transcript): number {
  let last = 0;
  for (const node of tree.children) {
    if (node.type === 'silence') last = Math.max(last, node.number);
    if (node.type === 'turn') for (const line of node.children) last = Math.max(last, line.number);
  }
  return last;
}

function one(state: State, node: Node): ElementContent[] {
  const handler = (handlers as Partial<Record<string, Handler<Node>>>)[node.type];
  const result = handler ? handler(state, node) : unknown(state, node);
  return Array.isArray(result) ? result : [result];
}

/** Nodes from a newer or hand-made tree still show up, marked, instead of vanishing. */
function unknown(state: State, node: Node): ElementContent {
  const unknownNode: unknown = node;
  const record = (typeof unknownNode === 'object' && unknownNode !== null ? unknownNode : {}) as Record<string, unknown>;
  const children = Array.isArray(record['children'])
    ? state.all({ children: record['children'] as Node[] })
    : [{ type: 'text' as const, value: typeof record['value'] === 'string' ? record['value'] : '' }];
  return h('span.ca-unknown', { dataType: String(record['type']) }, children);
}

/**
 * Work out, for each overlap onset that answers another, how many columns of
 * space put it under that onset (see `layOut`).
 */
export function alignOverlaps(tree: Transcript): Map<number, number> {
  return layOut(tree).padding;
}

/** Tab stops in the talk column, every 8 columns as in a terminal or a typewritten transcript. */
const tabStop = 8;

/**
 * Lay out each line's talk in the monospaced column it is printed in, which
 * never wraps: whitespace is kept as the transcriber typed it (tabs expanded to
 * spaces, since a browser would measure tab stops from the start of the whole
 * line, label and number included), emphasis underscores and combining marks
 * take no room. An overlap onset that answers one above is moved to that
 * onset's column: the whitespace just before it is resized (the transcriber's
 * alignment rarely survives a relabelled speaker column), or, where there is
 * none, spaces are inserted. Lines are visited in order, so the onset answered
 * is always placed before the one answering it.
 */
export function layOut(tree: Transcript): { padding: Map<number, number>; spacing: Map<Whitespace, string> } {
  const columns = new Map<number, number>();
  const padding = new Map<number, number>();
  const spacing = new Map<Whitespace, string>();
  for (const child of tree.children) {
    if (child.type !== 'turn') continue;
    for (const line of child.children) {
      let column = 0;
      // Where the whitespace just before the current node started, and which node it was.
      let run: { node: Whitespace; start: number } | undefined;
      for (const node of line.children) {
        if (node.type === 'marker' && node.span === 'overlap' && node.edge === 'open') {
          const target = node.answers === undefined ? undefined : columns.get(node.answers);
          if (target !== undefined && run && target - run.start >= (run.start === 0 ? 0 : 1)) {
            spacing.set(run.node, ' '.repeat(target - run.start));
            column = target;
          } else if (target !== undefined && target > column) {
            padding.set(node.id, target - column);
            column = target;
          }
          columns.set(node.id, column);
        }
        if (node.type === 'whitespace') {
          const shown = expanded(node.value, column);
          if (shown !== node.value) spacing.set(node, shown);
          run = { node, start: column };
          column += [...shown].length;
          continue;
        }
        run = undefined;
        column += width(node);
      }
    }
  }
  return { padding, spacing };
}

/** `value` with each tab replaced by the spaces that reach the next tab stop from `column`. */
function expanded(value: string, column: number): string {
  let at = column;
  let shown = '';
  for (const character of value) {
    const next = character === '\t' ? (Math.floor(at / tabStop) + 1) * tabStop : at + 1;
    shown += character === '\t' ? ' '.repeat(next - at) : character;
    at = next;
  }
  return shown;
}

/** Columns a node takes: emphasis underscores are hidden and combining marks (U+0332 underline) sit on the letter before. */
function width(node: Node): number {
  if ((node.type === 'marker' && node.span === 'emphasis') || node.type === 'timecode') return 0;
  return 'value' in node ? [...node.value].filter((character) => !/\p{M}/u.test(character)).length : 0;
}
