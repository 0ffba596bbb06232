// Prisma migrations without the native schema engine (which cannot be downloaded here): the WASM build of the
// engine, driven through our own driver adapter. It writes the standard `_prisma_migrations` table, so the
// real `prisma migrate deploy` stays compatible. This leans on an internal API: the wasm package is pinned to
// the CLI's engine hash in pnpm-workspace.yaml and covered by test/migrator.test.ts.
import { readdir, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  bindMigrationAwareSqlAdapterFactory,
  type SqlMigrationAwareDriverAdapterFactory,
} from '@prisma/driver-adapter-utils';
import type { SchemaEngine } from '@prisma/schema-engine-wasm/schema_engine_bg';

const apiRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const MIGRATIONS_DIR = path.join(apiRoot, 'prisma/migrations');
export const SCHEMA_PATH = path.join(apiRoot, 'prisma/schema.prisma');
const NO_FILTERS = { externalTables: [], externalEnums: [] };

type EngineRuntime = typeof import('@prisma/schema-engine-wasm/schema_engine_bg');
let runtimePromise: Promise<EngineRuntime> | undefined;

/** The wasm module is instantiated once per process: its JS glue caches the instance's memory. */
function loadRuntime(): Promise<EngineRuntime> {
  runtimePromise ??= (async () => {
    const runtime = await import('@prisma/schema-engine-wasm/schema_engine_bg');
    const require = createRequire(import.meta.url);
    const wasmPath = path.join(
      path.dirname(require.resolve('@prisma/schema-engine-wasm/schema_engine_bg')),
      'schema_engine_bg.wasm',
    );
    const { instance } = await WebAssembly.instantiate(await readFile(wasmPath), {
      './schema_engine_bg.js': runtime as unknown as WebAssembly.ModuleImports,
    });
    const exports = instance.exports as { __wbindgen_start(): void };
    (runtime as unknown as { __wbg_set_wasm(e: unknown): void }).__wbg_set_wasm(exports);
    exports.__wbindgen_start();
    return runtime;
  })();
  return runtimePromise;
}

async function startEngine(factory: SqlMigrationAwareDriverAdapterFactory): Promise<SchemaEngine> {
  const runtime = await loadRuntime();
  return runtime.SchemaEngine.new(
    { datamodels: undefined },
    () => {},
    bindMigrationAwareSqlAdapterFactory(withWholeScripts(factory)),
  );
}

type Adapter = Awaited<ReturnType<SqlMigrationAwareDriverAdapterFactory['connect']>>;
/** The pg Pool behind @prisma/adapter-pg's adapter (its `client` field). */
type PoolLike = { query(sql: string): Promise<unknown> };

/**
 * @prisma/adapter-pg runs a migration script by splitting it on every ";", which breaks function bodies
 * ($$ … $$) such as our integrity triggers. PostgreSQL runs a multi-statement script natively over the simple
 * query protocol, so send it whole. (PGlite's adapter already does: `exec` takes the script as it is.)
 */
function withWholeScripts(
  factory: SqlMigrationAwareDriverAdapterFactory,
): SqlMigrationAwareDriverAdapterFactory {
  const patch = (adapter: Adapter): Adapter => {
    const client = (adapter as unknown as { client?: PoolLike }).client;
    if (adapter.adapterName !== '@prisma/adapter-pg' || typeof client?.query !== 'function') return adapter;
    adapter.executeScript = async (script: string) => {
      await client.query(script);
    };
    return adapter;
  };
  return {
    provider: factory.provider,
    adapterName: factory.adapterName,
    connect: async () => patch(await factory.connect()),
    connectToShadowDb: async () => patch(await factory.connectToShadowDb()),
  };
}

async function readMigrations(dir: string) {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  const names = entries
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
  const migrationDirectories = await Promise.all(
    names.map(async (name) => ({
      path: name,
      migrationFile: {
        path: 'migration.sql',
        content: { tag: 'ok' as const, value: await readFile(path.join(dir, name, 'migration.sql'), 'utf8') },
      },
    })),
  );
  const lockPath = path.join(dir, 'migration_lock.toml');
  const lockContent = await readFile(lockPath, 'utf8').catch(() => null);
  return {
    baseDir: dir,
    lockfile: { path: 'migration_lock.toml', content: lockContent },
    shadowDbInitScript: '',
    migrationDirectories,
  };
}

/** Applies every committed migration not yet applied. Returns the names applied now (empty when up to date). */
export async function deployMigrations(
  factory: SqlMigrationAwareDriverAdapterFactory,
  migrationsDir = MIGRATIONS_DIR,
): Promise<string[]> {
  const engine = await startEngine(factory);
  try {
    const migrationsList = await readMigrations(migrationsDir);
    const result = await engine.applyMigrations({ migrationsList, filters: NO_FILTERS });
    return result.appliedMigrationNames;
  } finally {
    engine.free();
  }
}

/**
 * Computes the SQL that takes a database with every committed migration applied to the schema in
 * `schemaPath`. `scratch` must be an empty throwaway database (an in-memory PGlite). Returns '' when the
 * migrations already match the schema.
 */
export async function diffSchemaAgainstMigrations(
  scratch: SqlMigrationAwareDriverAdapterFactory,
  { schemaPath = SCHEMA_PATH, migrationsDir = MIGRATIONS_DIR } = {},
): Promise<string> {
  await deployMigrations(scratch, migrationsDir);
  const engine = await startEngine(scratch);
  try {
    const files = [{ path: schemaPath, content: await readFile(schemaPath, 'utf8') }];
    const result = await engine.diff({
      from: { tag: 'schemaDatasource', files, configDir: path.dirname(schemaPath) },
      to: { tag: 'schemaDatamodel', files },
      script: true,
      exitCode: true,
      filters: NO_FILTERS,
    });
    return result.exitCode === 2 ? (result.stdout ?? '') : '';
  } finally {
    engine.free();
  }
}

/** Committed migrations that the database has not applied (read from Prisma's own bookkeeping table). */
export async function pendingMigrations(
  db: { $queryRawUnsafe<T>(sql: string): Promise<T> },
  migrationsDir = MIGRATIONS_DIR,
): Promise<string[]> {
  const committed = (await readMigrations(migrationsDir)).migrationDirectories.map((d) => d.path);
  const applied = await db
    .$queryRawUnsafe<{ migration_name: string }[]>(
      'SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL',
    )
    .catch(() => []);
  const done = new Set(applied.map((row) => row.migration_name));
  return committed.filter((name) => !done.has(name));
}
