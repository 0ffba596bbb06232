import { resilienceScore } from '@ree/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../src/db/client.ts';
import { explainScore } from '../src/queries/score.ts';
import { callerFor, createTestUser, openTestDatabase } from './support.ts';

let database: Database;
let caller: ReturnType<typeof callerFor>;
beforeAll(async () => {
  database = await openTestDatabase();
  caller = callerFor(database, await createTestUser(database, 'user'));
});
afterAll(() => database?.close());

describe('score.explain on the shipped data', () => {
  it("Japan · Dy · separation · 2025: China's licensing counts, partners and the 60-day stockpile are found", async () => {
    const explained = await explainScore(database.db, {
      consumer: 'JPN',
      material: 'Dy',
      stage: 'separation',
    });
    expect(explained.input.year).toBe(2025);
    expect(explained.importsMaterial).toBe('REE'); // no Dy-specific row for 2025: all rare earths stand in
    expect(explained.input.imports).toEqual({ CHN: 0.65, ROW: expect.closeTo(0.35, 12) });
    expect(explained.input.exportRestricting).toEqual(['CHN']); // April 2025 licensing covers Dy
    expect(explained.input.partners).toEqual(['AUS', 'MYS']);
    expect(explained.input.stockpileDays).toBe(60);
    // The API's number is the domain's number for the same inputs.
    expect(explained.result).toEqual(resilienceScore(explained.input));
    expect(explained.sources.map((s) => s.id)).toEqual(
      expect.arrayContaining(['nyt-2025-12-08', 'china-mofcom', 'meti-2020-strategy']),
    );
  });

  it('NdPr in 2025 is not under the April 2025 licensing; Dy in 2024 was not yet', async () => {
    const ndpr = await caller.score.explain({
      consumer: 'JPN',
      material: 'NdPr',
      stage: 'separation',
      year: 2025,
    });
    const restricted = ndpr.result.components.find((c) => c.id === 'restrictedSupply');
    expect(restricted?.risk).toBe(0);
    const dy2024 = await explainScore(database.db, {
      consumer: 'JPN',
      material: 'Dy',
      stage: 'separation',
      year: 2024,
    });
    expect(dy2024.input.exportRestricting).toEqual([]);
  });

  it('the 2010 embargo on Japan counts as a restriction in 2010', async () => {
    const r = await explainScore(database.db, {
      consumer: 'JPN',
      material: 'REE',
      stage: 'separation',
      year: 2010,
    });
    expect(r.input.exportRestricting).toEqual(['CHN']);
    expect(r.importsUnit).toBe('t');
  });

  it('a consumer without import data gets "insufficient data", not a number', async () => {
    const r = await caller.score.explain({
      consumer: 'AUS',
      material: 'Dy',
      stage: 'separation',
      year: 2024,
    });
    expect(r.result.status).toBe('insufficient-data');
    expect(r.result.score).toBeNull();
  });
});
