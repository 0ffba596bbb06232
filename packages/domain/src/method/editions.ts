// Several editions of a series (USGS MCS 2025 and 2026) may give a figure for the same year; a read takes the
// newest unless asked for another. Older editions stay in the data and can be read by naming them.
import type { Source } from '../entities/provenance.ts';

/** Newest first: by publication date, undated sources last; the id breaks ties so the order is stable. */
export function newestFirst(a: Source | undefined, b: Source | undefined): number {
  const pa = a?.publishedOn ?? '';
  const pb = b?.publishedOn ?? '';
  if (pa !== pb) return pa < pb ? 1 : -1;
  return (a?.id ?? '').localeCompare(b?.id ?? '');
}

/** The series a source is an edition of (a source without a series is a series of its own). */
export const seriesOf = (id: string, sources: ReadonlyMap<string, Source>) => sources.get(id)?.series ?? id;

/**
 * Keeps, for each cell (`cellOf`), only the rows of the newest edition of each series.
 * @example newestEditions(production, sources, (r) => `${r.stage}|${r.material}|${r.year}|${r.unit}`)
 */
export function newestEditions<T extends { sourceId: string }>(
  rows: readonly T[],
  sources: ReadonlyMap<string, Source>,
  cellOf: (row: T) => string,
): T[] {
  const newest = new Map<string, string>(); // cell | series → source id
  for (const r of rows) {
    const key = `${cellOf(r)}\u0000${seriesOf(r.sourceId, sources)}`;
    const held = newest.get(key);
    if (held === undefined || newestFirst(sources.get(r.sourceId), sources.get(held)) < 0)
      newest.set(key, r.sourceId);
  }
  return rows.filter((r) => newest.get(`${cellOf(r)}\u0000${seriesOf(r.sourceId, sources)}`) === r.sourceId);
}
