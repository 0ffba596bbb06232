// A chart's data as the downloads give it: data.csv is clean (one header row, then rows; numbers rounded for
// people; no comment lines), metadata.json carries the prose. Rows whose source's licence forbids passing them on
// are left out here, by the domain's rule, and metadata.json says what was left out and why. Pure.
import {
  type LicensedSource,
  redistributable,
  splitByLicence,
  type WithheldSource,
  withheldSummary,
} from '@ree/domain';
import { type CsvCell, csvCell } from '@ree/ui';

export interface ChartColumn {
  name: string;
  description: string;
  /** Decimal places numbers are rounded to (none: written as they are). */
  digits?: number;
}

/** A source as a chart's answer carries it (the API's SourceRef). */
export interface ChartSource {
  id: string;
  citation: string;
  url: string | null;
  publishedOn: string | null;
  accessedOn: string | null;
  licence: string | null;
  redistribution: 'open' | 'facts-quoted' | 'withheld' | null;
}

export interface ChartRow {
  cells: Record<string, CsvCell>;
  /** The row's own source; a row without one is derived from all the chart's sources (a share, a score). */
  sourceId?: string;
}

export interface ChartTable {
  title: string;
  datasetVersion: { id: string; label: string };
  sources: ChartSource[];
  columns: ChartColumn[];
  rows: ChartRow[];
  /** What was done to the data on its way here, for metadata.json. */
  notes: string[];
}

const licensed = (s: ChartSource): LicensedSource => ({
  id: s.id,
  citation: s.citation,
  ...(s.licence === null ? {} : { licence: s.licence }),
  ...(s.redistribution === null ? {} : { redistribution: s.redistribution }),
});

/**
 * The rows that may go out and the withheld summary. A row with a source follows that source's rule; a derived row
 * goes out only if every source of the chart may (its number cannot be separated from what it was derived from).
 */
export function licensedRows(table: ChartTable): { kept: ChartRow[]; withheld: WithheldSource[] } {
  const sources = table.sources.map(licensed);
  const own = table.rows.filter((r) => r.sourceId !== undefined) as (ChartRow & { sourceId: string })[];
  const derived = table.rows.filter((r) => r.sourceId === undefined);
  const split = splitByLicence(own, sources);
  const blocking = sources.filter((s) => !redistributable(s));
  if (derived.length === 0 || blocking.length === 0) {
    return { kept: [...split.kept, ...derived], withheld: split.withheld };
  }
  const counts = new Map(split.withheld.map((w) => [w.sourceId, w.rows]));
  for (const s of blocking) counts.set(s.id, (counts.get(s.id) ?? 0) + derived.length);
  return { kept: split.kept, withheld: withheldSummary(counts, new Map(sources.map((s) => [s.id, s]))) };
}

/** A number rounded for people: to `digits` places, without float noise (0.30000000000000004 → 0.3). */
export function rounded(value: CsvCell, digits: number | undefined): CsvCell {
  if (typeof value !== 'number' || digits === undefined || !Number.isFinite(value)) return value;
  return Number(value.toFixed(digits));
}

/** data.csv: the header row and the rows that may go out, RFC 4180, formulas neutralised, LF line ends. */
export function chartCsv(table: ChartTable): string {
  const { kept } = licensedRows(table);
  const lines = [table.columns.map((c) => csvCell(c.name)).join(',')];
  for (const row of kept)
    lines.push(table.columns.map((c) => csvCell(rounded(row.cells[c.name], c.digits))).join(','));
  return `${lines.join('\n')}\n`;
}

export const CHART_PROCESSING_NOTES = [
  'data.csv has one header row and one row per figure; numbers are rounded as the columns say (shares are fractions of 1, 0.25 = 25 %).',
  "Read from the dataset version named here through the portal's API, with the same parameters as the chart; the same URL gives the same rows while that version is current.",
  'Rows from a source whose licence does not allow redistribution (licensed price assessments) are left out; "withheld" names each such source and how many rows.',
];

/** metadata.json: everything about data.csv a reader needs to use and cite it. */
export function chartMetadata(
  table: ChartTable,
  chart: string,
  params: Record<string, unknown>,
  urls: { csv: string; metadata: string; page: string },
  accessedOn: string,
) {
  const { kept, withheld } = licensedRows(table);
  return {
    chart,
    title: table.title,
    params,
    urls,
    datasetVersion: table.datasetVersion,
    citation: `REE Resilience, "${table.title}", dataset version ${table.datasetVersion.label} (id ${table.datasetVersion.id}), ${urls.page}, accessed ${accessedOn}. Sources: ${table.sources.map((s) => s.citation).join('; ') || 'see the processing notes'}.`,
    rows: kept.length,
    columns: table.columns.map((c) => ({
      name: c.name,
      description: c.description,
      ...(c.digits === undefined ? {} : { roundedTo: c.digits }),
    })),
    sources: table.sources.map((s) => ({
      id: s.id,
      citation: s.citation,
      url: s.url,
      publishedOn: s.publishedOn,
      accessedOn: s.accessedOn,
      licence: s.licence,
      redistribution: s.redistribution,
    })),
    withheld,
    processingNotes: [...CHART_PROCESSING_NOTES, ...table.notes],
  };
}
