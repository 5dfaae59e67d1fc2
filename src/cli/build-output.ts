/**
 * The output folder of a build and its neighbours. A build renders into a staging folder
 * beside the output folder (same filesystem, so the swap is a rename), then swaps it in:
 * the output folder is renamed to `<out>.previous-*` and the staging folder to `<out>`.
 * A build killed between those two renames leaves no `<out>` for that instant; the next
 * build restores the previous site before anything else, and removes the staging and
 * previous folders that interrupted builds left behind.
 *
 * An output folder on another filesystem than the checkout is rendered inside the checkout,
 * in `renderFolder`, and copied beside the output folder before the swap (see build.ts).
 */
import { existsSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** Where sites for an output folder on another filesystem are rendered, relative to the checkout. */
export const renderFolder = '.casebook-render';

export function sameFilesystem(a: string, b: string): boolean {
  return statSync(a).dev === statSync(b).dev;
}

export function stagingFolder(outDir: string, stamp: string): string {
  return `${outDir}.staging-${stamp}`;
}

function previousFolder(outDir: string, stamp: string): string {
  return `${outDir}.previous-${stamp}`;
}

/** The leftovers of earlier builds beside the output folder, newest first. */
function leftovers(outDir: string, kind: 'staging' | 'previous'): string[] {
  const parent = dirname(outDir);
  const prefix = `${basename(outDir)}.${kind}-`;
  const names = existsSync(parent) ? readdirSync(parent).filter((name) => name.startsWith(prefix)) : [];
  return names
    .map((name) => join(parent, name))
    .map((path) => ({ path, time: statSync(path, { throwIfNoEntry: false })?.mtimeMs ?? 0 }))
    .sort((a, b) => b.time - a.time)
    .map((entry) => entry.path);
}

export interface Recovery {
  /** The previous site put back at the output path, when a build was killed mid-swap. */
  restored: string | undefined;
  /** Folders of interrupted builds that were removed. */
  removed: string[];
}

/**
 * Puts the output folder back in order after an interrupted build. Only to be called with
 * the build lock held, so no other build of this checkout is using these folders.
 */
export function recoverOutput(outDir: string, checkout: string): Recovery {
  let restored: string | undefined;
  const previous = leftovers(outDir, 'previous');
  if (!existsSync(outDir) && previous[0]) {
    renameSync(previous[0], outDir);
    restored = previous.shift();
  }
  const rendering = join(checkout, renderFolder);
  const renders = existsSync(rendering) ? readdirSync(rendering).map((name) => join(rendering, name)) : [];
  const removed = [...leftovers(outDir, 'staging'), ...previous, ...renders];
  for (const path of removed) rmSync(path, { recursive: true, force: true });
  return { restored, removed };
}

/** Puts the staging folder at the output path and removes the site it replaces. */
export function swapIn(stagingDir: string, outDir: string, stamp: string): void {
  const previous = previousFolder(outDir, stamp);
  if (existsSync(outDir)) renameSync(outDir, previous);
  renameSync(stagingDir, outDir);
  rmSync(previous, { recursive: true, force: true });
}
