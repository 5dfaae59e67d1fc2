/**
 * What the excerpt browser can filter on, derived from the Study: the facets, the values
 * each excerpt carries, and the URL parameters and pre-rendered pages that name a filter.
 * Pages, the CSS filter rules and the browser island all read these, so a filter is
 * named in one place.
 */
import type { Excerpt } from '../study/schemas/index.ts';
import type { SessionKey, Study } from '../study/index.ts';
import { capitalise, unitParam } from '../study/words.ts';

export type FacetName = 'code' | 'session' | 'speaker' | 'source';

export const facetNames: readonly FacetName[] = ['code', 'session', 'speaker', 'source'];

/** The name the study gives an excerpt's source. */
export function sourceLabel(study: Study, source: string): string {
  return study.sources.get(source)?.label ?? source;
}

export interface FacetOption {
  /** The value in the URL query and in the excerpt's data attribute, e.g. "1.1", "none". */
  value: string;
  label: string;
  /** Excerpts that match this option alone. */
  count: number;
  /** For codes: a subtheme is indented under its theme. */
  depth: 0 | 1;
}

export interface Facet {
  name: FacetName;
  /** Its name in URLs and form controls: the unit filter takes the study's word (`interview`). */
  param: string;
  /** The fieldset legend. */
  legend: string;
  /** The label of the "no filter" choice. */
  anyLabel: string;
  /** The data attribute on each excerpt, and how a value matches it. */
  attribute: `data-${string}`;
  /** `~=` when the attribute holds a space-separated list. */
  operator: '=' | '~=';
  /** A drop-down for long lists (the codebook), radio buttons otherwise. */
  control: 'select' | 'radio';
  options: FacetOption[];
}

/** The URL value of a unit key: its number, or "none" where the study does not say. */
export function sessionValue(key: SessionKey): string {
  return key === null ? 'none' : String(key);
}

/** Participant ids of everyone who speaks in the excerpt, in order of first turn. */
export function speakersOf(excerpt: Excerpt): string[] {
  const speakers: string[] = [];
  for (const line of excerpt.lines) {
    if (line.kind === 'turn' && line.speaker !== undefined && !speakers.includes(line.speaker)) speakers.push(line.speaker);
  }
  return speakers;
}

/** Its codes plus the themes they belong to, so choosing a theme finds its subthemes' excerpts. */
export function coveringCodes(study: Study, excerpt: Excerpt): string[] {
  const covering = new Set<string>();
  for (const code of excerpt.codes) {
    const info = study.codeIndex.get(code);
    if (!info) continue;
    covering.add(info.theme.code);
    covering.add(code);
  }
  return [...covering].sort((a, b) => (study.codeIndex.get(a)?.position ?? 0) - (study.codeIndex.get(b)?.position ?? 0));
}

/** Shared between callers, so read-only. */
export type FacetValues = Readonly<Record<FacetName, readonly string[]>>;

const valuesByStudy = new WeakMap<Study, WeakMap<Excerpt, FacetValues>>();

/**
 * The values an excerpt carries for each facet. Remembered per study and excerpt: every
 * pre-filtered list asks for every excerpt's values, which at 10,000 excerpts and 500
 * lists was most of those pages' build time.
 */
export function facetValues(study: Study, excerpt: Excerpt): FacetValues {
  let known = valuesByStudy.get(study);
  if (!known) valuesByStudy.set(study, (known = new WeakMap()));
  let values = known.get(excerpt);
  if (!values) {
    values = { code: coveringCodes(study, excerpt), session: [sessionValue(excerpt.session)], speaker: speakersOf(excerpt), source: [excerpt.source] };
    known.set(excerpt, values);
  }
  return values;
}

/** The data attributes that the CSS filter rules and the island match against. */
export function facetAttributes(study: Study, excerpt: Excerpt): Record<string, string> {
  const values = facetValues(study, excerpt);
  return Object.fromEntries(browserFacetShape(study).map((shape) => [shape.attribute, values[shape.name].join(' ')]));
}

