/**
 * Reading a study file as untrusted input. A study folder may come from a colleague, a
 * shared drive or an archive, so every file is read the same careful way: only regular
 * files inside the study folder (a link that leads out of it would publish a file of the
 * build machine; a named pipe or a device would hang or flood the check), no larger than
 * a stated limit, strictly UTF-8 (decoding bad bytes anyway would put U+FFFD into a
 * participant's words), a byte-order mark accepted, and no control characters, which a
 * web page cannot show. Each refusal is one located error with its fix, and the file is
 * then left without a value so nothing downstream reads it.
 */
import { open, readdir, realpath, stat } from 'node:fs/promises';
import type { Stats } from 'node:fs';
import { isAbsolute, join, relative, sep } from 'node:path';
import { VFile } from 'vfile';
import { report } from './diagnostics.ts';
import { positionAt } from './json-source.ts';

/** Limits on study files, stated in docs/security.md and in the messages that enforce them. */
export const limits = {
  /** Bytes of one content file (JSON or MDX). The largest file of a real study is well under 1 MB. */
  fileBytes: 5 * 1024 * 1024,
  /** Levels of nested arrays and objects in a JSON file. Study files use fewer than ten. */
  jsonDepth: 64,
  /** Levels of nested elements in an MDX page (a quote in a list item in a component…). Pages use fewer than ten. */
  mdxDepth: 64,
} as const;

export const describeBytes = (bytes: number) => (bytes >= 1024 * 1024 ? `${(bytes / (1024 * 1024)).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`);

/** Byte offset of the first byte that does not belong to a well-formed UTF-8 sequence, or -1. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let index = 0;
  while (index < bytes.length) {
    const byte = bytes[index]!;
    if (byte < 0x80) {
      index += 1;
      continue;
    }
    const length = byte >= 0xc2 && byte <= 0xdf ? 2 : byte >= 0xe0 && byte <= 0xef ? 3 : byte >= 0xf0 && byte <= 0xf4 ? 4 : 0;
    if (length === 0 || index + length > bytes.length) return index;
    const second = bytes[index + 1]!;
    // The second byte's range excludes overlong forms, surrogates and code points above U+10FFFF.
    const [low, high] = byte === 0xe0 ? [0xa0, 0xbf] : byte === 0xed ? [0x80, 0x9f] : byte === 0xf0 ? [0x90, 0xbf] : byte === 0xf4 ? [0x80, 0x8f] : [0x80, 0xbf];
    if (second < low || second > high) return index;
    for (let next = 2; next < length; next += 1) if ((bytes[index + next]! & 0xc0) !== 0x80) return index;
    index += length;
  }
  return -1;
}

/**
 * Characters a page cannot carry: C0 controls other than tab, line feed, form feed and
 * carriage return, DEL, and the C1 controls (HTML calls each a parse error, and NUL is
 * replaced or dropped by browsers, so the published text would differ from the study's).
 */
export const controlCharacters = /[\u0000-\u0008\u000B\u000E-\u001F\u007F-\u009F]/g;

