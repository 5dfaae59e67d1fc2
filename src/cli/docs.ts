/** `npm run docs`: regenerates docs/data-format.md and docs/mdx.md from the schemas and prose tables. */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { renderMdxReference } from '../interchange/mdx-doc.ts';
import { renderDataFormat } from '../interchange/schema-doc.ts';

for (const [name, text] of [['data-format.md', renderDataFormat()], ['mdx.md', renderMdxReference()]] as const) {
  await writeFile(join(process.cwd(), 'docs', name), text);
  console.log(`wrote docs/${name}`);
}
