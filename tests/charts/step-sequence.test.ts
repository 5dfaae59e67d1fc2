import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Element } from 'hast';
import { categoryOf, isContinuation, sequenceSteps, stepSequence, toHtml, type SegmentStep, type StepCell } from '../../src/charts/index.ts';
import type { StepColumn } from '../../src/study/schemas/index.ts';
import { byClass, findAll, textOf, withoutAttributeValues } from './hast.ts';
import { expectSnapshot } from './snapshot.ts';
import { clark, contentDir, excerpt, harbour } from './studies.ts';

const placed = await Promise.all([
  excerpt({ id: 'brother', session: 3, step: 's3-back', codes: ['3.2'] }),
  excerpt({ id: 'boyfriend', session: 3, step: 's3-back', codes: ['1.1', '2.2'] }),
  excerpt({ id: 'turning', session: 3, step: 's3-client-turns-over', codes: ['2.3'] }),
  excerpt({ id: 'somewhere', session: 3, codes: ['4.0'] }),
  excerpt({ id: 'unstated', session: null, codes: ['4.0'] }),
]);
const study = await clark(placed);

function segment(sessionNumber: number, id: string, from = study): SegmentStep {
  const step = sequenceSteps(from, sessionNumber).steps.find((s) => s.id === id);
  if (step?.kind !== 'step') throw new Error(`no step ${id}`);
  return step;
}

/** The cell of a declared column in a step. */
function cell(step: SegmentStep, column: string): StepCell {
  return step.cells.find((candidate) => candidate.column.id === column)!;
}

/** The values of a cell as the tests compare them: text, category id, carried or not. */
function values(step: SegmentStep, column: string) {
  return cell(step, column).values.map((value) => ({ text: value.text, category: value.category?.id, continued: value.continued }));
}

const column = (id: string): StepColumn => study.meta.steps!.columns.find((candidate) => candidate.id === id)!;

const steps = (svg: Element) => byClass(svg, 'cb-step');

describe('stepSequence steps', () => {
  it('has one step per row of the session table, in printed order', async () => {
    for (const n of [1, 2, 3]) {
      const rows = (JSON.parse(await readFile(join(contentDir, 'sessions', `${n}.json`), 'utf8')) as { steps: { id: string }[] }).steps;
      const svg = stepSequence(study, n).svg;
      expect(steps(svg).map((el) => el.properties.dataStep)).toEqual(rows.map((row) => row.id));
    }
  });

  it('numbers steps 1, 2, 3… and leaves events unnumbered', () => {
    const svg = stepSequence(study, 3).svg;
    const numbers = byClass(svg, 'cb-step-number').map(textOf);
    expect(numbers).toEqual(Array.from({ length: 17 }, (_, i) => String(i + 1)));
    expect(byClass(svg, 'cb-event-label').map(textOf)).toEqual(['↻ The Client turns over']);
  });

  it('uses an ordinal axis: changing durations changes nothing', async () => {
    const retimed = await clark(placed, (sessions) => sessions.map((s) => ({ ...s, durations: { ...s.durations, talk: { text: '1:00', seconds: 60 } } })));
    expect(toHtml(stepSequence(retimed, 3).svg)).toBe(toHtml(stepSequence(study, 3).svg));
    expect(byClass(stepSequence(study, 3).svg, 'axis')).toEqual([]);
  });

  it('marks phase changes and events', () => {
    const svg = stepSequence(study, 1).svg;
    expect(byClass(svg, 'cb-phase-label').map(textOf)).toEqual(['Pre-treatment', 'Treatment', 'Post-treatment']);
    expect(byClass(svg, 'cb-event-label').map(textOf)).toEqual(['↻ The Client turns over', '↻ The Client takes toilet break']);
    const kinds = steps(svg).map((el) => el.properties.dataKind);
    expect(kinds.filter((kind) => kind === 'event')).toHaveLength(2);
  });
});

