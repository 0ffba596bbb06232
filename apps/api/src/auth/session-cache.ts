// Who a session cookie belongs to, kept for a short time so a hot read checks its session without a query.
// Revocation still applies at once on every instance: disabling, a role change, a forced reset and every
// sign-out / password change / session revocation send a 'user' event (change-feed.ts) in their transaction or
// right after better-auth's answer, and the event drops every cached session of that user. While the feed is
// down nothing is cached or served from the cache. Requests with an Authorization header are never cached here.
import { createHash } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { ChangeFeed } from '../db/change-feed.ts';
import type { SessionUser } from '../trpc/context.ts';

export interface SessionCacheOptions {
  /** How long a session is believed without asking the database (revocation events end it sooner). */
  ttlMs?: number;
  /** Most sessions kept; the oldest goes first. */
  maxEntries?: number;
}

interface Entry {
  user: SessionUser;
  expires: number;
}

/** The session token better-auth reads: its cookie (`better-auth.session_token`, `__Secure-` in production). */
export function sessionTokenOf(req: IncomingMessage): string | null {
  const cookie = req.headers.cookie;
  if (!cookie) return null;
  const match = /(?:^|;\s*)(?:__Secure-)?better-auth\.session_token=([^;]+)/.exec(cookie);
  return match?.[1] ?? null;
}

export class SessionCache {
  private readonly entries = new Map<string, Entry>();
  private readonly byUser = new Map<string, Set<string>>();
  private readonly ttlMs: number;
  private readonly maxEntries: number;
  /** Bumped on every drop, so a lookup that began before a revocation never stores what it read. */
  private generation = 0;
  readonly close: () => void;

  constructor(
    private readonly feed: ChangeFeed,
    options: SessionCacheOptions = {},
  ) {
    this.ttlMs = options.ttlMs ?? 60_000;
    this.maxEntries = options.maxEntries ?? 10_000;
    this.close = feed.subscribe({
      event: (e) => e.kind === 'user' && this.dropUser(e.id),
      reset: () => this.clear(),
    });
  }

  /** The request's user: from the cache when it may answer, else from `load` (kept when it is safe to). */
  async userFor(req: IncomingMessage, load: () => Promise<SessionUser | null>): Promise<SessionUser | null> {
    const token = sessionTokenOf(req);
    if (!token || req.headers.authorization || !this.feed.healthy) return load();
    const key = createHash('sha256').update(token).digest('base64url');
    const hit = this.entries.get(key);
    if (hit && hit.expires > Date.now()) return hit.user;
    if (hit) this.remove(key);
    const generation = this.generation;
    const user = await load();
    if (user && generation === this.generation && this.feed.healthy) this.keep(key, user);
    return user;
  }

  private keep(key: string, user: SessionUser): void {
    this.entries.set(key, { user, expires: Date.now() + this.ttlMs });
    const keys = this.byUser.get(user.id) ?? new Set<string>();
    keys.add(key);
    this.byUser.set(user.id, keys);
    if (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.remove(oldest);
    }
  }

  private remove(key: string): void {
    const entry = this.entries.get(key);
    this.entries.delete(key);
    if (!entry) return;
    const keys = this.byUser.get(entry.user.id);
    keys?.delete(key);
    if (keys?.size === 0) this.byUser.delete(entry.user.id);
  }

  private dropUser(id: string): void {
    this.generation++;
    for (const key of this.byUser.get(id) ?? []) this.entries.delete(key);
    this.byUser.delete(id);
  }

  private clear(): void {
    this.generation++;
    this.entries.clear();
    this.byUser.clear();
  }

  get size(): number {
    return this.entries.size;
  }
}
