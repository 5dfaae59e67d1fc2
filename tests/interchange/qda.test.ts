import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { validateXML } from 'xmllint-wasm';
import { describe, expect, it } from 'vitest';
import { readQdaFile } from '../../src/interchange/qda/read.ts';
import { projectToStudy, type ExistingStudy } from '../../src/interchange/qda/to-study.ts';
import { studyToQda, zipQdpx } from '../../src/interchange/qda/write.ts';
import { themeColours } from '../../src/interchange/colours.ts';
import { contrastRatio } from '../../src/study/colour.ts';
import { loadStudy } from '../../src/study/load.ts';
import type { Study } from '../../src/study/model.ts';
import { CodebookSchema, ExcerptSchema } from '../../src/study/schemas/index.ts';
import { fixtures } from '../fixtures/qdpx/make-fixtures.ts';
import { baseStudy, fixturesDir } from '../helpers/fixture-study.ts';
import { repoRoot } from '../helpers/build-site.ts';

const qdpxDir = join(fixturesDir, 'qdpx');
const speakers = [
  { id: 'coach', label: 'Coach' },
  { id: 'rower', label: 'Rower' },
];
const empty: ExistingStudy = { codebook: undefined, excerpts: new Map() };

async function fixture(name: string) {
  return new Uint8Array(await readFile(join(qdpxDir, name)));
}

function imported(bytes: Uint8Array, name: string, existing = empty) {
  const { project, notices } = readQdaFile(bytes, name);
  expect(project).toBeDefined();
  return projectToStudy(project!, existing, speakers, notices);
}

describe('REFI-QDA fixtures', () => {
  it('are exactly what make-fixtures.ts writes', async () => {
    for (const [name, bytes] of Object.entries(fixtures)) expect(await fixture(name), name).toEqual(bytes);
  });
});

