// A second Prisma client over a test database whose driver adapter counts the statements it sends: what a test
// needs to show that work does not make one database call per row. Counting at the adapter, not with Prisma's
// query log, sees every statement — raw SQL, each step of a nested write, those inside a transaction.
import type {
  SqlDriverAdapter,
  SqlDriverAdapterFactory,
  SqlQuery,
  SqlQueryable,
  Transaction,
} from '@prisma/driver-adapter-utils';
import type { Database } from '../src/db/client.ts';
import { PrismaClient } from '../src/generated/prisma/client.ts';

/** One statement sent, with its bound parameters and how long the database took to answer it. */
export interface SentStatement {
  sql: string;
  args: readonly unknown[];
  ms: number;
}

export interface CountedDatabase {
  db: PrismaClient;
  /** Statements sent since the client was opened. */
  readonly count: number;
  /** The queries among them (not scripts or transaction control), in the order they were sent. */
  readonly statements: readonly SentStatement[];
  close(): Promise<void>;
}

interface Counter {
  n: number;
  statements: SentStatement[];
}

export function countQueries(database: Database): CountedDatabase {
  const counter: Counter = { n: 0, statements: [] };
  const db = new PrismaClient({ adapter: countingFactory(database.adapterFactory, counter) });
  return {
    db,
    get count() {
      return counter.n;
    },
    get statements() {
      return counter.statements;
    },
    close: () => db.$disconnect(),
  };
}

function countingFactory(factory: SqlDriverAdapterFactory, counter: Counter): SqlDriverAdapterFactory {
  return {
    provider: factory.provider,
    adapterName: factory.adapterName,
    async connect(): Promise<SqlDriverAdapter> {
      const adapter = await factory.connect();
      return {
        ...counted(adapter, counter),
        executeScript: (script) => {
          counter.n++;
          return adapter.executeScript(script);
        },
        startTransaction: async (isolationLevel) =>
          countedTransaction(await adapter.startTransaction(isolationLevel), counter),
        ...(adapter.getConnectionInfo && { getConnectionInfo: adapter.getConnectionInfo.bind(adapter) }),
        dispose: () => adapter.dispose(),
      };
    },
  };
}

function counted(target: SqlQueryable, counter: Counter): SqlQueryable {
  return {
    provider: target.provider,
    adapterName: target.adapterName,
    queryRaw: (query) => timed(counter, query, () => target.queryRaw(query)),
    executeRaw: (query) => timed(counter, query, () => target.executeRaw(query)),
  };
}

async function timed<T>(counter: Counter, query: SqlQuery, send: () => Promise<T>): Promise<T> {
  counter.n++;
  const start = performance.now();
  try {
    return await send();
  } finally {
    counter.statements.push({ sql: query.sql, args: query.args, ms: performance.now() - start });
  }
}

function countedTransaction(tx: Transaction, counter: Counter): Transaction {
  return {
    ...counted(tx, counter),
    options: tx.options,
    commit: () => tx.commit(),
    rollback: () => tx.rollback(),
    ...(tx.createSavepoint && { createSavepoint: tx.createSavepoint.bind(tx) }),
    ...(tx.rollbackToSavepoint && { rollbackToSavepoint: tx.rollbackToSavepoint.bind(tx) }),
    ...(tx.releaseSavepoint && { releaseSavepoint: tx.releaseSavepoint.bind(tx) }),
  };
}
