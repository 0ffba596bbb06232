// Issue 14, saved scenarios outlive schema changes: one saved before versions were stored (schema version 1, with
// more Monte Carlo samples than today's cap) is read in today's schema, run again once, and kept migrated — its
// "updated" time unchanged; `get` answers with the domain's typed input and result.
import { runScenario, SCENARIO_LIMITS, SCENARIO_SCHEMA_VERSION, SHOCK_PRESETS } from '@ree/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../src/db/client.ts';
import { resolveVersion } from '../src/queries/versions.ts';
import { callerFor, createTestUser, openTestDatabase } from './support.ts';

let database: Database;
let aliceId: string;
let alice: ReturnType<typeof callerFor>;
beforeAll(async () => {
  database = await openTestDatabase();
  const user = await createTestUser(database, 'user');
  aliceId = user.id;
  alice = callerFor(database, user);
});
afterAll(() => database?.close());

describe('stored scenarios across schema versions', () => {
  it('migrates a version-1 scenario on read, runs it again once, and keeps its updated time', async () => {
    const { input } = await alice.scenarios.baseline({});
    const old = {
      ...input,
      shocks: [SHOCK_PRESETS.embargo2010()],
      monteCarlo: { samples: 150_000, seed: 9 },
    };
    const updatedAt = new Date('2026-06-01T12:00:00Z');
    const version = await resolveVersion(database.db);
    const { id } = await database.db.scenario.create({
      data: {
        ownerId: aliceId,
        name: 'Saved before versions',
        input: JSON.parse(JSON.stringify(old)),
        schemaVersion: 1,
        result: { from: 'an older result shape' },
        datasetVersionId: version.id,
        updatedAt,
      },
      select: { id: true },
    });

    const read = await alice.scenarios.get({ id });
    expect(read.input.monteCarlo).toEqual({ samples: SCENARIO_LIMITS.maxSamples, seed: 9 });
    const expected = runScenario(read.input);
    expect(read.result.deterministic).toEqual(JSON.parse(JSON.stringify(expected.deterministic)));
    expect(read.result.risk.samples).toBe(SCENARIO_LIMITS.maxSamples);

    const row = await database.db.scenario.findUniqueOrThrow({ where: { id } });
    expect(row.schemaVersion).toBe(SCENARIO_SCHEMA_VERSION);
    expect(row.updatedAt.toISOString()).toBe(updatedAt.toISOString());
    expect((row.input as { monteCarlo: { samples: number } }).monteCarlo.samples).toBe(
      SCENARIO_LIMITS.maxSamples,
    );
    // Read again: the kept result is served as it is.
    expect(await alice.scenarios.get({ id })).toEqual(read);
  });

  it("writes new scenarios in today's schema version", async () => {
    const { input } = await alice.scenarios.baseline({});
    const { id } = await alice.scenarios.create({
      name: 'New',
      input: { ...input, monteCarlo: { samples: 500, seed: 1 } },
    });
    const row = await database.db.scenario.findUniqueOrThrow({ where: { id } });
    expect(row.schemaVersion).toBe(SCENARIO_SCHEMA_VERSION);
  });
});
