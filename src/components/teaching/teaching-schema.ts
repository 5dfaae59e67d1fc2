/** Types of the teaching frontmatter, for code that must not import `astro:content`. */
export type { TeachingFrontmatter as TeachingData } from '../../study/schemas/prose.ts';
