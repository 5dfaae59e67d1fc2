import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatReport } from '../../src/study/diagnostics.ts';
import { loadStudy, studyDir } from '../../src/study/load.ts';
import { baseStudy } from '../helpers/fixture-study.ts';

describe('loadStudy on a valid study', async () => {
  const { study, files } = await loadStudy(baseStudy);

  it('reports no problems and returns the study', () => {
    expect(formatReport(files, baseStudy)).toBe('✔ 12 files checked, no problems');
    expect(study).toBeDefined();
  });

  it('orders codes as a process: each theme, then its subthemes', () => {
    expect(study!.codes.map((info) => `${info.code}:${info.kind}:${info.leaf}`)).toEqual(['1.0:theme:false', '1.1:subtheme:true', '1.2:subtheme:true', '2.0:theme:true']);
    expect(study!.codeIndex.get('1.0')!.leaves).toEqual(['1.1', '1.2']);
  });

  it('indexes excerpts by code, a theme collecting its subthemes once each', () => {
    const ids = (code: string) => study!.excerptsByCode.get(code)!.map((excerpt) => excerpt.id);
    expect(ids('1.1')).toEqual(['oars-first', 'steady']);
    expect(ids('1.2')).toEqual(['cold-water', 'steady']);
    expect(ids('1.0')).toEqual(['oars-first', 'cold-water', 'steady']);
    expect(ids('2.0')).toEqual(['cold-water', 'felt-good']);
  });

  it('indexes excerpts by session with null for unplaced ones', () => {
    expect(study!.sessionKeys).toEqual([1, 2, null]);
    const ids = (key: number | null) => study!.excerptsBySession.get(key)!.map((excerpt) => excerpt.id);
    expect(ids(1)).toEqual(['oars-first']);
    expect(ids(2)).toEqual(['cold-water', 'steady']);
    expect(ids(null)).toEqual(['felt-good']);
  });

  it('counts code × session', () => {
    const row = (code: string) => [...study!.matrix.get(code)!.values()];
    expect(row('1.0')).toEqual([1, 2, 0]);
    expect(row('1.2')).toEqual([0, 2, 0]);
    expect(row('2.0')).toEqual([0, 1, 1]);
  });

  it('counts co-occurring leaf codes', () => {
    expect(Object.fromEntries(study!.cooccurrence)).toEqual({ '1.2|2.0': 1, '1.1|1.2': 1 });
  });

  it('keeps durations as printed and in seconds', () => {
    const durations = study!.sessionIndex.get(1)!.durations!;
    expect(durations['treatment']).toEqual({ text: '40:30', seconds: 2430 });
    expect(durations['total']!.seconds).toBe(3000);
  });
});

describe('studyDir', () => {
  it('uses STUDY_DIR when set and content/ otherwise', () => {
    expect(studyDir({ STUDY_DIR: '/tmp/x' })).toBe('/tmp/x');
    expect(studyDir({})).toMatch(/\/content$/);
  });
});

describe('a source whose texts nobody speaks', () => {
  it('takes lines without a speaker, where talk must name one', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'casebook-speakerless-'));
    try {
      await cp(baseStudy, dir, { recursive: true });
      const excerptPath = join(dir, 'excerpts', 'steady.json');
      const excerpt = JSON.parse(await readFile(excerptPath, 'utf8'));
      await writeFile(excerptPath, JSON.stringify({ ...excerpt, lines: [{ kind: 'turn', text: 'A comment left under the video.' }] }));
      const talk = await loadStudy(dir);
      expect(formatReport(talk.files, dir)).toContain('A turn without "speaker" continues the previous speaker, but no speaker comes before it');
      const metaPath = join(dir, 'study.json');
      const meta = JSON.parse(await readFile(metaPath, 'utf8'));
      meta.sources = meta.sources.map((source: { id: string }) => (source.id === excerpt.source ? { ...source, speakers: false } : source));
      await writeFile(metaPath, JSON.stringify(meta));
      const written = await loadStudy(dir);
      expect(formatReport(written.files, dir)).toMatch(/no problems/);
      expect(written.study!.excerptIndex.get('steady')!.lines).toEqual([{ kind: 'turn', text: 'A comment left under the video.' }]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
