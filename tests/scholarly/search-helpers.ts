/** Helpers shared by the search tests of the root build and of the sub-path build. */
import { readdirSync, readFileSync } from 'node:fs';
import { join, sep } from 'node:path';
import type { Page } from 'playwright-core';
import { symbols } from '../../src/ca/index.ts';
import type { Excerpt } from '../../src/study/schemas/index.ts';

/** Links of the search results for `term` (pages, not their sections), once the page has drawn them. */
export async function searchResults(page: Page, searchUrl: string, term: string): Promise<string[]> {
  await page.goto(`${searchUrl}?q=${encodeURIComponent(term)}`);
  await page.waitForSelector('[data-search][data-state="ready"], [data-search-failed]:not([hidden])');
  if (await page.locator('[data-search-failed]:not([hidden])').count()) throw new Error('The search page says search could not be loaded.');
  return page.locator('.search-result__link').evaluateAll((links) => links.map((link) => link.getAttribute('href') ?? ''));
}

/**
 * A word whose stem only one excerpt's quoted lines contain and no other content file (chapter,
 * teaching page, glossary, another excerpt, its own title) nor the symbol table's example
 * lines do, with that excerpt's id.
 * The longest such word is taken, as the least likely to occur in generated page text.
 */
export function wordOnlyOneExcerptSays(contentDir: string): { word: string; id: string } {
  const files = readdirSync(contentDir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
  // Pagefind reads "a:lright" or "ye::s" in a transcript as one word, without the notation.
  const texts = new Map(
    files.map((file) => [
      file,
      readFileSync(file, 'utf8')
        .toLowerCase()
        .replace(/(?<=\p{L})[^\p{L}\s]+(?=\p{L})/gu, ''),
    ]),
  );
  // The conventions page prints the generator's own example lines, which search finds too.
  texts.set(
    'symbol table',
    symbols
      .map((entry) => entry.example)
      .join('\n')
      .toLowerCase(),
  );
  const candidates: { word: string; id: string }[] = [];
  for (const file of files.filter((name) => name.includes(`${sep}excerpts${sep}`) && name.endsWith('.json'))) {
    const excerpt = JSON.parse(readFileSync(file, 'utf8')) as Excerpt;
    const words = new Set(excerpt.lines.flatMap((line) => line.text.toLowerCase().match(/\p{L}{6,}/gu) ?? []));
    for (const word of words) {
      // Pagefind stems words ("supporting" finds "support" and "supported"), so no other
      // file may hold a word beginning with the same stem, as a stemmer would cut it.
      const pattern = new RegExp(`(?<!\\p{L})${word.slice(0, Math.max(5, word.length - 4))}`, 'u');
      const elsewhere = [...texts].some(([other, text]) => other !== file && pattern.test(text));
      if (!elsewhere && !pattern.test(excerpt.title.toLowerCase())) candidates.push({ word, id: excerpt.id });
    }
  }
  const best = candidates.sort((a, b) => b.word.length - a.word.length || a.word.localeCompare(b.word))[0];
  if (!best) throw new Error(`No word in ${contentDir} occurs in one excerpt's lines only.`);
  return best;
}
