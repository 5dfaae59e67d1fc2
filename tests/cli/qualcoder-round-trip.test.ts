/**
 * The researcher's round trip through QualCoder, on a copy of the bundled study: export →
 * QualCoder imports it → the researcher renames one code and recodes one excerpt →
 * QualCoder exports → import. QualCoder's handling is modelled on its refi.py
 * (tests/helpers/qualcoder.ts): new GUIDs for everything, codes in its own order, colours
 * snapped to its palette, one selection per coding named with the coded text, memos in
 * Descriptions, numeric variables as floats, sources with a byte-order mark.
 */
import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { qualcoderExport, qualcoderImport } from '../helpers/qualcoder.ts';
import { repoRoot } from '../helpers/build-site.ts';
import { copyStudy, runCli } from './run-cli.ts';

const temps: string[] = [];
afterAll(async () => {
  await Promise.all(temps.map((path) => rm(path, { recursive: true, force: true })));
});

async function files(dir: string): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) found.set(join(entry.parentPath, entry.name).slice(dir.length + 1), await readFile(join(entry.parentPath, entry.name), 'utf8'));
  }
  return found;
}

describe('export → QualCoder → rename a code, recode an excerpt → export → import', () => {
  it('names exactly those two changes, and nothing else in the study changes', async () => {
    const before = await copyStudy(join(repoRoot, 'content'));
    const after = await copyStudy(before);
    const exported = `${after}.qdpx`;
    const reexported = `${after}-qualcoder.qdpx`;
    temps.push(before, after, exported, reexported);
    expect(runCli('export-qdpx', [exported], { STUDY_DIR: after }).status).toBe(0);

    const project = qualcoderImport(new Uint8Array(await readFile(exported)));
    const comfort = project.codes.find((code) => code.name === 'Comfort')!;
    const safety = project.codes.find((code) => code.name === 'Safety')!;
    // Every code keeps its colour and memo through QualCoder's import, themes included.
    expect(project.codes.every((code) => /^#[0-9A-F]{6}$/.test(code.color) && code.memo !== '')).toBe(true);
    comfort.name = 'Comfort and warmth';
    const butter = project.sources.find((source) => source.attributes.get('excerpt id') === 'butter-chicken')!;
    const coding = project.codings.find((candidate) => candidate.fid === butter.id && candidate.cid === comfort.cid)!;
    coding.cid = safety.cid;
    await writeFile(reexported, qualcoderExport(project));

    // The re-export is shaped as QualCoder writes it.
    const entries = unzipSync(new Uint8Array(await readFile(reexported)));
    const qde = strFromU8(entries['project.qde']!);
    expect(qde).toContain('origin="QualCoder');
    // Top-level codes come alphabetically, not in the study's order (Separateness, Pleasure, Merging, Internalization).
    const themeAt = (name: string) => qde.indexOf(`name="${name}"`);
    expect(['Internalization', 'Merging', 'Pleasure', 'Separateness'].map(themeAt)).toEqual(['Internalization', 'Merging', 'Pleasure', 'Separateness'].map(themeAt).sort((x, y) => x - y));
    expect(
      Object.entries(entries)
        .filter(([name]) => name.startsWith('sources/'))
        .every(([, data]) => data[0] === 0xef && data[1] === 0xbb && data[2] === 0xbf),
    ).toBe(true);
    // Selections are named with the coded text itself, not the excerpt's title.
    expect(qde).toContain(`name="${butter.fulltext.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/'/g, '&#x27;').replace(/</g, '&lt;').replace(/>/g, '&gt;')}"`);

    const beforeFiles = await files(after);
    const imported = runCli('import-qdpx', [reexported], { STUDY_DIR: after });
    expect(imported.status, imported.output).toBe(0);
    expect(imported.stdout).toContain('positions: positions are the same in code points and UTF-16 code units');
    expect(imported.stdout).toContain('adjusted: code "Comfort and warmth" recognised as 2.2 "Comfort" by its description (the project gives it a new GUID and name): renamed');
    expect(runCli('check', [], { STUDY_DIR: after }).status).toBe(0);

    const diff = runCli('diff', [before], { STUDY_DIR: after });
    const sections = diff.stdout.split('\n\n');
    expect(sections[1]).toBe('Codes\n  renamed     2.2 Comfort → Comfort and warmth');
    expect(sections[2]).toBe('Excerpts\n  recoded     butter-chicken  2.2 Comfort → 2.1 Safety');
    const afterFiles = await files(after);
    expect([...afterFiles.keys()].filter((path) => afterFiles.get(path) !== beforeFiles.get(path)).sort()).toEqual(['codebook.json', 'excerpts/butter-chicken.json']);
  });
});
