// Issue 13: score.trend computes all years in one pass over the version's rows; each year's score is exactly
// the one scoreFromDataset gives for that year alone, for every consumer, material and stage in the data.
import { scoreFromDataset, scoreTrend } from '@ree/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../src/db/client.ts';
import { datasetRows } from '../src/queries/dataset-rows.ts';
import { resolveVersion } from '../src/queries/versions.ts';
import { callerFor, createTestUser, openTestDatabase } from './support.ts';

const today = '2026-12-01';
let database: Database;

beforeAll(async () => {
  database = await openTestDatabase();
}, 60_000);
afterAll(() => database.close());

describe('score trend', () => {
  it('equals the per-year scores on the reference dataset', async () => {
    const data = await datasetRows(database.db, await resolveVersion(database.db));
    const cells = new Set(data.trade.map((t) => `${t.importer}|${t.material}|${t.stage}`));
    expect(cells.size).toBeGreaterThan(3);
    let years = 0;
    for (const cell of cells) {
      const [consumer = '', material, stage] = cell.split('|') as [string, 'Dy', 'separation'];
      const query = { consumer, material, stage, today };
      for (const { year, ...point } of scoreTrend(data, query)) {
        expect(point).toEqual(scoreFromDataset(data, { ...query, year }));
        years++;
      }
    }
    expect(years).toBeGreaterThan(cells.size);
  });

  it('answers for an earlier version named by asOf', async () => {
    const caller = callerFor(database, await createTestUser(database, 'user'));
    const current = await resolveVersion(database.db);
    const trend = await caller.score.trend({ material: 'Dy', asOf: current.id });
    expect(trend.datasetVersion.id).toBe(current.id);
    expect(trend.points.length).toBeGreaterThan(0);
  });
});
