/**
 * One grammar for the lines that are not talk: the CA parser (pasted transcripts), the
 * stored excerpt schema and the spreadsheet/QDA line reader read a silence or an omission
 * the same way, so an import never accepts a line the check then refuses.
 */
import { describe, expect, it } from 'vitest';
import { parseTranscriptText } from '../../src/ca/index.ts';
import { readEntry } from '../../src/interchange/lines-text.ts';
import { SilenceLineSchema } from '../../src/study/schemas/excerpt.ts';

const silences = ['(0.5)', '(35.0)', '(.7)', '(2)', '(1:02.5)', '( 0.4 )', '(5.7) ((tannoy))', '(0.6) 61203_61843', '(1.2) ((door)) 5_9'];
const omissions = ['……………..', '...', '..', '…', '[…]', '[...]', '(...)', '(…)', '( … )'];
const neither = ['(..)', '(word)', '(0.5) yes', '(.)', '((laughs))', 'A: (0.5)', '.'];

/** How each reader takes a line: the parser's node type, the line reader's kind, and whether the schema stores it as a silence. */
function readings(text: string) {
  const node = parseTranscriptText(text).tree.children[0];
  return {
    parser: node?.type === 'silence' ? 'silence' : node?.type === 'omissionLine' ? 'omission' : 'talk',
    importer: readEntry(text, [{ id: 'a', label: 'A' }])?.line.kind === 'turn' ? 'talk' : readEntry(text, [])?.line.kind,
    stored: SilenceLineSchema.safeParse({ kind: 'silence', text }).success ? 'silence' : 'not a silence',
  };
}

describe('the line grammar', () => {
  it.each(silences)('reads %s as a silence everywhere', (text) => {
    expect(readings(text)).toEqual({ parser: 'silence', importer: 'silence', stored: 'silence' });
  });

  it.each(omissions)('reads %s as left-out lines everywhere', (text) => {
    expect(readings(text)).toEqual({ parser: 'omission', importer: 'omission', stored: 'not a silence' });
  });

  it.each(neither)('reads %s as talk everywhere', (text) => {
    expect(readings(text)).toEqual({ parser: 'talk', importer: 'talk', stored: 'not a silence' });
  });
});
