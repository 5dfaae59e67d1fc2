/**
 * Builds the bundled study and the hostile fixture study once per test run; tests that
 * need a built site read it through `inject('distDir')` or `inject('hostileDistDir')`.
 * A build failure fails the run with the build's own output. Each run builds into its
 * own folder, so test runs started at the same time never delete each other's site
 * mid-test; the folder is removed when the run ends. It lies inside the repository
 * because Astro keeps a build's prerender chunks in its outDir only when that is under
 * the working directory (otherwise in the shared `.astro/`, where parallel builds clash).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { buildSite, repoRoot } from '../helpers/build-site.ts';

function build(distDir: string, studyDir: string): string {
  const result = buildSite({ CASEBOOK_DIST: distDir, STUDY_DIR: studyDir });
  if (result.status !== 0) throw new Error(`Building ${studyDir} for the tests failed:\n${result.output}`);
  return distDir;
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const work = await mkdtemp(join(repoRoot, '.test-dist-'));
  try {
    project.provide('distDir', build(join(work, 'bundled'), join(repoRoot, 'content')));
    project.provide('hostileDistDir', build(join(work, 'hostile'), join(repoRoot, 'tests', 'fixtures', 'studies', 'hostile')));
  } catch (error) {
    await rm(work, { recursive: true, force: true });
    throw error;
  }
  return () => rm(work, { recursive: true, force: true });
}

declare module 'vitest' {
  export interface ProvidedContext {
    distDir: string;
    hostileDistDir: string;
  }
}
