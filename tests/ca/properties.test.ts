/** Property-based tests: the parser is total, positions are exact, and a copy of the rendering is the input. */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { parseTranscript, parseTranscriptText, symbols, toHtml, type TranscriptLineInput } from '../../src/ca/index.ts';
import { copiedTalk } from './copy-text.ts';
import { phrasing } from './helpers.ts';

// Every character the notation gives meaning to, its lookalikes, and a few troublemakers.
const notation = [...new Set(symbols.flatMap((entry) => [entry.symbol, ...entry.variants, ...entry.lookalikes]).join(''))];
const alphabet = [...notation, ...'abhHXx A:\t\u00a0\u2002\n\r\'"()[]<>&–—-0123456789…'];
const jefferson = fc.string({ unit: fc.constantFrom(...alphabet), maxLength: 60 });
const anything = fc.oneof(fc.string({ unit: 'binary', maxLength: 60 }), fc.string({ unit: 'grapheme', maxLength: 60 }), jefferson);
// HTML cannot carry C0/C1 control characters (a parser turns NUL into U+FFFD), so copies are compared without them.
const printable = (text: string) => text.replace(/[\u0000-\u0008\u000A-\u001F\u007F-\u009F]/g, ' ');
const line = fc.record({
  kind: fc.constantFrom('turn', 'silence', 'omission'),
  speaker: fc.option(fc.constantFrom('Client', 'Therapist'), { nil: undefined }),
  text: anything.map(printable),
});
const lines = fc.array(line, { maxLength: 6 }).map((records) => records.map(({ speaker, ...rest }): TranscriptLineInput => (speaker === undefined ? rest : { ...rest, speaker })));
const modes = fc.constantFrom('transcript' as const, 'commentary' as const);

describe('properties', () => {
  test('the parser and renderer never throw, on any string', () => {
    fc.assert(
      fc.property(anything, modes, (text, mode) => {
        const { tree, messages } = parseTranscriptText(text, { mode });
        expect(Array.isArray(messages)).toBe(true);
        expect(typeof toHtml(tree)).toBe('string');
      }),
      { numRuns: 500 },
    );
  });

  test('the parser never throws on any stored lines', () => {
    fc.assert(
      fc.property(lines, modes, (input, mode) => {
        expect(() => toHtml(parseTranscript(input, { mode }).tree)).not.toThrow();
      }),
      { numRuns: 300 },
    );
  });

  test('every node’s position slices its own value out of the line', () => {
    fc.assert(
      fc.property(lines, modes, (input, mode) => {
        const { tree } = parseTranscript(input, { mode });
        for (const node of phrasing(tree)) {
          const source = input[node.position.start.line - 1]?.text ?? '';
          expect(source.slice(node.position.start.offset, node.position.end.offset)).toBe(node.value);
          expect(node.position.start.column).toBe((node.position.start.offset ?? 0) + 1);
        }
      }),
      { numRuns: 300 },
    );
  });

  // A CLAN media link (`57836_59052`, a word of its own) says when a line was said: it is
  // metadata the line carries, not talk, so a copy of the talk leaves it out and nothing else.
  const mediaLink = /(?<=^|\s)\d+_\d+(?=\s|$)/gu;

  // Whitespace is the one thing the renderer sets: tabs become the spaces they stand for and
  // the run before an overlap onset is resized (or spaces inserted) to align it, as spaces.
  const setsWhitespace = (text: string) => /[\t[⌈⌊]/u.test(text);
  const withoutSpacing = (text: string) => text.replace(/\s+/gu, '');

  test('a copy of the rendered talk (without the added spoken and tooltip text) is the input notation, symbol for symbol', () => {
    fc.assert(
      fc.property(lines, modes, (input, mode) => {
        const html = toHtml(parseTranscript(input, { mode }).tree);
        const expected = input.map((entry) => entry.text.replace(mediaLink, ''));
        const copied = copiedTalk(html);
        expect(copied.map(withoutSpacing)).toEqual(expected.map(withoutSpacing));
        // Where nothing is aligned and there is no tab, the copy is the input, spaces and all.
        if (!expected.some(setsWhitespace)) expect(copied).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });

  // CLAN writes media links between words, never inside a parenthesised hearing.
  const outsideHearings = jefferson.map((text) => printable(text).replace(/[()]/g, ''));

  test("a media link between words is kept as the line's time, never as talk", () => {
    fc.assert(
      fc.property(outsideHearings, outsideHearings, fc.nat(), fc.nat(), (before, after, from, to) => {
        const text = `${before} ${from}_${to} ${after}`;
        const html = toHtml(parseTranscript([{ kind: 'turn', speaker: 'A', text }]).tree);
        const expected = text.replace(mediaLink, '');
        const [copied = ''] = copiedTalk(html);
        if (setsWhitespace(expected)) expect(withoutSpacing(copied)).toBe(withoutSpacing(expected));
        else expect(copied).toBe(expected);
      }),
      { numRuns: 200 },
    );
  });
});
