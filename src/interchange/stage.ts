/**
 * Imports never write a content folder they have not validated. New content is written
 * into a temporary copy of the study folder, which the loader checks exactly as
 * `npm run check` would; every problem in a new file is reported back where its value
 * came from (a spreadsheet cell, a QDA code or selection). Only when nothing is wrong are
 * the files written, each to a temporary name and then renamed, so a reader of the folder
 * never sees a half-written file.
 */
import { isDeepStrictEqual } from 'node:util';
import { cp, mkdtemp, readdir, readFile, rename, rm, stat, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join, relative, resolve } from 'node:path';
import { getLocation } from 'jsonc-parser';
import type { VFile } from 'vfile';
import { countProblems, report, severityOf } from '../study/diagnostics.ts';
import type { JsonPath } from '../study/json-source.ts';
import { loadStudy } from '../study/load.ts';
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
  /** Excerpt records as they would be written (not yet validated). */
  excerpts: { record: Record<string, unknown>; origin: Origin }[];
  /** A replacement codebook, if the import carries one. */
  codebook?: { record: Record<string, unknown>; origin: Origin } | undefined;
  /** Remove excerpt files that the import does not contain. */
  prune: boolean;
  /** Other files of the folder rewritten by the import (references following renumbered codes), by absolute path. */
  files?: { path: string; text: string }[] | undefined;
}

