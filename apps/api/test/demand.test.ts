// The demand side as the API serves it: the domain's profile of the shipped rows, with their sources.

import { demandProfile, ElementSymbol, Material } from '@ree/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readReferenceDataset } from '../src/data/reference-dataset.ts';
import type { Database } from '../src/db/client.ts';
import { callerFor, createTestUser, openTestDatabase } from './support.ts';

let database: Database;
let caller: ReturnType<typeof callerFor>;
beforeAll(async () => {
  database = await openTestDatabase();
  caller = callerFor(database, await createTestUser(database, 'user'));
});
afterAll(() => database?.close());

describe('reference.demand', () => {
  it('serves what demandProfile makes of the shipped CSV, with every source cited', async () => {
    const { rows } = await readReferenceDataset();
    for (const material of ['REE', 'Dy', 'Y'] as const) {
      const answer = await caller.reference.demand({ material });
      const { material: m, scopes, sourceIds } = answer;
      expect({ material: m, scopes, sourceIds }).toEqual(demandProfile(rows.demand, material));
      expect(answer.sources.map((s) => s.id).sort()).toEqual(sourceIds);
    }
  });

  it("gives the US split of all rare earths' first use at its latest year with shares", async () => {
    const answer = await caller.reference.demand({ material: 'REE' });
    const us = answer.scopes.find((s) => s.scope === 'USA');
    expect(us?.year).toBe(2020);
    expect(us?.uses[0]).toMatchObject({ use: 'catalysts', share: 0.75 });
    expect(us?.shareTotal).toBeCloseTo(1);
    expect(answer.scopes[0]?.scope).toBe('WLD');
  });

  it('names the sectors that depend on the magnet elements, and no uses where no source gives them', async () => {
    const dy = await caller.reference.demand({ material: 'Dy' });
    expect(dy.scopes[0]?.sectors).toEqual(expect.arrayContaining(['electric-vehicles', 'wind-turbines']));
    expect((await caller.reference.demand({ material: 'Tm' })).scopes).toEqual([]);
  });

  it('has no scope whose shares add up to more than the whole, for any material', async () => {
    const { rows } = await readReferenceDataset();
    const problems = Material.options.flatMap((m) =>
      demandProfile(rows.demand, m).scopes.flatMap((s) => s.problems),
    );
    expect(problems).toEqual([]);
    // Every element the dataset names a use for in elements.csv has a demand row of its own.
    const named = rows.elements.filter((e) => e.uses.length > 0).map((e) => e.symbol);
    const withRows = new Set(rows.demand.map((r) => r.material));
    expect(named.filter((s) => !withRows.has(s))).toEqual([]);
    expect(ElementSymbol.options.length).toBe(17);
  });

  it('refuses an unknown material', async () => {
    await expect(caller.reference.demand({ material: 'Xx' as never })).rejects.toThrow(/material/i);
  });
});
