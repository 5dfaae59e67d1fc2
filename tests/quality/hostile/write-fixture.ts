/** Writes the hostile fixture study: `npx tsx tests/quality/hostile/write-fixture.ts`. */
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { hostileFixture } from './fixture.ts';

export const hostileStudyDir = join(import.meta.dirname, '..', '..', 'fixtures', 'studies', 'hostile');

if (import.meta.main) {
  await rm(hostileStudyDir, { recursive: true, force: true });
  for (const [path, content] of hostileFixture()) {
    await mkdir(dirname(join(hostileStudyDir, path)), { recursive: true });
    await writeFile(join(hostileStudyDir, path), content);
  }
  console.log(`Wrote ${hostileStudyDir}`);
}
