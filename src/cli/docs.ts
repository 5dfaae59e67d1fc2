/** `npm run docs`: regenerates docs/data-format.md from the zod schemas. */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { renderDataFormat } from '../interchange/schema-doc.ts';

await writeFile(join(process.cwd(), 'docs', 'data-format.md'), renderDataFormat());
console.log('wrote docs/data-format.md');
