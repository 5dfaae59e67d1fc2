/**
 * The researcher's loop end to end, on temporary copies of the bundled study: recode in a
 * spreadsheet or a QDA program → one import command → `npm run build` → the site shows
 * the new coding, and `npm run diff` says exactly what changed.
 */
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { guidOf } from '../../src/interchange/qda/guid.ts';
import { repoRoot } from '../helpers/build-site.ts';
import { copyStudy, runCli } from './run-cli.ts';

const temps: string[] = [];
afterAll(async () => {
  await Promise.all(temps.map((path) => rm(path, { recursive: true, force: true })));
});

async function editions(): Promise<{ before: string; after: string }> {
  const before = await copyStudy(join(repoRoot, 'content'));
  const after = await copyStudy(before);
  temps.push(before, after);
  return { before, after };
}

/** Ids of the excerpts a page shows (each is an element with id "excerpt-<id>"). */
function excerptsShown(html: string): string[] {
  return [...html.matchAll(/\bid="excerpt-([a-z0-9-]+)"/g)].map((match) => match[1]!).sort();
}

describe('recode → import → build → diff', () => {
  it('through a spreadsheet', async () => {
    const { before, after } = await editions();
    const csv = `${after}.csv`;
    temps.push(csv);
    expect(runCli('export-csv', [csv], { STUDY_DIR: after }).status).toBe(0);

    // The researcher moves "butter chicken" from 2.2 Comfort to 2.1 Safety.
    const [header, ...rows] = parse((await readFile(csv, 'utf8')).replace(/^\uFEFF/, '')) as string[][];
    const codes = header!.indexOf('codes');
    const row = rows.find((cells) => cells[0] === 'butter-chicken')!;
    expect(row[codes]).toBe('2.2');
    row[codes] = '2.1';
    await writeFile(csv, stringify([header!, ...rows]));

    const imported = runCli('import-csv', [csv], { STUDY_DIR: after });
    expect(imported.status).toBe(0);
    expect(imported.stdout.match(/^wrote .*$/gm)).toEqual([expect.stringMatching(/excerpts\/butter-chicken\.json$/)]);

    const dist = `${after}-dist`;
    temps.push(dist);
    const built = runCli('build', [], { STUDY_DIR: after, CASEBOOK_DIST: dist });
    expect(built.status, built.output).toBe(0);
    expect(excerptsShown(await readFile(join(dist, 'themes', 'pleasure', 'safety', 'index.html'), 'utf8'))).toContain('butter-chicken');
    expect(excerptsShown(await readFile(join(dist, 'themes', 'pleasure', 'comfort', 'index.html'), 'utf8'))).not.toContain('butter-chicken');

    const diff = runCli('diff', [before], { STUDY_DIR: after });
    expect(diff.status).toBe(0);
    const sections = diff.stdout.split('\n\n');
    expect(sections[1]).toBe('Codes\n  no change');
    expect(sections[2]).toBe('Excerpts\n  recoded     butter-chicken  2.2 Comfort → 2.1 Safety');
    expect(sections[3]).toMatch(/\n {2}2\.0 Pleasure +5 +5 +0\n/);
  });

  it('through a QDA program (REFI-QDA project)', async () => {
    const { before, after } = await editions();
    const qdpx = `${after}.qdpx`;
    temps.push(qdpx);
    expect(runCli('export-qdpx', [qdpx], { STUDY_DIR: after }).status).toBe(0);

    // In the QDA program: "Comfort" is renamed, and "butter chicken" recoded from it to "Safety".
    const entries = unzipSync(new Uint8Array(await readFile(qdpx)));
    const comfort = guidOf.code('comfort');
    const safety = guidOf.code('safety');
    const qde = strFromU8(entries['project.qde']!);
    const recoding = `<Coding guid="${guidOf.coding('butter-chicken', '2.2')}" creatingUser="${guidOf.user()}" creationDateTime="2020-01-01T00:00:00Z"><CodeRef targetGUID="${comfort}"/></Coding>`;
    expect(qde).toContain(recoding);
    entries['project.qde'] = strToU8(qde.replace(`guid="${comfort}" name="Comfort"`, `guid="${comfort}" name="Comfort and warmth"`).replace(recoding, recoding.replace(comfort, safety)));
    await writeFile(qdpx, zipSync(entries));

    const imported = runCli('import-qdpx', [qdpx], { STUDY_DIR: after });
    expect(imported.status, imported.output).toBe(0);
    expect(runCli('check', [], { STUDY_DIR: after }).status).toBe(0);

    const diff = runCli('diff', [before], { STUDY_DIR: after });
    const sections = diff.stdout.split('\n\n');
    expect(sections[1]).toBe('Codes\n  renamed     2.2 Comfort → Comfort and warmth');
    expect(sections[2]).toBe('Excerpts\n  recoded     butter-chicken  2.2 Comfort → 2.1 Safety');
    const codebook = JSON.parse(await readFile(join(after, 'codebook.json'), 'utf8'));
    expect(codebook.themes[1].subthemes[1]).toMatchObject({ code: '2.2', name: 'Comfort and warmth', slug: 'comfort' });
  });
});
