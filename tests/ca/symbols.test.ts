/**
 * Per-symbol tests: every entry of the symbol table parses to the node it
 * describes. Titles cite the ABNF rule (README "Syntax") each exercises.
 */
import { describe, expect, test } from 'vitest';
import { getSymbol, parseTranscriptText, speak, type Mode, type Node, type SymbolId, symbols, usedSymbols } from '../../src/ca/index.ts';

interface Case {
  /** A ```ca block using the symbol. */
  input: string;
  /** The node it must produce (positions left out). */
  node: Record<string, unknown>;
  mode?: Mode;
}

const cases: Record<SymbolId, Case> = {
  'overlap-onset': { input: 'A: [yeah', node: { type: 'marker', span: 'overlap', edge: 'open', value: '[' } },
  'overlap-end': { input: 'A: [yeah]\nB: [no', node: { type: 'marker', span: 'overlap', edge: 'close', value: ']', partner: 0 } },
  'simultaneous-start': { input: 'A: [[well', node: { type: 'marker', span: 'overlap', edge: 'open', value: '[[' } },
  latching: { input: 'A: yes=', node: { type: 'latching', value: '=' } },
  'timed-pause': { input: 'A: yeh (1.0) people', node: { type: 'pause', seconds: 1, value: '(1.0)' } },
  micropause: { input: 'A: well (.) maybe', node: { type: 'micropause', value: '(.)' } },
  'falling-intonation': { input: 'A: fine.', node: { type: 'intonation', contour: 'falling', value: '.' } },
  'continuing-intonation': { input: 'A: arms, so', node: { type: 'intonation', contour: 'continuing', value: ',' } },
  'rising-intonation': { input: 'A: much?', node: { type: 'intonation', contour: 'rising', value: '?' } },
  'slight-rise': { input: 'A: then¿', node: { type: 'intonation', contour: 'slight-rise', value: '¿' } },
  'animated-tone': { input: 'A: for years!', node: { type: 'intonation', contour: 'animated', value: '!' } },
  'pitch-step-up': { input: 'A: ↑really', node: { type: 'pitchStep', direction: 'up', value: '↑' } },
  'pitch-step-down': { input: 'A: ↓oh', node: { type: 'pitchStep', direction: 'down', value: '↓' } },
  'high-pitch': { input: 'A: ↑word↑', node: { type: 'marker', span: 'high-pitch', edge: 'close', partner: 0 } },
  'low-pitch': { input: 'A: ↓word↓', node: { type: 'marker', span: 'low-pitch', edge: 'open', partner: 1 } },
  lengthening: { input: 'A: so::', node: { type: 'lengthening', length: 2, value: '::' } },
  emphasis: { input: 'A: _word_', node: { type: 'marker', span: 'emphasis', edge: 'open', value: '_' } },
  loud: { input: 'A: I said NO', node: { type: 'loud', value: 'NO' } },
  quiet: { input: 'A: °yeah°', node: { type: 'marker', span: 'quiet', edge: 'close', value: '°' } },
  whisper: { input: 'A: °°yeah°°', node: { type: 'marker', span: 'whisper', edge: 'open', value: '°°' } },
  fast: { input: 'A: >I mean<', node: { type: 'marker', span: 'fast', edge: 'close', value: '<' } },
  slow: { input: 'A: <very slowly>', node: { type: 'marker', span: 'slow', edge: 'open', value: '<' } },
  'hurried-start': { input: 'A: <but then', node: { type: 'hurriedStart', value: '<' } },
  'out-breath': { input: 'A: yeah hhh', node: { type: 'breath', direction: 'out', length: 3 } },
  'in-breath': { input: 'A: ·hhhh well', node: { type: 'breath', direction: 'in', length: 4, value: '·hhhh' } },
  laughter: { input: 'A: Heh', node: { type: 'laughter', value: 'Heh' } },
  'laugh-in-word': { input: 'A: wo(h)rd', node: { type: 'laughInWord', value: '(h)' } },
  uncertain: { input: 'A: it was (Tuesday)', node: { type: 'uncertain', hearings: ['Tuesday'] } },
  'alternative-hearings': { input: 'A: (cold/ hold)', node: { type: 'uncertain', hearings: ['cold', 'hold'] } },
  inaudible: { input: 'A: (X)', node: { type: 'inaudible', value: '(X)' } },
  comment: { input: 'A: ((coughs))', node: { type: 'comment', text: 'coughs' } },
  'cut-off': { input: 'A: wo-', node: { type: 'cutoff', value: '-' } },
  elision: { input: 'A: ’rd', node: { type: 'elision', value: '’' } },
  'smile-voice': { input: 'A: $word$', node: { type: 'marker', span: 'smile', edge: 'close', value: '$' } },
  'creaky-voice': { input: 'A: #word#', node: { type: 'marker', span: 'creaky', edge: 'open' } },
  'wobbly-voice': { input: 'A: ~word~', node: { type: 'marker', span: 'wobbly', edge: 'open' } },
  omission: { input: 'A: and [...]', node: { type: 'omission', form: 'bracketed', value: '[...]' } },
  ellipsis: { input: 'A: …she', node: { type: 'omission', form: 'ellipsis', value: '…' } },
  'omission-line': { input: 'A: yes\n……\nA: no', node: { type: 'omissionLine', value: '……' } },
  editorial: { input: 'A: that [she] would', node: { type: 'editorial', text: 'she' }, mode: 'commentary' },
};

function nodes(node: Node): Record<string, unknown>[] {
  const { position: _position, ...rest } = node;
  const children = 'children' in node ? node.children.flatMap((child) => nodes(child)) : [];
  return [rest, ...children];
}

describe('symbol table', () => {
  test.each(symbols.map((entry) => [entry.id, entry.grammar, entry] as const))('%s (rule `%s`) parses to its node', (id, _rule, entry) => {
    const { input, node, mode = 'transcript' } = cases[id];
    const { tree } = parseTranscriptText(input, { mode });
    expect(nodes(tree)).toContainEqual(expect.objectContaining(node));
    expect(usedSymbols(tree).map((used) => used.id)).toContain(entry.id);
  });

  test.each(symbols.map((entry) => [entry.id, entry] as const))('%s: its example uses it', (_id, entry) => {
    const { tree } = parseTranscriptText(entry.example, { mode: entry.modes.includes('transcript') ? 'transcript' : 'commentary' });
    expect(usedSymbols(tree).map((used) => used.id)).toContain(entry.id);
  });

  test('ids are unique and every entry has a name, meaning, spoken name and grammar rule', () => {
    expect(new Set(symbols.map((entry) => entry.id)).size).toBe(symbols.length);
    for (const entry of symbols) {
      expect(entry.name && entry.meaning && entry.spoken && entry.grammar && entry.symbol).toBeTruthy();
      expect(entry.modes.length).toBeGreaterThan(0);
    }
  });

  test('knows no study: no entry carries one study’s printed table, and examples name generic speakers', () => {
    expect(symbols.length).toBeGreaterThan(30);
    for (const entry of symbols) {
      expect(Object.keys(entry)).not.toContain('article');
      for (const label of entry.example.matchAll(/^([A-Z]\w*):\s/gmu)) expect(['A', 'B']).toContain(label[1]);
    }
  });

  test('fills spoken-name templates', () => {
    expect(speak(getSymbol('timed-pause'), { duration: '5 seconds' })).toBe('pause, 5 seconds');
    expect(speak(getSymbol('quiet'), { edge: 'ends' })).toBe('quiet talk ends');
    expect(speak(getSymbol('alternative-hearings'), { hearings: 'cold or hold' })).toBe('uncertain, either cold or hold');
  });
});
