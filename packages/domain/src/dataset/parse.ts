// Turning CSV text into validated dataset rows: one record at a time (for streaming imports) or a whole dataset
// (the shipped files). Pure: callers read the files.
import type { z } from 'zod';
import { DomainError } from '../errors.ts';
import { CellError, convertCell } from './columns.ts';
import { CsvSyntaxError, parseCsv } from './csv.ts';
import { echo } from './echo.ts';
import {
  COUNTRY_COLUMNS,
  type DatasetRows,
  ENTITY_FILES,
  ENTITY_NAMES,
  type EntityName,
  type RowsOf,
} from './entity-files.ts';

/** A row that cannot be loaded: where it is and why. */
export class DatasetRowError extends DomainError {
  override name = 'DatasetRowError';
  constructor(
    readonly file: string,
    readonly line: number,
    readonly column: string | null,
    readonly reason: string,
  ) {
    super(`${file}, line ${line}${column ? `, column ${column}` : ''}: ${reason}`);
  }
}

/** The line in its file where each row starts, in the same order as the rows. */
export type DatasetLines = Record<EntityName, number[]>;

/** Header names (trimmed, any case) checked against an entity's columns. */
export function checkHeader(entity: EntityName, names: readonly string[]) {
  const columns: readonly { header: string }[] = ENTITY_FILES[entity].columns;
  const headers = names.map((h) => h.trim().toLowerCase());
  return {
    headers,
    missing: columns.filter((col) => !headers.includes(col.header)).map((col) => col.header),
    unknown: headers.filter((h) => !columns.some((col) => col.header === h)),
  };
}

export type RowResult<K extends EntityName> =
  | { ok: true; row: RowsOf<K> }
  | { ok: false; column: string | null; message: string };

/**
 * A zod issue in words a person editing a spreadsheet understands. `given` says whether the cell had a value
 * (zod leaves the input out of its issues, so it cannot tell "missing" from "wrong type" itself).
 */
function describeIssue(issue: z.core.$ZodIssue, given: boolean): string {
  switch (issue.code) {
    case 'invalid_type':
      return !given
        ? 'is required'
        : `should be ${issue.expected === 'string' ? 'text' : `a ${issue.expected}`}`;
    case 'invalid_value':
      return `must be one of ${issue.values.map((v) => `"${String(v)}"`).join(', ')}`;
    case 'too_small':
      return `must be at least ${String(issue.minimum)}`;
    case 'too_big':
      return `must be at most ${String(issue.maximum)}`;
    default:
      return issue.message;
  }
}

/** Converts one record — its cells by header name — into a validated row of `entity`. Never throws for bad data. */
export function rowFromCells<K extends EntityName>(
  entity: K,
  cell: (header: string) => string,
): RowResult<K> {
  const { schema } = ENTITY_FILES[entity];
  const columns: readonly { header: string; key: string; type: Parameters<typeof convertCell>[1] }[] =
    ENTITY_FILES[entity].columns;
  // A null-prototype object: a header such as __proto__ can never reach Object.prototype.
  const raw: Record<string, unknown> = Object.create(null);
  for (const col of columns) {
    try {
      const value = convertCell(cell(col.header), col.type);
      if (value !== undefined) raw[col.key] = value;
    } catch (error) {
      if (error instanceof CellError) return { ok: false, column: col.header, message: error.message };
      throw error;
    }
  }
  const parsed = schema.safeParse({ ...raw });
  if (parsed.success) return { ok: true, row: parsed.data as RowsOf<K> };
  const issue = parsed.error.issues[0];
  const key = issue?.path[0];
  const column = columns.find((col) => col.key === key)?.header ?? (key === undefined ? null : String(key));
  const given = key !== undefined && raw[String(key)] !== undefined;
  const got = given ? ` (got "${echo(String(raw[String(key)]))}")` : '';
  return { ok: false, column, message: issue ? `${describeIssue(issue, given)}${got}` : 'invalid row' };
}

/** The natural key of a row, as one string ("CHN | mining | REE | 2024 | t | REO | false | usgs-mcs-2026"). */
export function keyOf(entity: EntityName, row: Record<string, unknown>): string {
  const key: readonly string[] = ENTITY_FILES[entity].key;
  return key.map((k) => String(row[k])).join(' | ');
}