/** The facets in reading order, named in the study's vocabulary. */
function browserFacetShape(study: Study): readonly Omit<Facet, 'options'>[] {
  const { singular, plural } = study.meta.vocabulary.unit;
  return [
    { name: 'code', param: 'code', legend: 'Theme or subtheme', anyLabel: 'All themes', attribute: 'data-codes', operator: '~=', control: 'select' },
    { name: 'session', param: unitParam(study.meta), legend: capitalise(singular), anyLabel: `All ${plural}`, attribute: 'data-session', operator: '=', control: 'radio' },
    { name: 'speaker', param: 'speaker', legend: 'Speaker', anyLabel: 'Anyone', attribute: 'data-speakers', operator: '~=', control: 'radio' },
    { name: 'source', param: 'source', legend: 'Source', anyLabel: study.sources.size === 2 ? 'Both sources' : 'All sources', attribute: 'data-source', operator: '=', control: 'radio' },
  ];
}

const facetsOfStudy = new WeakMap<Study, Facet[]>();

/**
 * Every facet with the options that occur among `excerpts` (the whole study unless a
 * pre-filtered page narrows it), in reading order, counted among those excerpts. Within a
 * narrowed list, options that match nothing there are left out.
 */
export function browserFacets(study: Study, excerpts: readonly Excerpt[] = study.excerpts): Facet[] {
  const whole = excerpts === study.excerpts;
  const known = whole ? facetsOfStudy.get(study) : undefined;
  if (known) return known;
  const facets = countFacets(study, excerpts).map((facet) => (whole ? facet : { ...facet, options: facet.options.filter((option) => option.count > 0) }));
  if (whole) facetsOfStudy.set(study, facets);
  return facets;
}

function countFacets(study: Study, excerpts: readonly Excerpt[]): Facet[] {
  const tally = new Map<string, number>();
  for (const excerpt of excerpts) {
    const values = facetValues(study, excerpt);
    for (const name of facetNames) for (const value of values[name]) tally.set(`${name}:${value}`, (tally.get(`${name}:${value}`) ?? 0) + 1);
  }
  const count = (name: FacetName, value: string) => tally.get(`${name}:${value}`) ?? 0;

  const options: Record<FacetName, FacetOption[]> = {
    code: study.codes.map((info) => ({
      value: info.code,
      label: `${info.code} ${info.name}`,
      count: count('code', info.code),
      depth: info.kind === 'theme' ? 0 : 1,
    })),
    session: study.sessionKeys
      .map((key) => ({
        value: sessionValue(key),
        label: key === null ? 'Not stated' : (study.sessionIndex.get(key)?.title ?? `${capitalise(study.meta.vocabulary.unit.singular)} ${key}`),
        count: count('session', sessionValue(key)),
        depth: 0 as const,
      }))
      // "Not stated" only when the study has excerpts it does not place.
      .filter((option) => option.value !== 'none' || option.count > 0),
    speaker: [...study.participants.values()]
      .map((participant) => ({ value: participant.id, label: participant.label, count: count('speaker', participant.id), depth: 0 as const }))
      .filter((option) => option.count > 0),
    source: [...study.sources.values()].map((source) => ({ value: source.id, label: source.label, count: count('source', source.id), depth: 0 as const })).filter((option) => option.count > 0),
  };
  return browserFacetShape(study).map((shape) => ({ ...shape, options: options[shape.name] }));
}

/** The URL segment of a pre-rendered single-filter page: codes lose their dot ("1.1" → "1-1"). */
export function filterSlug(name: FacetName, value: string): string {
  return name === 'code' ? value.replace('.', '-') : value;
}

/** The pre-rendered page that applies one filter, e.g. "excerpts/interview/2/" (relative to the site). */
export function filteredPath(facet: Pick<Facet, 'name' | 'param'>, value: string): string {
  return `excerpts/${facet.param}/${filterSlug(facet.name, value)}/`;
}

/** The element id of a filter control; characters other than letters, digits and "-" are hex-escaped so ids never collide. */
export function controlId(name: FacetName, value: string): string {
  const safe = value === '' ? 'any' : value.replace(/[^a-z0-9-]/gi, (character) => `_${character.codePointAt(0)?.toString(16)}`);
  return `filter-${name}-${safe}`;
}

export type Filters = Partial<Record<FacetName, string>>;

/** The excerpts a set of filters keeps, as the CSS rules and the island decide it. */
export function matchesFilters(study: Study, excerpt: Excerpt, filters: Filters): boolean {
  const values = facetValues(study, excerpt);
  return facetNames.every((name) => {
    const wanted = filters[name];
    return wanted === undefined || wanted === '' || values[name].includes(wanted);
  });
}
