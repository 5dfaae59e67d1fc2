/**
 * The components MDX prose may use without importing them. Chapters and teaching pages
 * render with `<Content components={mdxComponents} />`.
 */
import Chart from './Chart.astro';
import Cite from './Cite.astro';
import Excerpt from './Excerpt.astro';
import ExcerptLink from './ExcerptLink.astro';
import FigureRef from './FigureRef.astro';
import Term from './Term.astro';
import UnitLink from './UnitLink.astro';
import Analysis from '../teaching/Analysis.astro';
import Interpretation from '../teaching/Interpretation.astro';
import TeachingLink from '../teaching/TeachingLink.astro';
import SiteLink from '../teaching/SiteLink.astro';
import ThemeLink from '../teaching/ThemeLink.astro';
import Questions from '../teaching/Questions.astro';
import type { MdxComponentName } from '../../study/prose/components.ts';

// Exactly the components `npm run check` knows (src/study/prose/components.ts): adding one
// here without its prop table there, or the reverse, does not type-check.
export const mdxComponents = { Chart, FigureRef, Cite, Excerpt, ExcerptLink, Term, Analysis, Interpretation, SiteLink, TeachingLink, ThemeLink, UnitLink, Questions } satisfies Record<
  MdxComponentName,
  unknown
>;
