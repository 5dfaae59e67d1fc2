/**
 * A `.qdpx` archive opened the careful way: the zip's directory is read first, limits on
 * entry count, inflated size and compression ratio are checked against what it declares,
 * and only the entries asked for are inflated. An entry never inflates beyond the size it
 * declares (it is inflated into a buffer of exactly that size), so a zip bomb is refused
 * from its directory, in milliseconds, instead of filling memory.
 *
 * The directory is read here rather than by fflate's unzip: an entry larger than 4 GB (or
 * one that claims to be) writes 0xFFFFFFFF in the directory and its real sizes in a Zip64
 * extra field, which fflate reads only when the archive also has a Zip64 end record. Read
 * without it, a bomb was reported at the placeholder's 4096 MB, and an honest entry would
 * have been given a 4 GB buffer.
 */
import { inflateSync, strFromU8 } from 'fflate';

export const archiveLimits = {
  /** Entries in the archive's directory: a project has one per source file, plus the project file. */
  entries: 20_000,
  /** Sum of the declared sizes of the entries inflated: the project file and the texts it refers to. */
  inflatedBytes: 512 * 1024 * 1024,
  /** Declared size over compressed size, for entries larger than {@link ratioFloorBytes}: plain text compresses about 3–10 times. */
  ratio: 200,
  ratioFloorBytes: 1024 * 1024,
} as const;

export interface ArchiveEntry {
  name: string;
  /** Compressed size, as declared. */
  size: number;
  /** Inflated size, as declared; undefined when the directory says "see the Zip64 field" and the entry has none. */
  originalSize: number | undefined;
  compression: number;
  /** Offset of the entry's local header. */
  offset: number;
}

export type ArchiveResult<T> = { ok: true; value: T } | { ok: false; reason: string };

const mib = (bytes: number) => `${(bytes / 1_048_576).toFixed(1)} MB`;

/** The value a 32-bit size or offset holds when the real one is in the Zip64 extra field. */
const zip64Placeholder = 0xffffffff;

class Damaged extends Error {}

function reader(bytes: Uint8Array) {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const check = (offset: number, length: number) => {
    if (offset < 0 || offset + length > bytes.length) throw new Damaged(`a record runs past the end of the file at byte ${offset}`);
  };
  return {
    u16: (offset: number) => (check(offset, 2), view.getUint16(offset, true)),
    u32: (offset: number) => (check(offset, 4), view.getUint32(offset, true)),
    // Sizes past 2^53 lose precision as numbers, which only matters for a size refused anyway.
    u64: (offset: number) => (check(offset, 8), Number(view.getBigUint64(offset, true))),
  };
}

/** The central directory's place and length, from the end record (and its Zip64 form when the 16-bit or 32-bit fields overflowed). */
function directory(bytes: Uint8Array): { count: number; offset: number } {
  const { u16, u32, u64 } = reader(bytes);
  // The end record is the last 22 bytes, before a comment of at most 65,535 bytes.
  let end = bytes.length - 22;
  const stop = Math.max(0, end - 65_535);
  while (end >= stop && u32(end) !== 0x06054b50) end -= 1;
  if (end < stop) throw new Damaged('no end-of-directory record');
  let count = u16(end + 10);
  let offset = u32(end + 16);
  if (end >= 20 && u32(end - 20) === 0x07064b50) {
    const zip64End = u64(end - 12);
    if (u32(zip64End) !== 0x06064b50) throw new Damaged('the Zip64 end record is not where its locator says');
    count = u64(zip64End + 32);
    offset = u64(zip64End + 48);
  }
  return { count, offset };
}

