import { readFile } from 'node:fs/promises';
import { deflateSync, strToU8, zipSync } from 'fflate';
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

interface CraftedEntry {
  name: string;
  /** The entry's bytes, deflated into the archive. */
  data: Uint8Array;
  /**
   * Sizes the directory leaves as 0xFFFFFFFF, with the values its Zip64 extra field gives:
   * the inflated size (undefined: a placeholder with no field at all), and whether the
   * compressed size and the local header's offset are given there too.
   */
  zip64?: { originalSize: number | undefined; size?: boolean; offset?: boolean };
}

/** A zip written byte by byte, for directories no zip library writes on request. */
function craftedZip(entries: CraftedEntry[], zip64End: boolean): Uint8Array {
  const parts: Uint8Array[] = [];
  const directory: Uint8Array[] = [];
  let offset = 0;
  const bytes = (length: number, fill: (view: DataView) => void) => {
    const out = new Uint8Array(length);
    fill(new DataView(out.buffer));
    return out;
  };
  for (const entry of entries) {
    const name = strToU8(entry.name);
    const packed = deflateSync(entry.data);
    const local = bytes(30, (view) => {
      view.setUint32(0, 0x04034b50, true);
      view.setUint16(4, 45, true);
      view.setUint16(8, 8, true);
      view.setUint32(18, packed.length, true);
      view.setUint32(22, entry.data.length, true);
      view.setUint16(26, name.length, true);
    });
    const zip64 = entry.zip64;
    const values = zip64 && zip64.originalSize !== undefined ? [zip64.originalSize, ...(zip64.size ? [packed.length] : []), ...(zip64.offset ? [offset] : [])] : [];
    const extra =
      values.length === 0
        ? new Uint8Array(0)
        : bytes(4 + 8 * values.length, (view) => {
            view.setUint16(0, 1, true);
            view.setUint16(2, 8 * values.length, true);
            values.forEach((value, index) => view.setBigUint64(4 + 8 * index, BigInt(value), true));
          });
    const header = bytes(46, (view) => {
      view.setUint32(0, 0x02014b50, true);
      view.setUint16(4, 45, true);
      view.setUint16(6, 45, true);
      view.setUint16(10, 8, true);
      view.setUint32(20, zip64?.size ? 0xffffffff : packed.length, true);
      view.setUint32(24, zip64 ? 0xffffffff : entry.data.length, true);
      view.setUint16(28, name.length, true);
      view.setUint16(30, extra.length, true);
      view.setUint32(42, zip64?.offset ? 0xffffffff : offset, true);
    });
    directory.push(header, name, extra);
    parts.push(local, name, packed);
    offset += local.length + name.length + packed.length;
  }
  const directorySize = directory.reduce((sum, part) => sum + part.length, 0);
  const ends: Uint8Array[] = [];
  if (zip64End) {
    ends.push(
      bytes(56, (view) => {
        view.setUint32(0, 0x06064b50, true);
        view.setBigUint64(4, 44n, true);
        view.setBigUint64(24, BigInt(entries.length), true);
        view.setBigUint64(32, BigInt(entries.length), true);
        view.setBigUint64(40, BigInt(directorySize), true);
        view.setBigUint64(48, BigInt(offset), true);
      }),
    );
    ends.push(
      bytes(20, (view) => {
        view.setUint32(0, 0x07064b50, true);
        view.setBigUint64(8, BigInt(offset + directorySize), true);
        view.setUint32(16, 1, true);
      }),
    );
  }
  ends.push(
    bytes(22, (view) => {
      view.setUint32(0, 0x06054b50, true);
      view.setUint16(8, entries.length, true);
      view.setUint16(10, entries.length, true);
      view.setUint32(12, directorySize, true);
      view.setUint32(16, offset, true);
    }),
  );
  const all = [...parts, ...directory, ...ends];
  const out = new Uint8Array(all.reduce((sum, part) => sum + part.length, 0));
  let at = 0;
  for (const part of all) {
    out.set(part, at);
    at += part.length;
  }
  return out;
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
      [
        '1.0',
        'Launching',
        'launching',
        [
          ['1.1', 'Rigging', 'rigging'],
          ['1.2', 'Pushing off', 'pushing-off'],
        ],
      ],
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

  it('reads NVivo positions as UTF-16 code units, over a BOM and CRLF text, and says so', async () => {
    const result = imported(await fixture('nvivo-utf16.qdpx'), 'nvivo-utf16.qdpx');
    // Read as code points (as before), this selection silently quoted "ow was the 🚣 row today?".
    expect(result.excerpts[0]!.record.lines).toEqual([{ kind: 'turn', speaker: 'coach', text: 'how was the 🚣 row today?' }]);
    expect(result.notices.filter((notice) => notice.severity === 'error')).toEqual([]);
    expect(result.positions).toBe(
      'positions read as UTF-16 code units, as NVivo for Windows 12.6 counts them: 3 of 3 selections land on word boundaries or their quoted words read as UTF-16 code units, 0 read as code points',
    );
    expect(result.excerpts.map((entry) => [entry.record.lines, entry.record.codes])).toEqual([
      [[{ kind: 'turn', speaker: 'coach', text: 'how was the 🚣 row today?' }], ['1.1']],
      [[{ kind: 'turn', speaker: 'rower', text: 'cold water but steady' }], ['2.0', '1.1']],
    ]);
  });

  it('a project with no descriptions and no memos gives a valid codebook and excerpts without interpretations, listed to fill in, none invented', async () => {
    const result = imported(await fixture('nvivo-utf16.qdpx'), 'nvivo-utf16.qdpx');
    const codebook = CodebookSchema.parse(result.codebook!.record);
    expect(codebook.themes.map((theme) => [theme.name, theme.description, theme.subthemes.map((s) => [s.name, s.description])])).toEqual([
      ['Launching', undefined, [['Rigging', undefined]]],
      ['Recovery', undefined, []],
    ]);
    for (const entry of result.excerpts) expect(entry.record).not.toHaveProperty('interpretation');
    expect(result.toFillIn).toContain('interpretation: 2 excerpts (interview-1-how-was-the, interview-1-cold-water-but-steady)');
  });

  it('names speaker labels of the texts that are no participant, and attributes no turn to them', async () => {
    const project = { ...readQdaFile(await fixture('nvivo-utf16.qdpx'), 'nvivo-utf16.qdpx').project! };
    const text = 'Interviewer: how was it?\nCoach: fine\nInterviewer: and then?\nCoach: more\nInterviewer: thanks';
    project.sources = [{ ...project.sources[0]!, text, selections: [{ ...project.sources[0]!.selections[0]!, start: 0, end: text.length }] }];
    const result = projectToStudy(project, empty, speakers, []);
    expect(result.toFillIn.at(-1)).toBe(`speakers: "Interviewer" starts 3 lines; if these are speakers, add them to study.json's participants and import again to attribute their turns`);
    expect((result.excerpts[0]!.record.lines as { speaker?: string; text: string }[]).map((line) => line.speaker ?? line.text)).toEqual([
      'Interviewer: how was it?',
      'coach',
      'Interviewer: and then?',
      'coach',
      'Interviewer: thanks',
    ]);
  });

  it('takes the source of unplaced excerpts from the study only when the study declares one source', async () => {
    const { project, notices } = readQdaFile(await fixture('nvivo-utf16.qdpx'), 'nvivo-utf16.qdpx');
    const one = projectToStudy(project!, empty, speakers, [...notices], { excerptSources: [{ id: 'interview', speakers: true }] });
    expect(one.excerpts.map((entry) => entry.record.source)).toEqual(['interview', 'interview']);
    expect(one.adjustments).toContain('source: excerpts the project does not place come from "interview", the only source the study declares');
    expect(one.notices.filter((notice) => notice.severity === 'error')).toEqual([]);
    const two = projectToStudy(project!, empty, speakers, [...notices], {
      excerptSources: [
        { id: 'interview', speakers: true },
        { id: 'field-notes', speakers: true },
      ],
    });
    expect(two.excerpts.map((entry) => entry.record.source)).toEqual([undefined, undefined]);
    // One message for the document, not one per excerpt.
    expect(two.notices.filter((notice) => notice.severity === 'error').map((notice) => [notice.rule, notice.reason])).toEqual([
      [
        'qdpx-excerpt-source',
        'Document "Interview 1": the project does not say which of the study\'s sources its 2 excerpts (interview-1-how-was-the, interview-1-cold-water-but-steady) come from, and the study declares "interview" and "field-notes"',
      ],
    ]);
    const chosen = projectToStudy(project!, empty, speakers, [...notices], {
      excerptSources: [
        { id: 'interview', speakers: true },
        { id: 'field-notes', speakers: true },
      ],
      source: 'field-notes',
    });
    expect(chosen.excerpts.map((entry) => entry.record.source)).toEqual(['field-notes', 'field-notes']);
    expect(chosen.adjustments).toContain('source: excerpts the project does not place come from "field-notes", as asked (--source)');
    const unknown = projectToStudy(project!, empty, speakers, [...notices], { excerptSources: [{ id: 'interview', speakers: true }], source: 'diary' });
    expect(unknown.notices.filter((notice) => notice.severity === 'error').map((notice) => notice.reason)).toEqual(['--source diary names no source of the study']);
  });

  it('refuses once per document texts without speaker labels for a source of talk, and takes them for a source nobody speaks', async () => {
    const project = { ...readQdaFile(await fixture('nvivo-utf16.qdpx'), 'nvivo-utf16.qdpx').project! };
    // Written comments, as in the NVivo projects of YouTube comments: no line starts with a label.
    const text = 'great video, thanks\nI do not trust it\nwho paid for this?';
    project.sources = [
      {
        ...project.sources[0]!,
        text,
        selections: [
          { ...project.sources[0]!.selections[0]!, start: 0, end: 19 },
          { ...project.sources[0]!.selections[0]!, start: 20, end: text.length },
        ],
      },
    ];
    const talk = projectToStudy(project, empty, speakers, [], { excerptSources: [{ id: 'interview', speakers: true }] });
    expect(talk.notices.filter((notice) => notice.severity === 'error').map((notice) => [notice.rule, notice.reason])).toEqual([
      [
        'qdpx-no-speaker',
        'Document "Interview 1": 2 of its excerpts (interview-1-great-video-thanks, interview-1-i-do-not-trust) start with words no participant is named as saying, and their source "interview" is talk, where every turn has a speaker',
      ],
    ]);
    const comments = projectToStudy(project, empty, speakers, [], {
      excerptSources: [
        { id: 'interview', speakers: true },
        { id: 'comments', speakers: false },
      ],
      source: 'comments',
    });
    expect(comments.notices.filter((notice) => notice.severity === 'error')).toEqual([]);
    expect(comments.excerpts.map((entry) => entry.record.lines)).toEqual([
      [{ kind: 'turn', text: 'great video, thanks' }],
      [
        { kind: 'turn', text: 'I do not trust it' },
        { kind: 'turn', text: 'who paid for this?' },
      ],
    ]);
  });

  it('refuses positions it cannot tell apart, and reads them as asked', async () => {
    const ambiguous = imported(await fixture('ambiguous.qdpx'), 'ambiguous.qdpx');
    expect(ambiguous.excerpts).toEqual([]);
    expect(ambiguous.notices.map((notice) => [notice.severity, notice.rule, notice.reason])).toEqual([
      [
        'error',
        'qdpx-positions',
        "The project's selection positions are ambiguous: Casebook cannot tell whether positions count Unicode code points or UTF-16 code units (the project was written by Example QDA 1.0): 1 of 1 selections land on word boundaries or their quoted words read as UTF-16 code units, 1 read as code points",
      ],
    ]);
    const { project, notices } = readQdaFile(await fixture('ambiguous.qdpx'), 'ambiguous.qdpx');
    const asked = projectToStudy(project!, empty, speakers, notices, { positions: 'utf-16' });
    expect(asked.excerpts.map((entry) => entry.record.lines)).toEqual([[{ kind: 'turn', speaker: 'rower', text: 'b c' }]]);
    expect(asked.positions).toMatch(/^positions read as UTF-16 code units, as asked \(--positions\)/);
  });

  it('reads CRLF sources with CRLF counted as two code points', async () => {
    const result = imported(await fixture('standard.qdpx'), 'standard.qdpx');
    const dock = result.excerpts.find((entry) => entry.record.id === 'dock-talk')!.record;
    expect(dock.lines).toEqual([{ kind: 'turn', speaker: 'rower', text: 'three 😀 four' }]);
  });

  it('turns notes into interpretations and lead-ins, and variables into fields', async () => {
    const result = imported(await fixture('standard.qdpx'), 'standard.qdpx');
    const [river, steady, okay, dock] = result.excerpts.map((entry) => ExcerptSchema.parse(entry.record));
    expect(river).toMatchObject({
      title: 'ready? go',
      session: 1,
      source: 'session-transcript',
      leadIn: 'Before the first piece.',
      interpretation: 'The coach sets the pace.',
      article: { section: 'Results › Launching', order: 1 },
    });
    expect(steady!.interpretation).toBe('The rower settles into the rhythm.');
    expect(okay!.interpretation).toBe('A quiet agreement at the end.');
    expect(dock).toMatchObject({ session: null, source: 'participant-commentary', interpretation: 'Counting down after the piece.' });
  });

  it('is lenient with real exports and says what it skipped', async () => {
    const { project, notices } = readQdaFile(await fixture('lenient.qdpx'), 'lenient.qdpx');
    expect(notices.map((notice) => `${notice.severity} ${notice.rule}`)).toEqual(['warning qdpx-project-name', 'warning qde-namespace', 'warning qdpx-skipped', 'warning qdpx-skipped']);
    expect(notices[2]!.reason).toBe('Skipped picture source "Boat.jpg": Casebook imports text sources only');
    expect(notices[3]!.reason).toBe('Skipped audio source "Interview.m4a" and its 1 selection: Casebook imports text sources only');
    const result = projectToStudy(project!, empty, speakers, []);
    expect(result.excerpts).toHaveLength(1);
    // The selection counts CRLF as one character (ATLAS.ti); its name quotes the text, which decides.
    expect(result.excerpts[0]!.record).toMatchObject({
      id: 'interview',
      lines: [{ kind: 'turn', speaker: 'coach', text: 'second line' }],
      codes: ['1.0'],
      interpretation: 'Said with the oars out.',
      session: 2,
    });
  });

  it('recognises codes by GUID or name, never by position: a codebook in another order keeps every number', async () => {
    const { study } = await loadStudy(baseStudy);
    const existing: ExistingStudy = { codebook: { themes: study!.themes }, excerpts: study!.excerptIndex };
    const result = imported(await fixture('codebook.qdc'), 'codebook.qdc', existing);
    const codebook = CodebookSchema.parse(result.codebook!.record);
    expect(codebook.themes.map((theme) => `${theme.code} ${theme.slug} ${theme.order}`)).toEqual(['1.0 launching 1', '2.0 recovery 2']);
    expect(codebook.themes[0]!.subthemes.map((s) => `${s.code} ${s.slug}`)).toEqual(['1.1 rigging', '1.2 pushing-off']);
    expect(codebook.themes[0]!.colourDark).toBe(study!.themes[0]!.colourDark);
    expect(result.renumbered).toEqual(new Map());
    expect(result.removed).toEqual([]);
    expect(result.adjustments).toContain(`themes kept in the study's order ("Launching", "Recovery"); the project lists them in another order, which QDA programs choose themselves`);
  });

  it("keeps the study's theme colours against a QualCoder project, whose palette moves them, and takes a colour another program changed", async () => {
    const { study } = await loadStudy(baseStudy);
    const existing: ExistingStudy = { codebook: { themes: study!.themes }, excerpts: study!.excerptIndex };
    // QualCoder's color_matcher (color_selector.py) puts #007A5A at #487E4B, further than a small tolerance would cover.
    const qdc = (origin: string) =>
      strToU8(`<?xml version="1.0" encoding="utf-8"?>
<CodeBook xmlns="urn:QDA-XML:codebook:1.0" origin="${origin}"><Codes>
  <Code guid="00000000-0000-4000-8000-000000000001" name="Launching" isCodable="true" color="#487E4B"><Code guid="00000000-0000-4000-8000-000000000002" name="Rigging" isCodable="true"/><Code guid="00000000-0000-4000-8000-000000000003" name="Pushing off" isCodable="true"/></Code>
  <Code guid="00000000-0000-4000-8000-000000000005" name="Recovery" isCodable="true" color="#8A3B12"/>
</Codes></CodeBook>`);
    const launching = study!.themes[0]!;
    const fromQualCoder = imported(qdc('QualCoder 3.7'), 'codebook.qdc', existing);
    expect(CodebookSchema.parse(fromQualCoder.codebook!.record).themes[0]).toMatchObject({ colour: launching.colour, colourDark: launching.colourDark });
    expect(fromQualCoder.adjustments).toContain(
      `theme "Launching": kept its colour ${launching.colour}; the project has #487E4B, but QualCoder 3.7 replaces every imported colour with the nearest of its palette, so its colours are not taken (change a theme's colour in codebook.json)`,
    );
    const fromNvivo = imported(qdc('NVivo 14'), 'codebook.qdc', existing);
    expect(CodebookSchema.parse(fromNvivo.codebook!.record).themes[0]!.colour).toBe('#487E4B');
    expect(fromNvivo.adjustments).toContain(`theme "Launching": colour ${launching.colour} changed to #487E4B, as the project has it`);
  });

  it('renumbers a subtheme made a theme of its own, and says so', async () => {
    const { study } = await loadStudy(baseStudy);
    const existing: ExistingStudy = { codebook: { themes: study!.themes }, excerpts: study!.excerptIndex };
    const result = imported(await fixture('moved.qdc'), 'moved.qdc', existing);
    expect(result.renumbered).toEqual(new Map([['1.1', '3.0']]));
    const codebook = CodebookSchema.parse(result.codebook!.record);
    expect(codebook.themes.map((theme) => [theme.code, theme.slug, theme.subthemes.map((s) => `${s.code} ${s.slug}`)])).toEqual([
      ['1.0', 'launching', ['1.2 pushing-off']],
      ['2.0', 'recovery', []],
      ['3.0', 'rigging', []],
    ]);
    expect(result.adjustments).toContain('code "Rigging" renumbered 1.1 → 3.0 (it is now a theme)');
  });

  it('lists the codes a codebook from elsewhere no longer has', async () => {
    const { study } = await loadStudy(baseStudy);
    const existing: ExistingStudy = { codebook: { themes: study!.themes }, excerpts: study!.excerptIndex };
    const result = imported(await fixture('foreign.qdc'), 'foreign.qdc', existing);
    expect(result.removed.map((info) => `${info.code} ${info.name}`)).toEqual(['2.0 Recovery']);
    // The new code does not take the number of the code it replaces silently: the CLI refuses while anything still names 2.0.
    expect(CodebookSchema.parse(result.codebook!.record).themes.map((theme) => `${theme.code} ${theme.name}`)).toEqual(['1.0 Launching', '2.0 Sculling']);
  });

  it('reads the REFI-QDA specification example: flat "::" codes nested, media skipped, missing texts named', async () => {
    const bytes = await fixture('reference/refi-spec-example-atlasti-project.qde');
    const { project, notices } = readQdaFile(bytes, 'project.qde');
    expect(project!.codes.find((code) => code.name === 'Coke')!.children.map((code) => code.name)).toEqual(['full-fat Coke', 'diet Coke']);
    expect(project!.codes).toHaveLength(12);
    expect(notices.filter((notice) => notice.rule === 'qdpx-skipped')).toHaveLength(7);
    const result = projectToStudy(project!, empty, speakers, [...notices]);
    const missing = result.notices.filter((notice) => notice.rule === 'qdpx-missing-text');
    // The two uncoded sources are warnings; the four coded ones are one refusal, in one line.
    expect(missing.map((notice) => notice.severity)).toEqual(['warning', 'warning', 'error']);
    expect(missing[2]!.reason).toMatch(
      /^The texts of 4 coded sources cannot be read: text source "1994 Diet Coke-Diet Coke Break.docx" refers to internal:\/\/230B768E-5A3D-42B7-BE92-2A3721177944.txt, which only a .qdpx archive holds; text source "/,
    );
    expect(missing[2]!.reason).not.toContain('\n');
  });
});

