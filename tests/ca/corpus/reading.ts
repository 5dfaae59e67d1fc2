/**
 * What an analyst reads in a transcript, in a form a fixture can pin by hand: each
 * printed line's number and speaker (`null` for a silence line), the symbols used, how
 * many overlap onsets were linked to the onset they answer, and how many media time
 * codes were kept as metadata.
 */
import { readdirSync, readFileSync } from 'node:fs';

/** The reading pinned in a corpus fixture. */
export interface Reading {
  /** `[printed number, speaker]` per line; speaker `null` for a silence line. */
  lines: [number, string | null][];
  /** Symbol ids used, sorted. */
  symbols: string[];
  /** Overlap onsets linked to the onset they answer. */
  overlaps: number;
  /** Media time codes read as metadata. */
  timecodes: number;
}

/** One published fragment with its source and the reading an analyst gives it. */
export interface CorpusCase {
  id: string;
  source: { author: string; year: number; title: string; locator: string; url: string; licence?: string };
  text: string;
  notes?: string;
  reading: Reading;
}

/** The fixtures in `tests/ca/corpus/`, by file name. */
export function loadCorpus(): CorpusCase[] {
  const folder = new URL('./', import.meta.url);
  return readdirSync(folder)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => ({ id: name.replace(/\.json$/, ''), ...(JSON.parse(readFileSync(new URL(name, folder), 'utf8')) as Omit<CorpusCase, 'id'>) }));
}

/** The fields of a tree node the reading looks at; engines old and new both have them. */
export interface AnyNode {
  type: string;
  number?: number | undefined;
  speaker?: string | undefined;
  answers?: number | undefined;
  time?: unknown;
  children?: readonly AnyNode[];
}

/** The reading of a parsed tree; `symbols` comes from the engine's own legend list. */
export function readingOf(tree: AnyNode, symbols: readonly { id: string }[]): Reading {
  const lines: [number, string | null][] = [];
  let overlaps = 0;
  let timecodes = 0;
  const visit = (node: AnyNode): void => {
    if (node.type === 'marker' && node.answers !== undefined) overlaps++;
    if (node.type === 'timecode') timecodes++;
    for (const child of node.children ?? []) visit(child);
  };
  for (const child of tree.children ?? []) {
    if (child.type === 'silence') lines.push([child.number ?? 0, null]);
    if (child.type === 'silence' && child.time !== undefined) timecodes++;
    if (child.type === 'turn') for (const line of child.children ?? []) lines.push([line.number ?? 0, child.speaker ?? null]);
    visit(child);
  }
  return { lines, symbols: symbols.map((entry) => entry.id).sort(), overlaps, timecodes };
}

/** What differs between two readings, in words; empty when they agree. */
export function differences(expected: Reading, actual: Reading): string[] {
  const found: string[] = [];
  if (JSON.stringify(expected.lines) !== JSON.stringify(actual.lines)) found.push(`lines ${JSON.stringify(actual.lines)}`);
  const missing = expected.symbols.filter((id) => !actual.symbols.includes(id));
  const extra = actual.symbols.filter((id) => !expected.symbols.includes(id));
  if (missing.length > 0) found.push(`missing ${missing.join(', ')}`);
  if (extra.length > 0) found.push(`extra ${extra.join(', ')}`);
  if (expected.overlaps !== actual.overlaps) found.push(`overlaps ${String(actual.overlaps)} (expected ${String(expected.overlaps)})`);
  if (expected.timecodes !== actual.timecodes) found.push(`time codes ${String(actual.timecodes)} (expected ${String(expected.timecodes)})`);
  return found;
}
