/**
 * Reading CHAT files (CABank's CHAT-CA): the frame, participants, line numbers, media
 * times and speakers of a real published transcript (tests/fixtures/chat/README.md), the
 * same reading through CRLF, a byte-order mark and U+0015 bullets, every problem located
 * at once, and what an import makes of it for a study.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseTranscript } from '../../src/ca/index.ts';
import { decodeChat, readChat } from '../../src/interchange/chat.ts';
import { chatToStudy, type ChatImportOptions, type StudyContext } from '../../src/interchange/chat-study.ts';
import { fixturesDir } from '../helpers/fixture-study.ts';

const fixture = readFileSync(join(fixturesDir, 'chat', 'katherine-stefan.cha'), 'utf8');
const located = (problems: { rule: string; severity: string; place?: { line: number; column: number } | undefined }[]) =>
  problems.map((problem) => `${problem.place ? `${problem.place.line}:${problem.place.column}` : '-'} ${problem.severity} ${problem.rule}`);

describe('readChat on a CABNC transcript', () => {
  const doc = readChat(fixture);

  it('reads the participants from @Participants and @ID', () => {
    expect(doc.participants).toEqual([
      { code: 'KAT', name: 'Katherine', role: 'Customer', id: { sex: 'female' }, place: { line: 5, column: 16 } },
      { code: 'STE', name: 'Stefan', role: 'Dealer', id: { sex: 'male' }, place: { line: 5, column: 40 } },
    ]);
  });

  it('numbers the printed lines as CA-CLAN does, tab-indented continuations included, with their speakers and places', () => {
    expect(doc.lines.map((line) => line.number)).toEqual(Array.from({ length: 20 }, (_, index) => index + 1));
    expect(doc.lines.map((line) => `${line.number} ${line.code}${line.first ? '' : ' (continued)'} @${line.place.line}:${line.place.column}`)).toEqual([
      '1 KAT @12:6',
      '2 KAT (continued) @13:2',
      '3 KAT (continued) @14:2',
      '4 KAT @15:7',
      '5 KAT (continued) @16:2',
      '6 KAT @17:7',
      '7 KAT (continued) @18:2',
      '8 STE @19:7',
      '9 KAT @20:7',
      '10 STE @21:7',
      '11 KAT @22:7',
      '12 STE @23:7',
      '13 KAT @24:7',
      '14 STE @25:7',
      '15 KAT @26:7',
      '16 KAT (continued) @27:2',
      '17 KAT @28:7',
      '18 STE @29:7',
      '19 STE (continued) @30:2',
      '20 KAT @31:7',
    ]);
    expect(doc.lines[9]!.text).toBe("It's ummm (.) contempo⌈rary⌉ Knijff 616252_618963");
  });

  it('reads the media times of each line', () => {
    expect(doc.lines[0]!.times).toEqual([]);
    expect(doc.lines[1]!.times).toEqual([{ start: 598811, end: 606267 }]);
    expect(doc.lines[5]!.times).toEqual([
      { start: 611538, end: 612880 },
      { start: 612794, end: 614386 },
    ]);
    expect(doc.lines[19]!.times).toEqual([{ start: 625900, end: 627402 }]);
  });

  it('leaves the talk to the CA engine, which reads every line without a warning and keeps the times as metadata', () => {
    const { tree, messages } = parseTranscript(doc.lines.map((line) => (line.first ? { kind: 'turn', speaker: line.code, text: line.text } : { kind: 'turn', text: line.text })));
    expect(messages.filter((message) => message.fatal !== null)).toEqual([]);
    const lines = tree.children.flatMap((turn) => (turn.type === 'turn' ? turn.children.map((line) => ({ speaker: turn.speaker, number: line.number, time: line.time })) : []));
    expect(lines[1]).toEqual({ speaker: 'KAT', number: 2, time: { start: 598811, end: 606267 } });
    expect(lines[7]).toEqual({ speaker: 'STE', number: 8, time: { start: 614369, end: 615689 } });
  });

  it('keeps @Comment, names @Media, and lists every other header it cannot hold', () => {
    expect(doc.comments.map((comment) => `${comment.name} ${comment.value}`)).toEqual(['@Comment New Conversation 003603']);
    expect(doc.media?.value).toBe('021A-C0897X0036XX-AAZZP0, audio');
    expect(doc.notKept.map((field) => `${field.place.line} ${field.name}`)).toEqual(['1 @Font', '4 @Languages', '6 @Options', '10 @Transcriber']);
  });

  it('warns, at its place, about the tier written without a colon, and finds nothing else wrong', () => {
    expect(located(doc.problems)).toEqual(['12:5 warning chat-tier']);
  });

  it('reads the file the same with CRLF line breaks and a byte-order mark', () => {
    const windows = readChat(`\uFEFF${fixture.replaceAll('\n', '\r\n')}`);
    expect(windows.lines).toEqual(doc.lines);
    expect(windows.participants).toEqual(doc.participants);
    expect(windows.problems).toEqual(doc.problems);
    expect(decodeChat(new TextEncoder().encode(`\uFEFF${fixture}`)).text.startsWith('@Font')).toBe(true);
  });

  it('reports a missing @End at the end of the file', () => {
    const cut = readChat(fixture.replace('@End\n', ''));
    expect(located(cut.problems)).toEqual(['12:5 warning chat-tier', '31:23 error chat-end']);
  });
});

describe('readChat on a CABNC transcript in plain CHAT', () => {
  const doc = readChat(readFileSync(join(fixturesDir, 'chat', 'KB0RE000.cha'), 'utf8'));

  it('reads every @ID field that is given', () => {
    expect(doc.participants.map((participant) => [participant.code, participant.role, participant.id])).toEqual([
      ['PS002', 'Unidentified', { age: '60;01.01', sex: 'female', group: 'retired', custom: 'SES is UU' }],
      ['PS006', 'Unidentified', { age: '50;01.01', sex: 'male', group: 'minister', custom: 'SES is UU' }],
      ['KB0PSUN', 'Unidentified', { age: '1;01.01', sex: 'male', group: 'Unidentified', custom: 'SES is UU' }],
    ]);
  });

  it('warns that a file without @Options: CA is not in Jefferson notation, at @Begin', () => {
    expect(located(doc.problems)).toEqual(['3:1 warning chat-not-ca']);
  });

  it('keeps a wrapped tier as its speaker’s next printed line, with the time it carries', () => {
    expect(doc.lines).toHaveLength(15);
    expect(doc.lines.slice(12, 14).map((line) => [line.number, line.code, line.first, line.place.line, line.text, line.times])).toEqual([
      [13, 'PS002', true, 29, "Yes oh Jim 's been for a this afternoon at the Hart and <Straw> [>]", []],
      [14, 'PS002', false, 30, 'Club . 18395_22395', [{ start: 18395, end: 22395 }]],
    ]);
  });

  it('reads header names with spaces, and lists them as not kept', () => {
    expect(doc.notKept.map((field) => `${field.name}=${field.value}`)).toEqual([
      '@PID=11312/a-00005711-1',
      '@Languages=eng',
      '@Transcriber=LongmanELT',
      '@Location=Clwyd:  Buckley',
      '@Room Layout=meetinginstreet',
      '@Situation=talking',
      '@Date=16-MAR-1992',
      '@New Episode=',
    ]);
  });
});

describe('readChat on CLAN bullets and broken files', () => {
  it('takes the U+0015 bullets off a media link and keeps the link as a word of its own', () => {
    const doc = readChat(
      '@UTF8\n@Begin\n@Participants:\tA Adult, B Adult\n@Options:\tCA\n@ID:\teng|x|A|||||Adult|||\n*A:\tso \u00151200_1850\u0015\n*B:\tyeah.\u00151900_2400\u0015\n\tright \u00152400_2600\u0015\n@End\n',
    );
    expect(doc.problems).toEqual([]);
    expect(doc.lines.map((line) => [line.text, line.times])).toEqual([
      ['so 1200_1850', [{ start: 1200, end: 1850 }]],
      ['yeah. 1900_2400', [{ start: 1900, end: 2400 }]],
      ['right 2400_2600', [{ start: 2400, end: 2600 }]],
    ]);
    expect(doc.lines[2]!.first).toBe(false);
  });

  it('keeps %com tiers and @Comment as comments, lists other dependent tiers with the line they belong to, and reads a wrapped @Participants', () => {
    const doc = readChat(
      [
        '@UTF8',
        '@Begin',
        '@Participants:\tA Ann Adult,',
        '\tB Investigator',
        '@Options:\tCA, caps',
        '@ID:\teng|x|A|30;|female|||Adult|||',
        '*A:\tso',
        '%com:\tlaughs',
        '\tquietly',
        '*B:\tright',
        '%mor:\tco|right',
        '@Comment:\tend of tape',
        '@End',
      ].join('\n'),
    );
    expect(doc.problems).toEqual([]);
    expect(doc.participants.map((participant) => [participant.code, participant.name, participant.role, participant.id, participant.place])).toEqual([
      ['A', 'Ann', 'Adult', { age: '30;', sex: 'female' }, { line: 3, column: 16 }],
      ['B', undefined, 'Investigator', {}, { line: 4, column: 2 }],
    ]);
    expect(doc.lines.map((line) => `${line.number} ${line.code} ${line.text}`)).toEqual(['1 A so', '2 B right']);
    expect(doc.comments.map((comment) => [comment.name, comment.value, comment.line, comment.place.line])).toEqual([
      ['%com', 'laughs quietly', 1, 8],
      ['@Comment', 'end of tape', 2, 12],
    ]);
    expect(doc.notKept.map((field) => [field.name, field.value, field.line])).toEqual([
      ['@Options', 'CA, caps', undefined],
      ['%mor', 'co|right', 2],
    ]);
  });

  it('lists every problem of a file at once, each at its line and column', () => {
    const broken = [
      '\tstray continuation',
      '@UTF8',
      '@Begin',
      '@Participants:\tA Adult, B',
      '@ID:\teng|x|C|||||Adult|||',
      '@ID:\teng|x|A',
      'plain text line',
      '*A:\tfine \u0015%snd:"x"_1_2\u0015',
      '*Z:\twho is this',
      '%mor:\tn|who',
    ].join('\n');
    expect(located(readChat(broken).problems)).toEqual([
      '1:1 error chat-continuation',
      '4:25 error chat-participants',
      '7:1 error chat-line',
      '8:10 error chat-media-bullet',
      '10:12 error chat-end',
      '3:1 warning chat-not-ca',
      '5:6 error chat-id',
      '6:6 error chat-id',
      '9:2 error chat-speaker',
    ]);
  });

  it('requires the @Begin frame and @Participants, and reports what follows @End', () => {
    expect(located(readChat('*A:\thi\n@End\nmore\n').problems)).toEqual([
      '1:1 error chat-begin',
      '3:1 error chat-end',
      '1:1 warning chat-utf8',
      '1:1 error chat-begin',
      '1:1 error chat-participants',
      '1:1 warning chat-not-ca',
    ]);
  });

  it('reports a tier without a speaker code and a dependent tier without a name, and skips their continuations', () => {
    const doc = readChat(['@UTF8', '@Begin', '@Participants:\tA Adult', '@Options:\tCA', '*\t(.)', '\tmore', '%', '*A:\tso', '@End'].join('\n'));
    expect(located(doc.problems)).toEqual(['5:2 error chat-speaker', '7:2 error chat-dependent-tier']);
    expect(doc.lines.map((line) => line.text)).toEqual(['so']);
  });

  it('places a byte that is not UTF-8', () => {
    const bytes = new Uint8Array([...new TextEncoder().encode('@UTF8\n*A:\tcaf'), 0xe9, 0x0a]);
    expect(located(decodeChat(bytes).problems)).toEqual(['2:8 error chat-encoding']);
  });
});

describe('chatToStudy', () => {
  const doc = readChat(fixture);
  const context: StudyContext = {
    participants: [{ id: 'client', label: 'Client' }],
    sources: [
      { id: 'session-transcript', transcription: 'jefferson' },
      { id: 'participant-commentary', transcription: 'verbatim' },
    ],
  };
  const options = (extra: Partial<ChatImportOptions> = {}): ChatImportOptions => ({ codes: ['1.1'], speakers: new Map(), ...extra });

  it('makes the whole transcript one excerpt of the study’s Jefferson source, its silences silence lines', () => {
    const result = chatToStudy(doc, 'katherine-stefan.cha', options(), context);
    expect(result.problems).toEqual([]);
    expect(result.excerpt).toMatchObject({ id: 'katherine-stefan', title: 'katherine-stefan.cha, lines 1–20', session: null, source: 'session-transcript', codes: ['1.1'] });
    const lines = result.excerpt.lines as { kind: string; speaker?: string; text: string; number?: number }[];
    expect(lines).toHaveLength(20);
    expect(lines[0]).toEqual({ kind: 'turn', speaker: 'kat', text: 'a- (.) an o̲l̲d̲er person rings and (1.3) you sort of:f (click)', number: 1 });
    expect(lines[2]).toEqual({ kind: 'silence', text: '(7.4) 605033_610195', number: 3 });
    expect(lines[15]).toEqual({ kind: 'silence', text: '(0.5)', number: 16 });
    // Every line keeps the number CA-CLAN gives it in the file.
    expect(lines.map((line) => line.number)).toEqual(Array.from({ length: 20 }, (_, index) => index + 1));
    expect(result.places[15]).toEqual({ text: { line: 27, column: 2 }, speaker: { line: 26, column: 2 } });
    expect(result.participants).toEqual([
      { id: 'kat', label: 'KAT', role: 'Customer', description: 'Customer (sex female), as the @Participants and @ID headers of katherine-stefan.cha describe KAT.' },
      { id: 'ste', label: 'STE', role: 'Dealer', description: 'Dealer (sex male), as the @Participants and @ID headers of katherine-stefan.cha describe STE.' },
    ]);
    expect(result.excerpt.notes).toEqual([
      'Imported from the CHAT file katherine-stefan.cha: its transcript lines 1–20, which keep those numbers (file lines 12–31), media 021A-C0897X0036XX-AAZZP0, audio; a number_number word on a line is its media time code (start_end, milliseconds).',
      'Comment (@Comment, file line 11): New Conversation 003603',
    ]);
    expect(result.notKept.map((line) => line.split('  ')[0])).toEqual([
      'katherine-stefan.cha:5:16',
      'katherine-stefan.cha:5:40',
      'katherine-stefan.cha:1:1',
      'katherine-stefan.cha:4:1',
      'katherine-stefan.cha:6:1',
      'katherine-stefan.cha:10:1',
    ]);
  });

  it('imports a line range, naming the speaker of a range that starts inside a tier, and maps a speaker to a participant', () => {
    const result = chatToStudy(doc, 'katherine-stefan.cha', options({ range: { from: 2, to: 8 }, speakers: new Map([['KAT', 'client']]), unit: 2 }), context);
    expect(result.problems).toEqual([]);
    expect(result.excerpt).toMatchObject({ id: 'katherine-stefan-2-8', session: 2 });
    // The lines keep the file's numbers, 2–8, not 1–7.
    expect((result.excerpt.lines as unknown[]).slice(0, 2)).toEqual([
      { kind: 'turn', speaker: 'client', text: '(1.7) tch ∙hhh (1.8) haff more p̲a̲t̲ience wizz him or something. 598811_606267', number: 2 },
      { kind: 'silence', text: '(7.4) 605033_610195', number: 3 },
    ]);
    expect((result.excerpt.lines as { number?: number }[]).map((line) => line.number)).toEqual([2, 3, 4, 5, 6, 7, 8]);
    expect(result.participants.map((participant) => participant.id)).toEqual(['ste']);
    expect(result.speakers).toEqual(['KAT → participant "client" (label Client)', 'STE → new participant "ste" (Dealer)']);
  });

  it('keeps the comments of the imported lines as notes, naming lines by the numbers the excerpt keeps', () => {
    const small = readChat(
      ['@UTF8', '@Begin', '@Participants:\tA Adult', '@Comment:\ttape 2', '*A:\tone', '*A:\ttwo', '%com:\tlaughs', '%mor:\tn|two', '*A:\tthree', '%com:\tcoughs', '@End'].join('\n'),
    );
    const result = chatToStudy(small, 'small.cha', options({ range: { from: 2, to: 2 } }), context);
    expect(result.excerpt.notes).toEqual([
      'Imported from the CHAT file small.cha: its transcript line 2, which keeps that number (file line 6); a number_number word on a line is its media time code (start_end, milliseconds).',
      'Comment (@Comment, file line 4): tape 2',
      'Comment on line 2 (%com, file line 7): laughs',
    ]);
    expect(result.notKept).toEqual(['small.cha:8:1  %mor n|two (the study has no field for it)']);
  });

  it('reports every option it cannot use at once', () => {
    const result = chatToStudy(
      doc,
      'katherine-stefan.cha',
      {
        codes: [],
        speakers: new Map([
          ['XYZ', 'client'],
          ['STE', 'nobody'],
        ]),
        range: { from: 5, to: 99 },
        id: 'Not A Slug',
      },
      { ...context, sources: [] },
    );
    expect(result.problems.map((problem) => problem.reason)).toEqual([
      '--lines 5-99 is outside the transcript, which has lines 1-20',
      'No --source given, and the study declares no source transcribed in Jefferson notation',
      'No --code given: an excerpt is coded with at least one code',
      '--id "Not A Slug" is not a slug',
      '--speaker XYZ=client: the file has no speaker XYZ (KAT, STE)',
      '--speaker STE=nobody: the study has no participant "nobody" (client)',
    ]);
    expect(result.problems.every((problem) => problem.rule === 'chat-option' && problem.severity === 'error' && problem.fix)).toBe(true);
  });
});

describe('properties', () => {
  // Pieces of CHAT lines, so random files reach every branch of the reader, plus any characters at all.
  const piece = fc.constantFrom(
    '@UTF8',
    '@Begin',
    '@End',
    '@Participants:\tA Ann Adult, B Adult',
    '@ID:\teng|x|A|||||Adult|||',
    '@Options:\tCA',
    '@Comment:\tc',
    '@New Episode',
    '*A:\t',
    '*B\t',
    '*',
    '%com:\t',
    '%',
    '\t',
    ' ',
    '\u0015',
    '12_34',
    '\u001512_34\u0015',
    '⌈',
    '(0.5)',
    'so',
    ',',
    '|',
    ':',
    '\n',
    '\r\n',
    '\r',
    '\u2028',
    '\uFEFF',
  );
  const file = fc.oneof(
    fc.array(fc.oneof(piece, fc.string({ unit: 'grapheme', maxLength: 4 })), { maxLength: 40 }).map((parts) => parts.join('')),
    fc.string({ unit: 'binary', maxLength: 200 }),
  );

  it('never throws, places every problem inside the file, and numbers the lines it reads 1, 2, 3…', () => {
    fc.assert(
      fc.property(file, (text) => {
        const doc = readChat(text);
        const rows = text.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/);
        for (const problem of doc.problems) {
          if (!problem.place) continue;
          expect(problem.place.line).toBeGreaterThanOrEqual(1);
          expect(problem.place.line).toBeLessThanOrEqual(Math.max(rows.length, 1));
          expect(problem.place.column).toBeGreaterThanOrEqual(1);
          expect(problem.place.column).toBeLessThanOrEqual((rows[problem.place.line - 1]?.length ?? 0) + 1);
        }
        expect(doc.lines.map((line) => line.number)).toEqual(doc.lines.map((_, index) => index + 1));
        expect(() => chatToStudy(doc, 'random.cha', { codes: ['1.1'], speakers: new Map() }, { participants: [], sources: [] })).not.toThrow();
      }),
      { numRuns: 500 },
    );
  });
});