export interface Change {
  kind: 'write' | 'delete';
  path: string;
  text?: string;
}

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
  // A study folder that is not there (STUDY_DIR mistyped) is the loader's located message, not a failed copy.
  if (!(await stat(dir).catch(() => undefined))?.isDirectory()) return { files: (await loadStudy(dir)).files, study: undefined, changes: [], kept: [] };
  const staging = await mkdtemp(join(tmpdir(), 'casebook-import-'));
  try {
    await cp(dir, staging, { recursive: true, filter: (source) => !isInside(source, join(dir, 'excerpts')) || source === join(dir, 'excerpts') });
    const existing = await excerptFiles(dir);
    const proposedIds = new Set<string>();
    const staged = new Map<string, { origin: Origin; placeholder: boolean; id: string }>();
    const duplicates: { origin: Origin }[] = [];
    for (const [index, { record, origin }] of proposal.excerpts.entries()) {
      const id = typeof record.id === 'string' ? record.id : '';
      if (proposedIds.has(id) && id !== '') {
        const { place, detail } = origin.locate(['id']);
        report(origin.file, { reason: `Duplicate excerpt id "${id}"${detail}: another ${itemWord(origin)} already uses it`, rule: 'duplicate-id', severity: 'error', place, fix: 'Give each excerpt its own id.' });
        duplicates.push({ origin });
        continue;
      }
      proposedIds.add(id);
      const placeholder = !SlugSchema.safeParse(id).success;
      const name = placeholder ? `invalid-id-${index + 1}.json` : `${id}.json`;
      await writeFile(join(staging, 'excerpts', name), jsonText(record));
      staged.set(join(staging, 'excerpts', name), { origin, placeholder, id });
    }
    const kept: string[] = [];
    const pruned = new Set<string>();
    for (const name of existing) {
      const id = name.replace(/\.json$/, '');
      if (proposedIds.has(id)) continue;
      if (proposal.prune) {
        pruned.add(id);
        continue;
      }
      kept.push(id);
      await cp(join(dir, 'excerpts', name), join(staging, 'excerpts', name));
    }
    if (proposal.codebook) await writeFile(join(staging, 'codebook.json'), jsonText(proposal.codebook.record));
    for (const file of proposal.files ?? []) await writeFile(join(staging, relative(dir, file.path)), file.text);

    const { study, files: studyFiles } = await loadStudy(staging);
    // Prose cites excerpts and codes by id: a pruned excerpt or a removed code must not leave a chapter pointing at nothing.
    const proseFiles = study ? (await checkProse(staging, proseTargets(study, await teachingIds(staging)))).filter((file) => file.messages.length > 0) : [];
    const stagedFiles = [...studyFiles, ...proseFiles];
    const origins = [...new Set([...proposal.excerpts.map((entry) => entry.origin.file), ...(proposal.codebook ? [proposal.codebook.origin.file] : [])])];
    const others: VFile[] = [];
    for (const file of stagedFiles) {
      const path = file.path;
      const proposed = staged.get(path) ?? (proposal.codebook && path === join(staging, 'codebook.json') ? { origin: proposal.codebook.origin, placeholder: false, id: '' } : undefined);
      if (proposed) {
        for (const message of file.messages) {
          if (proposed.placeholder && message.ruleId === 'id-file-mismatch') continue;
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
        file.path = join(dir, relative(staging, path));
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
    const files = [...origins, ...others];
    if (countProblems(files).errors > 0 || !study) return { files, study: undefined, changes: [], kept };
    const changes = await plannedChanges(dir, study, proposal, proposedIds, existing);
    return { files, study, changes, kept };
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}

function itemWord(origin: Origin): string {
  return origin.file.extname === '.csv' ? 'row' : 'source';
}

function isInside(path: string, folder: string): boolean {
  const rel = relative(folder, path);
  return rel === '' || (!rel.startsWith('..') && !rel.startsWith('/'));
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
  const siblingRef = await commonSchemaRef(dir, existing);
  for (const id of proposedIds) {
    const excerpt = study.excerptIndex.get(id)!;
    const path = join(dir, 'excerpts', `${id}.json`);
    const before = await readExisting(path);
    const previous = before ? ExcerptSchema.safeParse(before.json) : undefined;
    if (previous?.success && isDeepStrictEqual(withoutSchemaRef(previous.data), withoutSchemaRef(excerpt))) continue;
    const schemaRef = typeof before?.json.$schema === 'string' ? before.json.$schema : siblingRef;
    changes.push({ kind: 'write', path, text: jsonText(excerptRecord(excerpt, schemaRef)) });
  }
  if (proposal.prune) {
    for (const name of existing) if (!proposedIds.has(name.replace(/\.json$/, ''))) changes.push({ kind: 'delete', path: join(dir, 'excerpts', name) });
  }
  for (const file of proposal.files ?? []) {
    const before = await readFile(file.path, 'utf8').catch(() => undefined);
    if (before !== file.text) changes.push({ kind: 'write', path: file.path, text: file.text });
  }
  if (proposal.codebook) {
    const path = join(dir, 'codebook.json');
    const before = await readExisting(path);
    const previous = before ? CodebookSchema.safeParse(before.json) : undefined;
    const codebook = { themes: study.themes };
    if (!(previous?.success && isDeepStrictEqual(withoutSchemaRef(previous.data), codebook))) {
      const schemaRef = typeof before?.json.$schema === 'string' ? before.json.$schema : defaultSchemaRefs.codebook;
      changes.push({ kind: 'write', path, text: jsonText(codebookRecord(codebook, schemaRef)) });
    }
  }
  return changes;
}

/** The "$schema" most excerpt files of the folder use, for new files. */
async function commonSchemaRef(dir: string, names: string[]): Promise<string> {
  const counts = new Map<string, number>();
  for (const name of names) {
    const ref = (await readExisting(join(dir, 'excerpts', name)))?.json.$schema;
    if (typeof ref === 'string') counts.set(ref, (counts.get(ref) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? defaultSchemaRefs.excerpt;
}

/** Writes every change to a temporary file first, then renames them into place and deletes what goes. */
export async function applyChanges(changes: readonly Change[]): Promise<void> {
  const suffix = `.import-${process.pid}-${Date.now()}.tmp`;
  const writes = changes.filter((change) => change.kind === 'write');
  try {
    for (const change of writes) await writeFile(change.path + suffix, change.text ?? '');
  } catch (error) {
    await Promise.all(writes.map((change) => rm(change.path + suffix, { force: true })));
    throw error;
  }
  for (const change of writes) await rename(change.path + suffix, change.path);
  for (const change of changes) if (change.kind === 'delete') await unlink(change.path);
}

/** One line per change, paths relative to the working directory. */
export function describeChanges(changes: readonly Change[], kept: readonly string[], cwd = process.cwd()): string {
  const lines = changes.map((change) => `${change.kind === 'write' ? 'wrote  ' : 'deleted'} ${relative(cwd, change.path) || basename(change.path)}`);
  if (changes.length === 0) lines.push('no content file changed');
  if (kept.length > 0) lines.push(`kept ${kept.length} excerpt file${kept.length === 1 ? '' : 's'} the import does not contain (${kept.join(', ')}); pass --prune to delete them`);
  return lines.join('\n');
}

