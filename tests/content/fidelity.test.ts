/**
 * The bundled study against numbers read off Clark (2019) by hand: Table 2, the
 * Results' quoted excerpts, Appendix A's procedure and questionnaires, Appendix B's
 * durations and treatment-sequence tables, and the reference list. If content is edited
 * so that it no longer matches the article, these fail.
 */
import { describe, expect, it } from 'vitest';
import { loadStudy } from '../../src/study/load.ts';
import { repoRoot } from '../helpers/build-site.ts';
import { join } from 'node:path';

const { study, files } = await loadStudy(join(repoRoot, 'content'));

describe('the bundled Clark (2019) study', () => {
  it('loads without errors', () => {
    expect(files.flatMap((file) => file.messages.filter((message) => message.fatal))).toEqual([]);
    expect(study).toBeDefined();
  });

  it('has the 4 themes and 8 subthemes of Table 2, in order', () => {
    expect(study!.codes.map((info) => `${info.code} ${info.name}`)).toEqual([
      '1.0 Separateness',
      '1.1 Boundaries',
      '1.2 Performance of roles',
      '1.3 Power',
      '2.0 Pleasure',
      '2.1 Safety',
      '2.2 Comfort',
      '2.3 Communication',
      '3.0 Merging',
      '3.1 Contact',
      '3.2 Empathy',
      '4.0 Internalization',
    ]);
  });

  it('has the 17 excerpts the Results quote, each under the subtheme it is printed in', () => {
    const bySubtheme = Object.fromEntries(study!.codes.filter((info) => info.leaf).map((info) => [info.code, study!.excerpts.filter((excerpt) => excerpt.codes[0] === info.code).length]));
    expect(bySubtheme).toEqual({ '1.1': 2, '1.2': 2, '1.3': 0, '2.1': 1, '2.2': 1, '2.3': 3, '3.1': 3, '3.2': 2, '4.0': 3 });
    expect(study!.excerpts.map((excerpt) => excerpt.article?.order)).toEqual(Array.from({ length: 17 }, (_, index) => index + 1));
    const sources = study!.excerpts.map((excerpt) => excerpt.source);
    expect(sources.filter((source) => source === 'session-transcript')).toHaveLength(5);
  });

  it('places excerpts in a session only where the article names it', () => {
    const placed = study!.excerpts.filter((excerpt) => excerpt.session !== null).map((excerpt) => `${excerpt.id}:${excerpt.session}`);
    expect(placed.sort()).toEqual(['didnt-know-i-was-sore:1', 'mom-like:3', 'pretending-to-care:3', 'puppy-preschool:3', 'watch-this-space:3']);
    const inferred = study!.excerptIndex.get('watch-this-space')!;
    expect(inferred.notes.join(' ')).toMatch(/Session 3/);
  });

  it('quotes the CA notation exactly as printed', () => {
    const text = (id: string) => study!.excerptIndex.get(id)!.lines.map((line) => line.text);
    expect(text('plodding-along')).toEqual([
      'did you get up to much?',
      '.hhh ↑ me oh hhh ↑ y’know just plodding along hhh-heh heh heh',
      '(5.0)',
      'jus–it’s s’posed to be like twenty-seven or something today too',
    ]);
    expect(text('watch-this-space')).toContain('(35.0)');
  });

  it('has the durations of Appendix B, which add up', () => {
    const table = study!.sessions.map((session) => Object.values(session.durations!).map((duration) => duration.text));
    expect(table).toEqual([
      ['12:03', '69:37', '39:31', '30:06', '3:25', '85:05'],
      ['2:07', '58:51', '40:08', '18:43', '2:29', '63:27'],
      ['2:29', '62:08', '27:46', '34:22', '3:18', '67:55'],
    ]);
    for (const session of study!.sessions) {
      const d = (id: string) => session.durations![id]!.seconds;
      expect(d('talk') + d('silence')).toBe(d('treatment'));
      expect(d('pre-treatment') + d('treatment') + d('post-treatment')).toBe(d('total'));
    }
    const timing = study!.meta.timing!;
    expect(timing.phases.map((phase) => [phase.label, phase.children.map((child) => child.label)])).toEqual([
      ['Pre-treatment assessment', []],
      ['Treatment', ['Talk', 'Silence']],
      ['Post-treatment assessment', []],
    ]);
    expect(timing.total?.label).toBe('Total');
    expect(timing.phases[1]!.children[1]!.note).toBe('Not including mid-sentence pauses or deep breathing during Proprioceptive Neuromuscular Facilitation (PNF).');
  });

  it('has every row of the three treatment-sequence tables', () => {
    const rows = study!.sessions.map((session) => [session.steps.filter((row) => row.kind === 'step').length, session.steps.filter((row) => row.kind === 'event').length]);
    expect(rows).toEqual([
      [15, 2],
      [15, 1],
      [17, 1],
    ]);
    expect(study!.sessions.map((session) => session.steps.filter((row) => row.kind === 'event').map((row) => row.label))).toEqual([
      ['The Client turns over', 'The Client takes toilet break'],
      ['The Client turns over'],
      ['The Client turns over'],
    ]);
    for (const session of study!.sessions) {
      expect(session.steps[0]!.label).toBe('Pre-treatment assessment');
      expect(session.steps[1]!.label).toBe('Treatment begins');
      expect(session.steps.at(-1)!.label).toBe('Post-treatment assessment');
    }
    // The eight techniques of the tables are categories declared in the study's data.
    const actions = study!.meta.steps!.columns.find((column) => column.id === 'actions')!;
    expect(actions.categories.map((category) => category.label)).toEqual(['Effleurage', 'Petrissage', 'Frictions', 'Compressions', 'Vibration', 'Tapotement', 'Passive stretch', 'PNF stretch']);
  });

  it('has the questionnaires of Appendix A, question by question', () => {
    const groups = study!.questionnaires!.groups.map((group) => `${group.respondent}/${group.scope}:${group.questions.length}`);
    expect(groups).toEqual(['client/all:8', 'client/1:3', 'client/2:3', 'client/3:3', 'therapist/all:8', 'therapist/1:3', 'therapist/2:3', 'therapist/3:4']);
    const first = (respondent: string) => study!.questionnaires!.groups.find((group) => group.respondent === respondent && group.scope === 'all')!.questions[0]!.items;
    expect(first('client')).toEqual([
      'Welcome or unwelcome?',
      'Understood or misunderstood?',
      'Cared for or not cared for?',
      'Heard or not heard?',
      'Optimistic or pessimistic?',
      'Motivated or unmotivated?',
    ]);
    expect(first('therapist')).toEqual(['Understood or misunderstood?', 'Helpful or unhelpful?', 'Optimistic or pessimistic?']);
  });

  it('has the 20 steps of the data-collection procedure, with step 4’s sub-items', () => {
    expect(study!.procedure!.steps.map((step) => step.number)).toEqual(Array.from({ length: 20 }, (_, index) => index + 1));
    const step4 = study!.procedure!.steps[3]!;
    expect(step4.items.map((item) => item.label)).toEqual(['a', 'b']);
    expect(step4.items[0]!.items.map((item) => item.label)).toEqual(['i', 'ii', 'iii', 'iv', 'v', 'vi']);
  });

  it('has the 24 numbered references', () => {
    const numbered = study!.references.filter((reference) => reference.number !== undefined);
    expect(numbered.map((reference) => reference.number)).toEqual(Array.from({ length: 24 }, (_, index) => index + 1));
    expect(numbered[1]).toMatchObject({ title: 'A meta-analysis of massage therapy research', year: 2004, volume: '130', issue: '1', pages: '3–18' });
  });
});
