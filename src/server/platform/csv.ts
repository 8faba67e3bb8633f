import { stringify } from 'csv-stringify/sync';

export type CsvCell = string | number | null | undefined;

/**
 * The one CSV writer of every export. Cells hold what citizens and staff typed (a booking name),
 * and a spreadsheet runs a cell starting with `=`, `+`, `-`, `@`, tab or CR as a formula (OWASP
 * "CSV injection"): `escape_formulas` prefixes such cells with `'` so they open as text. Quoting is
 * the library's: a cell with a quote, comma, LF or a lone CR is quoted, and so is one with `;`,
 * the separator Excel uses under an Indonesian locale.
 */
export function toCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): Buffer {
  const text = stringify([header as string[], ...(rows as CsvCell[][])], {
    escape_formulas: true,
    quoted_match: /;/,
    record_delimiter: '\r\n',
    // With an explicit record delimiter the library stops quoting cells holding LF or CR unless
    // told to; a lone CR left bare splits the record in most readers.
    quote_record_delimiter: true,
    cast: { number: (n) => String(n) },
  });
  return Buffer.from(text, 'utf8');
}
