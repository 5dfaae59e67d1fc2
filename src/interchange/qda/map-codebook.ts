/**
 * The first step of a REFI-QDA import: the project's code tree becomes the study's
 * codebook. Codes are recognised in the study being replaced by GUID, then name, then
 * description, never by position; what a code keeps, what is new and what is renumbered
 * is decided here and reported as adjustments.
 */
import { codeInfos, type CodeInfo } from '../../study/model.ts';
import type { Codebook } from '../../study/schemas/index.ts';
import { themeColours, fallbackPalette } from '../colours.ts';
import { guidOf } from './guid.ts';
import { walkCodes, type QdaCode } from './model.ts';
import type { QdaNotice } from './read.ts';
import type { ImportedRecord } from './to-study.ts';

export function slugify(text: string): string {
  const slug = text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return slug || 'item';
}

export function uniqueSlug(base: string, used: Set<string>): string {
  let slug = base;
  for (let n = 2; used.has(slug); n += 1) slug = `${base}-${n}`;
  used.add(slug);
  return slug;
}

export interface CodeMapping {
  codebook: ImportedRecord;
  /** Casebook code for each QDA code GUID (a code nested deeper than a subtheme counts for its subtheme). */
  codeOf: Map<string, string>;
  /** Old Casebook code → new one, for codes recognised in the study being replaced whose number changed. */
  renumbered: Map<string, string>;
  /** Codes of the study being replaced that the import does not have. */
  removed: CodeInfo[];
}

/**
 * Codes are recognised by GUID (Casebook's exports carry stable ones), then by name; never
 * by position, because tools write codes in their own order (QualCoder alphabetically). A
 * recognised code keeps its number and its place in the study's order; a new code takes the
 * next free number in its theme; a recognised subtheme under another theme is renumbered,
 * and that is reported.
 */
