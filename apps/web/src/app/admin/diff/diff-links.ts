// The diff page's addresses: the overview of two versions, or one list of one table from a cursor on. Everything
// the page shows is in the URL, so a page of a long list can be reloaded and shared.
import { ENTITY_NAMES, type EntityName } from '@ree/domain';
import { z } from 'zod';
import type { RouterOutputs } from '@/lib/api-types';

export type VersionDiff = RouterOutputs['datasets']['diff'];
export type EntityDiff = VersionDiff['entities'][number];
export type DiffKind = keyof EntityDiff['next'];

export const DIFF_KINDS = ['changed', 'added', 'removed'] as const satisfies readonly DiffKind[];

/** The page's search parameters; a list is asked for only with both its table and kind. */
export const DiffParams = z.object({
  from: z.uuid(),
  to: z.uuid(),
  entity: z
    .enum(ENTITY_NAMES as [EntityName, ...EntityName[]])
    .optional()
    .catch(undefined),
  kind: z.enum(DIFF_KINDS).optional().catch(undefined),
  after: z.string().min(1).max(4000).optional().catch(undefined),
  /** How many rows of the list came before this page: for "rows 201–400 of 20,000" only, never for reading. */
  seen: z.coerce.number().int().min(0).optional().catch(undefined),
});

/** The overview's address, or that of a list (from its start, or after a cursor). */
export function diffHref(
  versions: { from: string; to: string },
  list?: { entity: EntityName; kind: DiffKind; after?: string | null; seen?: number },
): string {
  const query = new URLSearchParams({ from: versions.from, to: versions.to });
  if (list) {
    query.set('entity', list.entity);
    query.set('kind', list.kind);
    if (list.after) query.set('after', list.after);
    if (list.after && list.seen) query.set('seen', String(list.seen));
  }
  return `/admin/diff?${query}`;
}
