/**
 * How published transcripts print their lines and notation (README "Syntax",
 * rules `block-line`, `line-number`, `clan-tier`, `timecode`, `uncertain`, `loud`):
 * label and numbering styles, CABank (CHAT-CA) characters, hearings with notation
 * inside, pause variants, arrows and three-party overlaps.
 */
import { describe, expect, test } from 'vitest';
import { parseTranscriptText, toHtml, type Marker, type Transcript } from '../../src/ca/index.ts';
import { phrasing as allPhrasing, tokens } from './helpers.ts';

/** Phrasing nodes without whitespace. */
const phrasing = (tree: Transcript) => allPhrasing(tree).filter((node) => node.type !== 'whitespace');

/** `[number, speaker]` of every line, `null` speaker for a silence. */
function lines(tree: Transcript): [number, string | null][] {
  return tree.children.flatMap((child): [number, string | null][] => {
    if (child.type === 'silence') return [[child.number, null]];
    if (child.type === 'turn') return child.children.map((line): [number, string | null] => [line.number, child.speaker ?? null]);
    return [];
  });
}

const rules = (text: string, options = {}) => parseTranscriptText(text, options).messages.map((message) => message.ruleId);

describe('line numbers and speaker labels as transcripts print them', () => {
  test.each([
    [
      '01 Tom: hello\n02 Ann: hi',
      [
        [1, 'Tom'],
        [2, 'Ann'],
      ],
    ],
    [
      '95  DR: so\n96  PT: yes\n97  DR: right',
      [
        [95, 'DR'],
        [96, 'PT'],
        [97, 'DR'],
      ],
    ],
    [
      '1. KAY: hello\n2. RON: hi',
      [
        [1, 'KAY'],
        [2, 'RON'],
      ],
    ],
    [
      '1.D: so\n2.P: yes',
      [
        [1, 'D'],
        [2, 'P'],
      ],
    ],
    [
      '4\tN:\tso\n5\tP:\tyes',
      [
        [4, 'N'],
        [5, 'P'],
      ],
    ],
    [
      '4.\tLiz\tso\n5.\tJim\tyes',
      [
        [4, 'Liz'],
        [5, 'Jim'],
      ],
    ],
    [
      '|1 |J: |so|\n|2 |M: |yes|',
      [
        [1, 'J'],
        [2, 'M'],
      ],
    ],
    [
      '*KAT:\tSo\n\t(.7)\n*STE:\tYes.',
      [
        [1, 'KAT'],
        [2, null],
        [3, 'STE'],
      ],
    ],
    [
      '*STU\tnaa:s\n*MAR:\tyea',
      [
        [1, 'STU'],
        [2, 'MAR'],
      ],
    ],
    [
      '12 doc: so\n13 pat: yes',
      [
        [12, 'doc'],
        [13, 'pat'],
      ],
    ],
    [
      'A. I started\nT. Howd you get the job?',
      [
        [1, 'A'],
        [2, 'T'],
      ],
    ],
  ] as const)('should read %j', (text, expected) => {
    expect(lines(parseTranscriptText(text).tree)).toEqual(expected);
  });

  test('should keep the source’s numbering (95–97) on the page and count unnumbered lines on from it', () => {
    const { tree } = parseTranscriptText('95  DR: so\n    you said\n97  PT: (0.5)\n98  PT: yes');
    expect(lines(tree)).toEqual([
      [95, 'DR'],
      [96, 'DR'],
      [97, 'PT'],
      [98, 'PT'],
    ]);
    const html = toHtml(tree);
    expect(html).toContain('id="ca-line-95"');
    expect(html).toContain('<a class="ca-n" href="#ca-line-98" aria-label="Line 98">98</a>');
  });

  test('should not read the label’s colon as a stretch, nor `1.` as falling intonation, nor `DR` as loud', () => {
    expect(tokens(parseTranscriptText('1. DR: so').tree)).toEqual([['text', 'so']]);
  });

  test('should mark a speaker written in parentheses as uncertain', () => {
    const [turn] = parseTranscriptText('(Dan): [((sniff))').tree.children;
    expect(turn).toMatchObject({ type: 'turn', speaker: 'Dan', uncertainSpeaker: true });
  });

  test('should warn, at the number, about a numbered line with no label', () => {
    const { messages, tree } = parseTranscriptText('01 Tom: so\n02 yeah well');
    expect(messages.map((message) => [message.ruleId, message.line, message.column])).toEqual([['ambiguous-label', 2, 1]]);
    expect(lines(tree)).toEqual([
      [1, 'Tom'],
      [2, 'Tom'],
    ]);
  });
});

