// Scenario inputs are bounded (ASVS 15.2.2, 2.4.1): anything over a limit is refused before any simulation runs,
// with a message that names the limit, on every procedure that runs one (create and update; duplicate re-runs a
// saved input, which passed the same schema).
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { SCENARIO_LIMITS, ScenarioInput } from '@ree/domain';
import { TRPCError } from '@trpc/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../src/db/client.ts';
import { MIGRATIONS_DIR } from '../src/db/migrator.ts';
import { largestSuppliers } from '../src/queries/scenario-baseline.ts';
import { MAX_SCENARIOS_PER_USER } from '../src/queries/scenario-quota.ts';
import { worstCaseScenario } from './fixtures/worst-case-scenario.ts';
import { callerFor, createTestUser, openTestDatabase } from './support.ts';

let database: Database;
let alice: ReturnType<typeof callerFor>;
let aliceId: string;
beforeAll(async () => {
  database = await openTestDatabase();
  const user = await createTestUser(database, 'user');
  aliceId = user.id;
  alice = callerFor(database, user);
});
afterAll(() => database?.close());

/** A quick scenario of the worst case's shape (few samples), to change one thing at a time. */
const small = (): ScenarioInput => worstCaseScenario({ samples: 100, seed: 1 });
const L = SCENARIO_LIMITS;
const ids = (n: number) => Array.from({ length: n }, (_, i) => `X${i}`);
/** Three-letter codes AAA, AAB, …: what `imports` takes as a country. */
const codes = (n: number) =>
  Array.from({ length: n }, (_, i) =>
    [676, 26, 1].map((d) => String.fromCharCode(65 + (Math.floor(i / d) % 26))).join(''),
  );

/** A small scenario carrying a score input, with `patch` applied to it. */
function withScore(patch: Record<string, unknown>): ScenarioInput {
  const scoreInput = {
    consumer: 'JPN',
    material: 'Dy' as const,
    stage: 'separation' as const,
    year: 2024,
    imports: { CHN: 0.9, AUS: 0.1 },
    wgi: { CHN: 6, AUS: 1 },
    ...patch,
  };
  return { ...small(), scoreInput } as ScenarioInput;
}

/** A score input at every limit: as many countries as allowed, each id as long as allowed. */
function largestScoreInput(): ScenarioInput {
  const long = (i: number) => `${i}`.padEnd(L.idLength, 'x');
  const countries = Array.from({ length: L.countryEntries }, (_, i) => long(i));
  return withScore({
    imports: Object.fromEntries(codes(L.countryEntries).map((c) => [c, 1])),
    wgi: Object.fromEntries(countries.map((c) => [c, 5])),
    partners: countries,
    exportRestricting: countries,
  });
}

const overLimit: [string, () => ScenarioInput, RegExp][] = [
  [
    `${L.suppliers + 1} suppliers`,
    () => {
      const s = small();
      const suppliers = ids(L.suppliers + 1).map((id) => ({ id, supplyPerYear: 1 }));
      return { ...s, shocks: [], baseline: { ...s.baseline, suppliers } };
    },
    /at most 60 suppliers/,
  ],
  [
    `${L.maxSamples + 1} samples`,
    () => ({ ...small(), monteCarlo: { samples: L.maxSamples + 1, seed: 1 } }),
    /at most 20,000 samples/,
  ],
  [
    `${L.months + 1} months`,
    () => {
      const s = small();
      return { ...s, shocks: [], baseline: { ...s.baseline, months: L.months + 1 } };
    },
    /at most 120 months/,
  ],
  [
    `${L.shocks + 1} shocks`,
    () => {
      const s = small();
      const shock = { kind: 'demandSurge' as const, fraction: 0.1, startMonth: 0, months: 1 };
      return { ...s, shocks: Array(L.shocks + 1).fill(shock) };
    },
    /at most 50 shocks/,
  ],
  [
    `governance for ${L.governanceEntries + 1} countries`,
    () => ({ ...small(), wgi: Object.fromEntries(ids(L.governanceEntries + 1).map((id) => [id, 5])) }),
    /at most 250 countries/,
  ],
  [
    `a score input with governance for ${L.countryEntries + 1} countries`,
    () => withScore({ wgi: Object.fromEntries(ids(L.countryEntries + 1).map((id) => [id, 5])) }),
    /governance is given for at most 250 countries/,
  ],
  [
    `a score input with imports from ${L.countryEntries + 1} countries`,
    () => withScore({ imports: Object.fromEntries(codes(L.countryEntries + 1).map((c) => [c, 1])) }),
    /imports is given for at most 250 countries/,
  ],
  [
    `a score input with ${L.countryEntries + 1} partners`,
    () => withScore({ partners: ids(L.countryEntries + 1) }),
    /partners: at most 250 countries/,
  ],
  [
    `a score input with ${L.countryEntries + 1} export-restricting countries`,
    () => withScore({ exportRestricting: ids(L.countryEntries + 1) }),
    /export controls: at most 250 countries/,
  ],
  [
    `a score input naming a country of ${L.idLength + 1} characters`,
    () => withScore({ partners: ['x'.repeat(L.idLength + 1)] }),
    /a country id has at most 64 characters/,
  ],
  [
    `a supplier id of ${L.idLength + 1} characters`,
    () => {
      const s = small();
      const suppliers = [{ id: 'x'.repeat(L.idLength + 1), supplyPerYear: 1 }];
      return { ...s, shocks: [], baseline: { ...s.baseline, suppliers } };
    },
    /at most 64 characters/,
  ],
];

