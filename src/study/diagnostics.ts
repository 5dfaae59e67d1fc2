/**
 * Diagnostics are vfile messages (as in the unified ecosystem), one VFile per content
 * file, so every problem carries its file, line, column, rule and a fix hint, and all of
 * them can be reported at once.
 */
import { relative } from 'node:path';
import { VFile } from 'vfile';
import type { VFileMessage } from 'vfile-message';

export type Severity = 'error' | 'warning';

export interface Problem {
  /** What is wrong, phrased so it can stand alone. */
  reason: string;
  /** Stable rule id, e.g. "unknown-key"; documented in docs/errors.md. */
  rule: string;
  severity: Severity;
  /** 1-based line and column of the offending value. */
  place: { line: number; column: number } | undefined;
  /** How to fix it. */
  fix?: string | undefined;
  /** What would have been accepted. */
  expected?: string[] | undefined;
  /** What was found. */
  actual?: string | undefined;
}

/** Adds a problem to a file as a vfile message: fatal for errors, non-fatal for warnings. */
export function report(file: VFile, problem: Problem): VFileMessage {
  const message = file.message(problem.reason, {
    ruleId: problem.rule,
    source: 'casebook',
    ...(problem.place ? { place: problem.place } : {}),
  });
  message.fatal = problem.severity === 'error';
  if (problem.fix !== undefined) message.note = problem.fix;
  if (problem.expected !== undefined) message.expected = problem.expected;
  if (problem.actual !== undefined) message.actual = problem.actual;
  return message;
}

export function severityOf(message: VFileMessage): Severity {
  return message.fatal === true ? 'error' : 'warning';
}

export function countProblems(files: readonly VFile[]): { errors: number; warnings: number } {
  let errors = 0;
  let warnings = 0;
  for (const file of files) {
    for (const message of file.messages) {
      if (severityOf(message) === 'error') errors += 1;
      else warnings += 1;
    }
  }
  return { errors, warnings };
}

/**
 * One line per problem, `file:line:column  severity  message  [rule]`, followed by an
 * indented fix hint, then a summary line. Paths are relative to `cwd` so they can be
 * clicked in a terminal.
 */
export function formatReport(files: readonly VFile[], cwd = process.cwd()): string {
  const lines: string[] = [];
  for (const file of files) {
    const path = file.path ? relative(cwd, file.path) || file.path : '<unknown>';
    const sorted = [...file.messages].sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
    for (const message of sorted) {
      const where = message.line ? `${path}:${message.line}:${message.column ?? 1}` : path;
      lines.push(`${where}  ${severityOf(message)}  ${message.reason}  [${message.ruleId ?? 'unknown'}]`);
      if (message.note) lines.push(`    fix: ${message.note}`);
    }
  }
  lines.push(summaryLine(files));
  return lines.join('\n');
}

export function summaryLine(files: readonly VFile[]): string {
  const { errors, warnings } = countProblems(files);
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  const withProblems = files.filter((file) => file.messages.length > 0).length;
  if (errors === 0 && warnings === 0) return `✔ ${plural(files.length, 'file')} checked, no problems`;
  return `${errors > 0 ? '✖' : '⚠'} ${plural(errors, 'error')}, ${plural(warnings, 'warning')} in ${plural(withProblems, 'file')} (${files.length} checked)`;
}

export { VFile };
