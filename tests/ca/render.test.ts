/** Rendering: layout, overlap alignment, accessible tooltips, copy-paste, legend, escaping. */
import { readFileSync } from 'node:fs';
import type { Element } from 'hast';
import { describe, expect, test } from 'vitest';
import { lastLineNumber, legendToHast, parseTranscript, parseTranscriptText, symbols, toHast, toHtml, type Transcript } from '../../src/ca/index.ts';
import { byClass, copiedLines, copiedTalk, fromHtml } from './copy-text.ts';

const fixture = (name: string) => readFileSync(new URL(`fixtures/${name}/input.txt`, import.meta.url), 'utf8');
const render = (text: string, options = {}) => toHtml(parseTranscriptText(text).tree, options);

describe('layout', () => {
  test('should print one numbered line per printed line, labels on the first line of each turn, silences numbered', () => {
    const html = render(fixture('session-did-you-get-up-to-much'));
    // Labels are padded to the widest, as typed; the block's own space after each colon is kept.
    expect(copiedLines(html)).toEqual([
      'Client:     did you get up to much?',
      'Therapist:  .hhh ↑ me oh hhh ↑ y’know just plodding ',
      '           along hhh-heh heh heh',
      '           (5.0) ',
      '           jus–it’s s’posed to be like twenty-seven or something ',
      '           today too',
    ]);
    const root = fromHtml(html, { fragment: true });
    expect(byClass(root, 'ca-n').map((cell) => (cell.children[0]?.type === 'text' ? cell.children[0].value : ''))).toEqual(['1', '2', '3', '4', '5', '6']);
    expect(byClass(root, 'ca-line--silence')).toHaveLength(1);
  });

  test('should size the label column to the longest label, its colon and a space', () => {
    const html = render('Client: a\nTherapist: b');
    expect(html).toContain('style="--ca-label-width:11ch"');
    expect(html).toContain('<span class="ca-speaker">Client:    </span>');
  });

  test('should link each numbered line to itself', () => {
    expect(render('A: one\nB: two', { idPrefix: 'x' })).toContain('<li class="ca-line ca-line--turn" id="x-line-2"><a class="ca-n" href="#x-line-2" aria-label="Line 2">2</a>');
  });

  test('should number on from `firstLine`, ids included, and report the last number', () => {
    const html = render('A: one\n(1.0)\nB: two', { firstLine: 6 });
    const root = fromHtml(html, { fragment: true });
    expect(byClass(root, 'ca-n').map((cell) => (cell.children[0]?.type === 'text' ? cell.children[0].value : ''))).toEqual(['6', '7', '8']);
    expect(html).toContain('id="ca-line-8"');
    expect(lastLineNumber(parseTranscriptText('A: one\n(1.0)\nB: two').tree)).toBe(3);
  });

  test('should print a label as the source prints it: a CLAN tier’s `*`, an unsure speaker’s parentheses, Sacks’s stop', () => {
    const html = render('*KAT:\tso what ⌈happened⌉\n*STU\t⌊nothing⌋\n(Dan): yes\nA. well');
    expect(copiedLines(html).map((line) => line.split(/\s/u)[0])).toEqual(['*KAT:', '*STU:', '(Dan):', 'A.']);
    const { tree } = parseTranscriptText('*KAT:\tso\nKAT: so');
    expect(tree.children.map((turn) => (turn.type === 'turn' ? [turn.speaker, turn.label] : []))).toEqual([
      ['KAT', '*KAT:'],
      ['KAT', undefined],
    ]);
  });

  test('should draw a combining low line as an underline of its letter, taking no column, and keep it in the text', () => {
    const html = render('*STU:\tNo::\u0332 cos ⌈up-\n*JEA:\t         ⌊Thu:rsdy');
    expect(html).toContain('<span class="ca-ul">:<span class="ca-mark">\u0332</span></span>');
    expect(copiedLines(html).map((line) => line.replace(/\s+$/u, ''))).toEqual(['*STU: No::\u0332 cos ⌈up-', '*JEA:          ⌊Thu:rsdy']);
  });

  test('should number stored lines from the source’s own numbers, later lines counting on, an omission unnumbered', () => {
    const { tree } = parseTranscript([
      { kind: 'turn', speaker: 'DR', text: 'so', number: 95 },
      { kind: 'turn', speaker: 'PT', text: 'yeah' },
      { kind: 'omission', text: '……' },
      { kind: 'silence', text: '(0.5)', number: 120 },
      { kind: 'turn', speaker: 'DR', text: 'right' },
    ]);
    const root = fromHtml(toHtml(tree, { idPrefix: 'x' }), { fragment: true });
    expect(byClass(root, 'ca-n').map((cell) => (cell.children[0]?.type === 'text' ? cell.children[0].value : ''))).toEqual(['95', '96', '', '120', '121']);
    expect(toHtml(tree, { idPrefix: 'x' })).toContain('id="x-line-121"');
    expect(lastLineNumber(tree)).toBe(121);
  });

  test('should leave out line numbers and the legend on request', () => {
    const html = render('A: yes (1.0)', { lineNumbers: false, legend: false });
    expect(html).not.toContain('ca-n');
    expect(html).not.toContain('ca-legend');
  });
});

