// Opens the database: PostgreSQL when DATABASE_URL is set, otherwise PGlite in a local directory (or memory).
import { PGlite } from '@electric-sql/pglite';
import { PrismaPg } from '@prisma/adapter-pg';
import type { SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import { PrismaClient } from '../generated/prisma/client.ts';
import { lockDataDirectory } from './pglite-lock.ts';
import { securePrivateTree } from './private-directory.ts';

export type Db = PrismaClient;

export interface Database {
  db: Db;
  /** The adapter factory, reused by the migrator so both talk to the same database. */
  adapterFactory: SqlMigrationAwareDriverAdapterFactory;
  kind: 'postgresql' | 'pglite';
  /** PostgreSQL: the URL, for connections of their own (the change feed's LISTEN). */
  url?: string;
  /** PGlite: the instance, whose LISTEN carries the change feed in this process. */
  pglite?: PGlite;
  close(): Promise<void>;
}

export interface DatabaseTarget {
  /** A PostgreSQL URL; when absent, PGlite is used. */
  databaseUrl?: string | undefined;
  /** PGlite data directory, or `memory://` for a throwaway database. */
  pgliteDir?: string;
  /** PostgreSQL only: time-outs that turn a stuck database into a quick "database busy" (see busy.ts). */
  limits?: DatabaseLimits;
}

export interface DatabaseLimits {
  /** A statement running longer is cancelled by the server (statement_timeout); 0 = no limit. */
  statementTimeoutMs: number;
  /** Waiting longer than this for a free pooled connection fails the query. */
  acquireTimeoutMs: number;
  /** Connections in the pool. */
  poolSize: number;
}

export async function openDatabase(target: DatabaseTarget): Promise<Database> {
  if (target.databaseUrl) {
    // PGlite is one in-process connection that cannot cancel a statement; there, the API's in-flight limit
    // (http/load-shed.ts) is what keeps its queue short.
    const limits = target.limits;
    const adapterFactory = new PrismaPg({
      connectionString: target.databaseUrl,
      max: limits?.poolSize ?? 10,
      ...(limits && {
        statement_timeout: limits.statementTimeoutMs,
        connectionTimeoutMillis: limits.acquireTimeoutMs,
      }),
    });
    const db = new PrismaClient({ adapter: adapterFactory });
    return {
      db,
      adapterFactory,
      kind: 'postgresql',
      url: target.databaseUrl,
      close: () => db.$disconnect(),
    };
  }
  const dir = target.pgliteDir ?? 'memory://';
  const onDisk = !dir.startsWith('memory://');
  let unlock = () => {};
  if (onDisk) {
    securePrivateTree(dir);
    unlock = lockDataDirectory(dir);
  }
  let pglite: PGlite;
  try {
    pglite = await PGlite.create(dir);
  } catch (error) {
    unlock();
    throw error;
  }
  try {
    // PGlite writes the cluster it creates 0666 whatever the umask; the files Postgres adds later are 0600.
    if (onDisk) securePrivateTree(dir);
  } catch (error) {
    await pglite.close();
    unlock();
    throw error;
  }
  const adapterFactory = new PrismaPGlite(pglite);
  const db = new PrismaClient({ adapter: adapterFactory });
  return {
    db,
    adapterFactory,
    kind: 'pglite',
    pglite,
    async close() {
      await db.$disconnect();
      await pglite.close();
      unlock();
    },
  };
}
