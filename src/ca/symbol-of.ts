/**
 * Which symbol-table entry a node stands for: shared by the renderer (tooltips,
 * spoken names) and the legend, so both always agree.
 */
import { getSymbol, type SymbolEntry, type SymbolId } from './symbols.ts';
import type { Intonation, Marker, Node, SpanKind } from './types.ts';

/** The entry for each kind of stretch; overlap onsets use `overlap-onset` (or `simultaneous-start` for `[[`). */
export const spanSymbol = {
  overlap: 'overlap-onset',
  quiet: 'quiet',
  whisper: 'whisper',
  fast: 'fast',
  slow: 'slow',
  emphasis: 'emphasis',
  smile: 'smile-voice',
  creaky: 'creaky-voice',
  wobbly: 'wobbly-voice',
  'high-pitch': 'high-pitch',
  'low-pitch': 'low-pitch',
  uncertain: 'uncertain',
} as const satisfies Record<SpanKind, SymbolId>;

const contours = {
  falling: 'falling-intonation',
  continuing: 'continuing-intonation',
  rising: 'rising-intonation',
  'slight-rise': 'slight-rise',
  animated: 'animated-tone',
} as const satisfies Record<Intonation['contour'], SymbolId>;

/** The symbol a node is written with, or `undefined` for talk, whitespace and structure. */
export function symbolOf(node: Node): SymbolEntry | undefined {
  const id = symbolIdOf(node);
  return id === undefined ? undefined : getSymbol(id);
}

function symbolIdOf(node: Node): SymbolId | undefined {
  switch (node.type) {
    case 'silence':
    case 'pause':
      return 'timed-pause';
    case 'omissionLine':
      return 'omission-line';
    case 'micropause':
      return 'micropause';
    case 'intonation':
      return contours[node.contour];
    case 'lengthening':
      return 'lengthening';
    case 'latching':
      return 'latching';
    case 'cutoff':
      return 'cut-off';
    case 'elision':
      return 'elision';
    case 'breath':
      return node.direction === 'in' ? 'in-breath' : 'out-breath';
    case 'laughter':
      return 'laughter';
    case 'laughInWord':
      return 'laugh-in-word';
    case 'loud':
      return 'loud';
    case 'uncertain':
      return node.hearings.length > 1 ? 'alternative-hearings' : 'uncertain';
    case 'inaudible':
      return 'inaudible';
    case 'comment':
      return 'comment';
    case 'omission':
      return node.form === 'bracketed' ? 'omission' : 'ellipsis';
    case 'editorial':
      return 'editorial';
    case 'pitchStep':
      return node.direction === 'up' ? 'pitch-step-up' : 'pitch-step-down';
    case 'hurriedStart':
      return 'hurried-start';
    case 'marker':
      return markerSymbol(node);
    default:
      return undefined;
  }
}

function markerSymbol(marker: Marker): SymbolId {
  if (marker.span !== 'overlap') return spanSymbol[marker.span];
  if (marker.edge === 'close') return 'overlap-end';
  return marker.value === '[[' ? 'simultaneous-start' : 'overlap-onset';
}