describe('stepSequence categories', () => {
  it('matches a printed value to the category that lists it, whatever its case', () => {
    expect(categoryOf(column('actions'), 'Petrissage')?.id).toBe('petrissage');
    expect(categoryOf(column('actions'), 'petrissage')?.id).toBe('petrissage');
    expect(categoryOf(column('actions'), 'FRICTIONS')?.id).toBe('frictions');
    expect(categoryOf(column('actions'), 'PNF stretch')?.id).toBe('pnf-stretch');
    expect(categoryOf(column('actions'), 'passive stretch')?.id).toBe('passive-stretch');
    expect(categoryOf(column('actions'), 'The Client lies face down')).toBeUndefined();
  });

  it('turns no value into a symbol that the study does not list whole', async () => {
    // "compressions" is a declared value; a longer phrase that contains it is not.
    expect(categoryOf(column('actions'), 'compressions')?.id).toBe('compressions');
    expect(categoryOf(column('actions'), 'Chest compressions coached')).toBeUndefined();
    const edited = await clark([], (sessions) =>
      sessions.map((s) => ({ ...s, steps: s.steps.map((row) => (row.id === 's1-neck' && row.kind === 'step' ? { ...row, cells: { ...row.cells, actions: ['Chest compressions coached'] } } : row)) })),
    );
    const neck = sequenceSteps(edited, 1).steps.find((step) => step.id === 's1-neck') as SegmentStep;
    expect(cell(neck, 'actions').categories).toEqual([]);
    expect(cell(neck, 'actions').uncategorised).toEqual(['Chest compressions coached']);
    const svg = stepSequence(edited, 1).svg;
    expect(findAll(svg, (el) => el.tagName === 'path' && el.properties.dataStep === 's1-neck' && el.properties.dataCategory !== undefined)).toEqual([]);
    expect(
      byClass(svg, 'cb-note')
        .map((el) => el.children.map(textOf).join(' '))
        .join(' '),
    ).toContain('Chest compressions coached');
  });

  it('splits a row into categories (legend order) and other values as notes', () => {
    expect(cell(segment(1, 's1-neck'), 'actions').categories.map((category) => category.id)).toEqual(['effleurage', 'frictions', 'passive-stretch', 'pnf-stretch']);
    expect(cell(segment(1, 's1-treatment-begins'), 'actions').uncategorised).toEqual(['The Client lies face down']);
    expect(cell(segment(3, 's3-post-treatment-assessment'), 'actions').uncategorised).toEqual(['The Therapist models self-massage', 'gives the Client water and a protein snack']);
  });

  it('draws one mark per category of each step, and shows the notes as text', () => {
    const svg = stepSequence(study, 1).svg;
    const marks = findAll(svg, (el) => el.tagName === 'path' && el.properties.dataCategory !== undefined);
    const expected = sequenceSteps(study, 1).steps.flatMap((s) => (s.kind === 'step' ? cell(s, 'actions').categories.map((category) => `${s.id}:${category.id}`) : []));
    expect(marks.map((el) => `${el.properties.dataStep}:${el.properties.dataCategory}`)).toEqual(expected);
    expect(byClass(svg, 'cb-note').map((el) => el.children.map(textOf).join(' '))).toContain('The Client lies face down');
  });

  it('has a legend naming every declared category', () => {
    const legend = byClass(stepSequence(study, 1).svg, 'swatches')[0]!;
    for (const category of column('actions').categories) expect(textOf(legend)).toContain(category.label);
  });
});

describe('stepSequence band column', () => {
  it('tells the declared categories from other values', () => {
    expect(categoryOf(column('topics'), 'Silence')?.id).toBe('silence');
    expect(categoryOf(column('topics'), 'Mostly silence')?.id).toBe('partial-silence');
    expect(categoryOf(column('topics'), 'Some silence')?.id).toBe('partial-silence');
    expect(categoryOf(column('topics'), 'The Client’s work')).toBeUndefined();
    expect(isContinuation(column('topics'), 'As above')).toBe(true);
    expect(isContinuation(column('actions'), 'As above')).toBe(false);
  });

  it('resolves "As above" to the values of the row above, through chains', () => {
    const dog = [{ text: 'The Client’s difficult dog', category: undefined, continued: true }];
    expect(values(segment(1, 's1-back'), 'topics')).toEqual(dog);
    expect(values(segment(1, 's1-shoulders'), 'topics')).toEqual(dog);
    expect(values(segment(1, 's1-interscapular'), 'topics')).toEqual(dog);
    expect(cell(segment(1, 's1-back'), 'topics').continued).toBe(true);
    expect(values(segment(2, 's2-feet-face-down'), 'topics')).toEqual([
      { text: 'The Client’s work and its impact on her body', category: undefined, continued: true },
      { text: 'Some silence', category: 'partial-silence', continued: true },
    ]);
  });

  it('resolves "As above" across an event row', async () => {
    const coolDown = segment(1, 'cool-down', await harbour());
    expect(values(coolDown, 'topics')).toEqual([{ text: 'Silence', category: 'silence', continued: true }]);
  });

  it('draws a continued row as a continuation of the band above', () => {
    const svg = stepSequence(study, 1).svg;
    const band = (id: string) => findAll(svg, (el) => el.tagName === 'rect' && el.properties.dataStep === id && el.properties.dataCategory !== undefined);
    const above = band('s1-lower-back-hips')[0]!;
    const continued = band('s1-back')[0]!;
    expect(continued.properties.dataContinued).toBe('true');
    expect(Number(continued.properties.y)).toBeCloseTo(Number(above.properties.y) + Number(above.properties.height), 9);
    const texts = byClass(svg, 'cb-cell-text')
      .filter((el) => (el.properties.className as string[]).includes('is-continued'))
      .map(textOf);
    expect(texts).toContain('↑ As above');
  });

  it('draws a shaded category with a pattern and other values with a fill', () => {
    const svg = stepSequence(study, 1).svg;
    const bands = findAll(svg, (el) => el.tagName === 'rect' && el.properties.dataCategory !== undefined);
    for (const rect of bands) expect(String(rect.properties.fill).startsWith('url(#')).toBe(rect.properties.dataCategory !== 'other');
  });
});

