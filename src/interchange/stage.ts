/**
 * Imports never write a content folder they have not validated. New content is checked
 * in memory in place of the study folder's files (the loader's overlay, which reads them
 * exactly as `npm run check` reads files); every problem in a new file is reported back
 * where its value came from (a spreadsheet cell, a QDA code or selection). Only when
 * nothing is wrong are the files written, each to a temporary name and then renamed, so a
 * reader of the folder never sees a half-written file.
 */
import { isDeepStrictEqual } from 'node:util';
import { renameSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, join, relative, resolve } from 'node:path';
import { getLocation } from 'jsonc-parser';
import type { VFile } from 'vfile';
import { countProblems, report, severityOf } from '../study/diagnostics.ts';
import type { JsonPath } from '../study/json-source.ts';
import { loadStudy } from '../study/load.ts';
import type { StudyOverlay } from '../study/read.ts';
import { mapLimited } from '../study/concurrency.ts';
import { checkProse, proseTargets, teachingIds } from '../study/prose/check.ts';
import type { Study } from '../study/model.ts';
import { CodebookSchema, ExcerptSchema, SlugSchema } from '../study/schemas/index.ts';
import { codebookRecord, defaultSchemaRefs, excerptRecord, jsonText, withoutSchemaRef } from './content-files.ts';

/** Where a proposed record came from, so problems in it are reported there. */
export interface Origin {
  file: VFile;
  /** The place (if the source has lines and columns) and a phrase naming the item, for a path in the record. */
  locate(path: JsonPath): { place?: { line: number; column: number } | undefined; detail: string };
}

export interface Proposal {
  /** The study folder to change. */
  dir: string;
  /**
   * Excerpt records as they would be written (not yet validated). The array is emptied
   * once each record has become its file's text, so an import of 100,000 rows does not
   * hold every record twice while the study is checked.
   */
  excerpts: { record: Record<string, unknown>; origin: Origin }[];
  /** A replacement codebook, if the import carries one. */
  codebook?: { record: Record<string, unknown>; origin: Origin } | undefined;
  /** Remove excerpt files that the import does not contain. */
  prune: boolean;
  /** Other files of the folder rewritten by the import (references following renumbered codes), by absolute path. */
  files?: { path: string; text: string }[] | undefined;
}

/**
 * A file to write or delete. A written file's text is made only when it is written (and
 * let go right after): holding 100,000 excerpt texts until the last was written was some
 * hundreds of megabytes.
 */
export type Change = { kind: 'write'; path: string; text: () => string } | { kind: 'delete'; path: string };

export interface StageResult {
  /** The import's own files (with the problems found in what they propose) and the study's other files. */
  files: VFile[];
  /** The study as it would be after the import, when it is valid. */
  study: Study | undefined;
  /** What writing would change: only files whose data differ. Empty when invalid. */
  changes: Change[];
  /** Excerpt files kept because the import does not contain them and pruning is off. */
  kept: string[];
}

