// Saved scenarios outlive the code that saved them: an older input is migrated to today's schema, a result that
// no longer fits is dropped (to be run again), and a version from newer code is refused by name.
import { describe, expect, it } from 'vitest';
import {
  readStoredScenario,
  runScenario,
  SCENARIO_LIMITS,
  SCENARIO_SCHEMA_VERSION,
  SHOCK_PRESETS,
  StoredScenarioError,
} from '../src/index.ts';

const input = {
  consumer: 'JPN',
  material: 'Dy' as const,
  stage: 'separation' as const,
  baseline: {
    demandPerYear: 1000,
    stockpileDays: 30,
    suppliers: [
      { id: 'CHN', supplyPerYear: 900, spareCapacityPerYear: 0 },
      { id: 'MYS', supplyPerYear: 100, spareCapacityPerYear: 50 },
    ],
  },
  shocks: [SHOCK_PRESETS.licensing2025()],
  monteCarlo: { samples: 500, seed: 3 },
};
const asStored = (value: unknown) => JSON.parse(JSON.stringify(value));

describe('readStoredScenario', () => {
  it('reads a current scenario back as it was saved, result included', () => {
    const result = runScenario(input);
    const read = readStoredScenario({
      schemaVersion: SCENARIO_SCHEMA_VERSION,
      input: asStored(input),
      result: asStored(result),
    });
    expect(read.input.monteCarlo).toEqual({ samples: 500, seed: 3 });
    expect(read.result).toEqual(asStored(result));
  });

  it("migrates a version-1 scenario whose Monte Carlo is over today's cap, and asks for a new run", () => {
    const old = { ...input, monteCarlo: { samples: 150_000, seed: 3 } };
    const read = readStoredScenario({ schemaVersion: 1, input: asStored(old), result: { any: 'old shape' } });
    expect(read.input.monteCarlo).toEqual({ samples: SCENARIO_LIMITS.maxSamples, seed: 3 });
    expect(read.input.shocks).toEqual(input.shocks);
    expect(read.result).toBeNull();
  });

  it("drops a stored result that does not fit today's result schema", () => {
    const read = readStoredScenario({
      schemaVersion: SCENARIO_SCHEMA_VERSION,
      input: asStored(input),
      result: { deterministic: { series: 'not a series' } },
    });
    expect(read.result).toBeNull();
  });

  it("refuses a version this code does not know, and an input today's schema cannot read", () => {
    expect(() =>
      readStoredScenario({
        schemaVersion: SCENARIO_SCHEMA_VERSION + 1,
        input: asStored(input),
        result: null,
      }),
    ).toThrow(StoredScenarioError);
    expect(() => readStoredScenario({ schemaVersion: 0, input: asStored(input), result: null })).toThrow(
      /schema version 0/,
    );
    expect(() =>
      readStoredScenario({
        schemaVersion: SCENARIO_SCHEMA_VERSION,
        input: { ...asStored(input), material: 'Kryptonite' },
        result: null,
      }),
    ).toThrow(/does not fit today's schema/);
  });
});
