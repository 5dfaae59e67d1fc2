import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { excerptsToCsv, readExcerptCsv } from '../../src/interchange/csv.ts';
import { readEntry, readLines, writeEntry, writeLines, type Speaker } from '../../src/interchange/lines-text.ts';
import { ExcerptSchema, type Excerpt, type Line } from '../../src/study/schemas/index.ts';
import { fixturesDir } from '../helpers/fixture-study.ts';

const speakers: Speaker[] = [
  { id: 'client', label: 'Client' },
  { id: 'therapist', label: 'Therapist' },
  { id: 'researcher', label: 'Researcher' },
];

/** Text mixing CSV and cell syntax, CA notation, astral-plane characters and line breaks. */
const tricky = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 30 }),
  fc
    .array(
      fc.constantFrom(
        '"',
        ',',
        ';',
        '\n',
        '\r\n',
        '\r',
        '\\',
        '\\n',
        '{turn} ',
        '{omission}',
        'Client: ',
        'client:',
        '(5.0)',
        '……',
        '[…]',
        '°',
        '↑',
        '>fast<',
        '[',
        ']',
        '=',
        '::',
        '(.)',
        '.hhh',
        '😀',
        '👩🏽‍⚕️',
        '𝄞',
        ' ',
        '\t',
        'word',
        '—',
        '’',
        '\uFEFF',
        "'",
        '+',
        '-',
        '@',
        '12 ',
        '95\t',
        '7',
      ),
      { minLength: 1, maxLength: 12 },
    )
    .map((parts) => parts.join('')),
);
const nonEmpty = tricky.filter((text) => text.length > 0);
const trimmed = tricky.map((text) => text.trim()).filter((text) => text.length > 0);
const slug = fc.stringMatching(/^[a-z0-9]+(?:-[a-z0-9]+){0,3}$/);
// The source's own line number, on some lines.
const lineNumber = { number: fc.integer({ min: 1, max: 99_999 }) };
const line: fc.Arbitrary<Line> = fc.oneof(
  fc.record({ kind: fc.constant('turn' as const), speaker: fc.constantFrom('client', 'therapist', 'researcher'), text: nonEmpty, ...lineNumber }, { requiredKeys: ['kind', 'speaker', 'text'] }),
  fc.record({ kind: fc.constant('turn' as const), text: nonEmpty, ...lineNumber }, { requiredKeys: ['kind', 'text'] }),
  fc.record(
    {
      kind: fc.constant('silence' as const),
      text: fc.tuple(fc.nat(99), fc.option(fc.nat(9), { nil: undefined })).map(([whole, tenth]) => `(${whole}${tenth === undefined ? '' : `.${tenth}`})`),
      ...lineNumber,
    },
    { requiredKeys: ['kind', 'text'] },
  ),
  fc.record({ kind: fc.constant('omission' as const), text: nonEmpty }),
);
const excerpt: fc.Arbitrary<Excerpt> = fc
  .record({
    id: slug,
    title: trimmed,
    session: fc.option(fc.integer({ min: 1, max: 12 }), { nil: null }),
    step: fc.option(slug, { nil: undefined }),
    source: fc.constantFrom('session-transcript' as const, 'participant-commentary' as const),
    lines: fc.array(line, { minLength: 1, maxLength: 6 }),
    codes: fc.uniqueArray(
      fc.tuple(fc.integer({ min: 1, max: 9 }), fc.nat(12)).map(([a, b]) => `${a}.${b}`),
      { minLength: 1, maxLength: 4 },
    ),
    leadIn: trimmed,
    interpretation: trimmed,
    article: fc.record({ section: trimmed, page: fc.option(fc.integer({ min: 1, max: 400 }), { nil: undefined }), order: fc.integer({ min: 1, max: 500 }) }),
    notes: fc.array(trimmed, { maxLength: 4 }),
  })
  .map((value) => {
    const { step, article, ...rest } = value;
    const { page, ...placed } = article;
    return ExcerptSchema.parse({ ...rest, ...(step === undefined ? {} : { step }), article: { ...placed, ...(page === undefined ? {} : { page }) } });
  });

