/**
 * Studies for chart tests. `harbour()` is the fixture study (2 sessions, 4 excerpts) for
 * anything that counts excerpts. `clark()` combines the real study metadata, codebook and
 * session tables from `content/` (for geometry) with excerpts the test supplies, so the
 * tests do not move while colleagues add the real excerpts.
 */
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { loadStudy } from '../../src/study/load.ts';
import { buildStudy, type Study } from '../../src/study/model.ts';
import { CodebookSchema, ExcerptSchema, SessionSchema, StudySchema, type Excerpt, type Session } from '../../src/study/schemas/index.ts';
import { baseStudy } from '../helpers/fixture-study.ts';

export const contentDir = join(import.meta.dirname, '..', '..', 'content');

let harbourStudy: Promise<Study> | undefined;

/** The fixture study, loaded once. */
export function harbour(): Promise<Study> {
  harbourStudy ??= loadStudy(baseStudy).then(({ study }) => {
    if (!study) throw new Error('The harbour fixture study did not load');
    return study;
  });
  return harbourStudy;
}

async function readJson(path: string): Promise<unknown> {
  return JSON.parse(await readFile(path, 'utf8'));
}

/** The real sessions, parsed with their schema, in number order. */
export async function realSessions(): Promise<Session[]> {
  const names = (await readdir(join(contentDir, 'sessions'))).filter((name) => name.endsWith('.json'));
  const sessions = await Promise.all(names.map(async (name) => SessionSchema.parse(await readJson(join(contentDir, 'sessions', name)))));
  return sessions.sort((a, b) => a.number - b.number);
}

/**
 * An excerpt for placing on sessions and steps in tests: a fixture excerpt (valid under the
 * current schema) with the given fields; `step` only when given.
 */
export async function excerpt(fields: Partial<Excerpt> & Pick<Excerpt, 'id' | 'session' | 'codes'>): Promise<Excerpt> {
  const template = (await harbour()).excerpts[0]!;
  const { step: _step, ...rest } = template;
  return ExcerptSchema.parse({ ...rest, title: fields.id, ...fields });
}

/**
 * The real study's metadata, codebook and sessions with the given excerpts. `edit` may
 * change the parsed sessions in memory (e.g. a duration) before the study is built.
 */
export async function clark(excerpts: Excerpt[] = [], edit: (sessions: Session[]) => Session[] = (s) => s): Promise<Study> {
  const fixture = await harbour();
  const meta = StudySchema.parse(await readJson(join(contentDir, 'study.json')));
  const codebook = CodebookSchema.parse(await readJson(join(contentDir, 'codebook.json')));
  return buildStudy({
    dir: contentDir,
    meta,
    codebook,
    sessions: edit(await realSessions()),
    excerpts,
    questionnaires: fixture.questionnaires,
    references: fixture.references,
    glossary: fixture.glossary,
    procedure: fixture.procedure,
    // Parts of the study the charts do not read stay empty.
    discussion: [],
    editions: [],
    reporting: undefined,
  });
}
