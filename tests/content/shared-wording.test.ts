import { describe, expect, it } from 'vitest';
import { mdxProse, sharedRuns, words } from './shared-wording.ts';

describe('words', () => {
  it('ignores case, typographic apostrophes, and hyphens broken across a line', () => {
    expect(words('The Client’s self-\nawareness')).toEqual(words('the clients self-awareness'));
    expect(words('The Client’s self-\nawareness')).toEqual(['the', 'clients', 'selfawareness']);
  });

  it('treats dashes and punctuation as word breaks', () => {
    expect(words('safety—comfort, “communication”')).toEqual(['safety', 'comfort', 'communication']);
  });
});

describe('mdxProse', () => {
  it('drops component tags and link targets but keeps the words a reader sees', () => {
    const source =
      '---\ntitle: A title\norder: 1\n---\nSee <Term id="ipa">the method</Term> <Cite id="smith2008" locator="p. 5" />.\n\n<Excerpt id="plodding-along" />\n\n[the appendix](../../appendices/procedure/)';
    expect(words(mdxProse(source))).toEqual(['a', 'title', '1', 'see', 'the', 'method', 'the', 'appendix']);
  });
});

describe('sharedRuns', () => {
  const source = 'one two three four five six seven eight nine ten';

  it('finds a shared run and reports it at its full length', () => {
    expect(sharedRuns('zero one two three four five six seven eight nine eleven', source, 8)).toEqual([{ text: 'one two three four five six seven eight nine', length: 9 }]);
  });

  it('does not count runs shorter than the minimum', () => {
    expect(sharedRuns('one two three four five six seven zero eight nine ten', source, 8)).toEqual([]);
  });

  it('sees through quotes, case and line-break hyphenation', () => {
    expect(sharedRuns('“One two three-four” FIVE six seven eight nine', 'one two three-\nfour five six seven eight nine', 8)).toHaveLength(1);
  });

  it('keeps separate runs apart', () => {
    const text = 'one two three four five six seven eight x three four five six seven eight nine ten';
    expect(sharedRuns(text, source, 8).map((run) => run.length)).toEqual([8, 8]);
  });
});
