/** Handlers for talk and the whitespace between it. */
import type { Text, Timecode, Whitespace } from '../types.ts';
import type { Handler } from '../to-hast.ts';
import { talk } from './symbol-element.ts';

/** Plain talk. */
export const text: Handler<Text> = (state, node) => talk(state, node.value);

/** Whitespace is kept as written; CSS collapses it, and the renderer aligns overlaps itself. */
export const whitespace: Handler<Whitespace> = (state, node) => talk(state, node.value);

/** A media time code is when the line was said, not talk: the line carries it (`data-start`, `data-end`). */
export const timecode: Handler<Timecode> = () => [];
