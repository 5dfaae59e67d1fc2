/** Handlers for notation that stands on its own: one per node type. */
import { formatDuration } from '../symbols.ts';
import { symbolOf } from '../symbol-of.ts';
import type { State, Handler } from '../to-hast.ts';
import type {
  Breath,
  Comment,
  Cutoff,
  Editorial,
  Elision,
  HurriedStart,
  Inaudible,
  Intonation,
  LaughInWord,
  Laughter,
  Latching,
  Lengthening,
  Loud,
  Micropause,
  Omission,
  Pause,
  PhrasingContent,
  PitchStep,
  Uncertain,
} from '../types.ts';
import { type Occurrence, symbolElement, talk } from './symbol-element.ts';
import type { ElementContent } from 'hast';

function render(state: State, node: PhrasingContent, occurrence: Omit<Occurrence, 'value'> = {}): ElementContent {
  const entry = symbolOf(node);
  return entry ? symbolElement(state, entry, { value: node.value, ...occurrence }) : talk(state, node.value);
}

/** `(0.5)` */
export const pause: Handler<Pause> = (state, node) => render(state, node, { parameters: { duration: formatDuration(node.seconds) } });
/** `(.)` */
export const micropause: Handler<Micropause> = (state, node) => render(state, node);
/** `.` `,` `?` `¿` */
export const intonation: Handler<Intonation> = (state, node) => render(state, node);
/** `::` */
export const lengthening: Handler<Lengthening> = (state, node) => render(state, node);
/** `=` */
export const latching: Handler<Latching> = (state, node) => render(state, node);
/** `wo-` */
export const cutoff: Handler<Cutoff> = (state, node) => render(state, node);
/** `‘rd` */
export const elision: Handler<Elision> = (state, node) => render(state, node);
/** `hhh`, `.hhh` */
export const breath: Handler<Breath> = (state, node) => render(state, node);
/** `heh` */
export const laughter: Handler<Laughter> = (state, node) => render(state, node);
/** `(h)` */
export const laughInWord: Handler<LaughInWord> = (state, node) => render(state, node);
/** `WORD`; spoken in lower case so screen readers do not spell it out. */
export const loud: Handler<Loud> = (state, node) => render(state, node, { words: node.value.toLowerCase() });
/** `(word)`, `(word/ward)` */
export const uncertain: Handler<Uncertain> = (state, node) =>
  node.hearings.length > 1 ? render(state, node, { parameters: { hearings: node.hearings.join(' or ') } }) : render(state, node, { words: node.hearings.join('') });
/** `(X)`, `( )`, `X` */
export const inaudible: Handler<Inaudible> = (state, node) => render(state, node);
/** `((coughs))` */
export const comment: Handler<Comment> = (state, node) => render(state, node, { words: node.text });
/** `[…]`, `…` */
export const omission: Handler<Omission> = (state, node) => render(state, node);
/** `[she]` */
export const editorial: Handler<Editorial> = (state, node) => render(state, node, { words: node.text });
/** A lone `↑` or `↓` */
export const pitchStep: Handler<PitchStep> = (state, node) => render(state, node);
/** A lone `<` */
export const hurriedStart: Handler<HurriedStart> = (state, node) => render(state, node);
