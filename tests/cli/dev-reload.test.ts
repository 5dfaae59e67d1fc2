/**
 * The rebuild loop: `npm run dev` shows an edit to the study's JSON or MDX without a
 * restart. The study copy lives inside the project because Astro's dev server renders
 * MDX content only from inside its root.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { cp, mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { basename, dirname, join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { acquireBuildLock, repoRoot, userEnvironment } from '../helpers/build-site.ts';

const copy = join(repoRoot, `.dev-study-${process.pid}`);
let server: ChildProcess | undefined;
let origin = '';
let log = '';

async function freePort(): Promise<number> {
  return new Promise((done) => {
    const probe = createServer();
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => done(port));
    });
  });
}

async function title(path: string): Promise<string> {
  const response = await fetch(origin + path).catch(() => undefined);
  const html = response ? await response.text() : '';
  return /<title>([^<]*)<\/title>/.exec(html)?.[1] ?? `(no page: ${response?.status ?? 'no answer'})`;
}

/** Polls until the page title satisfies `done` or the attempts run out; returns the last title. */
async function titleBecomes(path: string, done: (title: string) => boolean, attempts = 60): Promise<string> {
  let last = '';
  for (let attempt = 0; attempt < attempts; attempt += 1) {
    last = await title(path);
    if (done(last)) return last;
    await new Promise((wait) => setTimeout(wait, 500));
  }
  return last;
}

/** Saves an edit the way most editors do: writes a new file and renames it over the old one. */
async function edit(file: string, change: (text: string) => string): Promise<void> {
  const saving = join(dirname(file), `.${basename(file)}.saving`);
  await writeFile(saving, change(await readFile(file, 'utf8')));
  await rename(saving, file);
}

// The dev server writes Astro's shared .astro/ state for its study copy; builds wait meanwhile.
let releaseBuildLock = () => {};

beforeAll(async () => {
  releaseBuildLock = acquireBuildLock();
  await cp(join(repoRoot, 'content'), copy, { recursive: true });
  const port = await freePort();
  origin = `http://127.0.0.1:${port}`;
  server = spawn(process.execPath, [resolve(repoRoot, 'node_modules/astro/bin/astro.mjs'), 'dev', '--port', String(port), '--host', '127.0.0.1'], {
    cwd: repoRoot,
    env: { ...userEnvironment(), STUDY_DIR: copy },
    detached: true,
  });
  server.stdout?.on('data', (chunk) => (log += chunk));
  server.stderr?.on('data', (chunk) => (log += chunk));
  server.on('exit', (code, signal) => (log += `\n(dev server exited: ${signal ?? code})`));
  // A hang guard only: on a loaded machine the first page takes minutes to compile.
  const first = await titleBecomes('/excerpts/butter-chicken/', (found) => found.startsWith('it smells like butter chicken'), 600);
  if (!first.startsWith('it smells like butter chicken')) throw new Error(`The dev server did not serve the excerpt page (last: ${first}):\n${log}`);
});

afterAll(async () => {
  if (server?.pid) process.kill(-server.pid);
  await rm(copy, { recursive: true, force: true });
  releaseBuildLock();
});

describe('npm run dev', () => {
  it('shows an edit to an excerpt JSON file without a restart', async () => {
    const file = join(copy, 'excerpts', 'butter-chicken.json');
    await edit(file, (text) => text.replace('"title": "it smells like butter chicken"', '"title": "edited in the dev loop"'));
    expect(await titleBecomes('/excerpts/butter-chicken/', (found) => found.startsWith('edited in the dev loop')), log).toMatch(/^edited in the dev loop/);
  });

  it('reports an edit that breaks the study where the researcher looks, and shows the page again once it is mended', async () => {
    const file = join(copy, 'excerpts', 'butter-chicken.json');
    const valid = await readFile(file, 'utf8');
    await edit(file, (text) => text.replace(/"codes": \[[^\]]*\]/, '"codes": ["9.9"]'));
    // The page is Astro's error page (the browser shows the error over it); the terminal has the check's report.
    expect(await titleBecomes('/excerpts/butter-chicken/', (found) => found === 'StudyLoadError'), log).toBe('StudyLoadError');
    expect(log).toMatch(/excerpts\/butter-chicken\.json:\d+:\d+ +error +Unknown code "9\.9"/);
    await edit(file, () => valid);
    expect(await titleBecomes('/excerpts/butter-chicken/', (found) => found.startsWith('edited in the dev loop')), log).toMatch(/^edited in the dev loop/);
  });

  it("does not serve the study's private folder, however the path is written", async () => {
    const secret = 'Real name of the first participant';
    await mkdir(join(copy, 'private'), { recursive: true });
    await writeFile(join(copy, 'private', 'identifiers.txt'), `${secret}\n`);
    const paths = [
      `/${basename(copy)}/private/identifiers.txt`,
      `/${basename(copy)}/private/identifiers.txt?raw`,
      `/${basename(copy)}/./private/%69dentifiers.txt`,
      `/${basename(copy).toUpperCase()}/PRIVATE/identifiers.txt`,
      `/@fs${copy}/private/identifiers.txt`,
    ];
    for (const path of paths) {
      const response = await fetch(origin + path);
      const body = await response.text();
      expect(body, path).not.toContain(secret);
      expect(response.status, path).not.toBe(200);
    }
    // The same folder's public files are served as before: the refusal is the private folder's.
    expect((await fetch(`${origin}/${basename(copy)}/study.json`)).status).toBe(200);
  });

  // Repeated edits with the page open: the situation in which a chapter used to keep its
  // old frontmatter until a restart (Astro's content store once kept its first version).
  it('shows each of several edits to an open chapter MDX file without a restart', async () => {
    const file = join(copy, 'chapters', 'introduction.mdx');
    for (const round of [1, 2, 3, 4, 5, 6, 7, 8]) {
      await title('/chapters/introduction/');
      await edit(file, (text) => text.replace(/^title: .*$/m, `title: Introduction, edit ${round}`));
      const wanted = `Introduction, edit ${round} `;
      expect(await titleBecomes('/chapters/introduction/', (found) => found.startsWith(wanted), 40), log).toMatch(new RegExp(`^${wanted}`));
    }
  });
});
