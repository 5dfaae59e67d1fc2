/**
 * `npm run check` for the study's prose: every chapter and teaching page is read as Astro
 * will read it (js-yaml frontmatter, remark-mdx), its frontmatter is validated against
 * the documented schema, and every component it uses is checked against the study, each
 * problem at its file, line and column. The build never meets a problem here first.
 */
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Program } from 'estree';
import type { Root, RootContent } from 'mdast';
import type { MdxJsxAttribute, MdxJsxExpressionAttribute, MdxJsxFlowElement, MdxJsxTextElement } from 'mdast-util-mdx-jsx';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import type { VFile } from 'vfile';
import type { VFileMessage } from 'vfile-message';
import { report } from '../diagnostics.ts';
import { placeOf, type JsonSource } from '../json-source.ts';
import type { Study } from '../model.ts';
import { timedSessions } from '../timing.ts';
import { ChapterFrontmatterSchema, TeachingFrontmatterSchema } from '../schemas/prose.ts';
import { closest, validateSource } from '../validate.ts';
import { mdxComponentSpecs, type PropKind, type PropSpec } from './components.ts';
import { readFrontmatter } from './frontmatter.ts';
import { limits, readStudyFile, refuseOutside, reportUnreadable, type StudyOverlay } from '../read.ts';

/** What prose may refer to: the ids of the study's records. */
export interface ProseTargets {
  excerpts: readonly string[];
  references: readonly string[];
  terms: readonly string[];
  codes: readonly string[];
  units: readonly number[];
  /** Chart names this study can draw. */
  charts: readonly string[];
  /** Charts that draw one unit and so need `session`. */
  chartsNeedingUnit: readonly string[];
  teaching: readonly string[];
}

export const proseFolders = {
  chapters: ChapterFrontmatterSchema,
  teaching: TeachingFrontmatterSchema,
} as const;

export type ProseFolder = keyof typeof proseFolders;

type Place = { line: number; column: number };
type Element = MdxJsxFlowElement | MdxJsxTextElement;

const mdxParser = unified().use(remarkParse).use(remarkMdx);

/** Parses an MDX body as @mdx-js/mdx does; a syntax error is reported on the file. */
export function parseMdx(file: VFile, body: string): Root | undefined {
  try {
    const tree = mdxParser.parse(body);
    return tooDeep(file, tree) ? undefined : tree;
  } catch (cause) {
    const error = cause as VFileMessage;
    report(file, {
      reason: `MDX syntax: ${error.reason ?? String(cause)}`,
      rule: 'mdx-syntax',
      severity: 'error',
      place: error.line ? { line: error.line, column: error.column ?? 1 } : undefined,
      fix: mdxSyntaxFix(error.reason ?? ''),
    });
    return undefined;
  }
}

/**
 * Reports the first element nested deeper than the limit. Every walk over the tree (this
 * check's and Astro's) recurses once per level, so thousands of levels would overflow the
 * stack; the parser itself does not recurse, so the tree can be measured without it.
 */
function tooDeep(file: VFile, tree: Root): boolean {
  const stack: { node: Root | RootContent; depth: number }[] = [{ node: tree, depth: 0 }];
  while (stack.length > 0) {
    const { node, depth } = stack.pop()!;
    if (depth > limits.mdxDepth) {
      report(file, {
        reason: `Elements nested more than ${limits.mdxDepth} levels deep (quotes, lists, tags inside each other)`,
        rule: 'mdx-depth',
        severity: 'error',
        place: placeOfNode(node),
        fix: `No page needs more than a few levels; a page may nest at most ${limits.mdxDepth}. Close the quotes, lists or tags that open from here on.`,
      });
      return true;
    }
    // Children pushed last first, so the first too-deep element in reading order is the one reported.
    if ('children' in node) for (const child of [...node.children].reverse()) stack.push({ node: child, depth: depth + 1 });
  }
  return false;
}

function mdxSyntaxFix(reason: string): string {
  if (/before name|after `<`|lazy line|closing tag|end of file/i.test(reason)) {
    return 'In MDX "<" opens a component or tag and "{" an expression: close every <Component> with /> or a matching </Component>, and write &lt; or \\{ for the characters themselves.';
  }
  if (/expression|acorn|Could not parse/i.test(reason)) return 'Check the {…} expression: braces must balance, and a literal "{" is written \\{.';
  return 'Correct the MDX at this position (docs/mdx.md shows the syntax).';
}

