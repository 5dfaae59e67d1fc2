/**
 * Text measurement without a DOM: an estimate of text width from character counts, and
 * greedy line wrapping. Estimates err wide so labels do not overflow their columns.
 */

/** Average advance of a character, as a fraction of the font size (sans-serif, mixed case). */
export const charWidth = 0.56;

/** Estimated width of `text` at `fontSize`. */
export function textWidth(text: string, fontSize: number): number {
  return [...text].length * charWidth * fontSize;
}

/**
 * Splits `text` into lines of at most `maxChars` characters, breaking at spaces and after
 * slashes and hyphens ("Lower back/hips" → "Lower back/", "hips"). A word longer than a
 * line keeps its own line rather than being cut.
 */
export function wrap(text: string, maxChars: number): string[] {
  const words = text.split(/(?<=[/-])(?=\S)|\s+/).filter(Boolean);
  const lines: string[] = [];
  let line = '';
  for (const word of words) {
    const joiner = line === '' || /[/-]$/.test(line) ? '' : ' ';
    if (line !== '' && [...line].length + joiner.length + [...word].length > maxChars) {
      lines.push(line);
      line = word;
    } else {
      line += joiner + word;
    }
  }
  if (line !== '') lines.push(line);
  return lines;
}
