/**
 * Where the prose names each record (backlinks): read from the same MDX parse `npm run
 * check` uses, each use placed in the section (nearest heading) it is in, with the id Astro
 * gives that heading, once per section, in the edition's reading order.
 */
import { mkdtemp, mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readProseUses } from '../../src/study/prose/uses.ts';

async function studyWith(files: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'casebook-uses-'));
  for (const [path, text] of Object.entries(files)) {
    await mkdir(join(dir, path, '..'), { recursive: true });
    await writeFile(join(dir, path), text);
  }
  return dir;
}

const chapter = (title: string, order: number, body: string) => `---\ntitle: ${title}\ndescription: A chapter.\norder: ${order}\n---\n${body}\n`;

describe('readProseUses', () => {
  it('places each use in its section, once per section, with Astro’s heading ids', async () => {
    const dir = await studyWith({
      'chapters/b.mdx': chapter(
        'Results',
        2,
        [
          'Intro <Cite id="smith2020" />.',
          '## 1.1 Boundaries',
          '<Excerpt id="first-visit" /> and again <ExcerptLink id="first-visit" />, <Cite id="smith2020, jones2019" locator="p. 3" />.',
          '## `Code` & Co.',
          'See <ThemeLink code="1.1" /> and <UnitLink session={2}>the second</UnitLink> and <Term id="ipa" />.',
          '## 1.1 Boundaries',
          '<ExcerptLink id="first-visit" />',
        ].join('\n\n'),
      ),
      'chapters/a.mdx': chapter('Introduction', 1, '# Introduction\n\n<ExcerptLink id="first-visit" />'),
    });
    const uses = await readProseUses(dir);
    const places = (list: typeof uses.excerpt extends Map<string, infer P> ? P : never) => list.map((place) => `${place.page}#${place.section?.slug ?? ''}`);
    expect(places(uses.excerpt.get('first-visit')!)).toEqual(['a#introduction', 'b#11-boundaries', 'b#11-boundaries-1']);
    expect(places(uses.reference.get('smith2020')!)).toEqual(['b#', 'b#11-boundaries']);
    expect(places(uses.reference.get('jones2019')!)).toEqual(['b#11-boundaries']);
    expect(places(uses.code.get('1.1')!)).toEqual(['b#code--co']);
    expect(uses.code.get('1.1')![0]!.section?.text).toBe('Code & Co.');
    expect(places(uses.unit.get('2')!)).toEqual(['b#code--co']);
    expect(places(uses.term.get('ipa')!)).toEqual(['b#code--co']);
    expect(uses.excerpt.get('first-visit')!.map((place) => place.title)).toEqual(['Introduction', 'Results', 'Results']);
    const sequences = [...uses.excerpt.values(), ...uses.reference.values()].flat().map((place) => place.sequence);
    expect(new Set(sequences).size).toBe(sequences.length);
  });

  it('reads nothing from a study without prose', async () => {
    const uses = await readProseUses(await studyWith({ 'study.json': '{}' }));
    expect([uses.excerpt.size, uses.reference.size, uses.code.size, uses.unit.size, uses.term.size]).toEqual([0, 0, 0, 0, 0]);
  });
});
