/** How pages name a study's units: its own title for a unit, its own word where a unit is not stated. */
import type { SessionKey, Study } from '../study/index.ts';
import { capitalise } from '../study/words.ts';

/** A unit's title ("Interview 3"), or "<Unit> not stated" for excerpts the study does not place. */
export function unitLabel(study: Study, key: SessionKey): string {
  const word = capitalise(study.meta.vocabulary.unit.singular);
  if (key === null) return `${word} not stated`;
  return study.sessionIndex.get(key)?.title ?? `${word} ${key}`;
}
