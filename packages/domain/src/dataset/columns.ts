// How a CSV column maps onto a field of a domain entity, and how its text becomes a value.
import { DomainError } from '../errors.ts';
export type ColumnType = 'string' | 'int' | 'number' | 'boolean' | 'list';

export interface Column {
  /** Header in the CSV file (snake_case). */
  header: string;
  /** Field of the domain entity (camelCase). */
  key: string;
  type: ColumnType;
}

export class CellError extends DomainError {
  override name = 'CellError';
}

const NUMBER = /^-?(\d+|\d{1,3}(,\d{3})+)(\.\d+)?([eE][-+]?\d+)?$/;

// Text a spreadsheet would run as a formula when the file is opened (OWASP "CSV injection"). A leading sign
// followed by a figure ("+25 % capacity") is ordinary text and stays allowed.
const FORMULA = /^[=@\t\r]|^[+-](?!\d[\d.,]*\s?%?(\s|$))/;

/**
 * Refuses text a spreadsheet would run. An apostrophe in front (how exports neutralise such text, and how
 * spreadsheets mark a cell as text) is taken off first, so an export imports back as it was.
 */
function refuseFormula(text: string): string {
  const value = /^'[=+\-@]/.test(text) ? text.slice(1) : text;
  if (FORMULA.test(value)) {
    throw new CellError(
      `"${value.length > 40 ? `${value.slice(0, 40)}…` : value}" looks like a spreadsheet formula; formulas are not accepted`,
    );
  }
  return value;
}

/** Converts one cell. Empty cells become undefined so optional fields stay absent. */
export function convertCell(text: string, type: ColumnType): unknown {
  const value = text.trim();
  if (value === '') return type === 'list' ? [] : undefined;
  switch (type) {
    case 'string':
      return refuseFormula(value);
    case 'int':
    case 'number': {
      if (!NUMBER.test(value)) throw new CellError(`"${value}" is not a number`);
      const n = Number(value.replace(/,/g, ''));
      if (type === 'int' && !Number.isInteger(n)) throw new CellError(`"${value}" is not a whole number`);
      return n;
    }
    case 'boolean':
      if (/^(true|yes|1)$/i.test(value)) return true;
      if (/^(false|no|0)$/i.test(value)) return false;
      throw new CellError(`"${value}" is not true or false`);
    case 'list':
      return value
        .split(';')
        .map((s) => s.trim())
        .filter(Boolean)
        .map(refuseFormula);
  }
}
