import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { diffCoding, hasChanges, readCoding } from '../../src/interchange/diff.ts';
import { fixturesDir } from '../helpers/fixture-study.ts';

const diffDir = join(fixturesDir, 'diff');

describe('diffCoding', async () => {
  const before = await readCoding(join(diffDir, 'before'));
  const after = await readCoding(join(diffDir, 'after'));
  const diff = diffCoding(before, after);
  const labels = (entries: { code: string; name: string }[]) => entries.map((entry) => `${entry.code} ${entry.name}`);

  it('finds codes added and removed', () => {
    expect(labels(diff.codes.added)).toEqual(['4.0 E']);
    expect(labels(diff.codes.removed)).toEqual(['3.0 C']);
  });

  it('tells a rename (same code, new name) from a renumbering (same name, new code)', () => {
    expect(diff.codes.renamed.map(({ before, after }) => `${before.code} ${before.name} → ${after.code} ${after.name}`)).toEqual(['1.1 A1 → 1.1 A-one']);
    expect(diff.codes.renumbered.map(({ before, after }) => `${before.code} ${before.name} → ${after.code} ${after.name}`)).toEqual(['4.0 D → 3.0 D']);
  });

  it('finds merges and splits by excerpt membership', () => {
    expect(diff.codes.merged.map(({ from, into }) => [labels(from), `${into.code} ${into.name}`])).toEqual([[['1.2 A2', '1.3 A3'], '1.2 A2']]);
    expect(diff.codes.split.map(({ from, into }) => [`${from.code} ${from.name}`, labels(into)])).toEqual([['2.1 B1', ['2.1 B1', '2.2 B-new']]]);
  });

  it('lists excerpts added, removed and recoded, not those only renumbered', () => {
    expect(diff.excerpts.added.map((excerpt) => excerpt.id)).toEqual(['new1']);
    expect(diff.excerpts.removed.map((excerpt) => excerpt.id)).toEqual(['gone']);
    expect(diff.excerpts.recoded.map((excerpt) => `${excerpt.id}: ${labels(excerpt.from)} → ${labels(excerpt.to)}`)).toEqual(['e3: 1.3 A3 → 1.2 A2', 'e5: 2.1 B1 → 2.2 B-new', 'e6: 3.0 C → 4.0 E']);
  });

  it('counts excerpts per theme and per session', () => {
    expect(diff.counts.themes).toContainEqual({ code: '4.0', name: 'E', before: 0, after: 2 });
    expect(diff.counts.themes).toContainEqual({ code: '3.0', name: 'C (removed)', before: 1, after: 0 });
    expect(diff.counts.sessions).toEqual([
      { session: 1, before: 2, after: 2 },
      { session: 2, before: 3, after: 3 },
      { session: 3, before: 1, after: 1 },
      { session: null, before: 2, after: 2 },
    ]);
  });

  it('reports nothing for an unchanged coding', () => {
    expect(hasChanges(diffCoding(after, after))).toBe(false);
    expect(hasChanges(diff)).toBe(true);
  });
});