/** Parses one entity's CSV text into validated rows and their lines, or throws DatasetRowError for the first bad row. */
export function parseEntityCsv<K extends EntityName>(
  entity: K,
  text: string,
): { rows: RowsOf<K>[]; lines: number[] } {
  const { file } = ENTITY_FILES[entity];
  let records: ReturnType<typeof parseCsv>;
  try {
    records = parseCsv(text);
  } catch (error) {
    if (error instanceof CsvSyntaxError) throw new DatasetRowError(file, error.line, null, error.message);
    throw error;
  }
  const [header, ...body] = records;
  if (!header) throw new DatasetRowError(file, 1, null, 'the file is empty; it needs a header row');
  const { headers, missing, unknown } = checkHeader(entity, header.fields);
  if (missing.length) throw new DatasetRowError(file, 1, null, `missing column(s): ${missing.join(', ')}`);
  if (unknown.length) throw new DatasetRowError(file, 1, null, `unknown column(s): ${unknown.join(', ')}`);

  const rows = body.map(({ line, fields }) => {
    if (fields.length !== headers.length) {
      throw new DatasetRowError(
        file,
        line,
        null,
        `expected ${headers.length} fields, found ${fields.length}`,
      );
    }
    const result = rowFromCells(entity, (h) => fields[headers.indexOf(h)] ?? '');
    if (!result.ok) throw new DatasetRowError(file, line, result.column, result.message);
    return result.row;
  });
  return { rows, lines: body.map((r) => r.line) };
}

/** Checks what a single row cannot: references to sources and countries, and duplicate keys. */
export function checkReferences(rows: DatasetRows, lines: DatasetLines): void {
  const sourceIds = new Set(rows.sources.map((s) => s.id));
  const isos = new Set(rows.countries.map((co) => co.iso3));
  for (const entity of ENTITY_NAMES) {
    const { file, key } = ENTITY_FILES[entity];
    const columns: readonly { header: string; key: string }[] = ENTITY_FILES[entity].columns;
    const seen = new Set<string>();
    (rows[entity] as Record<string, unknown>[]).forEach((row, i) => {
      const line = lines[entity][i] ?? i + 2;
      if ('sourceId' in row && !sourceIds.has(String(row.sourceId))) {
        throw new DatasetRowError(
          file,
          line,
          'source_id',
          `unknown source "${String(row.sourceId)}": add it to sources.csv`,
        );
      }
      for (const col of columns) {
        if (!(COUNTRY_COLUMNS as readonly string[]).includes(col.header)) continue;
        const value = row[col.key];
        for (const code of Array.isArray(value) ? value : value === undefined ? [] : [value]) {
          if (isos.has(String(code))) continue;
          throw new DatasetRowError(
            file,
            line,
            col.header,
            `unknown country "${String(code)}": add it to countries.csv`,
          );
        }
      }
      const id = keyOf(entity, row);
      if (seen.has(id))
        throw new DatasetRowError(file, line, null, `duplicate row for ${key.join(', ')} = ${id}`);
      seen.add(id);
    });
  }
}

/**
 * Parses a whole dataset from its files' text, keyed by file name (`production.csv`, …), and checks the references
 * between them. Throws DatasetRowError for the first bad row or a missing file.
 * @example parseDataset({ 'sources.csv': '…', 'countries.csv': '…', … }).rows.production.length
 */
export function parseDataset(files: Readonly<Record<string, string>>): {
  rows: DatasetRows;
  lines: DatasetLines;
} {
  const rows = {} as Record<EntityName, unknown[]>;
  const lines = {} as DatasetLines;
  for (const entity of ENTITY_NAMES) {
    const { file } = ENTITY_FILES[entity];
    const text = files[file];
    if (text === undefined) throw new DatasetRowError(file, 1, null, 'the file is missing');
    const parsed = parseEntityCsv(entity, text);
    rows[entity] = parsed.rows;
    lines[entity] = parsed.lines;
  }
  checkReferences(rows as DatasetRows, lines);
  return { rows: rows as DatasetRows, lines };
}

/**
 * A dataset from rows given in code (the entities not given are empty), each row checked and completed by its
 * entity's schema as a load would: for examples, tests and what-if analyses.
 * @throws ZodError for a row its schema refuses.
 * @example datasetFrom({ trade: [{ importer: 'JPN', exporter: 'CHN', material: 'Dy', stage: 'separation', year: 2025, quantity: 0.99, unit: 'share', sourceId: 's', status: 'estimated' }] })
 */
export function datasetFrom(rows: { [K in EntityName]?: readonly Record<string, unknown>[] }): DatasetRows {
  const out = {} as Record<EntityName, unknown[]>;
  for (const entity of ENTITY_NAMES) {
    const { schema } = ENTITY_FILES[entity];
    out[entity] = (rows[entity] ?? []).map((r) => schema.parse(r));
  }
  return out as DatasetRows;
}
