/**
 * Figure numbers are filled in per page after it is rendered: every chart's caption gets
 * "Figure n." in the page's order, each figure reference the number of the chart it names
 * (before or after it), and a reference to a name no chart on the page has stops the
 * build, naming the page.
 */
import { describe, expect, it } from 'vitest';
import { numberFigures, UnknownFigureError } from '../../src/site/figures.ts';

const figure = (id: string) =>
  `<figure class="cb-chart" ${id ? `id="figure-${id}"` : ''}><figcaption class="cb-chart__caption"><span class="cb-figure__number"${id ? ` data-figure-id="${id}"` : ''}></span> Title ${id || 'unnamed'}</figcaption></figure>`;
const ref = (id: string) => `<a class="figure-ref" href="#figure-${id}" data-figure-ref="${id}">Figure</a>`;

describe('numberFigures', () => {
  it('numbers every chart in page order and fills in references before and after their figure', () => {
    const page = `<p>See ${ref('process')} and ${ref('phases')}.</p>${figure('phases')}${figure('')}${figure('process')}<p>Again ${ref('phases')}.</p>`;
    const html = numberFigures(page, '/chapters/results/');
    expect([...html.matchAll(/<span class="cb-figure__number">([^<]*)<\/span> Title (\w+)/g)].map((match) => `${match[1]} ${match[2]}`)).toEqual([
      'Figure 1. phases',
      'Figure 2. unnamed',
      'Figure 3. process',
    ]);
    expect([...html.matchAll(/<a class="figure-ref" href="#figure-(\w+)">([^<]*)<\/a>/g)].map((match) => `${match[1]}: ${match[2]}`)).toEqual([
      'process: Figure&nbsp;3',
      'phases: Figure&nbsp;1',
      'phases: Figure&nbsp;1',
    ]);
    expect(html).not.toContain('data-figure');
  });

  it('stops at a reference to a figure the page does not have, naming the page and the figures it has', () => {
    expect(() => numberFigures(`${figure('phases')}<p>${ref('proces')}</p>`, '/chapters/results/')).toThrow(UnknownFigureError);
    expect(() => numberFigures(`${figure('phases')}<p>${ref('proces')}</p>`, '/chapters/results/')).toThrow(/<FigureRef id="proces"> on \/chapters\/results\/: .*\n.*"phases"/);
  });

  it('leaves a page without figures as it is', () => {
    expect(numberFigures('<p>No charts.</p>', '/')).toBe('<p>No charts.</p>');
  });
});
