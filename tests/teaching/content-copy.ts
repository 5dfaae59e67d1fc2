/**
 * A throwaway copy of the bundled study (`content/`), so a test can plant a broken
 * reference without touching the real files.
 */
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from '../helpers/build-site.ts';

export const contentDir = join(repoRoot, 'content');

export interface ContentCopy {
  dir: string;
  /** Replaces the first occurrence of `from` in a file of the copy; fails if it is absent. */
  edit(file: string, from: string, to: string): Promise<void>;
  remove(file: string): Promise<void>;
  dispose(): Promise<void>;
}

export async function copyContent(): Promise<ContentCopy> {
  const dir = await mkdtemp(join(tmpdir(), 'casebook-teaching-'));
  await cp(contentDir, dir, { recursive: true });
  return {
    dir,
    async edit(file, from, to) {
      const path = join(dir, file);
      const text = await readFile(path, 'utf8');
      if (!text.includes(from)) throw new Error(`${file} does not contain ${JSON.stringify(from)}`);
      await writeFile(path, text.replace(from, to));
    },
    remove: (file) => rm(join(dir, file)),
    dispose: () => rm(dir, { recursive: true, force: true }),
  };
}