/** Lists the .mdx files of one prose folder; an absent folder has none. */
export async function mdxFiles(dir: string, folder: ProseFolder): Promise<string[]> {
  const names = await readdir(join(dir, folder)).catch(() => [] as string[]);
  return names
    .filter((name) => name.endsWith('.mdx'))
    .sort()
    .map((name) => join(dir, folder, name));
}

export async function teachingIds(dir: string): Promise<string[]> {
  return (await mdxFiles(dir, 'teaching')).map((path) => path.slice(path.lastIndexOf('/') + 1, -'.mdx'.length));
}

/**
 * Checks every chapter and teaching page of a study folder. References to records are
 * checked only when `targets` is given (the study's JSON loaded without errors).
 */
export async function checkProse(dir: string, targets: ProseTargets | undefined, overlay?: StudyOverlay): Promise<VFile[]> {
  const files: VFile[] = [];
  for (const folder of Object.keys(proseFolders) as ProseFolder[]) {
    const outside = await refuseOutside(dir, join(dir, folder));
    if (outside) {
      files.push(outside);
      continue;
    }
    for (const path of await mdxFiles(dir, folder)) {
      const file = await readStudyFile(dir, path, reportUnreadable, overlay);
      files.push(file);
      if (file.value !== undefined) checkProseFile(file, folder, targets);
    }
  }
  return files;
}

export function checkProseFile(file: VFile, folder: ProseFolder, targets: ProseTargets | undefined): void {
  const { source, body } = readFrontmatter(file);
  if (source) {
    const data = validateSource(source, proseFolders[folder]);
    if (data && targets && 'excerpts' in data) checkFrontmatterReferences(source, data, targets);
  }
  const tree = parseMdx(file, body);
  if (tree) {
    checkComponents(file, tree, targets);
    checkActiveContent(file, tree);
  }
}

/** Attributes whose value a browser follows as a URL, so a `javascript:` value runs as script. */
const urlAttributes = new Set(['href', 'src', 'action', 'formaction', 'xlink:href', 'poster', 'data', 'cite', 'background', 'ping']);

/** A URL a browser would run as script: the scheme, ignoring case and the whitespace and controls browsers strip. */
function isScriptUrl(url: string): boolean {
  return /^(?:javascript|vbscript):/i.test(url.replace(/[\u0000-\u0020]/g, ''));
}

/**
 * Markup in prose that runs script or embeds another page. MDX is published as written
 * (the authors of a study folder are trusted with the build machine, see
 * docs/security.md), so these are warnings: they name what a reader's browser would run
 * or load, so that it is never there by accident (pasted from another site, or brought in
 * with a colleague's chapter). The site's Content-Security-Policy is the second line.
 */
function checkActiveContent(file: VFile, tree: Root): void {
  const warn = (node: { position?: { start: { line: number; column: number } } | undefined }, reason: string, rule: string, fix: string) =>
    report(file, { reason, rule, severity: 'warning', place: placeOfNode(node), fix });
  const visit = (node: Root | RootContent) => {
    if (node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') {
      const name = node.name ?? '';
      if (name.toLowerCase() === 'script') {
        warn(
          node,
          "<script> is published as written and would run code in every reader's browser",
          'mdx-script',
          "Remove it. Interactive parts belong in the site's components (src/components), where their scripts are bundled and allowed.",
        );
      }
      if (['iframe', 'frame', 'frameset', 'object', 'embed'].includes(name.toLowerCase())) {
        warn(node, `<${name}> embeds another page or plug-in, whose content the study does not control`, 'mdx-embedded-content', 'Link to the page instead: [what it shows](https://…).');
      }
      for (const attribute of node.attributes) {
        if (attribute.type !== 'mdxJsxAttribute') continue;
        const place = placeOfNode(attribute) ? attribute : node;
        if (/^on/i.test(attribute.name)) {
          warn(place, `Event handler ${attribute.name} on <${name}> would run code in the reader's browser`, 'mdx-event-handler', `Remove ${attribute.name}.`);
        }
        const literal = literalOf(attribute);
        if (urlAttributes.has(attribute.name.toLowerCase()) && typeof literal?.value === 'string' && isScriptUrl(literal.value)) {
          warn(
            place,
            `${attribute.name}="${literal.value.slice(0, 40)}" on <${name}> is a script URL, which runs code when followed`,
            'mdx-script-url',
            'Link to a page (https://… or a path of this site) instead.',
          );
        }
      }
    }
    if ((node.type === 'link' || node.type === 'image' || node.type === 'definition') && isScriptUrl(node.url)) {
      warn(node, `The link target "${node.url.slice(0, 40)}" is a script URL, which runs code when followed`, 'mdx-script-url', 'Link to a page (https://… or a path of this site) instead.');
    }
    if ('children' in node) for (const child of node.children) visit(child);
  };
  visit(tree);
}

