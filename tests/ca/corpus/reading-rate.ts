/**
 * Reading rate of the CA engine on the corpus of published fragments: how many are
 * read as the fixture's analyst reading says. Prints each miss and the rate.
 *
 *     npx tsx tests/ca/corpus/reading-rate.ts [path/to/src/ca]
 *
 * The optional path measures another checkout's engine (e.g. main's, for a before/after).
 */
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { differences, loadCorpus, readingOf } from './reading.ts';

interface Engine {
  parseTranscriptText(text: string): { tree: Parameters<typeof readingOf>[0] };
  usedSymbols(tree: never): { id: string }[];
}

const folder = resolve(process.argv[2] ?? new URL('../../../src/ca', import.meta.url).pathname);
const engine = (await import(pathToFileURL(resolve(folder, 'index.ts')).href)) as Engine;
const corpus = loadCorpus();
let read = 0;
for (const fixture of corpus) {
  const { tree } = engine.parseTranscriptText(fixture.text);
  const found = differences(fixture.reading, readingOf(tree, engine.usedSymbols(tree as never)));
  if (found.length === 0) read++;
  else console.log(`✗ ${fixture.id}: ${found.join('; ')}`);
}
console.log(`${String(read)} of ${String(corpus.length)} fragments read as an analyst reads them (${((100 * read) / corpus.length).toFixed(0)} %), engine ${folder}`);
