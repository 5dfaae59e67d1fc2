/**
 * Spreadsheet formula neutralisation (OWASP "CSV Injection"). Excel, LibreOffice and
 * Google Sheets run a cell that begins with `=`, `+`, `-`, `@`, a tab or a carriage return
 * as a formula, so a transcript line such as `=[yeah]` (CA latching) or a hostile
 * `=HYPERLINK(…)` in a colleague's project would execute when the sheet is opened. Such a
 * cell is written with a leading apostrophe, which spreadsheets take as "this is text".
 *
 * The mark must come off again on import so that a round trip changes nothing, and a cell
 * that really begins with apostrophes before one of those characters must survive too:
 * every cell of the form `'*[=+\-@\t\r]…` gains one apostrophe on export and loses one on
 * import, which is a bijection (no other cell is touched either way).
 */
const formulaLike = /^'*[=+\-@\t\r]/u;
const neutralised = /^'+[=+\-@\t\r]/u;

/** The cell as it may safely be written to a spreadsheet. */
export function neutraliseFormula(cell: string): string {
  return formulaLike.test(cell) ? `'${cell}` : cell;
}

/** Undoes neutraliseFormula: the cell as it was before export. */
export function restoreFormula(cell: string): string {
  return neutralised.test(cell) ? cell.slice(1) : cell;
}
