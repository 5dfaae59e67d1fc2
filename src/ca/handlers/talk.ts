/** Handlers for talk and the whitespace between it. */
import type { Text, Whitespace } from '../types.ts';
import type { Handler } from '../to-hast.ts';
import { talk } from './symbol-element.ts';

/** Plain talk. */
export const text: Handler<Text> = (state, node) => talk(state, node.value);

/** Whitespace is kept as written; CSS collapses it, and the renderer aligns overlaps itself. */
export const whitespace: Handler<Whitespace> = (state, node) => talk(state, node.value);
