/** `npm run docs`: regenerates docs/data-format.md, docs/mdx.md and docs/notation.md from the schemas, prose tables and symbol table. */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { renderMdxReference } from '../interchange/mdx-doc.ts';
import { renderDataFormat } from '../interchange/schema-doc.ts';
import { renderNotationGuide } from '../interchange/notation-doc.ts';

for (const [name, text] of [
  ['data-format.md', renderDataFormat()],
  ['mdx.md', renderMdxReference()],
  ['notation.md', renderNotationGuide()],
] as const) {
  await writeFile(join(process.cwd(), 'docs', name), text);
  console.log(`wrote docs/${name}`);
}
