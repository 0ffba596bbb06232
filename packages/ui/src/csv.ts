// CSV of exactly what a figure shows: a header block (title, dataset version, sources, notes) then the table.
// RFC 4180 quoting, CRLF line ends; text cells a spreadsheet would run as a formula are neutralised.

export type CsvCell = string | number | boolean | null | undefined;

export interface CsvDocument {
  title: string;
  sources: readonly { id: string; citation: string }[];
  datasetVersion: string;
  /** More header lines: what a reader needs to read the rows again (a scenario's shocks, say). */
  notes?: readonly string[];
  headers: readonly string[];
  rows: readonly (readonly CsvCell[])[];
}

/** Text starting with = + - @, a tab, CR or NUL is prefixed with ' so spreadsheets show it instead of running it. */
export function neutralise(text: string): string {
  return /^[=+\-@\t\r\0]/.test(text) ? `'${text}` : text;
}

function quote(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvCell(value: CsvCell): string {
  if (value === null || value === undefined) return '';
  // Numbers and booleans are data, never formulas: a negative number stays a number.
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return quote(neutralise(value));
}

export function toCsv(doc: CsvDocument): string {
  const lines = [
    [`# ${doc.title}`],
    [`# Dataset version: ${doc.datasetVersion}`],
    ...doc.sources.map((s) => [`# Source ${s.id}: ${s.citation}`]),
    ...(doc.notes ?? []).map((note) => [`# ${note}`]),
    doc.headers,
    ...doc.rows,
  ];
  return `${lines.map((cells) => cells.map(csvCell).join(',')).join('\r\n')}\r\n`;
}
