// What every API instance must hear at once: the current dataset version changed, or a user's rights or sessions
// changed. Senders call `notifyChange` inside the transaction that makes the change, so the event is delivered on
// commit and never for a change rolled back. Listeners: on PostgreSQL a dedicated connection LISTENs (every
// instance on the database hears it); on PGlite, the one process's own PGlite delivers it (LISTEN works there too).
// While the listening connection is down, `healthy` is false and caches built on the feed must be bypassed: an
// event may be missed, so nothing cached may be trusted until the connection is back (and then all is dropped).
import type { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import type { Logger } from 'pino';
import { z } from 'zod';
import type { Database, Db } from './client.ts';

export const CHANGE_CHANNEL = 'ree_changes';

export const ChangeEvent = z.discriminatedUnion('kind', [
  /** The current published version of a dataset changed (publish, roll-back). */
  z.object({ kind: z.literal('version') }),
  /** A user was disabled or enabled, changed role, must reset a password, or sessions of theirs ended. */
  z.object({ kind: z.literal('user'), id: z.string().min(1) }),
]);
export type ChangeEvent = z.infer<typeof ChangeEvent>;

export interface ChangeListener {
  event(event: ChangeEvent): void;
  /** Events may have been missed (connection lost or regained): forget everything. */
  reset(): void;
}

export interface ChangeFeed {
  /** True while events are being heard; caches must not answer when false. */
  readonly healthy: boolean;
  subscribe(listener: ChangeListener): () => void;
  close(): Promise<void>;
}

type Sender = Pick<Db, '$executeRaw'>;

/** Sends `event` to every instance when the surrounding transaction commits (at once outside one). */
export async function notifyChange(tx: Sender, event: ChangeEvent): Promise<void> {
  await tx.$executeRaw`SELECT pg_notify(${CHANGE_CHANNEL}, ${JSON.stringify(event)})`;
}

/** Each database client's listeners in this process, registered by openChangeFeed. */
const localListeners = new WeakMap<object, Listeners>();

/**
 * Once the transaction that sent `event` has committed: this process's caches on `db` hear it now. Its own NOTIFY
 * comes back later on the listening connection, and the next request may come first — the admin who just published
 * would be shown the version before (seen in tests/integration/multi-instance.test.ts). Heard twice is harmless.
 */
export function changedHere(db: object, event: ChangeEvent): void {
  localListeners.get(db)?.emit(event);
}

class Listeners {
  private readonly all = new Set<ChangeListener>();
  constructor(private readonly log?: Logger) {}
  subscribe(listener: ChangeListener): () => void {
    this.all.add(listener);
    return () => this.all.delete(listener);
  }
  deliver(payload: string | undefined): void {
    const parsed = ChangeEvent.safeParse(safeJson(payload));
    // An event we cannot read might have been about anything: drop everything rather than guess.
    if (!parsed.success) {
      this.log?.warn({ payload }, 'unreadable change event; caches dropped');
      this.reset();
      return;
    }
    this.emit(parsed.data);
  }
  emit(event: ChangeEvent): void {
    for (const l of this.all) l.event(event);
  }
  reset(): void {
    for (const l of this.all) l.reset();
  }
}

function safeJson(text: string | undefined): unknown {
  try {
    return text === undefined ? undefined : JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** PGlite: one process, one database; its own LISTEN delivers what this process's transactions commit. */
async function pgliteFeed(pglite: PGlite, listeners: Listeners): Promise<ChangeFeed> {
  const unlisten = await pglite.listen(CHANGE_CHANNEL, (payload) => listeners.deliver(payload));
  let open = true;
  return {
    get healthy() {
      return open;
    },
    subscribe: (l) => listeners.subscribe(l),
    async close() {
      open = false;
      await unlisten();
    },
  };
}

const BACKOFF_MS = [100, 250, 500, 1_000, 2_000, 5_000];

/** PostgreSQL: a dedicated connection LISTENs, reconnecting with back-off; unhealthy while it is down. */
async function postgresFeed(
  connectionString: string,
  listeners: Listeners,
  log?: Logger,
): Promise<ChangeFeed> {
  let client: pg.Client | null = null;
  let healthy = false;
  let closed = false;
  let attempt = 0;
  let retry: NodeJS.Timeout | null = null;

  const lost = (error?: unknown) => {
    if (closed) return;
    if (healthy) log?.warn({ err: error }, 'change feed lost; caches bypassed until it is back');
    healthy = false;
    listeners.reset();
    client?.removeAllListeners();
    client?.end().catch(() => {});
    client = null;
    if (!retry) {
      const wait = BACKOFF_MS[Math.min(attempt++, BACKOFF_MS.length - 1)];
      retry = setTimeout(() => {
        retry = null;
        void connect();
      }, wait);
      retry.unref();
    }
  };

  const connect = async () => {
    const c = new pg.Client({ connectionString });
    client = c;
    c.on('error', lost);
    c.on('end', () => lost());
    c.on('notification', (n) => {
      if (n.channel === CHANGE_CHANNEL) listeners.deliver(n.payload);
    });
    try {
      await c.connect();
      await c.query(`LISTEN ${CHANGE_CHANNEL}`);
      if (closed || client !== c) return void c.end().catch(() => {});
      attempt = 0;
      // Whatever happened while nobody listened is unknown: start from nothing.
      listeners.reset();
      healthy = true;
    } catch (error) {
      if (client === c) lost(error);
    }
  };

  await connect();
  return {
    get healthy() {
      return healthy;
    },
    subscribe: (l) => listeners.subscribe(l),
    async close() {
      closed = true;
      healthy = false;
      if (retry) clearTimeout(retry);
      const c = client;
      client = null;
      c?.removeAllListeners();
      c?.on('error', () => {});
      await c?.end().catch(() => {});
    },
  };
}

/** Starts hearing changes on `database`. Close it before the database. */
export async function openChangeFeed(database: Database, log?: Logger): Promise<ChangeFeed> {
  const listeners = new Listeners(log);
  let feed: ChangeFeed;
  if (database.kind === 'postgresql' && database.url) feed = await postgresFeed(database.url, listeners, log);
  else if (database.pglite) feed = await pgliteFeed(database.pglite, listeners);
  else throw new Error('This database cannot carry change events.');
  localListeners.set(database.db, listeners);
  return {
    get healthy() {
      return feed.healthy;
    },
    subscribe: (l) => feed.subscribe(l),
    async close() {
      if (localListeners.get(database.db) === listeners) localListeners.delete(database.db);
      await feed.close();
    },
  };
}
