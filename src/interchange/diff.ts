/**
 * What a recoding changed, between two editions of a study's coding: codes added,
 * removed, renamed (same code, new name) or renumbered (same name, new code), merged or
 * split (told apart by which excerpts they hold), excerpts added, removed or recoded, and
 * the excerpt counts per theme and per session. Pure: data in, report out.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { CodingChanges, HistoryCode, HistoryExcerpt } from '../study/schemas/index.ts';

/** A code, an excerpt and a diff as an edition file records them (src/study/schemas/edition.ts). */
export type CodeEntry = HistoryCode;
export type ExcerptEntry = HistoryExcerpt;
export type CodingDiff = CodingChanges;

/** The part of a study a coding diff compares. */
export interface Coding {
  codes: CodeEntry[];
  excerpts: ExcerptEntry[];
}

/** Reads the codebook and excerpts of a study folder without validating them: an older edition may predate today's schemas. */
export async function readCoding(dir: string): Promise<Coding> {
  const codes: CodeEntry[] = [];
  try {
    const codebook = JSON.parse(await readFile(join(dir, 'codebook.json'), 'utf8')) as { themes?: { code?: unknown; name?: unknown; subthemes?: { code?: unknown; name?: unknown }[] }[] };
    for (const theme of codebook.themes ?? []) {
      if (typeof theme.code !== 'string') continue;
      codes.push({ code: theme.code, name: String(theme.name ?? ''), theme: theme.code, kind: 'theme' });
      for (const subtheme of theme.subthemes ?? []) {
        if (typeof subtheme.code === 'string') codes.push({ code: subtheme.code, name: String(subtheme.name ?? ''), theme: theme.code, kind: 'subtheme' });
      }
    }
  } catch {
    // No readable codebook: every code counts as added or removed.
  }
  const excerpts: ExcerptEntry[] = [];
  const names = (await readdir(join(dir, 'excerpts')).catch(() => [])).filter((name) => name.endsWith('.json')).sort();
  for (const name of names) {
    try {
      const data = JSON.parse(await readFile(join(dir, 'excerpts', name), 'utf8')) as Partial<Record<keyof ExcerptEntry, unknown>>;
      excerpts.push({
        id: typeof data.id === 'string' ? data.id : name.replace(/\.json$/, ''),
        title: typeof data.title === 'string' ? data.title : '',
        session: typeof data.session === 'number' ? data.session : null,
        codes: Array.isArray(data.codes) ? data.codes.filter((code): code is string => typeof code === 'string') : [],
      });
    } catch {
      // An unreadable file is not an excerpt of that edition.
    }
  }
  return { codes, excerpts };
}

function membership(coding: Coding): Map<string, Set<string>> {
  const members = new Map(coding.codes.map((entry) => [entry.code, new Set<string>()]));
  for (const excerpt of coding.excerpts) for (const code of excerpt.codes) members.get(code)?.add(excerpt.id);
  return members;
}

function overlap(a: Set<string>, b: Set<string>): number {
  let count = 0;
  for (const item of a) if (b.has(item)) count += 1;
  return count;
}

/** Most of `part` (at least half, and at least one excerpt) lies in `whole`. */
function mostlyIn(part: Set<string>, whole: Set<string>): boolean {
  const shared = overlap(part, whole);
  return shared > 0 && shared * 2 >= part.size;
}

