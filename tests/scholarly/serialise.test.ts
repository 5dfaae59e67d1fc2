/**
 * Serialisers whose mistakes would corrupt a page or a download: JSON-LD inside a script
 * element, and CSV fields.
 */
import { describe, expect, it } from 'vitest';
import { serializeJsonLd } from '../../src/site/json-ld.ts';
import { csvField, csvRecord } from '../../src/site/data-export.ts';
import { parseCsv } from './csv.ts';

describe('serializeJsonLd', () => {
  const hostile = { name: '</script><script>alert(1)</script>', note: '<!-- a & b -->', sep: 'a\u2028b' };

  it('cannot end the script element or open a comment', () => {
    const json = serializeJsonLd(hostile);
    expect(json).not.toMatch(/[<>&\u2028]/u);
    expect(json).toContain('\\u003c/script\\u003e');
  });

  it('still parses to the same value', () => {
    expect(JSON.parse(serializeJsonLd(hostile))).toEqual(hostile);
  });
});

describe('CSV fields (RFC 4180)', () => {
  it('quotes only fields with commas, quotes or line breaks, doubling quotes', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a, b')).toBe('"a, b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('one\ntwo')).toBe('"one\ntwo"');
  });

  it('neutralises cells a spreadsheet would run as formulas (OWASP), and nothing else', () => {
    expect(csvField('=[yeah]')).toBe("'=[yeah]");
    expect(csvField('+1')).toBe("'+1");
    expect(csvField('-1')).toBe("'-1");
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvField('\tx')).toBe("'\tx");
    expect(csvField('\rx')).toBe('"\'\rx"');
    expect(csvField('=HYPERLINK("x","y")')).toBe('"\'=HYPERLINK(""x"",""y"")"');
    expect(csvField("'=x")).toBe("''=x");
    expect(csvField("it's = fine")).toBe("it's = fine");
  });

  it('round-trips through an independent reader', () => {
    const fields = ['Client: ↑yeah↑ (.) [no', '', '"quoted", with comma', 'line\r\nbreak'];
    expect(parseCsv(csvRecord(fields) + csvRecord(['x', 'y', 'z', 'w']))).toEqual([fields, ['x', 'y', 'z', 'w']]);
  });
});