/** The archive's directory, without inflating anything. */
export function listEntries(bytes: Uint8Array): ArchiveResult<ArchiveEntry[]> {
  const entries: ArchiveEntry[] = [];
  try {
    const { u16, u32, u64 } = reader(bytes);
    const { count, offset } = directory(bytes);
    if (count > archiveLimits.entries)
      return { ok: false, reason: `holds ${count.toLocaleString('en')} files, more than the ${archiveLimits.entries.toLocaleString('en')} a project can have; refused without unpacking` };
    let at = offset;
    for (let index = 0; index < count; index += 1) {
      if (u32(at) !== 0x02014b50) throw new Damaged(`directory entry ${index + 1} is not where the directory says`);
      const nameLength = u16(at + 28);
      const extraLength = u16(at + 30);
      const commentLength = u16(at + 32);
      const nameStart = at + 46;
      if (nameStart + nameLength + extraLength > bytes.length) throw new Damaged(`directory entry ${index + 1} runs past the end of the file`);
      // Bit 11: the name is UTF-8; otherwise it is in the DOS code page, read as Latin-1 as fflate does.
      const name = strFromU8(bytes.subarray(nameStart, nameStart + nameLength), (u16(at + 8) & 0x800) === 0);
      let size = u32(at + 20);
      let originalSize: number | undefined = u32(at + 24);
      let local = u32(at + 42);
      const placeholders = { original: originalSize === zip64Placeholder, size: size === zip64Placeholder, local: local === zip64Placeholder };
      if (placeholders.original || placeholders.size || placeholders.local) {
        const zip64 = zip64Field(bytes, nameStart + nameLength, extraLength);
        // The field holds only the values the directory left as placeholders, in this order.
        let field = zip64?.start ?? 0;
        const next = () => {
          if (zip64 === undefined || field + 8 > zip64.end) return undefined;
          const value = u64(field);
          field += 8;
          return value;
        };
        if (placeholders.original) originalSize = next();
        if (placeholders.size) size = next() ?? size;
        if (placeholders.local) local = next() ?? local;
      }
      entries.push({ name, size, originalSize, compression: u16(at + 10), offset: local });
      at = nameStart + nameLength + extraLength + commentLength;
    }
  } catch (error) {
    if (error instanceof Damaged) return { ok: false, reason: `is a damaged zip archive (${error.message})` };
    throw error;
  }
  return { ok: true, value: entries };
}

/** Where the data of the Zip64 extra field (header id 1) lies among an entry's extra fields. */
function zip64Field(bytes: Uint8Array, start: number, length: number): { start: number; end: number } | undefined {
  const { u16 } = reader(bytes);
  for (let at = start; at + 4 <= start + length; at += 4 + u16(at + 2)) {
    if (u16(at) === 0x0001) return { start: at + 4, end: Math.min(at + 4 + u16(at + 2), start + length) };
  }
  return undefined;
}

/** Why inflating these entries is refused, if it is. */
export function refuseInflating(entries: readonly ArchiveEntry[]): string | undefined {
  const unknown = entries.find((entry) => entry.originalSize === undefined);
  if (unknown)
    return `holds ${unknown.name}, whose unpacked size is unknown: the directory marks it as larger than 4 GB (0xFFFFFFFF) but gives no Zip64 field with the real size; a zip bomb or a damaged archive; refused without unpacking`;
  const total = entries.reduce((sum, entry) => sum + entry.originalSize!, 0);
  if (total > archiveLimits.inflatedBytes) return `would unpack to ${mib(total)}, more than the ${mib(archiveLimits.inflatedBytes)} limit; refused without unpacking`;
  for (const entry of entries) {
    const originalSize = entry.originalSize!;
    if (entry.compression !== 0 && entry.compression !== 8)
      return `stores ${entry.name} with compression method ${entry.compression}, which zip tools rarely write; only stored and deflated entries are read`;
    if (originalSize > archiveLimits.ratioFloorBytes && originalSize > entry.size * archiveLimits.ratio) {
      return `holds ${entry.name}, which would unpack from ${mib(entry.size)} to ${mib(originalSize)} (${Math.round(originalSize / Math.max(entry.size, 1))} times; text compresses at most about ${archiveLimits.ratio} times): a zip bomb or a damaged archive; refused without unpacking`;
    }
  }
  return undefined;
}

/** Inflates these entries (after {@link refuseInflating} agreed), each into a buffer of its declared size. */
export function inflateEntries(bytes: Uint8Array, entries: readonly ArchiveEntry[]): ArchiveResult<Map<string, Uint8Array>> {
  const files = new Map<string, Uint8Array>();
  try {
    const { u16, u32 } = reader(bytes);
    for (const entry of entries) {
      if (u32(entry.offset) !== 0x04034b50) throw new Damaged(`${entry.name} is not where the directory says`);
      const start = entry.offset + 30 + u16(entry.offset + 26) + u16(entry.offset + 28);
      if (start + entry.size > bytes.length) throw new Damaged(`${entry.name} runs past the end of the file`);
      const data = bytes.subarray(start, start + entry.size);
      const size = entry.originalSize ?? 0;
      if (entry.compression === 0) {
        if (entry.size !== size) throw new Damaged(`${entry.name} is stored with ${entry.size} bytes but declares ${size}`);
        files.set(entry.name, data.slice());
      } else {
        const out = new Uint8Array(size);
        const inflated = inflateSync(data, { out });
        if (inflated.length !== size) throw new Damaged(`${entry.name} unpacks to ${inflated.length} bytes but declares ${size}`);
        files.set(entry.name, inflated);
      }
    }
  } catch (error) {
    return { ok: false, reason: `is a damaged zip archive (${error instanceof Damaged ? error.message : (error as Error).message})` };
  }
  return { ok: true, value: files };
}
