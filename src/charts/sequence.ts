/**
 * The data transform behind the step chart: a unit's step table turned into ordinal steps,
 * read through the columns the study declares. A cell value belongs to a category only
 * when the study lists it among that category's values (compared whole, ignoring case);
 * any other value stays text. A value the column declares as a continuation ("As above")
 * carries the resolved values of the nearest row above that has them. Excerpts are attached
 * only where the data places them (`excerpt.step`).
 */
import type { Study } from '../study/model.ts';
import type { Excerpt } from '../study/schemas/excerpt.ts';
import type { Session } from '../study/schemas/session.ts';
import type { StepCategory, StepColumn, StepTable } from '../study/schemas/steps.ts';

/** The category a printed value belongs to in a column, if the study declares one. */
export function categoryOf(column: StepColumn, value: string): StepCategory | undefined {
  const key = value.trim().toLowerCase();
  return column.categories.find((category) => category.values.some((candidate) => candidate.trim().toLowerCase() === key));
}

/** True when the column declares the printed value as "same as the row above". */
export function isContinuation(column: StepColumn, value: string): boolean {
  const key = value.trim().toLowerCase();
  return column.continuation.some((candidate) => candidate.trim().toLowerCase() === key);
}

export interface CellValue {
  /** The value's text (for a carried value, the text it carries). */
  text: string;
  /** Its declared category, if any. */
  category: StepCategory | undefined;
  /** True when the printed cell was a continuation and this value was carried down. */
  continued: boolean;
}

export interface StepCell {
  column: StepColumn;
  /** Values as printed. */
  printed: string[];
  /** Values with continuations resolved. */
  values: CellValue[];
  /** Categories found among the values, each once, in the column's legend order. */
  categories: StepCategory[];
  /** Values in no category (for a "marks" column, the notes beside the marks). */
  uncategorised: string[];
  /** The printed cell was (or began with) a continuation. */
  continued: boolean;
  /** A continuation with no row above to carry: kept as printed. */
  unresolved: boolean;
}

interface Common {
  id: string;
  /** Position in the printed table, from 0 (events included). */
  row: number;
  /** Id of its group from the study's `steps.phases`, if rows are grouped. */
  phase: string | undefined;
  label: string;
  /** Excerpts the data places on this row. */
  excerpts: Excerpt[];
  /** First row of its group. */
  phaseStart: boolean;
  note: string | undefined;
}

export interface SegmentStep extends Common {
  kind: 'step';
  /** 1, 2, 3… over steps only. */
  number: number;
  /** One cell per declared column, in declared order. */
  cells: StepCell[];
}

export interface EventStep extends Common {
  kind: 'event';
}

export type Step = SegmentStep | EventStep;

export interface SessionSequence {
  session: Session;
  table: StepTable;
  steps: Step[];
  /** Excerpts of the unit the data does not place on a step. */
  unplaced: Excerpt[];
}

/** The name of a row group, as the study declares it. */
export function phaseLabel(table: StepTable, phase: string | undefined): string {
  return table.phases.find((candidate) => candidate.id === phase)?.label ?? phase ?? '';
}

/** The unit's step table as ordinal steps, one per printed row. */
export function sequenceSteps(study: Study, sessionNumber: number): SessionSequence {
  const session = study.sessionIndex.get(sessionNumber);
  if (!session) throw new RangeError(`Unexpected ${study.meta.vocabulary.unit.singular} ${sessionNumber}, expected one of ${study.sessions.map((s) => s.number).join(', ')}`);
  const table = study.meta.steps;
  if (!table) throw new RangeError(`Unexpected step chart: the study declares no step table`);
  const excerpts = study.excerptsBySession.get(sessionNumber) ?? [];
  const ids = new Set(session.steps.map((row) => row.id));
  const placed = (id: string) => excerpts.filter((excerpt) => excerpt.step === id);
  const unplaced = excerpts.filter((excerpt) => excerpt.step === undefined || !ids.has(excerpt.step));

  const previous = new Map<string, CellValue[]>();
  let number = 0;
  let phase: string | undefined;
  let first = true;
  const steps = session.steps.map((row, index): Step => {
    const phaseStart = table.phases.length > 0 && (first || row.phase !== phase);
    first = false;
    phase = row.phase;
    const common = { id: row.id, row: index, phase: row.phase, label: row.label, excerpts: placed(row.id), phaseStart, note: row.note };
    if (row.kind === 'event') return { kind: 'event', ...common };
    number += 1;
    const cells = table.columns.map((column): StepCell => {
      const printed = row.cells[column.id] ?? [];
      const values: CellValue[] = [];
      let continued = false;
      let unresolved = false;
      for (const text of printed) {
        if (isContinuation(column, text)) {
          continued = true;
          const above = previous.get(column.id);
          if (above) values.push(...above.map((value) => ({ ...value, continued: true })));
          else {
            unresolved = true;
            values.push({ text, category: undefined, continued: false });
          }
        } else values.push({ text, category: categoryOf(column, text), continued: false });
      }
      if (values.length > 0) previous.set(column.id, values);
      const found = new Set(values.map((value) => value.category).filter((category) => category !== undefined));
      return {
        column,
        printed,
        values,
        categories: column.categories.filter((category) => found.has(category)),
        uncategorised: values.filter((value) => value.category === undefined && !value.continued).map((value) => value.text),
        continued,
        unresolved,
      };
    });
    return { kind: 'step', ...common, number, cells };
  });
  return { session, table, steps, unplaced };
}