export function diffCoding(before: Coding, after: Coding): CodingDiff {
  // Pair codes: same code and name, then same name (renumbered), then same code (renamed).
  const pairs = new Map<CodeEntry, CodeEntry>();
  const pairedAfter = new Set<CodeEntry>();
  const pairBy = (same: (a: CodeEntry, b: CodeEntry) => boolean) => {
    for (const old of before.codes) {
      if (pairs.has(old)) continue;
      const match = after.codes.find((entry) => !pairedAfter.has(entry) && entry.kind === old.kind && same(old, entry));
      if (match) {
        pairs.set(old, match);
        pairedAfter.add(match);
      }
    }
  };
  pairBy((a, b) => a.code === b.code && a.name === b.name);
  pairBy((a, b) => a.name.toLowerCase() === b.name.toLowerCase());
  pairBy((a, b) => a.code === b.code);
  const renamed = [...pairs].filter(([a, b]) => a.code === b.code && a.name !== b.name).map(([a, b]) => ({ before: a, after: b }));
  const renumbered = [...pairs].filter(([a, b]) => a.code !== b.code).map(([a, b]) => ({ before: a, after: b }));
  let removed = before.codes.filter((entry) => !pairs.has(entry));
  let added = after.codes.filter((entry) => !pairedAfter.has(entry));

  const oldMembers = membership(before);
  const newMembers = membership(after);
  const leaves = (coding: Coding) => coding.codes.filter((entry) => entry.kind === 'subtheme' || !coding.codes.some((other) => other.kind === 'subtheme' && other.theme === entry.code));
  const merged: CodingDiff['codes']['merged'] = [];
  for (const target of leaves(after)) {
    const sources = leaves(before).filter((source) => mostlyIn(oldMembers.get(source.code)!, newMembers.get(target.code)!));
    if (sources.length >= 2 && sources.some((source) => removed.includes(source))) {
      merged.push({ from: sources, into: target });
      removed = removed.filter((entry) => !sources.includes(entry));
    }
  }
  const split: CodingDiff['codes']['split'] = [];
  for (const source of leaves(before)) {
    const targets = leaves(after).filter((target) => mostlyIn(newMembers.get(target.code)!, oldMembers.get(source.code)!));
    if (targets.length >= 2 && targets.some((target) => added.includes(target))) {
      split.push({ from: source, into: targets });
      added = added.filter((entry) => !targets.includes(entry));
    }
  }

  const oldByCode = new Map(before.codes.map((entry) => [entry.code, entry]));
  const newByCode = new Map(after.codes.map((entry) => [entry.code, entry]));
  const entry = (index: Map<string, CodeEntry>, code: string): CodeEntry => index.get(code) ?? { code, name: '(not in the codebook)', theme: code, kind: 'subtheme' };
  const translated = (code: string) => {
    const old = oldByCode.get(code);
    return old && pairs.has(old) ? pairs.get(old)!.code : `old:${code}`;
  };
  const beforeExcerpts = new Map(before.excerpts.map((excerpt) => [excerpt.id, excerpt]));
  const afterIds = new Set(after.excerpts.map((excerpt) => excerpt.id));
  const recoded: CodingDiff['excerpts']['recoded'] = [];
  for (const excerpt of after.excerpts) {
    const old = beforeExcerpts.get(excerpt.id);
    if (!old) continue;
    const was = new Set(old.codes.map(translated));
    if (was.size === excerpt.codes.length && excerpt.codes.every((code) => was.has(code))) continue;
    recoded.push({ id: excerpt.id, title: excerpt.title, from: old.codes.map((code) => entry(oldByCode, code)), to: excerpt.codes.map((code) => entry(newByCode, code)) });
  }

  return {
    codes: { added, removed, renamed, renumbered, merged, split },
    excerpts: {
      added: after.excerpts.filter((excerpt) => !beforeExcerpts.has(excerpt.id)),
      removed: before.excerpts.filter((excerpt) => !afterIds.has(excerpt.id)),
      recoded,
    },
    counts: { themes: themeCounts(before, after, pairs), sessions: sessionCounts(before, after) },
  };
}

function countByTheme(coding: Coding): Map<string, number> {
  const themeOf = new Map(coding.codes.map((entry) => [entry.code, entry.theme]));
  const counts = new Map(coding.codes.filter((entry) => entry.kind === 'theme').map((entry) => [entry.code, 0]));
  for (const excerpt of coding.excerpts) {
    for (const theme of new Set(excerpt.codes.map((code) => themeOf.get(code)).filter((theme) => theme !== undefined))) counts.set(theme, (counts.get(theme) ?? 0) + 1);
  }
  return counts;
}

function themeCounts(before: Coding, after: Coding, pairs: Map<CodeEntry, CodeEntry>): CodingDiff['counts']['themes'] {
  const oldCounts = countByTheme(before);
  const newCounts = countByTheme(after);
  const rows: CodingDiff['counts']['themes'] = after.codes
    .filter((entry) => entry.kind === 'theme')
    .map((theme) => {
      const old = [...pairs].find(([, paired]) => paired === theme)?.[0];
      return { code: theme.code, name: theme.name, before: old ? (oldCounts.get(old.code) ?? 0) : 0, after: newCounts.get(theme.code) ?? 0 };
    });
  for (const theme of before.codes.filter((entry) => entry.kind === 'theme' && !pairs.has(entry)))
    rows.push({ code: theme.code, name: `${theme.name} (removed)`, before: oldCounts.get(theme.code) ?? 0, after: 0 });
  return rows;
}

