// Writing CSV the way the shipped files are written: a header row, comma-separated, LF line ends, a field quoted
// only when it must be (a comma, quote, semicolon or line break inside, or surrounding spaces).

export function csvField(value: string): string {
  return /[",;\r\n]|^\s|\s$/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export function csvLine(fields: readonly string[]): string {
  return `${fields.map(csvField).join(',')}\n`;
}

/**
 * A cell for a spreadsheet user to open (exports): text a spreadsheet would run as a formula gets a leading
 * apostrophe, so it shows as text (OWASP "CSV injection"). Imports take the apostrophe off again.
 */
export function spreadsheetSafe(value: string): string {
  return /^[=+\-@\t\r\0]/.test(value) ? `'${value}` : value;
}
