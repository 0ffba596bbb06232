// A second Prisma client over a test database whose driver adapter counts the statements it sends: what a test
// needs to show that work does not make one database call per row. Counting at the adapter, not with Prisma's
// query log, sees every statement — raw SQL, each step of a nested write, those inside a transaction.
import type {
  SqlDriverAdapter,
  SqlDriverAdapterFactory,
  SqlQueryable,
  Transaction,
} from '@prisma/driver-adapter-utils';
import type { Database } from '../src/db/client.ts';
import { PrismaClient } from '../src/generated/prisma/client.ts';

export interface CountedDatabase {
  db: PrismaClient;
  /** Statements sent since the client was opened. */
  readonly count: number;
  close(): Promise<void>;
}

export function countQueries(database: Database): CountedDatabase {
  const counter = { n: 0 };
  const db = new PrismaClient({ adapter: countingFactory(database.adapterFactory, counter) });
  return {
    db,
    get count() {
      return counter.n;
    },
    close: () => db.$disconnect(),
  };
}

function countingFactory(factory: SqlDriverAdapterFactory, counter: { n: number }): SqlDriverAdapterFactory {
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

function counted(target: SqlQueryable, counter: { n: number }): SqlQueryable {
  return {
    provider: target.provider,
    adapterName: target.adapterName,
    queryRaw: (query) => {
      counter.n++;
      return target.queryRaw(query);
    },
    executeRaw: (query) => {
      counter.n++;
      return target.executeRaw(query);
    },
  };
}

function countedTransaction(tx: Transaction, counter: { n: number }): Transaction {
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
