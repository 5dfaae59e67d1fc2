/** Handlers for talk and the whitespace between it. */
import type { Text, Timecode, Whitespace } from '../types.ts';
import type { Handler } from '../to-hast.ts';
import { talk } from './symbol-element.ts';

/** Plain talk. */
export const text: Handler<Text> = (state, node) => talk(state, node.value);

/**
 * Whitespace is kept as written, in a column that never wraps, except that tabs become the
 * spaces they stand for and a run before an overlap onset takes the width that lines the
 * onset up (`layOut` in to-hast.ts): so a copy of the lines is aligned as the page is.
 */
export const whitespace: Handler<Whitespace> = (state, node) => talk(state, state.spacing.get(node) ?? node.value);

/** A media time code is when the line was said, not talk: the line carries it (`data-start`, `data-end`). */
export const timecode: Handler<Timecode> = () => [];
