import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DisruptionInput,
  type DisruptionInput as DisruptionInputType,
  disruptionProbability,
  simulateDisruption,
  simulateRisk,
} from '../src/index.ts';

const embargo2010: DisruptionInputType = {
  demandPerYear: 1200,
  stockpileDays: 0,
  suppliers: [
    { id: 'CHN', supplyPerYear: 1000, spareCapacityPerYear: 500 },
    { id: 'AUS', supplyPerYear: 200, spareCapacityPerYear: 120, partner: true },
  ],
  shocks: [{ kind: 'exportCut', supplier: 'CHN', fraction: 1, startMonth: 0, months: 2 }],
};

describe('simulateDisruption', () => {
  it('matches a hand-computed embargo: 2 months without China, Australia adds its spare', () => {
    // Monthly: demand 100, China 83.33 (cut to 0), Australia 16.67 + spare 10 → supplied 26.67, shortfall 73.33.
    const r = simulateDisruption(embargo2010);
    expect(r.series[0]?.supplied).toBeCloseTo(1200 / 12 / 6 + 10, 9);
    expect(r.series[0]?.shortfall).toBeCloseTo(100 - 26.666666666, 6);
    expect(r.series[2]?.shortfall).toBe(0);
    expect(r.totals.shortfall).toBeCloseTo(2 * (100 - 26.666666666), 6);
    expect(r.firstShortfallMonth).toBe(0);
    expect(r.monthsOfCover).toBe(0);
  });

  it('draws the stockpile down before any shortfall and reports months of cover', () => {
    const r = simulateDisruption({ ...embargo2010, stockpileDays: 73 }); // 73 days = 240 t = 0.2 years
    expect(r.series[0]?.fromStockpile).toBeCloseTo(73.3333333, 5);
    expect(r.series[0]?.shortfall).toBe(0);
    expect(r.monthsOfCover).toBeCloseTo(240 / 73.33333333, 6);
    // Two months of a 73.33 t gap leave 240 − 146.67 = 93.33 t.
    expect(r.series[1]?.stockpileLeft).toBeCloseTo(240 - 2 * 73.3333333333, 6);
  });

  it('serves partners first when asked', () => {
    const input: DisruptionInputType = {
      demandPerYear: 120,
      suppliers: [
        { id: 'CHN', supplyPerYear: 60 },
        { id: 'AUS', supplyPerYear: 30, spareCapacityPerYear: 60, partner: true },
        { id: 'USA', supplyPerYear: 30, spareCapacityPerYear: 60 },
      ],
      shocks: [{ kind: 'exportCut', supplier: 'CHN', fraction: 1, startMonth: 0, months: 12 }],
    };
    const proportional = simulateDisruption(input);
    const partnersFirst = simulateDisruption({ ...input, partnersFirst: true });
    expect(proportional.bySupplier.AUS).toBeCloseTo(60, 9);
    expect(partnersFirst.bySupplier.AUS).toBeCloseTo(90, 9);
    expect(partnersFirst.bySupplier.USA).toBeCloseTo(30, 9);
  });

  it('handles facility outages and demand surges', () => {
    const r = simulateDisruption({
      demandPerYear: 120,
      suppliers: [{ id: 'AUS', supplyPerYear: 120 }],
      shocks: [
        {
          kind: 'facilityOutage',
          facility: 'mount-weld',
          supplier: 'AUS',
          lostPerYear: 60,
          startMonth: 0,
          months: 1,
        },
        { kind: 'demandSurge', fraction: 0.5, startMonth: 1, months: 1 },
      ],
    });
    expect(r.series[0]?.shortfall).toBeCloseTo(5, 9);
    expect(r.series[1]?.demand).toBeCloseTo(15, 9);
    expect(r.series[1]?.shortfall).toBeCloseTo(5, 9);
  });

  it('refuses impossible input with the field named', () => {
    expect(() =>
      simulateDisruption({
        ...embargo2010,
        shocks: [{ kind: 'exportCut', supplier: 'CHN', fraction: 1.2, startMonth: 0, months: 1 }],
      }),
    ).toThrow(/at most 100 %/);
    expect(() =>
      simulateDisruption({
        ...embargo2010,
        shocks: [{ kind: 'exportCut', supplier: 'CHN', fraction: 1, startMonth: 0, months: -1 }],
      }),
    ).toThrow(/at least one month/);
    const unknown = DisruptionInput.safeParse({
      ...embargo2010,
      shocks: [{ kind: 'exportCut', supplier: 'RUS', fraction: 1, startMonth: 0, months: 1 }],
    });
    expect(unknown.error?.issues[0]).toMatchObject({
      path: ['shocks', 0, 'supplier'],
      message: expect.stringContaining('"RUS", which is not in the baseline'),
    });
  });

  it('gives the score before and after', () => {
    const r = simulateDisruption({
      ...embargo2010,
      stockpileDays: 60,
      scoreInput: {
        consumer: 'JPN',
        material: 'NdPr',
        stage: 'separation',
        year: 2024,
        imports: { CHN: 1000, AUS: 200 },
        wgi: { CHN: 5.67, AUS: 2.02 },
        exportRestricting: ['CHN'],
        partners: ['AUS'],
        recyclingShare: 0,
        substitutionIndex: 0.9,
        stockpileDays: 60,
      },
    });
    expect(r.scoreBefore?.status).toBe('ok');
    expect(r.scoreAfter?.status).toBe('ok');
    expect(r.scoreAfter?.score).not.toBe(r.scoreBefore?.score);
  });
});

