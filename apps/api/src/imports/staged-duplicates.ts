// Where a duplicate row's key was first staged in a batch, so the report can say "duplicate of line N".
import type { Db } from '../db/client.ts';

/** The staged row's identity the look-up needs. */
export interface DuplicateRow {
  entity: string;
  key: string;
}

/** Where each duplicate's key was first staged, by entity and key. */
export async function firstOccurrences(db: Db, batchId: string, duplicates: readonly DuplicateRow[]) {
  const firsts = new Map<string, { file: string; line: number }>();
  if (!duplicates.length) return firsts;
  const keys = JSON.stringify(duplicates.map(({ entity, key }) => ({ entity, key })));
  // A lateral look-up is one primary-key probe per duplicate, never a join the planner could get wrong.
  const found = await db.$queryRaw<{ entity: string; key: string; file: string; line: number }[]>`
    SELECT x.entity, x.key, r."file", r."line"
    FROM jsonb_to_recordset(${keys}::jsonb) AS x(entity text, key text)
    CROSS JOIN LATERAL (SELECT i."file", i."line" FROM "import_row" i
      WHERE i."batchId" = ${batchId} AND i."entity" = x.entity AND i."key" = x.key) r`;
  for (const r of found) firsts.set(`${r.entity}\0${r.key}`, { file: r.file, line: r.line });
  return firsts;
}
