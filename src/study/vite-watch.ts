/**
 * Dev-server live reload for coded data. MDX prose is watched by Astro's content layer,
 * but the study JSON is read by src/study, which caches the loaded Study: without this
 * plugin an edit to an excerpt would show only after a restart. On any change to a JSON
 * file of the study folder it forgets the cached Study (in the server's own module
 * instance, the one pages use), clears Astro's getStaticPaths cache, and reloads the
 * browser.
 */
import { relative, resolve } from 'node:path';
import { isRunnableDevEnvironment, type Plugin, type ViteDevServer } from 'vite';

const studyIndex = resolve(import.meta.dirname, 'index.ts');

function isStudyData(file: string, dir: string): boolean {
  const rel = relative(dir, file);
  return rel !== '' && !rel.startsWith('..') && file.endsWith('.json');
}

async function reloadStudy(server: ViteDevServer): Promise<void> {
  for (const name of ['ssr', 'prerender']) {
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
