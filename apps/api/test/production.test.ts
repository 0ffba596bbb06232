import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { hhi } from '@ree/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCsv } from '../src/data/csv.ts';
import { REFERENCE_DIR } from '../src/data/reference-dataset.ts';
import type { Database } from '../src/db/client.ts';
import { callerFor, createTestUser, openTestDatabase } from './support.ts';

let database: Database;
let caller: ReturnType<typeof callerFor>;
beforeAll(async () => {
  database = await openTestDatabase();
  caller = callerFor(database, await createTestUser(database, 'user'));
});
afterAll(() => database?.close());

describe('production.concentration', () => {
  it('2024 world mine production: sources, version, and HHI equal to a hand computation from the CSV', async () => {
    const result = await caller.production.concentration({ stage: 'mining', material: 'REE' });
    expect(result.year).toBe(2024);
    expect(result.unit).toBe('t');
    expect(result.datasetVersion.label).toMatch(/^Reference \d{4}\.\d+$/);
    expect(result.sources.map((s) => s.id)).toEqual(['usgs-mcs-2025']);
    expect(result.rows[0]).toMatchObject({ country: 'CHN', value: 270_000 });
    expect(result.publishedWorldTotal).toBe(390_000);

    const [header, ...rows] = parseCsv(await readFile(path.join(REFERENCE_DIR, 'production.csv'), 'utf8'));
    const col = (name: string) => header?.fields.indexOf(name) ?? -1;
    const byCountry: Record<string, number> = {};
    for (const { fields } of rows) {
      const is2024Tonnes = fields[col('year')] === '2024' && fields[col('unit')] === 't';
      if (
        is2024Tonnes &&
        fields[col('stage')] === 'mining' &&
        fields[col('material')] === 'REE' &&
        fields[col('country')] !== 'WLD'
      ) {
        byCountry[String(fields[col('country')])] = Number(fields[col('quantity')]);
      }
    }
    expect(Object.fromEntries(result.rows.map((r) => [r.country, r.value]))).toEqual(byCountry);
    // By hand: Σ (100·sᵢ)² over the 13 rows of 2024, 393,950 t in all: 4,697.3 (China) + 130.5 (USA) + 61.9 (Burma) + …
    expect(result.hhi).toBeCloseTo(hhi(byCountry), 9);
    expect(result.hhi).toBeCloseTo(4_923.6, 1);
    expect(result.hhiBand).toBe('highly concentrated');
    expect(result.complete).toBe(true);
  });

  it('a year with only China listed takes shares of the published world total, not of China alone', async () => {
    const r = await caller.production.concentration({ stage: 'mining', material: 'REE', year: 2022 });
    expect(r.rows).toHaveLength(1);
    expect(r.rows[0]?.share).toBeCloseTo(210_000 / 300_000, 12);
    expect(r.complete).toBe(false);
    expect(r.unallocatedShare).toBeCloseTo(0.3, 12);
  });

  it('serves published shares and projections as shares (IEA refining 2023 and 2030)', async () => {
    const now = await caller.production.concentration({ stage: 'separation', material: 'REE', year: 2023 });
    expect(now.unit).toBe('share');
    expect(now.rows[0]).toMatchObject({ country: 'CHN', share: 0.92 });
    expect(now.top3Share).toBeCloseTo(0.98, 12);
    const later = await caller.production.concentration({
      stage: 'separation',
      material: 'REE',
      year: 2030,
      projection: true,
    });
    expect(later.rows[0]).toMatchObject({ country: 'CHN', share: 0.77 });
    expect(later.sources.map((s) => s.id)).toEqual(['iea-gcmo-2024']);
  });

  it('says plainly when there is no such data', async () => {
    await expect(caller.production.concentration({ stage: 'metal', material: 'Dy' })).rejects.toMatchObject({
      code: 'NOT_FOUND',
      message: expect.stringContaining('No Dy metal figures'),
    });
  });
});
