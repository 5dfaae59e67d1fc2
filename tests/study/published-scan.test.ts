/**
 * The search of what a build would publish reads every kind of file a site holds: pages
 * (text and attributes), downloads, the gzip-compressed search index, Office handouts (zip
 * archives of XML) and file names; it names the path each would be published at, and lets
 * allowed terms through. Unit tier: a small site folder written here, no build.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { strToU8, zipSync } from 'fflate';
import { afterEach, describe, expect, it } from 'vitest';
import { parseAllowances, parseIdentifiers } from '../../src/study/deidentify.ts';
import { scanPublished, siteTexts } from '../../src/study/published-scan.ts';

describe('the search of a built site', () => {
  const temps: string[] = [];
  afterEach(async () => {
    await Promise.all(temps.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
  });

  async function site(files: Record<string, string | Uint8Array>): Promise<string> {
    const dir = await mkdtemp(join(tmpdir(), 'casebook-site-'));
    temps.push(dir);
    for (const [path, content] of Object.entries(files)) {
      await mkdir(join(dir, path, '..'), { recursive: true });
      await writeFile(join(dir, path), content);
    }
    return dir;
  }

  const lists = (allowed = '') => ({ identifiers: parseIdentifiers('Cosima\nPort Wendle\n'), allowances: parseAllowances(allowed), listPath: 'private/identifiers.txt' });

  it('finds a name in each kind of published file, at the path it would be published at', async () => {
    const dir = await site({
      'index.html': '<!doctype html>\n<p>Nothing here.</p>\n<img alt="C&#111;sima at the dock" src="a.png">\n',
      'clean/index.html': '<p>An ordinary page.</p>',
      'data/excerpts.csv': 'id,text\r\nx1,"Co\u00adsima said"\r\n',
      'pagefind/fragment/en_1.pf_fragment': gzipSync(Buffer.from('pagefind_dcd{"content":"at Port\\u0020Wendle"}')),
      'teaching/handout.docx': zipSync({ '[Content_Types].xml': strToU8('<Types/>'), 'word/document.xml': strToU8('<w:p><w:r><w:t>Co</w:t></w:r><w:r><w:t>sima</w:t></w:r></w:p>') }),
      'excerpts/port-wendle/index.html': '<p>A page.</p>',
      'pagefind/pagefind.js': 'export const x = 1;',
    });
    const files = scanPublished(siteTexts(dir, '/srv/site'), lists());
    const lines = files.flatMap((file) => file.messages.map((message) => `${file.path}${message.line ? `:${message.line}:${message.column}` : ''} ${message.reason}`));
    expect(lines).toEqual([
      '/srv/site/data/excerpts.csv:2:5 Identifying term "Cosima" (listed in private/identifiers.txt line 1) would be published here, written "Co\u00adsima"',
      '/srv/site/excerpts/port-wendle Identifying term "Port Wendle" (listed in private/identifiers.txt line 2) would be published here in its address, written "port-wendle"',
      '/srv/site/index.html:3:11 Identifying term "Cosima" (listed in private/identifiers.txt line 1) would be published here, written "C&#111;sima"',
      '/srv/site/teaching/handout.docx Identifying term "Cosima" (listed in private/identifiers.txt line 1) would be published here in word/document.xml at line 1, column 16, written "Co</w:t></w:r><w:r><w:t>sima"',
      '/srv/site/pagefind/fragment/en_1.pf_fragment:1:28 Identifying term "Port Wendle" (listed in private/identifiers.txt line 2) would be published here, written "Port\\\\u0020Wendle"',
    ]);
    expect(files.flatMap((file) => file.messages.map((message) => message.ruleId))).toEqual(Array(5).fill('identifier-published'));
  });

  it('lets an allowed term through, also one allowed in a single study file', async () => {
    const dir = await site({ 'index.html': '<p>Cosima at Port Wendle</p>' });
    expect(scanPublished(siteTexts(dir, dir), lists('Cosima\nstudy.json: Port Wendle\n'))).toEqual([]);
  });

  it('does not read the generator’s own code and markup as the study’s words, but reads JSON-LD', async () => {
    const dir = await site({
      'index.html':
        '<p class="max mark" style="max-width: 1px"><mark data-max>Found</mark></p>\n<script>const max = 1;</script><style>.max{}</style>\n<script type="application/ld+json">{"name":"Max"}</script>\n',
      '_astro/page.js': 'let max = 1, mark = 2;',
      '_astro/page.css': '.mark { max-width: 1px }',
    });
    const files = scanPublished(siteTexts(dir, dir), { identifiers: parseIdentifiers('Max\nMark\n'), allowances: [], listPath: 'private/identifiers.txt' });
    expect(files.flatMap((file) => file.messages.map((message) => `${message.line}:${message.column} ${message.reason.replace(/ \(listed.*written/, ',')}`))).toEqual([
      '3:45 Identifying term "Max", "Max"',
    ]);
  });
});
