/**
 * The course pack PDF the build prints: linked from the course pack page, a page number on
 * every page, and a contents page whose numbers are the pages the sections start on (read
 * back from the PDF's text).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { extractText, getDocumentProxy } from 'unpdf';
import { describe, expect, inject, it } from 'vitest';
import { readPage } from './built-pages.ts';

const distDir = inject('distDir');
const squash = (text: string) => text.replace(/\s+/g, ' ').trim();

describe('the course pack PDF', () => {
  it('is linked from the course pack page and exists', () => {
    expect(readPage(distDir, 'teaching/course-pack/')).toContain('href="/teaching/course-pack.pdf"');
    expect(existsSync(join(distDir, 'teaching/course-pack.pdf'))).toBe(true);
  });

  it('numbers every page and lists each section on the page it starts on', async () => {
    const pdf = await getDocumentProxy(new Uint8Array(readFileSync(join(distDir, 'teaching/course-pack.pdf'))));
    const { totalPages, text } = await extractText(pdf, { mergePages: false });
    const pages = text.map(squash);
    expect(totalPages).toBeGreaterThan(10);
    pages.forEach((page, index) => expect(page, `page ${index + 1}`).toContain(`${index + 1} / ${totalPages}`));

    const html = readPage(distDir, 'teaching/course-pack/');
    const titles = [...html.matchAll(/data-pack-page="([^"]+)"/g)].map((match) => match[1]!.replaceAll('&amp;', '&').replaceAll('&quot;', '"'));
    expect(titles.length).toBeGreaterThanOrEqual(8);
    const contentsPage = pages.findIndex((page) => page.includes('Contents'));
    expect(contentsPage).toBe(0);
    const listed = titles.map((title) => {
      const match = pages[contentsPage]!.match(new RegExp(`${title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} (\\d+)`));
      expect(match, `contents entry “${title}” with a page number`).not.toBeNull();
      return Number(match![1]);
    });
    // Sections follow one another, each on a later page than the contents.
    expect(listed[0]).toBeGreaterThan(1);
    expect([...listed].sort((a, b) => a - b)).toEqual(listed);
    titles.forEach((title, index) => {
      const page = pages[listed[index]! - 1]!;
      expect(page, `“${title}” starts on page ${listed[index]}`).toContain(squash(title));
    });
  });
});
