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

/**
 * One row per cell: the newest publication's, with the rows other publications give for the same cell beside it
 * (USGS's yearbook and its summaries both report China's 2022 output). Cells keep the order they first appear in.
 * @example onePerCell(newestEditions(rows, sources, cellOf), sources, cellOf)[0].others // rows of other series
 */
export function onePerCell<T extends { sourceId: string }>(
  rows: readonly T[],
  sources: ReadonlyMap<string, Source>,
  cellOf: (row: T) => string,
): { row: T; others: T[] }[] {
  const cells = new Map<string, { row: T; others: T[] }>();
  const newer = (a: T, b: T) => newestFirst(sources.get(a.sourceId), sources.get(b.sourceId)) < 0;
  for (const r of rows) {
    const key = cellOf(r);
    const held = cells.get(key);
    if (!held) cells.set(key, { row: r, others: [] });
    else if (newer(r, held.row)) {
      held.others.unshift(held.row);
      held.row = r;
    } else held.others.push(r);
  }
  return [...cells.values()];
}
