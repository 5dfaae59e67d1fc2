/**
 * Loads a study folder: reads every content file, validates each against its schema,
 * cross-checks them, and builds the indexed Study. Every problem in every file is
 * collected before anything is returned, so the researcher sees them all at once.
 */
import { stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { VFile } from 'vfile';
import { mapLimited } from './concurrency.ts';
import { countProblems, report } from './diagnostics.ts';
import { crossCheck, type Loaded, type LoadedContent } from './crossref.ts';
import { parseJsonSource } from './json-source.ts';
import { buildStudy, type Study, type ValidatedContent } from './model.ts';
import { contentKinds, type ContentKindName, type Excerpt } from './schemas/index.ts';
import { validateSource } from './validate.ts';
import { checkTranscripts } from './transcripts.ts';
import { reportLegacy } from './legacy.ts';
import { checkReporting } from './reporting.ts';
import { folderNames, readStudyFile, refuseOutside, reportUnreadable, type StudyOverlay } from './read.ts';
import { checkIdentifiers, type IdentifierStatus } from './deidentify.ts';
import type { z } from 'zod';

export interface LoadResult {
  /** The study, present only when no file has an error. */
  study: Study | undefined;
  /** What the study is built from, present with it: plain data, as Astro's content store keeps it. */
  content?: ValidatedContent;
  /** Every file read (and placeholders for missing ones), carrying its diagnostics. */
  files: VFile[];
  /** Whether the private identifiers list was found and searched for (see deidentify.ts). */
  identifiers?: IdentifierStatus;
}

/** The study folder: `STUDY_DIR` when set, else `content/` in the working directory. */
export function studyDir(env: NodeJS.ProcessEnv = process.env): string {
  return resolve(env.STUDY_DIR ?? 'content');
}

/** `overlay`: files an import proposes, checked in place of the disk's (see read.ts). */
export async function loadStudy(dir = studyDir(), overlay?: StudyOverlay): Promise<LoadResult> {
  const files: VFile[] = [];
  const root = resolve(dir);
  const rootStat = await stat(root).catch(() => undefined);
  if (!rootStat?.isDirectory()) {
    const file = new VFile({ path: root });
    report(file, {
      reason: `Study folder not found: ${root}`,
      rule: 'missing-folder',
      severity: 'error',
      place: undefined,
      fix: 'Set STUDY_DIR to a folder containing study.json, codebook.json, sessions/ and excerpts/ (see README).',
    });
    return { study: undefined, files: [file] };
  }

  async function loadOne<K extends ContentKindName>(kind: K, path: string): Promise<Loaded<z.output<(typeof contentKinds)[K]['schema']>> | undefined> {
    const file = await readContentFile(root, path, overlay);
    files.push(file);
    if (file.value === undefined) return undefined;
    const source = parseJsonSource(file);
    if (!source || reportLegacy(kind, source)) return undefined;
    const data = validateSource(source, contentKinds[kind].schema as z.ZodType) as z.output<(typeof contentKinds)[K]['schema']> | undefined;
    return data === undefined ? undefined : { source, data };
  }

  async function loadFile<K extends ContentKindName>(kind: K) {
    const { location } = contentKinds[kind];
    if (!('file' in location)) return undefined;
    const path = join(root, location.file);
    if ('optional' in contentKinds[kind] && !overlay?.texts.has(path) && !(await stat(path).catch(() => undefined))) return undefined;
    return loadOne(kind, path);
  }

  async function loadFolder<K extends ContentKindName>(kind: K) {
    const location = contentKinds[kind].location;
    if (!('folder' in location)) return [];
    const folder = join(root, location.folder);
    const outside = await refuseOutside(root, folder);
    if (outside) {
      files.push(outside);
      return [];
    }
    const names = await folderNames(folder, overlay);
    if (!names && 'optional' in contentKinds[kind]) return [];
    if (!names) {
      const file = new VFile({ path: folder });
      report(file, { reason: `Missing folder ${location.folder}/`, rule: 'missing-file', severity: 'error', place: undefined, fix: `Create ${location.folder}/ with one JSON file per record.` });
      files.push(file);
      return [];
    }
    const jsonNames = names.filter((name) => name.endsWith('.json')).sort(naturalOrder);
    const loaded = await mapLimited(jsonNames, 64, (name) => loadOne(kind, join(folder, name)));
    return loaded.filter((entry) => entry !== undefined);
  }

  const [meta, codebook, questionnaires, references, glossary, procedure, discussion, sessions, excerpts, editions, reporting] = await Promise.all([
    loadFile('study'),
    loadFile('codebook'),
    loadFile('questionnaires'),
    loadFile('references'),
    loadFile('glossary'),
    loadFile('procedure'),
    loadFile('discussion'),
    loadFolder('sessions'),
    loadFolder('excerpts'),
    loadFolder('editions'),
    loadFile('reporting'),
  ]);

  const invalidSessions = new Set(files.filter((file) => file.dirname === join(root, 'sessions') && !sessions.some((entry) => entry.source.file === file)).map((file) => Number(file.stem)));
  const loaded: LoadedContent = { meta, codebook, sessions, excerpts, questionnaires, references, glossary, discussion, editions, invalidSessions };
  crossCheck(loaded);
  checkReporting(reporting);
  if (meta) checkTranscripts(excerpts, meta.data);
  const identifiers = await checkIdentifiers(root, files, overlay);

  files.sort((a, b) => naturalOrder(a.path, b.path));
  if (countProblems(files).errors > 0 || !meta || !codebook) {
    return { study: undefined, files, identifiers };
  }
  const content: ValidatedContent = {
    dir: root,
    meta: meta.data,
    codebook: codebook.data,
    sessions: sessions.map((entry) => entry.data),
    excerpts: excerpts.map((entry) => entry.data).sort(excerptOrder),
    questionnaires: questionnaires?.data,
    references: references?.data.references ?? [],
    glossary: glossary?.data.terms ?? [],
    procedure: procedure?.data,
    reporting: reporting?.data,
    discussion: discussion?.data.topics ?? [],
    editions: editions.map((entry) => entry.data),
  };
  return { study: buildStudy(content), content, files, identifiers };
}

async function readContentFile(root: string, path: string, overlay: StudyOverlay | undefined): Promise<VFile> {
  return readStudyFile(
    root,
    path,
    (file, code) => {
      if (code !== 'ENOENT') return reportUnreadable(file, code);
      report(file, { reason: 'Missing file', rule: 'missing-file', severity: 'error', place: undefined, fix: 'Create it (every study folder needs it; see README and public/schemas/).' });
    },
    overlay,
  );
}

/** The order readers meet excerpts in the publication; excerpts it does not quote follow, by id. */
function excerptOrder(a: Excerpt, b: Excerpt): number {
  const orderA = a.article?.order ?? Infinity;
  const orderB = b.article?.order ?? Infinity;
  return orderA === orderB ? naturalOrder(a.id, b.id) : orderA - orderB;
}

const collator = new Intl.Collator('en', { numeric: true });
function naturalOrder(a: string, b: string): number {
  return collator.compare(a, b);
}
