// Writing CSV the way the shipped files are written: a header row, comma-separated, LF line ends, a field quoted
// only when it must be (a comma, quote, semicolon or line break inside, or surrounding spaces).

export function csvField(value: string): string {
  return /[",;\r\n]|^\s|\s$/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export function csvLine(fields: readonly string[]): string {
  return `${fields.map(csvField).join(',')}\n`;
}

/**
 * A cell for a spreadsheet user to open (the audit export): text a spreadsheet would run as a formula gets a
 * leading apostrophe, so it shows as text (OWASP "CSV injection").
 */
export function spreadsheetSafe(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}
