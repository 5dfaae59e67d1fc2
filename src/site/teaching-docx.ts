/**
 * Teaching pages as editable Word documents (DOCX, made with the `docx` package) so
 * instructors can adapt them. A document is built from the same data as the page: the
 * frontmatter, the MDX body read as a syntax tree (the components it uses are resolved
 * against the study as on the page) and the excerpts from the Study. A student handout
 * leaves out the analysis and the facilitator notes and rules answer space under each
 * question; the instructor's copy keeps both.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  ExternalHyperlink,
  Footer,
  HeadingLevel,
  LevelFormat,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type ParagraphChild,
} from 'docx';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import type { PhrasingContent, Root, RootContent, TableRow as MdTableRow } from 'mdast';
import type { MdxJsxAttribute, MdxJsxFlowElement, MdxJsxTextElement } from 'mdast-util-mdx-jsx';
import remarkGfm from 'remark-gfm';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import type { Study } from '../study/index.ts';
import type { TeachingFrontmatter } from '../study/schemas/prose.ts';
import type { FacilitatorNotes } from '../study/schemas/index.ts';
import { workNoun } from '../study/words.ts';
import { printedNumbers } from '../study/transcripts.ts';
import { formatMinutes } from '../components/teaching/minutes.ts';
import { apaWork, inTextEntry, plainText, yearLabels } from './citation.ts';
import { sourceLabel } from './excerpt-facets.ts';
import { unitLabel } from './units.ts';
import { codeHref, excerptHref, href } from './urls.ts';

/** One teaching entry, as the content collection gives it. */
export interface TeachingDocEntry {
  id: string;
  data: TeachingFrontmatter;
  body?: string | undefined;
}

export type DocVariant = 'page' | 'handout';

export interface TeachingDocOptions {
  study: Study;
  /** Every teaching entry, to resolve `<Questions page>` and `<TeachingLink id>`. */
  entries: readonly TeachingDocEntry[];
  /** The page's address in the site, e.g. "teaching/vignette-rupture/". */
  pagePath: (entry: TeachingDocEntry) => string;
  /** The number each excerpt's first line carries (a vignette's run on). */
  firstLines: ReadonlyMap<string, number>;
  /** The site's origin, so links in the document are absolute. */
  site: URL;
}

/** Ruled lines under each question on a handout, as on the printed page. */
const ANSWER_LINES = 5;
const MONO = 'Courier New';
const ORDERED = 'ordered';

interface Context extends TeachingDocOptions {
  variant: DocVariant;
  /** Each ordered list restarts its numbering. */
  nextList: () => number;
}

const attribute = (node: MdxJsxFlowElement | MdxJsxTextElement, name: string): string | undefined => {
  const found = node.attributes.find((candidate): candidate is MdxJsxAttribute => candidate.type === 'mdxJsxAttribute' && candidate.name === name);
  return typeof found?.value === 'string' ? found.value : undefined;
};

/** Text of an element's children, without formatting (a link's words). */
function textOf(nodes: readonly (PhrasingContent | RootContent)[]): string {
  return nodes.map((node) => ('value' in node && typeof node.value === 'string' ? node.value : 'children' in node ? textOf(node.children as RootContent[]) : '')).join('');
}

function absolute(context: Context, path: string): string {
  return new URL(path, context.site).href;
}

interface Style {
  bold?: boolean;
  italics?: boolean;
}

function link(context: Context, path: string, text: string, style: Style): ParagraphChild {
  return new ExternalHyperlink({ link: absolute(context, path), children: [new TextRun({ text, style: 'Hyperlink', ...style })] });
}

/** Inline Markdown and MDX components as runs. */
function inline(context: Context, nodes: readonly PhrasingContent[], style: Style = {}): ParagraphChild[] {
  return nodes.flatMap((node): ParagraphChild[] => {
    switch (node.type) {
      case 'text':
        return [new TextRun({ text: node.value.replace(/\s*\n\s*/g, ' '), ...style })];
      case 'strong':
        return inline(context, node.children, { ...style, bold: true });
      case 'emphasis':
        return inline(context, node.children, { ...style, italics: true });
      case 'inlineCode':
        return [new TextRun({ text: node.value, font: MONO, ...style })];
      case 'break':
        return [new TextRun({ text: '', break: 1 })];
      case 'link':
        return [link(context, node.url, textOf(node.children), style)];
      case 'mdxJsxTextElement':
        return component(context, node, style);
      default:
        return 'children' in node ? inline(context, node.children as PhrasingContent[], style) : 'value' in node ? [new TextRun({ text: String(node.value), ...style })] : [];
    }
  });
}

