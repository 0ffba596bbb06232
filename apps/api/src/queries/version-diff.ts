// Two dataset versions side by side: per entity, the rows added, removed and changed (with the fields that
// changed), and what that does to the headline figures analysts see — HHI of production and resilience scores.
// The database counts and compares the rows (diff-rows.ts); the API holds one page of an entity's rows at a time.

import { ENTITY_FILES, ENTITY_NAMES, type EntityName } from '@ree/domain';
import { z } from 'zod';
import type { Db } from '../db/client.ts';
import { NotFoundError } from '../errors.ts';
import { Cursor, encodeCursor, type KeyValue, readCursor } from './diff-cursor.ts';
import { HeadlineFigure, headline } from './diff-headline.ts';
import {
  changedPage,
  DIFF_KINDS,
  DiffCounts,
  type DiffKind,
  diffCounts,
  onlyOnePage,
  type PageOf,
  Value,
} from './diff-rows.ts';
import { versionRefOf } from './versions.ts';

const Entity = z.enum(ENTITY_NAMES as [EntityName, ...EntityName[]]);
const Kind = z.enum(DIFF_KINDS);

/**
 * One list to page through, after a cursor a previous answer gave (from the start without one). The cursor is read
 * here, against the key columns of the list's table: a damaged one is a bad request naming what does not fit
 * (at `page.after`), before any work is done. Parsed, `after` holds its key values and `cursor` the text.
 */
const DiffPage = z
  .strictObject({ entity: Entity, kind: Kind, after: Cursor.optional() })
  .transform(({ entity, kind, after }, ctx) => {
    if (after === undefined) return { entity, kind, cursor: null, after: null };
    const read = readCursor(entity, after);
    if (read.ok) return { entity, kind, cursor: after, after: read.keys };
    ctx.addIssue({ code: 'custom', path: ['after'], message: read.message, input: after });
    return z.NEVER;
  });

export const DiffInput = z.strictObject({
  from: z.uuid(),
  to: z.uuid(),
  /** Rows per list and page (the counts are always complete). */
  limit: z.int().min(1).max(1000).default(200),
  /**
   * One list to page through: an entity's added, removed or changed rows. Without `page`: every entity's counts
   * and first page, and the headline figures.
   */
  page: DiffPage.optional(),
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
  only?: { kind: DiffKind; after: KeyValue[] | null },
): Promise<EntityDiff> {
  const after = only?.after ?? null;
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
    select: { id: true, label: true, status: true, publishedAt: true },
  });
  const ref = (id: string) => {
    const v = versions.find((x) => x.id === id);
    // Drafts change: their rows are read afresh, never from the published-version cache.
    return v ? { ...versionRefOf(v), published: v.status === 'published' } : undefined;
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
    page: only ? { entity: only.entity, kind: only.kind, after: only.cursor } : null,
    entities,
    headline: only ? [] : await headline(db, from, to),
  };
}
