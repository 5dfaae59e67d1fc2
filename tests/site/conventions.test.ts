/**
 * The printed conventions table is the study's data, not the generator's: its rows come
 * from study.json "conventions" in their order, each matched to the generator's symbol and
 * given an example line from that study's own transcripts, never from elsewhere.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { printedConventions } from '../../src/site/conventions.ts';
import { loadStudy } from '../../src/study/load.ts';
import type { Study } from '../../src/study/index.ts';
import { baseStudy } from '../helpers/fixture-study.ts';

async function load(dir: string): Promise<Study> {
  const { study } = await loadStudy(dir);
  if (!study) throw new Error(`${dir} does not load`);
  return study;
}

const bundled = await load(join(import.meta.dirname, '..', '..', 'content'));

describe('the conventions a study printed', () => {
  const rows = printedConventions(bundled);

  it('are the rows of study.json "conventions", in their order, with the study’s own wording', () => {
    expect(rows.map((row) => [row.order, row.printed, row.entry.id])).toEqual(bundled.meta.conventions!.rows.map((row, index) => [index + 1, row.printed, row.symbol]));
    expect(rows[0]).toMatchObject({ printed: '[', meaning: 'Beginning of an overlapping utterance' });
  });

  it('take each example from a transcript line of the study that shows the symbol’s marks', () => {
    const transcriptLines = bundled.excerpts
      .filter((excerpt) => bundled.sources.get(excerpt.source)?.transcription === 'jefferson')
      .flatMap((excerpt) => excerpt.lines.map((line) => ({ excerpt: excerpt.id, text: line.text })));
    for (const row of rows) {
      if (!row.example) continue;
      const line = transcriptLines.find((candidate) => candidate.excerpt === row.example!.excerpt && row.example!.text.endsWith(candidate.text));
      expect(line, `${row.printed}: ${row.example.text}`).toBeDefined();
    }
    const end = rows.find((row) => row.entry.id === 'overlap-end')!;
    expect(end.example?.text).toContain(']');
    expect(rows.find((row) => row.entry.id === 'timed-pause')!.example?.text).toMatch(/\(\d+\.\d\)/);
  });

  it('do not exist for a study that printed none', async () => {
    const fixture = await load(baseStudy);
    expect(fixture.meta.conventions).toBeUndefined();
    expect(printedConventions(fixture)).toEqual([]);
  });
});