describe('reading a project', () => {
  it('maps top-level codes to themes N.0 and their children to subthemes N.M, deeper codes to their subtheme', async () => {
    const result = imported(await fixture('standard.qdpx'), 'standard.qdpx');
    const codebook = CodebookSchema.parse(result.codebook!.record);
    expect(codebook.themes.map((theme) => [theme.code, theme.name, theme.slug, theme.subthemes.map((s) => [s.code, s.name, s.slug])])).toEqual([
      ['1.0', 'Launching', 'launching', [['1.1', 'Rigging', 'rigging'], ['1.2', 'Pushing off', 'pushing-off']]],
      ['2.0', 'Recovery', 'recovery', []],
    ]);
    expect(result.notices.map((notice) => notice.rule)).toEqual(['qdpx-nesting']);
    expect(result.notices[0]!.reason).toContain('› Oar check"');
  });

  it('makes theme colours accessible and says what it adjusted', async () => {
    const result = imported(await fixture('standard.qdpx'), 'standard.qdpx');
    const recovery = CodebookSchema.parse(result.codebook!.record).themes[1]!;
    expect(contrastRatio(recovery.colour, '#ffffff')).toBeGreaterThanOrEqual(3);
    expect(contrastRatio(recovery.colourDark, '#121416')).toBeGreaterThanOrEqual(3);
    expect(result.adjustments).toContain(`theme "Recovery": colour #FFCC00 darkened to ${recovery.colour} for 3:1 contrast against #ffffff`);
    expect(themeColours('#1f5f8b')).toEqual({ colour: '#1f5f8b', colourDark: expect.stringMatching(/^#[0-9A-F]{6}$/), adjustments: [expect.stringContaining('colourDark computed')] });
  });

  it('counts positions in code points, end exclusive, so text after emoji is cut where the tool cut it', async () => {
    const result = imported(await fixture('standard.qdpx'), 'standard.qdpx');
    const excerpts = Object.fromEntries(result.excerpts.map((entry) => [entry.record.id, entry.record]));
    expect(Object.keys(excerpts)).toEqual(['river-talk', 'river-talk-ye-s-steady', 'river-talk-okay', 'dock-talk']);
    expect(excerpts['river-talk']!.lines).toEqual([
      { kind: 'turn', speaker: 'coach', text: '🚣 ready? 𝄞 go' },
      { kind: 'turn', speaker: 'rower', text: 'ye::s 😀 (.) steady' },
      { kind: 'silence', text: '(2.0)' },
      { kind: 'turn', speaker: 'rower', text: '°okay°' },
    ]);
    expect(excerpts['river-talk-ye-s-steady']!.lines).toEqual([{ kind: 'turn', speaker: 'rower', text: 'ye::s 😀 (.) steady' }]);
    expect(excerpts['river-talk-ye-s-steady']!.codes).toEqual(['1.2', '2.0']);
    expect(excerpts['river-talk-okay']!.codes).toEqual(['1.2']);
  });

  it('reads CRLF sources with CRLF counted as two code points', async () => {
    const result = imported(await fixture('standard.qdpx'), 'standard.qdpx');
    const dock = result.excerpts.find((entry) => entry.record.id === 'dock-talk')!.record;
    expect(dock.lines).toEqual([{ kind: 'turn', speaker: 'rower', text: 'three 😀 four' }]);
  });

  it('turns notes into interpretations and lead-ins, and variables into fields', async () => {
    const result = imported(await fixture('standard.qdpx'), 'standard.qdpx');
    const [river, steady, okay, dock] = result.excerpts.map((entry) => ExcerptSchema.parse(entry.record));
    expect(river).toMatchObject({ title: 'ready? go', session: 1, source: 'session-transcript', leadIn: 'Before the first piece.', interpretation: 'The coach sets the pace.', article: { section: 'Results › Launching', order: 1 } });
    expect(steady!.interpretation).toBe('The rower settles into the rhythm.');
    expect(okay!.interpretation).toBe('A quiet agreement at the end.');
    expect(dock).toMatchObject({ session: null, source: 'participant-commentary', interpretation: 'Counting down after the piece.' });
  });

  it('is lenient with real exports and says what it skipped', async () => {
    const { project, notices } = readQdaFile(await fixture('lenient.qdpx'), 'lenient.qdpx');
    expect(notices.map((notice) => `${notice.severity} ${notice.rule}`)).toEqual([
      'warning qdpx-project-name',
      'warning qde-namespace',
      'warning qdpx-skipped',
      'warning qdpx-skipped',
    ]);
    expect(notices[2]!.reason).toBe('Skipped picture source "Boat.jpg": Casebook imports text sources only');
    expect(notices[3]!.reason).toBe('Skipped audio source "Interview.m4a" and its 1 selection: Casebook imports text sources only');
    const result = projectToStudy(project!, empty, speakers, []);
    expect(result.excerpts).toHaveLength(1);
    // The selection counts CRLF as one character (ATLAS.ti); its name quotes the text, which decides.
    expect(result.excerpts[0]!.record).toMatchObject({ id: 'interview', lines: [{ kind: 'turn', speaker: 'coach', text: 'second line' }], codes: ['1.0'], interpretation: 'Said with the oars out.', session: 2 });
  });

  it('reads a codebook (.qdc) and renumbers the existing excerpts to it', async () => {
    const { study } = await loadStudy(baseStudy);
    const existing: ExistingStudy = { codebook: { themes: study!.themes }, excerpts: study!.excerptIndex };
    const result = imported(await fixture('codebook.qdc'), 'codebook.qdc', existing);
    const codebook = CodebookSchema.parse(result.codebook!.record);
    expect(codebook.themes.map((theme) => `${theme.code} ${theme.slug}`)).toEqual(['1.0 recovery', '2.0 launching']);
    expect(codebook.themes[1]!.subthemes.map((s) => `${s.code} ${s.slug}`)).toEqual(['2.1 pushing-off', '2.2 rigging']);
    expect(codebook.themes[1]!.colourDark).toBe(study!.themes[0]!.colourDark);
    const recoded = Object.fromEntries(result.excerpts.map((entry) => [entry.record.id, entry.record.codes]));
    expect(recoded).toEqual({ 'cold-water': ['2.1', '1.0'], 'felt-good': ['1.0'], 'oars-first': ['2.2'], steady: ['2.2', '2.1'] });
  });

  it('reads the REFI-QDA specification example: flat "::" codes nested, media skipped, missing texts named', async () => {
    const bytes = await fixture('reference/refi-spec-example-atlasti-project.qde');
    const { project, notices } = readQdaFile(bytes, 'project.qde');
    expect(project!.codes.find((code) => code.name === 'Coke')!.children.map((code) => code.name)).toEqual(['full-fat Coke', 'diet Coke']);
    expect(project!.codes).toHaveLength(12);
    expect(notices.filter((notice) => notice.rule === 'qdpx-skipped')).toHaveLength(7);
    const result = projectToStudy(project!, empty, speakers, [...notices]);
    const missing = result.notices.filter((notice) => notice.rule === 'qdpx-missing-text');
    expect(missing.map((notice) => notice.severity)).toEqual(['warning', 'warning', 'error', 'error', 'error', 'error']);
    expect(missing[2]!.reason).toBe('The text of source "1994 Diet Coke-Diet Coke Break.docx" cannot be read: text source "1994 Diet Coke-Diet Coke Break.docx" refers to internal://230B768E-5A3D-42B7-BE92-2A3721177944.txt, which only a .qdpx archive holds');
  });
});

describe('malformed files', () => {
  const cases: [string, string, string][] = [
    ['not-a-zip.qdpx', 'qdpx-archive', 'not-a-zip.qdpx is not a zip archive, so it is not a .qdpx project'],
    ['no-project.qdpx', 'qdpx-missing-project', 'no-project.qdpx holds no project.qde at its top level'],
    ['bad-xml.qdpx', 'qde-xml', "Malformed XML: Expected closing tag 'CodeBook' (opened in line 3, col 3) instead of closing tag 'Codebook'."],
  ];
  for (const [name, rule, reason] of cases) {
    it(`${name}: ${rule}`, async () => {
      const { project, notices } = readQdaFile(await fixture(name), name);
      expect(project).toBeUndefined();
      expect(notices.map((notice) => [notice.severity, notice.rule, notice.reason])).toEqual([['error', rule, reason]]);
    });
  }

  it('out-of-range.qdpx: names the selection and the text length', async () => {
    const result = imported(await fixture('out-of-range.qdpx'), 'out-of-range.qdpx');
    expect(result.notices.filter((notice) => notice.severity === 'error').map((notice) => [notice.rule, notice.reason])).toEqual([
      ['qdpx-selection-range', 'Selection in source "dock-talk" runs from 25 to 999, but the text has only 39 characters (Unicode code points)'],
    ]);
  });
});

describe('exporting a study', () => {
  async function study(dir: string): Promise<Study> {
    const { study } = await loadStudy(dir);
    expect(study).toBeDefined();
    return study!;
  }

  it('writes a project.qde that is valid against the REFI-QDA Project schema', async () => {
    const { qde } = studyToQda(await study(join(repoRoot, 'content')));
    const result = await validateXML({ xml: { fileName: 'project.qde', contents: qde }, schema: { fileName: 'Project.xsd', contents: await readFile(join(qdpxDir, 'reference', 'Project-mrt2019.xsd'), 'utf8') } });
    expect(result.errors).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it('gives the same bytes each time (stable GUIDs, fixed dates)', async () => {
    const loaded = await study(baseStudy);
    expect(zipQdpx(studyToQda(loaded))).toEqual(zipQdpx(studyToQda(loaded)));
  });

  for (const [name, dir] of [['the bundled study', join(repoRoot, 'content')], ['the harbour fixture', baseStudy]] as const) {
    it(`import of an export reproduces ${name}`, async () => {
      const original = await study(dir);
      const bytes = zipQdpx(studyToQda(original));
      const { project, notices } = readQdaFile(bytes, 'study.qdpx');
      const participants = [...original.participants.values()];
      const result = projectToStudy(project!, { codebook: undefined, excerpts: new Map() }, participants, notices);
      expect(result.notices).toEqual([]);
      const themes = CodebookSchema.parse(result.codebook!.record).themes;
      // Without the old codebook the dark colours are computed, everything else comes back.
      expect(themes.map(({ colourDark: _dark, ...theme }) => theme)).toEqual(original.themes.map(({ colourDark: _dark, ...theme }) => theme));
      const excerpts = result.excerpts.map((entry) => ExcerptSchema.parse(entry.record));
      expect(excerpts).toEqual(original.excerpts.map(({ $schema: _ref, ...excerpt }) => excerpt));
    });
  }
});
