/**
 * Every diagnostic the parser can report, worded "Unexpected X, expected Y".
 * `README.md` has one "Errors" heading per rule id; a test keeps the two in step.
 */
import type { Point, Position } from 'unist';
import type { VFile } from 'vfile';
import type { VFileMessage } from 'vfile-message';

/** Where the README documents a rule: `docsUrl + '#' + ruleId`. */
export const docsUrl = 'src/ca/README.md';

/** Value of `message.source` on every diagnostic. */
export const source = 'jefferson';

/** The text of one diagnostic. */
export interface Problem {
  /** Rule id, also the README anchor. */
  readonly ruleId: RuleId;
  /** `info` for readings the parser is fairly sure of; `warning` where the notation is broken. */
  readonly severity: 'warning' | 'info';
  /** "Unexpected X, expected Y". */
  readonly reason: string;
  /** What was found. */
  readonly actual?: string;
  /** What would have been valid. */
  readonly expected?: readonly string[];
  /** How the parser carried on. */
  readonly note?: string;
}

/** Builders for each diagnostic's text, by rule id. */
export const problem = {
  'missing-speaker': (): Problem => ({
    ruleId: 'missing-speaker',
    severity: 'warning',
    reason: 'Unexpected talk without a speaker, expected a speaker label (`Client: …`) on the first line of talk',
    expected: ['Label: talk'],
    note: 'The turn is shown without a label.',
  }),
  'empty-turn': (): Problem => ({
    ruleId: 'empty-turn',
    severity: 'warning',
    reason: 'Unexpected empty line of talk, expected some talk',
  }),
  'invalid-silence': (actual: string): Problem => ({
    ruleId: 'invalid-silence',
    severity: 'warning',
    reason: `Unexpected \`${actual}\` on a silence line, expected a timed pause such as \`(5.0)\``,
    actual,
    expected: ['(5.0)'],
    note: 'The line is shown as written, without a duration.',
  }),
  'invalid-omission': (actual: string): Problem => ({
    ruleId: 'invalid-omission',
    severity: 'warning',
    reason: `Unexpected \`${actual}\` on an omission line, expected a row of dots (\`……\`) or \`[…]\``,
    actual,
    expected: ['……', '[…]'],
  }),
  'unknown-line-kind': (actual: string): Problem => ({
    ruleId: 'unknown-line-kind',
    severity: 'warning',
    reason: `Unexpected line kind \`${actual}\`, expected \`turn\`, \`silence\` or \`omission\``,
    actual,
    expected: ['turn', 'silence', 'omission'],
    note: 'The line is read as talk.',
  }),
  'unclosed-overlap': (): Problem => ({
    ruleId: 'unclosed-overlap',
    severity: 'warning',
    reason: 'Unexpected `[` left open, expected a `]` to end the overlap before the turn ends',
    expected: [']'],
    note: 'Transcribers often leave the end of an overlap unmarked; it is shown as running to the end of the turn.',
  }),
  'unopened-overlap': (): Problem => ({
    ruleId: 'unopened-overlap',
    severity: 'warning',
    reason: 'Unexpected `]`, expected a `[` earlier in the turn to open the overlap',
    expected: ['['],
  }),
  'unclosed-span': (glyph: string, name: string): Problem => ({
    ruleId: 'unclosed-span',
    severity: 'warning',
    reason: `Unexpected \`${glyph}\` (${name}) left open, expected a closing \`${counterpart(glyph)}\` before the turn ends`,
    actual: glyph,
    expected: [counterpart(glyph)],
    note: 'The stretch is shown as running to the end of the turn.',
  }),
  'unopened-span': (glyph: string, name: string): Problem => ({
    ruleId: 'unopened-span',
    severity: 'warning',
    reason: `Unexpected \`${glyph}\` after talk, expected an opening \`${counterpart(glyph)}\` earlier in the turn for ${name}`,
    actual: glyph,
    expected: [counterpart(glyph)],
    note: 'The character is shown as plain text.',
  }),
  'unclosed-parenthesis': (): Problem => ({
    ruleId: 'unclosed-parenthesis',
    severity: 'warning',
    reason: 'Unexpected `(` without `)` on the same line, expected `)` to close a pause, hearing or inaudible stretch',
    expected: [')'],
    note: 'The parenthesis is shown as plain text.',
  }),
  'unopened-parenthesis': (): Problem => ({
    ruleId: 'unopened-parenthesis',
    severity: 'warning',
    reason: 'Unexpected `)`, expected a `(` before it on the same line',
    expected: ['('],
    note: 'The parenthesis is shown as plain text.',
  }),
  'unclosed-comment': (): Problem => ({
    ruleId: 'unclosed-comment',
    severity: 'warning',
    reason: 'Unexpected end of line in a transcriber’s comment, expected `))`',
    expected: ['))'],
    note: 'The comment is taken to run to the end of the line.',
  }),
  'unclosed-bracket': (): Problem => ({
    ruleId: 'unclosed-bracket',
    severity: 'warning',
    reason: 'Unexpected `[` without `]` on the same line, expected `]` to close the words added by the quoting author',
    expected: [']'],
    note: 'The bracket is shown as plain text.',
  }),
  'unopened-bracket': (): Problem => ({
    ruleId: 'unopened-bracket',
    severity: 'warning',
    reason: 'Unexpected `]`, expected a `[` before it on the same line',
    expected: ['['],
    note: 'The bracket is shown as plain text.',
  }),
  'lookalike-character': (actual: string, canonical: string, name: string): Problem => ({
    ruleId: 'lookalike-character',
    severity: 'warning',
    reason: `Unexpected \`${actual}\` (${codePoint(actual)}), expected \`${canonical}\` (${codePoint(canonical)}) for ${name}`,
    actual,
    expected: [canonical],
    note: 'Read as if it were the expected character; fix it in the source so search and copy work.',
  }),
  'capitals-or-acronym': (actual: string): Problem => ({
    ruleId: 'capitals-or-acronym',
    severity: 'warning',
    reason: `Unexpected \`${actual}\` in capitals among lowercase talk, expected loud talk or an acronym declared as not loud`,
    actual,
    note: `Read as loud. If \`${actual}\` is an acronym, declare it: \`notLoud\` in the parse options, or \`not-loud=${actual}\` after \`\`\`ca.`,
  }),
  'ambiguous-label': (actual: string): Problem => ({
    ruleId: 'ambiguous-label',
    severity: 'warning',
    reason: `Unexpected \`${actual}\` at the start of a line without a speaker label, expected a line number followed by a label (\`${actual} A: …\`)`,
    actual,
    note: 'Read as the printed line number of a line that continues the previous speaker.',
  }),
  'lone-overlap': (): Problem => ({
    ruleId: 'lone-overlap',
    severity: 'info',
    reason: 'Unexpected overlap onset with no `[` on a neighbouring line of another speaker, expected the overlapping talk to be quoted too',
    note: 'The overlap is shown, but cannot be aligned.',
  }),
  'editorial-bracket': (actual: string): Problem => ({
    ruleId: 'editorial-bracket',
    severity: 'info',
    reason: `Unexpected \`${actual}\` with no \`[\` on a neighbouring line of another speaker, expected a partner onset for an overlap`,
    actual,
    note: 'Read as words added by the quoting author, like `[she]`.',
  }),
} as const;

