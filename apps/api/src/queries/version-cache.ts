// Answers computed from a published dataset version never change, so they can be kept, keyed by version id and
// input. Publishing a new version changes the current version id, so nothing stale is ever served. Bounded (LRU).

const MAX_ENTRIES = 2_000;
const entries = new Map<string, Promise<unknown>>();

/** Returns the cached answer for (versionId, key), computing and keeping it on a miss. Failures are not kept. */
export function cachedForVersion<T>(versionId: string, key: string, compute: () => Promise<T>): Promise<T> {
  const id = `${versionId}\u0000${key}`;
  const hit = entries.get(id);
  if (hit) {
    entries.delete(id); // re-insert: most recently used last
    entries.set(id, hit);
    return hit as Promise<T>;
  }
  const value = compute();
  entries.set(id, value);
  value.catch(() => entries.delete(id));
  if (entries.size > MAX_ENTRIES) {
    const oldest = entries.keys().next().value;
    if (oldest !== undefined) entries.delete(oldest);
  }
  return value;
}

/** For tests: forget everything. */
export function clearVersionCache(): void {
  entries.clear();
}
