/**
 * A plagiarism guard for prose written about the article: finds runs of consecutive words
 * a text shares with the article. Both sides are reduced to bare lower-case words first,
 * so typography (quotes, dashes, line-break hyphenation, markup) cannot hide a copy.
 */

/** Bare lower-case words: apostrophes and hyphens are dropped inside words, so "client’s",
 * "clients" and "self-\nawareness" (a hyphen at a column break) compare equal across sources. */
export function words(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/-[ \t]*\r?\n\s*/g, '')
    .replace(/['’‘-]/g, '')
    .split(/[^a-z0-9]+/)
    .filter((word) => word.length > 0);
}

/**
 * The prose a reader sees in an MDX source: frontmatter values, text and link labels.
 * Component tags are removed (an embedded excerpt is the participant's words, not ours,
 * and attributes are ids), but the text a `<Term>` wraps is kept.
 */
export function mdxProse(source: string): string {
  return source
    .replace(/^---\r?\n[\s\S]*?\r?\n---\r?\n/, (frontmatter) => frontmatter.replace(/^\s*\w+:/gm, ' '))
    .replace(/<[A-Z]\w*(?:\s[^>]*)?\/>/g, ' ')
    .replace(/<\/?[A-Z]\w*(?:\s[^>]*)?>/g, ' ')
    .replace(/\]\([^)]*\)/g, '] ');
}

export interface SharedRun {
  /** The shared words, as they read after normalisation. */
  text: string;
  length: number;
}

/** Every maximal run of at least `minimum` consecutive words that `text` shares with `source`. */
export function sharedRuns(text: string, source: string, minimum: number): SharedRun[] {
  const sourceGrams = new Set(grams(words(source), minimum));
  const tokens = words(text);
  const runs: SharedRun[] = [];
  let start = -1;
  let end = -1;
  for (let index = 0; index + minimum <= tokens.length; index += 1) {
    if (!sourceGrams.has(tokens.slice(index, index + minimum).join(' '))) continue;
    if (start >= 0 && index < end) {
      end = index + minimum;
    } else {
      if (start >= 0) runs.push(run(tokens, start, end));
      start = index;
      end = index + minimum;
    }
  }
  if (start >= 0) runs.push(run(tokens, start, end));
  return runs;
}

function grams(tokens: readonly string[], size: number): string[] {
  const result: string[] = [];
  for (let index = 0; index + size <= tokens.length; index += 1) result.push(tokens.slice(index, index + size).join(' '));
  return result;
}

function run(tokens: readonly string[], start: number, end: number): SharedRun {
  return { text: tokens.slice(start, end).join(' '), length: end - start };
}
