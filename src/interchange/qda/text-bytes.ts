/**
 * Bytes of a project file or a source text into a string, with every way they can be
 * wrong named and located. REFI-QDA asks for UTF-8; real files also come as UTF-8 with a
 * byte-order mark, and as UTF-16 (a legitimate XML encoding, which some Windows tools
 * write). Text that is not valid UTF-8 is refused with the line and column of the first
 * bad byte: decoding it anyway would put U+FFFD into a participant's words.
 */

import { firstInvalidUtf8 } from '../../study/read.ts';

export interface Place {
  line: number;
  column: number;
}

export type Decoded = { ok: true; text: string; encoding: 'utf-8' | 'utf-16le' | 'utf-16be' } | { ok: false; reason: string; place: Place | undefined };

/** 1-based line and column of a UTF-16 offset in a text (columns count code points). */
export function placeAt(text: string, offset: number): Place {
  let line = 1;
  let lineStart = 0;
  for (let index = text.indexOf('\n'); index !== -1 && index < offset; index = text.indexOf('\n', index + 1)) {
    line += 1;
    lineStart = index + 1;
  }
  return { line, column: Array.from(text.slice(lineStart, offset)).length + 1 };
}

function utf16Order(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  // Without a byte-order mark, XML in UTF-16 starts with "<" next to a zero byte (XML 1.0, appendix F).
  if (bytes[0] === 0x3c && bytes[1] === 0x00 && bytes[2] !== 0x00) return 'utf-16le';
  if (bytes[0] === 0x00 && bytes[1] === 0x3c) return 'utf-16be';
  return undefined;
}

/** Decodes text bytes (a byte-order mark is removed; UTF-16 is recognised by its mark or by XML's first "<"). */
export function decodeBytes(bytes: Uint8Array): Decoded {
  const order = utf16Order(bytes);
  if (order) {
    try {
      return { ok: true, text: new TextDecoder(order, { fatal: true }).decode(bytes).replace(/^\uFEFF/, ''), encoding: order };
    } catch {
      return { ok: false, reason: `starts like ${order.toUpperCase()} text but is not valid ${order.toUpperCase()}`, place: undefined };
    }
  }
  const bad = firstInvalidUtf8(bytes);
  if (bad !== -1) {
    const before = new TextDecoder('utf-8').decode(bytes.subarray(0, bad)).replace(/^\uFEFF/, '');
    const hex = Array.from(bytes.subarray(bad, Math.min(bad + 2, bytes.length)), (byte) => byte.toString(16).toUpperCase().padStart(2, '0')).join(' ');
    return {
      ok: false,
      reason: `is not valid UTF-8: byte ${bad} (${hex}) is not a UTF-8 character, so the file was probably saved in another encoding (such as Windows-1252 or Latin-1)`,
      place: placeAt(before, before.length),
    };
  }
  return { ok: true, text: new TextDecoder('utf-8').decode(bytes).replace(/^\uFEFF/, ''), encoding: 'utf-8' };
}
