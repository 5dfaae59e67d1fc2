/**
 * An output folder on another filesystem than the checkout (a tmpfs, a mounted share):
 * Astro renders inside the checkout there, and the site is copied beside the target and
 * swapped in, so the build succeeds instead of failing with EXDEV, and leaves nothing
 * behind in the checkout or beside the output.
 */
import { existsSync, mkdtempSync, readdirSync, statSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { renderFolder } from '../../src/cli/build-output.ts';
import { buildSite, repoRoot } from '../helpers/build-site.ts';
import { baseStudy } from '../helpers/fixture-study.ts';

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
    const build = buildSite({ STUDY_DIR: baseStudy, CASEBOOK_DIST: dist });
    expect(build.status, build.output).toBe(0);
    for (const file of ['index.html', 'codebook/index.html', 'excerpts/index.html', 'pagefind/pagefind.js']) expect(existsSync(join(dist, file)), file).toBe(true);
    expect(readdirSync(otherFilesystem)).toEqual(['site']);
    expect(renderFolders()).toEqual(before);
  });
});
