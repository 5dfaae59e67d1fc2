import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Element } from 'hast';
import { isAsAbove, sequenceSteps, techniqueOf, techniques, toHtml, topicKind, treatmentSequence, type SegmentStep } from '../../src/charts/index.ts';
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
  if (step?.kind !== 'segment') throw new Error(`no segment ${id}`);
  return step;
}

const steps = (svg: Element) => byClass(svg, 'cb-step');

describe('treatmentSequence steps', () => {
  it('has one step per row of the session table, in printed order', async () => {
    for (const n of [1, 2, 3]) {
      const rows = (JSON.parse(await readFile(join(contentDir, 'sessions', `${n}.json`), 'utf8')) as { sequence: { id: string }[] }).sequence;
      const svg = treatmentSequence(study, n).svg;
      expect(steps(svg).map((el) => el.properties.dataStep)).toEqual(rows.map((row) => row.id));
    }
  });

  it('numbers segments 1, 2, 3… and leaves events unnumbered', () => {
    const svg = treatmentSequence(study, 3).svg;
    const numbers = byClass(svg, 'cb-step-number').map(textOf);
    expect(numbers).toEqual(Array.from({ length: 17 }, (_, i) => String(i + 1)));
    expect(byClass(svg, 'cb-event-label').map(textOf)).toEqual(['↻ The Client turns over']);
  });

  it('uses an ordinal axis: changing durations changes nothing', async () => {
    const retimed = await clark(placed, (sessions) => sessions.map((s) => ({ ...s, durations: { ...s.durations, talk: { text: '1:00', seconds: 60 } } })));
    expect(toHtml(treatmentSequence(retimed, 3).svg)).toBe(toHtml(treatmentSequence(study, 3).svg));
    expect(byClass(treatmentSequence(study, 3).svg, 'axis')).toEqual([]);
  });

  it('marks phase changes and events', () => {
    const svg = treatmentSequence(study, 1).svg;
    expect(byClass(svg, 'cb-phase-label').map(textOf)).toEqual(['Pre-treatment', 'Treatment', 'Post-treatment']);
    expect(byClass(svg, 'cb-event-label').map(textOf)).toEqual(['↻ The Client turns over', '↻ The Client takes toilet break']);
    const kinds = steps(svg).map((el) => el.properties.dataKind);
    expect(kinds.filter((kind) => kind === 'event')).toHaveLength(2);
  });
});

describe('treatmentSequence techniques', () => {
  it('matches printed actions to techniques whatever their case', () => {
    expect(techniqueOf('Petrissage')?.key).toBe('petrissage');
    expect(techniqueOf('petrissage')?.key).toBe('petrissage');
    expect(techniqueOf('FRICTIONS')?.key).toBe('frictions');
    expect(techniqueOf('PNF stretch')?.key).toBe('pnf-stretch');
    expect(techniqueOf('passive stretch')?.key).toBe('passive-stretch');
    expect(techniqueOf('The Client lies face down')).toBeUndefined();
  });

  it('splits a row into techniques (legend order) and notes', () => {
    expect(segment(1, 's1-neck').techniques.map((t) => t.key)).toEqual(['effleurage', 'frictions', 'passive-stretch', 'pnf-stretch']);
    expect(segment(1, 's1-treatment-begins').notes).toEqual(['The Client lies face down']);
    expect(segment(3, 's3-post-treatment-assessment').notes).toEqual(['The Therapist models self-massage', 'gives the Client water and a protein snack']);
  });

  it('draws one mark per technique of each step, and shows the notes as text', () => {
    const svg = treatmentSequence(study, 1).svg;
    const marks = findAll(svg, (el) => el.properties.dataTechnique !== undefined);
    const expected = sequenceSteps(study, 1).steps.flatMap((s) => (s.kind === 'segment' ? s.techniques.map((t) => `${s.id}:${t.key}`) : []));
    expect(marks.map((el) => `${el.properties.dataStep}:${el.properties.dataTechnique}`)).toEqual(expected);
    expect(byClass(svg, 'cb-note').map((el) => el.children.map(textOf).join(' '))).toContain('The Client lies face down');
  });

  it('has a legend naming every technique', () => {
    const legend = byClass(treatmentSequence(study, 1).svg, 'swatches')[0]!;
    for (const technique of techniques) expect(textOf(legend)).toContain(technique.label);
  });
});

