// Which dataset version a read is about: the current published one, or the one asked for (`asOf`).
import type { Db } from '../db/client.ts';
import { NotFoundError } from '../errors.ts';
import { currentVersionVia } from './current-version.ts';

export const REFERENCE_DATASET = 'reference';

export interface VersionRef {
  id: string;
  label: string;
  /** The day it was published (YYYY-MM-DD, UTC), so every figure can say how old its version is; null for a draft. */
  publishedOn: string | null;
}

/** A version row as answers name it: its publication time cut to the day. */
export function versionRefOf(row: { id: string; label: string; publishedAt: Date | null }): VersionRef {
  return { id: row.id, label: row.label, publishedOn: row.publishedAt?.toISOString().slice(0, 10) ?? null };
}

export function resolveVersion(db: Db, asOf?: string): Promise<VersionRef> {
  // The current version is kept while a change feed is attached (current-version.ts); `asOf` never changes.
  return asOf ? findVersion(db, asOf) : currentVersionVia(db, () => findVersion(db));
}

async function findVersion(db: Db, asOf?: string): Promise<VersionRef> {
  const version = await db.datasetVersion.findFirst({
    where: asOf
      ? { id: asOf, status: 'published' }
      : { dataset: { slug: REFERENCE_DATASET }, status: 'published', isCurrent: true },
    select: { id: true, label: true, publishedAt: true },
  });
  if (!version) {
    throw new NotFoundError(
      asOf
        ? `No published dataset version with id ${asOf}.`
        : 'No published reference dataset yet: run the seed.',
    );
  }
  return versionRefOf(version);
}

/** The USGS Mineral Commodity Summaries, whose edition (year) a version's production figures mostly follow. */
const USGS_MCS_SERIES = 'usgs-mcs';

/**
 * Published versions of the reference dataset, newest first, for choosing `asOf`: each with the newest USGS MCS
 * edition among its sources (the year it was published), or null when it cites none with a date.
 */
export async function listPublishedVersions(db: Db) {
  const rows = await db.datasetVersion.findMany({
    where: { dataset: { slug: REFERENCE_DATASET }, status: 'published' },
    select: {
      id: true,
      label: true,
      isCurrent: true,
      publishedAt: true,
      note: true,
      sources: {
        where: { series: USGS_MCS_SERIES, publishedOn: { not: null } },
        select: { publishedOn: true },
        orderBy: { publishedOn: 'desc' },
        take: 1,
      },
    },
    orderBy: { publishedAt: 'desc' },
  });
  return rows.map(({ sources, ...row }) => {
    const year = Number(sources[0]?.publishedOn?.slice(0, 4));
    return { ...row, usgsEdition: Number.isInteger(year) && year > 0 ? year : null };
  });
}
