/**
 * Acronyms that are not loud talk, declared for the whole study (study.json "notLoud") or
 * for one excerpt (its "notLoud"): the check stops warning and the page stops marking them loud.
 */
import { describe, expect, it } from 'vitest';
import { transcriptHtml } from '../../src/components/ca/transcript-html.ts';
import { parseTranscript } from '../../src/ca/index.ts';
import { ExcerptSchema, StudySchema } from '../../src/study/schemas/index.ts';
import { notLoudFor, transcriptLines } from '../../src/study/transcripts.ts';

const participants = [{ id: 'dr', label: 'DR', role: 'doctor', description: 'The doctor.' }];
const lines = [{ kind: 'turn' as const, speaker: 'dr', text: 'see your GP about the BP' }];
const rules = (notLoud: string[]) => parseTranscript(transcriptLines({ lines }, participants), { notLoud }).messages.map((message) => `${message.ruleId} ${String(message.actual)}`);
const loud = (notLoud: string[]) =>
  (transcriptHtml(transcriptLines({ lines }, participants), { id: 'x', mode: 'transcript', lineNumbers: true, legend: false, notLoud }).match(/ca-sym--loud/gu) ?? []).length;

describe('words declared not loud', () => {
  it('joins the study’s list and the excerpt’s own', () => {
    expect(notLoudFor({ notLoud: ['BP'] }, { notLoud: ['GP'] })).toEqual(['GP', 'BP']);
    expect(notLoudFor({}, {})).toEqual([]);
  });

  it('are read as words, not loud talk, and not warned about', () => {
    expect(rules([])).toEqual(['capitals-or-acronym GP', 'capitals-or-acronym BP']);
    expect(loud([])).toBe(2);
    expect(rules(notLoudFor({ notLoud: ['BP'] }, { notLoud: ['GP'] }))).toEqual([]);
    expect(loud(notLoudFor({ notLoud: ['BP'] }, { notLoud: ['GP'] }))).toBe(0);
    expect(loud(notLoudFor({}, { notLoud: ['GP'] }))).toBe(1);
  });

  it('are words in capitals in both schemas', () => {
    expect(ExcerptSchema.shape.notLoud.safeParse(['GP', 'ICU', 'A1C']).success).toBe(true);
    expect(ExcerptSchema.shape.notLoud.safeParse(['gp']).success).toBe(false);
    expect(StudySchema.shape.notLoud.safeParse(['Gp']).success).toBe(false);
  });
});
