/**
 * No broken internal link or #anchor anywhere in the built site, for the bundled study
 * at the root and for another study deployed under a sub-path.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { buildSite } from '../helpers/build-site.ts';
import { baseStudy } from '../helpers/fixture-study.ts';
import { checkLinks, formatBroken } from './link-check.ts';

describe('internal links of the bundled study', () => {
  it('all resolve, anchors included', async () => {
    const result = await checkLinks(inject('distDir'), '/');
    expect(result.pages).toBeGreaterThan(50);
    expect(result.links).toBeGreaterThan(1000);
    expect(formatBroken(result.broken)).toBe('');
  });
});

describe('internal links under a base path', () => {
  let work: string;
  let dist: string;
  let build: { status: number | null; output: string };

  beforeAll(async () => {
    work = await mkdtemp(join(tmpdir(), 'casebook-links-'));
    dist = join(work, 'dist');
    build = buildSite({ STUDY_DIR: baseStudy, CASEBOOK_DIST: dist, CASEBOOK_BASE: '/casebook/' });
  });

  afterAll(async () => {
    await rm(work, { recursive: true, force: true });
  });

  it('all stay under /casebook/ and resolve', async () => {
    expect(build.status, build.output).toBe(0);
    const result = await checkLinks(dist, '/casebook/');
    expect(result.links).toBeGreaterThan(100);
    expect(formatBroken(result.broken)).toBe('');
  });

  it('reports a link that leaves the base path', async () => {
    // The checker itself must be able to fail: the same site checked as if served from the root.
    const result = await checkLinks(dist, '/elsewhere/');
    expect(result.broken.length).toBeGreaterThan(0);
    expect(result.broken[0]?.problem).toBe('outside the base path /elsewhere/');
  });
});
