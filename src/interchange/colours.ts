/**
 * Theme colours from an imported codebook made to meet the contrast the site needs (3:1
 * against the light and the dark page background): a colour that is too light for white
 * is darkened, and the dark-mode colour is the same colour lightened only as far as needed.
 */
import { contrastRatio } from '../study/colour.ts';
import { PAGE_BACKGROUNDS } from '../study/crossref.ts';

/** Okabe–Ito colours (distinguishable with colour-vision deficiencies), for codes that come without one. */
export const fallbackPalette = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9', '#F0E442', '#000000'] as const;

const MINIMUM = 3;

function channels(hex: string): [number, number, number] {
  return [1, 3, 5].map((start) => Number.parseInt(hex.slice(start, start + 2), 16)) as [number, number, number];
}

function toHex(rgb: readonly number[]): string {
  return `#${rgb.map((value) => Math.round(value).toString(16).padStart(2, '0')).join('')}`.toUpperCase();
}

/** The least mix of `colour` towards `target` (0…1) that reaches the minimum contrast against `background`. */
function mixUntilContrast(colour: string, target: number, background: string): string {
  if (contrastRatio(colour, background) >= MINIMUM) return colour;
  const from = channels(colour);
  const at = (t: number) => toHex(from.map((value) => value + (target - value) * t));
  let low = 0;
  let high = 1;
  for (let step = 0; step < 20; step += 1) {
    const middle = (low + high) / 2;
    if (contrastRatio(at(middle), background) >= MINIMUM) high = middle;
    else low = middle;
  }
  return at(high);
}

export interface ThemeColours {
  colour: string;
  colourDark: string;
  /** What was changed and why, for the import report. */
  adjustments: string[];
}

/** Light- and dark-mode colours for a theme whose QDA colour is `colour`. */
export function themeColours(colour: string): ThemeColours {
  const light = mixUntilContrast(colour, 0, PAGE_BACKGROUNDS.light);
  const dark = mixUntilContrast(colour, 255, PAGE_BACKGROUNDS.dark);
  const adjustments: string[] = [];
  if (light !== colour) adjustments.push(`colour ${colour} darkened to ${light} for ${MINIMUM}:1 contrast against ${PAGE_BACKGROUNDS.light}`);
  adjustments.push(
    dark === colour
      ? `colourDark set to ${dark} (already ${MINIMUM}:1 against ${PAGE_BACKGROUNDS.dark})`
      : `colourDark computed as ${dark}, ${colour} lightened for ${MINIMUM}:1 contrast against ${PAGE_BACKGROUNDS.dark}`,
  );
  return { colour: light, colourDark: dark, adjustments };
}
