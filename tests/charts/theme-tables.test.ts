import { describe, expect, it } from 'vitest';
import type { Element } from 'hast';
import { matrixData, themeProcess, themeSessionMatrix, toHtml } from '../../src/charts/index.ts';
import { findAll, textOf } from './hast.ts';
import { expectSnapshot } from './snapshot.ts';
import { harbour } from './studies.ts';

const study = await harbour();

const links = (node: Element) => findAll(node, (el) => el.tagName === 'a').map((el) => String(el.properties.href));

describe('themeSessionMatrix', () => {
  const chart = themeSessionMatrix(study, { base: '/casebook/' });
  const data = matrixData(study, '/casebook/');

  it('has a row per code in process order and a column per session key', () => {
    expect(data.rows.map((row) => row.info.code)).toEqual(['1.0', '1.1', '1.2', '2.0']);
    expect(data.columns.map((column) => column.label)).toEqual(['Outing 1', 'Outing 2', 'Outing not stated']);
  });

  it('shows exactly the counts of study.matrix', () => {
    for (const row of data.rows) for (const cell of row.cells) expect(cell.count).toBe(study.matrix.get(row.info.code)!.get(cell.session));
    const body = findAll(chart.svg, (el) => el.tagName === 'tbody')[0]!;
    const rendered = findAll(body, (el) => el.tagName === 'tr').map((tr) => findAll(tr, (el) => el.tagName === 'td').map((td) => textOf(td).split(' ')[0]));
    expect(rendered).toEqual([
      ['1', '2', '0', '3'],
      ['1', '1', '0', '2'],
      ['0', '2', '0', '2'],
      ['0', '1', '1', '2'],
    ]);
  });

  it('has totals that add up', () => {
    for (const row of data.rows) {
      expect(row.total).toBe(row.cells.reduce((sum, cell) => sum + cell.count, 0));
      expect(row.total).toBe(study.excerptsByCode.get(row.info.code)!.length);
    }
    expect(data.columnTotals).toEqual([1, 2, 1]);
    expect(data.columnTotals.reduce((a, b) => a + b, 0)).toBe(data.total);
    expect(data.total).toBe(study.excerpts.length);
    const foot = findAll(chart.svg, (el) => el.tagName === 'tfoot')[0]!;
    expect(findAll(foot, (el) => el.tagName === 'td').map((td) => textOf(td).split(' ')[0])).toEqual(['1', '2', '1', '4']);
  });

  it('links every non-zero count to the filtered excerpt browser under the base', () => {
    const hrefs = links(chart.svg);
    expect(hrefs).toContain('/casebook/excerpts/?code=1.1&outing=1');
    expect(hrefs).toContain('/casebook/excerpts/?code=2.0&outing=none');
    expect(hrefs).toContain('/casebook/excerpts/?code=1.0');
    expect(hrefs).toContain('/casebook/excerpts/?outing=2');
    expect(hrefs).toContain('/casebook/excerpts/');
    expect(hrefs.every((href) => href.startsWith('/casebook/excerpts/'))).toBe(true);
    const nonZero = data.rows.flatMap((row) => [...row.cells.filter((cell) => cell.count > 0), { count: row.total }]).length + data.columnTotals.filter(Boolean).length + 1;
    expect(hrefs).toHaveLength(nonZero);
    expect(links(themeSessionMatrix(study, { base: '/' }).svg)).toContain('/excerpts/?code=1.1&outing=1');
  });

  it('gives each link its context for screen readers and each row its theme colour', () => {
    const first = findAll(chart.svg, (el) => el.tagName === 'a')[0]!;
    expect(textOf(first)).toBe('1 excerpt: Launching, Outing 1');
    const row = findAll(chart.svg, (el) => el.tagName === 'tr' && el.properties.dataCode === '1.2')[0]!;
    expect(row.properties.style).toBe('--code-colour: var(--theme-1-0, #1f5f8b)');
    expect(row.properties.dataThemeCode).toBe('1.0');
  });

  it('is its own data table', () => {
    expect(chart.table).toBe(chart.svg);
    expect(chart.svg.tagName).toBe('table');
    expect(textOf(findAll(chart.svg, (el) => el.tagName === 'caption')[0]!)).toContain(chart.title);
  });

  it('snapshot', async () => {
    await expectSnapshot(chart.svg, 'theme-session-matrix', 'html');
  });
});

describe('themeProcess', () => {
  const chart = themeProcess(study, { base: '/casebook/', current: '1.2' });

  it('lists the themes in process order with their subthemes and counts', () => {
    const steps = findAll(chart.svg, (el) => el.tagName === 'li' && el.properties.dataCode !== undefined);
    expect(steps.map((el) => el.properties.dataCode)).toEqual(['1.0', '1.1', '1.2', '2.0']);
    expect(textOf(chart.svg).replace(/\s+/g, ' ')).toBe('1 Launching3 excerpts1.1 Rigging (2)1.2 Pushing off (2)2 Recovery2 excerptsNo subthemes');
  });

  it('links to theme and subtheme pages under the base, marking the current page', () => {
    expect(links(chart.svg)).toEqual(['/casebook/themes/launching/', '/casebook/themes/launching/rigging/', '/casebook/themes/launching/pushing-off/', '/casebook/themes/recovery/']);
    const current = findAll(chart.svg, (el) => el.properties.ariaCurrent === 'page');
    expect(current.map((el) => el.properties.href)).toEqual(['/casebook/themes/launching/pushing-off/']);
  });

  it('is navigation, with a data table and a description', () => {
    expect(chart.svg.tagName).toBe('nav');
    expect(chart.description).toBe(
      'The 2 themes in their roughly chronological order, with their subthemes and how many excerpts each has: 1. Launching (3 excerpts; Rigging 2, Pushing off 2), then 2. Recovery (2 excerpts; no subthemes).',
    );
    expect(findAll(chart.table, (el) => el.tagName === 'tr')).toHaveLength(5);
    expect(toHtml(chart.table)).toContain('<th scope="row">1. Launching</th>');
  });

  it('snapshot', async () => {
    await expectSnapshot(chart.svg, 'theme-process', 'html');
  });
});
