import { randomUUID } from 'node:crypto';
import { cp, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DatasetRowError, type DatasetRows } from '@ree/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REFERENCE_DIR, readReferenceDataset } from '../src/data/reference-dataset.ts';
import type { Database } from '../src/db/client.ts';
import { seedReferenceDataset } from '../src/db/seed.ts';
import { openTestDatabase } from './support.ts';

let database: Database;
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(() => database?.close());

async function copyWith(file: string, edit: (text: string) => string): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'ree-ref-'));
  await cp(REFERENCE_DIR, dir, { recursive: true });
  await writeFile(path.join(dir, file), edit(await readFile(path.join(dir, file), 'utf8')));
  return dir;
}

describe('reference dataset seed', () => {
  it('a second load of the same files changes nothing', async () => {
    const dataset = await readReferenceDataset();
    const before = await database.db.productionRecord.count();
    expect((await seedReferenceDataset(database.db, dataset)).status).toBe('unchanged');
    expect(await database.db.productionRecord.count()).toBe(before);
  });

  it('a bad row stops the load with file, line, column and reason', async () => {
    const dir = await copyWith('production.csv', (t) =>
      t.replace('CHN,mining,REE,2024,270000', 'CHN,mining,REE,2024,-5'),
    );
    const error = await readReferenceDataset(dir).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DatasetRowError);
    expect((error as DatasetRowError).message).toMatch(/^production\.csv, line 6, column quantity: /);
  });

  it('an unknown source id or country is refused', async () => {
    const dir = await copyWith('production.csv', (t) =>
      t.replace(
        'VNM,mining,REE,2023,300,t,REO,false,usgs-mcs-2025',
        'VNM,mining,REE,2023,300,t,REO,false,nowhere',
      ),
    );
    await expect(readReferenceDataset(dir)).rejects.toThrow(/unknown source "nowhere"/);
  });

  it('the same label with other content is refused and writes nothing', async () => {
    const dir = await copyWith('production.csv', (t) => t.replace('270000', '270001'));
    const before = await database.db.productionRecord.count();
    await expect(seedReferenceDataset(database.db, await readReferenceDataset(dir))).rejects.toThrow(
      /different content/,
    );
    expect(await database.db.productionRecord.count()).toBe(before);
  });

  it('instances seeding a fresh database at the same moment all start: one loads, the others wait and find it', async () => {
    const reference = await readReferenceDataset();
    // A dataset of its own with no rows: the race is over creating the dataset and its version, not the rows.
    const rows: DatasetRows = {
      sources: [],
      countries: [],
      elements: [],
      governance: [],
      production: [],
      reserves: [],
      facilities: [],
      trade: [],
      partnerships: [],
      investments: [],
      policies: [],
      stockpiles: [],
      indicators: [],
      demand: [],
      prices: [],
      claims: [],
    };
    const dataset = { ...reference, slug: `race-${randomUUID()}`, rows };
    // It stays behind (a published version is never deleted), read by nothing: every read names the reference.
    const results = await Promise.all([1, 2, 3].map(() => seedReferenceDataset(database.db, dataset)));
    expect(results.map((r) => r.status).sort()).toEqual(['loaded', 'unchanged', 'unchanged']);
    expect(new Set(results.map((r) => r.versionId)).size).toBe(1);
  });
});