/** An inline component as the page shows it: its words, linked to where the page links. */
function component(context: Context, node: MdxJsxTextElement, style: Style): ParagraphChild[] {
  const { study } = context;
  const own = textOf(node.children);
  const id = attribute(node, 'id') ?? '';
  switch (node.name) {
    case 'Term': {
      const term = study.glossary.find((entry) => entry.id === id);
      return [link(context, href(`glossary/#term-${id}`), own || term?.term || id, style)];
    }
    case 'ThemeLink': {
      const info = study.codeIndex.get(attribute(node, 'code') ?? '');
      return info ? [link(context, codeHref(info), own || `${info.code} ${info.name}`, style)] : [];
    }
    case 'TeachingLink': {
      const entry = context.entries.find((candidate) => candidate.id === id);
      return entry ? [link(context, href(context.pagePath(entry)), own || entry.data.title, style)] : [];
    }
    case 'SiteLink':
      return [link(context, href(attribute(node, 'path') ?? ''), own, style)];
    case 'ExcerptLink': {
      const excerpt = study.excerptIndex.get(id);
      return [link(context, excerptHref(id), own || `“${excerpt?.title ?? id}”`, style)];
    }
    case 'Cite': {
      const years = yearLabels(study.references);
      const works = id
        .split(',')
        .map((key) => study.referenceIndex.get(key.trim()))
        .filter((reference) => reference !== undefined);
      const locator = attribute(node, 'locator');
      const text = `(${works.map((reference) => plainText(inTextEntry(reference, years.get(reference.id)))).join('; ')}${locator ? `, ${locator}` : ''})`;
      return [new TextRun({ text, ...style })];
    }
    default:
      return own ? [new TextRun({ text: own, ...style })] : [];
  }
}

const headingLevels = { 1: HeadingLevel.HEADING_1, 2: HeadingLevel.HEADING_2, 3: HeadingLevel.HEADING_3 } as const;
const heading = (text: string, level: 1 | 2 | 3) => new Paragraph({ heading: headingLevels[level], children: [new TextRun(text)] });

const plain = (text: string, style: Style & { size?: number } = {}) => new Paragraph({ children: [new TextRun({ text, ...style })] });

function bullets(items: readonly string[], indent = 0): Paragraph[] {
  return items.map((item) => new Paragraph({ bullet: { level: indent }, children: [new TextRun(item)] }));
}

/** An excerpt as a table of numbered lines: number, speaker, the line exactly as quoted. */
function excerptBlock(context: Context, id: string): (Paragraph | Table)[] {
  const { study } = context;
  const excerpt = study.excerptIndex.get(id);
  if (!excerpt) return [];
  const offset = (context.firstLines.get(id) ?? 1) - 1;
  const numbers = printedNumbers(excerpt.lines);
  const rows = excerpt.lines.map((line, index) => {
    // Talk and silence lines are numbered as on the page (the source's own numbers where the excerpt has them); a mark of omitted lines is not.
    const printed = numbers[index];
    const shown = printed === undefined ? '' : String(printed + offset);
    const speaker = line.kind === 'turn' && line.speaker !== undefined ? `${study.participants.get(line.speaker)?.label ?? line.speaker}:` : '';
    const cell = (text: string, width: number, bold = false) =>
      new TableCell({ width: { size: width, type: WidthType.PERCENTAGE }, children: [new Paragraph({ children: [new TextRun({ text, font: MONO, size: 20, bold })] })] });
    return new TableRow({ cantSplit: true, children: [cell(shown, 7), cell(speaker, 18, true), cell(line.text, 75)] });
  });
  const none = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
  return [
    heading(excerpt.title, 3),
    plain(`${unitLabel(study, excerpt.session)} · ${sourceLabel(study, excerpt.source)}`, { italics: true }),
    new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, borders: { top: none, bottom: none, left: none, right: none, insideHorizontal: none, insideVertical: none }, rows }),
  ];
}

function facilitatorBlock(notes: FacilitatorNotes): Paragraph[] {
  const label = (text: string) => new Paragraph({ indent: { left: 720 }, children: [new TextRun({ text, bold: true, size: 20 })] });
  const item = (text: string) => new Paragraph({ indent: { left: 1080, hanging: 240 }, children: [new TextRun({ text: `• ${text}`, size: 20 })] });
  return [
    label('Facilitator notes. Listen for:'),
    ...notes.listenFor.map(item),
    label('Model answer:'),
    new Paragraph({ indent: { left: 1080 }, children: [new TextRun({ text: `${notes.modelAnswer} `, size: 20 }), new TextRun({ text: `(Source: ${notes.source}.)`, size: 20, italics: true })] }),
    ...(notes.misreadings.length > 0 ? [label('Common misreadings:'), ...notes.misreadings.map(item)] : []),
  ];
}

