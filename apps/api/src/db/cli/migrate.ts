// `db:migrate` (deploy committed migrations to DATABASE_URL or the PGlite directory) and
// `db:migrate:create <name>` (write a new migration from the schema diff). Usage in CONTRIBUTING.md.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { loadEnv } from '../../env.ts';
import { openDatabase } from '../client.ts';
import { deployMigrations, diffSchemaAgainstMigrations, MIGRATIONS_DIR } from '../migrator.ts';

async function main(): Promise<void> {
  const [command, name] = process.argv.slice(2);
  const env = loadEnv();
  if (command === 'deploy') {
    const database = await openDatabase({ databaseUrl: env.DATABASE_URL, pgliteDir: env.pgliteDir });
    try {
      const applied = await deployMigrations(database.adapterFactory);
      console.log(applied.length ? `Applied: ${applied.join(', ')}` : 'Database is up to date.');
    } finally {
      await database.close();
    }
    return;
  }
  if (command === 'create') {
    if (!name || !/^[a-z0-9_]+$/.test(name)) throw new Error('usage: db:migrate:create <name_in_snake_case>');
    const scratch = await openDatabase({ pgliteDir: 'memory://' });
    try {
      const sql = await diffSchemaAgainstMigrations(scratch.adapterFactory);
      if (!sql.trim()) {
        console.log('The schema matches the migrations: nothing to create.');
        return;
      }
      const stamp = new Date().toISOString().replace(/[-:T]/g, '').slice(0, 14);
      const dir = path.join(MIGRATIONS_DIR, `${stamp}_${name}`);
      await mkdir(dir, { recursive: true });
      await writeFile(path.join(dir, 'migration.sql'), sql);
      await writeFile(
        path.join(MIGRATIONS_DIR, 'migration_lock.toml'),
        '# Do not edit by hand: written by db:migrate:create\nprovider = "postgresql"\n',
      );
      console.log(`Created ${path.relative(process.cwd(), dir)}/migration.sql`);
    } finally {
      await scratch.close();
    }
    return;
  }
  throw new Error('usage: migrate.ts deploy | create <name>');
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
