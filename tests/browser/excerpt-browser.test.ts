/**
 * The excerpt browser filters by theme/subtheme, session, speaker and source: with
 * JavaScript the URL query is read and kept in step and the count announced; without
 * JavaScript the CSS rules alone filter, and the pre-filtered pages stand in for queries.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useBuiltSite } from '../helpers/browser.ts';
import { matchesFilters, type Filters } from '../../src/site/excerpt-facets.ts';
import { bundledStudy } from './templates.ts';

const site = useBuiltSite();
const study = await bundledStudy();
const total = study.excerpts.length;
const expected = (filters: Filters) => study.excerpts.filter((excerpt) => matchesFilters(study, excerpt, filters)).map((excerpt) => excerpt.id);
// A theme with subthemes, so choosing it must also find its subthemes' excerpts.
const theme = study.codes.find((info) => info.kind === 'theme' && info.leaves.length > 1 && info.leaves.every((code) => (study.excerptsByCode.get(code)?.length ?? 0) > 0))!;
const session = study.sessions.find((s) => (study.excerptsBySession.get(s.number)?.length ?? 0) > 0)!;

/** Ids of the excerpts the page shows right now (no waiting: filtering must be immediate). */
function visibleIds(page: Page): Promise<string[]> {
  return page.evaluate(() => [...document.querySelectorAll<HTMLElement>('.browser [data-excerpt]')].filter((item) => item.getClientRects().length > 0).map((item) => item.dataset.excerpt ?? ''));
}

describe('with JavaScript', () => {
  it('filters by theme at once, includes its subthemes, announces the count and writes the query', async () => {
    const page = await site.browser.newPage();
    await page.goto(`${site.server.url}excerpts/`);
    const status = page.locator('[data-browser-status]');
    await expect(status.getAttribute('aria-live')).resolves.toBe('polite');
    await expect(visibleIds(page)).resolves.toHaveLength(total);

    await page.getByLabel('Theme or subtheme').selectOption(theme.code);
    const ids = expected({ code: theme.code });
    expect(ids.length).toBeGreaterThan(study.excerptsByCode.get(theme.leaves[0]!)!.length);
    await expect(visibleIds(page)).resolves.toEqual(ids);
    await expect(status.innerText()).resolves.toBe(`${ids.length} of ${total} excerpts shown.`);
    expect(new URL(page.url()).search).toBe(`?code=${theme.code}`);

    await page.getByRole('radio', { name: new RegExp(`^${session.title} \\(`) }).check();
    const both = expected({ code: theme.code, session: String(session.number) });
    await expect(visibleIds(page)).resolves.toEqual(both);
    await expect(status.innerText()).resolves.toBe(both.length === 0 ? `No excerpts match these filters (of ${total}).` : `${both.length} of ${total} excerpts shown.`);
    expect(new URL(page.url()).searchParams.get('session')).toBe(String(session.number));

    await page.getByRole('button', { name: 'Reset filters' }).click();
    await expect.poll(() => status.innerText()).toBe(`${total} of ${total} excerpts shown.`);
    expect(new URL(page.url()).search).toBe('');
    await page.close();
  });

  it('applies filters named in the URL, including a session the article does not state', async () => {
    const page = await site.browser.newPage();
    const speaker = [...study.participants.keys()].find((id) => expected({ speaker: id }).length > 0)!;
    await page.goto(`${site.server.url}excerpts/?session=none&speaker=${speaker}&source=participant-commentary`);
    const ids = expected({ session: 'none', speaker, source: 'participant-commentary' });
    expect(ids.length).toBeGreaterThan(0);
    await expect(visibleIds(page)).resolves.toEqual(ids);
    await expect(page.getByRole('radio', { name: /^Not stated/ }).isChecked()).resolves.toBe(true);
    await expect(page.locator('[data-browser-status]').innerText()).resolves.toBe(`${ids.length} of ${total} excerpts shown.`);
    await page.close();
  });

  it('counts each option as choosing it would show, given the other filters', async () => {
    const page = await site.browser.newPage();
    await page.goto(`${site.server.url}excerpts/`);
    await page.getByLabel('Theme or subtheme').selectOption(theme.code);
    for (const s of study.sessions.filter((unit) => (study.excerptsBySession.get(unit.number)?.length ?? 0) > 0)) {
      const count = expected({ code: theme.code, session: String(s.number) }).length;
      await expect(page.getByRole('radio', { name: `${s.title} (${count})`, exact: true }).count(), s.title).resolves.toBe(1);
    }
    await page.getByRole('radio', { name: new RegExp(`^${session.title} \\(`) }).check();
    const codeCount = expected({ code: theme.leaves[0]!, session: String(session.number) }).length;
    await expect(page.getByLabel('Theme or subtheme').locator(`option[value="${theme.leaves[0]}"]`).innerText()).resolves.toMatch(new RegExp(`\\(${codeCount}\\)$`));
    await expect(page.locator('[data-browser-chosen]').innerText()).resolves.toBe('2 chosen');
    await page.close();
  });

  it('on a phone, folds the filters into a drawer so the first result is on the first screen', async () => {
    const context = await site.browser.newContext({ viewport: { width: 360, height: 740 } });
    const page = await context.newPage();
    await page.goto(`${site.server.url}excerpts/?code=${theme.code}`);
    const drawer = page.locator('[data-browser-drawer]');
    await expect(drawer.evaluate((element) => (element as HTMLDetailsElement).open)).resolves.toBe(false);
    await expect(page.locator('[data-browser-chosen]').innerText()).resolves.toBe('1 chosen');
    const first = await page.locator('.browser [data-excerpt]').filter({ visible: true }).first().boundingBox();
    expect(first!.y).toBeLessThan(740);
    await page.getByText('Filter excerpts').click();
    await expect(page.getByLabel('Theme or subtheme').isVisible()).resolves.toBe(true);
    await expect(visibleIds(page)).resolves.toEqual(expected({ code: theme.code }));
    await context.close();
  });

  it('links from a code page to its excerpts in one session', async () => {
    const page = await site.browser.newPage();
    const [leaf, number] = study.codes
      .filter((info) => info.leaf)
      .flatMap((info) => study.sessions.map((s) => [info, s.number] as const))
      .find(([info, n]) => (study.matrix.get(info.code)?.get(n) ?? 0) > 0)!;
    const path = leaf.kind === 'theme' ? `themes/${leaf.slug}/` : `themes/${leaf.theme.slug}/${leaf.slug}/`;
    await page.goto(`${site.server.url}${path}`);
    await page.locator('#sessions').locator('..').locator(`a[href*="session=${number}"]`).click();
    // The filter script runs after the new page loads; poll rather than race it.
    await expect.poll(() => visibleIds(page), { timeout: 300_000 }).toEqual(expected({ code: leaf.code, session: String(number) }));
    expect(expected({ code: leaf.code, session: String(number) }).length).toBeGreaterThan(0);
    await page.close();
  });
});

