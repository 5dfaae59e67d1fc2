/**
 * The search filters an excerpt page declares to Pagefind, and how the search page names
 * them. One list, so the page that indexes a filter and the page that offers it agree.
 */
import type { StudyMeta } from '../study/schemas/index.ts';
import { capitalise, unitParam } from '../study/words.ts';

export type SearchFilterKind = 'speaker' | 'code' | 'unit' | 'source';

export interface SearchFilter {
  kind: SearchFilterKind;
  /** Pagefind's filter name, which the search page also writes into its address (`?interview=…`). */
  name: string;
  label: string;
}

/** The filters in the order the search page offers them; the unit filter is named and labelled in the study's word. */
export function searchFilters(meta: Pick<StudyMeta, 'vocabulary'>): SearchFilter[] {
  return [
    { kind: 'speaker', name: 'speaker', label: 'Speaker' },
    { kind: 'code', name: 'code', label: 'Theme or subtheme' },
    { kind: 'unit', name: unitParam(meta), label: capitalise(meta.vocabulary.unit.singular) },
    { kind: 'source', name: 'source', label: 'Source' },
  ];
}

/** Each filter's label by its Pagefind name, for the search page. */
export function searchFilterLabels(meta: Pick<StudyMeta, 'vocabulary'>): Record<string, string> {
  return Object.fromEntries(searchFilters(meta).map((filter) => [filter.name, filter.label]));
}
