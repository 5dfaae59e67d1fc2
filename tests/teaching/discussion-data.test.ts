/**
 * Discussion questions are coded data: every code gets questions, and every code and
 * excerpt a question names must exist, reported where it is written.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { formatReport } from '../../src/study/diagnostics.ts';
import { loadStudy } from '../../src/study/load.ts';
import { baseStudy } from '../helpers/fixture-study.ts';
import { contentDir, copyContent, type ContentCopy } from './content-copy.ts';

let copy: ContentCopy | undefined;
afterEach(async () => {
  await copy?.dispose();
  copy = undefined;
});

describe('discussion.json in the bundled study', async () => {
  const { study, files } = await loadStudy(contentDir);

  it('loads, and discussion.json has no problems', () => {
    expect(study).toBeDefined();
    const discussion = files.find((file) => file.basename === 'discussion.json');
    expect(discussion?.messages.map(String)).toEqual([]);
  });

  it('has questions for every theme and subtheme, keyed in process order', () => {
    expect([...study!.discussion.keys()]).toEqual(study!.codes.map((info) => info.code));
    expect(study!.codes).toHaveLength(12);
    for (const [code, questions] of study!.discussion) expect(questions.length, code).toBeGreaterThanOrEqual(3);
  });

  it('gives every question facilitator notes: what to listen for, a model answer with its place in the study, misreadings', () => {
    const missing = [...study!.discussion].flatMap(([code, questions]) =>
      questions
        .filter((question) => !question.facilitator || question.facilitator.misreadings.length === 0 || !/Results|Discussion|Conclusion|Appendix/.test(question.facilitator.source))
        .map((question) => `${code}: ${question.text}`),
    );
    expect(missing).toEqual([]);
  });

  it('grounds the questions of every code that has excerpts in at least one of them', () => {
    for (const [code, questions] of study!.discussion) {
      const own = new Set(study!.excerptsByCode.get(code)!.map((excerpt) => excerpt.id));
      if (own.size === 0) continue;
      expect(
        questions.some((question) => question.excerpts.some((id) => own.has(id))),
        code,
      ).toBe(true);
    }
  });
});

describe('a study folder without discussion.json', () => {
  it('loads silently with no questions', async () => {
    const { study, files } = await loadStudy(baseStudy);
    expect(formatReport(files, baseStudy)).toBe('✔ 12 files checked, no problems');
    expect([...study!.discussion.values()].every((questions) => questions.length === 0)).toBe(true);
  });
});

describe('broken references in discussion.json', () => {
  it('reports an unknown excerpt at its line and column, with a suggestion', async () => {
    copy = await copyContent();
    await copy.edit('discussion.json', '"excerpts": [\n            "plodding-along"', '"excerpts": [\n            "plodding-alng"');
    const { study, files } = await loadStudy(copy.dir);
    expect(study).toBeUndefined();
    const report = formatReport(files, copy.dir);
    expect(report).toMatch(/^discussion\.json:\d+:13 {2}error {2}Unknown excerpt "plodding-alng": there is no excerpts\/plodding-alng\.json {2}\[unknown-excerpt\]$/m);
    expect(report).toContain('fix: Did you mean "plodding-along"?');
  });

  it('reports an unknown code and warns about the code left without questions', async () => {
    copy = await copyContent();
    await copy.edit('discussion.json', '"code": "1.3"', '"code": "1.9"');
    const { files } = await loadStudy(copy.dir);
    const report = formatReport(files, copy.dir);
    expect(report).toMatch(/^discussion\.json:\d+:\d+ {2}error {2}Unknown code "1\.9": it is not in codebook\.json {2}\[unknown-code\]$/m);
    expect(report).toMatch(/warning {2}No discussion questions for 1\.3 Power {2}\[missing-discussion\]/);
  });
});
