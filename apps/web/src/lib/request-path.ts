// The path of the page being rendered, for code that cannot get it from Next (layouts get no pathname). Pure, so
// src/proxy.ts (which sets the header) and server components (which read it) can both import it.

/** Set by src/proxy.ts on every page request, overwriting whatever the client sent. */
export const REQUEST_PATH_HEADER = 'x-ree-path';

/** The request's path (no query) from its headers, or `fallback` when the proxy did not set it. */
export function requestPathFrom(headers: Headers, fallback: string): string {
  const path = headers.get(REQUEST_PATH_HEADER);
  return path?.startsWith('/') ? path : fallback;
}