describe('lines as text', () => {
  it('writes the printed form a researcher types', () => {
    const lines: Line[] = [
      { kind: 'turn', speaker: 'client', text: 'did you get up to much?' },
      { kind: 'turn', speaker: 'therapist', text: '.hhh ↑ me oh hhh' },
      { kind: 'silence', text: '(5.0)' },
      { kind: 'turn', text: 'jus–it’s s’posed to be' },
      { kind: 'omission', text: '……………..' },
    ];
    expect(writeLines(lines, speakers)).toBe('Client: did you get up to much?\nTherapist: .hhh ↑ me oh hhh\n(5.0)\njus–it’s s’posed to be\n……………..');
  });

  it('tags only the lines whose plain form would read back differently', () => {
    expect(writeEntry({ kind: 'turn', text: 'Client: not a label' }, speakers)).toBe('{turn} Client: not a label');
    expect(writeEntry({ kind: 'turn', text: '(5.0)' }, speakers)).toBe('{turn} (5.0)');
    expect(writeEntry({ kind: 'omission', text: 'two turns left out' }, speakers)).toBe('{omission} two turns left out');
    expect(writeEntry({ kind: 'turn', speaker: 'client', text: 'one\ntwo \\ three' }, speakers)).toBe('Client: one\\ntwo \\\\ three');
  });

  it('writes the source’s own line numbers first on their lines, and reads them back', () => {
    const lines: Line[] = [
      { kind: 'turn', speaker: 'client', text: 'so what brings you in', number: 95 },
      { kind: 'silence', text: '(0.5)', number: 96 },
      { kind: 'turn', text: '20 years ago', number: 97 },
      { kind: 'turn', text: '20 years ago' },
      { kind: 'omission', text: '……' },
    ];
    const text = writeLines(lines, speakers);
    expect(text).toBe('95 Client: so what brings you in\n96 (0.5)\n97 20 years ago\n{turn} 20 years ago\n……');
    expect(readLines(text, speakers).map((located) => located.line)).toEqual(lines);
    // Where the talk starts in the entry, for locating a problem in it.
    expect(readEntry('95 Client: so', speakers)?.textStart).toBe(11);
  });

  it('reads labels by label or id in any case, and ignores blank lines', () => {
    const read = readLines('CLIENT:hello\r\n\r\ntherapist: hi\n   \n[overlap]', speakers).map((located) => located.line);
    expect(read).toEqual([
      { kind: 'turn', speaker: 'client', text: 'hello' },
      { kind: 'turn', speaker: 'therapist', text: 'hi' },
      { kind: 'turn', text: '[overlap]' },
    ]);
    expect(readEntry('Clent: typo', speakers)?.line).toEqual({ kind: 'turn', text: 'Clent: typo' });
  });

  it('gives back every valid line (property)', () => {
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 8 }), (lines) => {
        expect(readLines(writeLines(lines, speakers), speakers).map((located) => located.line)).toEqual(lines);
      }),
      { numRuns: 500 },
    );
  });
});

