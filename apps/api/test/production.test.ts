import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseCsv } from '@ree/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
  it('2025 world mine production from MCS 2026: sources, version, HHI equal to a hand computation from the CSV', async () => {
    const result = await caller.production.concentration({ stage: 'mining', material: 'REE' });
    expect(result.year).toBe(2025);
    expect(result.unit).toBe('t');
    expect(result.datasetVersion.label).toMatch(/^Reference \d{4}\.\d+$/);
    expect(result.sources.map((s) => s.id)).toEqual(['usgs-mcs-2026']);
    expect(result.editions).toEqual(['usgs-mcs-2026']);
    expect(result.rows[0]).toMatchObject({ country: 'CHN', value: 270_000 });
    expect(result.total).toBe(390_000);
    // "Other countries" is unallocated supply, never a producer (defect 3).
    expect(result.rows.map((r) => r.country)).not.toContain('ROW');

    const [header, ...rows] = parseCsv(await readFile(path.join(REFERENCE_DIR, 'production.csv'), 'utf8'));
    const col = (name: string) => header?.fields.indexOf(name) ?? -1;
    const byCountry: Record<string, number> = {};
    for (const { fields } of rows) {
      if (
        fields[col('year')] === '2025' &&
        fields[col('unit')] === 't' &&
        fields[col('source_id')] === 'usgs-mcs-2026' &&
        fields[col('stage')] === 'mining' &&
        !['WLD', 'ROW'].includes(String(fields[col('country')]))
      ) {
        byCountry[String(fields[col('country')])] = Number(fields[col('quantity')]);
      }
    }
    expect(Object.fromEntries(result.rows.map((r) => [r.country, r.value]))).toEqual(byCountry);
    // By hand: shares of the 390,000 t total; the 550 t of other countries and the rounding are unallocated.
    const byHand = Object.values(byCountry).reduce((sum, t) => sum + (100 * (t / 390_000)) ** 2, 0);
    expect(result.hhi).toBeCloseTo(byHand, 9);
    expect(result.hhi).toBeCloseTo(5_054, 0);
    expect(result.hhiBand).toBe('highly concentrated');
    expect(result.complete).toBe(true);
  });

  it('keeps both editions for 2024; reads take the newest unless asked for an edition', async () => {
    const newest = await caller.production.concentration({ stage: 'mining', material: 'REE', year: 2024 });
    expect(newest.editions).toEqual(['usgs-mcs-2026']);
    expect(newest.otherEditions).toEqual(['usgs-mcs-2025']);
    expect(newest.rows.find((r) => r.country === 'AUS')?.value).toBe(29_000);
    const older = await caller.production.concentration({
      stage: 'mining',
      material: 'REE',
      year: 2024,
      edition: 'usgs-mcs-2025',
    });
    expect(older.rows.find((r) => r.country === 'AUS')?.value).toBe(13_000);
  });

  it('a year with only China and the world in different series has no shares: they are never combined', async () => {
    // China 2010 (130,000 t, older MCS editions) and world 2010 (101,000 t, DS140) disagree: no share is computed.
    await expect(
      caller.production.concentration({ stage: 'mining', material: 'REE', year: 2010 }),
    ).rejects.toMatchObject({
      code: 'NOT_FOUND',
      message: expect.stringContaining('a partial list of tonnages is not a share'),
    });
    const y2022 = await caller.production.concentration({ stage: 'mining', material: 'REE', year: 2022 });
    expect(y2022.editions).toEqual(['usgs-myb-2022']);
    // Shares of the larger of the rounded world total (297,000 t) and the sum of the countries listed.
    expect(y2022.rows.find((r) => r.country === 'CHN')?.share).toBeCloseTo(210_000 / (y2022.total ?? 0), 12);
    expect(y2022.total).toBeGreaterThanOrEqual(297_000);
  });

  it("one producer's tonnage with no world total is not a share: NdPr separation is not 'United States 100 %' (defect 5)", async () => {
    const r = await caller.production.concentration({ stage: 'separation', material: 'NdPr' });
    expect(r.materialUsed).not.toBe('NdPr');
    expect(r.rows.find((x) => x.country === 'USA')?.share ?? 0).toBeLessThan(0.5);
    // In 2024 MP's 1,294 t is the only NdPr row: all rare earths stand in, and the note says so.
    const y2024 = await caller.production.concentration({
      stage: 'separation',
      material: 'NdPr',
      year: 2024,
    });
    expect(y2024).toMatchObject({ materialUsed: 'REE', fallback: 'all', yearUsed: 2024 });
    expect(y2024.note).toBe('REE figures stand in for NdPr (data quality 63 %)');
    expect(y2024.rows.map((x) => x.country)).toEqual(['CHN']);
  });

  it('serves published shares and projections as shares (IEA refining 2023 and 2030)', async () => {
    const now = await caller.production.concentration({ stage: 'separation', material: 'REE', year: 2023 });
    expect(now.unit).toBe('share');
    expect(now.rows[0]).toMatchObject({ country: 'CHN', share: 0.92 });
    // IEA publishes China 92 % and Malaysia 5 %; no third country is published for 2023.
    expect(now.top3Share).toBeCloseTo(0.97, 12);
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
      message: expect.stringContaining('No Dy metal shares'),
    });
  });
});
