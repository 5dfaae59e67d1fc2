/**
 * The example study of another shape (examples/tool-library/: interviews, no durations,
 * step table, questionnaires or journal) in Chromium: the page gates every study passes.
 */
import { inject } from 'vitest';
import { pageGate } from './page-gate.ts';

// Between them these find every interview, excerpt and theme of the example.
pageGate('the example interview study', inject('exampleDistDir'), ['tool', 'borrow', 'switch']);