/** The page's questions: with ruled answer space on a handout, with facilitator notes for the instructor. */
function questionsBlock(context: Context, questions: TeachingFrontmatter['questions']): Paragraph[] {
  const instance = context.nextList();
  return questions.flatMap((question) => [
    new Paragraph({ numbering: { reference: ORDERED, level: 0, instance }, keepNext: true, children: [new TextRun(question.text)] }),
    ...(context.variant === 'handout'
      ? Array.from({ length: ANSWER_LINES }, () => new Paragraph({ spacing: { before: 240 }, border: { bottom: { style: BorderStyle.SINGLE, size: 4, color: '777777', space: 1 } }, children: [] }))
      : question.facilitator
        ? facilitatorBlock(question.facilitator)
        : []),
  ]);
}

function interpretationBlock(context: Context, id: string): Paragraph[] {
  const { study } = context;
  const excerpt = study.excerptIndex.get(id);
  if (!excerpt) return [];
  const author = study.meta.authors.map((person) => person.family).join(' & ');
  return [
    new Paragraph({
      indent: { left: 360 },
      children: [
        new TextRun({ text: `The ${workNoun(study.meta)}’s reading of “${excerpt.title}” (${author}, ${study.meta.year}), in our words: `, bold: true }),
        new TextRun(`${excerpt.leadIn ? `${excerpt.leadIn} ` : ''}${excerpt.interpretation ?? ''}`),
      ],
    }),
  ];
}

function table(context: Context, rows: readonly MdTableRow[]): Table {
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: rows.map(
      (row, index) =>
        new TableRow({
          tableHeader: index === 0,
          cantSplit: true,
          children: row.children.map((cell) => new TableCell({ children: [new Paragraph({ children: inline(context, cell.children, index === 0 ? { bold: true } : {}) })] })),
        }),
    ),
  });
}

/** Block Markdown and MDX components. */
function blocks(context: Context, nodes: readonly RootContent[]): (Paragraph | Table)[] {
  return nodes.flatMap((node): (Paragraph | Table)[] => {
    switch (node.type) {
      case 'heading':
        return [new Paragraph({ heading: node.depth <= 2 ? HeadingLevel.HEADING_2 : HeadingLevel.HEADING_3, children: inline(context, node.children) })];
      case 'paragraph':
        return [new Paragraph({ children: inline(context, node.children) })];
      case 'list': {
        const instance = node.ordered ? context.nextList() : 0;
        return node.children.flatMap((item) =>
          item.children.flatMap((child) =>
            child.type === 'paragraph'
              ? [new Paragraph({ ...(node.ordered ? { numbering: { reference: ORDERED, level: 0, instance } } : { bullet: { level: 0 } }), children: inline(context, child.children) })]
              : blocks(context, [child]),
          ),
        );
      }
      case 'table':
        return [table(context, node.children)];
      case 'blockquote':
        return blocks(context, node.children);
      case 'mdxJsxFlowElement':
        return flowComponent(context, node);
      case 'thematicBreak':
      case 'mdxjsEsm':
      case 'mdxFlowExpression':
      case 'html':
        return [];
      default:
        return 'children' in node ? blocks(context, node.children as RootContent[]) : [];
    }
  });
}

function flowComponent(context: Context, node: MdxJsxFlowElement): (Paragraph | Table)[] {
  switch (node.name) {
    case 'Excerpt':
      return excerptBlock(context, attribute(node, 'id') ?? '');
    case 'Questions': {
      const entry = context.entries.find((candidate) => candidate.id === attribute(node, 'page'));
      return entry ? questionsBlock(context, entry.data.questions) : [];
    }
    case 'Analysis':
      // Students meet the excerpts without the study's reading.
      return context.variant === 'handout' ? [] : [heading(attribute(node, 'label') ?? 'Analysis', 2), ...blocks(context, node.children)];
    case 'Interpretation':
      return interpretationBlock(context, attribute(node, 'id') ?? '');
    case 'Chart':
      return [plain(`The chart “${attribute(node, 'name') ?? ''}” is on the online page.`, { italics: true })];
    default:
      return blocks(context, node.children);
  }
}

export function parseBody(body: string): Root {
  return unified().use(remarkParse).use(remarkMdx).use(remarkGfm).parse(body);
}

