/**
 * The corpus of published fragments (`tests/ca/corpus/`): each is read as its fixture's
 * analyst reading says, pasted as a ```` ```ca ```` block in Markdown and entered as an
 * excerpt's stored lines just as when parsed directly. `npx tsx tests/ca/corpus/reading-rate.ts` prints the same
 * comparison as a rate.
 */
import type { Root } from 'mdast';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { describe, expect, test } from 'vitest';
import { lastLineNumber, parseTranscript, parseTranscriptText, usedSymbols, type TranscriptLineInput } from '../../src/ca/index.ts';
import remarkCa, { type CaTranscript } from '../../src/ca/remark-ca.ts';
import { differences, loadCorpus, readingOf } from './corpus/reading.ts';

const corpus = loadCorpus();

describe('corpus of published fragments', () => {
  test('holds at least 40 fragments, each with its source', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(40);
    for (const fixture of corpus) {
      expect(fixture.source.author, fixture.id).not.toBe('');
      expect(fixture.source.year, fixture.id).toBeGreaterThan(1900);
      expect(fixture.source.title, fixture.id).not.toBe('');
      expect(fixture.source.locator, fixture.id).not.toBe('');
      expect(fixture.source.url, fixture.id).toMatch(/^https:\/\//);
    }
  });

  test.each(corpus.map((fixture) => [fixture.id, fixture] as const))('%s is read as an analyst reads it', (_, fixture) => {
    const { tree } = parseTranscriptText(fixture.text);
    expect(differences(fixture.reading, readingOf(tree, usedSymbols(tree)))).toEqual([]);
  });

  test.each(corpus.map((fixture) => [fixture.id, fixture] as const))('%s reads the same entered as an excerpt’s stored lines, numbers included', (_, fixture) => {
    // As a researcher enters it: each printed line's talk as typed after its label, its
    // speaker on a turn's first line, a silence as printed, and the source's line number.
    const { tree } = parseTranscriptText(fixture.text);
    const stored: TranscriptLineInput[] = tree.children.flatMap((node): TranscriptLineInput[] => {
      if (node.type === 'omissionLine') return [{ kind: 'omission', text: node.value }];
      if (node.type === 'silence') return [{ kind: 'silence', text: fixture.text.slice(node.position!.start.offset, node.position!.end.offset).replace(/^\s*\d+[.:)]?\s+/u, ''), number: node.number }];
      return node.children.map((line, index) => ({
        kind: 'turn' as const,
        ...(index === 0 && !node.continued && node.speaker !== undefined ? { speaker: node.speaker } : {}),
        text: fixture.text.slice(line.children[0]?.position?.start.offset ?? line.position!.end.offset, line.position!.end.offset),
        number: line.number,
      }));
    });
    const entered = parseTranscript(stored).tree;
    expect(differences(fixture.reading, readingOf(entered, usedSymbols(entered)))).toEqual([]);
    expect(lastLineNumber(entered)).toBe(lastLineNumber(tree));
  });

  test.each(corpus.map((fixture) => [fixture.id, fixture] as const))('%s reads the same pasted as a ```ca block', async (_, fixture) => {
    const markdown = `Before.\n\n\`\`\`ca\n${fixture.text}\n\`\`\`\n`;
    const processor = unified().use(remarkParse).use(remarkCa);
    const file = new VFile(markdown);
    const root = (await processor.run(processor.parse(file), file)) as Root;
    const block = root.children.find((node): node is CaTranscript => node.type === 'caTranscript');
    expect(block).toBeDefined();
    if (!block) return;
    expect(differences(fixture.reading, readingOf(block.tree, usedSymbols(block.tree)))).toEqual([]);
  });
});