export async function stageAndValidate(proposal: Proposal): Promise<StageResult> {
  const dir = resolve(proposal.dir);
  // A study folder that is not there (STUDY_DIR mistyped) is the loader's located message.
  if (!(await stat(dir).catch(() => undefined))?.isDirectory()) return { files: (await loadStudy(dir)).files, study: undefined, changes: [], kept: [] };
  // The proposed files are checked in memory, in place of the folder's (an overlay): staging
  // them on disk meant writing, reading back and deleting every file once more, which for a
  // sheet of 100,000 rows was most of the import's time.
  const excerptsDir = join(dir, 'excerpts');
  const existing = await excerptFiles(dir);
  const texts = new Map<string, string>();
  const proposedIds = new Set<string>();
  const staged = new Map<string, { origin: Origin; placeholder: boolean; id: string }>();
  for (const [index, { record, origin }] of proposal.excerpts.entries()) {
    const id = typeof record.id === 'string' ? record.id : '';
    if (proposedIds.has(id) && id !== '') {
      const { place, detail } = origin.locate(['id']);
      report(origin.file, {
        reason: `Duplicate excerpt id "${id}"${detail}: another ${itemWord(origin)} already uses it`,
        rule: 'duplicate-id',
        severity: 'error',
        place,
        fix: 'Give each excerpt its own id.',
      });
      continue;
    }
    proposedIds.add(id);
    const placeholder = !SlugSchema.safeParse(id).success;
    const path = join(excerptsDir, placeholder ? `invalid-id-${index + 1}.json` : `${id}.json`);
    texts.set(path, jsonText(record));
    staged.set(path, { origin, placeholder, id });
  }
  const origins = [...new Set([...proposal.excerpts.map((entry) => entry.origin.file), ...(proposal.codebook ? [proposal.codebook.origin.file] : [])])];
  proposal.excerpts.length = 0;
  const kept: string[] = [];
  const pruned = new Set<string>();
  const listing = [...staged.keys()].map((path) => basename(path));
  for (const name of existing) {
    const id = name.replace(/\.json$/, '');
    if (proposedIds.has(id)) continue;
    if (proposal.prune) {
      pruned.add(id);
      continue;
    }
    kept.push(id);
    listing.push(name);
  }
  if (proposal.codebook) texts.set(join(dir, 'codebook.json'), jsonText(proposal.codebook.record));
  for (const file of proposal.files ?? []) texts.set(resolve(file.path), file.text);
  const overlay: StudyOverlay = { texts, folders: new Map([[excerptsDir, listing]]) };

  const { study, files: studyFiles } = await loadStudy(dir, overlay);
  // Prose cites excerpts and codes by id: a pruned excerpt or a removed code must not leave a chapter pointing at nothing.
  const proseFiles = study ? (await checkProse(dir, proseTargets(study, await teachingIds(dir)), overlay)).filter((file) => file.messages.length > 0) : [];
  const stagedFiles = [...studyFiles, ...proseFiles];
  const others: VFile[] = [];
  const listedCounts = new Map<VFile, number>();
  const unlisted = new Map<VFile, Map<string, { count: number; error: boolean }>>();
  for (const file of stagedFiles) {
    const path = file.path;
    const proposed = staged.get(path) ?? (proposal.codebook && path === join(dir, 'codebook.json') ? { origin: proposal.codebook.origin, placeholder: false, id: '' } : undefined);
    if (proposed) {
      for (const message of file.messages) {
        if (proposed.placeholder && message.ruleId === 'id-file-mismatch') continue;
        const origin = proposed.origin.file;
        const listed = listedCounts.get(origin) ?? 0;
        if (listed >= listedProblems) {
          const tally = unlisted.get(origin) ?? new Map<string, { count: number; error: boolean }>();
          unlisted.set(origin, tally);
          const rule = message.ruleId ?? 'unknown';
          const entry = tally.get(rule) ?? { count: 0, error: false };
          tally.set(rule, { count: entry.count + 1, error: entry.error || severityOf(message) === 'error' });
          continue;
        }
        listedCounts.set(origin, listed + 1);
        const { place, detail } = proposed.origin.locate(pathAt(String(file.value ?? ''), message.line, message.column));
        report(proposed.origin.file, {
          reason: `${message.reason}${detail}`,
          rule: message.ruleId ?? 'unknown',
          severity: severityOf(message),
          place,
          fix: message.note,
        });
      }
    } else {
      // A citation of an excerpt --prune deletes is the import's doing, not a typo in the prose: say so.
      for (const message of file.messages) {
        if (message.ruleId !== 'unknown-excerpt' || typeof message.actual !== 'string' || !pruned.has(message.actual)) continue;
        message.reason = `Cites excerpt "${message.actual}", which --prune would delete: the import does not contain it`;
        message.message = message.reason;
        message.note = 'Import without --prune to keep it, code it in the QDA project too, or remove the citation.';
      }
      others.push(file);
    }
  }
  for (const [origin, tally] of unlisted) {
    const total = [...tally.values()].reduce((sum, entry) => sum + entry.count, 0);
    const byRule = [...tally].sort((a, b) => b[1].count - a[1].count).map(([rule, entry]) => `${rule} ×${entry.count.toLocaleString('en')}`);
    report(origin, {
      reason: `${total.toLocaleString('en')} more problem${total === 1 ? '' : 's'} not listed (${byRule.join(', ')}): only the first ${listedProblems} are listed`,
      rule: 'more-problems',
      severity: [...tally.values()].some((entry) => entry.error) ? 'error' : 'warning',
      place: undefined,
      fix: `Correct the ${listedProblems} problems listed (when every row is wrong, one cause, such as a column filled in another way, is usual) and import again to see any that remain.`,
    });
  }
  // The proposed texts, and the files read from them, have given their messages: let them go
  // before the files to write are made (for 100,000 rows, some hundreds of megabytes).
  texts.clear();
  staged.clear();
  studyFiles.length = 0;
  stagedFiles.length = 0;
  const files = [...origins, ...others];
  if (countProblems(files).errors > 0 || !study) return { files, study: undefined, changes: [], kept };
  const changes = await plannedChanges(dir, study, proposal, proposedIds, existing);
  return { files, study, changes, kept };
}

/**
 * Problems listed for each file an import comes from; past that they are counted by rule
 * in one message, so a sheet wrong in every one of 100,000 rows says so in a screenful
 * rather than in 175,000 messages (350,000 lines of output).
 */
const listedProblems = 200;

function itemWord(origin: Origin): string {
  return origin.file.extname === '.csv' ? 'row' : 'source';
}

async function excerptFiles(dir: string): Promise<string[]> {
  const names = await readdir(join(dir, 'excerpts')).catch(() => []);
  return names.filter((name) => name.endsWith('.json')).sort();
}

/** The JSON path of the value at a 1-based line and column of a staged file's text. */
function pathAt(text: string, line: number | undefined, column: number | undefined): JsonPath {
  if (line === undefined) return [];
  let offset = 0;
  for (let current = 1; current < line; current += 1) offset = text.indexOf('\n', offset) + 1;
  return getLocation(text, offset + (column ?? 1) - 1).path.filter((segment) => segment !== '');
}

