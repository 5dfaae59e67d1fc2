/**
 * Recognises study files written for Casebook before the study-neutral format (December
 * 2026), so the researcher is told to convert the folder instead of reading a screenful
 * of missing and unknown fields.
 */
import { report } from './diagnostics.ts';
import { placeOf, type JsonSource } from './json-source.ts';
import type { ContentKindName } from './schemas/index.ts';

const FIX =
  'Convert the folder with `npm run migrate -- <folder>` (it rewrites study.json and sessions/ in place; commit or copy the folder first), then run npm run check. docs/data-format.md describes the current format.';

/** The old-format key a file still has, if any. */
function legacyKey(kind: ContentKindName, value: unknown): string | undefined {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
  const object = value as Record<string, unknown>;
  if (kind === 'study')
    return ['journal', 'durationNotes'].find((key) => key in object) ?? (!('vocabulary' in object) && !('publication' in object) && 'participants' in object ? 'participants' : undefined);
  if (kind === 'sessions') return 'sequence' in object ? 'sequence' : undefined;
  return undefined;
}

/** Reports a file in the old format once, at its first old key; true when it did. */
export function reportLegacy(kind: ContentKindName, source: JsonSource): boolean {
  const key = legacyKey(kind, source.value);
  if (key === undefined) return false;
  report(source.file, {
    reason: `This file is in the format of Casebook before December 2026 (it has "${key}"${key === 'participants' ? ' but no "vocabulary" or "publication"' : ''})`,
    rule: 'old-format',
    severity: 'error',
    place: placeOf(source, key === 'participants' ? [] : [key]),
    fix: FIX,
  });
  return true;
}
