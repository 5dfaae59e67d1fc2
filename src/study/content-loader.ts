/**
 * The coded data enters Astro through its content layer: this loader reads and validates
 * the study folder with the same code as `npm run check` and puts the result in Astro's
 * content store, where pages read it (src/study/index.ts). In `npm run dev` it watches the
 * folder and loads it again after each edit, and Astro's content layer takes the change to
 * the open pages.
 */
import { relative } from 'node:path';
import type { Loader, LoaderContext } from 'astro/loaders';
import { formatReport } from './diagnostics.ts';
import { loadStudy } from './load.ts';
import { readProseUses } from './prose/uses.ts';

/** The store's entries: the study's content when valid, else the problems report; where prose names each record. */
export const studyEntry = { content: 'content', problems: 'problems', proseUses: 'prose-uses' } as const;

/** Coded data, and prose too: where the prose names each record is part of what is loaded (backlinks). */
function isStudyFile(file: string, dir: string): boolean {
  const rel = relative(dir, file);
  return rel !== '' && !rel.startsWith('..') && (file.endsWith('.json') || file.endsWith('.mdx'));
}

async function loadInto({ store }: LoaderContext, dir: string, failOnProblems: boolean): Promise<void> {
  const [{ content, files }, proseUses] = await Promise.all([loadStudy(dir), readProseUses(dir)]);
  if (!content) {
    const report = formatReport(files);
    if (failOnProblems) throw new Error(`The study content has errors; nothing was built.\n${report}`);
    // The dev server keeps running and each page shows the report until the study is mended.
    store.delete(studyEntry.content);
    store.set({ id: studyEntry.problems, data: { report } });
    return;
  }
  store.delete(studyEntry.problems);
  store.set({ id: studyEntry.content, data: { content } });
  store.set({ id: studyEntry.proseUses, data: { proseUses } });
}

export function studyLoader(dir: string): Loader {
  return {
    name: 'casebook-study',
    load: async (context) => {
      const { watcher, logger } = context;
      // A build (or `astro sync`) of an invalid study stops with the report; the dev server shows it instead.
      await loadInto(context, dir, watcher === undefined);
      if (!watcher) return;
      watcher.add(dir);
      // One load at a time, in the order of the edits, so an older load never replaces a newer one.
      let loading = Promise.resolve();
      watcher.on('all', (_event, file) => {
        if (!isStudyFile(file, dir)) return;
        loading = loading.then(() => loadInto(context, dir, false)).catch((error: unknown) => logger.error(`Could not load the study again: ${String(error)}`));
      });
    },
  };
}
