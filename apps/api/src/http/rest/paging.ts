// Paging of REST lists: `limit` (default 100, at most 1000) and an opaque `cursor`. A cursor names the dataset
// version of the first page, so a walk never mixes versions when one is published mid-walk, the offset it
// starts at, and a digest of the other parameters, so it cannot be reused with different filters.
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { MAX_PAGE_SIZE } from '../../queries/pagination.ts';

export const DEFAULT_LIMIT = 100;
export const MAX_LIMIT = 1000;

export const PagingParams = {
  /** Items per page. */
  limit: z.int().min(1).max(MAX_LIMIT).default(DEFAULT_LIMIT),
  /** From the previous page's `nextCursor`; absent for the first page. */
  cursor: z.string().max(500).optional(),
};

const CursorBody = z.strictObject({
  v: z.uuid().nullable(),
  o: z.int().min(0),
  q: z.string().length(16),
});
export type Cursor = z.infer<typeof CursorBody>;

/** A digest of the parameters that define the list (not `limit` nor `cursor`), in a stable key order. */
export function filtersDigest(params: Record<string, unknown>): string {
  const kept = Object.entries(params)
    .filter(([k, v]) => k !== 'limit' && k !== 'cursor' && v !== undefined)
    .sort(([a], [b]) => a.localeCompare(b));
  return createHash('sha256').update(JSON.stringify(kept)).digest('hex').slice(0, 16);
}

export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify(cursor)).toString('base64url');
}

/** The cursor's content, or null when it is not one of ours. */
export function decodeCursor(text: string): Cursor | null {
  try {
    const parsed = CursorBody.safeParse(JSON.parse(Buffer.from(text, 'base64url').toString('utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** One page of a procedure's list (its own paging: `page` from 1, at most MAX_PAGE_SIZE a page). */
export interface ProcedurePage<Item, Meta> {
  items: Item[];
  total: number;
  meta: Meta;
}

/**
 * The items [offset, offset + limit) of a list the procedure pages by at most MAX_PAGE_SIZE: the procedure's
 * pages that cover the range, in order, the first one's meta (dataset version) kept.
 */
export async function collectRange<Item, Meta>(
  offset: number,
  limit: number,
  fetchPage: (page: number, pageSize: number) => Promise<ProcedurePage<Item, Meta>>,
): Promise<{ items: Item[]; total: number; metas: Meta[] }> {
  const size = MAX_PAGE_SIZE;
  const items: Item[] = [];
  const metas: Meta[] = [];
  let total = 0;
  for (let page = Math.floor(offset / size) + 1; ; page++) {
    const got = await fetchPage(page, size);
    metas.push(got.meta);
    total = got.total;
    const start = (page - 1) * size;
    items.push(...got.items.slice(Math.max(0, offset - start), offset + limit - start));
    if (start + size >= Math.min(offset + limit, total)) break;
  }
  return { items, total, metas };
}
