// Which published dataset version the portal shows lives in the URL (`?asOf=<version id>`), so a view can be shared
// and an analyst stays in that version while browsing: every internal link is built through withAsOf. Pure, so
// server components, client components and tests share it (without zod: the search palette, on every page, uses it).

export const AS_OF_PARAM = 'asOf';

/** What the URL asks for: the current version, a version id, or something that cannot be one. */
export type AsOfRequest =
  | { kind: 'current' }
  | { kind: 'version'; id: string }
  | { kind: 'invalid'; given: string };

/** A version id's shape (a UUID); whether it names a published version only the API can say. */
const VERSION_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Reads `asOf` from a URL's parameter (as Next or URLSearchParams give it). Empty means the current version. */
export function parseAsOf(value: string | readonly string[] | null | undefined): AsOfRequest {
  if (value === null || value === undefined) return { kind: 'current' };
  if (typeof value !== 'string') {
    if (value.length > 1) return { kind: 'invalid', given: value.join(',') };
    return parseAsOf(value[0]);
  }
  const id = value.trim();
  if (id === '') return { kind: 'current' };
  return VERSION_ID.test(id) ? { kind: 'version', id: id.toLowerCase() } : { kind: 'invalid', given: id };
}

/**
 * `href` with `?asOf=<id>` set (replacing any), or removed when `asOf` is undefined; its other parameters and
 * fragment kept. Links off the site (or to the API) are left as they are.
 */
export function withAsOf(href: string, asOf: string | undefined): string {
  if (!href.startsWith('/') || href.startsWith('//')) return href;
  const hashAt = href.indexOf('#');
  const hash = hashAt === -1 ? '' : href.slice(hashAt);
  const beforeHash = hashAt === -1 ? href : href.slice(0, hashAt);
  const queryAt = beforeHash.indexOf('?');
  const path = queryAt === -1 ? beforeHash : beforeHash.slice(0, queryAt);
  const search = new URLSearchParams(queryAt === -1 ? '' : beforeHash.slice(queryAt + 1));
  search.delete(AS_OF_PARAM);
  if (asOf) search.set(AS_OF_PARAM, asOf);
  const query = search.toString();
  return `${path}${query ? `?${query}` : ''}${hash}`;
}

/** The `{ asOf }` part of an API call's input: nothing for the current version, so cached answers stay shared. */
export function asOfInput(asOf: string | undefined): { asOf?: string } {
  return asOf ? { asOf } : {};
}
