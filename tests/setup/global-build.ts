/**
 * Builds the bundled study once per test run; tests that need the built site read it
 * through `inject('distDir')`. A build failure fails the run with the build's own output.
 */
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { buildSite, repoRoot } from '../helpers/build-site.ts';

export default async function setup(project: TestProject): Promise<void> {
  const distDir = join(repoRoot, '.test-dist');
  await rm(distDir, { recursive: true, force: true });
  const result = buildSite({ CASEBOOK_DIST: distDir, STUDY_DIR: join(repoRoot, 'content') });
  if (result.status !== 0) throw new Error(`Building the bundled study for the tests failed:\n${result.output}`);
  project.provide('distDir', distDir);
}

declare module 'vitest' {
  export interface ProvidedContext {
    distDir: string;
  }
}