describe('excerpts as CSV', () => {
  it('round-trips arbitrary valid excerpts without loss (property)', () => {
    fc.assert(
      fc.property(fc.array(excerpt, { minLength: 1, maxLength: 5 }), (excerpts) => {
        const csv = excerptsToCsv(excerpts, speakers);
        const { rows, problems } = readExcerptCsv(csv, speakers);
        expect(problems).toEqual([]);
        expect(rows.map((row) => ExcerptSchema.parse(row.excerpt))).toEqual(excerpts);
      }),
      { numRuns: 300 },
    );
  });

  it('is Excel-friendly: BOM, CRLF rows, line breaks only inside quoted cells', () => {
    const [sample] = fc.sample(excerpt, { numRuns: 1, seed: 7 });
    const csv = excerptsToCsv(
      [
        {
          ...sample!,
          lines: [
            { kind: 'turn', speaker: 'client', text: 'a' },
            { kind: 'turn', text: 'b' },
          ],
        },
      ],
      speakers,
    );
    expect(csv.startsWith('\uFEFFid,title,session,step,source,lines,codes,lead-in,interpretation,article section,article page,article order,notes,not loud\r\n')).toBe(true);
    expect(csv).toContain('"Client: a\nb"');
  });

  // OWASP "CSV Injection": the cells a spreadsheet would run as formulas, and cells that
  // already begin with the apostrophe that neutralises them.
  const formulaCells = ['=1+1', '=HYPERLINK("https://example.org/?q="&A1,"x")', '+41 22', '-2+3', '@SUM(A1:A2)', '\tx', '\rx', "'=x", "''@y", "'plain", "'"];
  it('writes no cell a spreadsheet would run as a formula, and reads each back unchanged', () => {
    const [sample] = fc.sample(excerpt, { numRuns: 1, seed: 11 });
    const excerpts = formulaCells.map((text, index) =>
      ExcerptSchema.parse({
        ...sample!,
        id: `cell-${index}`,
        title: text,
        lines: [
          { kind: 'turn', text },
          { kind: 'turn', speaker: 'client', text },
        ],
        leadIn: text,
        interpretation: text,
        notes: [text],
      }),
    );
    const csv = excerptsToCsv(excerpts, speakers);
    const cells = (parse(csv.slice(1), { relax_column_count: true }) as string[][]).flat();
    expect(cells.filter((cell) => /^[=+\-@\t\r]/u.test(cell))).toEqual([]);
    expect(cells).toContain('\'=HYPERLINK("https://example.org/?q="&A1,"x")');
    expect(cells).toContain("''=x");
    expect(cells).toContain("'plain");
    const { rows, problems } = readExcerptCsv(csv, speakers);
    expect(problems).toEqual([]);
    expect(rows.map((row) => ExcerptSchema.parse(row.excerpt))).toEqual(excerpts);
  });

  it('reads files with or without a BOM and with LF or CRLF rows', async () => {
    const withBom = await readFile(join(fixturesDir, 'csv', 'quoting.csv'), 'utf8');
    const plain = withBom.replace(/^\uFEFF/, '').replace(/\r\n/g, '\n');
    expect(withBom.startsWith('\uFEFF')).toBe(true);
    const a = readExcerptCsv(withBom, speakers);
    const b = readExcerptCsv(plain, speakers);
    expect(a.problems).toEqual([]);
    expect(b.rows.map((row) => row.excerpt)).toEqual(a.rows.map((row) => row.excerpt));
  });

  it('reads quoting edge cases as a spreadsheet writes them', async () => {
    const { rows } = readExcerptCsv(await readFile(join(fixturesDir, 'csv', 'quoting.csv'), 'utf8'), speakers);
    const first = ExcerptSchema.parse(rows[0]!.excerpt);
    expect(first.title).toBe('she said "no, thanks"; then left');
    expect(first.lines).toEqual([
      { kind: 'turn', speaker: 'client', text: '°quiet° and "quoted", with commas' },
      { kind: 'silence', text: '(1.5)' },
      { kind: 'turn', speaker: 'therapist', text: 'mm:: 😀 𝄞' },
      { kind: 'turn', text: 'Client: said as a reported label' },
    ]);
    expect(first.codes).toEqual(['1.1', '2.0']);
    expect(first.notes).toEqual(['first; with a semicolon', 'second, with "quotes"']);
    expect(first.session).toBeNull();
    expect(first.article).toEqual({ section: 'Results, part 1', order: 3 });
  });

  it('reports a broken file, a missing column and an unknown one at row and column', () => {
    expect(readExcerptCsv('id,title\n"unclosed,x\n', speakers).problems.map((p) => [p.rule, p.place.line])).toEqual([['csv-syntax', 2]]);
    const missing = readExcerptCsv('id,title,session\n', speakers).problems;
    expect(missing.map((p) => p.rule)).toEqual(['csv-missing-column']);
    expect(missing[0]!.reason).toContain('"step", "source", "lines"');
    const header = 'id,title,session,step,source,lines,codes,lead-in,interpretation,article section,article page,article order,notes,memo\n';
    expect(readExcerptCsv(header, speakers).problems.map((p) => [p.rule, p.place])).toEqual([['csv-unknown-column', { line: 1, column: 14 }]]);
  });

  it('locates a value of a row at its cell, and a transcript line at its line in the cell', () => {
    const header = 'id,title,session,step,source,lines,codes,lead-in,interpretation,article section,article page,article order,notes\n';
    const { rows } = readExcerptCsv(`${header}\n x ,T,,,session-transcript,"Client: a\n\nb",1.1,L,I,S,,2,\n`, speakers);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.row).toBe(3);
    expect(rows[0]!.excerpt.id).toBe('x');
    expect(rows[0]!.locate(['lines', 1, 'text'])).toEqual({ place: { line: 3, column: 6 }, detail: ' (line 3 of the cell)' });
    expect(rows[0]!.locate(['article', 'order'])).toEqual({ place: { line: 3, column: 12 }, detail: '' });
    expect(rows[0]!.locate([])).toEqual({ place: { line: 3, column: 1 }, detail: '' });
  });
});
