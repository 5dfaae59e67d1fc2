/**
 * CSS custom properties for the codebook's colours: `--theme-N-0` per theme in light and
 * dark mode, and `--code-colour` on anything marked `data-code="N.M"`. Colours are
 * validated `#rrggbb` values, so they are safe to emit into a stylesheet.
 */
import type { Study } from '../study/index.ts';

export function themeVariable(code: string): string {
  return `--theme-${code.replace('.', '-')}`;
}

export function codeColourCss(study: Study): string {
  const declarations = (pick: 'colour' | 'colourDark') => study.themes.map((theme) => `${themeVariable(theme.code)}:${theme[pick]};`).join('');
  const light = declarations('colour');
  const dark = declarations('colourDark');
  const perCode = study.codes.map((info) => `[data-code="${info.code}"]{--code-colour:var(${themeVariable(info.theme.code)});}`).join('');
  return [`:root{${light}}`, `:root[data-theme="dark"]{${dark}}`, `@media (prefers-color-scheme: dark){:root:not([data-theme="light"]){${dark}}}`, perCode].join('\n');
}
