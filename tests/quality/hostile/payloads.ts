/**
 * Hostile strings for the hostile fixture study: markup, script and template injections,
 * Unicode that breaks naive layout or rendering, and Jefferson notation everywhere. Every
 * injection sets `window.__pwned` or opens a dialog if it ever runs, so the browser test
 * can tell.
 */

/** Markup and script injections: each must reach the reader as literal text. */
export const injections = [
  '<script>window.__pwned=1</script>',
  '"><img src=x onerror="window.__pwned=1">',
  "'><svg onload=alert(1)>",
  '</style><img src=x onerror="window.__pwned=1">',
  '</script><img src=x onerror="window.__pwned=1"><script>alert(1)</script>',
  '<!-- --><iframe srcdoc="<script>parent.__pwned=1</script>"></iframe>',
  'javascript:window.__pwned=1',
] as const;

/** Template and MDX syntax that a careless pipeline might evaluate or compile. */
export const templates = ['{window.__pwned=1}', '${window.__pwned=1}', '{{x}}', '{@html x}', '<Excerpt id="x" />', 'import x from "y"', 'export const pwned = 1'] as const;

/** Right-to-left override, isolates and zero-width characters. */
export const bidi = '\u202Edesrever\u202C \u2067isolated\u2069 zero\u200Bwidth\u200D';

/** Emoji sequences and stacked combining marks. */
export const graphemes = '👩🏽‍⚕️ 🧘‍♀️ 🇳🇿 Z̴̡̛͓a̷̢͕l̸̨͙g̶̠̈́o̵̱͐ e\u0301 ñ';

/** Jefferson notation, as transcripts print it. */
export const jefferson = '[over]lap= (0.5) (.) wo:::rd ↑up ↓down °soft° >fast< <slow> hhh .hhh heh (h) ((coughs)) (word/ward) £smile£ #creak# ~wobble~ _stress_ LOUD wo- […] …';

/** A 500-character word with no break opportunity. */
export const longWord = 'Hostile'.repeat(72).slice(0, 500);

/** Every hostile piece in one line of text, for short text fields. */
export const hostileText = [...injections, ...templates, bidi, graphemes, jefferson].join(' ');

/** A hostile phrase for fields that should stay short but still hostile (titles, names). */
export function hostileLabel(name: string): string {
  return `${name} <script>window.__pwned=1</script> "><img src=x onerror="window.__pwned=1"> {x} \${x} {{x}} \u202Eeman\u202C 👩🏽‍⚕️ e\u0301 ↑°hhh°↓`;
}

/** A paragraph-length hostile text with the long word in it. */
export function hostileParagraph(name: string): string {
  return `${name}: ${hostileText} ${longWord}`;
}

/**
 * Injections that are also well-formed Jefferson notation, for session transcripts: the
 * CA engine reads `<…>` as slower talk and `$…$` as a paired span, and the loader rejects
 * unbalanced notation, so these keep every bracket paired while still spelling out markup.
 */
export const transcriptInjections = [
  '<script>window.__pwned=1</script>',
  '<img src=x onerror=window.__pwned=1>',
  '</style><img src=x onerror=window.__pwned=1>',
  '</script><svg onload=alert(1)>',
  '{window.__pwned=1} {{x}} {@html x} ${x} and ${y}',
  '<Excerpt id="x" /> import x from "y"',
  'javascript:window.__pwned=1',
] as const;

/** Hostile talk that is valid session-transcript notation. */
export const hostileTalk = [...transcriptInjections, bidi, graphemes, jefferson].join(' ');

/** A turn of exactly 10,000 characters mixing words, Jefferson symbols and injections; never cuts a span in two. */
export function longTurn(): string {
  const unit = `so (.) I was ↑like [yeah] ${hostileTalk} `;
  return unit.repeat(Math.floor(10_000 / unit.length)).padEnd(10_000, 'm');
}

/** Substrings whose literal presence in a page's text shows hostile markup was printed as text. */
export const literalMarkers = ['<script>window.__pwned=1</script>', '"><img src=x onerror="window.__pwned=1">', '{{x}}', '${x}'] as const;