describe('capitals: loud talk and acronyms (rule `loud`)', () => {
  test('should read capitals inside a word as loud, only the capitals', () => {
    expect(tokens(parseTranscriptText('A: NEver PE::Rcasso thAat').tree)).toEqual([
      ['loud', 'NE'],
      ['text', 'ver'],
      ['loud', 'PE'],
      ['lengthening', '::'],
      ['loud', 'R'],
      ['text', 'casso'],
      ['text', 'th'],
      ['loud', 'A'],
      ['text', 'at'],
    ]);
  });
  test('should warn on two capitals in a mixed-case turn, and read them as plain talk when declared not loud', () => {
    expect(rules('DR: see your GP today')).toEqual(['capitals-or-acronym']);
    const { tree, messages } = parseTranscriptText('DR: see your GP today', { notLoud: ['GP'] });
    expect(messages).toEqual([]);
    expect(phrasing(tree).some((node) => node.type === 'loud')).toBe(false);
  });
});

describe('CABank (CHAT-CA) notation', () => {
  test('should read ⌈ ⌉ ⌊ ⌋ as overlaps and link the bottom onset to the top one', () => {
    const { tree } = parseTranscriptText("*MAR:\t⌈Ise NO'⌉\n*STU:\t⌊I can SEE⌋ why");
    const markers = phrasing(tree).filter((node): node is Marker => node.type === 'marker');
    expect(markers.map((marker) => [marker.value, marker.span, marker.edge, marker.answers])).toEqual([
      ['⌈', 'overlap', 'open', undefined],
      ['⌉', 'overlap', 'close', undefined],
      ['⌊', 'overlap', 'open', 0],
      ['⌋', 'overlap', 'close', undefined],
    ]);
  });
  test('should read ≈ as latching, ∙hhh as an in-breath, ⁎…⁎ as creaky, ☺…☺ as smile voice, ⁰…⁰ as quiet', () => {
    const types = phrasing(parseTranscriptText('A: ≈∙hhh ⁎yup⁎ ☺nice☺ ⁰so⁰≈').tree).map((node) => (node.type === 'marker' ? node.span : node.type));
    expect(types).toEqual(['latching', 'breath', 'creaky', 'text', 'creaky', 'smile', 'text', 'smile', 'quiet', 'text', 'quiet', 'latching']);
  });
  test('should read a combining underline (U+0332) as emphasis around the underlined letters, keeping the characters', () => {
    const { tree } = parseTranscriptText('A: li̲:ke');
    expect(phrasing(tree).map((node) => (node.type === 'marker' ? `${node.edge} ${node.span}` : `${node.type} ${node.value}`))).toEqual([
      'text l',
      'open emphasis',
      'text i̲',
      'close emphasis',
      'lengthening :',
      'text ke',
    ]);
    expect(
      allPhrasing(tree)
        .map((node) => node.value)
        .join(''),
    ).toBe(' li̲:ke');
  });
  test('should keep media time codes as the line’s time, never as notation', () => {
    const { tree } = parseTranscriptText('*KAT:\tSo \u0015610195_610608\u0015\n\t(.7) \u0015610608_612054\u0015\n*KAT:\tyes 610195_610608 no');
    const [turn, silence] = tree.children;
    expect(turn?.type === 'turn' && turn.children[0]?.time).toEqual({ start: 610195, end: 610608 });
    expect(silence).toMatchObject({ type: 'silence', seconds: 0.7, time: { start: 610608, end: 612054 } });
    expect(phrasing(tree).filter((node) => node.type === 'marker' && node.span === 'emphasis')).toHaveLength(0);
    expect(toHtml(tree)).not.toContain('610195_');
    expect(toHtml(tree)).toContain('data-start="610195" data-end="610608"');
  });
});

