import { describe, expect, test } from 'vitest';

describe('public API', () => {
  test('should expose the public API', async () => {
    expect(Object.keys(await import('../../src/ca/index.ts')).sort()).toEqual([
      'getSymbol',
      'lastLineNumber',
      'legendToHast',
      'parseTranscript',
      'parseTranscriptText',
      'ruleIds',
      'speak',
      'symbols',
      'toHast',
      'toHtml',
      'usedSymbols',
    ]);
  });

  test('should expose the remark plugin as the default export of remark-ca.ts', async () => {
    expect(Object.keys(await import('../../src/ca/remark-ca.ts')).sort()).toEqual(['default']);
  });
});