function checkFrontmatterReferences(source: JsonSource, data: { excerpts: string[]; codes: string[] }, targets: ProseTargets): void {
  data.excerpts.forEach((id, index) => {
    if (!targets.excerpts.includes(id)) {
      unknown(source.file, placeOf(source, ['excerpts', index]), 'excerpt', id, `there is no excerpts/${id}.json`, 'unknown-excerpt', targets.excerpts);
    }
  });
  data.codes.forEach((code, index) => {
    if (!targets.codes.includes(code)) unknown(source.file, placeOf(source, ['codes', index]), 'code', code, 'it is not in codebook.json', 'unknown-code', targets.codes);
  });
}

function unknown(file: VFile, place: Place | undefined, what: string, value: string, why: string, rule: string, known: readonly string[]): void {
  const suggestion = closest(value, known);
  const listed = known.length === 0 ? `The study has no ${what}s yet.` : `Known: ${known.slice(0, 12).join(', ')}${known.length > 12 ? `, … (${known.length} in all)` : ''}.`;
  report(file, {
    reason: `Unknown ${what} "${value}": ${why}`,
    rule,
    severity: 'error',
    place,
    fix: suggestion ? `Did you mean "${suggestion}"?` : listed,
    actual: value,
    expected: [...known],
  });
}

/** Names an MDX file defines itself (imports and exports), which need no checking. */
function localNames(tree: Root): Set<string> {
  const names = new Set<string>();
  for (const node of tree.children) {
    if (node.type !== 'mdxjsEsm') continue;
    const program = node.data?.estree as Program | undefined;
    for (const statement of program?.body ?? []) {
      if (statement.type === 'ImportDeclaration') for (const specifier of statement.specifiers) names.add(specifier.local.name);
      if (statement.type === 'ExportNamedDeclaration' && statement.declaration?.type === 'VariableDeclaration') {
        for (const declarator of statement.declaration.declarations) if (declarator.id.type === 'Identifier') names.add(declarator.id.name);
      }
      if (statement.type === 'ExportNamedDeclaration' && statement.declaration && 'id' in statement.declaration && statement.declaration.id) {
        names.add(statement.declaration.id.name);
      }
    }
  }
  return names;
}

/** A figure's name: what `<Chart id>` gives and `<FigureRef id>` names. */
export const figureIdPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * Figures are numbered per page, so a `<FigureRef>` must name a `<Chart id>` on its own
 * page (before or after it), and each id may be given once.
 */
