// Two dataset versions side by side: per entity, the rows added, removed and changed (with the fields that
// changed), and what that does to the headline figures analysts see — HHI of production and resilience scores.
// The database counts and compares the rows (diff-rows.ts); the API holds one page of an entity's rows at a time.

import { ENTITY_FILES, ENTITY_NAMES, type EntityName } from '@ree/domain';
import { z } from 'zod';
import type { Db } from '../db/client.ts';
import { NotFoundError } from '../errors.ts';
import { HeadlineFigure, headline } from './diff-headline.ts';
import {
  changedPage,
  DIFF_KINDS,
  DiffCounts,
  type DiffKind,
  decodeCursor,
  diffCounts,
  encodeCursor,
  type KeyValue,
  onlyOnePage,
  type PageOf,
  Value,
} from './diff-rows.ts';

const Entity = z.enum(ENTITY_NAMES as [EntityName, ...EntityName[]]);
const Kind = z.enum(DIFF_KINDS);
/** Where a list goes on: opaque to the client (the key of the last row shown), safe in a URL. */
const Cursor = z
  .string()
  .min(1)
  .max(4000)
  .regex(/^[\w-]+$/, 'not a page cursor');

export const DiffInput = z.strictObject({
  from: z.uuid(),
  to: z.uuid(),
  /** Rows per list and page (the counts are always complete). */
  limit: z.int().min(1).max(1000).default(200),
  /**
   * One list to page through: an entity's added, removed or changed rows, after the cursor a previous answer gave
   * (from the start without one). Without `page`: every entity's counts and first page, and the headline figures.
   */
  page: z.strictObject({ entity: Entity, kind: Kind, after: Cursor.optional() }).optional(),
});

const Row = z.record(z.string(), Value);

const EntityDiff = z.object({
  entity: Entity,
  file: z.string(),
  /** The entity's own fields, in file order: the columns every row below has. */
  columns: z.array(z.string()),
  counts: DiffCounts,
  added: z.array(z.object({ key: z.string(), row: Row })),
  removed: z.array(z.object({ key: z.string(), row: Row })),
  changed: z.array(z.object({ key: z.string(), before: Row, after: Row, fields: z.array(z.string()) })),
  /** The cursor of each list's next page (as `page.after`), or null where the list ends on this page. */
  next: z.object({ added: Cursor.nullable(), removed: Cursor.nullable(), changed: Cursor.nullable() }),
});

export const VersionDiff = z.object({
  from: z.object({ id: z.string(), label: z.string() }),
  to: z.object({ id: z.string(), label: z.string() }),
  /** The list this answer is a page of (`entities` then holds that entity only); null for the overview. */
  page: z.object({ entity: Entity, kind: Kind, after: Cursor.nullable() }).nullable(),
  entities: z.array(EntityDiff),
  /** The headline figures; in the overview only (empty for a page of one list). */
  headline: z.array(HeadlineFigure),
});
export type VersionDiff = z.infer<typeof VersionDiff>;
type EntityDiff = z.infer<typeof EntityDiff>;

/**
 * The cursor of the page after this one, or null where the list ends here: a first page knows from the count, a
 * later full page asks for the one row after its last.
 */
async function nextCursor(
  db: Db,
  kind: DiffKind,
  page: PageOf,
  items: { keyValues: KeyValue[] }[],
  total: number,
) {
  const last = items.at(-1);
  if (!last || items.length < page.limit) return null;
  const probe = { ...page, after: last.keyValues, limit: 1 };
  const more =
    page.after === null
      ? total > items.length
      : (kind === 'changed' ? await changedPage(db, probe) : await onlyOnePage(db, kind, probe)).length > 0;
  return more ? encodeCursor(last.keyValues) : null;
}

async function entityDiff(
  db: Db,
  versions: { from: string; to: string },
  entity: EntityName,
  limit: number,
  only?: { kind: DiffKind; after: string | undefined },
): Promise<EntityDiff> {
  // A damaged cursor is refused before any work, whether or not its list has rows.
  const after = only?.after ? decodeCursor(entity, only.after) : null;
  const counts: DiffCounts = await diffCounts(db, entity, versions.from, versions.to);
  const diff: EntityDiff = {
    entity,
    file: ENTITY_FILES[entity].file,
    columns: ENTITY_FILES[entity].columns.map((c) => c.key),
    counts,
    added: [],
    removed: [],
    changed: [],
    next: { added: null, removed: null, changed: null },
  };
  for (const kind of only ? [only.kind] : DIFF_KINDS) {
    if (counts[kind] === 0) continue;
    const page: PageOf = { entity, ...versions, after, limit };
    if (kind === 'changed') {
      const items = await changedPage(db, page);
      diff.changed = items.map(({ keyValues: _, ...item }) => item);
      diff.next.changed = await nextCursor(db, kind, page, items, counts.changed);
    } else {
      const items = await onlyOnePage(db, kind, page);
      diff[kind] = items.map(({ key, row }) => ({ key, row }));
      diff.next[kind] = await nextCursor(db, kind, page, items, counts[kind]);
    }
  }
  return diff;
}

export async function diffVersions(db: Db, input: z.infer<typeof DiffInput>): Promise<VersionDiff> {
  const versions = await db.datasetVersion.findMany({
    where: { id: { in: [input.from, input.to] } },
    select: { id: true, label: true, status: true },
  });
  const ref = (id: string) => {
    const v = versions.find((x) => x.id === id);
    // Drafts change: their rows are read afresh, never from the published-version cache.
    return v ? { id: v.id, label: v.label, published: v.status === 'published' } : undefined;
  };
  const from = ref(input.from);
  const to = ref(input.to);
  if (!from || !to) throw new NotFoundError('No such dataset version.');
  const pair = { from: from.id, to: to.id };
  const entities: EntityDiff[] = [];
  const only = input.page;
  for (const entity of only ? [only.entity] : ENTITY_NAMES) {
    entities.push(
      await entityDiff(db, pair, entity, input.limit, only && { kind: only.kind, after: only.after }),
    );
  }
  return {
    from: { id: from.id, label: from.label },
    to: { id: to.id, label: to.label },
    page: only ? { entity: only.entity, kind: only.kind, after: only.after ?? null } : null,
    entities,
    headline: only ? [] : await headline(db, from, to),
  };
}
