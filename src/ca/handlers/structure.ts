/** Handlers for the layout: the transcript, its turns, lines, silences and omissions. */
import type { Element, ElementContent } from 'hast';
import { h } from 'hastscript';
import { legendToHast } from '../legend.ts';
import { formatDuration, getSymbol } from '../symbols.ts';
import { symbolOf } from '../symbol-of.ts';
import type { Handler, State } from '../to-hast.ts';
import type { Line, MediaTime, OmissionLine, Silence, Transcript, Turn } from '../types.ts';
import { usedSymbols } from '../used-symbols.ts';
import { symbolElement } from './symbol-element.ts';

/**
 * The transcript: a list of printed lines in a grid of line number, speaker
 * label and talk. The label column is as wide as the longest label, so talk
 * starts in the same column on every line and overlaps can be aligned.
 */
export const transcript: Handler<Transcript> = (state, node) => {
  // The longest label, its colon and one space; 0 when no line names a speaker.
  const widest = Math.max(0, ...node.children.map((child) => (child.type === 'turn' && child.speaker !== undefined ? [...labelOf(child)].length + 1 : 0)));
  state.labelWidth = widest;
  const lines = h('ol.ca-lines', state.all(node));
  const used = usedSymbols(node);
  const legend = state.options.legend ? legendToHast(used, { id: state.id('legend') }) : [];
  return h(
    'div',
    {
      className: ['ca-transcript', `ca-transcript--${node.mode}`],
      style: `--ca-label-width:${String(widest)}ch`,
      // The page's one key to the symbols (src/components/ca/SymbolKey.astro) lists what its transcripts use.
      dataCaSymbols: used.map((entry) => entry.id).join(' '),
    },
    [lines, ...legend],
  );
};

/** A turn contributes its lines; stretches still open when it ends stop there. */
export const turn: Handler<Turn> = (state, node) => {
  const lines = node.children.map((line, index) => printedLine(state, line, index === 0 && !node.continued && node.speaker !== undefined ? labelOf(node) : undefined));
  state.active.clear();
  return lines;
};

/** A turn's label as printed: `Client:`, or the source's own form (`*KAT:`, `(Dan):`). */
function labelOf(node: Turn): string {
  return node.label ?? `${node.speaker ?? ''}:`;
}

/** A line met outside a turn (a hand-made tree) is printed without a label. */
export const line: Handler<Line> = (state, node) => printedLine(state, node, undefined);

/** A timed silence on its own numbered line. */
export const silence: Handler<Silence> = (state, node) => {
  const entry = symbolOf(node);
  const parameters = node.seconds === undefined ? {} : { duration: formatDuration(node.seconds) };
  const content: ElementContent[] = entry ? [symbolElement(state, entry, { value: node.value, parameters })] : [{ type: 'text', value: node.value }];
  if (node.note !== undefined) content.push({ type: 'text', value: ' ' }, symbolElement(state, getSymbol('comment'), { value: node.note }));
  return row(state, 'silence', node.number, undefined, content, node.time);
};

/** Omitted lines: not numbered, since they are not part of the transcript. */
export const omissionLine: Handler<OmissionLine> = (state, node) => {
  const entry = symbolOf(node);
  const content: ElementContent[] = entry ? [symbolElement(state, entry, { value: node.value })] : [{ type: 'text', value: node.value }];
  return row(state, 'omission', undefined, undefined, content);
};

function printedLine(state: State, node: Line, label: string | undefined): Element {
  return row(state, 'turn', node.number, label, state.all(node), node.time);
}

function row(state: State, kind: string, source: number | undefined, printedLabel: string | undefined, talk: ElementContent[], time?: MediaTime): Element {
  const number = source === undefined ? undefined : source + state.options.firstLine - 1;
  const cells: ElementContent[] = [];
  const id = number === undefined ? undefined : `${state.options.idPrefix}-line-${String(number)}`;
  // Each numbered line is its own anchor, to link to and cite; the number itself is the link.
  if (state.options.lineNumbers) {
    cells.push(id === undefined ? h('span.ca-n') : h('a.ca-n', { href: `#${id}`, ariaLabel: `Line ${String(number)}` }, String(number)));
  }
  // The label is padded with spaces to the widest label, as a typed transcript is, so a
  // copied selection keeps talk (and overlap onsets) in one column; the colon and space
  // keep "Client: talk" on one line when copied.
  const label = printedLabel ?? '';
  const characters = [...label].length;
  cells.push(h('span.ca-speaker', label + ' '.repeat(Math.max(state.labelWidth, label ? characters + 1 : 0) - characters)));
  cells.push(h('span.ca-talk', talk));
  const media = time === undefined ? {} : { dataStart: String(time.start), dataEnd: String(time.end) };
  return h('li', { className: ['ca-line', `ca-line--${kind}`], id, ...media }, cells);
}
