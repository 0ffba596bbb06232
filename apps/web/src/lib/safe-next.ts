// Where to go after signing in (open-redirect guard, ASVS 3.7.2). String checks on `next` are not enough: the URL
// parser drops tab, LF and CR anywhere and reads "\" as "/", so "/\t/evil.test" is "//evil.test" to a browser.
// Instead `next` is resolved exactly as the browser will resolve it, and only a path on our own origin is kept.

/** A stand-in for the portal's origin: the result is a path, so the real origin does not matter. */
const PORTAL = 'https://portal.invalid';

/**
 * The same-origin path (with query and fragment) that `next` leads to, or `fallback` when it leads anywhere else
 * or is not a path at all.
 */
export function safeNextPath(next: string | null | undefined, fallback = '/dashboard'): string {
  if (!next?.startsWith('/')) return fallback;
  let resolved: URL;
  try {
    resolved = new URL(next, PORTAL);
  } catch {
    return fallback;
  }
  if (resolved.origin !== PORTAL) return fallback;
  const path = `${resolved.pathname}${resolved.search}${resolved.hash}`;
  // "/.//evil.test" resolves to the path "//evil.test", which a browser would read as another host.
  if (path.startsWith('//')) return fallback;
  return path;
}
