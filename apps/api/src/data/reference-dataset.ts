// The shipped reference dataset: CSV files in apps/api/data/reference, read and validated row by row through
// the @ree/domain schemas. Nothing here touches the database.
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Country, Element, ProductionRecord, Source } from '@ree/domain';
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

/** Each entity's file, columns and schema, in load order (sources first: everything cites them). */
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
  },
  countries: { file: 'countries.csv', schema: Country, columns: [c('iso3'), c('name'), c('region')] },
  elements: {
    file: 'elements.csv',
    schema: Element,
    columns: [c('symbol'), c('name'), c('atomic_number', 'int'), c('group'), c('uses', 'list')],
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
  },
} as const;

export type EntityName = keyof typeof ENTITY_FILES;
type RowsOf<K extends EntityName> = z.output<(typeof ENTITY_FILES)[K]['schema']>;
export type ReferenceRows = { [K in EntityName]: RowsOf<K>[] };

export interface ReferenceDataset {
  slug: string;
  name: string;
  label: string;
  /** sha256 over every file, so a second load of the same files is recognised. */
  contentHash: string;
  rows: ReferenceRows;
}

const Manifest = z.strictObject({
  slug: z.string().regex(/^[a-z0-9-]+$/),
  name: z.string(),
  label: z.string(),
});

/** Parses one entity's CSV text into validated rows, or throws DatasetRowError for the first bad row. */
export function parseEntityCsv<K extends EntityName>(entity: K, text: string): RowsOf<K>[] {
  const { file, schema, columns } = ENTITY_FILES[entity];
  let records: ReturnType<typeof parseCsv>;
  try {
    records = parseCsv(text);
  } catch (error) {
    if (error instanceof CsvSyntaxError) throw new DatasetRowError(file, error.line, null, error.message);
    throw error;
  }
  const [header, ...body] = records;
  if (!header) throw new DatasetRowError(file, 1, null, 'the file is empty; it needs a header row');
  const headers = header.fields.map((h) => h.trim().toLowerCase());
  const missing = columns.filter((col) => !headers.includes(col.header)).map((col) => col.header);
  if (missing.length) throw new DatasetRowError(file, 1, null, `missing column(s): ${missing.join(', ')}`);
  const unknown = headers.filter((h) => !columns.some((col) => col.header === h));
  if (unknown.length) throw new DatasetRowError(file, 1, null, `unknown column(s): ${unknown.join(', ')}`);

  return body.map(({ line, fields }) => {
    if (fields.length !== headers.length) {
      throw new DatasetRowError(
        file,
        line,
        null,
        `expected ${headers.length} fields, found ${fields.length}`,
      );
    }
    // A null-prototype object: a header such as __proto__ can never reach Object.prototype.
    const raw: Record<string, unknown> = Object.create(null);
    for (const col of columns) {
      try {
        const value = convertCell(fields[headers.indexOf(col.header)] ?? '', col.type);
        if (value !== undefined) raw[col.key] = value;
      } catch (error) {
        if (error instanceof CellError) throw new DatasetRowError(file, line, col.header, error.message);
        throw error;
      }
    }
    const parsed = schema.safeParse({ ...raw });
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const key = issue?.path[0];
      const column =
        columns.find((col) => col.key === key)?.header ?? (key === undefined ? null : String(key));
      throw new DatasetRowError(file, line, column, issue?.message ?? 'invalid row');
    }
    return parsed.data as RowsOf<K>;
  });
}

/** Checks what a single row cannot: references between files and duplicate keys. */
export function checkReferences(rows: ReferenceRows): void {
  const sourceIds = new Set(rows.sources.map((s) => s.id));
  const isos = new Set(rows.countries.map((co) => co.iso3));
  const seen = new Set<string>();
  rows.production.forEach((r, i) => {
    const line = i + 2;
    if (!sourceIds.has(r.sourceId)) {
      throw new DatasetRowError('production.csv', line, 'source_id', `unknown source "${r.sourceId}"`);
    }
    if (!isos.has(r.country)) {
      throw new DatasetRowError('production.csv', line, 'country', `unknown country "${r.country}"`);
    }
    const key = [r.country, r.stage, r.material, r.year, r.basis, r.projection].join('|');
    if (seen.has(key)) throw new DatasetRowError('production.csv', line, null, `duplicate row for ${key}`);
    seen.add(key);
  });
}

/** Reads and validates the whole shipped dataset. Throws DatasetRowError for the first bad row. */
export async function readReferenceDataset(dir = REFERENCE_DIR): Promise<ReferenceDataset> {
  const manifestText = await readFile(path.join(dir, 'dataset.json'), 'utf8');
  const manifest = Manifest.parse(JSON.parse(manifestText));
  const hash = createHash('sha256').update(manifestText);
  const rows = {} as ReferenceRows;
  for (const entity of Object.keys(ENTITY_FILES) as EntityName[]) {
    const text = await readFile(path.join(dir, ENTITY_FILES[entity].file), 'utf8');
    hash.update(`\0${entity}\0`).update(text);
    (rows as Record<EntityName, unknown[]>)[entity] = parseEntityCsv(entity, text);
  }
  checkReferences(rows);
  return { ...manifest, contentHash: hash.digest('hex'), rows };
}
