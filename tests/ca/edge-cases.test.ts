/**
 * Targeted tests for characters with several readings (README "Syntax").
 * Each title names the ABNF rule it pins.
 */
import { describe, expect, test } from 'vitest';
import { parseTranscript, parseTranscriptText } from '../../src/ca/index.ts';
import { removePosition, tokens } from './helpers.ts';

const read = (text: string, mode: 'transcript' | 'commentary' = 'transcript') => tokens(parseTranscriptText(`A: ${text}`, { mode }).tree);

describe('`.`: intonation, in-breath, micropause, pause, ellipsis (rules `intonation`, `in-breath`, `micropause`, `timed-pause`, `ellipsis`)', () => {
  test('should support `.` after talk as falling intonation', () => {
    expect(read('fine.')).toEqual([
      ['text', 'fine'],
      ['intonation', '.'],
    ]);
  });
  test('should support `.hhh` as an in-breath, not falling intonation', () => {
    expect(read('.hhh well')).toEqual([
      ['breath', '.hhh'],
      ['text', 'well'],
    ]);
  });
  test('should support `(.)` as a micropause, not intonation', () => {
    expect(read('well (.) no')).toEqual([
      ['text', 'well'],
      ['micropause', '(.)'],
      ['text', 'no'],
    ]);
  });
  test('should support `(0.5)` as a timed pause', () => {
    expect(read('(0.5)')).toEqual([['pause', '(0.5)']]);
  });
  test('should not support `.` between word characters as intonation (1)', () => {
    expect(read('e.g. 3.5')).toEqual([
      ['text', 'e.g'],
      ['intonation', '.'],
      ['text', '3.5'],
    ]);
  });
  test('should not support `.` before a word it does not touch on the left as intonation (2)', () => {
    expect(read('.tch')).toEqual([['text', '.tch']]);
  });
  test('should support `.h` and `·h` (one h) as a short in-breath, as Jefferson (2004) writes it (`buck,h ·h`)', () => {
    expect(read('.h')).toEqual([['breath', '.h']]);
    expect(read('·h')).toEqual([['breath', '·h']]);
  });
  test('should support three dots as an ellipsis', () => {
    expect(read('and...')).toEqual([
      ['text', 'and'],
      ['omission', '...'],
    ]);
  });
});

describe('`-`, `–`: cut-off, compound, dash (rule `cut-off`)', () => {
  test('should support `-` after a fragment as a cut-off', () => {
    expect(read('wo- word')).toEqual([
      ['text', 'wo'],
      ['cutoff', '-'],
      ['text', 'word'],
    ]);
  });
  test('should support an en dash attached to a fragment as a cut-off and self-repair', () => {
    expect(read('jus–it’s')).toEqual([
      ['text', 'jus'],
      ['cutoff', '–'],
      ['text', 'it’s'],
    ]);
  });
  test('should not support a hyphen inside a compound as a cut-off (1)', () => {
    expect(read('twenty-seven mm-hm')).toEqual([
      ['text', 'twenty-seven'],
      ['text', 'mm-hm'],
    ]);
  });
  test('should not support the hyphen of `hhh-heh` as a cut-off (2)', () => {
    expect(read('hhh-heh')).toEqual([
      ['breath', 'hhh'],
      ['text', '-'],
      ['laughter', 'heh'],
    ]);
  });
  test('should not support a free-standing dash as a cut-off (3)', () => {
    expect(read('so – yes')).toEqual([
      ['text', 'so'],
      ['text', '–'],
      ['text', 'yes'],
    ]);
  });
  test('should not support a cut-off in commentary (4)', () => {
    expect(read('mas-', 'commentary')).toEqual([['text', 'mas-']]);
  });
});

