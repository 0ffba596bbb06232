// Which rows may leave the portal (downloads, the read API): the source's `redistribution` field decides, never
// its free-text licence. Pure: the API loads sources and rows, these functions split them.
import type { Redistribution, Source } from '../entities/provenance.ts';

/** The part of a source the rule reads. */
export type LicensedSource = Pick<Source, 'id' | 'citation' | 'licence' | 'redistribution'>;

/**
 * Whether a source's rows may be passed on. `open` and `facts-quoted` may; `withheld` may not, nor may a source
 * that does not say (we cannot show we are allowed to).
 *
 * @example redistributable({ id: 'usgs-mcs-2026', citation: 'USGS', redistribution: 'open' }) // true
 */
export function redistributable(source: Pick<Source, 'redistribution'> | undefined): boolean {
  const rule: Redistribution | undefined = source?.redistribution;
  return rule === 'open' || rule === 'facts-quoted';
}

/** Why a source is withheld, in words for an answer's `withheld` list. */
export function withheldReason(source: Pick<Source, 'redistribution'> | undefined): string {
  if (!source) return 'the source is not in this dataset version, so its licence is unknown';
  return source.redistribution === 'withheld'
    ? 'the licence does not allow redistribution (licensed data, e.g. a price assessment)'
    : 'the source does not say whether its licence allows redistribution';
}

/** A withheld source as answers list it: which source, its citation and licence, why, and how many rows. */
export interface WithheldSource {
  sourceId: string;
  citation: string;
  licence: string | null;
  reason: string;
  rows: number;
}

/** The ids of the sources whose rows must be left out, of those given. */
export function withheldSources(sources: Iterable<LicensedSource>): Set<string> {
  const out = new Set<string>();
  for (const s of sources) if (!redistributable(s)) out.add(s.id);
  return out;
}

/**
 * Splits rows by their source's rule: the rows that may go out, and one entry per withheld source with its row
 * count (sorted by source id). A row whose source is not among `sources` is withheld too.
 *
 * @example splitByLicence(rows, sources) // { kept: [...], withheld: [{ sourceId: 'argus-…', rows: 3, … }] }
 */
export function splitByLicence<R extends { sourceId: string }>(
  rows: Iterable<R>,
  sources: Iterable<LicensedSource>,
): { kept: R[]; withheld: WithheldSource[] } {
  const byId = new Map<string, LicensedSource>();
  for (const s of sources) byId.set(s.id, s);
  const kept: R[] = [];
  const counts = new Map<string, number>();
  for (const row of rows) {
    if (redistributable(byId.get(row.sourceId))) kept.push(row);
    else counts.set(row.sourceId, (counts.get(row.sourceId) ?? 0) + 1);
  }
  return { kept, withheld: withheldSummary(counts, byId) };
}

/** The `withheld` list from row counts per source id. */
export function withheldSummary(
  counts: ReadonlyMap<string, number>,
  sources: ReadonlyMap<string, LicensedSource>,
): WithheldSource[] {
  return [...counts]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([sourceId, rows]) => {
      const source = sources.get(sourceId);
      return {
        sourceId,
        citation: source?.citation ?? sourceId,
        licence: source?.licence ?? null,
        reason: withheldReason(source),
        rows,
      };
    });
}
