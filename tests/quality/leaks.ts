/**
 * The leak test's parts: what a study folder says that no other study says (its
 * distinctive sentences and terms), what a built page says (its text and attribute
 * values), and which of one study's words show up on another study's pages. A generator
 * fitted to one study publishes that study's words on every other study's pages; this
 * finds them, and finds the study's domain words (see `domainWords`) wherever the study
 * being published never uses them.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { Root } from 'hast';
import { SKIP, visit } from 'unist-util-visit';

/** Words of the bundled study's field that once sat in the generator's code; no other study's page may use them unless its folder does. */
export const domainWords = ['massage', 'therapist', 'therapy', 'treatment', 'filmed', 'camera', 'clark', 'effleurage', 'petrissage', 'tapotement', 'client', 'bodywork'] as const;

/**
 * Names of methods the generator itself uses for every study with a Jefferson source
 * (the transcription-conventions page, the about page), which a study folder may also
 * hold as a glossary term: not one study's words.
 */
export const generatorTerms: readonly string[] = ['conversation analysis', 'jefferson notation', 'transcription conventions', 'data-collection procedure'];

/** Every file of a study folder (its own words), private/ excepted: that is never published. */
function studyFiles(studyDir: string): string[] {
  return readdirSync(studyDir, { recursive: true, encoding: 'utf8' })
    .filter((path) => /\.(json|mdx)$/.test(path) && !path.split(sep).includes('private'))
    .map((path) => join(studyDir, path));
}

/** Collapses white space and unifies quotes and dashes, so a phrase matches however a page wraps or typesets it. */
export function normalise(text: string): string {
  return text
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[\u201c\u201d]/g, '"')
    .replace(/[\u2013\u2014]/g, '-')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

function jsonStrings(value: unknown, out: string[]): void {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) for (const item of value) jsonStrings(item, out);
  else if (value && typeof value === 'object') for (const [key, item] of Object.entries(value)) if (key !== '$schema') jsonStrings(item, out);
}

/** The sentences of MDX prose: text lines outside frontmatter, code fences and components, cut at full stops. */
function mdxSentences(source: string): string[] {
  const body = source.replace(/^---\n[\s\S]*?\n---\n/, '').replace(/```[\s\S]*?```/g, '');
  return (
    body
      .split('\n')
      .filter((line) => !line.trimStart().startsWith('<') && !line.trimStart().startsWith('import '))
      .map((line) => line.replace(/<[^>]*>/g, ' ').replace(/[*_#`[\]]|\([^)]*\/[^)]*\)/g, ' '))
      .flatMap((line) => line.split(/(?<=[.?!])\s+/))
      // What is left of a line around a component ("the excerpts") is not a sentence of the study's.
      .filter((sentence) => sentence.trim().split(/\s+/).length >= 4)
  );
}

/**
 * Whether a JSON text says something of the study's own: not an identifier or key
 * ("overlap-onset", "first-visit"), and, if one word, a name (capitalised, like a theme's
 * "Internalization") rather than a common word ("questionnaires").
 */
function ownText(value: string): boolean {
  const text = value.trim();
  if (/^[a-z0-9]+(?:[-_.][a-z0-9]+)*$/.test(text)) return false;
  return /\s/.test(text) || /^\p{Lu}/u.test(text);
}

/**
 * What a study folder says in so many words: every text of its JSON files and every
 * sentence of its prose, normalised, that is long enough to be its own (at least
 * `minLength` characters, e.g. a theme name like "Internalization" or a sentence).
 */
export function studyPhrases(studyDir: string, minLength = 12): Set<string> {
  const phrases = new Set<string>();
  for (const file of studyFiles(studyDir)) {
    const text = readFileSync(file, 'utf8');
    const found: string[] = [];
    if (file.endsWith('.json')) jsonStrings(JSON.parse(text), found);
    else found.push(...mdxSentences(text));
    const own = file.endsWith('.json') ? found.filter(ownText) : found;
    for (const phrase of own.map(normalise)) if (phrase.length >= minLength && !/^https?:/.test(phrase)) phrases.add(phrase);
  }
  return phrases;
}

/** All the words of a study folder, normalised, for "unless its own folder contains it". */
export function studyText(studyDir: string): string {
  return studyFiles(studyDir)
    .map((file) => normalise(readFileSync(file, 'utf8')))
    .join('\n');
}

/**
 * What a page says to a reader or a machine: its text, its JSON-LD and every attribute
 * value but class names; not the code of its scripts and styles.
 */
export function pageText(tree: Root): string {
  const parts: string[] = [];
  visit(tree, (node) => {
    if (node.type === 'element' && (node.tagName === 'style' || (node.tagName === 'script' && node.properties.type !== 'application/ld+json'))) return SKIP;
    if (node.type === 'text') parts.push(node.value);
    else if (node.type === 'element') {
      for (const [name, value] of Object.entries(node.properties))
        if (name !== 'className' && value !== undefined && value !== null) parts.push(Array.isArray(value) ? value.join(' ') : String(value));
    }
    return undefined;
  });
  return normalise(parts.join(' \n '));
}

/**
 * The phrases of other studies (`foreign`, each with the folder it comes from) and the
 * domain words that `text` contains although `ownText` (the published study's folder)
 * does not. `generic` lists phrases a study folder may hold that the generator also says
 * of every study, in its own words (`generatorTerms`).
 */
export function leaks(text: string, own: string, foreign: ReadonlyMap<string, string>, generic: readonly string[] = generatorTerms): string[] {
  const found: string[] = [];
  for (const [phrase, origin] of foreign) {
    if (text.includes(phrase) && !own.includes(phrase) && !generic.includes(phrase)) found.push(`"${phrase}" (from ${origin})`);
  }
  for (const word of domainWords) {
    const pattern = new RegExp(`\\b${word}`);
    if (pattern.test(text) && !pattern.test(own)) found.push(`the word "${word}", which its own folder never uses`);
  }
  return found;
}

/** The other studies' phrases, each with its folder (relative to `root`), none of which the published study itself says. */
export function foreignPhrases(studyDirs: readonly string[], own: string, root: string): Map<string, string> {
  const phrases = new Map<string, string>();
  for (const dir of studyDirs) if (dir !== own) for (const phrase of studyPhrases(dir)) if (!phrases.has(phrase)) phrases.set(phrase, relative(root, dir));
  return phrases;
}
