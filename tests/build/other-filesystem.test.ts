/**
 * An output folder on another filesystem than the checkout (a tmpfs, a mounted share):
 * Astro renders inside the checkout there, and the site is copied beside the target and
 * swapped in, so the build succeeds instead of failing with EXDEV, and leaves nothing
 * behind in the checkout or beside the output.
 * The study built there is the bundled one, which the test run has already built: the two
 * builds must be byte for byte the same site (determinism), search index aside (below). (The
 * course pack PDF is the same file by construction: a build reuses the print of an earlier
 * build of the same pages.)
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { renderFolder } from '../../src/cli/build-output.ts';
import { buildSite, repoRoot } from '../helpers/build-site.ts';

// Linux machines of this kind mount /dev/shm as tmpfs, apart from the disk the checkout is on.
const otherFilesystem = mkdtempSync(join('/dev/shm', 'casebook-exdev-'));
const dist = join(otherFilesystem, 'site');

afterAll(async () => {
  await rm(otherFilesystem, { recursive: true, force: true });
});

describe('a build into a folder on another filesystem', () => {
  it('builds the whole site there and leaves no render or staging folder behind', () => {
    expect(statSync(otherFilesystem).dev).not.toBe(statSync(repoRoot).dev);
    const renderFolders = () => (existsSync(join(repoRoot, renderFolder)) ? readdirSync(join(repoRoot, renderFolder)) : []);
    const before = renderFolders();
    const build = buildSite({ STUDY_DIR: join(repoRoot, 'content'), CASEBOOK_DIST: dist });
    expect(build.status, build.output).toBe(0);
    for (const file of ['index.html', 'codebook/index.html', 'excerpts/index.html', 'pagefind/pagefind.js']) expect(existsSync(join(dist, file)), file).toBe(true);
    expect(readdirSync(otherFilesystem)).toEqual(['site']);
    expect(renderFolders()).toEqual(before);
  });

  it('is the same site, byte for byte, as another build of the same study', () => {
    const earlier = inject('distDir');
    // Pagefind 1.5.2 is not deterministic in its filter index: two builds of the same pages
    // gave filter and metadata files of other contents (and so other hashed names). Its
    // fragments, the indexed text of each page, must still be the same.
    const files = (root: string) =>
      readdirSync(root, { recursive: true, withFileTypes: true })
        .filter((entry) => entry.isFile())
        .map((entry) => relative(root, join(entry.parentPath, entry.name)))
        .filter((file) => !file.startsWith('pagefind/') || file.startsWith('pagefind/fragment/'))
        .sort();
    expect(files(dist)).toEqual(files(earlier));
    expect(files(dist).filter((file) => file.startsWith('pagefind/fragment/')).length).toBeGreaterThan(50);
    const differing = files(dist).filter((file) => !readFileSync(join(dist, file)).equals(readFileSync(join(earlier, file))));
    expect(differing).toEqual([]);
  });
});
