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
  const widest = Math.max(0, ...node.children.map((child) => (child.type === 'turn' ? [...(child.speaker ?? '')].length + 1 : 0)));
  const lines = h('ol.ca-lines', state.all(node));
  const legend = state.options.legend ? legendToHast(usedSymbols(node), { id: state.id('legend') }) : [];
  return h(
    'div',
    {
      className: ['ca-transcript', `ca-transcript--${node.mode}`],
      style: `--ca-label-width:${String(widest)}ch`,
    },
    [lines, ...legend],
  );
};

/** A turn contributes its lines; stretches still open when it ends stop there. */
export const turn: Handler<Turn> = (state, node) => {
  const lines = node.children.map((line, index) => printedLine(state, line, index === 0 && !node.continued ? node.speaker : undefined));
  state.active.clear();
  return lines;
};

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

function printedLine(state: State, node: Line, speaker: string | undefined): Element {
  return row(state, 'turn', node.number, speaker, state.all(node), node.time);
}

function row(state: State, kind: string, source: number | undefined, speaker: string | undefined, talk: ElementContent[], time?: MediaTime): Element {
  const number = source === undefined ? undefined : source + state.options.firstLine - 1;
  const cells: ElementContent[] = [];
  if (state.options.lineNumbers) cells.push(h('span.ca-n', number === undefined ? [] : String(number)));
  // The space after the colon keeps "Client: talk" intact when the transcript is copied.
  cells.push(h('span.ca-speaker', speaker === undefined ? [] : `${speaker}: `));
  cells.push(h('span.ca-talk', talk));
  const id = number === undefined ? undefined : `${state.options.idPrefix}-line-${String(number)}`;
  const media = time === undefined ? {} : { dataStart: String(time.start), dataEnd: String(time.end) };
  return h('li', { className: ['ca-line', `ca-line--${kind}`], id, ...media }, cells);
}