const supplierArb = fc.record({
  supply: fc.double({ min: 0, max: 1e5, noNaN: true }),
  spare: fc.double({ min: 0, max: 1e5, noNaN: true }),
  partner: fc.boolean(),
});
const shockArb = (n: number) =>
  fc.oneof(
    fc.record({
      kind: fc.constant('exportCut' as const),
      supplier: fc.integer({ min: 0, max: n - 1 }).map((i) => `S${i}`),
      fraction: fc.double({ min: 0, max: 1, noNaN: true }),
      startMonth: fc.integer({ min: 0, max: 23 }),
      months: fc.integer({ min: 1, max: 24 }),
    }),
    fc.record({
      kind: fc.constant('facilityOutage' as const),
      facility: fc.constant('f'),
      supplier: fc.integer({ min: 0, max: n - 1 }).map((i) => `S${i}`),
      lostPerYear: fc.double({ min: 0, max: 1e5, noNaN: true }),
      startMonth: fc.integer({ min: 0, max: 23 }),
      months: fc.integer({ min: 1, max: 24 }),
    }),
    fc.record({
      kind: fc.constant('demandSurge' as const),
      fraction: fc.double({ min: 0, max: 2, noNaN: true }),
      startMonth: fc.integer({ min: 0, max: 23 }),
      months: fc.integer({ min: 1, max: 24 }),
    }),
  );
const scenarioArb = fc.array(supplierArb, { minLength: 1, maxLength: 8 }).chain((suppliers) =>
  fc.record({
    suppliers: fc.constant(
      suppliers.map((s, i) => ({
        id: `S${i}`,
        supplyPerYear: s.supply,
        spareCapacityPerYear: s.spare,
        partner: s.partner,
      })),
    ),
    demandFraction: fc.double({ min: 0.01, max: 1, noNaN: true }),
    stockpileDays: fc.double({ min: 0, max: 365, noNaN: true }),
    partnersFirst: fc.boolean(),
    months: fc.integer({ min: 1, max: 24 }),
    shocks: fc.array(shockArb(suppliers.length), { maxLength: 5 }),
  }),
);

// A thousand runs take about a second on an idle core; the budget leaves room for a machine busy with other work.
describe('simulateDisruption properties (fast-check, 1,000 runs each)', { timeout: 30_000 }, () => {
  it('every month balances and nothing goes negative or NaN', () => {
    fc.assert(
      fc.property(scenarioArb, (s) => {
        const capacity = s.suppliers.reduce((t, x) => t + x.supplyPerYear + x.spareCapacityPerYear, 0);
        const { demandFraction, ...scenario } = s;
        const r = simulateDisruption({ ...scenario, demandPerYear: Math.max(1, capacity * demandFraction) });
        for (const m of r.series) {
          expect(m.supplied + m.fromStockpile + m.shortfall).toBeCloseTo(m.demand, 6);
          for (const v of [m.supplied, m.fromStockpile, m.shortfall, m.stockpileLeft]) {
            expect(v).toBeGreaterThanOrEqual(-1e-9);
            expect(Number.isNaN(v)).toBe(false);
          }
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('no shock → no shortfall, when baseline supply and spare can meet demand', () => {
    fc.assert(
      fc.property(scenarioArb, (s) => {
        const capacity = s.suppliers.reduce((t, x) => t + x.supplyPerYear + x.spareCapacityPerYear, 0);
        fc.pre(capacity > 1);
        const { demandFraction, ...scenario } = s;
        const r = simulateDisruption({ ...scenario, shocks: [], demandPerYear: capacity * demandFraction });
        expect(r.totals.shortfall).toBeLessThanOrEqual(1e-9 * capacity);
        expect(r.totals.fromStockpile).toBeLessThanOrEqual(1e-9 * capacity);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('simulateRisk', () => {
  const baseline = {
    demandPerYear: 1200,
    stockpileDays: 30,
    suppliers: [
      { id: 'CHN', supplyPerYear: 1000, spareCapacityPerYear: 200 },
      { id: 'AUS', supplyPerYear: 200, spareCapacityPerYear: 100, partner: true },
    ],
  };
  const wgi = { CHN: 5.67, AUS: 2.02 };

  it('is reproducible for a seed and differs across seeds', () => {
    const a = simulateRisk({ baseline, wgi, samples: 5000, seed: 42 });
    expect(simulateRisk({ baseline, wgi, samples: 5000, seed: 42 })).toEqual(a);
    expect(simulateRisk({ baseline, wgi, samples: 5000, seed: 43 }).mean).not.toBe(a.mean);
  });

  it('orders its statistics and names the worse-governed, larger supplier as the main driver', () => {
    const r = simulateRisk({ baseline, wgi, samples: 20_000, seed: 7 });
    expect(r.p50).toBeLessThanOrEqual(r.p95);
    expect(r.p95).toBeLessThanOrEqual(r.expectedShortfall);
    expect(r.drivers[0]?.supplier).toBe('CHN');
    expect(r.drivers.reduce((s, d) => s + d.share, 0)).toBeCloseTo(1, 9);
    // A shortfall needs a disruption: at most P(any) = 1 − (1 − 0.174)(1 − 0.040) ≈ 0.207. Mild, short cuts are
    // absorbed by the 30-day stockpile and Australia's spare, so clearly fewer years than that fall short.
    expect(r.probabilityOfShortfall).toBeGreaterThan(0.03);
    expect(r.probabilityOfShortfall).toBeLessThan(0.207);
  });

  it('maps governance to probability as documented', () => {
    expect(disruptionProbability(0)).toBeCloseTo(0.02);
    expect(disruptionProbability(10)).toBeCloseTo(0.5);
    expect(disruptionProbability(5.67)).toBeCloseTo(0.02 + 0.48 * 0.567 ** 2, 12);
  });
});
