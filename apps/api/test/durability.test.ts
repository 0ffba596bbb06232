// Durability (security.md, ASVS 14.2): an import killed with SIGKILL in the middle of applying leaves the draft as
// it was; and a backup → restore drill of the database gives back the same data, which the API then serves.
// On PostgreSQL the backup is pg_dump/pg_restore; on PGlite, a copy of the stopped data directory.
import { execFile, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { strToU8, zipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { readReferenceDataset } from '../src/data/reference-dataset.ts';
import { type Database, openDatabase } from '../src/db/client.ts';
import { deployMigrations } from '../src/db/migrator.ts';
import { seedReferenceDataset } from '../src/db/seed.ts';
import { stageImport } from '../src/imports/stage-import.ts';
import { createDraft, DATA_TABLES, rowCounts } from '../src/queries/dataset-versions.ts';
import { explainScore } from '../src/queries/score.ts';
import { resolveVersion } from '../src/queries/versions.ts';

const run = promisify(execFile);
const POSTGRES = process.env.DATABASE_URL;
const scratch: string[] = [];
afterAll(async () => {
  for (const dir of scratch) await rm(dir, { recursive: true, force: true });
});

/** A database of its own on disk (PGlite), or the shared PostgreSQL one. */
async function openOnDisk(dir: string): Promise<Database> {
  const database = await openDatabase({ databaseUrl: POSTGRES, pgliteDir: dir });
  await deployMigrations(database.adapterFactory);
  await seedReferenceDataset(database.db, await readReferenceDataset());
  return database;
}

const actor = { id: 'durability-test', email: 'durability@test.ree.local', ip: null };

describe('durability', () => {
  it('SIGKILL in the middle of applying an import leaves the draft unchanged; the import can then be applied', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'ree-kill-'));
    scratch.push(dir);
    let database = await openOnDisk(dir);
    const draft = await createDraft(database.db, actor, { label: `Kill ${randomUUID()}`, from: 'current' });
    const production = ['country,stage,material,year,quantity,unit,basis,projection,source_id,status']
      .concat(
        Array.from(
          { length: 40 },
          (_, i) => `XKL,mining,REE,${1980 + i},${100 + i},t,REO,false,usgs-mcs-2025,verified`,
        ),
      )
      .join('\n');
    const zip = zipSync({
      'countries.csv': strToU8('iso3,name,region\nXKL,Killland,Asia\n'),
      'production.csv': strToU8(production),
    });
    const { batchId } = await stageImport(
      database.db,
      actor,
      { versionId: draft.id, fileName: 'kill.zip', maxBytes: 1_000_000 },
      (async function* () {
        yield zip;
      })(),
    );
    const before = await rowCounts(database.db, draft.id);
    await database.close(); // PGlite: one process per data directory

    const child = spawn(
      process.execPath,
      ['--import', 'tsx', path.join(import.meta.dirname, 'fixtures/apply-then-hang.ts'), batchId, dir],
      {
        cwd: path.join(import.meta.dirname, '..'),
        env: process.env,
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (chunk: Buffer) => {
        if (chunk.toString().includes('MID-APPLY')) resolve();
      });
      child.on('exit', (code) => reject(new Error(`child exited early (${code})`)));
    });
    child.kill('SIGKILL');
    await new Promise((resolve) => child.once('exit', resolve));

    database = await openOnDisk(dir);
    try {
      expect(await rowCounts(database.db, draft.id)).toEqual(before);
      const batch = await database.db.importBatch.findUniqueOrThrow({ where: { id: batchId } });
      expect(batch.status).toBe('validated');
      const { applyImport } = await import('../src/imports/apply-import.ts');
      const applied = await applyImport(database.db, actor, batchId);
      expect(applied.rows).toEqual({ countries: 1, production: 40 });
    } finally {
      await database.close();
    }
  }, 120_000);

  it('backup → restore gives the same rows and the same answers', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'ree-backup-'));
    scratch.push(dir);
    const source = await openOnDisk(path.join(dir, 'live'));
    const fingerprint = async (database: Database) => {
      const version = await resolveVersion(database.db);
      const counts: Record<string, number> = {};
      for (const table of [...DATA_TABLES, 'dataset_version', 'audit_event', 'user', '_prisma_migrations']) {
        const [row] = await database.db.$queryRawUnsafe<{ n: number }[]>(
          `SELECT count(*)::int AS n FROM "${table}"`,
        );
        counts[table] = row?.n ?? -1;
      }
      const [sum] = await database.db.$queryRawUnsafe<{ md5: string }[]>(
        `SELECT md5(string_agg(p::text, '|' ORDER BY p."id")) AS md5 FROM "production_record" p`,
      );
      const [versions] = await database.db.$queryRawUnsafe<{ md5: string }[]>(
        `SELECT md5(string_agg(concat_ws(',', v."id", v."label", v."status", v."isCurrent", v."contentHash"), '|' ORDER BY v."id")) AS md5 FROM "dataset_version" v`,
      );
      const score = await explainScore(database.db, {
        consumer: 'JPN',
        material: 'NdPr',
        stage: 'separation',
      });
      return { version, counts, versions: versions?.md5, production: sum?.md5, score: score.result.score };
    };
    const original = await fingerprint(source);
    let restored: Database;
    if (POSTGRES) {
      await source.close();
      const url = new URL(POSTGRES);
      const target = `${url.pathname.slice(1)}_restore_${Date.now()}`;
      const dump = path.join(dir, 'backup.dump');
      const conn = [
        '-h',
        url.hostname,
        '-p',
        url.port || '5432',
        '-U',
        decodeURIComponent(url.username) || 'postgres',
      ];
      await run('pg_dump', [...conn, '-Fc', '-f', dump, url.pathname.slice(1)]);
      await run('psql', [...conn, '-d', 'postgres', '-qc', `CREATE DATABASE "${target}"`]);
      try {
        await run('pg_restore', [...conn, '-d', target, '--no-owner', '--exit-on-error', dump]);
        url.pathname = `/${target}`;
        restored = await openDatabase({ databaseUrl: url.toString(), pgliteDir: dir });
        expect(await fingerprint(restored)).toEqual(original);
        // The restored copy keeps the database's own rules: published rows stay immutable.
        await expect(
          restored.db.$executeRawUnsafe(
            `UPDATE "production_record" SET "quantity" = 0 WHERE "versionId" = $1`,
            original.version.id,
          ),
        ).rejects.toThrow(/published/);
        await restored.close();
      } finally {
        await run('psql', [
          ...conn,
          '-d',
          'postgres',
          '-qc',
          `DROP DATABASE IF EXISTS "${target}" WITH (FORCE)`,
        ]);
      }
    } else {
      await source.close();
      await cp(path.join(dir, 'live'), path.join(dir, 'restored'), { recursive: true });
      restored = await openDatabase({ pgliteDir: path.join(dir, 'restored') });
      expect(await fingerprint(restored)).toEqual(original);
      await expect(
        restored.db.$executeRawUnsafe(
          `UPDATE "production_record" SET "quantity" = 0 WHERE "versionId" = $1`,
          original.version.id,
        ),
      ).rejects.toThrow(/published/);
      await restored.close();
    }
  }, 120_000);
});
