import { describe, expect, it } from 'vitest';
import type { Element } from 'hast';
import { neighbouringSessions, sessionPhases, sessionPhasesLayout, toHtml } from '../../src/charts/index.ts';
import type { Phase, Session } from '../../src/study/schemas/index.ts';
import { byClass, findAll, n, textOf, withoutAttributeValues } from './hast.ts';
import { expectSnapshot } from './snapshot.ts';
import { clark, harbour } from './studies.ts';

const study = await clark();
const chart = sessionPhases(study);
const { x } = sessionPhasesLayout(study);
const minutes = (seconds: number) => seconds / 60;

/** The rect of one part of one session's bar. */
function part(svg: Element, session: number, name: string): Element {
  const found = findAll(svg, (el) => el.tagName === 'rect' && el.properties.dataSession === session && el.properties.dataPart === name);
  expect(found, `${name} of session ${session}`).toHaveLength(1);
  return found[0]!;
}
const left = (rect: Element) => n(rect, 'x');
const right = (rect: Element) => n(rect, 'x') + n(rect, 'width');

describe('sessionPhases geometry', () => {
  it('draws session 1’s treatment over exactly 69:37 (4177 s) on the x scale', () => {
    const treatment = part(chart.svg, 1, 'treatment');
    expect(study.sessionIndex.get(1)!.durations!['treatment']!.seconds).toBe(4177);
    expect(n(treatment, 'width')).toBeCloseTo(x.apply(minutes(4177)) - x.apply(0), 9);
    expect(left(treatment)).toBeCloseTo(x.apply(minutes(12 * 60 + 3)), 9);
  });

  it('fills every treatment exactly with adjacent talk and silence', () => {
    for (const session of study.sessions) {
      const [treatment, talk, silence] = ['treatment', 'talk', 'silence'].map((name) => part(chart.svg, session.number, name)) as [Element, Element, Element];
      expect(left(talk)).toBeCloseTo(left(treatment), 9);
      expect(right(talk)).toBeCloseTo(left(silence), 9);
      expect(right(silence)).toBeCloseTo(right(treatment), 9);
      expect(n(talk, 'width') + n(silence, 'width')).toBeCloseTo(n(treatment, 'width'), 9);
    }
  });

  it('lays the phases end to end from 0 to the total on one shared axis', () => {
    for (const session of study.sessions) {
      const pre = part(chart.svg, session.number, 'pre-treatment');
      const post = part(chart.svg, session.number, 'post-treatment');
      expect(left(pre)).toBeCloseTo(x.apply(0), 9);
      expect(right(pre)).toBeCloseTo(left(part(chart.svg, session.number, 'treatment')), 9);
      expect(left(post)).toBeCloseTo(right(part(chart.svg, session.number, 'treatment')), 9);
      expect(right(post)).toBeCloseTo(x.apply(minutes(session.durations!['total']!.seconds)), 9);
    }
  });

  it('labels totals in mm:ss without wrapping minutes into hours', () => {
    const totals = byClass(chart.svg, 'cb-total').map(textOf);
    expect(totals).toEqual(['85:05', '63:27', '67:55']);
    expect(totals).toEqual(study.sessions.map((session) => session.durations!['total']!.text));
  });

  it('labels each treatment span with its duration', () => {
    expect(byClass(chart.svg, 'cb-bracket-label').map(textOf)).toEqual(['Treatment 69:37', 'Treatment 58:51', 'Treatment 62:08']);
  });

  it('uses a minutes axis starting at 0 and reaching past the longest session', () => {
    const ticks = findAll(chart.svg, (el) => el.tagName === 'g' && Array.isArray(el.properties.className) && el.properties.className.includes('tick-labels'))[0]!;
    const labels = ticks.children.map(textOf);
    expect(labels[0]).toBe('0');
    expect(Number(labels.at(-1))).toBeGreaterThanOrEqual(85);
  });
});

describe('sessionPhases data', () => {
  it('follows a change of duration in the data', async () => {
    const longer = await clark([], (sessions) =>
      sessions.map((session): Session => {
        if (session.number !== 1) return session;
        const d = session.durations!;
        const pre = { text: '20:00', seconds: 1200 };
        const total = { text: '93:02', seconds: pre.seconds + d['treatment']!.seconds + d['post-treatment']!.seconds };
        return { ...session, durations: { ...d, 'pre-treatment': pre, total } };
      }),
    );
    const changed = sessionPhases(longer);
    const scale = sessionPhasesLayout(longer).x;
    expect(right(part(changed.svg, 1, 'pre-treatment'))).toBeCloseTo(scale.apply(20), 9);
    expect(n(part(changed.svg, 1, 'treatment'), 'width')).toBeCloseTo(scale.apply(minutes(4177)) - scale.apply(0), 9);
    expect(byClass(changed.svg, 'cb-total').map(textOf)[0]).toBe('93:02');
    expect(toHtml(changed.table)).toContain('20:00');
    expect(toHtml(changed.svg)).not.toBe(toHtml(chart.svg));
  });

  it('takes the silence note from the study metadata', async () => {
    const timing = study.meta.timing!;
    const note = timing.phases[1]!.children[1]!.note!;
    expect(note).toMatch(/PNF/);
    expect(chart.notes).toEqual([`* Silence: ${note}`]);
    expect(chart.description).toContain(note);
    const other = await clark();
    const [pre, treatment, post] = timing.phases as [Phase, Phase, Phase];
    const [talk, silence] = treatment.children as [Phase, Phase];
    other.meta = { ...other.meta, timing: { ...timing, phases: [pre, { ...treatment, children: [talk, { ...silence, note: 'Counted by hand.' }] }, post] } };
    expect(sessionPhases(other).notes).toEqual(['* Silence: Counted by hand.']);
    // The fixture footnotes talk, not silence: the marker follows the data.
    const fixture = sessionPhases(await harbour());
    expect(fixture.notes).toEqual(['* Talk: Synthetic footnote.']);
    expect(toHtml(fixture.svg)).toContain('Talk*');
    expect(toHtml(fixture.svg)).not.toContain('Silence*');
  });

  it('has a data table with every duration', () => {
    const html = toHtml(chart.table);
    for (const session of study.sessions) for (const duration of Object.values(session.durations!)) expect(html).toContain(`>${duration.text}<`);
    expect(findAll(chart.table, (el) => el.tagName === 'th' && el.properties.scope === 'row')).toHaveLength(3);
  });
});

