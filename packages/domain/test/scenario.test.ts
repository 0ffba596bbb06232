import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runScenario, ScenarioInput, SHOCK_PRESETS } from '../src/index.ts';

const base = {
  consumer: 'JPN',
  material: 'NdPr' as const,
  stage: 'separation' as const,
  baseline: {
    demandPerYear: 1200,
    stockpileDays: 60,
    suppliers: [
      { id: 'CHN', supplyPerYear: 780, spareCapacityPerYear: 200 },
      { id: 'MYS', supplyPerYear: 420, spareCapacityPerYear: 120, partner: true },
    ],
  },
  wgi: { CHN: 5.67, MYS: 4.14 },
  monteCarlo: { samples: 2000, seed: 11 },
};

describe('runScenario', () => {
  it('runs the 2010 embargo preset: hand-computed gap, cover and shortfall', () => {
    // Monthly demand 100; without China: Malaysia 35 + its spare 10 = 45, so a gap of 55 t a month for 2 months.
    const covered = runScenario({ ...base, shocks: [SHOCK_PRESETS.embargo2010()] });
    expect(covered.deterministic.series[0]?.fromStockpile).toBeCloseTo(55, 9);
    expect(covered.deterministic.totals.shortfall).toBe(0); // 60 days = 197.3 t covers 110 t
    expect(covered.deterministic.monthsOfCover).toBeCloseTo((60 * 1200) / 365 / 55, 9);
    const bare = runScenario({
      ...base,
      baseline: { ...base.baseline, stockpileDays: 0 },
      shocks: [SHOCK_PRESETS.embargo2010()],
    });
    expect(bare.deterministic.totals.shortfall).toBeCloseTo(110, 9);
    expect(covered.risk.samples).toBe(2000);
  });

  it('is deterministic: the same input gives the same numbers, to the last digit', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2 ** 32 - 1 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (seed, fraction) => {
          const input = {
            ...base,
            monteCarlo: { samples: 200, seed },
            shocks: [{ kind: 'exportCut' as const, supplier: 'CHN', fraction, startMonth: 1, months: 3 }],
          };
          expect(JSON.stringify(runScenario(input))).toBe(
            JSON.stringify(runScenario(structuredClone(input))),
          );
        },
      ),
      { numRuns: 100 },
    );
  });

  it('refuses impossible input next to the field', () => {
    const bad = ScenarioInput.safeParse({
      ...base,
      shocks: [{ kind: 'exportCut', supplier: 'CHN', fraction: 1.5, startMonth: 0, months: 1 }],
    });
    expect(bad.error?.issues[0]?.path).toEqual(['shocks', 0, 'fraction']);
    const unknown = ScenarioInput.safeParse({
      ...base,
      shocks: [
        { kind: 'facilityOutage', facility: 'x', supplier: 'USA', lostPerYear: 1, startMonth: 0, months: 1 },
      ],
    });
    expect(unknown.error?.issues[0]?.path).toEqual(['shocks', 0, 'supplier']);
    const negative = ScenarioInput.safeParse({
      ...base,
      shocks: [{ kind: 'demandSurge', fraction: 0.1, startMonth: 0, months: -2 }],
    });
    expect(negative.error?.issues[0]?.path).toEqual(['shocks', 0, 'months']);
  });
});
