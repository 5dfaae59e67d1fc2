/**
 * The reporting-checklist appendix, from reporting.json: every item of the chosen checklist
 * in its order, with the study's status and answer and links to where the edition
 * addresses it; a study without reporting.json has no such page. (That each link's target
 * exists is the link gate's job, on every page.)
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { loadStudy } from '../../src/study/load.ts';
import { checklists } from '../../src/study/checklists.ts';
import type { Study } from '../../src/study/index.ts';
import { repoRoot } from '../helpers/build-site.ts';
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
    expect(existsSync(join(inject('hostileDistDir'), 'appendices', 'reporting-checklist', 'index.html'))).toBe(false);
    expect(existsSync(join(inject('hostileDistDir'), 'appendices', 'index.html'))).toBe(true);
  });
});
