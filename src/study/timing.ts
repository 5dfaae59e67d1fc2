/**
 * Reading a study's declared timing: its phases in printed order (each phase before its
 * sub-phases), their footnote markers, and a unit's total.
 */
import type { Duration, Phase, Session, Timing } from './schemas/index.ts';

export interface TimingRow {
  /** Key of the duration in each unit's "durations". */
  id: string;
  label: string;
  /** 0 for a top-level phase, 1 for its sub-phases, and so on; the total row is 0. */
  depth: number;
  /** The phase, or undefined for the total row. */
  phase: Phase | undefined;
  /** The enclosing phase, if any. */
  parent: Phase | undefined;
  note: string | undefined;
  /** "*", "**"… for rows with a note, in printed order. */
  marker: string | undefined;
  total: boolean;
}

/** Every row of the durations table in printed order: phases, each followed by its sub-phases, then the total. */
export function timingRows(timing: Timing): TimingRow[] {
  const rows: TimingRow[] = [];
  const walk = (phases: readonly Phase[], depth: number, parent: Phase | undefined) => {
    for (const phase of phases) {
      rows.push({ id: phase.id, label: phase.label, depth, phase, parent, note: phase.note, marker: undefined, total: false });
      walk(phase.children, depth + 1, phase);
    }
  };
  walk(timing.phases, 0, undefined);
  if (timing.total) rows.push({ id: timing.total.id, label: timing.total.label, depth: 0, phase: undefined, parent: undefined, note: timing.total.note, marker: undefined, total: true });
  let noted = 0;
  for (const row of rows) if (row.note !== undefined) row.marker = '*'.repeat(++noted);
  return rows;
}

/** A unit's whole duration in seconds: its declared total, or the sum of the top-level phases. */
export function totalSeconds(session: Session, timing: Timing): number {
  const durations = session.durations ?? {};
  if (timing.total && durations[timing.total.id]) return durations[timing.total.id]!.seconds;
  return timing.phases.reduce((sum, phase) => sum + (durations[phase.id]?.seconds ?? 0), 0);
}

/** The duration printed for a row in a unit, if the unit gives it. */
export function durationOf(session: Session, id: string): Duration | undefined {
  return session.durations?.[id];
}

/** The units that give durations, in order: only they are tabulated and charted. */
export function timedSessions(sessions: readonly Session[], timing: Timing | undefined): Session[] {
  return timing === undefined ? [] : sessions.filter((session) => session.durations !== undefined);
}