describe('overlap alignment', () => {
  /** The column of each `[`/`⌈`/`⌊` in each copied line. */
  const onsetColumns = (html: string) => copiedLines(html).map((line) => [...line.matchAll(/[[⌈⌊]/gu)].map((match) => [...line.slice(0, match.index)].length));

  test('should line an answering `[` up under the `[` it answers, resizing the transcriber’s tabs before it', () => {
    // The printed tabs before [yeah] put it in another column than the client's `[` once labels are padded.
    const html = render(fixture('session-watch-this-space'));
    expect(onsetColumns(html).filter((columns) => columns.length > 0)).toEqual([[54], [54]]);
    expect(copiedLines(html)[1]).toBe(`Therapist:${' '.repeat(44)}[yeah]`);
  });

  test('should align after text before the `[` on both lines', () => {
    // Client: "yeah\t[it’s like…" (a tab to column 8) and the Therapist's "\t [er children…".
    expect(onsetColumns(render(fixture('session-looking-after-two'))).filter((columns) => columns.length > 0)).toEqual([[19], [19]]);
  });

  test('should insert spaces where no whitespace precedes the onset', () => {
    // " yes " puts A's `[` at column 5; B's " no" ends at column 3.
    expect(render('A: yes [so\nB: no[ok')).toContain('<span class="ca-align" aria-hidden="true">  </span>');
  });

  test('should not pad an onset already in place', () => {
    expect(render(fixture('session-butter-chicken'))).not.toContain('ca-align');
  });

  test('should not count hidden emphasis underscores or combining underlines as columns', () => {
    // `_so_` shows as an underlined "so", so B's `[` goes three columns in, under A's.
    expect(copiedLines(render('A: _so_ [yes\nB: [no'))[1]).toBe('B:     [no');
    expect(copiedLines(render('A: s\u0332o\u0332 [yes\nB: [no'))[1]).toBe('B:     [no');
  });

  test('should expand tabs to the spaces they stand for', () => {
    // The block's " a" ends at column 2; the tab runs to column 8.
    expect(copiedLines(render('A: a\tb'))).toEqual([`A:  a${' '.repeat(6)}b`]);
  });
});

describe('symbols', () => {
  const html = render('Client: yeh (1.0) people');
  const root = fromHtml(html, { fragment: true });
  const [pause] = byClass(root, 'ca-sym');

  test('should render each symbol focusable, with its spoken name and a tooltip tied by aria-describedby', () => {
    expect(pause?.properties).toMatchObject({ tabIndex: 0, className: ['ca-sym', 'ca-sym--timed-pause'] });
    const tipId = String(pause?.properties['ariaDescribedBy']);
    const [tip] = byClass(root, 'ca-tip');
    expect(tip?.properties).toMatchObject({ id: tipId, ariaHidden: 'true' });
    expect(html).toContain('<span class="ca-sr">pause, 1 second</span><span class="ca-glyph" aria-hidden="true">(1.0)</span>');
    expect(html).toContain('<strong>Timed pause</strong> A silence, timed in seconds');
  });

  test('should give every tooltip a unique id with the transcript’s prefix', () => {
    const many = toHtml(parseTranscriptText('A: (1.0) (.) so:: hhh').tree, { idPrefix: 'ex7' });
    const ids = [...many.matchAll(/ id="(ex7-tip-\d+)"/g)].map((match) => match[1]);
    expect(ids).toEqual(['ex7-tip-1', 'ex7-tip-2', 'ex7-tip-3', 'ex7-tip-4']);
  });

  test('should speak words and hearings, not glyphs', () => {
    const spoken = byClass(fromHtml(render('A: (cold/hold) (Tuesday) ((coughs)) NO'), { fragment: true }), 'ca-sr').map((node) => (node.children[0]?.type === 'text' ? node.children[0].value : ''));
    expect(spoken).toEqual(['uncertain, either cold or hold', 'uncertain hearing: Tuesday', 'transcriber’s note: coughs', 'loud: no']);
  });

  test('should mark talk inside stretches, with cross-nesting, and stop them at the end of the turn', () => {
    const out = render('A: °a >b° c< °d\nB: e');
    expect(out).toContain('<span class="ca-in-quiet ca-in-fast">b</span>');
    expect(out).toContain('<span class="ca-in-fast">c</span>');
    expect(out).toContain('<span class="ca-in-quiet">d</span>');
    expect(out).toMatch(/ca-speaker">B: <\/span><span class="ca-talk"> e<\/span>/);
  });

  test('should underline emphasis without showing, or focusing, its underscores', () => {
    const out = render('A: _so_');
    expect(out).toContain(
      '<span class="ca-sym ca-sym--emphasis"><span class="ca-sr">stress starts</span><span class="ca-glyph" aria-hidden="true">_</span></span><span class="ca-in-emphasis">so</span>',
    );
  });
});

describe('copy-paste', () => {
  test('should copy each line as written, without spoken names, tooltips or line numbers', () => {
    const text = fixture('session-did-you-get-up-to-much');
    const talk = text
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map((line) => line.replace(/^(Therapist|Client):/, ''));
    expect(copiedTalk(render(text))).toEqual(talk);
  });

  test('should keep the CSS that makes added text unselectable', () => {
    const css = readFileSync(new URL('../../src/components/ca/transcript.css', import.meta.url), 'utf8');
    expect(css).toMatch(/\.ca-sr,\s*\.ca-tip\s*\{\s*user-select: none;/);
    expect(css).toMatch(/\.ca-n\s*\{[^}]*user-select: none;/);
    expect(css).toMatch(/\.ca-sym:hover > \.ca-tip,\s*\.ca-sym:focus > \.ca-tip/);
    expect(css).toContain('@media (prefers-color-scheme: dark)');
    expect(css).toContain('@media print');
    expect(css).toMatch(/overflow-wrap: anywhere/);
  });
});

describe('legend', () => {
  test('should list only the symbols used, in table order', () => {
    const legend = byClass(fromHtml(render(fixture('session-people-are-just-mean')), { fragment: true }), 'ca-legend-symbol');
    expect(legend.map((node) => (node.children[0]?.type === 'text' ? node.children[0].value : ''))).toEqual(['[', ']', '(0.5)', 'hhh', 'heh']);
  });

  test('should render no legend for plain talk', () => {
    expect(render('A: hello there')).not.toContain('ca-legend');
  });

  test('should render the whole table as an appendix', () => {
    const [legend] = legendToHast(symbols, { id: 'conventions', title: 'Transcription conventions' });
    expect(byClass(legend as Element, 'ca-legend-item')).toHaveLength(symbols.length);
  });
});

describe('safety', () => {
  test('should escape talk', () => {
    const out = toHtml(parseTranscriptText('A: <script>alert(1)</script> & "x"', { mode: 'commentary' }).tree);
    expect(out).not.toContain('<script>');
    expect(out).toContain('&#x3C;script>');
    expect(out).toContain('&#x26;');
  });

  test('should escape speaker labels from stored lines', () => {
    const { tree } = parseTranscript([{ kind: 'turn', speaker: '<img src=x onerror=alert(1)>', text: 'hi' }]);
    expect(toHtml(tree)).not.toContain('<img');
  });

  test('should render unknown nodes visibly instead of dropping them', () => {
    const tree = {
      type: 'transcript',
      mode: 'transcript',
      children: [{ type: 'gesture', value: 'nods' }],
      position: { start: { line: 1, column: 1 }, end: { line: 1, column: 1 } },
    } as unknown as Transcript;
    expect(toHtml(tree)).toContain('<span class="ca-unknown" data-type="gesture">nods</span>');
  });

  test('should return a hast root holding one transcript element', () => {
    const root = toHast(parseTranscriptText('A: hi').tree);
    expect(root.children.map((child) => child.type === 'element' && child.properties['className'])).toEqual([['ca-transcript', 'ca-transcript--transcript']]);
  });
});