async function refusal(
  promise: Promise<unknown>,
): Promise<{ code: string; message: string; messages: string }> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof TRPCError)) throw new Error(`expected a refusal, got ${String(error)}`);
  const issues = (error.cause as { issues?: { message: string }[] } | undefined)?.issues ?? [];
  return {
    code: error.code,
    message: error.message,
    messages: [error.message, ...issues.map((i) => i.message)].join('\n'),
  };
}

describe('scenario limits', () => {
  it.each(overLimit)(
    'refuses %s with BAD_REQUEST naming the limit, on create and update',
    async (_, make, limit) => {
      const created = await refusal(alice.scenarios.create({ name: 'too big', input: make() }));
      expect(created.code).toBe('BAD_REQUEST');
      expect(created.messages).toMatch(limit);
      const { id } = await alice.scenarios.create({ name: 'fits', input: small() });
      const updated = await refusal(alice.scenarios.update({ id, input: make() }));
      expect(updated.code).toBe('BAD_REQUEST');
      expect(updated.messages).toMatch(limit);
    },
  );

  it('accepts the largest scenario the limits allow', async () => {
    const { id } = await alice.scenarios.create({ name: 'at every limit', input: worstCaseScenario() });
    const saved = await alice.scenarios.get({ id });
    expect((saved.result as { risk: { samples: number } }).risk.samples).toBe(L.maxSamples);
  });

  it('a scenario whose score input is at every limit is stored in well under 256 KB', async () => {
    const { id } = await alice.scenarios.create({ name: 'largest score input', input: largestScoreInput() });
    const [row] = await database.db.$queryRawUnsafe<{ bytes: number }[]>(
      'SELECT (octet_length(input::text) + octet_length(result::text))::int AS bytes FROM scenario WHERE id = $1',
      id,
    );
    expect(row?.bytes).toBeLessThan(256 * 1024);
  });

  it(`keeps at most ${MAX_SCENARIOS_PER_USER} saved scenarios per user: create and duplicate refuse past it`, async () => {
    const user = await createTestUser(database, 'user');
    const bob = callerFor(database, user);
    const { id } = await bob.scenarios.create({ name: 'first', input: small() });
    const first = await database.db.scenario.findUniqueOrThrow({ where: { id } });
    const { id: _, createdAt: __, updatedAt: ___, ...copy } = first;
    await database.db.scenario.createMany({
      data: Array.from({ length: MAX_SCENARIOS_PER_USER - 2 }, (_, i) => ({
        ...copy,
        input: copy.input ?? {},
        result: copy.result ?? {},
        name: `filler ${i}`,
      })),
    });
    const { id: last } = await bob.scenarios.duplicate({ id }); // the 200th fits
    const full = `You have ${MAX_SCENARIOS_PER_USER} saved scenarios, the most one account may keep: delete some first.`;
    for (const attempt of [
      bob.scenarios.create({ name: 'one too many', input: small() }),
      bob.scenarios.duplicate({ id: last }),
    ]) {
      const refused = await refusal(attempt);
      expect(refused.code).toBe('CONFLICT');
      expect(refused.message).toBe(full);
    }
    expect(await database.db.scenario.count({ where: { ownerId: user.id } })).toBe(MAX_SCENARIOS_PER_USER);
    await bob.scenarios.delete({ id: last });
    await bob.scenarios.create({ name: 'room again', input: small() });
    // Others are not limited by bob's scenarios.
    await alice.scenarios.create({ name: 'alice has room', input: small() });
  });

  it('a baseline from data with more suppliers than the limit keeps the largest and folds the rest', () => {
    const imports = Object.fromEntries(ids(100).map((id, i) => [id, (i + 1) / 5050]));
    const { named, folded } = largestSuppliers(imports);
    expect(named).toHaveLength(L.suppliers - 1); // one place is left for "unallocated"
    expect(named[0]).toEqual(['X99', 100 / 5050]);
    expect(folded.count).toBe(100 - (L.suppliers - 1));
    expect(folded.share + named.reduce((sum, [, share]) => sum + share, 0)).toBeCloseTo(1, 12);
    expect(largestSuppliers({ CHN: 0.9, AUS: 0.1 })).toEqual({
      named: [
        ['CHN', 0.9],
        ['AUS', 0.1],
      ],
      folded: { count: 0, share: 0 },
    });
  });

  it('every baseline the server offers fits the limits (its output is checked against the same schema)', async () => {
    for (const material of ['Dy', 'NdPr', 'Tb'] as const) {
      const b = await alice.scenarios.baseline({ consumer: 'JPN', material, stage: 'separation' });
      expect(b.input.baseline.suppliers.length).toBeLessThanOrEqual(L.suppliers);
    }
  });

  it('the migration brings scenarios saved with more samples (the editor allowed 200,000) within the limit', async () => {
    const { id } = await alice.scenarios.create({ name: 'old', input: small() });
    const old = { ...small(), monteCarlo: { samples: 200_000, seed: 4 } };
    await database.db.scenario.update({ where: { id, ownerId: aliceId }, data: { input: old } });
    const sql = await readFile(
      path.join(MIGRATIONS_DIR, '20261202030000_scenario_sample_limit', 'migration.sql'),
      'utf8',
    );
    await database.db.$executeRawUnsafe(sql);
    const saved = await database.db.scenario.findUniqueOrThrow({ where: { id } });
    expect(ScenarioInput.parse(saved.input).monteCarlo).toEqual({ samples: L.maxSamples, seed: 4 });
  });
});