export function mapCodebook(codes: readonly QdaCode[], existing: Codebook | undefined, origin: string | undefined, notices: QdaNotice[], adjustments: string[]): CodeMapping {
  const known = existing ? codeInfos(existing.themes) : [];
  const byGuid = new Map(known.map((info) => [guidOf.code(info.slug).toLowerCase(), info]));
  const nameCounts = new Map<string, number>();
  for (const info of known) nameCounts.set(info.name.toLowerCase(), (nameCounts.get(info.name.toLowerCase()) ?? 0) + 1);
  const byName = new Map(known.filter((info) => nameCounts.get(info.name.toLowerCase()) === 1).map((info) => [info.name.toLowerCase(), info]));
  const claimed = new Set<CodeInfo>();
  const matches = new Map<QdaCode, CodeInfo>();
  // GUIDs first over the whole tree, so a name shared by two codes cannot take a code its GUID names.
  for (const { code } of walkCodes(codes)) {
    const found = byGuid.get(code.guid);
    if (found && !claimed.has(found)) {
      claimed.add(found);
      matches.set(code, found);
    }
  }
  for (const { code } of walkCodes(codes)) {
    if (matches.has(code)) continue;
    const found = byName.get(code.name.toLowerCase());
    if (found && !claimed.has(found)) {
      claimed.add(found);
      matches.set(code, found);
    }
  }
  // A code whose GUID the tool regenerated (QualCoder does on every export) and whose name was
  // changed is still recognised by its description, when that is the study's alone.
  const descriptionCounts = new Map<string, number>();
  const descriptionOf = (info: CodeInfo) => info.description?.trim() ?? '';
  for (const info of known) if (descriptionOf(info)) descriptionCounts.set(descriptionOf(info), (descriptionCounts.get(descriptionOf(info)) ?? 0) + 1);
  const byDescription = new Map(known.filter((info) => descriptionCounts.get(descriptionOf(info)) === 1).map((info) => [descriptionOf(info), info]));
  for (const { code } of walkCodes(codes)) {
    if (matches.has(code) || !code.description) continue;
    const found = byDescription.get(code.description.trim());
    if (found && !claimed.has(found)) {
      claimed.add(found);
      matches.set(code, found);
      if (found.name !== code.name) adjustments.push(`code "${code.name}" recognised as ${found.code} "${found.name}" by its description (the project gives it a new GUID and name): renamed`);
    }
  }
  const used = new Set<string>();
  const codeOf = new Map<string, string>();
  const renumbered = new Map<string, string>();
  const slugFor = (code: QdaCode, matched: CodeInfo | undefined) => {
    if (matched && !used.has(matched.slug)) {
      used.add(matched.slug);
      return matched.slug;
    }
    const slug = uniqueSlug(slugify(code.name), used);
    adjustments.push(`code "${code.name}": new slug "${slug}"`);
    return slug;
  };
  const themeNumber = (code: string) => Number(code.split('.')[0]);
  const keptThemes = new Set(codes.flatMap((code) => (matches.get(code)?.kind === 'theme' ? [themeNumber(matches.get(code)!.code)] : [])));
  const nextFree = (taken: Set<number>) => {
    let number = 1;
    while (taken.has(number)) number += 1;
    taken.add(number);
    return number;
  };
  const takenThemes = new Set(keptThemes);
  // Recognised themes keep the study's order; new ones follow in the project's order.
  const oldOrder = (code: QdaCode) => (matches.get(code)?.kind === 'theme' ? matches.get(code)!.theme.order : Number.POSITIVE_INFINITY);
  const ordered = codes.map((code, index) => ({ code, index })).sort((a, b) => oldOrder(a.code) - oldOrder(b.code) || a.index - b.index);
  if (ordered.some((entry, position) => entry.index !== position) && codes.some((code) => matches.has(code))) {
    adjustments.push(`themes kept in the study's order (${ordered.map((entry) => `"${entry.code.name}"`).join(', ')}); the project lists them in another order, which QDA programs choose themselves`);
  }
  const themes = ordered.map(({ code }, t) => {
    const matched = matches.get(code);
    const n = matched?.kind === 'theme' ? themeNumber(matched.code) : nextFree(takenThemes);
    const number = `${n}.0`;
    if (matched && matched.code !== number) renumbered.set(matched.code, number);
    for (const { code: inner } of walkCodes([code])) codeOf.set(inner.guid, number);
    const slug = slugFor(code, matched);
    const colours = themeColoursFor(code, matched, t, origin, adjustments);
    const takenSubthemes = new Set(
      code.children.flatMap((child) => {
        const childMatch = matches.get(child);
        return childMatch?.kind === 'subtheme' && themeNumber(childMatch.code) === n ? [Number(childMatch.code.split('.')[1])] : [];
      }),
    );
    const childOrder = (child: QdaCode) => {
      const childMatch = matches.get(child);
      return childMatch?.kind === 'subtheme' && themeNumber(childMatch.code) === n ? childMatch.subtheme!.order : Number.POSITIVE_INFINITY;
    };
    const children = code.children.map((child, index) => ({ child, index })).sort((a, b) => childOrder(a.child) - childOrder(b.child) || a.index - b.index);
    const subthemes = children.map(({ child, index }, s) => {
      const childMatch = matches.get(child);
      const keeps = childMatch?.kind === 'subtheme' && themeNumber(childMatch.code) === n;
      const childNumber = keeps ? childMatch.code : `${n}.${nextFree(takenSubthemes)}`;
      if (childMatch && childMatch.code !== childNumber) renumbered.set(childMatch.code, childNumber);
      for (const { code: inner, depth } of walkCodes([child])) {
        codeOf.set(inner.guid, childNumber);
        if (depth > 0)
          notices.push({
            severity: 'warning',
            rule: 'qdpx-nesting',
            reason: `Code "${code.name} › ${child.name} › … › ${inner.name}" is nested deeper than a subtheme; its codings count for "${child.name}" (${childNumber})`,
            fix: 'Casebook has themes and subthemes only; move the code up a level in the QDA program to keep it apart.',
          });
      }
      const description = child.description ?? childMatch?.description;
      return { sourceIndex: index, record: { code: childNumber, name: child.name, slug: slugFor(child, childMatch), order: s + 1, ...(description ? { description } : {}) } };
    });
    const description = code.description ?? matched?.description;
    return {
      source: code,
      sourceChildren: subthemes.map((entry) => entry.sourceIndex),
      record: { code: number, name: code.name, slug, order: t + 1, ...colours, ...(description ? { description } : {}), subthemes: subthemes.map((entry) => entry.record) },
    };
  });
  for (const [from, to] of renumbered) {
    const info = known.find((candidate) => candidate.code === from)!;
    const now = to.endsWith('.0') ? (info.kind === 'subtheme' ? ' (it is now a theme)' : '') : info.kind === 'theme' ? ' (it is now a subtheme)' : ' (it is now under another theme)';
    adjustments.push(`code "${info.name}" renumbered ${from} → ${to}${now}`);
  }
  const codebook: ImportedRecord = {
    record: { themes: themes.map((theme) => theme.record) },
    describe(path) {
      const [, t, third, s] = path;
      const theme = typeof t === 'number' ? themes[t] : undefined;
      if (!theme) return '';
      const childIndex = third === 'subthemes' && typeof s === 'number' ? theme.sourceChildren[s] : undefined;
      const child = childIndex === undefined ? undefined : theme.source.children[childIndex];
      const what = child ? `code "${theme.source.name} › ${child.name}"` : `code "${theme.source.name}"`;
      const field = path.at(-1);
      return ` (${what}${field === 'description' ? '; give it a description in the QDA program' : ''})`;
    },
  };
  return { codebook, codeOf, renumbered, removed: known.filter((info) => !claimed.has(info)) };
}

/**
 * Programs that replace every imported colour by the nearest of their own palette (QualCoder
 * keeps 120, and a theme's colour can come back far from where it went: #007A5A as #487E4B).
 * What such a project says about a known theme's colour is the palette's doing, so the
 * study's colours are kept and the difference is reported; a colour change is made in
 * codebook.json.
 */
const quantisesColours = /qualcoder/i;

function themeColoursFor(code: QdaCode, matched: CodeInfo | undefined, index: number, origin: string | undefined, adjustments: string[]): { colour: string; colourDark: string } {
  const previous = matched?.kind === 'theme' ? matched.theme : undefined;
  if (previous && (code.colour === undefined || code.colour.toUpperCase() === previous.colour.toUpperCase())) return { colour: previous.colour, colourDark: previous.colourDark };
  if (previous && origin !== undefined && quantisesColours.test(origin)) {
    adjustments.push(
      `theme "${code.name}": kept its colour ${previous.colour}; the project has ${code.colour}, but ${origin} replaces every imported colour with the nearest of its palette, so its colours are not taken (change a theme's colour in codebook.json)`,
    );
    return { colour: previous.colour, colourDark: previous.colourDark };
  }
  const base = code.colour ?? fallbackPalette[index % fallbackPalette.length]!;
  const computed = themeColours(base);
  if (code.colour === undefined) adjustments.push(`theme "${code.name}": no colour in the project, took ${base} from the palette`);
  else if (previous) adjustments.push(`theme "${code.name}": colour ${previous.colour} changed to ${code.colour}, as the project has it`);
  for (const adjustment of computed.adjustments) adjustments.push(`theme "${code.name}": ${adjustment}`);
  return { colour: computed.colour, colourDark: computed.colourDark };
}