async function readExisting(path: string): Promise<{ text: string; json: Record<string, unknown> } | undefined> {
  try {
    const text = await readFile(path, 'utf8');
    return { text, json: JSON.parse(text) as Record<string, unknown> };
  } catch {
    return undefined;
  }
}

async function plannedChanges(dir: string, study: Study, proposal: Proposal, proposedIds: Set<string>, existing: string[]): Promise<Change[]> {
  const changes: Change[] = [];
  // Each existing excerpt file is read once, a few at a time: for its "$schema" (new files
  // take the one most of them use) and, when the import proposes it, to leave it alone if
  // its data would not change. A proposed id with no file is not looked for.
  const schemaCounts = new Map<string, number>();
  const ownRefs = new Map<string, string | undefined>();
  await mapLimited(existing, 32, async (name) => {
    const id = name.replace(/\.json$/, '');
    const before = await readExisting(join(dir, 'excerpts', name));
    const ref = before?.json.$schema;
    if (typeof ref === 'string') schemaCounts.set(ref, (schemaCounts.get(ref) ?? 0) + 1);
    if (!proposedIds.has(id)) return;
    const previous = before ? ExcerptSchema.safeParse(before.json) : undefined;
    if (previous?.success && isDeepStrictEqual(withoutSchemaRef(previous.data), withoutSchemaRef(study.excerptIndex.get(id)!))) return;
    ownRefs.set(id, typeof ref === 'string' ? ref : undefined);
  });
  const siblingRef = [...schemaCounts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? defaultSchemaRefs.excerpt;
  const existingIds = new Set(existing.map((name) => name.replace(/\.json$/, '')));
  for (const id of proposedIds) {
    if (existingIds.has(id) && !ownRefs.has(id)) continue;
    const excerpt = study.excerptIndex.get(id)!;
    const schemaRef = ownRefs.get(id) ?? siblingRef;
    changes.push({ kind: 'write', path: join(dir, 'excerpts', `${id}.json`), text: () => jsonText(excerptRecord(excerpt, schemaRef)) });
  }
  if (proposal.prune) {
    for (const name of existing) if (!proposedIds.has(name.replace(/\.json$/, ''))) changes.push({ kind: 'delete', path: join(dir, 'excerpts', name) });
  }
  for (const file of proposal.files ?? []) {
    const before = await readFile(file.path, 'utf8').catch(() => undefined);
    const { text } = file;
    if (before !== text) changes.push({ kind: 'write', path: file.path, text: () => text });
  }
  if (proposal.codebook) {
    const path = join(dir, 'codebook.json');
    const before = await readExisting(path);
    const previous = before ? CodebookSchema.safeParse(before.json) : undefined;
    const codebook = { themes: study.themes };
    if (!(previous?.success && isDeepStrictEqual(withoutSchemaRef(previous.data), codebook))) {
      const schemaRef = typeof before?.json.$schema === 'string' ? before.json.$schema : defaultSchemaRefs.codebook;
      const text = jsonText(codebookRecord(codebook, schemaRef));
      changes.push({ kind: 'write', path, text: () => text });
    }
  }
  return changes;
}

/**
 * Writes every change to a temporary file first, then renames them into place and deletes
 * what goes. One file at a time, synchronously: for 100,000 small files that is a third
 * of the processor time of keeping 32 writes in flight through the thread pool (measured:
 * 4.3 s against 11.4 s for 100,000 files of 1 KB), it never opens more than one file (no
 * EMFILE), and each text is made just before its file is written and let go after it.
 */
export async function applyChanges(changes: readonly Change[]): Promise<void> {
  const suffix = `.import-${process.pid}-${Date.now()}.tmp`;
  const written: string[] = [];
  try {
    for (const change of changes) {
      if (change.kind !== 'write') continue;
      writeFileSync(change.path + suffix, change.text());
      written.push(change.path);
    }
  } catch (error) {
    // Nothing is renamed into place unless every file was written: the temporary files go.
    for (const path of written) rmSync(path + suffix, { force: true });
    throw error;
  }
  for (const path of written) renameSync(path + suffix, path);
  for (const change of changes) if (change.kind === 'delete') unlinkSync(change.path);
}

/** One line per change, paths relative to the working directory. */
export function describeChanges(changes: readonly Change[], kept: readonly string[], cwd = process.cwd()): string {
  const lines = changes.map((change) => `${change.kind === 'write' ? 'wrote  ' : 'deleted'} ${relative(cwd, change.path) || basename(change.path)}`);
  if (changes.length === 0) lines.push('no content file changed');
  if (kept.length > 0) lines.push(`kept ${kept.length} excerpt file${kept.length === 1 ? '' : 's'} the import does not contain (${kept.join(', ')}); pass --prune to delete them`);
  return lines.join('\n');
}
