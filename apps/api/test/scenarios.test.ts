// Saved scenarios: the server's run equals the domain's to the last digit; owners edit, others only read shared
// ones; every procedure on another user's scenario is NOT_FOUND.
import { runScenario, SHOCK_PRESETS } from '@ree/domain';
import type { TRPCError } from '@trpc/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readReferenceDataset } from '../src/data/reference-dataset.ts';
import type { Database } from '../src/db/client.ts';
import { seedReferenceDataset } from '../src/db/seed.ts';
import { forPeople } from '../src/queries/scenario-baseline.ts';
import { callerFor, createTestUser, openTestDatabase, outcomeOf } from './support.ts';

let database: Database;
let alice: ReturnType<typeof callerFor>;
let bob: ReturnType<typeof callerFor>;
beforeAll(async () => {
  database = await openTestDatabase();
  alice = callerFor(database, await createTestUser(database, 'user'));
  bob = callerFor(database, await createTestUser(database, 'user'));
});
afterAll(() => database?.close());

describe('scenarios', () => {
  it("a baseline for Japan's NdPr comes from the dataset: named suppliers, unallocated supply, partners, governance", async () => {
    const b = await alice.scenarios.baseline({ consumer: 'JPN', material: 'NdPr', stage: 'separation' });
    expect(b.year).toBe(2025);
    expect(b.unit).toBe('index');
    // Sojitz (Lynas, shipped from Malaysia) has more than 70 % of Japan's Nd market; the rest is not itemised.
    expect(b.input.baseline.suppliers.map((s) => [s.id, s.partner])).toEqual([
      ['MYS', true],
      ['unallocated', false],
    ]);
    expect(b.input.baseline.suppliers[0]?.supplyPerYear).toBeCloseTo(70, 9);
    expect(b.input.baseline.stockpileDays).toBe(0); // holdings undisclosed: none assumed
    expect(b.input.wgi).toEqual({ MYS: 4.14, unallocated: 0 });
    expect(b.assumptions.join(' ')).toMatch(/index/);
    expect(b.assumptions.join(' ')).toMatch(/30\.0 % of imports is not allocated to a country/);
    expect(b.assumptions.join(' ')).toMatch(/Stockpile holdings are not known/);
  });

  it('baseline quantities are rounded for people: no float noise in the fields', () => {
    expect(forPeople(0.1 + 0.2)).toBe(0.3);
    expect(forPeople(0.07 * 3 * 100)).toBe(21);
    expect(forPeople(270_000)).toBe(270_000);
  });

  it("the default baseline is Japan's dysprosium, almost all Chinese", async () => {
    const b = await alice.scenarios.baseline({});
    expect(b.input.material).toBe('Dy');
    expect(b.input.baseline.suppliers[0]).toMatchObject({ id: 'CHN', supplyPerYear: 99 });
  });

  it('saves, runs on the server with the same result as the domain, lists, duplicates, renames and deletes', async () => {
    const { input } = await alice.scenarios.baseline({});
    const withShock = {
      ...input,
      shocks: [SHOCK_PRESETS.embargo2010()],
      monteCarlo: { samples: 1000, seed: 3 },
    };
    const { id } = await alice.scenarios.create({
      name: '2010 embargo',
      notes: 'two months',
      input: withShock,
    });
    const saved = await alice.scenarios.get({ id });
    expect(saved.readOnly).toBe(false);
    expect(saved.newerDatasetVersion).toBeNull();
    // Same input and seed → the same numbers, to the last digit (exact equality of every number; JSONB only
    // reorders keys).
    expect(saved.result).toEqual(JSON.parse(JSON.stringify(runScenario(withShock))));

    const copy = await alice.scenarios.duplicate({ id });
    await alice.scenarios.rename({ id: copy.id, name: 'Embargo, partners first' });
    expect((await alice.scenarios.list()).map((s) => s.name)).toEqual(
      expect.arrayContaining(['2010 embargo', 'Embargo, partners first']),
    );
    await alice.scenarios.delete({ id: copy.id });
    expect(await outcomeOf(alice.scenarios.get({ id: copy.id }))).toBe('NOT_FOUND');
  });

  it("another user's scenario is NOT_FOUND for every procedure until shared, then readable but not editable", async () => {
    const { input } = await alice.scenarios.baseline({});
    const { id } = await alice.scenarios.create({
      name: 'private',
      input: { ...input, monteCarlo: { samples: 200, seed: 1 } },
    });
    const attempts = () => [
      bob.scenarios.get({ id }),
      bob.scenarios.rename({ id, name: 'x' }),
      bob.scenarios.update({ id, input }),
      bob.scenarios.duplicate({ id }),
      bob.scenarios.delete({ id }),
      bob.scenarios.share({ id, shared: false }),
    ];
    expect(await Promise.all(attempts().map(outcomeOf))).toEqual(Array(6).fill('NOT_FOUND'));
    expect((await bob.scenarios.list()).map((s) => s.id)).not.toContain(id);

    await alice.scenarios.share({ id, shared: true });
    const seen = await bob.scenarios.get({ id });
    expect(seen.readOnly).toBe(true);
    expect((await Promise.all(attempts().map(outcomeOf))).slice(1)).toEqual(Array(5).fill('NOT_FOUND'));
    expect((await alice.scenarios.get({ id })).name).toBe('private');
  });

  it('says when a newer dataset version has been published since the scenario was saved', async () => {
    const { input } = await alice.scenarios.baseline({});
    const { id } = await alice.scenarios.create({
      name: 'before the update',
      input: { ...input, monteCarlo: { samples: 100, seed: 1 } },
    });
    expect((await alice.scenarios.get({ id })).newerDatasetVersion).toBeNull();
    // Publish the same data under a new label: it becomes the current version.
    const dataset = await readReferenceDataset();
    const label = `Reference 2099.${Date.now() % 100_000}`;
    await seedReferenceDataset(database.db, {
      ...dataset,
      label,
      contentHash: `${dataset.contentHash}-${label}`,
    });
    expect((await alice.scenarios.get({ id })).newerDatasetVersion?.label).toBe(label);
    // Re-running (update) moves it onto the current version.
    await alice.scenarios.update({ id, input: { ...input, monteCarlo: { samples: 100, seed: 1 } } });
    const after = await alice.scenarios.get({ id });
    expect(after.newerDatasetVersion).toBeNull();
    expect(after.datasetVersion.label).toBe(label);
  });

  it('a baseline and its saved scenario cite the version, base year and sources they were read from', async () => {
    const b = await alice.scenarios.baseline({});
    expect(b.year).toBe(2025);
    expect(b.sources.length).toBeGreaterThan(0);
    expect(b.sources.every((s) => s.citation.length > 0)).toBe(true);
    const { id } = await alice.scenarios.create({
      name: 'cited',
      input: { ...b.input, monteCarlo: { samples: 100, seed: 1 } },
    });
    const saved = await alice.scenarios.get({ id });
    expect(saved.year).toBe(b.year);
    expect(saved.sources.map((s) => s.id)).toEqual(b.sources.map((s) => s.id));
  });

  it('a scenario built "as of" an older version is saved, updated and copied on that version', async () => {
    const older = (await alice.scenarios.baseline({})).datasetVersion;
    const dataset = await readReferenceDataset();
    const label = `Reference 2098.${Date.now() % 100_000}`;
    await seedReferenceDataset(database.db, {
      ...dataset,
      label,
      contentHash: `${dataset.contentHash}-${label}`,
    });
    expect((await alice.scenarios.baseline({})).datasetVersion.label).toBe(label);

    const b = await alice.scenarios.baseline({ asOf: older.id });
    expect(b.datasetVersion.id).toBe(older.id);
    const input = { ...b.input, monteCarlo: { samples: 100, seed: 1 } };
    const { id } = await alice.scenarios.create({ name: 'as of the older version', input, asOf: older.id });
    const saved = await alice.scenarios.get({ id });
    expect(saved.datasetVersion.id).toBe(older.id);
    expect(saved.newerDatasetVersion?.label).toBe(label);
    expect(saved.sources.map((s) => s.id)).toEqual(b.sources.map((s) => s.id));

    await alice.scenarios.update({ id, input, asOf: older.id });
    expect((await alice.scenarios.get({ id })).datasetVersion.id).toBe(older.id);
    const copy = await alice.scenarios.duplicate({ id });
    expect((await alice.scenarios.get({ id: copy.id })).datasetVersion.id).toBe(older.id);
    // A version id that names no published version is refused, not silently replaced by the current one.
    expect(
      await outcomeOf(
        alice.scenarios.create({ name: 'x', input, asOf: '00000000-0000-4000-8000-000000000000' }),
      ),
    ).toBe('NOT_FOUND');
  });

  it('refuses impossible inputs on the server too, naming the field', async () => {
    const { input } = await alice.scenarios.baseline({});
    const error = await alice.scenarios
      .create({
        name: 'bad',
        input: {
          ...input,
          shocks: [{ kind: 'exportCut', supplier: 'CHN', fraction: 1.2, startMonth: 0, months: 1 }],
        },
      })
      .catch((e: unknown) => e);
    expect((error as TRPCError).code).toBe('BAD_REQUEST');
    const paths = ((error as TRPCError).cause as unknown as { issues: { path: PropertyKey[] }[] }).issues.map(
      (i) => i.path.join('.'),
    );
    expect(paths).toContain('input.shocks.0.fraction');
    expect(await outcomeOf(alice.scenarios.create({ name: '', input }))).toBe('BAD_REQUEST');
    const outage = (facility: string) => ({
      ...input,
      shocks: [
        {
          kind: 'facilityOutage' as const,
          facility,
          supplier: 'CHN',
          lostPerYear: 5,
          startMonth: 0,
          months: 2,
        },
      ],
    });
    await expect(
      alice.scenarios.create({ name: 'ghost plant', input: outage('no-such-plant') }),
    ).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: expect.stringContaining('Unknown facility: no-such-plant'),
    });
    expect(
      await outcomeOf(alice.scenarios.create({ name: 'real plant', input: outage('lynas-malaysia') })),
    ).toBe('OK');
  });
});
