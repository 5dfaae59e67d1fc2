/**
 * Colour hooks. Theme colours come from the codebook through CSS custom properties the page
 * emits (`--theme-N-0`, light and dark); charts only name the property, so dark mode and
 * print switch without re-rendering.
 */
import type { CodeInfo } from '../study/model.ts';

/** `--theme-1-0` for theme "1.0": the custom property holding that theme's colour. */
export function themeVariable(themeCode: string): string {
  return `--theme-${themeCode.replace('.', '-')}`;
}

/** Inline style giving an element its code's colour as `--code-colour`. */
export function codeColourStyle(info: CodeInfo): string {
  return `--code-colour: var(${themeVariable(info.theme.code)}, ${info.theme.colour})`;
}

/** A share in [0, 1] rounded for a CSS custom property. */
export function share(value: number, max: number): string {
  return max > 0 ? String(Math.round((value / max) * 1000) / 1000) : '0';
}
