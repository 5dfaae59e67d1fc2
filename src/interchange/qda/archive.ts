/**
 * A `.qdpx` archive opened the careful way: the zip's directory is read first, limits on
 * entry count, inflated size and compression ratio are checked against what it declares,
 * and only the entries asked for are inflated. An entry never inflates beyond the size it
 * declares (fflate writes into a buffer of exactly that size), so a zip bomb is refused
 * from its directory, in milliseconds, instead of filling memory.
 */
import { unzipSync, type UnzipFileInfo } from 'fflate';

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
  size: number;
  originalSize: number;
  compression: number;
}

export type ArchiveResult<T> = { ok: true; value: T } | { ok: false; reason: string };

const mib = (bytes: number) => `${(bytes / 1_048_576).toFixed(1)} MB`;

/** The archive's directory, without inflating anything. */
export function listEntries(bytes: Uint8Array): ArchiveResult<ArchiveEntry[]> {
  const entries: ArchiveEntry[] = [];
  try {
    unzipSync(bytes, {
      filter(info: UnzipFileInfo) {
        entries.push({ name: info.name, size: info.size, originalSize: info.originalSize, compression: info.compression });
        return false;
      },
    });
  } catch (error) {
    return { ok: false, reason: `is a damaged zip archive (${(error as Error).message})` };
  }
  if (entries.length > archiveLimits.entries) return { ok: false, reason: `holds ${entries.length.toLocaleString('en')} files, more than the ${archiveLimits.entries.toLocaleString('en')} a project can have; refused without unpacking` };
  return { ok: true, value: entries };
}

/** Why inflating these entries is refused, if it is. */
export function refuseInflating(entries: readonly ArchiveEntry[]): string | undefined {
  const total = entries.reduce((sum, entry) => sum + entry.originalSize, 0);
  if (total > archiveLimits.inflatedBytes) return `would unpack to ${mib(total)}, more than the ${mib(archiveLimits.inflatedBytes)} limit; refused without unpacking`;
  for (const entry of entries) {
    if (entry.compression !== 0 && entry.compression !== 8) return `stores ${entry.name} with compression method ${entry.compression}, which zip tools rarely write; only stored and deflated entries are read`;
    if (entry.originalSize > archiveLimits.ratioFloorBytes && entry.originalSize > entry.size * archiveLimits.ratio) {
      return `holds ${entry.name}, which would unpack from ${mib(entry.size)} to ${mib(entry.originalSize)} (${Math.round(entry.originalSize / Math.max(entry.size, 1))} times; text compresses at most about ${archiveLimits.ratio} times): a zip bomb or a damaged archive; refused without unpacking`;
    }
  }
  return undefined;
}

/** Inflates the named entries (after {@link refuseInflating} agreed). */
export function inflateEntries(bytes: Uint8Array, names: ReadonlySet<string>): ArchiveResult<Map<string, Uint8Array>> {
  try {
    const files = unzipSync(bytes, { filter: (info) => names.has(info.name) });
    return { ok: true, value: new Map(Object.entries(files)) };
  } catch (error) {
    return { ok: false, reason: `is a damaged zip archive (${(error as Error).message})` };
  }
}
