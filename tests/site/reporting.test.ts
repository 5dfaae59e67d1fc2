/**
 * The reporting-checklist appendix, from reporting.json: every item of the chosen checklist
 * in its order, with the study's status and answer and links to where the edition
 * addresses it; a study without reporting.json has no such page. The hostile study answers
 * SRQR, the alternative to COREQ, with hostile text in every field: its page prints each
 * string as text. (That each link's target exists is the link gate's job, on every page;
 * that no hostile string runs in a browser, the hostile test's.)
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { loadStudy } from '../../src/study/load.ts';
import { checklists } from '../../src/study/checklists.ts';
import type { Study } from '../../src/study/index.ts';
import { repoRoot } from '../helpers/build-site.ts';
import { hostileStudyDir } from '../quality/hostile/write-fixture.ts';
import { elements, parsePage, textOf } from './html.ts';

let study: Study;

beforeAll(async () => {
  study = (await loadStudy(join(repoRoot, 'content'))).study!;
});

describe('the reporting checklist appendix', () => {
  it('answers every item of the study’s checklist, in order, with its status, answer and places in the edition', async () => {
    const reporting = study.reporting!;
    const checklist = checklists[reporting.checklist];
    expect(checklist.items.length).toBe(reporting.checklist === 'coreq' ? 32 : 21);
    const page = await parsePage(inject('distDir'), 'appendices/reporting-checklist/index.html');
    const items = elements(page, (element) => element.tagName === 'li' && String(element.properties.id).startsWith('item-'));
    expect(items.map((item) => item.properties.id)).toEqual(checklist.items.map((item) => `item-${item.number}`));
    for (const item of checklist.items) {
      const entry = reporting.items.find((candidate) => candidate.item === item.number)!;
      const li = items[item.number - 1]!;
      const text = textOf(li);
      expect(text.startsWith(`${item.number}. ${item.label}`)).toBe(true);
      expect(text).toContain(item.question);
      expect(text).toContain({ reported: 'Reported', partly: 'Partly reported', 'not-reported': 'Not reported in the article', 'not-applicable': 'Not applicable' }[entry.status]);
      if (entry.answer) expect(text).toContain(entry.answer);
      const hrefs = elements(li, (element) => element.tagName === 'a').map((a) => String(a.properties.href));
      expect(hrefs).toEqual(entry.where.map((place) => `/${place.path}`));
    }
    expect(textOf(page)).toContain(checklist.doi);
  });

  it('is listed among the appendices, and absent for a study without reporting.json', async () => {
    const index = textOf(await parsePage(inject('distDir'), 'appendices/index.html'));
    expect(index).toContain('Reporting checklist (COREQ)');
    expect(existsSync(join(inject('exampleDistDir'), 'appendices', 'reporting-checklist', 'index.html'))).toBe(false);
    expect(existsSync(join(inject('exampleDistDir'), 'appendices', 'index.html'))).toBe(true);
  });

  it('answers SRQR when the study chooses it, printing hostile answers, places and link labels as text', async () => {
    const reporting = JSON.parse(readFileSync(join(hostileStudyDir, 'reporting.json'), 'utf8')) as {
      checklist: string;
      items: { item: number; answer?: string; inWork?: string; where: { path: string; label: string }[] }[];
    };
    expect(reporting.checklist).toBe('srqr');
    const srqr = checklists.srqr;
    expect(srqr.items).toHaveLength(21);
    const index = textOf(await parsePage(inject('hostileDistDir'), 'appendices/index.html'));
    expect(index).toContain('Reporting checklist (SRQR)');
    const page = await parsePage(inject('hostileDistDir'), 'appendices/reporting-checklist/index.html');
    expect(textOf(page)).toContain(srqr.doi);
    const items = elements(page, (element) => element.tagName === 'li' && String(element.properties.id).startsWith('item-'));
    expect(items.map((item) => item.properties.id)).toEqual(srqr.items.map((item) => `item-${item.number}`));
    // The parsed page holds the hostile strings as text: had one been written as markup, its
    // <script> or <img> would be an element here and its text would be missing.
    expect(elements(page, (element) => element.tagName === 'img' || (element.tagName === 'script' && element.properties.type !== 'application/ld+json' && /pwned/.test(textOf(element))))).toEqual([]);
    for (const entry of reporting.items) {
      const li = items[entry.item - 1]!;
      const text = textOf(li);
      expect(text.startsWith(`${entry.item}. ${srqr.items[entry.item - 1]!.label}`)).toBe(true);
      for (const field of [entry.answer, entry.inWork, ...entry.where.map((place) => place.label)]) if (field) expect(text, `item ${entry.item}`).toContain(field);
      const links = elements(li, (element) => element.tagName === 'a');
      expect(links.map((a) => String(a.properties.href))).toEqual(entry.where.map((place) => `/${place.path}`));
      expect(links.map((a) => textOf(a))).toEqual(entry.where.map((place) => place.label));
    }
  });
});
