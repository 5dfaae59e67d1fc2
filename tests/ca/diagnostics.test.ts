/** Diagnostics: located `VFileMessage`s, never exceptions (README "Errors"). */
import { readFileSync } from 'node:fs';
import { VFile } from 'vfile';
import { describe, expect, test } from 'vitest';
import { parseTranscript, parseTranscriptText, ruleIds, type TranscriptLineInput } from '../../src/ca/index.ts';

const summary = (text: string, mode: 'transcript' | 'commentary' = 'transcript') =>
  parseTranscriptText(text, { mode }).messages.map((message) => `${message.line ?? 0}:${message.column ?? 0} ${message.ruleId ?? ''}`);

describe('diagnostics', () => {
  test('should warn, not fail, on an unclosed overlap, at the exact line and column of its `[`', () => {
    const text = 'Therapist: yeah yeah you’d think they’d be er nicer\n[this time of year and\nClient:\t [yeah]';
    const { messages } = parseTranscriptText(text);
    expect(messages).toHaveLength(1);
    const [message] = messages;
    expect(message).toMatchObject({
      line: 2,
      column: 1,
      ruleId: 'unclosed-overlap',
      source: 'jefferson',
      fatal: false,
      url: 'src/ca/README.md#unclosed-overlap',
      reason: 'Unexpected `[` left open, expected a `]` to end the overlap before the turn ends',
      expected: [']'],
    });
    expect(message?.place).toEqual({ start: { line: 2, column: 1, offset: 52 }, end: { line: 2, column: 2, offset: 53 } });
  });

  test('should report an unclosed `°` at its place', () => {
    expect(summary('A: so °quiet')).toEqual(['1:7 unclosed-span']);
  });

  test('should report an unclosed `((`', () => {
    expect(summary('A: ((coughs')).toEqual(['1:4 unclosed-comment']);
  });

  test('should report a stray `)` and an unclosed `(`', () => {
    expect(summary('A: yeah) and (word')).toEqual(['1:8 unopened-parenthesis', '1:14 unclosed-parenthesis']);
  });

  test('should report a `]` that closes nothing', () => {
    expect(summary('A: yeah]')).toEqual(['1:8 unopened-overlap']);
  });

  test('should report a closing angle with nothing to close', () => {
    expect(summary('A: yeah< no')).toEqual(['1:8 unopened-span']);
  });

  test('should report lookalike characters with both code points', () => {
    const [message] = parseTranscriptText('A: ºyeah°').messages;
    expect(message?.reason).toBe('Unexpected `º` (U+00BA), expected `°` (U+00B0) for quiet');
    expect(message).toMatchObject({ ruleId: 'lookalike-character', actual: 'º', expected: ['°'] });
  });

  test('should report brackets in commentary that do not pair', () => {
    expect(summary('A: [she would\nB: she] would', 'commentary')).toEqual(['1:4 unclosed-bracket', '2:7 unopened-bracket']);
  });

  test('should report talk before any speaker and empty turns', () => {
    expect(summary('so\nA:')).toEqual(['1:1 missing-speaker', '2:1 empty-turn']);
  });

  test('should give info, not warnings, for readings it is fairly sure of', () => {
    const { messages } = parseTranscriptText('A: finding [a client’s sore] points\n(1.0)\nB: yeah [it’s');
    expect(messages.map((message) => [message.ruleId, message.fatal])).toEqual([
      ['editorial-bracket', undefined],
      ['unclosed-overlap', false],
      ['lone-overlap', undefined],
    ]);
    expect(messages[0]?.line).toBe(1);
  });

  test('should report malformed stored lines instead of throwing', () => {
    const lines = [{ kind: 'pause', text: 'so' }, { kind: 'silence', text: 'about five seconds' }, { kind: 'omission', text: '(skip)' }, null] as unknown as TranscriptLineInput[];
    const { messages } = parseTranscript(lines);
    expect(messages.map((message) => `${message.line ?? 0}:${message.column ?? 0} ${message.ruleId ?? ''}`)).toEqual([
      '1:1 unknown-line-kind',
      '1:1 missing-speaker',
      '2:1 invalid-silence',
      '3:1 invalid-omission',
      '4:1 unknown-line-kind',
      '4:1 missing-speaker',
      '4:1 empty-turn',
    ]);
    expect(() => parseTranscript(undefined as unknown as TranscriptLineInput[])).not.toThrow();
  });

  test('should add messages to a given file, with its path', () => {
    const file = new VFile({ path: 'content/excerpts/rupture.json' });
    parseTranscriptText('A: [yeah', { file });
    expect(file.messages.map(String)).toEqual([
      'content/excerpts/rupture.json:1:4-1:5: Unexpected `[` left open, expected a `]` to end the overlap before the turn ends',
      'content/excerpts/rupture.json:1:4-1:5: Unexpected overlap onset with no `[` on a neighbouring line of another speaker, expected the overlapping talk to be quoted too',
    ]);
  });

  test('should document every rule under its own heading in README "Errors", with an invalid example', () => {
    const readme = readFileSync(new URL('../../src/ca/README.md', import.meta.url), 'utf8');
    const errors = readme.slice(readme.indexOf('## Errors'));
    const headings = [...errors.matchAll(/^### `([a-z-]+)`$/gm)].map((match) => match[1]);
    expect(headings).toEqual(ruleIds);
  });

  test('should word every reason as "Unexpected …, expected …"', () => {
    const samples = ['x', 'A: [a', 'A: a]', 'A: °a', 'A: a<', 'A: (a', 'A: a)', 'A: ((a', 'A: º', 'A: soː', 'A:'];
    const reasons = samples.flatMap((text) => parseTranscriptText(text).messages.map((message) => message.reason));
    expect(reasons.length).toBeGreaterThan(10);
    for (const reason of reasons) expect(reason).toMatch(/^Unexpected .+, expected .+/);
  });
});