describe('treatmentSequence topics', () => {
  it('tells silence from talk', () => {
    expect(topicKind('Silence')).toBe('silence');
    expect(topicKind('Mostly silence')).toBe('partial-silence');
    expect(topicKind('Some silence')).toBe('partial-silence');
    expect(topicKind('The Client’s work')).toBe('talk');
    expect(isAsAbove('As above')).toBe(true);
  });

  it('resolves "As above" to the topics of the segment above, through chains', () => {
    const dog = [{ text: 'The Client’s difficult dog', kind: 'talk', continued: true }];
    expect(segment(1, 's1-back').topics).toEqual(dog);
    expect(segment(1, 's1-shoulders').topics).toEqual(dog);
    expect(segment(1, 's1-interscapular').topics).toEqual(dog);
    expect(segment(1, 's1-back').continued).toBe(true);
    expect(segment(2, 's2-feet-face-down').topics).toEqual([
      { text: 'The Client’s work and its impact on her body', kind: 'talk', continued: true },
      { text: 'Some silence', kind: 'partial-silence', continued: true },
    ]);
  });

  it('resolves "As above" across an event row', async () => {
    const coolDown = segment(1, 'cool-down', await harbour());
    expect(coolDown.topics).toEqual([{ text: 'Silence', kind: 'silence', continued: true }]);
  });

  it('draws a continued row as a continuation of the band above', () => {
    const svg = treatmentSequence(study, 1).svg;
    const band = (id: string) => findAll(svg, (el) => el.tagName === 'rect' && el.properties.dataStep === id && el.properties.dataTopicKind !== undefined);
    const above = band('s1-lower-back-hips')[0]!;
    const continued = band('s1-back')[0]!;
    expect(continued.properties.dataContinued).toBe('true');
    expect(Number(continued.properties.y)).toBeCloseTo(Number(above.properties.y) + Number(above.properties.height), 9);
    const texts = byClass(svg, 'cb-topic').filter((el) => (el.properties.className as string[]).includes('is-continued')).map(textOf);
    expect(texts).toContain('↑ As above');
  });

  it('draws silence with a pattern and talk with a fill', () => {
    const svg = treatmentSequence(study, 1).svg;
    const kinds = findAll(svg, (el) => el.tagName === 'rect' && el.properties.dataTopicKind !== undefined);
    for (const rect of kinds) expect(String(rect.properties.fill).startsWith('url(#')).toBe(rect.properties.dataTopicKind !== 'talk');
  });
});

describe('treatmentSequence excerpts', () => {
  const chart = treatmentSequence(study, 3, { base: '/casebook/' });
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
    const one = treatmentSequence(fixture, 1);
    expect(findAll(one.svg, (el) => el.properties.dataExcerpt !== undefined).map((el) => el.properties.dataStep)).toEqual(['warm-up']);
    const two = treatmentSequence(fixture, 2);
    expect(findAll(two.svg, (el) => el.properties.dataExcerpt !== undefined)).toEqual([]);
    expect(two.notes[0]).toMatch(/^2 excerpts from this session are not placed/);
  });
});

describe('treatmentSequence accessibility', () => {
  const chart = treatmentSequence(study, 2);

  it('is a titled, described image with a data table row per printed row', () => {
    expect(chart.svg.properties.role).toBe('img');
    expect(chart.title).toBe('Treatment sequence of Session 2');
    expect(chart.description).toMatch(/no durations/);
    const rows = findAll(chart.table, (el) => el.tagName === 'tr' && el.properties.dataStep !== undefined);
    expect(rows).toHaveLength(study.sessionIndex.get(2)!.sequence.length);
  });

  it('keeps text at 14 units in a 400-unit viewBox', () => {
    expect(chart.svg.properties.viewBox).toMatch(/^0 0 400 /);
    expect(findAll(chart.svg, (el) => el.properties.fontSize !== undefined && el !== chart.svg)).toEqual([]);
  });

  it('escapes text from data', async () => {
    const hostile = await clark([], (sessions) =>
      sessions.map((s) => ({ ...s, sequence: s.sequence.map((row) => (row.kind === 'segment' ? { ...row, label: '<img src=x onerror=alert(1)>' } : row)) })),
    );
    const result = treatmentSequence(hostile, 1);
    expect(withoutAttributeValues(toHtml(result.svg))).not.toContain('<img');
    expect(withoutAttributeValues(toHtml(result.table))).not.toContain('<img');
  });

  it('rejects an unknown session', () => {
    expect(() => treatmentSequence(study, 9)).toThrow(/Unexpected session 9, expected one of 1, 2, 3/);
  });
});

describe('treatmentSequence snapshots', () => {
  it('session 1', async () => {
    await expectSnapshot(treatmentSequence(study, 1).svg, 'treatment-sequence-1');
  });
  it('session 3 with placed excerpts', async () => {
    await expectSnapshot(treatmentSequence(study, 3).svg, 'treatment-sequence-3');
  });
});