describe('sessionPhases accessibility', () => {
  it('is an image named by its title and described by its desc', () => {
    const svg = chart.svg;
    expect(svg.properties.role).toBe('img');
    const [title] = findAll(svg, (el) => el.tagName === 'title' && el.properties.id === (svg.properties.ariaLabelledBy as string[])[0]);
    const [desc] = findAll(svg, (el) => el.tagName === 'desc' && el.properties.id === (svg.properties.ariaDescribedBy as string[])[0]);
    expect(textOf(title!)).toBe(chart.title);
    expect(textOf(desc!)).toBe(chart.description);
  });

  it('tells talk from silence by pattern and label, not colour alone', () => {
    const silence = part(chart.svg, 1, 'silence');
    const patternId = /^url\(#(.+)\)$/.exec(String(silence.properties.fill))![1];
    expect(findAll(chart.svg, (el) => el.tagName === 'pattern' && el.properties.id === patternId)).toHaveLength(1);
    expect(part(chart.svg, 1, 'talk').properties.fill).not.toMatch(/^url/);
    const legend = byClass(chart.svg, 'swatches')[0]!;
    expect(textOf(legend)).toContain('Talk');
    expect(textOf(legend)).toContain('Silence*');
  });

  it('scales from a 400-unit viewBox with 14-unit text (≥ 11 px on a 320 px column)', () => {
    expect(chart.svg.properties.viewBox).toMatch(/^0 0 400 /);
    expect(chart.svg.properties.fontSize).toBe(14);
    expect(findAll(chart.svg, (el) => el.properties.fontSize !== undefined && el !== chart.svg)).toEqual([]);
  });

  it('escapes text from data', async () => {
    const hostile = await clark([], (sessions) => sessions.map((session) => ({ ...session, title: `<script>alert(${session.number})</script>` })));
    const html = toHtml(sessionPhases(hostile).svg);
    expect(withoutAttributeValues(html)).not.toContain('<script');
    expect(html).toContain('&#x3C;script>');
  });
});

describe('sessionPhases highlight', () => {
  const highlighted = sessionPhases(study, { highlight: 2 });

  it('marks the session and mutes the others', () => {
    expect(highlighted.svg.properties.dataHighlight).toBe(2);
    expect(byClass(highlighted.svg, 'cb-session-label').map(textOf)).toEqual(['Session 1', 'Session 2 (this session)', 'Session 3']);
    const muted = byClass(highlighted.svg, 'is-muted');
    expect(muted.length).toBeGreaterThan(0);
    expect(muted.every((el) => el.properties.dataSession !== 2)).toBe(true);
    expect(highlighted.description).toContain('Session 2 is highlighted.');
  });

  it('uses ids of its own, so two charts can share a page', () => {
    const ids = (svg: Element) => findAll(svg, (el) => typeof el.properties.id === 'string').map((el) => el.properties.id);
    const shared = ids(highlighted.svg).filter((id) => ids(chart.svg).includes(id));
    expect(shared).toEqual([]);
  });
});

describe('sessionPhases snapshots', () => {
  it('overview', async () => {
    await expectSnapshot(chart.svg, 'session-phases');
  });
  it('session 2 highlighted', async () => {
    await expectSnapshot(sessionPhases(study, { highlight: 2 }).svg, 'session-phases-highlight-2');
  });
});

describe('sessionPhases of some of the sessions', () => {
  const numbered = (count: number) => Array.from({ length: count }, (_, index) => ({ ...study.sessions[0]!, number: index + 1 }));

  it('picks a session and its neighbours, shifted inwards at either end', () => {
    const sessions = numbered(20);
    expect(neighbouringSessions(sessions, 10).map((s) => s.number)).toEqual([7, 8, 9, 10, 11, 12, 13]);
    expect(neighbouringSessions(sessions, 1).map((s) => s.number)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(neighbouringSessions(sessions, 20).map((s) => s.number)).toEqual([14, 15, 16, 17, 18, 19, 20]);
    expect(neighbouringSessions(study.sessions, 2)).toBe(study.sessions);
  });

  it('draws only the chosen sessions on the axis of the whole study', () => {
    const shown = study.sessions.slice(1, 2);
    const subset = sessionPhases(study, { highlight: 2, sessions: shown });
    expect(byClass(subset.svg, 'cb-session-label').map((el) => el.properties.dataSession)).toEqual([2]);
    expect(n(part(subset.svg, 2, 'treatment'), 'width')).toBeCloseTo(n(part(chart.svg, 2, 'treatment'), 'width'), 9);
    expect(subset.title).toBe('Phases of session 2, in minutes');
    expect(toHtml(subset.table)).not.toContain(study.sessions[0]!.title);
  });
});
