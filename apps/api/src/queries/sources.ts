import { freshness, Redistribution } from '@ree/domain';
import type { Db } from '../db/client.ts';

/** Today as an ISO date: what "as of" and freshness are read against. */
export const today = () => new Date().toISOString().slice(0, 10);

/** The sources behind a set of rows, by id, in one query, each with its date and whether it is stale. */
export async function sourcesFor(db: Db, versionId: string, ids: Iterable<string>) {
  const unique = [...new Set(ids)].sort();
  if (unique.length === 0) return [];
  const rows = await db.source.findMany({
    where: { versionId, id: { in: unique } },
    select: {
      id: true,
      citation: true,
      url: true,
      publishedOn: true,
      accessedOn: true,
      staleAfterDays: true,
      licence: true,
      redistribution: true,
    },
    orderBy: { id: 'asc' },
  });
  const now = today();
  return rows.map(({ staleAfterDays, ...s }) => ({
    ...s,
    redistribution: redistributionOf(s.redistribution),
    stale: freshness(
      { publishedOn: s.publishedOn ?? undefined, staleAfterDays: staleAfterDays ?? undefined },
      now,
    ).stale,
  }));
}

/** The stored column as the domain's value; the database's check allows only these, or null. */
export function redistributionOf(value: string | null): Redistribution | null {
  return value === null ? null : Redistribution.parse(value);
}

export async function listSources(db: Db, versionId: string) {
  const rows = await db.source.findMany({
    where: { versionId },
    select: {
      id: true,
      citation: true,
      publisher: true,
      url: true,
      publishedOn: true,
      accessedOn: true,
      licence: true,
      redistribution: true,
      series: true,
      staleAfterDays: true,
    },
    orderBy: { id: 'asc' },
  });
  return rows.map((s) => ({ ...s, redistribution: redistributionOf(s.redistribution) }));
}
