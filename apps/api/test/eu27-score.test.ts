// The EU-27 (`EUU`) as a consumer on the shipped data, through the API: its score, trend and scenario baseline
// read Eurostat's extra-EU imports only, and the explanation says that intra-EU trade is not counted.
import { EU27_IMPORTS_NOTE, isEuMember } from '@ree/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../src/db/client.ts';
import { scoreIn } from '../src/queries/score.ts';
import { callerFor, createTestUser, openTestDatabase } from './support.ts';

let database: Database;
let caller: ReturnType<typeof callerFor>;
beforeAll(async () => {
  database = await openTestDatabase();
  caller = callerFor(database, await createTestUser(database, 'user'));
});
afterAll(() => database?.close());

describe('the EU-27 as a consumer', () => {
  it('scores its extra-EU imports, and says intra-EU trade is not counted', async () => {
    const eu = await caller.score.explain({ consumer: 'EUU', material: 'REE', stage: 'separation' });
    expect(eu.result.status).toBe('ok');
    expect(eu.imports).toMatchObject({ material: 'REE', level: 'own', year: 2024, total: 12_900 });
    expect(eu.provenance.supplierConcentration.notes).toEqual([EU27_IMPORTS_NOTE]);
    // The EU's own recycling rate is the region's, not a proxy for it.
    expect(eu.provenance.recyclingAndDomestic.notes.join(' ')).not.toMatch(/used for EUU/);
  });

  it('a draft with an intra-EU row scores the same: the member state is left out, and the note names it', async () => {
    const admin = callerFor(database, await createTestUser(database, 'admin'));
    const draft = await admin.datasets.createDraft({ label: `EU ${Date.now()}`, from: 'current' });
    const params = { consumer: 'EUU', material: 'REE', stage: 'separation', year: 2024 } as const;
    const before = await scoreIn(database.db, { ...draft, publishedOn: null, published: false }, params);
    await database.db.tradeFlow.create({
      data: {
        versionId: draft.id,
        importer: 'EUU',
        exporter: 'DEU',
        material: 'REE',
        stage: 'separation',
        year: 2024,
        quantity: 50_000,
        unit: 't',
        basis: 'gross',
        sourceId: 'eurostat-2025-04-09',
        status: 'verified',
      },
    });
    const after = await scoreIn(database.db, { ...draft, publishedOn: null, published: false }, params);
    expect(Object.keys(after.input.imports).sort()).toEqual(['CHN', 'MYS', 'RUS']);
    expect(after.result.score).toBe(before.result.score);
    expect(after.provenance.supplierConcentration.notes).toContain(
      'intra-EU rows left out of the 2024 imports: DEU',
    );
  });

  it('the scenario baseline and the trend read the same extra-EU imports', async () => {
    const baseline = await caller.scenarios.baseline({
      consumer: 'EUU',
      material: 'REE',
      stage: 'separation',
    });
    expect(baseline.input.baseline.suppliers.some((s) => isEuMember(s.id))).toBe(false);
    expect(Object.keys(baseline.input.scoreInput?.imports ?? {}).sort()).toEqual(['CHN', 'MYS', 'RUS']);
    const trend = await caller.score.trend({ consumer: 'EUU', material: 'REE', stage: 'separation' });
    expect(trend.points.map((p) => p.year)).toEqual([2022, 2023, 2024]);
    expect(trend.points.every((p) => p.score !== null)).toBe(true);
  });
});
