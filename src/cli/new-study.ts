/**
 * `npm run new -- <folder>`: writes a new study folder from src/study/template.ts. It
 * never writes into a folder that already has files, so a study cannot be overwritten.
 */
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { studyTemplate } from '../study/template.ts';

const [target, ...extra] = process.argv.slice(2);
if (target === undefined || extra.length > 0) {
  console.error('Usage: npm run new -- <folder>   (writes a new study folder there; the folder must not exist or be empty)');
  process.exit(2);
}
const folder = resolve(target);
if (existsSync(folder) && readdirSync(folder).length > 0) {
  console.error(`${target} already has files in it; nothing was written. Choose a new folder, e.g. npm run new -- my-study`);
  process.exit(1);
}

const inside = relative(process.cwd(), folder);
// Inside the checkout, the short path the researcher typed; elsewhere, the whole path.
const shown = inside === '' ? '.' : inside.startsWith('..') ? folder : inside;
for (const [path, content] of studyTemplate(folder, resolve('public', 'schemas'), shown)) {
  mkdirSync(dirname(join(folder, path)), { recursive: true });
  writeFileSync(join(folder, path), content);
}
console.log(`Wrote a new study folder: ${shown}/
Next: replace every text in it (its README.md says in which order), then
  STUDY_DIR=${shown} npm run check
  STUDY_DIR=${shown} npm run build
See docs/new-study.md.`);
