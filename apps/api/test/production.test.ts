import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { hhi } from '@ree/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCsv } from '../src/data/csv.ts';
import { REFERENCE_DIR } from '../src/data/reference-dataset.ts';
import type { Database } from '../src/db/client.ts';
import { callerFor, createTestUser, openTestDatabase } from './support.ts';

let database: Database;
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(() => database.close());

describe('production.byCountry', () => {
  it('serves 2024 mine production with its source and dataset version, matching the CSV', async () => {
    const caller = callerFor(database, await createTestUser(database, 'user'));
    const result = await caller.production.byCountry({ stage: 'mining', material: 'REE' });
    expect(result.year).toBe(2024);
    expect(result.datasetVersion.label).toMatch(/^Reference \d{4}\.\d+$/);
    expect(result.sources.map((s) => s.id)).toEqual(['usgs-mcs-2025']);
    expect(result.rows[0]).toMatchObject({ country: 'CHN', quantity: 270_000 });
    expect(result.publishedWorldTotal).toBe(390_000);

    // Recompute from the CSV by hand: the API must agree.
    const [header, ...rows] = parseCsv(await readFile(path.join(REFERENCE_DIR, 'production.csv'), 'utf8'));
    const col = (name: string) => header?.fields.indexOf(name) ?? -1;
    const byCountry: Record<string, number> = {};
    for (const { fields } of rows) {
      if (
        fields[col('year')] === '2024' &&
        fields[col('stage')] === 'mining' &&
        fields[col('country')] !== 'WLD'
      ) {
        byCountry[String(fields[col('country')])] = Number(fields[col('quantity')]);
      }
    }
    const apiSupply = Object.fromEntries(result.rows.map((r) => [r.country, r.quantity]));
    expect(apiSupply).toEqual(byCountry);
    expect(hhi(apiSupply)).toBeCloseTo(hhi(byCountry), 9);
    expect(result.rows.reduce((s, r) => s + r.share, 0)).toBeCloseTo(1, 9);
  });

  it('says plainly when there is no such data', async () => {
    const caller = callerFor(database, await createTestUser(database, 'user'));
    await expect(caller.production.byCountry({ stage: 'magnet', material: 'Dy' })).rejects.toMatchObject({
      code: 'NOT_FOUND',
      message: expect.stringContaining('No Dy magnet production'),
    });
  });
});