describe('`[`: overlap, omission, editorial (rules `overlap-open`, `omission`, `editorial`)', () => {
  test('should support `[` answered on the next line as an overlap, linked by `answers`', () => {
    const { tree } = parseTranscriptText('A: yeah [it’s like]\nB: [er children]');
    const [, second] = tree.children;
    expect(second?.type === 'turn' && second.children[0]?.children.find((node) => node.type === 'marker')).toMatchObject({ answers: 0, id: 2 });
  });
  test('should support `[…]` as an omission, not an overlap', () => {
    expect(read('and […] she')).toEqual([
      ['text', 'and'],
      ['omission', '[…]'],
      ['text', 'she'],
    ]);
  });
  test('should support `[she]` in commentary as an editorial insertion', () => {
    expect(read('that [she] would', 'commentary')).toEqual([
      ['text', 'that'],
      ['editorial', '[she]'],
      ['text', 'would'],
    ]);
  });
  test('should support a lone same-line bracket pair around words in a transcript as editorial', () => {
    expect(read('finding [a client’s sore] points')).toEqual([
      ['text', 'finding'],
      ['editorial', '[a client’s sore]'],
      ['text', 'points'],
    ]);
  });
  test('should not support `[X X]` as editorial, though nothing answers it (1)', () => {
    expect(read('[X X]')).toEqual([
      ['marker', '['],
      ['inaudible', 'X'],
      ['inaudible', 'X'],
      ['marker', ']'],
    ]);
  });
  test('should not support a bracket pair answered by another speaker as editorial (2)', () => {
    expect(tokens(parseTranscriptText('A: [yeah]\nB: [no]').tree).map(([type]) => type)).toEqual(['marker', 'text', 'marker', 'marker', 'text', 'marker']);
  });
  test('should not link onsets of the same speaker (3)', () => {
    const { tree } = parseTranscriptText('A: [yeah\nA: [no');
    expect(JSON.stringify(removePosition(tree))).not.toContain('answers');
  });
  test('should support `[[` as a simultaneous start', () => {
    expect(read('[[well')).toEqual([
      ['marker', '[['],
      ['text', 'well'],
    ]);
  });
});

describe('`(`: uncertain, in-word laughter, comment, inaudible (rules `uncertain`, `laugh-in-word`, `comment`, `inaudible`)', () => {
  test('should support `(word)` as an uncertain hearing', () => {
    expect(read('(word)')).toEqual([['uncertain', '(word)']]);
  });
  test('should support `(h)` inside a word as laughter, not an uncertain `h`', () => {
    expect(read('wo(h)rd')).toEqual([
      ['text', 'wo'],
      ['laughInWord', '(h)'],
      ['text', 'rd'],
    ]);
  });
  test('should support `((coughs))` as a comment, not an uncertain `(coughs)`', () => {
    expect(read('((coughs)) so')).toEqual([
      ['comment', '((coughs))'],
      ['text', 'so'],
    ]);
  });
  test('should support blank parentheses as inaudible, keeping the blank', () => {
    expect(read('(   )')).toEqual([['inaudible', '(   )']]);
  });
  test('should support `(word/ward)` as alternative hearings', () => {
    const [node] = parseTranscriptText('A: (word/ward)').tree.children;
    expect(JSON.stringify(removePosition(node as never))).toContain('"hearings":["word","ward"]');
  });
  test('should not support a bare `X` inside a word as inaudible (1)', () => {
    expect(read('X-ray')).toEqual([['text', 'X-ray']]);
  });
  test('should not support `(h)` in commentary as laughter (2)', () => {
    const { tree, messages } = parseTranscriptText('A: wo(h)rd', { mode: 'commentary' });
    expect(tokens(tree)).toEqual([['text', 'wo(h)rd']]);
    expect(messages).toEqual([]);
  });
});

describe('`:`: speaker label, lengthening (rules `speaker-label`, `lengthening`)', () => {
  test('should support a capitalised label and colon as the speaker', () => {
    const [turn] = parseTranscriptText('Therapist: so').tree.children;
    expect(turn).toMatchObject({ type: 'turn', speaker: 'Therapist' });
  });
  test('should support a label without a space after the colon', () => {
    expect(parseTranscriptText('Client:…she').tree.children[0]).toMatchObject({ speaker: 'Client' });
  });
  test('should not support `A::` as a label: it is a stretched "A" (1)', () => {
    const { tree, messages } = parseTranscriptText('B: yes\nA:: no');
    expect(tree.children).toHaveLength(1);
    expect(tokens(tree)).toEqual([
      ['text', 'yes'],
      ['text', 'A'],
      ['lengthening', '::'],
      ['text', 'no'],
    ]);
    expect(messages).toEqual([]);
  });
  test('should not support a lowercase word before a colon as a label (2)', () => {
    expect(tokens(parseTranscriptText('B: so\nwell: yes').tree)).toEqual([
      ['text', 'so'],
      ['text', 'well'],
      ['lengthening', ':'],
      ['text', 'yes'],
    ]);
  });
  test('should not support a colon after a digit as lengthening (3)', () => {
    expect(read('at 1:05')).toEqual([
      ['text', 'at'],
      ['text', '1:05'],
    ]);
  });
  test('should not support `:` in commentary as lengthening (4)', () => {
    expect(read('so: yes', 'commentary')).toEqual([
      ['text', 'so:'],
      ['text', 'yes'],
    ]);
  });
});