describe('stepSequence of another shape', () => {
  it('draws only the columns a study declares, as text, with no legend it does not declare', async () => {
    const base = await clark();
    const table = base.meta.steps!;
    const other = {
      ...base,
      meta: { ...base.meta, steps: { ...table, title: 'Call sequence', phases: [], columns: [{ ...table.columns[1]!, display: 'text' as const, categories: [], continuation: [] }] } },
    };
    const chart = stepSequence(other, 1);
    expect(chart.title).toBe('Call sequence of Session 1');
    expect(byClass(chart.svg, 'swatches')).toEqual([]);
    expect(byClass(chart.svg, 'cb-phase-label')).toEqual([]);
    expect(findAll(chart.svg, (el) => el.properties.dataCategory !== undefined)).toEqual([]);
    expect(byClass(chart.svg, 'cb-cell-text').map(textOf)).toContain('As above');
  });
});

describe('stepSequence excerpts', () => {
  const chart = stepSequence(study, 3, { base: '/casebook/' });
  const drawn = findAll(chart.svg, (el) => el.properties.dataExcerpt !== undefined);

  it('draws excerpts only on the steps the data places them on', () => {
    expect(drawn.map((el) => `${el.properties.dataExcerpt}@${el.properties.dataStep}`)).toEqual(['brother@s3-back', 'boyfriend@s3-back', 'turning@s3-client-turns-over']);
    expect(drawn.map((el) => el.properties.dataCode)).toEqual(['3.2', '1.1', '2.3']);
    expect(drawn.map((el) => el.properties.dataThemeCode)).toEqual(['3.0', '1.0', '2.0']);
  });

  it('does not draw unplaced excerpts on steps, and says so', () => {
    expect(drawn.some((el) => el.properties.dataExcerpt === 'somewhere')).toBe(false);
    expect(chart.notes).toEqual(['1 excerpt from this session is not placed on a step by the article, so it is not drawn on the timeline.']);
    expect(chart.description).toContain('3 excerpts are placed on a step.');
    const footer = findAll(chart.table, (el) => el.tagName === 'tfoot')[0]!;
    expect(textOf(footer)).toContain('somewhere');
  });

  it('links placed excerpts from the data table under the given base', () => {
    const links = findAll(chart.table, (el) => el.tagName === 'a').map((el) => el.properties.href);
    expect(links).toEqual(['/casebook/excerpts/brother/', '/casebook/excerpts/boyfriend/', '/casebook/excerpts/turning/', '/casebook/excerpts/somewhere/']);
  });

  it('places the fixture’s one placed excerpt and none of its unplaced ones', async () => {
    const fixture = await harbour();
    const one = stepSequence(fixture, 1);
    expect(findAll(one.svg, (el) => el.properties.dataExcerpt !== undefined).map((el) => el.properties.dataStep)).toEqual(['warm-up']);
    const two = stepSequence(fixture, 2);
    expect(findAll(two.svg, (el) => el.properties.dataExcerpt !== undefined)).toEqual([]);
    // The fixture calls its units outings, and the note says so.
    expect(two.notes[0]).toMatch(/^2 excerpts from this outing are not placed/);
  });
});

describe('stepSequence accessibility', () => {
  const chart = stepSequence(study, 2);

  it('is a titled, described image with a data table row per printed row', () => {
    expect(chart.svg.properties.role).toBe('img');
    expect(chart.title).toBe('Treatment sequence of Session 2');
    expect(chart.description).toMatch(/no durations/);
    const rows = findAll(chart.table, (el) => el.tagName === 'tr' && el.properties.dataStep !== undefined);
    expect(rows).toHaveLength(study.sessionIndex.get(2)!.steps.length);
  });

  it('keeps text at 14 units in a 400-unit viewBox', () => {
    expect(chart.svg.properties.viewBox).toMatch(/^0 0 400 /);
    expect(findAll(chart.svg, (el) => el.properties.fontSize !== undefined && el !== chart.svg)).toEqual([]);
  });

  it('escapes text from data', async () => {
    const hostile = await clark([], (sessions) => sessions.map((s) => ({ ...s, steps: s.steps.map((row) => (row.kind === 'step' ? { ...row, label: '<img src=x onerror=alert(1)>' } : row)) })));
    const result = stepSequence(hostile, 1);
    expect(withoutAttributeValues(toHtml(result.svg))).not.toContain('<img');
    expect(withoutAttributeValues(toHtml(result.table))).not.toContain('<img');
  });

  it('rejects an unknown session', () => {
    expect(() => stepSequence(study, 9)).toThrow(/Unexpected session 9, expected one of 1, 2, 3/);
  });
});

describe('stepSequence snapshots', () => {
  it('session 1', async () => {
    await expectSnapshot(stepSequence(study, 1).svg, 'step-sequence-1');
  });
  it('session 3 with placed excerpts', async () => {
    await expectSnapshot(stepSequence(study, 3).svg, 'step-sequence-3');
  });
});
