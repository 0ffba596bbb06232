// Which dataset version a read is about: the current published one, or the one asked for (`asOf`).
import type { Db } from '../db/client.ts';
import { NotFoundError } from '../errors.ts';
import { currentVersionVia } from './current-version.ts';

export const REFERENCE_DATASET = 'reference';

export interface VersionRef {
  id: string;
  label: string;
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
    select: { id: true, label: true },
  });
  if (!version) {
    throw new NotFoundError(
      asOf
        ? `No published dataset version with id ${asOf}.`
        : 'No published reference dataset yet: run the seed.',
    );
  }
  return version;
}

/** Published versions of the reference dataset, newest first, for choosing `asOf`. */
export async function listPublishedVersions(db: Db) {
  return db.datasetVersion.findMany({
    where: { dataset: { slug: REFERENCE_DATASET }, status: 'published' },
    select: { id: true, label: true, isCurrent: true, publishedAt: true, note: true },
    orderBy: { publishedAt: 'desc' },
  });
}
