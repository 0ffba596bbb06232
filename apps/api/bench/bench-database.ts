// What the import benchmarks share: a migrated, seeded database of their own (PGlite in a temporary directory, or
// DATABASE_URL) with a fresh draft, and a sampler of the process's peak memory, so each bench is only its workload.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { readReferenceDataset } from '../src/data/reference-dataset.ts';
import { type Database, openDatabase } from '../src/db/client.ts';
import { deployMigrations } from '../src/db/migrator.ts';
import { seedReferenceDataset } from '../src/db/seed.ts';
import { createDraft } from '../src/queries/dataset-versions.ts';

export const benchActor = { id: 'bench', email: 'bench@ree.local', ip: null };

export const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

/** The highest RSS and JS heap seen since the last reset, sampled every `everyMs`. */
export function peakMemorySampler(everyMs = 50) {
  const peak = { rss: 0, heap: 0 };
  const sample = () => {
    const { rss, heapUsed } = process.memoryUsage();
    peak.rss = Math.max(peak.rss, rss);
    peak.heap = Math.max(peak.heap, heapUsed);
  };
  const timer = setInterval(sample, everyMs);
  return {
    peak,
    /** Starts the peaks again from now; returns the RSS at this moment. */
    reset() {
      const { rss, heapUsed } = process.memoryUsage();
      peak.rss = rss;
      peak.heap = heapUsed;
      return rss;
    },
    stop: () => clearInterval(timer),
  };
}

/** Runs `work` on a fresh database holding the reference dataset and a draft of it; removes it all afterwards. */
export async function withBenchDatabase<T>(
  name: string,
  work: (database: Database, draft: { id: string }) => Promise<T>,
): Promise<T> {
  const dir = await mkdtemp(path.join(tmpdir(), `ree-bench-${name}-`));
  const database = await openDatabase({
    databaseUrl: process.env.DATABASE_URL,
    pgliteDir: path.join(dir, 'pglite'),
  });
  try {
    await deployMigrations(database.adapterFactory);
    await seedReferenceDataset(database.db, await readReferenceDataset());
    const draft = await createDraft(database.db, benchActor, {
      label: `Bench ${Date.now()}`,
      from: 'current',
    });
    return await work(database, draft);
  } finally {
    await database.close();
    await rm(dir, { recursive: true, force: true });
  }
}
