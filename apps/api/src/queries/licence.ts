// Licence-aware answers: rows whose source may not be passed on are left out of downloads and the read API, and
// the answer lists what was left out and why. The rule is the domain's (redistributable); this only loads the
// version's sources for it.
import { type LicensedSource, splitByLicence, type WithheldSource } from '@ree/domain';
import type { Db } from '../db/client.ts';

/** Every source of a version with what the rule reads, by id (one query). */
export async function licensedSources(db: Db, versionId: string): Promise<Map<string, LicensedSource>> {
  const rows = await db.source.findMany({
    where: { versionId },
    select: { id: true, citation: true, licence: true, redistribution: true },
  });
  return new Map(
    rows.map((s) => [
      s.id,
      {
        id: s.id,
        citation: s.citation,
        ...(s.licence === null ? {} : { licence: s.licence }),
        // The database's check allows only the domain's values; anything else counts as "not said".
        ...(s.redistribution === 'open' ||
        s.redistribution === 'facts-quoted' ||
        s.redistribution === 'withheld'
          ? { redistribution: s.redistribution }
          : {}),
      },
    ]),
  );
}

/** What a licence-aware answer carries beside its rows. */
export interface LicensedRows<R> {
  kept: R[];
  withheld: WithheldSource[];
}

/**
 * Splits rows of one version into those that may go out and a `withheld` summary
 * (`[{ sourceId, citation, licence, reason, rows }]`). Pass `sources` when already loaded (one query saved).
 */
export async function withoutWithheld<R extends { sourceId: string }>(
  db: Db,
  versionId: string,
  rows: Iterable<R>,
  sources?: Map<string, LicensedSource>,
): Promise<LicensedRows<R>> {
  return splitByLicence(rows, (sources ?? (await licensedSources(db, versionId))).values());
}
