/**
 * The editable Word documents in the built site, opened the way a word processor starts:
 * unzipped, the package's parts present, document.xml well-formed XML. Each must carry
 * the same questions as its page, a handout its ruled answer space and none of the
 * analysis or facilitator notes, and a vignette its line numbers as the page numbers them.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { XMLValidator } from 'fast-xml-parser';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, inject, it } from 'vitest';
import { contentDir } from './content-copy.ts';
import { readPage, teachingSources } from './built-pages.ts';

const distDir = inject('distDir');
const sources = teachingSources();
const vignettes = sources.filter((source) => source.kind === 'vignette');
const lessonPlans = sources.filter((source) => source.kind === 'lesson-plan');

const decode = (text: string) =>
  text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');

interface Docx {
  parts: string[];
  /** Each paragraph's text, in order. */
  paragraphs: string[];
  /** Paragraphs with a bottom border and no text: ruled answer lines. */
  ruledLines: number;
  /** The first cell of each table row (a transcript's line numbers). */
  firstCells: string[];
}

function openDocx(path: string): Docx {
  const file = join(distDir, path);
  expect(existsSync(file), path).toBe(true);
  const zip = unzipSync(readFileSync(file));
  const xml = strFromU8(zip['word/document.xml']!);
  expect(XMLValidator.validate(xml), `${path}: document.xml is well-formed`).toBe(true);
  const paragraphXml = [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((match) => match[0]);
  const text = (fragment: string) => decode([...fragment.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((match) => match[1]).join(''));
  return {
    parts: Object.keys(zip),
    paragraphs: paragraphXml.map(text),
    ruledLines: paragraphXml.filter((paragraph) => /<w:pBdr>[\s\S]*<w:bottom /.test(paragraph) && text(paragraph) === '').length,
    firstCells: [...xml.matchAll(/<w:tr[ >]([\s\S]*?)<\/w:tr>/g)].map((row) => text(row[1]!.match(/<w:tc>[\s\S]*?<\/w:tc>/)?.[0] ?? '')),
  };
}

/** Texts of elements with a class on a built page. */
function pageTexts(path: string, className: string): string[] {
  const html = readPage(distDir, path);
  return [...html.matchAll(new RegExp(`<p class="${className}"[^>]*>([^<]*)</p>`, 'g'))].map((match) => decode(match[1]!));
}

const interpretations = (ids: string[]) =>
  ids.map((id) => (JSON.parse(readFileSync(join(contentDir, 'excerpts', `${id}.json`), 'utf8')) as { interpretation?: string }).interpretation).filter((text): text is string => text !== undefined);

describe('Word documents (DOCX)', () => {
  it.each(vignettes.map((vignette) => [vignette.id, vignette] as const))('%s: handout and page open with the same questions; the handout has answer space and no analysis', (id, vignette) => {
    const questions = pageTexts(`teaching/${id}/`, 'teaching-questions__text');
    expect(questions.length).toBeGreaterThan(0);
    expect(pageTexts(`teaching/${id}/handout/`, 'handout-questions__text')).toEqual(questions);
    const numbers = [...readPage(distDir, `teaching/${id}/handout/`).matchAll(/<(?:a|span) class="ca-n"[^>]*>(\d+)<\/(?:a|span)>/g)].map((match) => match[1]);

    const handout = openDocx(`teaching/${id}-handout.docx`);
    expect(handout.parts).toEqual(expect.arrayContaining(['[Content_Types].xml', 'word/document.xml', 'word/numbering.xml']));
    expect(handout.paragraphs.filter((text) => questions.includes(text))).toEqual(questions);
    expect(handout.ruledLines).toBe(questions.length * 5);
    expect(handout.paragraphs.join('\n')).not.toMatch(/Facilitator notes|Model answer/);
    for (const interpretation of interpretations(vignette.excerpts)) expect(handout.paragraphs.join('\n')).not.toContain(interpretation);
    expect(handout.firstCells.filter((cell) => cell !== '')).toEqual(numbers);

    const page = openDocx(`teaching/${id}.docx`);
    expect(page.paragraphs.filter((text) => questions.includes(text))).toEqual(questions);
    expect(page.paragraphs.filter((text) => text === 'Facilitator notes. Listen for:')).toHaveLength(questions.length);
    expect(page.ruledLines).toBe(0);
    for (const interpretation of interpretations(vignette.excerpts)) expect(page.paragraphs.join('\n')).toContain(interpretation);
  });

  it.each(lessonPlans.map((plan) => [plan.id] as const))('%s opens with its written task and every rubric criterion', (id) => {
    const html = readPage(distDir, `teaching/${id}/`);
    const criteria = [...html.matchAll(/<th scope="row"[^>]*>([^<]+)<\/th>/g)].map((match) => decode(match[1]!));
    expect(criteria.length).toBeGreaterThan(0);
    const document = openDocx(`teaching/${id}.docx`);
    expect(document.paragraphs).toContain('Written task and rubric');
    for (const criterion of criteria) expect(document.paragraphs, criterion).toContain(criterion);
    expect(document.paragraphs).toContain(decode(html.match(/<h1[^>]*>([^<]+)<\/h1>/)![1]!));
  });

  it('are linked from the pages they belong to', () => {
    for (const { id } of vignettes) {
      expect(readPage(distDir, `teaching/${id}/`)).toContain(`href="/teaching/${id}.docx"`);
      expect(readPage(distDir, `teaching/${id}/handout/`)).toContain(`href="/teaching/${id}-handout.docx"`);
    }
    for (const { id } of lessonPlans) expect(readPage(distDir, `teaching/${id}/`)).toContain(`href="/teaching/${id}.docx"`);
  });
});
