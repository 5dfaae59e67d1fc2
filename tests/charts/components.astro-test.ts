import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { describe, expect, it } from 'vitest';
import SessionPhases from '../../src/components/charts/SessionPhases.astro';
import StepSequence from '../../src/components/charts/StepSequence.astro';
import ThemeSessionMatrix from '../../src/components/charts/ThemeSessionMatrix.astro';
import ThemeProcess from '../../src/components/charts/ThemeProcess.astro';
import ThemeKey from '../../src/components/charts/ThemeKey.astro';
import { clark, harbour } from './studies.ts';

const container = await AstroContainer.create();
const study = await clark();

describe('chart components', () => {
  it('SessionPhases: the SVG, the silence note and the data table in a disclosure', async () => {
    const html = await container.renderToString(SessionPhases, { props: { study, highlight: 1 } });
    expect(html).toContain('<figure class="cb-chart cb-chart--phases"');
    expect(html).toContain('role="img"');
    expect(html).toContain('data-highlight="1"');
    expect(html).toContain(`* Silence: ${study.meta.timing!.phases[1]!.children[1]!.note}`);
    expect(html).toMatch(/<details class="cb-chart__data"[^>]*><summary[^>]*>Data table: Phases of the 3 sessions, in minutes<\/summary>/);
  });

  it('StepSequence: links under the given base', async () => {
    const fixture = await harbour();
    const html = await container.renderToString(StepSequence, { props: { study: fixture, session: 1, base: '/casebook/' } });
    expect(html).toContain('href="/casebook/excerpts/oars-first/"');
    expect(html).toContain('Treatment sequence of Outing 1');
  });

  it('ThemeSessionMatrix: the table is the chart, shown once', async () => {
    const html = await container.renderToString(ThemeSessionMatrix, { props: { study: await harbour(), base: '/casebook/' } });
    expect(html.match(/<table/g)).toHaveLength(1);
    expect(html).not.toContain('<details');
    expect(html).toContain('href="/casebook/excerpts/?code=1.1&#x26;outing=1"');
  });

  it('ThemeProcess: navigation with the current page marked', async () => {
    const html = await container.renderToString(ThemeProcess, { props: { study, base: '/', current: '2.0' } });
    expect(html).toContain('<nav class="cb-process"');
    expect(html).toContain('<a href="/themes/pleasure/" aria-current="page">');
  });

  it('ThemeKey: hidden until the island shows it', async () => {
    const html = await container.renderToString(ThemeKey, { props: { study } });
    expect(html).toMatch(/<div class="cb-theme-key" data-cb-key hidden/);
    expect(html.match(/<button type="button" aria-pressed="false"/g)).toHaveLength(4);
  });
});
