/**
 * Dev-server live reload. Coded data: the study JSON is read by src/study, which caches
 * the loaded Study, so without `watchStudy` an edit to an excerpt would show only after a
 * restart. Prose: MDX is watched by Astro's content layer, but `refreshContentStore` is
 * needed for its edits to show reliably (see there).
 */
import { relative, resolve } from 'node:path';
import { isRunnableDevEnvironment, type Plugin, type ViteDevServer } from 'vite';

const studyIndex = resolve(import.meta.dirname, 'index.ts');

/** The dev server's environments that render pages, the ones Astro itself invalidates. */
const pageEnvironments = ['ssr', 'prerender'];

/** Coded data, and prose too: the study caches where its prose names each record (backlinks). */
function isStudyData(file: string, dir: string): boolean {
  const rel = relative(dir, file);
  return rel !== '' && !rel.startsWith('..') && (file.endsWith('.json') || file.endsWith('.mdx'));
}

async function reloadStudy(server: ViteDevServer): Promise<void> {
  for (const name of pageEnvironments) {
    const environment = server.environments[name];
    if (!environment || !isRunnableDevEnvironment(environment)) continue;
    if (environment.moduleGraph.getModulesByFile(studyIndex)?.size) {
      const study = (await environment.runner.import(studyIndex)) as { invalidateStudy: () => void };
      study.invalidateStudy();
    }
    environment.hot.send('astro:content-changed', {});
  }
  server.environments.client.hot.send({ type: 'full-reload', path: '*' });
}

export function watchStudy(dir: string): Plugin {
  const root = resolve(dir);
  return {
    name: 'casebook:watch-study',
    apply: 'serve',
    configureServer(server) {
      server.watcher.add(root);
      const onEvent = (file: string) => {
        if (!isStudyData(file, root)) return;
        reloadStudy(server).catch((error: unknown) => server.config.logger.error(`casebook: could not reload the study: ${String(error)}`));
      };
      for (const event of ['add', 'change', 'unlink'] as const) server.watcher.on(event, onEvent);
    },
  };
}

/**
 * Astro's content runtime keeps the data store it first reads in a module-level singleton,
 * and when Astro rewrites `.astro/data-store.json` (debounced, 500 ms after an edit) it
 * invalidates only the store's virtual module. Without this plugin a chapter edited while
 * open now and then kept its old frontmatter until a restart (9 of 49 edits locally; 0 of
 * 56 with it). Reloading the server's modules and forgetting getStaticPaths results after
 * each store write makes the next request read the store afresh.
 */
export function refreshContentStore(): Plugin {
  return {
    name: 'casebook:refresh-content-store',
    apply: 'serve',
    configureServer(server) {
      const store = resolve(server.config.root, '.astro', 'data-store.json');
      const onEvent = (file: string) => {
        if (file !== store) return;
        for (const name of pageEnvironments) {
          const environment = server.environments[name];
          if (!environment) continue;
          environment.hot.send({ type: 'full-reload', path: '*' });
          // getStaticPaths results computed from the old store must go too.
          environment.hot.send('astro:content-changed', {});
        }
      };
      for (const event of ['add', 'change'] as const) server.watcher.on(event, onEvent);
    },
  };
}