/** The DOCX of one teaching entry: its page, or (for a vignette) its student handout. */
export async function teachingDocx(entry: TeachingDocEntry, variant: DocVariant, options: TeachingDocOptions): Promise<ArrayBuffer> {
  let lists = 0;
  const context: Context = { ...options, variant, nextList: () => (lists += 1) };
  const { data } = entry;
  const { study } = options;
  const children: (Paragraph | Table)[] = [];
  if (variant === 'handout') children.push(plain('Name: ______________________________'));
  children.push(new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(data.title)] }));
  if (variant === 'page') children.push(plain(data.description, { italics: true }));
  if (data.minutes !== undefined) children.push(new Paragraph({ children: [new TextRun({ text: 'Time: ', bold: true }), new TextRun(formatMinutes(data.minutes))] }));
  if (data.objectives.length > 0) children.push(heading('Objectives', 2), ...bullets(data.objectives));
  children.push(...blocks(context, parseBody(entry.body ?? '').children));
  if (data.task !== undefined) {
    children.push(heading('Written task and rubric', 2), plain(data.task));
    if (data.rubric.length > 0) {
      const levels = data.rubric[0]!.levels.map((level) => level.label);
      const cell = (text: string, bold = false) => new TableCell({ children: [new Paragraph({ children: [new TextRun({ text, bold })] })] });
      children.push(
        new Table({
          width: { size: 100, type: WidthType.PERCENTAGE },
          rows: [
            new TableRow({ tableHeader: true, children: [cell('Criterion', true), ...levels.map((label) => cell(label, true))] }),
            ...data.rubric.map((row) => new TableRow({ cantSplit: true, children: [cell(row.criterion, true), ...row.levels.map((level) => cell(level.description))] })),
          ],
        }),
      );
    }
  }
  const pageUrl = absolute(context, href(variant === 'handout' ? `${options.pagePath(entry)}handout/` : options.pagePath(entry)));
  children.push(
    new Paragraph({
      spacing: { before: 480 },
      children: [new TextRun({ text: `Source: ${plainText(apaWork(study.meta)).replace(/\.$/u, '')}. Quoted material ${study.meta.licence.name}.`, size: 18 })],
    }),
    new Paragraph({ children: [new TextRun({ text: 'Online: ', size: 18 }), new ExternalHyperlink({ link: pageUrl, children: [new TextRun({ text: pageUrl, style: 'Hyperlink', size: 18 })] })] }),
  );
  const doc = new Document({
    creator: study.meta.authors.map((person) => `${person.given} ${person.family}`).join(', '),
    title: data.title,
    description: data.description,
    numbering: {
      config: [{ reference: ORDERED, levels: [{ level: 0, format: LevelFormat.DECIMAL, text: '%1.', alignment: AlignmentType.START, style: { paragraph: { indent: { left: 480, hanging: 360 } } } }] }],
    },
    sections: [
      {
        footers: {
          default: new Footer({ children: [new Paragraph({ alignment: AlignmentType.RIGHT, children: [new TextRun({ children: [PageNumber.CURRENT, ' / ', PageNumber.TOTAL_PAGES], size: 16 })] })] }),
        },
        children,
      },
    ],
  });
  return repeatable(new Uint8Array(await Packer.toArrayBuffer(doc)));
}

/** A fixed date for every entry of the document's zip, so the same pages always give the same bytes. */
const ARCHIVE_DATE = new Date(Date.UTC(2020, 0, 1));

/**
 * The same document as the same bytes on every build. The docx library names each hyperlink's
 * relationship with a random id, stamps the document with the time it was written and zips
 * it with that time: the ids are numbered in order instead, the two dates (optional in the
 * format) are left out, and the zip is written with a fixed date.
 */
function repeatable(docx: Uint8Array): ArrayBuffer {
  const files = unzipSync(docx);
  const rels = strFromU8(files['word/_rels/document.xml.rels'] ?? new Uint8Array());
  const renamed = new Map([...new Set(rels.match(/(?<=")rId[A-Za-z0-9_-]{21}(?=")/gu))].map((id, index) => [id, `rIdLink${index + 1}`]));
  for (const [path, bytes] of Object.entries(files)) {
    if (!/\.(?:xml|rels)$/u.test(path)) continue;
    let text = strFromU8(bytes);
    if (path === 'docProps/core.xml') text = text.replace(/<dcterms:(created|modified)\b[^>]*>[^<]*<\/dcterms:\1>/gu, '');
    text = text.replace(/(?<=")rId[A-Za-z0-9_-]{21}(?=")/gu, (id) => renamed.get(id) ?? id);
    files[path] = strToU8(text);
  }
  const zipped = zipSync(files, { level: 6, mtime: ARCHIVE_DATE });
  return zipped.buffer.slice(zipped.byteOffset, zipped.byteOffset + zipped.byteLength) as ArrayBuffer;
}
