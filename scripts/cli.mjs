/**
 * `node scripts/cli.mjs <name> [arguments…]`: runs the researcher command src/cli/<name>.ts
 * from one JavaScript file that esbuild bundles from it (the project's own modules; the
 * packages stay in node_modules), kept in node_modules/.cache/casebook-cli/. Loading the
 * command's hundred-odd TypeScript modules through tsx on every run took some 1.5–3 s of
 * processor time before the command did anything; the bundle loads in a fraction of that.
 *
 * The bundle is remade whenever any file it was made from has changed (a hash of their
 * contents, checked on each run, a few milliseconds), so an edited source is never run
 * stale; the first run after `npm install` or after an edit makes it (well under a second).
 * Where the cache cannot be written, the command runs through tsx as before.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const root = resolve(import.meta.dirname, '..');
const [name, ...rest] = process.argv.slice(2);
const entry = name && /^[a-z][a-z-]*$/.test(name) ? join(root, 'src', 'cli', `${name}.ts`) : undefined;
if (!entry || !existsSync(entry)) {
  console.error(`Usage: node scripts/cli.mjs <command> [arguments…], where <command> names a file of src/cli/ (not "${name ?? ''}")`);
  process.exit(2);
}
const cache = join(root, 'node_modules', '.cache', 'casebook-cli');
const bundle = join(cache, `${name}.mjs`);
const manifest = join(cache, `${name}.json`);

/** A hash of the files the bundle was made from (paths relative to the checkout), or undefined when one is gone. */
function fingerprint(inputs) {
  const hash = createHash('sha256');
  for (const input of inputs) {
    const path = join(root, input);
    if (!existsSync(path)) return undefined;
    hash.update(input).update('\0').update(readFileSync(path)).update('\0');
  }
  return hash.digest('hex');
}

function isFresh() {
  try {
    const { inputs, hash } = JSON.parse(readFileSync(manifest, 'utf8'));
    return existsSync(bundle) && fingerprint(inputs) === hash;
  } catch {
    return false;
  }
}

async function make() {
  const { build } = await import('esbuild');
  mkdirSync(cache, { recursive: true });
  const suffix = `.${process.pid}-${Date.now()}.tmp`;
  const result = await build({
    absWorkingDir: root,
    entryPoints: [entry],
    outfile: bundle + suffix,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node24',
    packages: 'external',
    metafile: true,
    logLevel: 'error',
  });
  const inputs = Object.keys(result.metafile.inputs).sort();
  // Renamed into place, bundle first: a command started meanwhile reads a whole file, never half of one.
  renameSync(bundle + suffix, bundle);
  writeFileSync(manifest + suffix, JSON.stringify({ inputs, hash: fingerprint(inputs) }));
  renameSync(manifest + suffix, manifest);
}

let runnable = isFresh();
if (!runnable) {
  try {
    await make();
    runnable = true;
  } catch (error) {
    rmSync(manifest, { force: true });
    console.error(`(could not bundle src/cli/${name}.ts into ${cache}: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}; running it through tsx)`);
  }
}
// The command reads its arguments from process.argv.slice(2), as when it is run by itself.
process.argv = [process.argv[0], entry, ...rest];
if (runnable) await import(pathToFileURL(bundle).href);
else {
  const { tsImport } = await import('tsx/esm/api');
  await tsImport(pathToFileURL(entry).href, import.meta.url);
}
