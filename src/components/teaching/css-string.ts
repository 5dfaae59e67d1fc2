/**
 * A CSS string literal for any text, so data (a title, a URL) can go into a `content:`
 * declaration without ending the string or the `<style>` element it sits in.
 */
export function cssString(text: string): string {
  return `"${text
    .replace(/[\\"]/g, (char) => `\\${char}`)
    .replace(/[\n\r\f]/g, '\\a ')
    .replace(/</g, '\\3c ')}"`;
}