/** Identifier of a diagnostic. */
export type RuleId = keyof typeof problem;

/** All rule ids, for documentation checks. */
export const ruleIds = Object.keys(problem) as RuleId[];

/** A problem found while reading, waiting to become a located message. */
export interface Finding {
  /** What is wrong. */
  readonly problem: Problem;
  /** Where. */
  readonly place: Position | Point;
}

/** Add `finding` to `file` as a `VFileMessage`, with `ruleId`, `source`, `url` and the expected/actual fields. */
export function report(file: VFile, finding: Finding): VFileMessage {
  const { problem: found, place } = finding;
  const options = { place, ruleId: found.ruleId, source };
  const message = found.severity === 'info' ? file.info(found.reason, options) : file.message(found.reason, options);
  message.url = `${docsUrl}#${found.ruleId}`;
  if (found.actual !== undefined) message.actual = found.actual;
  if (found.expected !== undefined) message.expected = [...found.expected];
  if (found.note !== undefined) message.note = found.note;
  return message;
}

const pairs: Readonly<Record<string, string>> = { '[': ']', '>': '<', '<': '>', '>>': '<<', '<<': '>>' };

/** The other edge of a paired marker; toggles such as `°` close with themselves. */
function counterpart(glyph: string): string {
  return pairs[glyph] ?? glyph;
}

function codePoint(character: string): string {
  return `U+${(character.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
}
