/** RFC 4180 CSV that spreadsheets open safely. */

export type CsvCell = string | number | boolean | null | undefined;

/**
 * A text cell starting with `=`, `+`, `-`, `@`, tab or carriage return would run as a formula in a
 * spreadsheet (CSV injection): it is prefixed with `'`. Numbers are written as numbers.
 */
function cell(value: CsvCell): string {
  if (value === null || value === undefined) {
    return '';
  }
  if (typeof value === 'number' || typeof value === 'boolean') {
    return String(value);
  }
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** Header row then one line per row, CRLF-terminated, with a byte-order mark for spreadsheets. */
export function toCsv(header: string[], rows: CsvCell[][]): string {
  const lines = [header, ...rows].map((row) => row.map(cell).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
