/**
 * Builds the bundled study, the hostile fixture study and the example study of another
 * shape (examples/tool-library/) once per test run; tests that need a built site read it
 * through `inject('distDir')`, `inject('hostileDistDir')` or `inject('exampleDistDir')`,
 * and tests that apply to every study (the leak test, build output) through
 * `inject('studyBuilds')`.
 * The build and browser tiers both name this setup; when they run in one Vitest process
 * the second reuses the first one's builds (kept on `globalThis`, which the projects'
 * setups share), and the folder is removed after the last tier's teardown.
 * A build failure fails the run with the build's own output. Each run builds into its
 * own folder, so test runs started at the same time never delete each other's site
 * mid-test. It lies inside the repository because Astro keeps a build's prerender chunks
 * in its outDir only when that is under the working directory (otherwise in the shared
 * `.astro/`, where parallel builds clash).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { buildSite, repoRoot } from '../helpers/build-site.ts';

/** One study the tests built: its folder, its site and what `npm run build` printed. */
export interface StudyBuild {
  readonly name: string;
  readonly studyDir: string;
  readonly distDir: string;
  readonly output: string;
}

interface Sites {
  readonly work: string;
  readonly builds: readonly StudyBuild[];
}

interface Shared {
  sites?: Promise<Sites> | undefined;
  users: number;
}

const key = Symbol.for('casebook.test-sites');
const shared: Shared = ((globalThis as Record<symbol, unknown>)[key] as Shared | undefined) ?? ((globalThis as Record<symbol, unknown>)[key] = { users: 0 });

function build(name: string, distDir: string, studyDir: string): StudyBuild {
  const result = buildSite({ CASEBOOK_DIST: distDir, STUDY_DIR: studyDir });
  if (result.status !== 0) throw new Error(`Building ${studyDir} for the tests failed:\n${result.output}`);
  return { name, studyDir, distDir, output: result.output };
}

async function buildSites(): Promise<Sites> {
  const work = await mkdtemp(join(repoRoot, '.test-dist-'));
  try {
    return {
      work,
      builds: [
        build('the bundled study', join(work, 'bundled'), join(repoRoot, 'content')),
        build('the hostile fixture study', join(work, 'hostile'), join(repoRoot, 'tests', 'fixtures', 'studies', 'hostile')),
        build('the example interview study', join(work, 'example'), join(repoRoot, 'examples', 'tool-library')),
      ],
    };
  } catch (error) {
    await rm(work, { recursive: true, force: true });
    throw error;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  shared.sites ??= buildSites();
  shared.users += 1;
  const sites = await shared.sites;
  const [bundled, hostile, example] = sites.builds;
  project.provide('distDir', bundled!.distDir);
  project.provide('hostileDistDir', hostile!.distDir);
  project.provide('exampleDistDir', example!.distDir);
  project.provide('studyBuilds', sites.builds);
  return async () => {
    shared.users -= 1;
    if (shared.users === 0) {
      shared.sites = undefined;
      await rm(sites.work, { recursive: true, force: true });
    }
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    distDir: string;
    hostileDistDir: string;
    exampleDistDir: string;
    studyBuilds: readonly StudyBuild[];
  }
}
