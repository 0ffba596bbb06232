// The WASM schema engine is an internal Prisma API: these tests catch a broken pin or a forgotten migration.
import { cp, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../src/db/client.ts';
import {
  deployMigrations,
  diffSchemaAgainstMigrations,
  MIGRATIONS_DIR,
  pendingMigrations,
  SCHEMA_PATH,
} from '../src/db/migrator.ts';

describe('migrations through the WASM schema engine', () => {
  it('deploys every committed migration once; a second deploy is a no-op', async () => {
    const database = await openDatabase({ pgliteDir: 'memory://' });
    try {
      const first = await deployMigrations(database.adapterFactory);
      expect(first.length).toBeGreaterThan(0);
      expect(await deployMigrations(database.adapterFactory)).toEqual([]);
      expect(await pendingMigrations(database.db)).toEqual([]);
      const tables = await database.db.$queryRawUnsafe<{ n: bigint | number }[]>(
        "SELECT count(*) AS n FROM information_schema.tables WHERE table_name = 'production_record'",
      );
      expect(Number(tables[0]?.n)).toBe(1);
    } finally {
      await database.close();
    }
  });

  it('the committed migrations match schema.prisma (nothing left to create)', async () => {
    const scratch = await openDatabase({ pgliteDir: 'memory://' });
    try {
      expect(await diffSchemaAgainstMigrations(scratch.adapterFactory)).toBe('');
    } finally {
      await scratch.close();
    }
  });

  it('creates a migration for a schema change, which then deploys', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'ree-migrations-'));
    await cp(MIGRATIONS_DIR, path.join(dir, 'migrations'), { recursive: true });
    const schema = (await readFile(SCHEMA_PATH, 'utf8')).replace(
      'model Dataset {',
      'model Probe {\n  id Int @id\n  @@map("probe")\n}\n\nmodel Dataset {',
    );
    await writeFile(path.join(dir, 'schema.prisma'), schema);
    const scratch = await openDatabase({ pgliteDir: 'memory://' });
    try {
      const sql = await diffSchemaAgainstMigrations(scratch.adapterFactory, {
        schemaPath: path.join(dir, 'schema.prisma'),
        migrationsDir: path.join(dir, 'migrations'),
      });
      expect(sql).toContain('CREATE TABLE "probe"');
    } finally {
      await scratch.close();
    }
  });
});
