// The path and query of the page being rendered, for code that cannot get them from Next (layouts get no pathname,
// not-found.tsx no search parameters). Pure, so src/proxy.ts (which sets the headers) and server components (which
// read them) can both import it.

/** Set by src/proxy.ts on every page request, overwriting whatever the client sent. */
export const REQUEST_PATH_HEADER = 'x-ree-path';
/** The query (`?a=1&b=2`, or empty), set by src/proxy.ts likewise. */
export const REQUEST_QUERY_HEADER = 'x-ree-query';

/** The request's path (no query) from its headers, or `fallback` when the proxy did not set it. */
export function requestPathFrom(headers: Headers, fallback: string): string {
  const path = headers.get(REQUEST_PATH_HEADER);
  return path?.startsWith('/') ? path : fallback;
}

/** The request's search parameters from its headers; none when the proxy did not set them. */
export function requestQueryFrom(headers: Headers): URLSearchParams {
  const query = headers.get(REQUEST_QUERY_HEADER) ?? '';
  return new URLSearchParams(query.startsWith('?') ? query : '');
}

/** The request's path and query, e.g. for a sign-in that comes back to the very page (a diff's rows, say). */
export function requestUrlFrom(headers: Headers, fallback: string): string {
  const path = requestPathFrom(headers, '');
  if (!path) return fallback;
  const query = requestQueryFrom(headers).toString();
  return query ? `${path}?${query}` : path;
}
