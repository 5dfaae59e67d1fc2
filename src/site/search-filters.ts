/**
 * The search filters an excerpt page declares to Pagefind, and how the search page names
 * them. One list, so the page that indexes a filter and the page that offers it agree.
 */
export const searchFilters = [
  { name: 'speaker', label: 'Speaker' },
  { name: 'code', label: 'Theme or subtheme' },
  { name: 'session', label: 'Session' },
  { name: 'source', label: 'Source' },
] as const;

export type SearchFilterName = (typeof searchFilters)[number]['name'];

/** The filters' names on the search page; the unit filter takes the study's own word ("Interview"). */
export function searchFilterLabels(unit: string): Record<SearchFilterName, string> {
  return Object.fromEntries(searchFilters.map((filter) => [filter.name, filter.name === 'session' ? unit.charAt(0).toUpperCase() + unit.slice(1) : filter.label])) as Record<SearchFilterName, string>;
}
