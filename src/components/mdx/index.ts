/**
 * The components MDX prose may use without importing them. Chapters and teaching pages
 * render with `<Content components={mdxComponents} />`.
 */
import Cite from './Cite.astro';
import Excerpt from './Excerpt.astro';
import ExcerptLink from './ExcerptLink.astro';
import Term from './Term.astro';

export const mdxComponents = { Cite, Excerpt, ExcerptLink, Term };
