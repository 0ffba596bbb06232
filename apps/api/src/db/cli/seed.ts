// `db:seed`: load the shipped reference dataset into DATABASE_URL or the PGlite directory.
import { DatasetRowError } from '@ree/domain';
import { readReferenceDataset } from '../../data/reference-dataset.ts';
import { loadEnv } from '../../env.ts';
import { openDatabase } from '../client.ts';
import { deployMigrations } from '../migrator.ts';
import { seedReferenceDataset } from '../seed.ts';

async function main(): Promise<void> {
  const env = loadEnv();
  const dataset = await readReferenceDataset();
  const database = await openDatabase({ databaseUrl: env.DATABASE_URL, pgliteDir: env.pgliteDir });
  try {
    await deployMigrations(database.adapterFactory);
    const result = await seedReferenceDataset(database.db, dataset);
    console.log(
      result.status === 'loaded'
        ? `Loaded "${dataset.label}": ${result.rows} rows.`
        : `"${dataset.label}" is already loaded: nothing changed.`,
    );
  } finally {
    await database.close();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error instanceof DatasetRowError ? `Bad row — ${error.message}` : error);
    process.exit(1);
  },
);
