// How a CSV column maps onto a field of a domain entity, and how its text becomes a value.
import { DomainError } from '../errors.ts';
import { echo } from './echo.ts';
import { textProblem } from './text-problem.ts';
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

/**
 * A number cell: plain or with thousands separators, a decimal point and an exponent; finite. An integer column
 * takes only an integer written as one ("2024", "1,500"): "2024.0", "2.024e3" and "02024" are refused, since a
 * value that only happens to be whole is usually a column mixed up or a spreadsheet's formatting.
 */
function convertNumber(value: string, type: 'int' | 'number'): number {
  const shown = `"${echo(value)}"`;
  if (!NUMBER.test(value)) throw new CellError(`${shown} is not a number`);
  const n = Number(value.replace(/,/g, ''));
  if (!Number.isFinite(n)) throw new CellError(`${shown} is not a finite number`);
  if (type === 'number') return n;
  if (!Number.isInteger(n)) throw new CellError(`${shown} is not a whole number`);
  const asInteger = (how: string) =>
    new CellError(`${shown} must be written as a whole number, without ${how} (e.g. ${n})`);
  if (/[eE]/.test(value)) throw asInteger('an exponent');
  if (value.includes('.')) throw asInteger('a decimal point');
  if (/^-?0\d/.test(value)) throw asInteger('leading zeros');
  return n;
}

/** Converts one cell. Empty cells become undefined so optional fields stay absent. */
export function convertCell(text: string, type: ColumnType): unknown {
  const problem = textProblem(text);
  if (problem === 'nul') {
    throw new CellError('holds a NUL character (byte 0), which text cannot contain: remove it');
  }
  if (problem === 'lone-surrogate') {
    throw new CellError(
      'holds a broken character (a lone UTF-16 surrogate), which text cannot contain: remove it',
    );
  }
  const value = text.trim();
  if (value === '') return type === 'list' ? [] : undefined;
  switch (type) {
    case 'string':
      return refuseFormula(value);
    case 'int':
    case 'number':
      return convertNumber(value, type);
    case 'boolean':
      if (/^(true|yes|1)$/i.test(value)) return true;
      if (/^(false|no|0)$/i.test(value)) return false;
      throw new CellError(`"${echo(value)}" is not true or false`);
    case 'list':
      return value
        .split(';')
        .map((s) => s.trim())
        .filter(Boolean)
        .map(refuseFormula);
  }
}
