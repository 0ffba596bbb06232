import { describe, expect, it } from 'vitest';
import { runScenario, type ScenarioInput } from '../src/index.ts';

const base: ScenarioInput = {
  consumer: 'JPN',
  material: 'Dy',
  stage: 'separation',
  baseline: {
    suppliers: [
      { id: 'CHN', supplyPerYear: 90, spareCapacityPerYear: 9 },
      { id: 'MYS', supplyPerYear: 10, spareCapacityPerYear: 1, partner: true },
    ],
    demandPerYear: 100,
    stockpileDays: 0,
    months: 24,
  },
  wgi: { CHN: 5.67, MYS: 4.14 },
  monteCarlo: { samples: 4000, seed: 11 },
};
const cut = (months: number) => ({
  ...base,
  shocks: [{ kind: 'exportCut' as const, supplier: 'CHN', fraction: 1, startMonth: 0, months }],
});

describe('Monte Carlo around the scenario (defect 8)', () => {
  it('samples around the shocks: baseline, a 6-month and a 12-month Chinese cut give different P50, P95 and ES', () => {
    const [none, six, twelve] = [base, cut(6), cut(12)].map((s) => runScenario(s).risk);
    if (!none || !six || !twelve) throw new Error('no result');
    expect(none.p50).toBe(0); // background disruptions alone rarely cause a shortfall in the median year
    expect(six.p50).toBeGreaterThan(none.p50);
    expect(twelve.p50).toBeGreaterThan(six.p50);
    expect(twelve.p95).toBeGreaterThan(six.p95);
    expect(twelve.expectedShortfall).toBeGreaterThan(six.expectedShortfall);
    // The deterministic shortfall of the 12-month cut lies inside the sampled range.
    const deterministic = runScenario(cut(12)).deterministic.totals.shortfall;
    expect(twelve.p95).toBeGreaterThan(deterministic);
    expect(twelve.p50).toBeLessThan(deterministic * 1.5);
    expect(twelve.drivers[0]?.supplier).toBe('CHN');
  });

  it('says what it samples', () => {
    const { sampling } = runScenario(cut(12)).risk;
    expect(sampling).toEqual({
      shocks: 1,
      depth: [0.5, 1.5],
      duration: [0.5, 1.5],
      background: { minCut: 0.25, maxMonths: 6 },
    });
  });
});