function sessionCounts(before: Coding, after: Coding): CodingDiff['counts']['sessions'] {
  const count = (coding: Coding) => Map.groupBy(coding.excerpts, (excerpt) => excerpt.session);
  const oldCounts = count(before);
  const newCounts = count(after);
  const keys = [...new Set([...oldCounts.keys(), ...newCounts.keys()])].sort((a, b) => (a ?? Infinity) - (b ?? Infinity));
  return keys.map((session) => ({ session, before: oldCounts.get(session)?.length ?? 0, after: newCounts.get(session)?.length ?? 0 }));
}

export { hasCodingChanges as hasChanges } from '../study/schemas/index.ts';

const label = (entry: CodeEntry) => `${entry.code} ${entry.name}`;
const signed = (n: number) => (n > 0 ? `+${n}` : n < 0 ? `−${-n}` : '0');

function table(header: string[], rows: string[][], rightAligned: number[]): string[] {
  const widths = header.map((cell, column) => Math.max(cell.length, ...rows.map((row) => row[column]!.length)));
  const format = (row: string[]) =>
    `  ${row
      .map((cell, column) => (rightAligned.includes(column) ? cell.padStart(widths[column]!) : cell.padEnd(widths[column]!)))
      .join('  ')
      .trimEnd()}`;
  return [format(header), ...rows.map(format)];
}

/** The diff for a terminal: sections of aligned rows, in plain text. */
export function formatDiff(diff: CodingDiff, title: string): string {
  const out: string[] = [title, ''];
  const codeRows: string[][] = [
    ...diff.codes.added.map((entry) => ['added', label(entry)]),
    ...diff.codes.removed.map((entry) => ['removed', label(entry)]),
    ...diff.codes.renamed.map(({ before, after }) => ['renamed', `${before.code} ${before.name} → ${after.name}`]),
    ...diff.codes.renumbered.map(({ before, after }) => ['renumbered', `${after.name}: ${before.code} → ${after.code}`]),
    ...diff.codes.merged.map(({ from, into }) => ['merged', `${from.map(label).join(' + ')} → ${label(into)}`]),
    ...diff.codes.split.map(({ from, into }) => ['split', `${label(from)} → ${into.map(label).join(', ')}`]),
  ];
  out.push('Codes');
  out.push(...(codeRows.length > 0 ? codeRows.map(([kind, text]) => `  ${kind!.padEnd(10)}  ${text}`) : ['  no change']));
  out.push('');
  const ids = [...diff.excerpts.added, ...diff.excerpts.removed, ...diff.excerpts.recoded].map((excerpt) => excerpt.id.length);
  const idWidth = Math.max(0, ...ids);
  const excerptRows: string[] = [
    ...diff.excerpts.added.map((excerpt) => `  ${'added'.padEnd(10)}  ${excerpt.id.padEnd(idWidth)}  ${excerpt.codes.join(', ')}`),
    ...diff.excerpts.removed.map((excerpt) => `  ${'removed'.padEnd(10)}  ${excerpt.id.padEnd(idWidth)}  ${excerpt.codes.join(', ')}`),
    ...diff.excerpts.recoded.map((excerpt) => `  ${'recoded'.padEnd(10)}  ${excerpt.id.padEnd(idWidth)}  ${excerpt.from.map(label).join('; ')} → ${excerpt.to.map(label).join('; ')}`),
  ];
  out.push('Excerpts');
  out.push(...(excerptRows.length > 0 ? excerptRows : ['  no change']));
  out.push('');
  out.push('Excerpts per theme');
  out.push(
    ...table(
      ['theme', 'before', 'after', 'change'],
      diff.counts.themes.map((row) => [`${row.code} ${row.name}`, String(row.before), String(row.after), signed(row.after - row.before)]),
      [1, 2, 3],
    ),
  );
  out.push('');
  out.push('Excerpts per session');
  out.push(
    ...table(
      ['session', 'before', 'after', 'change'],
      diff.counts.sessions.map((row) => [row.session === null ? 'unplaced' : String(row.session), String(row.before), String(row.after), signed(row.after - row.before)]),
      [1, 2, 3],
    ),
  );
  return out.join('\n');
}
