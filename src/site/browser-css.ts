/**
 * The excerpt browser filters without JavaScript: for every option of every facet, one
 * CSS rule hides the excerpts that do not carry it while that option is chosen. `:has()`
 * lets the form's state reach the list; several chosen facets combine as AND because
 * each hides its own non-matches.
 */
import type { Facet, FacetOption } from './excerpt-facets.ts';

/** A CSS string literal; escapes quotes, backslashes, newlines and `<` so the text can never close the `<style>` element. */
export function cssString(value: string): string {
  const escaped = value.replace(/["\\]/g, '\\$&').replace(/[\n\r\f<>]/g, (character) => `\\${character.codePointAt(0)?.toString(16)} `);
  return `"${escaped}"`;
}

/** The selector that is true while `option` of `facet` is chosen. */
function chosen(facet: Facet, option: FacetOption): string {
  const name = cssString(facet.param);
  const value = cssString(option.value);
  return facet.control === 'select' ? `select[name=${name}] option[value=${value}]:checked` : `input[name=${name}][value=${value}]:checked`;
}

/** The rules for every facet's options, scoped to the browser form's container. */
export function filterCss(facets: readonly Facet[], scope = '.browser'): string {
  return facets
    .flatMap((facet) => facet.options.map((option) => `${scope}:has(${chosen(facet, option)}) [data-excerpt]:not([${facet.attribute}${facet.operator}${cssString(option.value)}]){display:none}`))
    .join('\n');
}
