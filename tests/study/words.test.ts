/** The words the site derives from a study's vocabulary, as they reach URLs. */
import { describe, expect, it } from 'vitest';
import { unitParam, unitsPath } from '../../src/study/words.ts';

const meta = (singular: string, plural: string) => ({ vocabulary: { unit: { singular, plural } } });

describe('unitParam', () => {
  it("names the unit filter in the study's own word", () => {
    expect(unitParam(meta('session', 'sessions'))).toBe('session');
    expect(unitParam(meta('Focus group', 'Focus groups'))).toBe('focus-group');
    expect(unitParam(meta('entrevista', 'entrevistas'))).toBe('entrevista');
  });

  it('falls back to "unit" where the word would be another filter\'s name or empty', () => {
    expect(unitParam(meta('speaker', 'speakers'))).toBe('unit');
    expect(unitParam(meta('Code', 'Codes'))).toBe('unit');
    expect(unitParam(meta('会話', '会話'))).toBe('unit');
  });

  it('keeps the unit pages under the plural', () => {
    expect(unitsPath(meta('Focus group', 'Focus groups'))).toBe('focus-groups');
  });
});
