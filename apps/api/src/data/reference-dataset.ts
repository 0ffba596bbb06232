// The shipped reference dataset: CSV files in apps/api/data/reference, read and validated row by row through
// the @ree/domain schemas. Nothing here touches the database.
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  Country,
  Element,
  Facility,
  GovernanceScore,
  Investment,
  Partnership,
  PolicyMeasure,
  ProductionRecord,
  ReserveEstimate,
  Source,
  Stockpile,
  TradeFlow,
} from '@ree/domain';
import { z } from 'zod';
import { CellError, type Column, convertCell } from './columns.ts';
import { CsvSyntaxError, parseCsv } from './csv.ts';

export const REFERENCE_DIR = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../data/reference',
);

/** A row that cannot be loaded: where it is and why. */
export class DatasetRowError extends Error {
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

const c = (header: string, type: Column['type'] = 'string', key = toCamel(header)): Column => ({
  header,
  key,
  type,
});
function toCamel(header: string): string {
  return header.replace(/_([a-z])/g, (_, ch: string) => ch.toUpperCase());
}

/** Columns that name a country of the same version, and so must exist in countries.csv. */
export const COUNTRY_COLUMNS = ['country', 'importer', 'exporter', 'partner', 'target_country'] as const;

/**
 * Each entity's file, columns, schema and natural key, in load order (sources and countries first: everything
 * else refers to them).
 */
export const ENTITY_FILES = {
  sources: {
    file: 'sources.csv',
    schema: Source,
    columns: [
      c('id'),
      c('citation'),
      c('publisher'),
      c('url'),
      c('published_on'),
      c('accessed_on'),
      c('licence'),
    ],
    key: ['id'],
  },
  countries: {
    file: 'countries.csv',
    schema: Country,
    columns: [c('iso3'), c('name'), c('region')],
    key: ['iso3'],
  },
  elements: {
    file: 'elements.csv',
    schema: Element,
    columns: [
      c('symbol'),
      c('name'),
      c('atomic_number', 'int'),
      c('group'),
      c('uses', 'list'),
      c('source_id'),
      c('status'),
    ],
    key: ['symbol'],
  },
  governance: {
    file: 'governance.csv',
    schema: GovernanceScore,
    columns: [c('country'), c('year', 'int'), c('wgi', 'number'), c('source_id'), c('status')],
    key: ['country', 'year'],
  },
  production: {
    file: 'production.csv',
    schema: ProductionRecord,
    columns: [
      c('country'),
      c('stage'),
      c('material'),
      c('year', 'int'),
      c('quantity', 'number'),
      c('unit'),
      c('basis'),
      c('projection', 'boolean'),
      c('source_id'),
      c('status'),
    ],
    key: ['country', 'stage', 'material', 'year', 'unit', 'basis', 'projection'],
  },
  reserves: {
    file: 'reserves.csv',
    schema: ReserveEstimate,
    columns: [
      c('country'),
      c('year', 'int'),
      c('quantity', 'number'),
      c('unit'),
      c('basis'),
      c('source_id'),
      c('status'),
    ],
    key: ['country', 'year', 'sourceId'],
  },
  facilities: {
    file: 'facilities.csv',
    schema: Facility,
    columns: [
      c('id'),
      c('name'),
      c('operator'),
      c('country'),
      c('stage'),
      c('products', 'list'),
      c('capacity_per_year', 'number'),
      c('capacity_unit'),
      c('capacity_basis'),
      c('operating_status'),
      c('start_year', 'int'),
      c('notes'),
      c('source_id'),
      c('status'),
    ],
    key: ['id'],
  },
  trade: {
    file: 'trade.csv',
    schema: TradeFlow,
    columns: [
      c('importer'),
      c('exporter'),
      c('material'),
      c('stage'),
      c('year', 'int'),
      c('quantity', 'number'),
      c('unit'),
      c('basis'),
      c('value_usd', 'number'),
      c('source_id'),
      c('status'),
    ],
    key: ['importer', 'exporter', 'material', 'stage', 'year', 'unit'],
  },
  partnerships: {
    file: 'partnerships.csv',
    schema: Partnership,
    columns: [
      c('id'),
      c('country'),
      c('partner'),
      c('role'),
      c('focus'),
      c('parties'),
      c('start_date'),
      c('end_date'),
      c('secures_supply', 'boolean'),
      c('source_id'),
      c('status'),
    ],
    key: ['id'],
  },
  investments: {
    file: 'investments.csv',
    schema: Investment,
    columns: [
      c('id'),
      c('investor'),
      c('type'),
      c('country'),
      c('location'),
      c('amount_usd', 'number'),
      c('date'),
      c('outcome'),
      c('source_id'),
      c('status'),
    ],
    key: ['id'],
  },
  policies: {
    file: 'policies.csv',
    schema: PolicyMeasure,
    columns: [
      c('id'),
      c('country'),
      c('kind'),
      c('title'),
      c('impact'),
      c('elements', 'list'),
      c('target_country'),
      c('start_date'),
      c('end_date'),
      c('source_id'),
      c('status'),
    ],
    key: ['id'],
  },
  stockpiles: {
    file: 'stockpiles.csv',
    schema: Stockpile,
    columns: [
      c('holder'),
      c('country'),
      c('material'),
      c('days', 'number'),
      c('kind'),
      c('year', 'int'),
      c('source_id'),
      c('status'),
    ],
    key: ['holder', 'country', 'material', 'year', 'kind'],
  },
} as const;

export type EntityName = keyof typeof ENTITY_FILES;
export const ENTITY_NAMES = Object.keys(ENTITY_FILES) as EntityName[];
export type RowsOf<K extends EntityName> = z.output<(typeof ENTITY_FILES)[K]['schema']>;
export type ReferenceRows = { [K in EntityName]: RowsOf<K>[] };
/** The line in its file where each row starts, in the same order as the rows. */
export type ReferenceLines = Record<EntityName, number[]>;

export interface ReferenceDataset {
  slug: string;
  name: string;
  label: string;
  /** sha256 over every file, so a second load of the same files is recognised. */
  contentHash: string;
  rows: ReferenceRows;
  lines: ReferenceLines;
}

const Manifest = z.strictObject({
  slug: z.string().regex(/^[a-z0-9-]+$/),
  name: z.string(),
  label: z.string(),
});

/** Header names (trimmed, any case) checked against an entity's columns. */
export function checkHeader(entity: EntityName, names: readonly string[]) {
  const { columns } = ENTITY_FILES[entity];
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

/** A zod issue in words a person editing a spreadsheet understands. */
function describeIssue(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined
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
  const { schema, columns } = ENTITY_FILES[entity];
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
  const got =
    key !== undefined && raw[String(key)] !== undefined ? ` (got "${String(raw[String(key)])}")` : '';
  return { ok: false, column, message: issue ? `${describeIssue(issue)}${got}` : 'invalid row' };
}

/** The natural key of a row, as one string ("CHN | mining | REO | 2024 | t | REO | false"). */
export function keyOf(entity: EntityName, row: Record<string, unknown>): string {
  return ENTITY_FILES[entity].key.map((k) => String(row[k])).join(' | ');
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
export function checkReferences(rows: ReferenceRows, lines: ReferenceLines): void {
  const sourceIds = new Set(rows.sources.map((s) => s.id));
  const isos = new Set(rows.countries.map((co) => co.iso3));
  for (const entity of ENTITY_NAMES) {
    const { file, columns, key } = ENTITY_FILES[entity];
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
        if (value !== undefined && !isos.has(String(value))) {
          throw new DatasetRowError(
            file,
            line,
            col.header,
            `unknown country "${String(value)}": add it to countries.csv`,
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

/** Reads and validates the whole shipped dataset. Throws DatasetRowError for the first bad row. */
export async function readReferenceDataset(dir = REFERENCE_DIR): Promise<ReferenceDataset> {
  const manifestText = await readFile(path.join(dir, 'dataset.json'), 'utf8');
  const manifest = Manifest.parse(JSON.parse(manifestText));
  const hash = createHash('sha256').update(manifestText);
  const rows = {} as ReferenceRows;
  const lines = {} as ReferenceLines;
  for (const entity of ENTITY_NAMES) {
    const text = await readFile(path.join(dir, ENTITY_FILES[entity].file), 'utf8');
    hash.update(`\0${entity}\0`).update(text);
    const parsed = parseEntityCsv(entity, text);
    (rows as Record<EntityName, unknown[]>)[entity] = parsed.rows;
    lines[entity] = parsed.lines;
  }
  checkReferences(rows, lines);
  return { ...manifest, contentHash: hash.digest('hex'), rows, lines };
}
