/** The CSS that filters the excerpt browser without JavaScript is generated safely from the Study. */
import { describe, expect, it } from 'vitest';
import { cssString, filterCss } from '../../src/site/browser-css.ts';
import type { Facet } from '../../src/site/excerpt-facets.ts';

const facet = (overrides: Partial<Facet>): Facet => ({
  name: 'speaker',
  param: 'speaker',
  legend: 'Speaker',
  anyLabel: 'Anyone',
  attribute: 'data-speakers',
  operator: '~=',
  control: 'radio',
  options: [{ value: 'client', label: 'Client', count: 1, depth: 0 }],
  ...overrides,
});

describe('cssString', () => {
  it('escapes quotes and backslashes, and never lets text close the style element', () => {
    expect(cssString('a"b\\c')).toBe('"a\\"b\\\\c"');
    expect(cssString('</style><script>')).toBe('"\\3c /style\\3e \\3c script\\3e "');
    expect(cssString('line\nbreak')).toBe('"line\\a break"');
  });
});

describe('filterCss', () => {
  it('hides non-matching excerpts while a radio option is checked', () => {
    expect(filterCss([facet({})])).toBe('.browser:has(input[name="speaker"][value="client"]:checked) [data-excerpt]:not([data-speakers~="client"]){display:none}');
  });

  it('matches a chosen option of a drop-down', () => {
    const css = filterCss([facet({ name: 'code', param: 'code', attribute: 'data-codes', control: 'select', options: [{ value: '1.0', label: '1.0 A', count: 2, depth: 0 }] })]);
    expect(css).toBe('.browser:has(select[name="code"] option[value="1.0"]:checked) [data-excerpt]:not([data-codes~="1.0"]){display:none}');
  });

  it("matches the control by its URL name, which for units is the study's own word", () => {
    const css = filterCss([facet({ name: 'session', param: 'interview', attribute: 'data-session', operator: '=', options: [{ value: '2', label: 'Interview 2', count: 1, depth: 0 }] })]);
    expect(css).toBe('.browser:has(input[name="interview"][value="2"]:checked) [data-excerpt]:not([data-session="2"]){display:none}');
  });

  it('writes one rule per option, escaping hostile values', () => {
    const css = filterCss([
      facet({
        options: [
          { value: 'a"]{}*{display:none', label: 'x', count: 1, depth: 0 },
          { value: 'b', label: 'y', count: 1, depth: 0 },
        ],
      }),
    ]);
    expect(css.split('\n')).toHaveLength(2);
    expect(css).toContain('[value="a\\"]{}*{display:none"]');
  });
});