export const codePointName = (character: string) => `U+${character.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;

const realRoots = new Map<string, Promise<string>>();
function realRoot(root: string): Promise<string> {
  let real = realRoots.get(root);
  if (!real) {
    real = realpath(root).catch(() => root);
    realRoots.set(root, real);
  }
  return real;
}

function isInside(real: string, rootReal: string): boolean {
  const rel = relative(rootReal, real);
  return rel === '' || (!rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel));
}

/** The first component of `path` below `root` that is a link leading out of the study folder. */
async function escapingLink(root: string, path: string, rootReal: string): Promise<{ link: string; target: string } | undefined> {
  const parts = relative(root, path).split(sep);
  for (let count = 1; count <= parts.length; count += 1) {
    const link = join(root, ...parts.slice(0, count));
    const target = await realpath(link).catch(() => undefined);
    if (target && !isInside(target, rootReal)) return { link, target };
  }
  return undefined;
}

function kindOf(stats: Stats): string | undefined {
  if (stats.isFIFO()) return 'a named pipe (FIFO)';
  if (stats.isCharacterDevice()) return 'a character device';
  if (stats.isBlockDevice()) return 'a block device';
  if (stats.isSocket()) return 'a socket';
  return undefined;
}

/**
 * Reports on `file` (a new VFile for `path` when not given) when `path`, a file or folder
 * of the study folder `root`, is or lies under a link that leads out of the study folder.
 */
export async function refuseOutside(root: string, path: string, file = new VFile({ path })): Promise<VFile | undefined> {
  const escape = await escapingLink(root, path, await realRoot(root));
  if (!escape) return undefined;
  const link = relative(root, escape.link);
  report(file, {
    reason: `${escape.link === path ? 'This' : `${link} (a folder on the way)`} is a link to ${escape.target}, outside the study folder; only files inside the study folder are read`,
    rule: 'outside-study',
    severity: 'error',
    place: undefined,
    fix: 'Copy what it links to into the study folder and remove the link (a link out of the study folder could publish any file of the machine that builds the site).',
  });
  return file;
}

/**
 * Files an import proposes (texts by absolute path) and the file names a folder would then
 * hold: the study is checked with them in place of what is on disk, before anything is
 * written (src/interchange/stage.ts).
 */
export interface StudyOverlay {
  texts: ReadonlyMap<string, string>;
  folders: ReadonlyMap<string, readonly string[]>;
}

/** The names in a folder, as the overlay would leave it; undefined when it cannot be read. */
export async function folderNames(folder: string, overlay?: StudyOverlay): Promise<string[] | undefined> {
  const listed = overlay?.folders.get(folder);
  if (listed) return [...listed];
  return readdir(folder).catch(() => undefined);
}

/** The report for a file that exists but cannot be read (permissions, a folder or device in its place). */
export function reportUnreadable(file: VFile, code: string | undefined): void {
  report(file, {
    reason: `Cannot read file (${code ?? 'unknown error'})`,
    rule: 'unreadable-file',
    severity: 'error',
    place: undefined,
    fix: 'Check the file permissions and that it is a regular file.',
  });
}

/**
 * Reads one file of the study folder `root` into a VFile (from the overlay when it proposes the file). When the file may not be read,
 * the VFile carries the error and no value. A missing file or a folder in its place is
 * the caller's to describe (`missing` is called with the error code).
 */
export async function readStudyFile(root: string, path: string, missing: (file: VFile, code: string | undefined) => void, overlay?: StudyOverlay): Promise<VFile> {
  const proposed = overlay?.texts.get(path);
  if (proposed !== undefined) return studyFileFromText(path, proposed);
  const file = new VFile({ path });
  const refuse = (reason: string, rule: string, fix: string, place?: { line: number; column: number }) => {
    report(file, { reason, rule, severity: 'error', place, fix });
    return file;
  };
  if (await refuseOutside(root, path, file)) return file;
  let stats: Stats;
  try {
    stats = await stat(path);
  } catch (cause) {
    missing(file, (cause as NodeJS.ErrnoException).code);
    return file;
  }
  const kind = kindOf(stats);
  if (kind) return refuse(`This is ${kind}, not a regular file`, 'not-a-file', 'Remove it, or replace it with a regular file (only regular files of the study folder are read).');
  if (stats.isFile() && stats.size > limits.fileBytes) {
    return refuse(
      `The file is ${describeBytes(stats.size)}; a content file may be at most ${describeBytes(limits.fileBytes)}`,
      'file-too-large',
      'Split it into smaller files (one excerpt per file in excerpts/, a long chapter into several chapters), or remove what does not belong in it.',
    );
  }
  let bytes: Buffer;
  try {
    // Opened only now that it is known to be a regular file; the size is checked again on
    // what was read, in case the file grew in between.
    const handle = await open(path, 'r');
    try {
      bytes = await handle.readFile();
    } finally {
      await handle.close();
    }
  } catch (cause) {
    missing(file, (cause as NodeJS.ErrnoException).code);
    return file;
  }
  if (bytes.length > limits.fileBytes) {
    return refuse(
      `The file is ${describeBytes(bytes.length)}; a content file may be at most ${describeBytes(limits.fileBytes)}`,
      'file-too-large',
      'Split it into smaller files, or remove what does not belong in it.',
    );
  }
  const bad = firstInvalidUtf8(bytes);
  if (bad !== -1) {
    const before = new TextDecoder('utf-8').decode(bytes.subarray(0, bad));
    const hex = Array.from(bytes.subarray(bad, Math.min(bad + 2, bytes.length)), (byte) => byte.toString(16).toUpperCase().padStart(2, '0')).join(' ');
    return refuse(
      `The file is not valid UTF-8: byte ${bad} (${hex}) is not a UTF-8 character, so the file was probably saved in another encoding (such as Windows-1252 or Latin-1)`,
      'invalid-encoding',
      'Save the file as UTF-8 (in most editors: Save with Encoding, or the encoding in the status bar, then UTF-8) and check the characters around this place.',
      positionAt(before, before.length),
    );
  }
  // TextDecoder removes a byte-order mark, which editors on Windows write and which is no part of the text.
  return acceptText(file, new TextDecoder('utf-8').decode(bytes));
}

/**
 * A file's text as an import proposes it, checked as if it had been written and read back:
 * the same size limit and control characters, without touching the disk (see
 * src/interchange/stage.ts).
 */
export function studyFileFromText(path: string, text: string): VFile {
  const file = new VFile({ path });
  const bytes = Buffer.byteLength(text, 'utf8');
  if (bytes > limits.fileBytes) {
    report(file, {
      reason: `The file is ${describeBytes(bytes)}; a content file may be at most ${describeBytes(limits.fileBytes)}`,
      rule: 'file-too-large',
      severity: 'error',
      place: undefined,
      fix: 'Split it into smaller files, or remove what does not belong in it.',
    });
    return file;
  }
  // Written as UTF-8, a lone surrogate would become U+FFFD, and read back, a byte-order mark is dropped: that is what the file would say.
  return acceptText(file, text.toWellFormed().replace(/^\uFEFF/, ''));
}

/** The checks on a file's decoded text; the file gets the text as its value only when they pass. */
function acceptText(file: VFile, text: string): VFile {
  let controls = 0;
  for (const match of text.matchAll(controlCharacters)) {
    controls += 1;
    if (controls > 10) continue;
    report(file, {
      reason: `Control character ${codePointName(match[0])} in the file: a web page cannot show it`,
      rule: 'control-character',
      severity: 'error',
      place: positionAt(text, match.index),
      fix: 'Remove it (it is invisible in most editors: delete the characters around this place and type them again).',
    });
  }
  if (controls > 10) {
    report(file, {
      reason: `${controls - 10} more control characters in the file`,
      rule: 'control-character',
      severity: 'error',
      place: undefined,
      fix: 'Remove every control character (a file saved by a word processor or copied from a PDF may be full of them).',
    });
  }
  if (controls > 0) return file;
  file.value = text;
  return file;
}
