/**
 * The two kinds of line a transcript prints that are not talk, read from their text alone:
 * a timed silence on a line of its own, and the quoting author's mark for lines left out.
 * One grammar for the CA parser, the stored excerpt schema (src/study/schemas) and the
 * importers (src/interchange), so that what one of them accepts the others accept too.
 */

const pause = String.raw`\(\s*(?:\d+:)?(?:\d*\.\d+|\d+(?:\.\d*)?)\s*\)`;
const note = String.raw`\(\([^)]*\)\)`;
const mediaLink = String.raw`\u0015?\d+_\d+\u0015?`;

/**
 * A timed silence on its own line: `(0.5)`, `(.7)`, `(1:02.5)`, followed by the
 * transcriber's note on it, `(5.7) ((tannoy))`, and by CLAN media links, `(0.6) 61203_61843`.
 */
export const silenceLine = new RegExp(String.raw`^\s*${pause}(?:\s*${note})*(?:\s+${mediaLink})*\s*$`);

/**
 * A row of dots or an ellipsis, bare or in square or round brackets: `……`, `..`, `[…]`,
 * `(...)`. Round brackets need three dots or an ellipsis: `(..)` is a pause in some notations.
 */
export const omissionLine = /^\s*(?:[.…]*…[.…]*|\.{2,}|\[\s*[.…]+\s*\]|\(\s*(?:[.…]*…[.…]*|\.{3,})\s*\))\s*$/;
