import type { Db } from '../db/client.ts';

/** The sources behind a set of rows, by id, in one query. */
export async function sourcesFor(db: Db, versionId: string, ids: Iterable<string>) {
  const unique = [...new Set(ids)].sort();
  if (unique.length === 0) return [];
  return db.source.findMany({
    where: { versionId, id: { in: unique } },
    select: { id: true, citation: true, url: true },
    orderBy: { id: 'asc' },
  });
}

export async function listSources(db: Db, versionId: string) {
  return db.source.findMany({
    where: { versionId },
    select: {
      id: true,
      citation: true,
      publisher: true,
      url: true,
      publishedOn: true,
      accessedOn: true,
      licence: true,
    },
    orderBy: { id: 'asc' },
  });
}
