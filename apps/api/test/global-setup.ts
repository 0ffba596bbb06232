// On PostgreSQL (DATABASE_URL set), migrate once before any test file. PGlite tests migrate their own memory DB.
import { openDatabase } from '../src/db/client.ts';
import { deployMigrations } from '../src/db/migrator.ts';

export default async function setup(): Promise<void> {
  const url = process.env.DATABASE_URL;
  if (!url) return;
  const database = await openDatabase({ databaseUrl: url });
  try {
    await deployMigrations(database.adapterFactory);
  } finally {
    await database.close();
  }
}