describe('arrows, angles, apostrophes (rules `pitch-step`, `pitch-span`, `fast`, `slow`, `hurried-start`, `elision`)', () => {
  test('should support free-standing arrows as a pair, as the article prints `↑ me oh hhh ↑`', () => {
    expect(read('↑ me ↑').map(([type]) => type)).toEqual(['marker', 'text', 'marker']);
  });
  test('should support two prefix arrows as two steps, and pair a prefix with a later suffix', () => {
    expect(read('↑yes ↑no↑').map(([type]) => type)).toEqual(['pitchStep', 'text', 'marker', 'text', 'marker']);
  });
  test('should support cross-nesting `°a >b° c<` without assuming a tree', () => {
    const { tree, messages } = parseTranscriptText('A: °a >b° c<');
    expect(messages).toEqual([]);
    const markers = tree.children
      .flatMap((turn) => (turn.type === 'turn' ? turn.children.flatMap((line) => line.children) : []))
      .filter((node) => node.type === 'marker')
      .map((node) => [node.span, node.edge, node.id, node.partner]);
    expect(markers).toEqual([
      ['quiet', 'open', 0, 2],
      ['fast', 'open', 1, 3],
      ['quiet', 'close', 2, 0],
      ['fast', 'close', 3, 1],
    ]);
  });
  test('should support `<slow>` and `>fast<` nested', () => {
    expect(read('<a >b< c>').map(([type, value]) => `${type}${value}`)).toEqual(['marker<', 'texta', 'marker>', 'textb', 'marker<', 'textc', 'marker>']);
  });
  test('should support an unclosed `<` before talk as a hurried start', () => {
    expect(read('<but')).toEqual([
      ['hurriedStart', '<'],
      ['text', 'but'],
    ]);
  });
  test('should support a word-initial apostrophe as elision', () => {
    expect(read("‘rd ’cause 'em")).toEqual([
      ['elision', '‘'],
      ['text', 'rd'],
      ['elision', '’'],
      ['text', 'cause'],
      ['elision', "'"],
      ['text', 'em'],
    ]);
  });
  test('should not support an apostrophe inside a word as elision (1)', () => {
    expect(read('y’know')).toEqual([['text', 'y’know']]);
  });
  test('should not support quotation marks in commentary as elision (2)', () => {
    expect(read('‘You’re here', 'commentary')).toEqual([
      ['text', '‘You’re'],
      ['text', 'here'],
    ]);
  });
});

describe('capitals and particles (rules `loud`, `laughter`, `out-breath`)', () => {
  test('should support a run of capitals as loud', () => {
    expect(read('said NO')).toEqual([
      ['text', 'said'],
      ['loud', 'NO'],
    ]);
  });
  test('should not support `I` or a capitalised word as loud (1)', () => {
    expect(read('I’m Indian')).toEqual([
      ['text', 'I’m'],
      ['text', 'Indian'],
    ]);
  });
  test('should not support `hh` inside a word as an out-breath (2)', () => {
    expect(read('uhhh hhhm')).toEqual([
      ['text', 'uhhh'],
      ['text', 'hhhm'],
    ]);
  });
  test('should not support punctuation in commentary as intonation (3)', () => {
    expect(read('Ah! This is the end, yes?', 'commentary').every(([type]) => type === 'text')).toBe(true);
  });
});

describe('lines (rules `block-line`, `continuation`, `silence-line`, `omission-line`)', () => {
  test('should support a line without a label as the previous speaker, and a continued turn after a silence', () => {
    const { tree } = parseTranscriptText('A: one\ntwo\n(5.0)\nthree');
    expect(removePosition(tree)).toMatchObject({
      children: [
        { type: 'turn', speaker: 'A', continued: false, children: [{ number: 1 }, { number: 2 }] },
        { type: 'silence', seconds: 5, number: 3 },
        { type: 'turn', speaker: 'A', continued: true, children: [{ number: 4 }] },
      ],
    });
  });
  test('should support stored lines with columns relative to each line’s text', () => {
    const { tree } = parseTranscript([
      { kind: 'turn', speaker: 'Client', text: 'yeh (1.0) people' },
      { kind: 'silence', text: '(5.0)' },
      { kind: 'omission', text: '……………..' },
    ]);
    const [turn, silence, omission] = tree.children;
    expect(turn?.type === 'turn' && turn.children[0]?.children[2]?.position).toEqual({
      start: { line: 1, column: 5, offset: 4 },
      end: { line: 1, column: 10, offset: 9 },
    });
    expect(silence).toEqual({ type: 'silence', value: '(5.0)', seconds: 5, number: 2, position: { start: { line: 2, column: 1, offset: 0 }, end: { line: 2, column: 6, offset: 5 } } });
    expect(omission).toEqual({ type: 'omissionLine', value: '……………..', position: { start: { line: 3, column: 1, offset: 0 }, end: { line: 3, column: 8, offset: 7 } } });
  });
  test('should support minutes in a silence line, `(1:05.3)`', () => {
    expect(parseTranscriptText('(1:05.3)').tree.children[0]).toMatchObject({ type: 'silence', seconds: 65.3 });
  });
});
