/**
 * A teaching page or discussion question that names an excerpt or code the study does
 * not have stops the build, and the message says which file and which id.
 *
 * The frontmatter check is exercised directly on a planted copy: building a temporary
 * copy of the study with Astro would leave Astro's shared content cache in `.astro/`
 * pointing at the deleted copy.
 */
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkTeachingReferences } from '../../src/components/teaching/teaching-references.ts';
import { loadStudy } from '../../src/study/load.ts';
import { buildSite } from '../helpers/build-site.ts';
import { teachingSources } from './built-pages.ts';
import { contentDir, copyContent, type ContentCopy } from './content-copy.ts';

let copy: ContentCopy | undefined;
afterEach(async () => {
  await copy?.dispose();
  copy = undefined;
});

async function checkAll(studyDir: string): Promise<void> {
  const { study } = await loadStudy(studyDir);
  for (const source of teachingSources(studyDir)) {
    checkTeachingReferences({ id: source.id, filePath: join(studyDir, 'teaching', `${source.id}.mdx`), data: source }, study!);
  }
}

describe('teaching frontmatter references', () => {
  it('all resolve in the bundled study', async () => {
    await expect(checkAll(contentDir)).resolves.toBeUndefined();
  });

  it('reject an unknown excerpt, naming the file and the id', async () => {
    copy = await copyContent();
    await copy.edit('teaching/vignette-rupture.mdx', 'excerpts: [puppy-preschool, watch-this-space]', 'excerpts: [puppy-preschol, watch-this-space]');
    await expect(checkAll(copy.dir)).rejects.toThrow(
      /^<frontmatter excerpts="puppy-preschol"> on \S+\/teaching\/vignette-rupture\.mdx \(frontmatter\): no such excerpts in the study\.\nExpected one of: "plodding-along", /,
    );
  });

  it('reject an unknown code', async () => {
    copy = await copyContent();
    await copy.edit('teaching/vignette-mom-like.mdx', 'codes: ["4.0"]', 'codes: ["4.1"]');
    await expect(checkAll(copy.dir)).rejects.toThrow(/^<frontmatter codes="4\.1"> on \S+\/teaching\/vignette-mom-like\.mdx \(frontmatter\)/);
  });
});

describe('building a study with a broken discussion question', () => {
  it('fails before any page is built, at the line and column of the unknown excerpt', async () => {
    copy = await copyContent();
    await copy.edit('discussion.json', '"watch-this-space"', '"watch-that-space"');
    const result = buildSite({ STUDY_DIR: copy.dir, CASEBOOK_DIST: `${copy.dir}-dist` });
    expect(result.status).toBe(1);
    expect(result.output).toMatch(/discussion\.json:\d+:\d+ {2}error {2}Unknown excerpt "watch-that-space": there is no excerpts\/watch-that-space\.json {2}\[unknown-excerpt\]/);
    expect(result.output).not.toContain('[build] Building static entrypoints');
  });
});