function checkFigures(file: VFile, tree: Root, defined: Set<string>): void {
  const figures = new Map<string, Element>();
  const refs: { id: string; attribute: MdxJsxAttribute; element: Element }[] = [];
  const idOf = (element: Element) => {
    const attribute = element.attributes.find((candidate): candidate is MdxJsxAttribute => candidate.type === 'mdxJsxAttribute' && candidate.name === 'id');
    const literal = attribute ? literalOf(attribute) : undefined;
    return attribute && typeof literal?.value === 'string' && figureIdPattern.test(literal.value) ? { id: literal.value, attribute } : undefined;
  };
  const visit = (node: Root | RootContent) => {
    if ((node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') && (node.name === 'Chart' || node.name === 'FigureRef') && !defined.has(node.name)) {
      const found = idOf(node);
      if (found && node.name === 'Chart') {
        const earlier = figures.get(found.id);
        if (earlier) {
          report(file, {
            reason: `Two charts on this page are named "${found.id}"${earlier.position ? ` (the other at line ${earlier.position.start.line})` : ''}`,
            rule: 'duplicate-figure',
            severity: 'error',
            place: placeOfNode(found.attribute) ?? placeOfNode(node),
            fix: 'Give each <Chart> on a page its own id.',
          });
        } else figures.set(found.id, node);
      }
      if (found && node.name === 'FigureRef') refs.push({ ...found, element: node });
    }
    if ('children' in node) for (const child of node.children) visit(child);
  };
  visit(tree);
  for (const ref of refs) {
    if (figures.has(ref.id)) continue;
    const known = [...figures.keys()];
    unknown(
      file,
      placeOfNode(ref.attribute) ?? placeOfNode(ref.element),
      'figure',
      ref.id,
      known.length === 0 ? 'no <Chart> on this page has an id' : 'no <Chart> on this page has that id (figures are numbered per page)',
      'unknown-figure',
      known,
    );
  }
}

function checkComponents(file: VFile, tree: Root, targets: ProseTargets | undefined): void {
  const defined = localNames(tree);
  checkFigures(file, tree, defined);
  const known = Object.keys(mdxComponentSpecs);
  const visit = (node: Root | RootContent) => {
    if ((node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') && node.name) {
      const root = node.name.split('.')[0]!;
      if (/^[A-Z]/.test(node.name) && !defined.has(root)) {
        if (node.name in mdxComponentSpecs) checkElement(file, node, mdxComponentSpecs[node.name as keyof typeof mdxComponentSpecs].props, targets);
        else {
          const suggestion = closest(node.name, known);
          report(file, {
            reason: `Unknown component <${node.name}>: MDX would stop the build with "Expected component ${node.name} to be defined"`,
            rule: 'unknown-component',
            severity: 'error',
            place: placeOfNode(node),
            fix: suggestion ? `Did you mean <${suggestion}>?` : `Use one of ${known.map((name) => `<${name}>`).join(', ')} (docs/mdx.md), or a lower-case HTML element.`,
            actual: node.name,
            expected: known,
          });
        }
      }
    }
    if ('children' in node) for (const child of node.children) visit(child);
  };
  visit(tree);
}

function placeOfNode(node: { position?: { start: { line: number; column: number } } | undefined }): Place | undefined {
  return node.position ? { line: node.position.start.line, column: node.position.start.column } : undefined;
}

type Literal = { value: string | number | boolean | null; written: string } | undefined;

/** The value an attribute is given, when it is a literal; undefined when it is computed. */
function literalOf(attribute: MdxJsxAttribute): Literal {
  const { value } = attribute;
  if (value === null || value === undefined) return { value: true, written: attribute.name };
  if (typeof value === 'string') return { value, written: `${attribute.name}="${value}"` };
  const written = `${attribute.name}={${value.value}}`;
  const program = value.data?.estree as Program | undefined;
  const statement = program?.body[0];
  if (statement?.type !== 'ExpressionStatement') return undefined;
  const expression = statement.expression;
  if (expression.type === 'Literal' && !('regex' in expression) && !('bigint' in expression)) return { value: expression.value as string | number | boolean | null, written };
  if (expression.type === 'UnaryExpression' && expression.operator === '-' && expression.argument.type === 'Literal' && typeof expression.argument.value === 'number') {
    return { value: -expression.argument.value, written };
  }
  if (expression.type === 'TemplateLiteral' && expression.expressions.length === 0) return { value: expression.quasis[0]?.value.cooked ?? '', written };
  return undefined;
}

function checkElement(file: VFile, element: Element, props: Record<string, PropSpec>, targets: ProseTargets | undefined): void {
  const name = element.name!;
  const given = new Map<string, MdxJsxAttribute>();
  for (const attribute of element.attributes as (MdxJsxAttribute | MdxJsxExpressionAttribute)[]) {
    const place = placeOfNode(attribute) ?? placeOfNode(element);
    if (attribute.type === 'mdxJsxExpressionAttribute') {
      report(file, {
        reason: `<${name} ${attribute.value}> spreads props that cannot be checked`,
        rule: 'unchecked-prop',
        severity: 'warning',
        place,
        fix: `Write each prop out, e.g. ${mdxComponentSpecs[name as keyof typeof mdxComponentSpecs].example}.`,
      });
      continue;
    }
    const spec = props[attribute.name];
    if (!spec) {
      const allowed = Object.keys(props);
      const suggestion = closest(attribute.name, allowed);
      report(file, {
        reason: `Unknown prop "${attribute.name}" on <${name}>${suggestion ? `; did you mean "${suggestion}"?` : ''}`,
        rule: 'unknown-prop',
        severity: 'error',
        place,
        fix: suggestion ? `Rename "${attribute.name}" to "${suggestion}".` : `<${name}> takes ${allowed.map((prop) => `"${prop}"`).join(', ')}.`,
        actual: attribute.name,
        expected: allowed,
      });
      continue;
    }
    given.set(attribute.name, attribute);
    const literal = literalOf(attribute);
    if (!literal) {
      report(file, {
        reason: `<${name} ${attribute.name}={…}> is computed, so it cannot be checked`,
        rule: 'unchecked-prop',
        severity: 'warning',
        place,
        fix: `Write the value itself: ${attribute.name}="…"${spec.kind === 'unit' || spec.kind === 'level' || spec.kind === 'boolean' ? ` or ${attribute.name}={…} with a plain number or true/false` : ''}.`,
      });
      continue;
    }
    checkValue(file, place, name, attribute.name, spec, literal, targets);
  }
  const spreads = element.attributes.some((attribute) => attribute.type === 'mdxJsxExpressionAttribute');
  for (const [prop, spec] of Object.entries(props)) {
    if (spec.required && !given.has(prop) && !spreads) {
      report(file, {
        reason: `<${name}> needs "${prop}"`,
        rule: 'missing-prop',
        severity: 'error',
        place: placeOfNode(element),
        fix: `Add ${prop}: ${spec.doc}`,
      });
    }
  }
  if (name === 'Chart' && targets) {
    const chart = literalOf(given.get('name') ?? ({ type: 'mdxJsxAttribute', name: 'name', value: undefined } as unknown as MdxJsxAttribute));
    if (given.has('name') && typeof chart?.value === 'string' && targets.chartsNeedingUnit.includes(chart.value) && !given.has('session')) {
      report(file, {
        reason: `<Chart name="${chart.value}"> draws one session and needs "session"`,
        rule: 'missing-prop',
        severity: 'error',
        place: placeOfNode(element),
        fix: `Add session={n} with one of: ${targets.units.join(', ')}.`,
      });
    }
  }
}

const kindWords: Record<PropKind, string> = {
  excerpt: 'an excerpt id in quotes',
  references: 'reference ids in quotes',
  term: 'a glossary term id in quotes',
  code: 'a code in quotes',
  unit: 'a number in braces',
  chart: 'a chart name in quotes',
  'figure-id': 'a figure name in quotes',
  figure: 'a figure name in quotes',
  teaching: 'a teaching page name in quotes',
  path: 'a site path in quotes',
  text: 'text in quotes',
  boolean: 'true or false in braces',
  level: '{2} or {3}',
};

function checkValue(file: VFile, place: Place | undefined, component: string, prop: string, spec: PropSpec, literal: NonNullable<Literal>, targets: ProseTargets | undefined): void {
  const wrong = (example: string) =>
    report(file, {
      reason: `Wrong value for "${prop}" on <${component}>: expected ${kindWords[spec.kind]}, found ${literal.written}`,
      rule: 'wrong-prop',
      severity: 'error',
      place,
      fix: `Write ${example}. ${spec.doc}`,
      actual: literal.written,
    });
  const { value } = literal;
  switch (spec.kind) {
    case 'boolean':
      if (typeof value !== 'boolean') wrong(`${prop}={${value === 'false' ? 'false' : 'true'}}`);
      return;
    case 'level':
      if (value !== 2 && value !== 3) wrong(`${prop}={2} or ${prop}={3}`);
      return;
    case 'unit': {
      if (typeof value !== 'number') {
        wrong(`${prop}={${typeof value === 'string' && /^\d+$/.test(value) ? value : 'n'}}`);
        return;
      }
      if (targets && !targets.units.includes(value)) {
        unknown(file, place, 'session', String(value), 'there is no such file in sessions/', 'unknown-session', targets.units.map(String));
      }
      return;
    }
    default:
      break;
  }
  if (typeof value !== 'string') {
    wrong(`${prop}="…"`);
    return;
  }
  if (value.trim() === '' && spec.kind !== 'path') {
    wrong(`${prop}="…" with a value`);
    return;
  }
  if (spec.kind === 'path' && (/^[a-z][a-z0-9+.-]*:/i.test(value) || value.startsWith('/'))) {
    report(file, {
      reason: `<SiteLink path="${value}"> must be a path inside the site, without a leading slash`,
      rule: 'wrong-prop',
      severity: 'error',
      place,
      fix: `Write path="${value.replace(/^\/+/, '')}" for a page of this site, or use a Markdown link [text](https://…) for another site.`,
    });
    return;
  }
  if ((spec.kind === 'figure-id' || spec.kind === 'figure') && !figureIdPattern.test(value)) {
    wrong(
      `${prop}="${
        value
          .toLowerCase()
          .replace(/[^a-z0-9]+/g, '-')
          .replace(/^-+|-+$/g, '') || 'phases'
      }": lower-case letters, digits and hyphens`,
    );
    return;
  }
  if (!targets) return;
  switch (spec.kind) {
    case 'excerpt':
      if (!targets.excerpts.includes(value)) unknown(file, place, 'excerpt', value, `there is no excerpts/${value}.json`, 'unknown-excerpt', targets.excerpts);
      return;
    case 'references':
      for (const id of value.split(',').map((part) => part.trim())) {
        if (!targets.references.includes(id)) unknown(file, place, 'reference', id, 'it is not in references.json', 'unknown-reference', targets.references);
      }
      return;
    case 'term':
      if (!targets.terms.includes(value)) unknown(file, place, 'glossary term', value, 'it is not in glossary.json', 'unknown-term', targets.terms);
      return;
    case 'code':
      if (!targets.codes.includes(value)) unknown(file, place, 'code', value, 'it is not in codebook.json', 'unknown-code', targets.codes);
      return;
    case 'chart':
      if (!targets.charts.includes(value)) unknown(file, place, 'chart', value, 'this study cannot draw it', 'unknown-chart', targets.charts);
      return;
    // A figure reference is checked against the page's own figures (checkFigures).
    case 'teaching':
      if (!targets.teaching.includes(value)) unknown(file, place, 'teaching page', value, `there is no teaching/${value}.mdx`, 'unknown-teaching-page', targets.teaching);
      return;
    default:
      return;
  }
}

/** Every chart prose can embed, and when a study can draw it (for the MDX reference). */
export const chartDocs = {
  'session-phases': 'The length of each declared phase in every unit; needs study.json `timing` and units with `durations`.',
  'step-sequence': 'The order of one unit’s steps (`session={n}`); needs study.json `steps` and that unit’s `steps` rows.',
  'theme-session-matrix': 'How many excerpts of each theme come from each unit.',
  'theme-process': 'The themes in the study’s order, each with its subthemes and excerpt counts, as links.',
} as const;
export type ChartName = keyof typeof chartDocs;
const chartNames = Object.keys(chartDocs) as ChartName[];

/** The charts a study can draw: the phases chart needs timing, the step chart a step table. */
export function availableCharts(study: Study): ChartName[] {
  return chartNames.filter((chart) =>
    chart === 'session-phases'
      ? timedSessions(study.sessions, study.meta.timing).length > 0
      : chart === 'step-sequence'
        ? study.meta.steps !== undefined && study.sessions.some((unit) => unit.steps.length > 0)
        : true,
  );
}

/** The ids prose may name, from a loaded study and its teaching folder. */
export function proseTargets(study: Study, teaching: readonly string[]): ProseTargets {
  return {
    excerpts: [...study.excerptIndex.keys()],
    references: [...study.referenceIndex.keys()],
    terms: study.glossary.map((entry) => entry.id),
    codes: [...study.codeIndex.keys()],
    units: study.sessions.map((session) => session.number),
    charts: availableCharts(study),
    chartsNeedingUnit: ['step-sequence'],
    teaching,
  };
}
