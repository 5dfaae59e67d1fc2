/**
 * A strict RFC 4180 reader, written independently of the writer in src/site/data-export.ts
 * so the tests check the format rather than the writer against itself. Records end with
 * CRLF; a quoted field may contain commas, doubled quotes and line breaks.
 */
export function parseCsv(input: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let index = 0;
  while (index < input.length) {
    if (input[index] === '"' && field === '') {
      index += 1;
      for (;;) {
        if (index >= input.length) throw new Error('unterminated quoted field');
        if (input[index] === '"') {
          if (input[index + 1] === '"') {
            field += '"';
            index += 2;
            continue;
          }
          index += 1;
          break;
        }
        field += input[index];
        index += 1;
      }
      if (index < input.length && input[index] !== ',' && !input.startsWith('\r\n', index)) throw new Error(`unexpected character after a quoted field at ${index}`);
      continue;
    }
    if (input[index] === ',') {
      record.push(field);
      field = '';
      index += 1;
    } else if (input.startsWith('\r\n', index)) {
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      index += 2;
    } else {
      if (input[index] === '"' || input[index] === '\n' || input[index] === '\r') throw new Error(`bare ${JSON.stringify(input[index])} in an unquoted field at ${index}`);
      field += input[index];
      index += 1;
    }
  }
  if (field !== '' || record.length > 0) {
    record.push(field);
    records.push(record);
  }
  return records;
}
