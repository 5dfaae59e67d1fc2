/**
 * After an import renumbers or removes codes, everything else in the study folder that
 * names a code by number must not silently come to name another code. Excerpts the import
 * does not contain, discussion topics, and teaching and chapter references follow a
 * renumbered code; a reference to a removed code is a located error, found before anything
 * is written. History editions are records and stay as they were.
 */
import { readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import type { CodeInfo } from '../study/model.ts';
import type { Excerpt } from '../study/schemas/index.ts';
import { codeReferences, excerptCodePlace, followRenumbering, where } from './code-references.ts';
import type { Place } from './qda/text-bytes.ts';

export interface FollowProblem {
  path: string;
  place: Place | undefined;
  reason: string;
  fix: string;
}

export interface FollowResult {
  /** Excerpts outside the import, recoded to the new numbers. */
  excerpts: Excerpt[];
  /** Other files rewritten so their references follow. */
  files: { path: string; text: string }[];
  problems: FollowProblem[];
  /** What followed, one line each (`file:line:column 1.2 → 2.3`). */
  followed: string[];
  /** History editions naming a changed code, which stay as recorded. */
  history: string[];
}

export async function followCodes(dir: string, kept: readonly Excerpt[], renumbered: ReadonlyMap<string, string>, removed: readonly CodeInfo[]): Promise<FollowResult> {
  const result: FollowResult = { excerpts: [], files: [], problems: [], followed: [], history: [] };
  if (renumbered.size === 0 && removed.length === 0) return result;
  const gone = new Map(removed.map((info) => [info.code, info]));
  const describe = (code: string) => `${code} "${gone.get(code)!.name}"`;
  for (const excerpt of kept) {
    const lost = excerpt.codes.filter((code) => gone.has(code));
    const path = join(dir, 'excerpts', `${excerpt.id}.json`);
    if (lost.length > 0) {
      const text = await readFile(path, 'utf8').catch(() => '');
      for (const code of lost) {
        result.problems.push({
          path,
          place: excerptCodePlace(text, code),
          reason: `Excerpt "${excerpt.id}", which the import does not contain, is coded ${describe(code)}, a code the import removes; kept as it is, it would name whatever code takes that number`,
          fix: 'Code the excerpt in the QDA project too (or keep the code there), or pass --prune to delete the excerpts the import does not contain.',
        });
      }
      continue;
    }
    const codes = excerpt.codes.map((code) => renumbered.get(code) ?? code);
    if (codes.some((code, index) => code !== excerpt.codes[index])) {
      result.excerpts.push({ ...excerpt, codes });
      result.followed.push(`${relative(dir, path)}: codes ${excerpt.codes.join(', ')} → ${codes.join(', ')}`);
    }
  }
  for (const file of await codeReferences(dir)) {
    for (const reference of file.references) {
      if (!reference.follows) {
        if (renumbered.has(reference.code) || gone.has(reference.code)) result.history.push(`${where(reference, dir)} names ${reference.code}, kept as recorded`);
        continue;
      }
      if (gone.has(reference.code)) {
        result.problems.push({
          path: file.path,
          place: reference.place,
          reason: `${reference.what} names ${describe(reference.code)}, a code the import removes`,
          fix: 'Point it at another code, or keep the code in the QDA project.',
        });
      } else if (renumbered.has(reference.code)) {
        result.followed.push(`${where(reference, dir)}: ${reference.what} ${reference.code} → ${renumbered.get(reference.code)}`);
      }
    }
    const text = followRenumbering(file, renumbered);
    if (text !== file.text) result.files.push({ path: file.path, text });
  }
  return result;
}
