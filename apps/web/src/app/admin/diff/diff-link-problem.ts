// What is wrong with a diff address that came to "not found", read from the address alone (not-found.tsx gets no
// word from the page): the API answered NOT_FOUND for an unknown version, BAD_REQUEST for a damaged cursor.
import { DiffParams, diffHref } from './diff-links';

export type DiffLinkProblem =
  /** The address does not name two versions: nothing to go back to but the version list. */
  | { kind: 'damaged-link' }
  /** A page of one list from a cursor: the cursor is damaged or another table's (or a version is unknown). */
  | { kind: 'damaged-cursor'; firstPage: string }
  /** Two versions and no cursor: one of them does not exist (any more). */
  | { kind: 'unknown-version' };

export function diffLinkProblem(query: URLSearchParams): DiffLinkProblem {
  const params = DiffParams.safeParse(Object.fromEntries(query));
  if (!params.success) return { kind: 'damaged-link' };
  const { from, to, entity, kind, after } = params.data;
  if (entity && kind && after)
    return { kind: 'damaged-cursor', firstPage: diffHref({ from, to }, { entity, kind }) };
  return { kind: 'unknown-version' };
}