describe('malformed files', () => {
  const cases: [string, string, string][] = [
    ['not-a-zip.qdpx', 'qdpx-archive', 'not-a-zip.qdpx is not a zip archive, so it is not a .qdpx project'],
    ['no-project.qdpx', 'qdpx-missing-project', 'no-project.qdpx holds no project.qde at its top level'],
    ['bad-xml.qdpx', 'qde-xml', "Malformed XML in bad-xml.qdpx: project.qde at line 15, column 3: Expected closing tag 'CodeBook' (opened in line 3, col 3) instead of closing tag 'Codebook'."],
    ['entities.qdpx', 'qde-doctype', 'entities.qdpx: project.qde declares a DOCTYPE (line 2); REFI-QDA files have none, and Casebook does not expand the entities it may declare'],
    [
      'duplicate-guid.qdpx',
      'qde-duplicate-guid',
      'duplicate-guid.qdpx: project.qde: code "Recovery" has the GUID 00000000-0000-4000-8000-000000000002, which code "Rigging" already has (second use at line 13); codings and notes that refer to it cannot be told apart',
    ],
  ];
  for (const [name, rule, reason] of cases) {
    it(`${name}: ${rule}`, async () => {
      const { project, notices } = readQdaFile(await fixture(name), name);
      expect(project).toBeUndefined();
      expect(notices.map((notice) => [notice.severity, notice.rule, notice.reason])).toEqual([['error', rule, reason]]);
    });
  }

  it('latin1-source.qdpx: a source that is not UTF-8 is named with the line and column of its first bad byte', async () => {
    const { notices } = readQdaFile(await fixture('latin1-source.qdpx'), 'latin1-source.qdpx');
    expect(notices.map((notice) => [notice.severity, notice.rule, notice.place])).toEqual([['error', 'qdpx-source-encoding', { line: 1, column: 11 }]]);
    expect(notices[0]!.reason).toContain('text source "dock-talk" (sources/00000000-0000-4000-8000-000000000020.txt) is not valid UTF-8: byte 10 (E9 20)');
    // One problem, one message: the import does not add that the text is missing.
    const { project } = readQdaFile(await fixture('latin1-source.qdpx'), 'latin1-source.qdpx');
    expect(projectToStudy(project!, empty, speakers, []).notices.filter((notice) => notice.severity === 'error')).toEqual([]);
  });

  it('utf16-project.qde: a UTF-16 project file (a legitimate XML encoding) is read', async () => {
    const { project, notices } = readQdaFile(await fixture('utf16-project.qde'), 'utf16-project.qde');
    expect(notices).toEqual([]);
    expect(project!.codes.map((code) => code.name)).toEqual(['Recovery', 'Launching']);
  });

  it('a zip bomb is refused from its directory, before anything is inflated', () => {
    // 3 MB of zeros deflate to a few kilobytes: a ratio no text reaches.
    const zeros = new Uint8Array(3 * 1024 * 1024);
    const referring = '<Project xmlns="urn:QDA-XML:project:1.0"><Sources><TextSource guid="00000000-0000-4000-8000-000000000001" name="a" plainTextPath="internal://a.txt"/></Sources></Project>';
    const bomb = zipSync({ 'project.qde': strToU8(referring), 'sources/a.txt': zeros }, { level: 9 });
    const { project, notices } = readQdaFile(bomb, 'bomb.qdpx');
    expect(project).toBeUndefined();
    expect(notices.map((notice) => notice.rule)).toEqual(['qdpx-limits']);
    expect(notices[0]!.reason).toMatch(
      /^bomb\.qdpx holds sources\/a\.txt, which would unpack from 0\.0 MB to 3\.0 MB \(\d+ times; text compresses at most about 200 times\): a zip bomb or a damaged archive; refused without unpacking$/,
    );
    // Only referenced sources are inflated: beside a project that does not refer to it, the same entry is never opened.
    const unreferenced = readQdaFile(zipSync({ 'project.qde': strToU8('<Project xmlns="urn:QDA-XML:project:1.0"/>'), 'sources/a.txt': zeros }, { level: 9 }), 'other.qdpx');
    expect(unreferenced.notices).toEqual([]);
    const declared = zipSync({ 'project.qde': strToU8('<Project xmlns="urn:QDA-XML:project:1.0"/>'), 'sources/a.txt': strToU8('small') });
    const view = new DataView(declared.buffer);
    // Declare 4 GB for the project file in the central directory: the total limit refuses it unopened.
    for (let offset = declared.length - 22; offset >= 0; offset -= 1) {
      if (view.getUint32(offset, true) === 0x02014b50 && new TextDecoder().decode(declared.subarray(offset + 46, offset + 46 + 11)) === 'project.qde') view.setUint32(offset + 24, 0xfffffff0, true);
    }
    const large = readQdaFile(declared, 'large.qdpx');
    expect(large.notices.map((notice) => [notice.rule, notice.reason])).toEqual([['qdpx-limits', 'large.qdpx would unpack to 4096.0 MB, more than the 512.0 MB limit; refused without unpacking']]);
  });

  it('a Zip64 entry is refused at the size its Zip64 field declares, with or without the Zip64 end record, and one without that field as of unknown size', () => {
    const source = '<Project xmlns="urn:QDA-XML:project:1.0"><Sources><TextSource guid="00000000-0000-4000-8000-000000000001" name="a" plainTextPath="internal://a.txt"/></Sources></Project>';
    const sixGiB = 6 * 1024 ** 3;
    for (const zip64End of [false, true]) {
      const bomb = craftedZip(
        [
          { name: 'project.qde', data: strToU8(source) },
          { name: 'sources/a.txt', data: strToU8('a'.repeat(4096)), zip64: { originalSize: sixGiB } },
        ],
        zip64End,
      );
      const { project, notices } = readQdaFile(bomb, 'bomb.qdpx');
      expect(project).toBeUndefined();
      // Not the 4096.0 MB of the 0xFFFFFFFF placeholder the 32-bit field holds.
      expect(
        notices.map((notice) => [notice.rule, notice.reason]),
        `Zip64 end record: ${zip64End}`,
      ).toEqual([['qdpx-limits', 'bomb.qdpx would unpack to 6144.0 MB, more than the 512.0 MB limit; refused without unpacking']]);
    }
    const unknown = craftedZip(
      [
        { name: 'project.qde', data: strToU8(source) },
        { name: 'sources/a.txt', data: strToU8('text'), zip64: { originalSize: undefined } },
      ],
      false,
    );
    expect(readQdaFile(unknown, 'unknown.qdpx').notices.map((notice) => [notice.rule, notice.reason])).toEqual([
      [
        'qdpx-limits',
        'unknown.qdpx holds sources/a.txt, whose unpacked size is unknown: the directory marks it as larger than 4 GB (0xFFFFFFFF) but gives no Zip64 field with the real size; a zip bomb or a damaged archive; refused without unpacking',
      ],
    ]);
  });

  it('reads an honest entry whose sizes are all in its Zip64 field (as tools that always write Zip64 do)', () => {
    const text = 'Coach: oars first';
    const project = '<Project xmlns="urn:QDA-XML:project:1.0"><Sources><TextSource guid="00000000-0000-4000-8000-000000000001" name="a" plainTextPath="internal://a.txt"/></Sources></Project>';
    const zip = craftedZip(
      [
        { name: 'project.qde', data: strToU8(project) },
        { name: 'sources/a.txt', data: strToU8(text), zip64: { originalSize: text.length, size: true, offset: true } },
      ],
      true,
    );
    const { project: read, notices } = readQdaFile(zip, 'zip64.qdpx');
    expect(notices).toEqual([]);
    expect(read!.sources.map((entry) => entry.text)).toEqual([text]);
  });

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
    const result = await validateXML({
      xml: { fileName: 'project.qde', contents: qde },
      schema: { fileName: 'Project.xsd', contents: await readFile(join(qdpxDir, 'reference', 'Project-mrt2019.xsd'), 'utf8') },
    });
    expect(result.errors).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it('gives the same bytes each time (stable GUIDs, fixed dates)', async () => {
    const loaded = await study(baseStudy);
    expect(zipQdpx(studyToQda(loaded))).toEqual(zipQdpx(studyToQda(loaded)));
  });

  for (const [name, dir] of [
    ['the bundled study', join(repoRoot, 'content')],
    ['the harbour fixture', baseStudy],
  ] as const) {
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
