/**
 * A rebuild reuses the course pack PDF an earlier build printed when nothing it is printed
 * from changed: the fingerprint covers the course pack page, every file it loads (and what
 * its stylesheets load), and the Chromium binary, and nothing else in the site.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { printFingerprint } from '../../src/site/course-pack-pdf.ts';

let site: string;
let previousChromium: string | undefined;

beforeAll(async () => {
  site = await mkdtemp(join(tmpdir(), 'casebook-pack-'));
  await mkdir(join(site, 'teaching', 'course-pack'), { recursive: true });
  await mkdir(join(site, '_astro'));
  await mkdir(join(site, 'fonts'));
  await writeFile(
    join(site, 'teaching', 'course-pack', 'index.html'),
    '<link rel="stylesheet" href="/base/_astro/pack.css"><img src="../../logo.svg" alt=""><a href="https://example.org/x.css">x</a><p>Pack</p>',
  );
  await writeFile(join(site, '_astro', 'pack.css'), '@font-face { src: url("/base/fonts/serif.woff2") } body { margin: 0 }');
  await writeFile(join(site, 'fonts', 'serif.woff2'), 'font bytes');
  await writeFile(join(site, 'logo.svg'), '<svg/>');
  await writeFile(join(site, 'index.html'), '<p>Home</p>');
  await writeFile(join(site, 'chromium'), 'a browser');
  previousChromium = process.env.CASEBOOK_CHROMIUM;
  process.env.CASEBOOK_CHROMIUM = join(site, 'chromium');
});

afterAll(async () => {
  if (previousChromium === undefined) delete process.env.CASEBOOK_CHROMIUM;
  else process.env.CASEBOOK_CHROMIUM = previousChromium;
  await rm(site, { recursive: true, force: true });
});

const fingerprint = () => printFingerprint(site, '/base/');

describe('the course pack print fingerprint', () => {
  it('is the same for the same files, and ignores pages the pack does not load', async () => {
    const before = await fingerprint();
    expect(await fingerprint()).toBe(before);
    await writeFile(join(site, 'index.html'), '<p>Home, rewritten</p>');
    expect(await fingerprint()).toBe(before);
  });

  it.each([
    ['the pack page', 'teaching/course-pack/index.html', '<link rel="stylesheet" href="/base/_astro/pack.css"><img src="../../logo.svg" alt=""><p>Pack, recoded</p>'],
    ['a stylesheet it links', '_astro/pack.css', '@font-face { src: url("/base/fonts/serif.woff2") } body { margin: 1em }'],
    ['a font its stylesheet loads, kept under the same name', 'fonts/serif.woff2', 'other font bytes'],
    ['an image it shows, by a relative address', 'logo.svg', '<svg><rect/></svg>'],
    ['the Chromium that prints it', 'chromium', 'a newer browser'],
  ])('changes when %s changes', async (_, file, text) => {
    const before = await fingerprint();
    await writeFile(join(site, file), text);
    expect(await fingerprint()).not.toBe(before);
  });
});
