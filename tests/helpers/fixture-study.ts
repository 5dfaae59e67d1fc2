import { cp, mkdtemp, readFile, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const fixturesDir = join(import.meta.dirname, '..', 'fixtures');
export const baseStudy = join(fixturesDir, 'studies', 'harbour');

/**
 * Copies the base fixture study to a temporary folder, then applies an error case: its
 * `overlay/` files replace or add files, and `delete.txt` lists files to remove.
 */
export async function studyWithCase(caseDir: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'casebook-case-'));
  await cp(baseStudy, dir, { recursive: true });
  if (existsSync(join(caseDir, 'overlay'))) await cp(join(caseDir, 'overlay'), dir, { recursive: true });
  if (existsSync(join(caseDir, 'delete.txt'))) {
    const names = (await readFile(join(caseDir, 'delete.txt'), 'utf8')).split('\n').filter(Boolean);
    await Promise.all(names.map((name) => rm(join(dir, name), { recursive: true })));
  }
  return dir;
}
