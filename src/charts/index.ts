/**
 * Charts: Study data in, hast out (an accessible SVG or HTML table/list) plus a data-table
 * equivalent, a title, a description and footnotes. Pure functions: no files, no DOM.
 */
export { sessionPhases, phaseSegments, sessionPhasesLayout, neighbouringSessions, type SessionPhasesOptions, type PhaseSegment } from './session-phases.ts';
export { stepSequence, describeStep, type StepSequenceOptions } from './step-sequence.ts';
export { sequenceSteps, categoryOf, isContinuation, phaseLabel, type Step, type SegmentStep, type EventStep, type StepCell, type CellValue } from './sequence.ts';
export { themeSessionMatrix, matrixData, type ThemeSessionMatrixOptions, type MatrixData } from './theme-session-matrix.ts';
export { themeProcess, type ThemeProcessOptions } from './theme-process.ts';
export { toHtml } from './html.ts';
export { themeVariable } from './colours.ts';
export { browserHref, codeHref, excerptHref } from './urls.ts';
export type { ChartResult } from './types.ts';