describe('nested and variant marks', () => {
  test('should parse inside an uncertain hearing: quiet, very fast, stretched, continuing', () => {
    const { tree, messages } = parseTranscriptText("A: (°>>it's alri::ht,<<°)");
    expect(messages).toEqual([]);
    expect(phrasing(tree).map((node) => (node.type === 'marker' ? `${node.span} ${node.edge}` : node.type))).toEqual([
      'uncertain open',
      'quiet open',
      'fast open',
      'text',
      'text',
      'lengthening',
      'text',
      'intonation',
      'fast close',
      'quiet close',
      'uncertain close',
    ]);
  });
  test('should keep a plain hearing as one node', () => {
    expect(tokens(parseTranscriptText('A: (couldn’t tell you)').tree)).toEqual([['uncertain', '(couldn’t tell you)']]);
  });
  test.each([
    ['(.7)', 'pause', 0.7],
    ['(.5)', 'pause', 0.5],
    ['(..)', 'micropause', undefined],
    ['(...)', 'micropause', undefined],
  ])('should read %s as a pause', (written, type, seconds) => {
    const [node] = phrasing(parseTranscriptText(`A: ${written}`).tree);
    expect(node).toMatchObject({ type, value: written, ...(seconds === undefined ? {} : { seconds }) });
  });
  test('should not read `huh?` as laughter', () => {
    expect(tokens(parseTranscriptText('A: huh? huh heh').tree)).toEqual([
      ['text', 'huh'],
      ['intonation', '?'],
      ['laughter', 'huh'],
      ['laughter', 'heh'],
    ]);
  });
  test('should pair only arrows written as a pair', () => {
    const spans = (text: string) =>
      phrasing(parseTranscriptText(text).tree)
        .map((node) => (node.type === 'marker' ? node.span : node.type === 'pitchStep' ? 'step' : undefined))
        .filter(Boolean);
    expect(spans('A: the ↓look of ↓it')).toEqual(['step', 'step']);
    expect(spans('A: it ↓ n i c e ↓look')).toEqual(['step', 'step']);
    expect(spans('A: ↑ me oh ↑ y’know')).toEqual(['high-pitch', 'high-pitch']);
    expect(spans('A: ↓never mind↓')).toEqual(['low-pitch', 'low-pitch']);
  });
  test('should warn on an unclosed `>` and publish it as written', () => {
    const { messages, tree } = parseTranscriptText('A: >we’ll have tea');
    expect(messages.map((message) => [message.ruleId, message.fatal])).toEqual([['unclosed-span', false]]);
    expect(
      allPhrasing(tree)
        .map((node) => node.value)
        .join(''),
    ).toBe(' >we’ll have tea');
  });
  test('should link a third speaker’s onset to the onset above it by column, not to the first onset', () => {
    const text = 'Caller:  so [I don’t- I] [don’t think so]\nPatient:                  [WARfarin]';
    const markers = phrasing(parseTranscriptText(text).tree).filter((node): node is Marker => node.type === 'marker' && node.edge === 'open');
    expect(markers.map((marker) => [marker.id, marker.answers])).toEqual([
      [0, undefined],
      [2, undefined],
      [4, 2],
    ]);
    expect(rules(text)).not.toContain('editorial-bracket');
  });
});
