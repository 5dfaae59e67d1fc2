import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderMdxReference } from '../../src/interchange/mdx-doc.ts';
import { renderDataFormat } from '../../src/interchange/schema-doc.ts';
import { renderNotationGuide } from '../../src/interchange/notation-doc.ts';
import { ruleIds as caRuleIds } from '../../src/ca/diagnostics.ts';
import { repoRoot } from '../helpers/build-site.ts';

const docsDir = join(repoRoot, 'docs');
const markdownFiles = [
  join(repoRoot, 'README.md'),
  ...readdirSync(docsDir)
    .filter((name) => name.endsWith('.md'))
    .map((name) => join(docsDir, name)),
];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? sourceFiles(join(dir, entry.name)) : entry.name.endsWith('.ts') ? [join(dir, entry.name)] : []));
}

/** Rule ids the loader and the interchange commands report: `rule: '…'`, and the positional rule argument of crossref.ts. */
function emittedRules(): Set<string> {
  const rules = new Set<string>();
  for (const file of [...sourceFiles(join(repoRoot, 'src', 'study')), ...sourceFiles(join(repoRoot, 'src', 'interchange'))]) {
    const text = readFileSync(file, 'utf8');
    for (const line of text.split('\n')) {
      if (!/\brule\b/.test(line) && !file.endsWith('crossref.ts')) continue;
      for (const match of line.matchAll(/'([a-z]+(?:-[a-z]+)+|identifier)'/g)) rules.add(match[1]!);
    }
  }
  return rules;
}

describe('researcher documentation', () => {
  it('docs/data-format.md is what npm run docs generates from the schemas', () => {
    expect(readFileSync(join(docsDir, 'data-format.md'), 'utf8'), 'run npm run docs').toBe(renderDataFormat());
  });

  it('docs/mdx.md is what npm run docs generates from the prose schemas and component table', () => {
    expect(readFileSync(join(docsDir, 'mdx.md'), 'utf8'), 'run npm run docs').toBe(renderMdxReference());
  });

  it('docs/notation.md is what npm run docs generates from the symbol table', () => {
    expect(readFileSync(join(docsDir, 'notation.md'), 'utf8'), 'run npm run docs').toBe(renderNotationGuide());
  });

  it('every relative link in README.md and docs/*.md points at an existing path', () => {
    const broken: string[] = [];
    for (const file of markdownFiles) {
      const text = readFileSync(file, 'utf8');
      for (const match of text.matchAll(/\]\(([^)\s]+)\)/g)) {
        const target = match[1]!;
        if (/^[a-z]+:/i.test(target) || target.startsWith('#')) continue;
        const path = resolve(dirname(file), decodeURIComponent(target.split('#')[0]!));
        if (!existsSync(path)) broken.push(`${file.slice(repoRoot.length + 1)} → ${target}`);
      }
    }
    expect(broken).toEqual([]);
  });

  it('docs/errors.md has a heading for every rule the loader and the import commands report', () => {
    const headings = new Set([...readFileSync(join(docsDir, 'errors.md'), 'utf8').matchAll(/^### `([a-z-]+)`/gm)].map((match) => match[1]!));
    const rules = [...emittedRules()];
    expect(rules.length).toBeGreaterThan(40);
    expect(rules.filter((rule) => !headings.has(rule)).sort()).toEqual([]);
  });

  it('links the CA engine rules to where they are documented', () => {
    const caReadme = readFileSync(join(repoRoot, 'src', 'ca', 'README.md'), 'utf8');
    expect(caRuleIds.filter((rule) => !caReadme.includes(rule))).toEqual([]);
    expect(readFileSync(join(docsDir, 'errors.md'), 'utf8')).toContain('(../src/ca/README.md)');
  });
});