describe('without JavaScript', () => {
  it('filters through CSS alone when a theme and a session are chosen', async () => {
    const context = await site.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${site.server.url}excerpts/`);
    await expect(visibleIds(page)).resolves.toHaveLength(total);
    await page.getByLabel('Theme or subtheme').selectOption(theme.code);
    await expect(visibleIds(page)).resolves.toEqual(expected({ code: theme.code }));
    await page.getByRole('radio', { name: /^Not stated/ }).check();
    await expect(visibleIds(page)).resolves.toEqual(expected({ code: theme.code, session: 'none' }));
    await page.getByRole('radio', { name: /^Participant commentary/ }).check();
    await expect(visibleIds(page)).resolves.toEqual(expected({ code: theme.code, session: 'none', source: 'participant-commentary' }));
    await context.close();
  });

  it('offers pre-filtered pages that hold only their excerpts and narrow them further', async () => {
    const context = await site.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${site.server.url}excerpts/session/none/`);
    await expect(visibleIds(page)).resolves.toEqual(expected({ session: 'none' }));
    await page.goto(`${site.server.url}excerpts/code/${theme.code.replace('.', '-')}/`);
    // Only the matching excerpts are in the page at all, so the site grows with the excerpts, not excerpts × filters.
    await expect(page.locator('.browser [data-excerpt]').count()).resolves.toBe(expected({ code: theme.code }).length);
    await expect(visibleIds(page)).resolves.toEqual(expected({ code: theme.code }));
    // Its own filter is stated, not offered; the others narrow within it.
    await expect(page.getByLabel('Theme or subtheme').count()).resolves.toBe(0);
    await expect(page.locator('.browser__fixed').innerText()).resolves.toContain(`${theme.code} ${theme.name}`);
    await page.getByRole('radio', { name: /^Not stated/ }).check();
    await expect(visibleIds(page)).resolves.toEqual(expected({ code: theme.code, session: 'none' }));
    // The browser page lists them for readers whose links carry a query.
    await page.goto(`${site.server.url}excerpts/`);
    await expect(page.locator('noscript, .browser__noscript').first().innerHTML()).resolves.toContain(`excerpts/session/${session.number}/`);
    await context.close();
  });
});
